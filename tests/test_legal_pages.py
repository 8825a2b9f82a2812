"""Legal notice, personal data and accessibility statement: bilingual, written by staff, and filled with
the city's details from the site profile."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from angers_intl.models import LegalPage, SiteProfile
from angers_intl.staff import COMMUNICATION_GROUP


def test_communication_staff_may_edit_but_not_delete_legal_pages(db):
    codenames = set(
        Group.objects.get(name=COMMUNICATION_GROUP)
        .permissions.filter(content_type__app_label="angers_intl")
        .values_list("codename", flat=True)
    )
    assert {"add_legalpage", "change_legalpage", "view_legalpage"} <= codenames
    assert "delete_legalpage" not in codenames


def test_legal_notice_shows_the_hosting_provider_from_the_site_profile(client, test_city):
    page = client.get("/en/legal-notice/").content.decode()
    assert "to be completed by the site’s operator" in page

    SiteProfile.objects.update(host_en="Example Hosting SAS\n1 rue du Serveur, 79000 Valmont\n02 00 00 00 00")
    page = client.get("/en/legal-notice/").content.decode()
    assert "Example Hosting SAS<br>1 rue du Serveur, 79000 Valmont<br>02 00 00 00 00" in page
    assert "to be completed" not in page


def test_legal_page_not_yet_written_still_answers(client, db):
    page = client.get("/en/accessibility/").content.decode()
    assert "<h1>Accessibility statement</h1>" in page
    assert "This page has not been written yet." in page


@pytest.mark.parametrize("path", ["/fr/mentions-legales/", "/en/personal-data/", "/fr/accessibilite/"])
def test_legal_page_runs_two_queries(client, test_city, django_assert_num_queries, path):
    with django_assert_num_queries(2):  # the site profile, the page
        assert client.get(path).status_code == 200


def test_a_legal_page_exists_once_and_only_for_the_known_kinds(test_city):
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


def test_legal_page_knows_its_address(test_city):
    assert LegalPage.objects.get(slug="accessibility").get_absolute_url() == "/fr/accessibilite/"


def test_staff_edit_a_legal_page_in_the_admin(admin_client, test_city):
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


def test_admin_offers_to_add_a_legal_page_only_while_one_is_missing(admin_client, test_city):
    assert admin_client.get("/admin/angers_intl/legalpage/add/").status_code == 403
    LegalPage.objects.filter(slug="accessibility").delete()
    assert admin_client.get("/admin/angers_intl/legalpage/add/").status_code == 200
