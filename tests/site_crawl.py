"""Follow same-site links from the home pages, as a visitor would, to check every public page.

The crawl knows no page by name: whatever the apps add becomes reachable by a link and is checked.
"""

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

START_PATHS = ("/fr/", "/en/")
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")
MAX_PAGES = 300
REDIRECT_CODES = {301, 302, 303, 307, 308}


class PageOutline(HTMLParser):
    """What the whole-site checks read from a page: head tags, headings, links and scripts."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.titles = []
        self.meta = {}  # name or property -> [content, …]
        self.links = []  # attrs of every <link>
        self.anchors = []  # href of every <a>
        self.scripts = []  # (attrs, has inline code)
        self.headings = []  # levels, in document order
        self._in_title = False
        self._script_attrs = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
            self.titles.append("")
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs.get("property")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "a" and "href" in attrs:
            self.anchors.append(attrs["href"])
        elif tag == "script":
            self._script_attrs = attrs
            self.scripts.append((attrs, False))
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._script_attrs = None

    def handle_data(self, data):
        if self._in_title:
            self.titles[-1] += data
        elif self._script_attrs is not None and data.strip():
            self.scripts[-1] = (self._script_attrs, True)

    def links_with_rel(self, rel):
        return [attrs for attrs in self.links if rel in attrs.get("rel", "").split()]

    def first_meta(self, key):
        values = self.meta.get(key, [])
        return values[0] if values else None


@dataclass
class CrawledSite:
    pages: dict = field(default_factory=dict)  # URL (path and query) -> response, for every HTML page
    broken_links: list = field(default_factory=list)  # (page that links, URL, status)
    truncated: bool = False

    def outline(self, url):
        return PageOutline(self.pages[url].content.decode())


def same_site_url(href, base_url):
    """The path (and query) a link leads to on this site, or None for what the crawl does not follow:
    other hosts, mailto:/tel:, the admin, static and media files. Fragments are dropped."""
    absolute = urlsplit(urljoin(f"http://testserver{base_url}", href))
    if absolute.scheme not in {"http", "https"} or absolute.netloc not in {"testserver", ""}:
        return None
    if absolute.path.startswith(SKIPPED_PREFIXES):
        return None
    return f"{absolute.path}?{absolute.query}" if absolute.query else absolute.path


def crawl_public_site(client, limit=MAX_PAGES):
    """Every HTML page reachable from /fr/ and /en/ through same-site links, fetched with `client`
    (a Django test client, anonymous). At most one query-string variant per path is followed (one
    filter of a list, not every combination)."""
    site = CrawledSite()
    queue = deque((path, None) for path in START_PATHS)
    queued = set(START_PATHS)
    paths_with_a_query = set()

    def enqueue(url, referrer):
        if url is None or url in queued:
            return
        path, _, query = url.partition("?")
        if query:
            if path in paths_with_a_query:
                return
            paths_with_a_query.add(path)
        queued.add(url)
        queue.append((url, referrer))

    while queue:
        if len(site.pages) >= limit:
            site.truncated = True
            break
        url, referrer = queue.popleft()
        response = client.get(url)
        if response.status_code in REDIRECT_CODES:
            enqueue(same_site_url(response["Location"], url), referrer)
            continue
        if response.status_code != 200:
            site.broken_links.append((referrer, url, response.status_code))
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        site.pages[url] = response
        for href in PageOutline(response.content.decode()).anchors:
            enqueue(same_site_url(href, url), url)
    return site
