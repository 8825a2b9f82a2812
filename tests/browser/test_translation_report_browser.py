"""A line of the translation report opens the English tab of the field in its admin form and focuses it, a
field of the form as well as a key date's (an inline), under the Content-Security-Policy."""

import pytest

from partnerships.models import Milestone, PartnerCity

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in_staff(browser_page, test_city, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    browser_page.set_default_timeout(5000)
    browser_page.visit("/admin/login/")
    browser_page.fill("#id_username", "editor")
    browser_page.fill("#id_password", "a-long-test-password")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    return browser_page


def test_a_report_line_opens_the_english_tab_and_focuses_the_field(signed_in_staff):
    page = signed_in_staff
    city = PartnerCity.objects.order_by("pk").first()
    city.summary_en = ""
    city.save()
    key_date = Milestone.objects.filter(partner_city=city).order_by("pk").last()
    key_date.title_en = ""
    key_date.save()

    page.visit("/admin/translations/")
    with page.expect_navigation():
        page.locator(f'a[href$="/partnercity/{city.pk}/change/#id_summary_en"]').click()

    english = page.locator("#id_summary_en")
    assert english.is_visible()
    assert not page.locator("#id_summary_fr").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_summary_en"

    page.visit("/admin/translations/")
    with page.expect_navigation():
        page.locator(f'a[href$="#inline-milestones-{key_date.pk}-title_en"]').click()
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("id_milestones-")
    assert focused.endswith("-title_en")
    assert page.locator(f"#{focused}").is_visible()
    assert page.locator(f"#{focused}").input_value() == ""
    assert page.console_errors == []
    assert page.foreign_requests() == []
