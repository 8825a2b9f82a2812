"""Style sheets and scripts are served by WhiteNoise under hashed names, cached for a year or more."""

import re
import urllib.request

import pytest

from tests.site_crawl import PageOutline

ONE_YEAR = 365 * 24 * 3600


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local live server
        return response.headers, response.read()


@pytest.mark.usefixtures("test_city")
def test_static_files_of_the_home_page_are_hashed_and_cached_for_a_year(live_server):
    headers, body = fetch(f"{live_server.url}/fr/")
    outline = PageOutline(body.decode())
    static_urls = [link["href"] for link in outline.links if link["href"].startswith("/static/")]
    static_urls += [attrs["src"] for attrs, _inline in outline.scripts if "src" in attrs]
    assert any(url.endswith(".css") for url in static_urls)

    for url in static_urls:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} has no content hash in its name"
        headers, _body = fetch(live_server.url + url)
        max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
        assert max_age >= ONE_YEAR, (url, headers["Cache-Control"])
        assert "public" in headers["Cache-Control"]


def test_the_page_nginx_shows_while_the_application_is_down_is_valid_and_bilingual(html_validator, settings):
    page = (settings.BASE_DIR / "static/errors/503.html").read_text(encoding="utf-8")
    assert html_validator({"503.html": page}) == {}
    assert '<html lang="fr">' in page
    assert '<section lang="en">' in page
    assert "<script" not in page
    assert "http://" not in page
    assert "https://" not in page  # nothing from another host, and nothing that needs the application
