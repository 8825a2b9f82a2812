"""Content folders: export then load is lossless, every editable field of every
content model is in the format, and a folder with mistakes is refused whole, with every mistake named."""

import filecmp
import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from modeltranslation.translator import NotRegistered, translator
from PIL import Image

from angers_intl.content_format import registered_kinds
from angers_intl.models import LegalPage, SeedRecord, SiteProfile
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel
from news.models import Event, NewsItem
from partnerships.models import Milestone, PartnerCity, Programme, Theme

SECOND_CITY = Path(__file__).parent / "fixtures" / "second_city"
CONTENT_MODELS = [
    PartnerCity,
    Milestone,
    Programme,
    Theme,
    Network,
    NetworkFigure,
    Recognition,
    RecognitionLevel,
    Distinction,
    SiteProfile,
    LegalPage,
    NewsItem,
    Event,
]


def files_of(folder):
    return sorted(str(path.relative_to(folder)) for path in Path(folder).rglob("*") if path.is_file())


def assert_same_folders(first, second):
    """`diff -r`: the same files, byte for byte."""
    assert files_of(first) == files_of(second)
    _match, mismatch, errors = filecmp.cmpfiles(first, second, files_of(first), shallow=False)
    assert (mismatch, errors) == ([], [])


def export(folder):
    call_command("export_content", str(folder), stdout=io.StringIO())
    return folder


def empty_the_database():
    Distinction.objects.all().delete()  # before the levels it points to (RESTRICT)
    for model in CONTENT_MODELS:
        model.objects.all().delete()
    SeedRecord.objects.all().delete()


def row_counts():
    return {model.__name__: model.objects.count() for model in [*CONTENT_MODELS, SeedRecord]}


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_export_change_the_name_load_into_an_empty_database_and_export_again(test_city, media_root, tmp_path):
    png = io.BytesIO()
    Image.new("RGB", (30, 20), (200, 40, 40)).save(png, "PNG")
    lumera = PartnerCity.objects.get(slug="lumera")
    lumera.image.save("IMG_0042 Piazza.PNG", ContentFile(png.getvalue()), save=False)
    lumera.image_alt_fr, lumera.image_alt_en = "La piazza de Lumera", "Lumera’s piazza"
    lumera.save()
    first = export(tmp_path / "first")
    assert (first / "images/partner-cities/lumera.png").read_bytes() == png.getvalue()
    assert "images/partner-cities/lumera.png" in (first / "partner-cities.yaml").read_text()
    profile = first / "site-profile.yaml"
    assert "fr: Valmont\n" in profile.read_text()
    profile.write_text(profile.read_text().replace("fr: Valmont\n", "fr: Valmont-sur-Sèvre\n", 1))

    empty_the_database()
    call_command("load_content", str(first), stdout=io.StringIO())
    second = export(tmp_path / "second")

    assert SiteProfile.objects.get().city_name_fr == "Valmont-sur-Sèvre"
    assert PartnerCity.objects.get(slug="lumera").image.width == 30
    assert_same_folders(first, second)
    for path in second.rglob("*.yaml"):
        text = path.read_text()
        assert str(tmp_path) not in text  # no absolute path (the media folder is inside tmp_path)
        assert "updated_at" not in text
        assert not re.search(r"^\s*-?\s*(id|pk):", text, re.MULTILINE)


def test_the_second_city_round_trips_too(media_root, tmp_path, db):
    call_command("load_content", str(SECOND_CITY), stdout=io.StringIO())
    first = export(tmp_path / "first")
    empty_the_database()
    call_command("load_content", str(first), stdout=io.StringIO())
    assert_same_folders(first, export(tmp_path / "second"))


def kinds_by_model():
    found = {}
    for kind in registered_kinds():
        for each in kind.all_kinds():
            found[each.model] = each
    return found


def test_every_editable_field_of_every_content_model_is_exported_or_left_out_with_a_reason():
    kinds = kinds_by_model()
    missing = []
    for model in CONTENT_MODELS:
        kind = kinds[model]
        exported = kind.exported_field_names()
        try:
            localized = {
                field.name: original
                for original, fields in translator.get_options_for_model(model).all_fields.items()
                for field in fields
            }
        except NotRegistered:
            localized = {}
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.primary_key or not field.editable:
                continue
            name = localized.get(field.name, field.name)
            if name in exported:
                continue
            if kind.left_out.get(name, "").strip():
                continue
            missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def folder_with_mistakes(tmp_path):
    folder = tmp_path / "valmont"
    shutil.copytree(SECOND_CITY, folder)
    (folder / "programmes.yaml").unlink()  # a missing file
    cities = (folder / "partner-cities.yaml").read_text()
    cities = cities.replace("year_started: 1972", "year_started: 1850")  # a bad year
    cities = cities.replace("country: IT", "country: XX")  # an unknown country code
    cities = cities.replace("slug: sarvoja", "slug: lumera")  # a duplicate slug
    cities = cities.replace("themes: [youth]", "themes: [youth, sailing]\n  colour: blue")
    write(folder, "partner-cities.yaml", cities)
    (folder / "images/partner-cities/brennhausen.png").write_bytes(b"not a picture")  # a broken image
    write(folder, "recognitions.yaml", "- slug: ville-verte\n  name: {fr: Ville verte\n")  # invalid YAML
    write(folder, "agenda.yaml", "[]\n")  # an unknown file
    return folder


@pytest.fixture
def content_already_there(db):
    """A city, a theme, a network and a legal page that staff already have: a refused folder leaves them."""
    theme = Theme.objects.create(slug="culture", name_fr="Culture", name_en="Culture")
    city = PartnerCity.objects.create(
        slug="oldbridge",
        name_fr="Oldbridge",
        country="GB",
        agreement_type="twinning",
        year_started=1970,
        summary_fr="Une ville jumelle.",
        published=True,
    )
    city.themes.add(theme)
    Network.objects.create(slug="old-network", name_fr="Ancien réseau", kind="city", scope="european")
    LegalPage.objects.create(slug="privacy", title_fr="Données personnelles", body_fr="Texte.")


def test_a_folder_with_mistakes_is_refused_whole_and_every_mistake_is_named(
    content_already_there, media_root, folder_with_mistakes
):
    before = row_counts()
    assert before["PartnerCity"] == before["Network"] == before["LegalPage"] == 1
    errors = io.StringIO()

    with pytest.raises(CommandError) as refused:
        call_command("load_content", str(folder_with_mistakes), stdout=io.StringIO(), stderr=errors)

    report = errors.getvalue().splitlines()
    assert "nothing was stored" in str(refused.value)
    for expected in [
        "programmes.yaml: missing file",
        "partner-cities.yaml, brennhausen, year_started: Enter a year between 1900 and",
        "partner-cities.yaml, lumera, country: Value 'XX' is not a valid choice.",
        "partner-cities.yaml, lumera, slug: the same key as lumera: each record needs its own",
        "partner-cities.yaml, lumera, themes: no theme “sailing”",
        "partner-cities.yaml, lumera, colour: unknown field",
        # The rules of every upload (angers_intl/image_fields.py), in the command's language: English.
        "partner-cities.yaml, brennhausen, image: “images/partner-cities/brennhausen.png”: "
        "This file is not an image that can be read.",
        "recognitions.yaml: invalid YAML (line 3, column 1)",
        "agenda.yaml: unknown file",
    ]:
        assert any(line.startswith(expected) for line in report), (expected, report)
    # The distinction of the unreadable recognitions file is not reported as pointing to nothing.
    assert not any(line.startswith("distinctions.yaml") for line in report), report
    assert row_counts() == before
    assert not PartnerCity.objects.filter(slug__in=["brennhausen", "lumera"]).exists()


def test_the_database_constraints_are_checked_before_anything_is_written(db, tmp_path):
    folder = tmp_path / "valmont"
    shutil.copytree(SECOND_CITY, folder)
    networks = (folder / "networks.yaml").read_text()
    write(
        folder,
        "networks.yaml",
        networks.replace("value: 40", "value: 40\n    - measure: world_share\n      value: 150"),
    )
    errors = io.StringIO()

    with pytest.raises(CommandError):
        call_command("load_content", str(folder), stdout=io.StringIO(), stderr=errors)

    assert errors.getvalue().splitlines() == [
        "networks.yaml, villes-des-vallees/figures/world_share, value: "
        "A share of the world's population is a percentage: 100 at most."
    ]
    assert set(row_counts().values()) == {0}


def test_a_folder_that_does_not_exist_is_named(db, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "load_content", str(tmp_path / "nowhere"), stdout=io.StringIO(), stderr=(errors := io.StringIO())
        )
    assert errors.getvalue().strip().endswith("nowhere: no such folder")
