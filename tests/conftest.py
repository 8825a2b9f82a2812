"""Fixtures shared by the whole suite: content, a live site, headless Chromium, axe and the Nu Html Checker."""

import datetime
import functools
import io
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.dates import site_time

# The invented town of Valmont: every kind of public page (cities, key dates, themes, a programme, networks
# with figures, a ladder of levels, current, expired and periodic distinctions, legal pages), never the
# bundled city.
TEST_CITY_CONTENT = Path(__file__).parent / "fixtures" / "second_city"

# Playwright's sync API keeps an event loop in the test thread; Django's ORM would refuse to run beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# CI sets this so that a missing browser or validator fails the run instead of skipping tests.
REQUIRE_BROWSER_TESTS = os.environ.get("REQUIRE_BROWSER_TESTS") == "1"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
VNU_JAR = Path(
    os.environ.get("VNU_JAR") or settings.BASE_DIR / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"
)
# axe-core from its npm package (`make test` installs it, as vnu.jar), not an older copy bundled in a Python
# wrapper: WCAG 2.2's rules are among the newer ones.
AXE_CORE = Path(os.environ.get("AXE_CORE") or settings.BASE_DIR / ".tools/node_modules/axe-core/axe.min.js")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.2 A and AA, as axe-core tags them (2.2's new A criteria carry no tag of their own in axe).
AXE_WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


# Property-based tests (tests/test_bad_input.py): a fixed number of examples, the same ones on every run, so
# that the suite takes the same minute everywhere; HYPOTHESIS_PROFILE=thorough searches harder before a release.
_HYPOTHESIS_COMMON = {
    "deadline": None,
    # The examples share the test's database transaction and client: that is the point (rows are counted).
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
hypothesis_settings.register_profile("ci", max_examples=30, derandomize=True, **_HYPOTHESIS_COMMON)
hypothesis_settings.register_profile("thorough", max_examples=500, **_HYPOTHESIS_COMMON)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _sleep_on_select(seconds):
    select.select([], [], [], seconds)


def _survive_libfaketime_sleep():
    """The suite must pass under `FAKETIME_DONT_FAKE_MONOTONIC=1 faketime '<any date>' make test` (the proof
    that no test depends on the day). libfaketime 0.9.10 then shifts the absolute monotonic deadline that
    Python's time.sleep() gives clock_nanosleep() by the fake offset, and every sleep fails with EINVAL.
    Here the test process sleeps through select() instead, and the processes it starts (gunicorn, the worker,
    the Nu checker's JVM…) shift their monotonic clock along with the wall clock, where sleeping works: they
    still share the test's fake date, as libfaketime's offset is in the inherited FAKETIME variable."""
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    try:
        time.sleep(0.000_001)
    except OSError:
        time.sleep = _sleep_on_select
        os.environ.pop("FAKETIME_DONT_FAKE_MONOTONIC", None)


_survive_libfaketime_sleep()


def pytest_collection_modifyitems(items):
    """pytest-django creates the test database only if a collected test asks for it: a test that only
    reads the module-scoped `public_site` must count as one, or that file fails when it runs alone."""
    for item in items:
        if "public_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


def _missing(reason):
    if REQUIRE_BROWSER_TESTS:
        pytest.fail(f"{reason} (REQUIRE_BROWSER_TESTS=1: CI must have it)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def fresh_language_and_cache():
    """Every test starts in the site's default language with empty caches (rate limits, renditions…),
    and leaves them so: no test passes only because an earlier one left English active or a counter set."""
    from django.core.cache import caches
    from django.utils import translation

    def reset():
        translation.activate(settings.LANGUAGE_CODE)
        for cache in caches.all():
            cache.clear()

    reset()
    yield
    reset()
    translation.deactivate()


@pytest.fixture
def clock():
    """`clock(moment)` puts the whole process at `moment` (a date means noon, site time) until the test
    ends; time then goes on from there. Every test whose answer depends on the date sets it this way."""
    travels = []

    def travel_to(moment, *, tick=True):
        if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
            moment = site_time(moment.year, moment.month, moment.day)
        while travels:
            travels.pop().stop()
        traveller = time_machine.travel(moment, tick=tick)
        traveller.start()
        travels.append(traveller)
        return moment

    yield travel_to
    while travels:
        travels.pop().stop()


@pytest.fixture
def in_english():
    """Runs the test with English active, for messages read outside a request (model validation)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def in_french():
    from django.utils import translation

    with translation.override("fr"):
        yield


@pytest.fixture(scope="session", autouse=True)
def collected_static(django_test_environment):
    """Tests run with DEBUG off, so pages need the hashed static manifest, as in production."""
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)


class OneRequestAtATime:
    """A WSGI application that serves one request at a time, its body included."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            body = self.application(environ, start_response)
            try:
                return [b"".join(body)]
            finally:
                if hasattr(body, "close"):
                    body.close()


@pytest.fixture(scope="session")
def live_server(collected_static):
    """pytest-django's live server, but static files come from WhiteNoise and the collected, hashed
    files exactly as in production (not from the development finders)."""
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    if connection.vendor == "sqlite":
        # The test database is SQLite in memory: every thread of the live server shares its one connection,
        # and two requests at once (a page and its preview frame, the favicon) break it. One at a time.
        server.thread.static_handler = OneRequestAtATime
    else:
        server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def shared_client_handler():
    """One request handler for the whole suite: building the middleware chain makes WhiteNoise index every
    static file, which costs more than most of our requests. The handler keeps no per-test state."""
    from django.test.client import ClientHandler

    return ClientHandler(enforce_csrf_checks=False)


@pytest.fixture
def client(shared_client_handler):
    """pytest-django's `client` (fresh cookies for each test), on the shared handler."""
    from django.test import Client

    test_client = Client()
    test_client.handler = shared_client_handler
    return test_client


@pytest.fixture
def test_city(db, settings, tmp_path):
    """Valmont's content folder, loaded by `load_content` as any city's would be (its images in a
    throwaway media folder)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_content", str(TEST_CITY_CONTENT), stdout=io.StringIO())


def publish_a_newsletter_issue():
    """A sent issue with a card, so that the crawls reach the archive's issue pages too."""
    from django.utils import timezone

    from newsletter.models import NewsletterIssue
    from partnerships.models import PartnerCity
    from tests.newsletter.issues import issue

    now = timezone.now()
    sent = issue(
        state=NewsletterIssue.State.SENT,
        sending_started_at=now,
        sent_at=now,
        subject_fr="Des nouvelles de nos villes partenaires",
        subject_en="News from our partner cities",
        preheader_fr="Les chorales se retrouvent",
        preheader_en="The choirs meet again",
        body_fr="## Nouvelles\n\nLes chorales de [nos villes partenaires](/fr/villes-partenaires/) se retrouvent.",
        body_en="## News\n\nThe choirs of [our partner cities](/en/partner-cities/) meet again.",
    )
    sent.partner_cities.set(PartnerCity.objects.published()[:1])
    return sent


def publish_news_and_events():
    """News (one a call for projects) and events, coming and past, linked to a partner city and a network,
    so that the crawls reach the news and event pages too (the test city's content has none)."""
    from django.utils import timezone

    from networks.models import Network
    from news.models import Event, NewsItem
    from partnerships.models import PartnerCity

    now = timezone.now()
    city = PartnerCity.objects.published().first()
    network = Network.objects.published().first()
    call = NewsItem.objects.create(
        slug="appel-a-projets",
        title_fr="Appel à projets des associations",
        title_en="Call for projects for associations",
        summary_fr="Les associations qui travaillent avec nos villes partenaires peuvent candidater.",
        summary_en="Associations working with our partner cities may apply.",
        date=timezone.localdate(now),
        deadline=now + datetime.timedelta(days=30),
        published=True,
    )
    visit = NewsItem.objects.create(
        slug="delegation-en-visite",
        title_fr="Une délégation en visite",
        title_en="A delegation visits",
        summary_fr="Une délégation de la ville partenaire est reçue à l’hôtel de ville.",
        summary_en="A delegation from the partner city is welcomed at the town hall.",
        date=timezone.localdate(now) - datetime.timedelta(days=10),
        published=True,
    )
    coming = Event.objects.create(
        slug="ceremonie-anniversaire",
        title_fr="Cérémonie anniversaire",
        title_en="Anniversary ceremony",
        summary_fr="Une cérémonie ouverte à tous pour l’anniversaire du jumelage.",
        summary_en="A ceremony open to all for the twinning's anniversary.",
        place_fr="Salle du conseil",
        place_en="Council chamber",
        starts_at=now + datetime.timedelta(days=20),
        ends_at=now + datetime.timedelta(days=20, hours=2),
        registration_url="https://example.org/inscription",
        published=True,
    )
    past = Event.objects.create(
        slug="rencontre-en-ligne",
        title_fr="Rencontre en ligne des réseaux",
        title_en="Online meeting of the networks",
        summary_fr="Les villes du réseau se sont retrouvées en ligne.",
        summary_en="The cities of the network met online.",
        online=True,
        starts_at=now - datetime.timedelta(days=20),
        ends_at=now - datetime.timedelta(days=20, hours=-2),
        published=True,
    )
    for record in (call, visit, coming, past):
        if city:
            record.partner_cities.add(city)
        if network:
            record.networks.add(network)


@contextmanager
def committed_test_city(django_db_blocker):
    """Valmont's content committed beside the tests' transactions (for a module-wide crawl), with its
    media in a throwaway folder; the database is emptied afterwards, so no later test finds these rows."""
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        with django_db_blocker.unblock():
            call_command("load_content", str(TEST_CITY_CONTENT), stdout=io.StringIO())
            publish_a_newsletter_issue()
            publish_news_and_events()
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                call_command("flush", interactive=False, verbosity=0)
                close_connections_opened_beside_the_tests()


@pytest.fixture(scope="module")
def public_site(django_db_setup, django_db_blocker, shared_client_handler):
    """Every public page reachable by links from /fr/ and /en/ with the test city's content (Valmont),
    fetched by an anonymous visitor (a test client): `.pages` {URL: response}, `.broken_links`,
    `.outline(url)`, `.fetch(path)` for one more request, `.visitor_cookies` the client's cookies after
    the crawl.

    Crawled once per test module, on content committed for it and emptied afterwards, so a test that
    uses it does not also need `db`.
    """
    from django.test import Client

    from tests.site_crawl import crawl_public_site

    client = Client()
    client.handler = shared_client_handler

    def fetch(path):
        with django_db_blocker.unblock():
            return client.get(path)

    with committed_test_city(django_db_blocker):
        with django_db_blocker.unblock():
            site = crawl_public_site(client)
        site.fetch = fetch
        site.visitor_cookies = dict(client.cookies)
        yield site


def close_connections_opened_beside_the_tests():
    """Django's connections are context-local and a module-scoped fixture (running beside Playwright's
    sync API) may get a persistent connection of its own: close it, or PostgreSQL refuses to drop the
    test database at the end of the run."""
    from django.db import connections

    connections.close_all()


@pytest.fixture
def site_profile(db):
    from angers_intl.models import SiteProfile

    return SiteProfile.objects.create(
        city_name_fr="Valmont",
        city_name_en="Valmont",
        site_title_fr="Valmont à l’international",
        site_title_en="Valmont International",
        intro_fr="Une ville ouverte sur le monde.",
        intro_en="A city open to the world.",
    )


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM_PATH).exists():
        _missing(f"Chromium not found at {CHROMIUM_PATH}: install Debian's 'chromium' package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserPage:
    """A Playwright page on the live site that remembers every request it made and every error it
    logged (a Content-Security-Policy violation is one)."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.requested_urls = []
        self.console_errors = []
        page.on("request", lambda request: self.requested_urls.append(request.url))
        page.on(
            "console",
            lambda message: self.console_errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def __getattr__(self, name):
        return getattr(self.page, name)

    def visit(self, path):
        response = self.page.goto(self.base_url + path)
        return response

    def foreign_requests(self):
        """Requests to any host other than the site's own (data: and blob: URLs are local)."""
        own = urlsplit(self.base_url).netloc
        return [
            url
            for url in self.requested_urls
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).netloc != own
        ]

    def axe_results(self):
        """axe-core's WCAG 2.2 A and AA violations on the current page, as axe reports them (each with its
        nodes). The script is evaluated by the browser's debugging protocol, which the page's
        Content-Security-Policy does not govern (a <script> tag without the page's nonce would be refused)."""
        if not self.page.evaluate("typeof window.axe === 'object'"):
            self.page.evaluate(axe_core_source())
        return self.page.evaluate("(options) => axe.run(document, options)", AXE_WCAG_22_AA)["violations"]

    def axe_violations(self):
        """The same, in short: each rule, its help text and the elements it found."""
        return [
            {
                "id": violation["id"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]],
            }
            for violation in self.axe_results()
        ]


@functools.cache
def _axe_core_source():
    return AXE_CORE.read_text(encoding="utf-8")


def axe_core_source():
    if not AXE_CORE.exists():
        _missing(f"axe-core not found at {AXE_CORE}: run 'make axe-core' or set AXE_CORE")
    return _axe_core_source()


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="fr-FR")
    page = BrowserPage(context.new_page(), live_server.url)
    yield page
    context.close()


@pytest.fixture(scope="session")
def html_validator():
    """Validates HTML documents with the Nu Html Checker; returns its errors per document name."""
    if not shutil.which("java"):
        _missing("Java not found: the Nu Html Checker (vnu.jar) needs a Java runtime")
    if not VNU_JAR.exists():
        _missing(f"vnu.jar not found at {VNU_JAR}: run 'npm install --prefix .tools vnu-jar' or set VNU_JAR")

    def validate(documents):
        """`documents`: {name: html}. One JVM start for the whole batch."""
        with tempfile.TemporaryDirectory() as folder:
            paths = {}
            for index, (name, html) in enumerate(documents.items()):
                path = Path(folder) / f"page-{index}.html"
                path.write_text(html, encoding="utf-8")
                paths[str(path)] = name
            result = subprocess.run(
                ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *paths],
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
            messages = json.loads(result.stderr or '{"messages": []}')["messages"]
        errors = {name: [] for name in documents}
        for message in messages:
            if message.get("type") == "error" or message.get("subType") == "fatal":
                source = urlsplit(message.get("url", "")).path
                name = paths.get(source, source)
                errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
        return {name: found for name, found in errors.items() if found}

    return validate
