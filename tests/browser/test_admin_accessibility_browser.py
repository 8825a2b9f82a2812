"""Every admin page a staff member reaches, seen in headless Chromium with the Content-Security-Policy enforced.

The crawl knows no page by name: signed in as a superuser, it follows the links a person would (the admin
index's applications and dashboard, each application's models, each list's object tools and first row, each
change form's object tools, the links of the other pages) and runs axe-core (WCAG 2.2 A and AA) on each page,
once in French and once in English (the admin follows Accept-Language). Also the sign-in page, a list with a
filter applied and a form shown again with its errors. Each staff group then sees, in French, the pages that
render differently for it: its index and the view-only forms. A new model is covered without editing this file.

Nothing is deleted, nobody signs out, and the only POST is the deliberately invalid form.
"""

import time
from collections import defaultdict, deque
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.urls import Resolver404, resolve
from django.utils import translation

from angers_intl.staff import ADMINISTRATION_GROUP, COMMUNICATION_GROUP
from newsletter.staff import NEWSLETTER_GROUP
from tests.conftest import BrowserPage, close_connections_opened_beside_the_tests, committed_test_city

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}
GROUPS = [COMMUNICATION_GROUP, NEWSLETTER_GROUP, ADMINISTRATION_GROUP]
MAX_PAGES = 250

# Pages the crawl never opens: what signs out or deletes (even its confirmation page); the Markdown preview
# is an endpoint the editor posts to.
NEVER_FOLLOWED = ("logout", "two_factor_cancel", "markdown_preview")

# Links a person follows from a page, by kind of page (see `links_to_follow`).
LINKS_IN_CONTENT = (
    "() => [...document.querySelectorAll('#user-tools a[href], #content a[href]')].map((a) => a.href)"
)
LINKS_OF_A_LIST = """() => {
  const hrefs = (selector) => [...document.querySelectorAll(selector)].map((a) => a.href);
  const firstRow = document.querySelector('#result_list tbody tr a[href]');
  return {
    tools: hrefs('.object-tools a[href]'),
    firstRow: firstRow ? [firstRow.href] : [],
    // The first choice of the first filter that is not already selected ("All").
    filter: hrefs('#changelist-filter li:not(.selected) a[href]').slice(0, 1),
  };
}"""
# A change form's object tools (history, view on site…) and the links among its fields (previews, related
# records, the form of a related record in a popup).
LINKS_OF_A_FORM = """() => [...document.querySelectorAll('.object-tools a[href], #content-main .form-row a[href]')]
  .map((a) => a.href)"""


def admin_view(path):
    """The URL match of a path (its name and arguments), or None for a path the site does not answer. A
    public path resolves in the language of its prefix (the URLs of /en/ are translated)."""
    try:
        with translation.override(translation.get_language_from_path(path) or translation.get_language()):
            return resolve(path)
    except Resolver404:
        return None


def page_key(url):
    """Two URLs of the same view are one page to check: one change form, one history, one export… per model,
    whichever record or filters they carry (`_changelist_filters` only remembers the list's). A list with a
    filter applied is a variant of its own, and so is a form in a popup (one for the whole admin)."""
    parts = urlsplit(url)
    match = admin_view(parts.path)
    if match is None or match.url_name is None:
        return (parts.path, parts.query)
    query = parse_qs(parts.query)
    if "_popup" in query:
        return ("popup",)
    if match.url_name.endswith("_changelist"):
        return (match.url_name, bool(query))
    if match.url_name == "view_on_site":
        # The public page or the staff preview of a record: one per kind of record.
        return (match.url_name, match.kwargs["content_type_id"])
    return (match.url_name, tuple(sorted(match.kwargs)))


def followable(url, base_url):
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base_url:
        return False
    match = admin_view(parts.path)
    if match is None or match.url_name is None:
        return False
    name = match.url_name
    if name in NEVER_FOLLOWED or name.endswith("_delete") or "delete" in parts.query:
        return False
    # The admin's own pages ("view on site" among them), and the staff previews of the public views.
    return parts.path.startswith("/admin/") or name.endswith("_preview")


def model_of_list(url_name):
    """The model whose admin list has this URL name (`app_model_changelist`), or None."""
    for model in admin.site._registry:
        if url_name == f"{model._meta.app_label}_{model._meta.model_name}_changelist":
            return model
    return None


class AdminCrawl:
    """One signed-in browser context: visits pages once, runs axe on each, remembers what it saw."""

    def __init__(self, chromium, live_server, *, locale, label):
        self.label = label
        self.base_url = live_server.url
        self.context = chromium.new_context(base_url=live_server.url, locale=locale)
        self.page = BrowserPage(self.context.new_page(), live_server.url)
        self.page.set_default_timeout(15000)
        self.findings = {}  # URL path and query -> {"status", "axe", "console_errors"}
        self.downloads = []
        self.seen = set()
        self.filtered_a_list = False

    def close(self):
        self.context.close()

    def check(self, name=None):
        """axe and the console on the page now shown, recorded under its URL (or `name`)."""
        url = urlsplit(self.page.url)
        name = name or (url.path + (f"?{url.query}" if url.query else ""))
        self.findings[name] = {
            "axe": self.page.axe_violations(),
            "console_errors": self.page.console_errors[self._errors_before :],
        }
        return self.findings[name]

    def visit(self, url):
        """Opens a page and checks it; returns False for a download (an export), which has no page."""
        self._errors_before = len(self.page.console_errors)
        try:
            response = self.page.goto(url)
        except Exception as error:
            if "Download is starting" in str(error):
                self.downloads.append(url)
                return False
            raise
        self.check()["status"] = response.status
        return True

    def sign_in(self, username):
        self.page.visit("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        assert urlsplit(self.page.url).path == "/admin/", f"{username} could not sign in"

    def crawl(self, start, links_to_follow):
        """Breadth first from `start`. The index's own links (the dashboard's records among them) are each
        opened; any other link is opened if its kind of page (`page_key`) has not been seen yet."""
        queue = deque([(self.base_url + start, True)])
        while queue and len(self.findings) < MAX_PAGES:
            url, from_the_index = queue.popleft()
            key = page_key(url)
            if url in self.seen or (key in self.seen and not from_the_index):
                continue
            self.seen.update({url, key})
            # A page outside the admin ("view on site") is checked, but its links are the public site's.
            if not self.visit(url) or not urlsplit(self.page.url).path.startswith("/admin/"):
                continue
            is_index = getattr(admin_view(urlsplit(self.page.url).path), "url_name", None) == "index"
            for link in links_to_follow(self, urlsplit(self.page.url)):
                link = urlsplit(link)._replace(fragment="").geturl()
                if followable(link, self.base_url) and page_key(link) not in self.seen:
                    queue.append((link, is_index))


def links_a_person_follows(crawl, url):
    """From a list: its object tools (add, import, export…), its first row, and for the first list with
    filters its first filter; from a change form: its object tools (history…); from any other page: every
    link of its content."""
    match = admin_view(url.path)
    name = (match and match.url_name) or ""
    if name.endswith("_changelist"):
        links = crawl.page.evaluate(LINKS_OF_A_LIST)
        filtered = [] if crawl.filtered_a_list else links["filter"]
        crawl.filtered_a_list = crawl.filtered_a_list or bool(filtered)
        return [*links["tools"], *links["firstRow"], *filtered]
    if name.endswith("_change"):
        return crawl.page.evaluate(LINKS_OF_A_FORM)
    return crawl.page.evaluate(LINKS_IN_CONTENT)


def view_only_links(user):
    """For a staff group: from its index, the lists it may only view and their first row's form."""

    def follow(crawl, url):
        page = crawl.page
        match = admin_view(url.path)
        name = (match and match.url_name) or ""
        if name == "index" or name == "app_list":
            links = []
            for link in page.evaluate(LINKS_IN_CONTENT):
                link_match = admin_view(urlsplit(link).path)
                model = link_match and model_of_list(link_match.url_name or "")
                if model and view_only(user, model):
                    links.append(link)
            return links
        if name.endswith("_changelist"):
            return page.evaluate(LINKS_OF_A_LIST)["firstRow"]
        return []

    return follow


def view_only(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") and not user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


def make_staff_and_rows():
    """The superuser who crawls, a member of each staff group, and a row in the lists the content does not
    fill (the task queue, sign-in protection, two-factor devices)."""
    from axes.models import AccessAttempt, AccessFailureLog
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from newsletter.models import NewsletterIssue
    from newsletter.tasks import send_test_issue
    from partnerships.models import PartnerCity

    User.objects.create_superuser("crawler", "crawler@example.org", PASSWORD)
    for group_name in GROUPS:
        member = User.objects.create_user(
            group_name.lower(), f"{group_name.lower()}@example.org", PASSWORD, is_staff=True
        )
        member.groups.add(Group.objects.get(name=group_name))
    enrolled = User.objects.create_user("enrolled", "enrolled@example.org", PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=enrolled, name="phone", confirmed=True)
    AccessAttempt.objects.create(
        username="someone",
        ip_address="192.0.2.1",
        user_agent="a browser",
        path_info="/admin/login/",
        failures_since_start=2,
    )
    # A draft on the dashboard: its form links to its staff preview.
    PartnerCity.objects.create(
        slug="torun",
        name_fr="Toruń",
        summary_fr="Une ville.",
        country="PL",
        agreement_type="twinning",
        year_started=2011,
    )
    AccessFailureLog.objects.create(
        username="someone", ip_address="192.0.2.1", user_agent="a browser", path_info="/admin/login/"
    )
    send_test_issue.enqueue(NewsletterIssue.objects.first().pk, ["crawler@example.org"])


def invalid_form_with_errors(crawl):
    """The add form of the first model whose form has a table of inline rows with a year, sent with every
    required field empty and an impossible year in the first row: the form comes back with its errors."""
    crawl.page.visit("/admin/networks/network/add/")
    table = crawl.page.locator(".tabular", has=crawl.page.locator("input[name$='-year']")).first
    table.locator(".add-row a").click()
    table.locator("input[name$='-year']:not([name*='__prefix__'])").first.fill("99999")
    crawl._errors_before = len(crawl.page.console_errors)
    with crawl.page.expect_navigation():
        crawl.page.locator("input[name=_save]").click()
    page = crawl.page
    # The summary is announced and links to each field in error, the year of the table row among them; each
    # field in error is described by its own error list.
    summary = page.locator(".error-summary[role=alert]")
    assert summary.count() == 1
    targets = summary.locator("a").evaluate_all("(links) => links.map((a) => a.hash)")
    assert "#id_name_fr" in targets
    assert any(target.endswith("-year") for target in targets)
    undescribed = page.locator("[aria-invalid=true]").evaluate_all(
        """(fields) => fields.filter((field) => !(field.getAttribute('aria-describedby') || '').split(' ')
             .some((id) => document.getElementById(id)?.matches('.errorlist'))).map((field) => field.id)"""
    )
    assert undescribed == []
    crawl.check(name="/admin/networks/network/add/ (POST with errors)")


@pytest.fixture(scope="module")
def admin_crawl(django_db_setup, django_db_blocker, chromium, live_server):
    """The crawls (one per language, one per staff group), on content committed for the module and emptied
    afterwards; the tests read only the findings."""
    crawls = {}
    with (
        committed_test_city(django_db_blocker),
        django_db_blocker.unblock(),
        # A deliberately slow password hash is not what these tests are about.
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            # The newsletter's preview shows the e-mail, whose images are on the site's own address.
            SITE_BASE_URL=live_server.url,
        ),
    ):
        make_staff_and_rows()
        durations = {}
        for language, locale in LANGUAGES.items():
            started = time.monotonic()
            crawl = AdminCrawl(chromium, live_server, locale=locale, label=language)
            crawl.visit(live_server.url + "/admin/login/")
            crawl.sign_in("crawler")
            crawl.crawl("/admin/", links_a_person_follows)
            invalid_form_with_errors(crawl)
            crawl.foreign = crawl.page.foreign_requests()
            crawl.close()
            crawls[language] = crawl
            durations[language] = time.monotonic() - started
        for group_name in GROUPS:
            started = time.monotonic()
            crawl = AdminCrawl(chromium, live_server, locale=LANGUAGES["fr"], label=group_name)
            crawl.sign_in(group_name.lower())
            crawl.crawl("/admin/", view_only_links(User.objects.get(username=group_name.lower())))
            crawl.foreign = crawl.page.foreign_requests()
            crawl.close()
            crawls[group_name] = crawl
            durations[group_name] = time.monotonic() - started
        close_connections_opened_beside_the_tests()
    return SimpleNamespace(crawls=crawls, durations=durations)


def report(crawls, what):
    """{crawl: {rule id (help): {page: [targets]}}}: what the assertion prints, grouped to be read."""
    grouped = {}
    for label, crawl in crawls.items():
        rules = defaultdict(dict)
        for url, found in crawl.findings.items():
            for violation in found[what]:
                rules[f"{violation['id']} ({violation['help']})"][url] = violation["targets"]
        if rules:
            grouped[label] = dict(rules)
    return grouped


def test_the_crawl_reaches_every_kind_of_admin_page(admin_crawl):
    for language in LANGUAGES:
        pages = admin_crawl.crawls[language].findings
        names = {getattr(admin_view(urlsplit(url).path), "url_name", None) or url for url in pages}
        for model in admin.site._registry:
            # Its list, or for the site profile (one record) its form.
            prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
            assert any(name and name.startswith(prefix) for name in names), model
        assert {"login", "index", "app_list", "translation_report", "two_factor_setup"} <= names
        assert {"newsletter_newsletterissue_preview", "newsletter_newsletterissue_progress"} <= names
        assert "city_preview" in names
        assert any(name.endswith("_add") for name in names)
        assert any(name.endswith("_history") for name in names)
        assert any(name.endswith("_import") for name in names)
        assert any(name.endswith("_export") for name in names)
        assert any("?" in url and "_changelist" in str(admin_view(urlsplit(url).path)) for url in pages)
        assert any("POST with errors" in url for url in pages)
        assert {url: found["status"] for url, found in pages.items() if found.get("status", 200) != 200} == {}


def test_no_admin_page_has_an_accessibility_violation(admin_crawl):
    assert report(admin_crawl.crawls, "axe") == {}


def test_no_admin_page_breaks_the_content_security_policy_or_logs_an_error(admin_crawl):
    errors = {
        label: {
            url: found["console_errors"] for url, found in crawl.findings.items() if found["console_errors"]
        }
        for label, crawl in admin_crawl.crawls.items()
    }
    assert {label: found for label, found in errors.items() if found} == {}


def test_no_admin_page_asks_another_host(admin_crawl):
    assert {label: crawl.foreign for label, crawl in admin_crawl.crawls.items() if crawl.foreign} == {}
