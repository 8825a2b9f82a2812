import locale
from functools import cache, lru_cache
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.template.defaultfilters import linebreaksbr
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from angers_intl.fallback import fallback_language
from angers_intl.fragments import cached_fragment
from angers_intl.markdown import render_markdown

register = template.Library()

# Query parameters that make a different page (a later page of a list); filters only narrow a list
# down, so their canonical URL is the list itself.
CANONICAL_QUERY_PARAMETERS = ("page",)


@cache
def open_graph_locale(language_code):
    """The Open Graph locale (language_TERRITORY) of a code of `LANGUAGES`: its own territory when it
    has one ("pt-br" → "pt_BR"), else the usual one for the language ("fr" → "fr_FR", "en" → "en_US")."""
    language, *subtags = language_code.lower().replace("_", "-").split("-")
    territories = [subtag for subtag in subtags if len(subtag) == 2]  # not a script such as "hans"
    if territories:
        return f"{language}_{territories[0].upper()}"
    normalized = locale.normalize(language).split(".")[0]
    return normalized if "_" in normalized else language


def _same_page_in(request, language_code):
    """The path of the current page in another language; its home page when the path resolves nowhere."""
    return _translated_path(request.path, language_code, get_language())


@lru_cache(maxsize=4096)
def _translated_path(path, language_code, current_language):
    """Resolving a path is the costly part of every page's links to its other versions: kept per process
    (the URL map does not change while it runs; `current_language` is part of the key because the path
    resolves in it)."""
    translated = translate_url(path, language_code)
    if translated == path and language_code != current_language:
        return f"/{language_code}/"
    return translated


def _with_query(path, query):
    return f"{path}?{query}" if query else path


def _canonical_query(request):
    kept = [
        (name, request.GET[name])
        for name in CANONICAL_QUERY_PARAMETERS
        if request.GET.get(name) not in (None, "", "1")
    ]
    return urlencode(kept)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: code, name in that language, URL of this page in it, is it the current one.

    Plain links (no `set_language` POST), so switching language sets no cookie. The URL keeps the query
    string (a filtered list stays filtered).
    """
    request = context.get("request")
    current = get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = f"/{code}/"
        if request:
            url = _with_query(_same_page_in(request, code), request.META.get("QUERY_STRING", ""))
        versions.append(
            {"code": code, "name_local": info["name_local"], "url": url, "is_current": code == current}
        )
    return versions


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What search engines and link previews need, as absolute URLs built from the request (behind the
    proxy, Host and X-Forwarded-Proto give the public address):

    `canonical` (this page without its filters), `alternates` [(hreflang, URL)] for each language and
    x-default (the default language's page), `og_locale` and `og_locale_alternates`.
    """
    request = context["request"]
    query = _canonical_query(request)
    alternates = [
        (code, request.build_absolute_uri(_with_query(_same_page_in(request, code), query)))
        for code, _name in settings.LANGUAGES
    ]
    default = dict(alternates)[settings.LANGUAGE_CODE]
    current = get_language()
    return {
        "canonical": request.build_absolute_uri(_with_query(request.path, query)),
        "alternates": [*alternates, ("x-default", default)],
        "og_locale": open_graph_locale(current),
        "og_locale_alternates": [
            open_graph_locale(code) for code, _name in settings.LANGUAGES if code != current
        ],
    }


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already escaped by the templates that rendered it; whitespace collapsed for attributes.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag(name="capture")
def do_capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: renders the enclosed template (blocks included, so a
    child template's `{% block title %}` can be used twice) into the variable `name`; outputs nothing."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter(name="markdown")
def markdown_filter(text):
    """`{{ city.body|markdown }}`: sanitised HTML from staff-written Markdown."""
    return render_markdown(text)


class FragmentNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        return cached_fragment(
            self.name,
            [value.resolve(context) for value in self.vary_on],
            lambda: self.nodelist.render(context),
            enabled=not context.get("preview"),
        )


@register.tag(name="fragment")
def do_fragment(parser, token):
    """`{% fragment "name" value … %}…{% endfragment %}`: the enclosed HTML, cached per language, content
    version and the values given (what the fragment depends on besides them); see
    `angers_intl.fragments`. Variables set inside a fragment are not seen after it."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('Usage: {% fragment "name" value … %}…{% endfragment %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])


# How `translated` renders a field: (function, whether the result is a block of paragraphs).
TRANSLATED_RENDERINGS = {
    "text": (conditional_escape, False),
    "markdown": (render_markdown, True),
    "linebreaks": (linebreaks, True),
    "linebreaksbr": (linebreaksbr, False),
}


@register.simple_tag
def translated(obj, field_name, rendering="text"):
    """`{% translated city "name" %}`, `{% translated city "summary" "markdown" %}`: a translated content
    field of `obj` as the page shows it; when it is the fallback language's text (the English page of a
    city without an English summary), inside `<span lang="fr">` (or `<div lang="fr">` for paragraphs), so
    that screen readers pronounce it right (angers_intl/fallback.py). Renderings: "text" (escaped),
    "markdown", "linebreaks", "linebreaksbr". Also `… as name` for `{% blocktranslate with … %}`."""
    render, is_block = TRANSLATED_RENDERINGS[rendering]
    value = getattr(obj, field_name, "") or ""
    # Escaped or sanitised by its rendering.
    html = mark_safe(render(value))  # noqa: S308
    language = fallback_language(obj, field_name)
    if not language or not value:
        return html
    return format_html('<{tag} lang="{}">{}</{tag}>', language, html, tag="div" if is_block else "span")


@register.filter(name="fallback_language")
def fallback_language_filter(obj, field_name):
    """`{{ city|fallback_language:"image_alt" }}`: "fr" when the page shows the field's French text in
    place of its own language's, else "": for a `lang` attribute on the element that carries the value
    (an image's alternative text)."""
    return fallback_language(obj, field_name)
