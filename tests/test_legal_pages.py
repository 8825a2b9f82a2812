"""Legal notice, personal data and accessibility statement: bilingual, written by staff, and filled with
the city's details from the site profile."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from angers_intl.models import LegalPage, LegalPageKind, SiteProfile
from angers_intl.staff import COMMUNICATION_GROUP


def test_loader_writes_the_three_legal_pages_in_both_languages(angers_content):
    pages = {page.slug: page for page in LegalPage.objects.all()}
    assert set(pages) == set(LegalPageKind.values)
    for page in pages.values():
        assert page.title_fr != page.title_en
        assert min(len(page.body_fr), len(page.body_en)) > 500


def test_loader_keeps_what_staff_changed(angers_content):
    LegalPage.objects.filter(slug="privacy").update(body_fr="Texte revu par le service juridique.")
    LegalPage.objects.filter(slug="legal_notice").delete()
    output = io.StringIO()

    call_command("load_content", stdout=output)

    assert LegalPage.objects.get(slug="privacy").body_fr == "Texte revu par le service juridique."
    assert LegalPage.objects.filter(slug="legal_notice").exists()
    assert "legal pages: 1 created, 2 kept as they were" in output.getvalue()


def test_communication_staff_may_edit_but_not_delete_legal_pages(angers_content):
    codenames = set(
        Group.objects.get(name=COMMUNICATION_GROUP)
        .permissions.filter(content_type__app_label="angers_intl")
        .values_list("codename", flat=True)
    )
    assert {"add_legalpage", "change_legalpage", "view_legalpage"} <= codenames
    assert "delete_legalpage" not in codenames


@pytest.mark.parametrize(
    ("path", "title", "expected"),
    [
        (
            "/fr/mentions-legales/",
            "Mentions légales",
            ["Directeur de la publication", "Le maire d’Angers", "Hébergement"],
        ),
        (
            "/en/legal-notice/",
            "Legal notice",
            ["Publication director", "The Mayor of Angers", "Intellectual property"],
        ),
        ("/fr/donnees-personnelles/", "Données personnelles et cookies", ["adresse IP", "30 jours", "CNIL"]),
        ("/en/personal-data/", "Personal data and cookies", ["IP address", "30 days", "withdraw"]),
        (
            "/fr/accessibilite/",
            "Déclaration d’accessibilité",
            ["<strong>non conforme</strong>", "RGAA", "Défenseur des droits"],
        ),
        (
            "/en/accessibility/",
            "Accessibility statement",
            ["<strong>not compliant</strong>", "axe-core", "Defender of Rights"],
        ),
    ],
)
def test_legal_pages_show_the_staff_text_in_the_visitors_language(
    client, angers_content, path, title, expected
):
    response = client.get(path)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in page
    for text in expected:
        assert text in page
    assert '<p class="legal-page__updated">' in page


def test_privacy_and_accessibility_pages_end_with_the_sites_contact(client, angers_content):
    for path in ["/fr/donnees-personnelles/", "/en/accessibility/"]:
        page = client.get(path).content.decode()
        contact = page[page.index("<h2>Contact</h2>") :]
        assert 'href="mailto:relations.internationales@ville.angers.fr"' in contact


def test_external_links_in_legal_texts_are_announced_and_french_names_marked(client, angers_content):
    page = client.get("/en/personal-data/").content.decode()
    assert (
        '<a href="https://www.cnil.fr/" rel="external noopener">CNIL'
        '<span class="visually-hidden"> (external site)</span></a>'
    ) in page
    assert '<span lang="fr">Commission nationale de l’informatique et des libertés</span>' in page


def test_legal_notice_shows_the_hosting_provider_from_the_site_profile(client, angers_content):
    page = client.get("/en/legal-notice/").content.decode()
    assert "to be completed by the site’s operator" in page

    SiteProfile.objects.update(host_en="Example Hosting SAS\n1 rue du Serveur, 49000 Angers\n02 00 00 00 00")
    page = client.get("/en/legal-notice/").content.decode()
    assert "Example Hosting SAS<br>1 rue du Serveur, 49000 Angers<br>02 00 00 00 00" in page
    assert "to be completed" not in page


def test_legal_page_not_yet_written_still_answers(client, db):
    page = client.get("/en/accessibility/").content.decode()
    assert "<h1>Accessibility statement</h1>" in page
    assert "This page has not been written yet." in page


@pytest.mark.parametrize("path", ["/fr/mentions-legales/", "/en/personal-data/", "/fr/accessibilite/"])
def test_legal_page_runs_two_queries(client, angers_content, django_assert_num_queries, path):
    with django_assert_num_queries(2):  # the site profile, the page
        assert client.get(path).status_code == 200


def test_a_legal_page_exists_once_and_only_for_the_known_kinds(angers_content):
    with pytest.raises(ValidationError) as error:
        LegalPage(slug="privacy", title_fr="Autre", body_fr="…").full_clean()
    with translation.override("en"):
        assert error.value.message_dict["slug"] == [
            "This page already exists: edit it instead of adding it again."
        ]
    with transaction.atomic(), pytest.raises(IntegrityError):
        LegalPage.objects.create(slug="privacy", title="Autre", body="…")
    with transaction.atomic(), pytest.raises(IntegrityError):
        LegalPage.objects.create(slug="cookies", title="Cookies", body="…")


def test_legal_page_knows_its_address(angers_content):
    assert LegalPage.objects.get(slug="accessibility").get_absolute_url() == "/fr/accessibilite/"


def test_staff_edit_a_legal_page_in_the_admin(admin_client, angers_content):
    page = LegalPage.objects.get(slug="legal_notice")
    url = f"/admin/angers_intl/legalpage/{page.pk}/change/"
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(
        url,
        {
            "title_fr": "Mentions légales",
            "title_en": "Legal information",
            "body_fr": "## Éditeur\n\nTexte revu.",
            "body_en": "## Publisher\n\nReviewed text.",
        },
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title_en, page.body_fr) == ("Legal information", "## Éditeur\n\nTexte revu.")


def test_admin_offers_to_add_a_legal_page_only_while_one_is_missing(admin_client, angers_content):
    assert admin_client.get("/admin/angers_intl/legalpage/add/").status_code == 403
    LegalPage.objects.filter(slug="accessibility").delete()
    assert admin_client.get("/admin/angers_intl/legalpage/add/").status_code == 200
