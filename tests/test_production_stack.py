"""The production stack, for real: the nginx configuration of deploy/nginx/ (rendered for loopback by
deploy/render_nginx.py) in front of gunicorn (deploy/gunicorn.conf.py) on a Unix socket, each with the
Angers content in its own SQLite file. Checks the shared cache as a visitor meets it.

Skipped when nginx is not installed; CI (REQUIRE_NGINX=1) fails instead.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

from deploy.render_nginx import render
from tests.processes import app_environment, manage

REQUIRE_NGINX = os.environ.get("REQUIRE_NGINX") == "1"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
CITY_PAGE = "/fr/villes-partenaires/pisa/"

pytestmark = pytest.mark.skipif(
    NGINX is None and not REQUIRE_NGINX,
    reason="nginx is not installed (Debian: apt-get install -y nginx-light); CI installs it",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """nginx on 127.0.0.1:port, and gunicorn (which `stop_app`/`start_app` control) behind it."""

    def __init__(self, folder, upstream=None, **app_settings):
        self.folder, self.app_settings = folder, app_settings
        self.port = free_port()
        self.socket = folder / "gunicorn.sock"
        self.app = None
        run_dir = folder / "nginx"
        config = render("local", run_dir=run_dir, port=self.port, upstream=upstream or f"unix:{self.socket}")
        (run_dir / "nginx.conf").write_text(config)
        self.nginx = subprocess.Popen(
            [NGINX, "-c", str(run_dir / "nginx.conf"), "-e", str(run_dir / "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.wait_for(lambda: self.connectable(), "nginx")

    def connectable(self):
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    @staticmethod
    def wait_for(condition, what, seconds=30):
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not start within {seconds} s")
            time.sleep(0.05)

    def start_app(self):
        self.socket.unlink(missing_ok=True)
        environment = app_environment(
            self.folder, GUNICORN_BIND=f"unix:{self.socket}", GUNICORN_WORKERS="1", **self.app_settings
        )
        self.app = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "deploy/gunicorn.conf.py",
                "angers_intl.wsgi",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_for(self.socket.exists, "gunicorn")

    def stop_app(self):
        if self.app is not None:
            self.app.send_signal(signal.SIGTERM)
            self.app.wait(timeout=30)
            self.app = None

    def get(self, path, headers=None, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, headers={"Host": "127.0.0.1", **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, response.headers, body

    def cache_status(self, path, headers=None):
        return self.get(path, headers)[1]["X-Cache-Status"]

    def close(self):
        self.stop_app()
        self.nginx.send_signal(signal.SIGQUIT)
        self.nginx.wait(timeout=30)


@pytest.fixture(scope="module")
def site_database(tmp_path_factory):
    """A migrated SQLite file with the Angers content, copied for each stack."""
    folder = tmp_path_factory.mktemp("stack-database")
    manage(folder, "migrate", "--noinput", "-v", "0")
    manage(folder, "load_content")
    return folder / "db.sqlite3"


@pytest.fixture(scope="module")
def make_stack(site_database, tmp_path_factory):
    if NGINX is None:
        pytest.fail("nginx is not installed (REQUIRE_NGINX=1: CI must have it)", pytrace=False)
    stacks = []

    def start(*, with_app=True, upstream=None, **app_settings):
        folder = tmp_path_factory.mktemp("stack")
        shutil.copy(site_database, folder / "db.sqlite3")
        stack = Stack(folder, upstream=upstream, **app_settings)
        stacks.append(stack)
        if with_app:
            stack.start_app()
        return stack

    yield start
    for stack in stacks:
        stack.close()


@pytest.fixture(scope="module")
def stack(make_stack):
    return make_stack()


def test_a_public_page_is_a_miss_then_a_hit_and_the_app_does_not_redirect_to_https(stack):
    status, headers, body = stack.get("/en/partner-cities/")
    assert status == 200, body[:300]
    assert headers["X-Cache-Status"] == "MISS"
    assert headers["Cache-Control"] == f"public, max-age={settings.PUBLIC_PAGE_MAX_AGE}"
    second_status, second_headers, second_body = stack.get("/en/partner-cities/")
    assert (second_status, second_headers["X-Cache-Status"]) == (200, "HIT")
    assert second_body == body
    # The application knows the public scheme from X-Forwarded-Proto: its links are https.
    assert b'<link rel="canonical" href="https://127.0.0.1/en/partner-cities/">' in body


def test_the_query_string_is_part_of_the_key(stack):
    assert stack.cache_status("/en/partner-cities/?type=twinning") == "MISS"
    assert stack.cache_status("/en/partner-cities/?type=twinning") == "HIT"
    assert stack.cache_status("/en/partner-cities/?type=partnership") == "MISS"


def test_accept_language_and_other_cookies_do_not_split_the_cache(stack):
    assert stack.cache_status("/fr/reseaux/", {"Accept-Language": "fr-FR,fr;q=0.9"}) == "MISS"
    assert stack.cache_status("/fr/reseaux/", {"Accept-Language": "en-GB"}) == "HIT"
    assert stack.cache_status("/fr/reseaux/", {"Accept-Language": "de"}) == "HIT"
    assert stack.cache_status("/fr/reseaux/", {"Cookie": "_ga=tracker; csrftoken=abc"}) == "HIT"


def test_the_root_redirect_by_language_is_never_stored(stack):
    for _ in range(2):
        status, headers, _body = stack.get("/", {"Accept-Language": "en"})
        assert (status, headers["Location"], headers["X-Cache-Status"]) == (302, "/en/", "MISS")
        status, headers, _body = stack.get("/", {"Accept-Language": "fr"})
        assert (status, headers["Location"], headers["X-Cache-Status"]) == (302, "/fr/", "MISS")


@pytest.mark.parametrize("cookie", ["sessionid=0123456789abcdef", "sessionid=", "lang=fr; sessionid=forged"])
def test_a_request_with_a_session_cookie_bypasses_the_cache(stack, cookie):
    stack.get("/fr/")
    assert stack.cache_status("/fr/") == "HIT"
    assert stack.cache_status("/fr/", {"Cookie": cookie}) == "BYPASS"


def test_the_admin_is_never_stored(stack):
    for _ in range(2):
        status, headers, _body = stack.get("/admin/login/")
        assert status == 200
        assert headers["X-Cache-Status"] == "MISS"
        assert "csrftoken" in headers["Set-Cookie"]


def test_every_proxied_response_says_what_the_cache_did(stack):
    for path in ["/fr/", "/fr/page-absente/", "/robots.txt", "/sitemap.xml", "/", "/admin/"]:
        _status, headers, _body = stack.get(path)
        assert headers["X-Cache-Status"] in {"MISS", "HIT", "BYPASS", "EXPIRED", "STALE", "UPDATING"}, path
        assert headers["X-Request-ID"], path


def test_hashed_static_files_are_served_by_nginx_for_a_year(stack):
    _status, _headers, body = stack.get("/fr/")
    stylesheet = next(part for part in body.decode().split('"') if part.startswith("/static/css/site."))
    status, headers, _body = stack.get(stylesheet)
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "X-Cache-Status" not in headers  # nginx read the file itself, gunicorn never saw it


def test_the_newsletter_form_of_a_cached_page_works(stack):
    stack.get("/fr/")
    _status, headers, body = stack.get("/fr/")
    assert headers["X-Cache-Status"] == "HIT"
    assert b"csrfmiddlewaretoken" not in body
    assert "Set-Cookie" not in headers
    page = body.decode()
    form = page[page.index('action="/fr/lettre-d-information/') :].split("</form>", 1)[0]
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields |= {"email": "reader@example.org", "language": "fr"}
    time.sleep(settings.NEWSLETTER_MIN_SUBMIT_SECONDS)  # a person takes that long; faster is a robot
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    connection.request(
        "POST",
        "/fr/lettre-d-information/",
        body=urlencode(fields),
        headers={
            "Host": "127.0.0.1",
            "Origin": "https://127.0.0.1",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = connection.getresponse()
    response.read()
    assert response.status == 302, response.headers
    count = "from newsletter.models import Subscriber; print(Subscriber.objects.filter(email='reader@example.org').count())"
    assert manage(stack.folder, "shell", "--no-imports", "-c", count).stdout.strip() == "1"


def test_a_change_shows_within_the_cache_lifetime(make_stack):
    stack = make_stack(PUBLIC_PAGE_MAX_AGE="2")
    _status, headers, body = stack.get(CITY_PAGE)
    stored_at = nginx_time(headers)
    assert headers["Cache-Control"] == "public, max-age=2"
    assert b"Pise" in body
    # Straight into the stack's database, in milliseconds: a `manage.py` process takes longer than the
    # max-age on a loaded machine, and the copy would expire before the next request.
    with closing(sqlite3.connect(stack.folder / "db.sqlite3")) as database, database:
        database.execute("UPDATE partnerships_partnercity SET name_fr = 'Pise-la-Neuve' WHERE slug = 'pisa'")
    _status, headers, body = stack.get(CITY_PAGE)
    assert (headers["X-Cache-Status"], b"Pise-la-Neuve" in body) == ("HIT", False)
    headers, body = wait_until_the_copy_expires(stack, CITY_PAGE, stored_at=stored_at)
    assert headers["X-Cache-Status"] == "EXPIRED"
    assert b"Pise-la-Neuve" in body


def test_with_the_application_down_cached_pages_stay_and_others_get_the_sites_own_page(make_stack):
    stack = make_stack(PUBLIC_PAGE_MAX_AGE="1")
    _status, headers, cached = stack.get("/en/")
    stored_at = nginx_time(headers)
    assert stack.cache_status("/en/") == "HIT"
    stack.stop_app()

    # Past max-age, only an application failure may serve the old copy.
    headers, body = wait_until_the_copy_expires(stack, "/en/", stored_at=stored_at)
    assert (headers["X-Cache-Status"], body) == ("STALE", cached)

    status, headers, body = stack.get("/en/partner-cities/")
    assert status in {502, 503}
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-store"
    assert body == (settings.BASE_DIR / "static/errors/503.html").read_bytes()
    assert b"Service momentan\xc3\xa9ment indisponible" in body
    assert b"Service temporarily unavailable" in body
    assert b"nginx" not in body

    stack.start_app()
    assert stack.get("/en/partner-cities/")[0] == 200


def nginx_time(headers):
    """nginx's own clock, from its Date header: the one that decides when a copy expires."""
    return parsedate_to_datetime(headers["Date"]).timestamp()


def wait_until_the_copy_expires(stack, path, *, stored_at):
    """Asks for `path` until nginx stops answering from its fresh copy; returns that answer. By nginx's own
    clock (its Date header, in whole seconds): no HIT comes later than max-age after the copy was stored,
    and the first answer that is not a HIT comes no earlier than max-age. (When it comes depends on when the
    test asks: on a loaded machine, stopping gunicorn alone can take seconds.)"""
    max_age = int(stack.app_settings["PUBLIC_PAGE_MAX_AGE"])
    deadline = time.monotonic() + max_age + 30
    while time.monotonic() < deadline:
        status, headers, body = stack.get(path)
        age = nginx_time(headers) - stored_at
        if headers["X-Cache-Status"] != "HIT":
            assert status == 200
            assert age >= max_age - 1, f"the copy expired after {age} s, before its max-age of {max_age} s"
            return headers, body
        assert age <= max_age + 1, f"{path} was still a fresh copy {age} s after it was stored"
        time.sleep(0.1)
    raise AssertionError(f"{path} was still served from the cache {max_age + 30} s after it was stored")


class CookieSettingUpstream(BaseHTTPRequestHandler):
    """An upstream that says its page may be shared and sets a cookie anyway: nginx must not keep it."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Cache-Control", "public, max-age=300")
        self.send_header("Set-Cookie", "tracking=1; Path=/")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_a_response_that_sets_a_cookie_is_never_stored(make_stack):
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), CookieSettingUpstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        stack = make_stack(with_app=False, upstream=f"127.0.0.1:{upstream.server_port}")
        for _ in range(2):
            status, headers, _body = stack.get("/fr/")
            assert (status, headers["X-Cache-Status"], headers["Set-Cookie"]) == (
                200,
                "MISS",
                "tracking=1; Path=/",
            )
    finally:
        upstream.shutdown()


def test_nginx_accepts_exactly_the_request_size_django_accepts():
    config = (settings.BASE_DIR / "deploy/nginx/locations.conf").read_text()
    megabytes = int(re.search(r"^client_max_body_size (\d+)m;", config, re.MULTILINE).group(1))
    assert megabytes * 1024 * 1024 == settings.REQUEST_MAX_BYTES


def test_a_request_larger_than_the_limit_gets_the_sites_own_413_page_from_nginx(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=30)
    too_large = settings.REQUEST_MAX_BYTES + 1
    connection.putrequest("POST", "/fr/lettre-d-information/", skip_host=True)
    connection.putheader("Host", "127.0.0.1")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Content-Length", str(too_large))
    connection.endheaders()
    response = connection.getresponse()  # nginx answers on the declared length, before any body
    body = response.read()
    connection.close()
    assert response.status == 413, body[:300]
    assert body == (settings.BASE_DIR / "static/errors/413.html").read_bytes()
    assert b"Envoi trop volumineux" in body
    assert b"Request too large" in body
