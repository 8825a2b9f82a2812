"""Uploads through a partner city's change form and through code: the limits, real images only, no SVG,
metadata removed, orientation applied, generated names, and the stored image kept when a file is refused.
Every image field is a `CleanImageField` (angers_intl/image_fields.py), so these rules hold for all of them."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from angers_intl.image_fields import CleanImageField
from angers_intl.models import SiteProfile
from networks.models import Network, Recognition
from partnerships.models import PartnerCity
from tests.networks.conftest import admin_form_data

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def png_bytes(width, height, mode="RGB", color=(30, 90, 160)):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_gps_and_orientation(orientation=1):
    """A 60 × 40 photo whose left half is red and right half blue, with a GPS position in its EXIF."""
    image = Image.new("RGB", (60, 40), "blue")
    image.paste((255, 0, 0), (0, 0, 30, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (47.0, 28.0, 12.0), 3: "W", 4: (0.0, 33.0, 6.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95, comment=b"taken at home")
    return buffer.getvalue()


@pytest.fixture
def city_form(staff_client, make_city, media_root):
    """(url, data) of Haarlem's change form as rendered, with the image's texts filled in."""
    city = make_city()
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    data.pop("themes")  # none chosen: a multiple choice posts no value at all
    data |= {
        "image_alt_fr": "La Grote Markt",
        "image_alt_en": "The Grote Markt",
    }
    return url, data


def upload(client, form, content, name="photo.png", language="fr"):
    url, data = form
    return client.post(
        url, data | {"image": SimpleUploadedFile(name, content)}, HTTP_ACCEPT_LANGUAGE=language
    )


def field_errors(response):
    return " ".join(response.context["adminform"].form.errors.get("image", []))


def stored_haarlem():
    return PartnerCity.objects.get(slug="haarlem")


def test_every_image_field_is_a_clean_image_field():
    for model, name in [
        (PartnerCity, "image"),
        (Network, "logo"),
        (Recognition, "logo"),
        (SiteProfile, "logo"),
        (SiteProfile, "share_image"),
    ]:
        assert isinstance(model._meta.get_field(name), CleanImageField), (model, name)


def test_a_photo_is_stored_under_a_generated_name_without_its_metadata(staff_client, city_form):
    response = upload(staff_client, city_form, jpeg_with_gps_and_orientation(), name="IMG_0042 maison.jpeg")
    assert response.status_code == 302
    city = stored_haarlem()
    assert re.fullmatch(r"partnerships/cities/[0-9a-f]{20}\.jpg", city.image.name), city.image.name
    with city.image.open("rb") as file:
        stored = file.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert "icc_profile" not in image.info
        assert "exif" not in image.info
        assert "comment" not in image.info
    assert b"PhoneMaker" not in stored
    assert b"taken at home" not in stored
    assert (city.image_width, city.image_height) == (60, 40)


def test_the_orientation_is_applied_and_the_recorded_size_is_the_stored_one(staff_client, city_form):
    # Orientation 6: the camera was turned; viewers rotate the picture 90° clockwise to show it.
    response = upload(staff_client, city_form, jpeg_with_gps_and_orientation(6), name="turned.jpg")
    assert response.status_code == 302
    city = stored_haarlem()
    assert (city.image_width, city.image_height) == (40, 60)
    with city.image.open("rb") as file, Image.open(file) as image:
        assert image.size == (40, 60)
        assert ORIENTATION not in image.getexif()
        red, _green, blue = image.convert("RGB").getpixel((20, 5))  # the red half is now on top
        assert red > 200
        assert blue < 60
        red, _green, blue = image.convert("RGB").getpixel((20, 55))
        assert blue > 200
        assert red < 60


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "plus de 40 millions de pixels"), ("en", "more than 40 million pixels")],
)
def test_a_pixel_bomb_is_refused_before_it_is_decoded(staff_client, city_form, language, message):
    bomb = png_bytes(11_000, 11_000, mode="L", color=128)  # 121 megapixels, a few hundred kilobytes
    assert len(bomb) < 1_000_000
    response = upload(staff_client, city_form, bomb, language=language)
    assert response.status_code == 200
    assert message in field_errors(response)
    assert not stored_haarlem().image


def test_an_image_just_above_the_limit_is_refused_with_its_size(staff_client, city_form, settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 10_000
    response = upload(staff_client, city_form, png_bytes(101, 100), language="en")
    assert "This image is 101 × 100 pixels" in field_errors(response)


@pytest.mark.parametrize(("language", "message"), [("fr", "au plus 1,0"), ("en", "at most 1.0")])
def test_an_oversize_file_is_refused(staff_client, city_form, settings, language, message):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1024 * 1024
    heavy = png_bytes(10, 10) + b"\0" * (1024 * 1024)
    response = upload(staff_client, city_form, heavy, language=language)
    assert response.status_code == 200
    assert message in field_errors(response)
    assert not stored_haarlem().image


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "n’est pas une image"), ("en", "is not an image")],
)
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(staff_client, city_form, language, message):
    response = upload(staff_client, city_form, b"%PDF-1.7 not a picture", name="photo.jpg", language=language)
    assert response.status_code == 200
    assert message in field_errors(response)


@pytest.mark.parametrize(("language", "message"), [("fr", "SVG"), ("en", "SVG images are not accepted")])
def test_an_svg_with_a_script_is_refused(staff_client, city_form, language, message):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    response = upload(staff_client, city_form, svg, name="logo.png", language=language)
    assert response.status_code == 200
    assert message in field_errors(response)


def test_a_refused_upload_keeps_the_stored_image(staff_client, city_form):
    assert upload(staff_client, city_form, png_bytes(80, 50)).status_code == 302
    before = stored_haarlem()
    with before.image.open("rb") as file:
        stored_bytes = file.read()
    bomb = png_bytes(11_000, 11_000, mode="L", color=128)
    assert upload(staff_client, city_form, bomb).status_code == 200
    after = stored_haarlem()
    assert (after.image.name, after.image_width, after.image_height) == (before.image.name, 80, 50)
    with after.image.open("rb") as file:
        assert file.read() == stored_bytes


def test_code_that_saves_a_file_goes_through_the_same_rules(make_city, media_root):
    city = make_city()
    city.image.save("kept.png", ContentFile(png_bytes(30, 20)))
    kept = city.image.name
    with pytest.raises(ValidationError) as refused:
        city.image.save("bomb.png", ContentFile(png_bytes(11_000, 11_000, mode="L", color=0)))
    assert refused.value.code == "too_many_pixels"
    assert stored_haarlem().image.name == kept
    assert re.fullmatch(r"partnerships/cities/[0-9a-f]{20}\.png", kept)


def test_a_palette_gif_with_transparency_becomes_a_png_keeping_it(make_city, media_root):
    buffer = io.BytesIO()
    Image.new("P", (20, 10), 0).save(buffer, format="GIF", transparency=0)
    city = make_city()
    city.image.save("anim.gif", ContentFile(buffer.getvalue()))
    assert city.image.name.endswith(".png")
    with city.image.open("rb") as file, Image.open(file) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "fr",
            "L’image choisie n’a pas été enregistrée, à cause des erreurs de ce formulaire ; un navigateur ne "
            "peut pas garder un fichier choisi. Choisissez-la de nouveau avant d’enregistrer.",
        ),
        (
            "en",
            "The image you chose was not saved, because of the errors in this form; a browser cannot keep a "
            "chosen file. Choose it again before saving.",
        ),
    ],
)
def test_after_a_form_error_staff_are_told_to_choose_the_image_again(
    staff_client, city_form, language, message
):
    url, data = city_form
    response = upload(
        staff_client, (url, data | {"year_started": "not a year"}), png_bytes(60, 40), language=language
    )
    assert response.status_code == 200
    assert field_errors(response) == message
    assert message in response.content.decode()  # beside the field, in the staff member's language
    assert not stored_haarlem().image


def test_after_an_error_in_a_key_date_staff_are_told_to_choose_the_image_again(staff_client, city_form):
    url, data = city_form
    data = data | {"milestones-TOTAL_FORMS": "1", "milestones-0-year": "1066", "milestones-0-title_fr": ""}
    response = upload(staff_client, (url, data), png_bytes(60, 40), language="en")
    assert response.status_code == 200
    assert "Choose it again before saving." in field_errors(response)


def test_no_message_without_a_chosen_image_or_for_a_refused_one(staff_client, city_form):
    url, data = city_form
    response = staff_client.post(url, data | {"year_started": "not a year"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert field_errors(response) == ""
    refused = upload(staff_client, (url, data | {"year_started": "x"}), b"not a picture", language="en")
    assert "Choose it again" not in field_errors(refused)
