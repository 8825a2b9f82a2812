"""Staff edit the legal pages and content in the admin, in Chromium, with the Content-Security-Policy enforced."""

import pytest

from angers_intl.models import LegalPage, SiteProfile

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in_staff(browser_page, test_city, django_user_model, settings):
    # A deliberately slow password hash is not what these tests are about.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    browser_page.set_default_timeout(5000)
    browser_page.visit("/admin/login/")
    browser_page.fill("#id_username", "editor")
    browser_page.fill("#id_password", "a-long-test-password")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    return browser_page


def test_staff_edit_legal_pages_in_language_tabs_under_the_content_security_policy(signed_in_staff):
    page = signed_in_staff
    page.visit("/admin/angers_intl/legalpage/")
    assert page.locator("#result_list tbody tr").count() == 3

    legal_notice = LegalPage.objects.get(slug="legal_notice")
    response = page.visit(f"/admin/angers_intl/legalpage/{legal_notice.pk}/change/")
    assert "default-src 'self'" in response.headers["content-security-policy"]

    # Our script (static/translation_admin/tabs.js) turned the fields into one tab per language.
    page.get_by_role("tab", name="Titre – English", exact=True).click()
    english_title = page.locator("#id_title_en")
    assert english_title.is_visible()
    assert not page.locator("#id_title_fr").is_visible()

    english_title.fill("Legal information")
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    assert page.locator(".messagelist .success").count() == 1

    page.visit(f"/admin/angers_intl/siteprofile/{SiteProfile.objects.get().pk}/change/")
    page.get_by_role("tab", name="Nom de la ville – English", exact=True).click()
    assert page.locator("#id_city_name_en").is_visible()

    # Nothing blocked by the policy, nothing asked of another host.
    assert page.console_errors == []
    assert page.foreign_requests() == []
    legal_notice.refresh_from_db()
    assert (legal_notice.title_en, legal_notice.title_fr) == ("Legal information", "Mentions légales")


@pytest.mark.parametrize(
    ("path", "french_name", "slug"),
    [
        ("/admin/networks/network/add/", "Réseau des villes d’Été", "reseau-des-villes-dete"),
        ("/admin/partnerships/partnercity/add/", "Saint-Étienne", "saint-etienne"),
    ],
)
def test_a_slug_is_prefilled_from_the_french_name_under_the_content_security_policy(
    signed_in_staff, path, french_name, slug
):
    page = signed_in_staff
    page.visit(path)
    # An English name typed first does not make the slug: it follows the French name.
    page.get_by_role("tab", name="Nom – English", exact=True).click()
    page.locator("#id_name_en").fill("Not this one")
    page.get_by_role("tab", name="Nom – Français", exact=True).click()
    french = page.locator("#id_name_fr")
    french.fill(french_name)
    french.dispatch_event("change")  # what leaving the field does (prepopulate.js listens to it)
    assert page.locator("#id_slug").input_value() == slug
    assert page.console_errors == []
    assert page.foreign_requests() == []


def test_two_factor_enrolment_and_the_audit_log_ask_no_other_host(signed_in_staff):
    page = signed_in_staff
    response = page.visit("/admin/two-factor/setup/")
    assert response.status == 200
    # The QR code is drawn inline (SVG made by the server), the secret is given as text.
    assert page.locator("svg.two-factor-qr").is_visible()
    assert page.locator(".two-factor-secret").inner_text().strip()
    response = page.visit("/admin/audit/auditentry/")
    assert response.status == 200
    assert page.locator("#result_list tbody tr").count() >= 1  # the sign-in above
    # Nothing blocked by the policy, nothing asked of another host.
    assert page.console_errors == []
    assert page.foreign_requests() == []


def test_the_two_factor_step_and_the_lockout_page_ask_no_other_host(
    browser_page, db, django_user_model, settings
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = django_user_model.objects.create_user("coder", password="a-long-test-password", is_staff=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    page = browser_page
    page.set_default_timeout(5000)
    page.visit("/admin/login/")
    page.fill("#id_username", "coder")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/two-factor/" in page.url
    assert page.locator("#id_token").is_visible()

    page.context.clear_cookies()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.visit("/admin/login/")
        page.fill("#id_username", "coder")
        page.fill("#id_password", "wrong")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Connexion suspendue"
    assert [error for error in page.console_errors if "429" not in error] == []
    assert page.foreign_requests() == []


def test_the_dashboard_on_the_admin_index_is_accessible_under_the_content_security_policy(signed_in_staff):
    page = signed_in_staff
    response = page.visit("/admin/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    headings = page.locator("#dashboard h2").all_inner_texts()
    assert [heading.strip().lower() for heading in headings] == [
        "anniversaires des douze prochains mois",
        "labels à renouveler",
        "brouillons en attente de publication",
        "envois de la lettre en cours",
    ]
    # Its stylesheet applied (no inline style): the captions are not the admin's coloured bars.
    caption = page.locator("#dashboard .dashboard-table caption").first
    assert caption.evaluate("element => getComputedStyle(element).backgroundColor") == "rgba(0, 0, 0, 0)"
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le tableau de bord (CSV)").click()
    assert download.value.suggested_filename.startswith("dashboard-")
    assert page.axe_violations() == []
    assert page.console_errors == []
    assert page.foreign_requests() == []
