"""Staff export networks and distinctions as CSV and XLSX, and import them back through a preview."""

import csv
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from networks.models import Distinction, Network, RecognitionKind, RecognitionLevel

CSV_FORMAT, XLSX_FORMAT = "0", "1"
DISTINCTIONS = "recognition,year,level,awarded_on,valid_from,valid_until,note_fr,note_en"


@pytest.fixture
def ladder(make_recognition):
    """A recognition with three levels; the city holds the first (2018)."""
    prize = make_recognition("ie-prize", kind=RecognitionKind.AWARD)
    for rank, name_en in enumerate(["European Diploma", "Flag of Honour", "Plaque of Honour"], start=1):
        RecognitionLevel.objects.create(
            recognition=prize, rank=rank, name_fr=f"Niveau {rank}", name_en=name_en
        )
    Distinction.objects.create(recognition=prize, year=2018, level=prize.levels.get(rank=1))
    return prize


def export(client, model, file_format=CSV_FORMAT):
    response = client.post(reverse(f"admin:networks_{model}_export"), {"format": file_format})
    assert response.status_code == 200
    return response


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def preview(client, model, content, *, language="fr"):
    return client.post(
        reverse(f"admin:networks_{model}_import"),
        {"import_file": SimpleUploadedFile("file.csv", content.encode()), "format": CSV_FORMAT},
        headers={"accept-language": language},
    )


def confirm(client, model, preview_response, *, skip_invalid_rows=False):
    data = dict(preview_response.context["confirm_form"].initial)
    if skip_invalid_rows:
        data["skip_invalid_rows"] = "on"
    return client.post(reverse(f"admin:networks_{model}_process_import"), data, follow=True)


def import_types(response):
    return re.findall(r'class="import-type">\s*([^<]*?)\s*<', response.content.decode())


def text(response):
    return " ".join(response.content.decode().split())


def test_networks_export_as_csv_and_xlsx_with_both_languages(communication_staff, client, make_network):
    make_network(
        "ie-eurocities", name_fr="Eurocités", name_en="Eurocities", acronym_en="EC", founded_year=1986
    )

    row = {row["slug"]: row for row in csv_rows(export(client, "network"))}["ie-eurocities"]
    assert (row["name_fr"], row["name_en"], row["acronym_en"]) == ("Eurocités", "Eurocities", "EC")
    assert (row["kind"], row["scope"], row["founded_year"], row["published"]) == (
        "city",
        "european",
        "1986",
        "1",
    )
    assert "id" not in row

    sheet = openpyxl.load_workbook(io.BytesIO(export(client, "network", XLSX_FORMAT).content)).active
    header = [cell.value for cell in sheet[1]]
    cells = {row[0].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)}
    assert cells["ie-eurocities"]["name_en"].value == "Eurocities"
    assert cells["ie-eurocities"]["founded_year"].value == "1986"


def test_imported_networks_arrive_unpublished_and_updates_keep_their_state(
    communication_staff, client, make_network
):
    make_network("ie-known", published=True)
    content = (
        "slug,name_fr,name_en,kind,scope,founded_year\n"
        "ie-known,Réseau connu,Known network,thematic,worldwide,2004\n"
        "ie-fresh,Réseau neuf,Fresh network,city,regional,\n"
    )

    response = preview(client, "network", content, language="en")
    assert import_types(response) == ["Update", "New"]
    assert not Network.objects.filter(slug="ie-fresh").exists()

    confirm(client, "network", response)
    fresh = Network.objects.get(slug="ie-fresh")
    assert (fresh.name_en, fresh.kind, fresh.founded_year, fresh.published) == (
        "Fresh network",
        "city",
        None,
        False,
    )
    known = Network.objects.get(slug="ie-known")
    assert (known.name_fr, known.scope, known.founded_year, known.published) == (
        "Réseau connu",
        "worldwide",
        2004,
        True,
    )


def test_distinctions_export_by_recognition_slug_year_and_level_rank(communication_staff, client, ladder):
    rows = [row for row in csv_rows(export(client, "distinction")) if row["recognition"] == "ie-prize"]

    assert rows == [
        {
            "recognition": "ie-prize",
            "year": "2018",
            "level": "1",
            "awarded_on": "",
            "valid_from": "",
            "valid_until": "",
            "note_fr": "",
            "note_en": "",
        }
    ]


def test_distinctions_import_on_their_natural_key(communication_staff, client, ladder):
    content = (
        f"{DISTINCTIONS}\n"
        "ie-prize,2018,1,,,,Remis à Strasbourg,Awarded in Strasbourg\n"
        "ie-prize,2021,2,2021-06-21,,,,\n"
    )

    response = preview(client, "distinction", content)
    assert import_types(response) == ["Mettre à jour", "Nouveau"]
    confirm(client, "distinction", response)

    diploma = Distinction.objects.get(recognition=ladder, year=2018)
    assert (diploma.level.rank, diploma.note_fr, diploma.note_en) == (
        1,
        "Remis à Strasbourg",
        "Awarded in Strasbourg",
    )
    flag = Distinction.objects.get(recognition=ladder, year=2021)
    assert (flag.level.name_en, flag.awarded_on.isoformat()) == ("Flag of Honour", "2021-06-21")
    assert ladder.distinctions.count() == 2


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "fr",
            [
                "Aucun élément « label ou distinction » n’a le slug « nowhere ».",
                "« ie-prize » n’a pas de niveau de rang 9.",
                "La date exacte doit tomber dans l’année indiquée.",
                "Saisissez une date valide.",
            ],
        ),
        (
            "en",
            [
                "No label or award has the slug “nowhere”.",
                "“ie-prize” has no level of rank 9.",
                "The exact date must fall in the year given.",
                "Enter a valid date.",
            ],
        ),
    ],
)
def test_bad_distinction_rows_are_refused_with_messages_in_the_admins_language(
    communication_staff, client, ladder, language, messages
):
    content = (
        f"{DISTINCTIONS}\n"
        "ie-prize,2022,3,,,,,\n"
        "nowhere,2020,,,,,,\n"
        "ie-prize,2019,9,,,,,\n"
        "ie-prize,2019,2,2018-05-01,,,,\n"
        "ie-prize,2020,2,,soon,,,\n"
    )

    response = preview(client, "distinction", content, language=language)

    page = text(response)
    for message in messages:
        assert message in page
    assert Distinction.objects.filter(recognition=ladder).count() == 1

    refused = confirm(client, "distinction", response)
    assert Distinction.objects.filter(recognition=ladder).count() == 1
    assert refused.redirect_chain[-1][0] == reverse("admin:networks_distinction_import")

    # The refused file was discarded: staff upload it again and, this time, skip the bad rows.
    again = confirm(client, "distinction", response, skip_invalid_rows=True)
    assert Distinction.objects.filter(recognition=ladder).count() == 1
    assert len([str(message) for message in again.context["messages"]]) == 1

    confirm(client, "distinction", preview(client, "distinction", content), skip_invalid_rows=True)
    assert sorted(Distinction.objects.filter(recognition=ladder).values_list("year", flat=True)) == [
        2018,
        2022,
    ]
