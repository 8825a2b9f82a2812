"""Fragment caching of the public pages: the parts of a page that are the same for every visitor of a
given URL path, language and filter values (header, footer, lists, a city's article), kept in the
default cache for `FRAGMENT_CACHE_SECONDS`.

A cache miss of a whole page (a filtered list, a query string nginx has not seen, the first visitor
after nginx's copy expired) then renders only what depends on the exact request. This is not a
whole-page cache: the view runs, and the parts that depend on the query string are rendered every time.

Freshness: every key holds the *content version*, which any save or deletion of a model of our public
apps bumps (signals connected in `AngersIntlConfig.ready`); so a change saved in the admin reaches the
fragments of the process that saved it at once, and those of every process sharing the cache (Redis in
production). Otherwise (another process with a per-process memory cache, a change driven by the clock
such as a publication date) a fragment is at most `FRAGMENT_CACHE_SECONDS` old, which the settings
keep at or under `PUBLIC_PAGE_MAX_AGE`. Staff previews are never cached.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.crypto import get_random_string
from django.utils.translation import get_language

CONTENT_VERSION_KEY = "public-content-version"
# Apps whose records appear on public pages.
PUBLIC_APPS = {"angers_intl", "partnerships", "networks", "news"}


def content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = get_random_string(8)
        cache.add(CONTENT_VERSION_KEY, version, None)
    return version


def bump_content_version(sender, **kwargs):
    """Signal receiver: public content changed, every fragment built before is out of date."""
    if sender is not None and sender._meta.app_label in PUBLIC_APPS:
        cache.set(CONTENT_VERSION_KEY, get_random_string(8), None)


def cached_value(name, compute, vary_on=()):
    """`compute()`, kept like a fragment (same lifetime, same content version) but for every language:
    for a record that every page reads, such as the site profile."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    key = make_template_fragment_key(name, [content_version(), *vary_on])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


def cached_fragment(name, vary_on, render, *, enabled=True):
    """The HTML of fragment `name` for this language, content version and `vary_on` values: from the
    cache, or `render()`-ed and kept."""
    if not enabled or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return render()
    key = make_template_fragment_key(name, [get_language(), content_version(), *vary_on])
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return html
