"""Staff export partner cities and programmes as CSV and XLSX, and import them back through a preview."""

import csv
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.models import PartnerCity, Programme, Theme

CSV_FORMAT, XLSX_FORMAT = "0", "1"
HEADER = "slug,name_fr,name_en,country,agreement_type,year_started,themes,summary_fr,summary_en"


@pytest.fixture
def themes(db):
    return [
        Theme.objects.get_or_create(slug=slug, defaults={"name_fr": slug.title()})[0]
        for slug in ("ie-culture", "ie-economy")
    ]


@pytest.fixture
def twin(make_city, themes):
    """A published city that imports will update."""
    return make_city(
        "ie-twin", name="Ville jumelle", name_en="Twin town", themes=[themes[0]], longitude=Decimal("-3.5500")
    )


def export(client, model="partnercity", file_format=CSV_FORMAT):
    response = client.post(reverse(f"admin:partnerships_{model}_export"), {"format": file_format})
    assert response.status_code == 200, response.content[:500]
    return response


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = list(sheet.iter_rows())
    names = [cell.value for cell in header]
    return [dict(zip(names, row, strict=True)) for row in rows]


def preview(
    client, content, *, model="partnercity", language="fr", file_format=CSV_FORMAT, name="cities.csv"
):
    upload = SimpleUploadedFile(name, content if isinstance(content, bytes) else content.encode())
    return client.post(
        reverse(f"admin:partnerships_{model}_import"),
        {"import_file": upload, "format": file_format},
        headers={"accept-language": language},
    )


def confirm(client, preview_response, *, model="partnercity", skip_invalid_rows=False, language="fr"):
    data = dict(preview_response.context["confirm_form"].initial)
    if skip_invalid_rows:
        data["skip_invalid_rows"] = "on"
    return client.post(
        reverse(f"admin:partnerships_{model}_process_import"),
        data,
        headers={"accept-language": language},
        follow=True,
    )


def page_text(response):
    return response.content.decode()


def import_types(text):
    """What the preview says it will do with each row, in order."""
    return re.findall(r'class="import-type">\s*([^<]*?)\s*<', text)


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


UPDATE_AND_NEW = f"""{HEADER}
ie-twin,Ville jumelle,Twin town renamed,NL,twinning,1964,"ie-culture, ie-economy",Une ville jumelle.,A twin town.
ie-new,Nouvelle ville,New town,DE,partnership,2001,ie-economy,Une nouvelle amie.,A new friend.
"""


def test_export_csv_has_both_languages_slugs_and_codes_and_no_ids(staff_client, twin):
    rows = {row["slug"]: row for row in csv_rows(export(staff_client))}

    row = rows["ie-twin"]
    assert "id" not in row
    assert (row["name_fr"], row["name_en"]) == ("Ville jumelle", "Twin town")
    assert (row["summary_fr"], row["summary_en"]) == ("Une ville jumelle.", "A twin town.")
    assert row["country"] == "NL"
    assert row["themes"] == "ie-culture"
    assert (row["year_started"], row["longitude"], row["published"]) == ("1964", "-3.5500", "1")


def test_export_xlsx_cells(staff_client, twin):
    response = export(staff_client, file_format=XLSX_FORMAT)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = {row["slug"].value: row for row in xlsx_rows(response)}
    row = rows["ie-twin"]
    assert row["name_en"].value == "Twin town"
    assert row["country"].value == "NL"
    assert row["themes"].value == "ie-culture"
    assert row["year_started"].value == "1964"
    assert "id" not in row


def test_exported_cells_that_a_spreadsheet_would_run_are_neutralised_and_import_back_unchanged(
    staff_client, make_city
):
    make_city(
        "ie-formula",
        name='=HYPERLINK("https://evil.example","x")',
        name_en="+33 city",
        region_fr="-1+1",
        region_en="@SUM(A1)",
        summary_fr="\tTabbed",
        # A one-line field: multi-line text is stored with "\n" line endings (angers_intl/text_fields.py).
        image_credit_en="\rReturned",
        longitude=Decimal("-3.5500"),
    )

    row = {row["slug"]: row for row in csv_rows(export(staff_client))}["ie-formula"]
    assert row["name_fr"] == '\'=HYPERLINK("https://evil.example","x")'
    assert (row["name_en"], row["region_fr"], row["region_en"]) == ("'+33 city", "'-1+1", "'@SUM(A1)")
    assert (row["summary_fr"], row["image_credit_en"]) == ("'\tTabbed", "'\rReturned")
    assert row["longitude"] == "-3.5500"  # a number, not text a spreadsheet would run

    cells = {row["slug"].value: row for row in xlsx_rows(export(staff_client, file_format=XLSX_FORMAT))}
    name_cell = cells["ie-formula"]["name_fr"]
    assert name_cell.data_type == "s"
    assert name_cell.value.startswith("'=")

    # The escape is undone on import: the exported file changes nothing.
    exported = export(staff_client).content
    confirm(staff_client, preview(staff_client, exported))
    city = PartnerCity.objects.get(slug="ie-formula")
    assert city.name_fr == '=HYPERLINK("https://evil.example","x")'
    assert (city.name_en, city.region_fr, city.region_en) == ("+33 city", "-1+1", "@SUM(A1)")
    assert city.summary_fr == "\tTabbed"  # (a CSV reader turns a carriage return into a new line)


@pytest.mark.parametrize(
    ("language", "new", "update", "confirm_label"),
    [
        ("fr", "Nouveau", "Mettre à jour", "Confirmer l’importation"),
        ("en", "New", "Update", "Confirm import"),
    ],
)
def test_preview_shows_new_and_updated_rows_in_the_admins_language_and_saves_nothing(
    staff_client, twin, language, new, update, confirm_label
):
    count = PartnerCity.objects.count()

    response = preview(staff_client, UPDATE_AND_NEW, language=language)

    assert response.status_code == 200
    text = page_text(response)
    assert import_types(text) == [update, new]
    assert confirm_label in text
    assert "<ins>" in text  # the change, marked in the row's diff (no inline style: the CSP blocks it)
    assert " style=" not in text
    assert "renamed" in text
    assert PartnerCity.objects.count() == count
    twin.refresh_from_db()
    assert twin.name_en == "Twin town"


def test_confirm_creates_unpublished_cities_and_updates_keep_their_publication(staff_client, twin, themes):
    twin.published = True
    twin.save()

    response = confirm(staff_client, preview(staff_client, UPDATE_AND_NEW))

    assert response.status_code == 200
    assert any("1" in message for message in shown_messages(response))
    new = PartnerCity.objects.get(slug="ie-new")
    assert (new.name_fr, new.name_en, new.country.code, new.year_started) == (
        "Nouvelle ville",
        "New town",
        "DE",
        2001,
    )
    assert not new.published
    assert [theme.slug for theme in new.themes.all()] == ["ie-economy"]
    twin.refresh_from_db()
    assert twin.name_en == "Twin town renamed"
    assert twin.published
    assert sorted(theme.slug for theme in twin.themes.all()) == ["ie-culture", "ie-economy"]


BAD_ROWS = f"""{HEADER}
ie-good,Bonne ville,Good town,IT,twinning,1990,ie-culture,Une bonne ville.,A good town.
ie-bad-country,Mauvais pays,,XX,twinning,1990,,Un résumé.,
ie-bad-year,Mauvaise année,,ES,twinning,dix-neuf,,Un résumé.,
ie-old,Trop ancienne,,ES,twinning,1850,,Un résumé.,
carte,Adresse réservée,,ES,twinning,1990,,Un résumé.,
ie-bad-theme,Thème inconnu,,ES,twinning,1990,"ie-culture, ie-nowhere",Un résumé.,
ie-no-name,,,ES,twinning,1990,,,
"""


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "fr",
            [
                "n’est pas un choix valide",  # Django's own message for an unknown country code
                "Saisissez un nombre entier.",
                "Saisissez une année comprise entre 1900 et",
                "Cet identifiant est l’adresse d’une autre page",
                "ie-nowhere",
                "Ce champ ne peut pas être vide.",
                "Certaines lignes ont échoué à la validation",
                "Importer les lignes valides (1) et ignorer les 6 lignes en erreur",
            ],
        ),
        (
            "en",
            [
                "is not a valid choice",
                "Enter a whole number.",
                "Enter a year between 1900 and",
                "This slug is the address of another page",
                "ie-nowhere",
                "This field cannot be blank.",
                "Some rows failed to validate",
                "Import the valid rows (1) and skip the 6 rows with errors",
            ],
        ),
    ],
)
def test_preview_lists_each_bad_rows_errors_in_the_admins_language(staff_client, themes, language, messages):
    response = preview(staff_client, BAD_ROWS, language=language)

    assert response.status_code == 200
    text = " ".join(page_text(response).split())
    for message in messages:
        assert message in text
    assert "Traceback" not in text
    assert not PartnerCity.objects.filter(slug__startswith="ie-").exists()


def test_a_file_with_bad_rows_saves_no_row_unless_they_are_skipped(staff_client, themes):
    response = confirm(staff_client, preview(staff_client, BAD_ROWS))

    assert response.redirect_chain[-1][0] == reverse("admin:partnerships_partnercity_import")
    assert "Rien n’a été importé : 6 lignes sont en erreur." in " ".join(shown_messages(response))
    assert not PartnerCity.objects.filter(slug__startswith="ie-").exists()


def test_skipping_the_bad_rows_imports_only_the_valid_ones(staff_client, themes):
    response = confirm(staff_client, preview(staff_client, BAD_ROWS), skip_invalid_rows=True)

    assert response.redirect_chain[-1][0] == reverse("admin:partnerships_partnercity_changelist")
    assert "6 lignes en erreur ont été ignorées." in shown_messages(response)
    assert list(PartnerCity.objects.filter(slug__startswith="ie-").values_list("slug", "published")) == [
        ("ie-good", False)
    ]
    assert not PartnerCity.objects.filter(slug="carte").exists()


def test_a_file_whose_rows_are_all_bad_offers_no_confirm_step(staff_client):
    response = preview(staff_client, f"{HEADER}\nie-x,Ville,,XX,twinning,1990,,Un résumé.,\n")

    assert "confirm_form" not in response.context
    assert "Confirmer l’importation" not in page_text(response)


def test_an_xlsx_file_imports_like_a_csv_file(staff_client, twin):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["ie-xlsx", "Ville tableur", None, "PT", "friendship", 2010, None, "Un résumé.", None])
    content = io.BytesIO()
    workbook.save(content)

    response = preview(staff_client, content.getvalue(), file_format=XLSX_FORMAT, name="cities.xlsx")
    assert "Nouveau" in page_text(response)
    confirm(staff_client, response)

    city = PartnerCity.objects.get(slug="ie-xlsx")
    assert (city.name_fr, city.name_en, city.year_started, city.published) == (
        "Ville tableur",
        "",
        2010,
        False,
    )


def test_programmes_import_with_their_partner_cities_as_slugs(staff_client, twin):
    content = (
        "slug,name_fr,name_en,start_year,partner_cities,summary_fr,summary_en\n"
        "ie-exchange,Échange,Exchange,1999,ie-twin,Un échange.,An exchange.\n"
    )
    response = confirm(staff_client, preview(staff_client, content, model="programme"), model="programme")

    assert response.status_code == 200
    programme = Programme.objects.get(slug="ie-exchange")
    assert [city.slug for city in programme.partner_cities.all()] == ["ie-twin"]
    assert not programme.published
    row = {row["slug"]: row for row in csv_rows(export(staff_client, "programme"))}["ie-exchange"]
    assert (row["partner_cities"], row["name_en"], row["published"]) == ("ie-twin", "Exchange", "0")


def test_only_staff_who_may_add_and_change_import(client, twin):
    viewer = User.objects.create(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_partnercity"))
    client.force_login(viewer)

    changelist = page_text(client.get(reverse("admin:partnerships_partnercity_changelist")))
    assert reverse("admin:partnerships_partnercity_export") in changelist
    assert reverse("admin:partnerships_partnercity_import") not in changelist
    assert client.get(reverse("admin:partnerships_partnercity_import")).status_code == 403
    assert client.post(reverse("admin:partnerships_partnercity_process_import"), {}).status_code == 403
    assert csv_rows(export(client))[0]["slug"] == "ie-twin"


def test_the_communication_group_imports_and_exports(staff_client):
    changelist = page_text(staff_client.get(reverse("admin:partnerships_partnercity_changelist")))

    assert reverse("admin:partnerships_partnercity_import") in changelist
    assert reverse("admin:partnerships_partnercity_export") in changelist
    import_page = staff_client.get(reverse("admin:partnerships_partnercity_import"))
    assert import_page.status_code == 200
    columns = import_page.context["fields_list"][0][1]
    assert columns[:3] == ["slug", "name_fr", "name_en"]
    assert "published" not in columns  # exported for information, never imported
    assert staff_client.get(reverse("admin:partnerships_partnercity_export")).status_code == 200


def test_a_file_name_the_upload_did_not_issue_is_refused(staff_client, twin):
    data = dict(preview(staff_client, UPDATE_AND_NEW).context["confirm_form"].initial)
    data["import_file_name"] = "db.sqlite3"

    response = staff_client.post(reverse("admin:partnerships_partnercity_process_import"), data)

    assert response.status_code == 400
    assert not PartnerCity.objects.filter(slug="ie-new").exists()


def test_a_confirmed_import_is_in_the_audit_log_and_each_new_draft_in_its_history(staff_client, twin, themes):
    from audit.models import AuditEntry

    assert not AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).exists()
    preview_response = preview(staff_client, UPDATE_AND_NEW)
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT).exists()  # a preview saves nothing

    confirm(staff_client, preview_response)

    entry = AuditEntry.objects.get(action=AuditEntry.Action.IMPORT)
    assert (entry.actor_name, entry.object_repr, entry.detail) == (
        "camille",
        "cities.csv",
        "created=1 updated=1 skipped=0",
    )
    assert entry.content_type.model == "partnercity"
    version = PartnerCity.objects.get(slug="ie-new").history.get()
    assert (version.history_type, version.history_user.username, version.published) == ("+", "camille", False)
