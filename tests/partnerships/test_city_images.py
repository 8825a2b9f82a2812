"""What visitors get from a partner city's image (issue 15): the `width`/`height` of every `<img>` are the size
of the file actually served (EXIF orientation applied), for `src` and each `srcset` candidate; no rendition
is wider than the original; a portrait photo does not fill the city page; staff's focal point steers the crop.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from partnerships.models import PartnerCity
from tests.networks.conftest import admin_form_data

ORIENTATION = 0x0112
STATIC = Path(settings.BASE_DIR) / "static"


def jpeg(width, height, orientation=None):
    buffer = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[ORIENTATION] = orientation
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def city_img(html, css_class):
    """The attributes of the `<img>` with `css_class` in `html`."""
    tag = re.search(rf'<img [^>]*class="{css_class}[ "][^>]*>', html)
    assert tag, html
    return dict(re.findall(r'([a-z-]+)="([^"]*)"', tag.group(0)))


def served_size(media_root, url):
    with Image.open(Path(media_root) / url.removeprefix("/media/")) as image:
        return image.size


def assert_declared_sizes_are_the_files(img, media_root):
    """`src` is the widest candidate, its size is the declared one, and every candidate has that shape."""
    width, height = int(img["width"]), int(img["height"])
    assert served_size(media_root, img["src"]) == (width, height)
    candidates = [c.rsplit(" ", 1) for c in img["srcset"].split(", ")]
    assert candidates[-1] == [img["src"], f"{width}w"]
    for url, descriptor in candidates:
        candidate_width, candidate_height = served_size(media_root, url)
        assert descriptor == f"{candidate_width}w"
        assert candidate_height == max(1, round(height * candidate_width / width))
    return [int(d.removesuffix("w")) for _url, d in candidates]


def city_page(client, city, language="fr"):
    return client.get(city.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_photo_turned_by_its_exif_is_declared_as_served(client, staff_client, make_city, media_root):
    """The issue's photo: 960 × 640 pixels with "rotate 90°" in its EXIF, uploaded through the admin."""
    city = make_city()
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    data.pop("themes")
    data |= {"image_alt_fr": "La Grote Markt", "image_alt_en": "The Grote Markt"}
    photo = ContentFile(jpeg(960, 640, orientation=6), name="turned.jpg")
    assert staff_client.post(url, data | {"image": photo}).status_code == 302
    img = city_img(city_page(client, city), "city__image")
    assert (img["width"], img["height"]) == ("640", "960")  # portrait, as shown and as served
    assert assert_declared_sizes_are_the_files(img, media_root) == [320, 640]


def test_a_file_stored_with_its_exif_and_an_unturned_recorded_size_is_declared_as_served(
    client, make_city, media_root
):
    """A file that reached the storage before uploads were re-encoded: still EXIF-turned, and Django recorded
    the size of the unturned pixels. The page declares the size read from the file, orientation applied."""
    city = make_city()
    (media_root / "partnerships/cities").mkdir(parents=True)
    (media_root / "partnerships/cities/old.jpg").write_bytes(jpeg(960, 640, orientation=6))
    PartnerCity.objects.filter(pk=city.pk).update(
        image="partnerships/cities/old.jpg", image_width=960, image_height=640, image_alt_fr="Le port"
    )
    img = city_img(city_page(client, city), "city__image")
    assert (img["width"], img["height"]) == ("640", "960")
    assert assert_declared_sizes_are_the_files(img, media_root) == [320, 640]


def test_an_800_pixel_original_is_never_upscaled(client, make_city, media_root):
    city = make_city(image_alt_fr="Le beffroi")
    city.image.save("beffroi.jpg", ContentFile(jpeg(800, 600)))
    img = city_img(city_page(client, city), "city__image")
    assert (img["width"], img["height"]) == ("800", "600")
    assert assert_declared_sizes_are_the_files(img, media_root) == [320, 640, 800]
    assert not list((media_root / "renditions").rglob("*-960w.webp"))


def test_a_large_original_has_every_rendition_width(client, make_city, media_root):
    city = make_city(image_alt_fr="Le beffroi")
    city.image.save("beffroi.jpg", ContentFile(jpeg(1500, 1000)))
    img = city_img(city_page(client, city), "city__image")
    assert assert_declared_sizes_are_the_files(img, media_root) == [320, 640, 960]


def test_a_portrait_photo_is_limited_in_height_on_the_city_page(client, make_city, media_root):
    city = make_city(image_alt_fr="La tour")
    city.image.save("tour.jpg", ContentFile(jpeg(640, 1090)))
    img = city_img(city_page(client, city), "city__image")
    assert "style" not in img  # the CSP forbids inline styles: the stylesheet does it
    rule = re.search(r"\.city__image \{([^}]*)\}", (STATIC / "css/partnerships.css").read_text()).group(1)
    assert "max-height: min(28rem, 70vh)" in rule
    assert "object-fit: cover" in rule
    assert "width: 100%" in rule


def test_the_focal_point_staff_set_is_where_the_crop_is_centred(client, staff_client, make_city, media_root):
    city = make_city(image_alt_fr="Le port")
    city.image.save("port.jpg", ContentFile(jpeg(1200, 800)))
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    form = staff_client.get(url)
    assert b'name="image_focal_x"' in form.content
    data = admin_form_data(form)
    data.pop("themes")
    data |= {"image_focal_x": "22", "image_focal_y": "80"}
    assert staff_client.post(url, data).status_code == 302
    assert PartnerCity.objects.filter(pk=city.pk, image_focal_x=22, image_focal_y=80).exists()

    page = city_img(city_page(client, city), "city__image")
    assert page["class"] == "city__image focus-x-20 focus-y-80"  # the nearest 5 %
    card = city_img(client.get(reverse("partnerships:city_list")).content.decode(), "city-card__image")
    assert card["class"] == "city-card__image focus-x-20 focus-y-80"
    site_css = (STATIC / "css/site.css").read_text()
    assert "img { object-position: var(--focus-x, 50%) var(--focus-y, 50%); }" in site_css
    for step in range(0, 101, 5):
        assert f".focus-x-{step} {{ --focus-x: {step}%; }}" in site_css
        assert f".focus-y-{step} {{ --focus-y: {step}%; }}" in site_css


def test_without_a_chosen_focal_point_the_crop_is_centred(client, make_city, media_root):
    city = make_city(image_alt_fr="Le port")
    city.image.save("port.jpg", ContentFile(jpeg(1200, 800)))
    assert city_img(city_page(client, city), "city__image")["class"] == "city__image focus-x-50 focus-y-50"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Assurez-vous que cette valeur est inférieure ou égale à 100."),
        ("en", "Ensure this value is less than or equal to 100."),
    ],
)
def test_a_focal_point_outside_the_image_is_refused(make_city, language, message):
    from django.utils import translation

    city = make_city()
    city.image_focal_x = 101
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            city.full_clean()
        assert refused.value.message_dict["image_focal_x"] == [message]
    with transaction.atomic(), pytest.raises(IntegrityError):
        PartnerCity.objects.filter(pk=city.pk).update(image_focal_y=101)
