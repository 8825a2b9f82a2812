"""Responsive images: WebP renditions at a few widths, made once and kept on the storage."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.template import Context, Template
from PIL import Image

from angers_intl.images import rendition_widths, renditions


def image_bytes(width, height, mode="RGB", image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (200, 80, 40) if mode == "RGB" else (200, 80, 40, 128)).save(
        buffer, format=image_format
    )
    return buffer.getvalue()


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path, base_url="/media/")


def test_renditions_are_webp_at_each_width_keeping_the_proportions(storage):
    name = storage.save("cities/haarlem.jpg", ContentFile(image_bytes(1200, 800)))
    found = renditions(storage, name)
    assert [(r.width, r.height) for r in found] == [(320, 213), (640, 427), (960, 640)]
    assert [r.url for r in found] == [
        "/media/renditions/cities/haarlem-320w.webp",
        "/media/renditions/cities/haarlem-640w.webp",
        "/media/renditions/cities/haarlem-960w.webp",
    ]
    with storage.open("renditions/cities/haarlem-640w.webp") as file, Image.open(file) as image:
        assert (image.format, image.size) == ("WEBP", (640, 427))


def test_renditions_are_made_once_then_reused(storage):
    name = storage.save("cities/pisa.jpg", ContentFile(image_bytes(700, 700)))
    renditions(storage, name)
    stamp = storage.get_modified_time("renditions/cities/pisa-320w.webp")
    again = renditions(storage, name, width=700, height=700)
    assert storage.get_modified_time("renditions/cities/pisa-320w.webp") == stamp
    assert [r.width for r in again] == [320, 640, 700]  # never wider than the original
    assert sorted(storage.listdir("renditions/cities")[1]) == [
        "pisa-320w.webp",
        "pisa-640w.webp",
        "pisa-700w.webp",
    ]


def test_transparent_images_keep_their_transparency(storage):
    name = storage.save("logo.png", ContentFile(image_bytes(400, 200, mode="RGBA", image_format="PNG")))
    found = renditions(storage, name)
    assert [r.width for r in found] == [320, 400]
    with storage.open("renditions/logo-320w.webp") as file, Image.open(file) as image:
        assert image.mode == "RGBA"


def test_a_file_that_is_not_an_image_gives_no_rendition(storage):
    name = storage.save("broken.jpg", ContentFile(b"not an image"))
    assert renditions(storage, name) == []


def test_small_originals_are_not_upscaled():
    assert rendition_widths(200) == [200]
    assert rendition_widths(800) == [320, 640, 800]  # the 800 px original: no 960 px upscale
    assert rendition_widths(960) == [320, 640, 960]  # the original's own width, not less
    assert rendition_widths(4000) == [320, 640, 960]
    assert rendition_widths(1200, widths=(1200,)) == [1200]  # a sharing image exactly 1200 px wide


def test_the_declared_size_is_the_file_s_even_when_the_caller_says_otherwise(storage):
    """A size recorded before uploads were re-encoded may be the unturned one: the file's header decides."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter
    Image.new("RGB", (1200, 800)).save(buffer, format="JPEG", exif=exif)
    name = storage.save("cities/turned.jpg", ContentFile(buffer.getvalue()))
    found = renditions(storage, name, width=1200, height=800)
    assert [(r.width, r.height) for r in found] == [(320, 480), (640, 960), (800, 1200)]
    for rendition in found:
        with storage.open(rendition.url.removeprefix("/media/")) as file, Image.open(file) as image:
            assert image.size == (rendition.width, rendition.height)


def test_template_tag_writes_a_complete_responsive_img(db, settings, tmp_path):
    from partnerships.models import PartnerCity

    settings.MEDIA_ROOT = tmp_path
    city = PartnerCity(slug="osnabruck", name_fr="Osnabrück")
    city.image.save("osnabruck.jpg", ContentFile(image_bytes(1600, 900)), save=False)
    html = Template('{% load images %}{% responsive_image city.image alt=alt sizes="50vw" %}').render(
        Context({"city": city, "alt": "La mairie d’Osnabrück & sa place"})
    )
    stem = city.image.name.removesuffix(".jpg")  # a generated name (angers_intl/image_fields.py)
    assert html == (
        f'<img src="/media/renditions/{stem}-960w.webp" '
        f'srcset="/media/renditions/{stem}-320w.webp 320w, '
        f"/media/renditions/{stem}-640w.webp 640w, "
        f'/media/renditions/{stem}-960w.webp 960w" sizes="50vw" '
        'width="960" height="540" alt="La mairie d’Osnabrück &amp; sa place" loading="lazy" decoding="async" '
        'class="focus-x-50 focus-y-50">'
    )


def test_template_tag_writes_nothing_without_an_image(db):
    from partnerships.models import PartnerCity

    html = Template("{% load images %}{% responsive_image city.image alt='x' %}").render(
        Context({"city": PartnerCity()})
    )
    assert html == ""


class CountingStorage(FileSystemStorage):
    """Django's file storage, counting how often it is asked whether a file exists (a remote object
    storage pays a network round trip for each)."""

    exists_calls = 0

    def exists(self, name):
        self.exists_calls += 1
        return super().exists(name)


def test_once_made_renditions_are_not_looked_up_on_the_storage_again(tmp_path):
    storage = CountingStorage(location=tmp_path, base_url="/media/")
    name = storage.save("cities/pisa.jpg", ContentFile(image_bytes(1200, 800)))
    first = renditions(storage, name)
    calls_after_first = storage.exists_calls
    assert calls_after_first >= 3
    assert renditions(storage, name) == first
    assert storage.exists_calls == calls_after_first
