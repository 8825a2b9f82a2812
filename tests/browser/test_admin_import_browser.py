"""Staff import partner cities from a CSV file in Chromium, with the Content-Security-Policy enforced."""

import pytest

from partnerships.models import PartnerCity, Theme

pytestmark = pytest.mark.browser

CSV = (
    "slug,name_fr,name_en,country,agreement_type,year_started,themes,summary_fr,summary_en\n"
    "ie-browser,Ville importée,Imported town,DE,partnership,2003,ie-theme,Un résumé.,A summary.\n"
)


@pytest.fixture
def signed_in_superuser(browser_page, db, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("importer", "importer@example.org", "a-long-test-password")
    browser_page.set_default_timeout(5000)
    browser_page.visit("/admin/login/")
    browser_page.fill("#id_username", "importer")
    browser_page.fill("#id_password", "a-long-test-password")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    return browser_page


def test_staff_upload_a_csv_see_the_preview_and_confirm_under_the_content_security_policy(
    signed_in_superuser, tmp_path
):
    Theme.objects.create(slug="ie-theme", name_fr="Thème")
    upload = tmp_path / "cities.csv"
    upload.write_text(CSV, encoding="utf-8")
    page = signed_in_superuser

    page.visit("/admin/partnerships/partnercity/")
    with page.expect_navigation():
        page.get_by_role("link", name="Importer").click()
    page.set_input_files("#id_import_file", str(upload))
    # The package's script picks the format from the file's extension.
    assert page.locator("#id_format option:checked").inner_text().strip().lower() == "csv"
    with page.expect_navigation():
        page.get_by_role("button", name="Soumettre").click()

    assert page.locator("td.import-type").all_inner_texts() == ["Nouveau"]
    assert not PartnerCity.objects.filter(slug="ie-browser").exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmer l’importation").click()

    assert page.locator(".messagelist .success").count() == 1
    city = PartnerCity.objects.get(slug="ie-browser")
    assert (city.name_en, city.published) == ("Imported town", False)

    response = page.visit("/admin/partnerships/partnercity/export/")
    assert response.status == 200
    assert page.locator("#id_format").is_visible()

    assert page.console_errors == []
    assert page.foreign_requests() == []
