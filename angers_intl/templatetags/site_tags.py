from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from angers_intl.markdown import render_markdown

register = template.Library()


def _same_page_in(request, language_code):
    """The URL of the current page in another language; its home page when the path resolves nowhere."""
    path = request.path
    translated = translate_url(path, language_code)
    if translated == path and language_code != get_language():
        return f"/{language_code}/"
    query = request.META.get("QUERY_STRING", "")
    return f"{translated}?{query}" if query else translated


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language: code, name in that language, URL of this page in it, is it the current one.

    Plain links (no `set_language` POST), so switching language sets no cookie.
    """
    request = context.get("request")
    current = get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        versions.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": _same_page_in(request, code) if request else f"/{code}/",
                "is_current": code == current,
            }
        )
    return versions


@register.filter(name="markdown")
def markdown_filter(text):
    """`{{ city.body|markdown }}`: sanitised HTML from staff-written Markdown."""
    return render_markdown(text)
