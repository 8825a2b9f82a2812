"""Private and cacheable: an anonymous visit sets no cookie, public pages may sit in a shared cache, and
every response tells the browser to load nothing from another host."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import has_vary_header

from angers_intl.middleware import PublicCacheControlMiddleware


def test_an_anonymous_visit_of_every_page_sets_no_cookie_and_does_not_vary_on_it(public_site):
    assert public_site.broken_links == []
    assert not public_site.truncated
    with_cookies = {
        url: list(response.cookies) for url, response in public_site.pages.items() if response.cookies
    }
    varying = [url for url, response in public_site.pages.items() if has_vary_header(response, "Cookie")]
    with_csrf_token = [
        url for url, response in public_site.pages.items() if b"csrfmiddlewaretoken" in response.content
    ]
    assert with_cookies == {}
    assert varying == []
    assert with_csrf_token == []
    assert public_site.visitor_cookies == {}


def test_every_public_page_may_be_kept_by_a_shared_cache_for_five_minutes(public_site):
    policies = {url: response.get("Cache-Control") for url, response in public_site.pages.items()}
    assert set(policies.values()) == {"public, max-age=300"}


def test_shared_cache_lifetime_comes_from_the_settings(client, db, settings):
    settings.PUBLIC_PAGE_MAX_AGE = 60
    assert client.get("/en/legal-notice/")["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml"])
def test_robots_and_sitemap_may_be_cached_too(client, db, path):
    assert client.get(path)["Cache-Control"] == "public, max-age=300"


def test_admin_pages_errors_and_redirects_are_not_shared(client, db):
    assert "private" in client.get("/admin/login/")["Cache-Control"]
    assert "Cache-Control" not in client.get("/fr/page-absente/").headers
    assert "Cache-Control" not in client.get("/").headers


def response_through_middleware(response, method="GET", path="/fr/"):
    request = getattr(RequestFactory(), method.lower())(path)
    return PublicCacheControlMiddleware(lambda request: response)(request)


def test_a_response_that_sets_a_cookie_is_not_shared():
    response = HttpResponse("form")
    response.set_cookie("csrftoken", "x")
    assert "Cache-Control" not in response_through_middleware(response).headers


def test_a_response_that_varies_on_the_cookie_is_not_shared():
    response = HttpResponse("session")
    response["Vary"] = "Accept-Language, Cookie"
    assert "Cache-Control" not in response_through_middleware(response).headers


def test_a_view_keeps_its_own_cache_policy_and_a_post_is_never_shared():
    response = HttpResponse("confirm")
    response["Cache-Control"] = "private, no-store"
    assert response_through_middleware(response)["Cache-Control"] == "private, no-store"
    assert "Cache-Control" not in response_through_middleware(HttpResponse("ok"), method="POST").headers


@pytest.mark.parametrize("path", ["/fr/", "/en/personal-data/", "/fr/page-absente/", "/sitemap.xml"])
def test_every_response_allows_only_the_sites_own_resources(client, db, path):
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in client.get(path)["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no nonce on public pages: they stay the same for everyone
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in client.get(path)["Content-Security-Policy"]


def test_every_response_switches_off_browser_features_the_site_never_uses(client, db):
    features = client.get("/fr/")["Permissions-Policy"].split(", ")
    assert {"camera=()", "geolocation=()", "microphone=()", "payment=()"} <= set(features)
