"""Staff write rich text as Markdown; visitors get sanitised HTML (no script, no event handler, no style).

Links to other sites are announced, as everywhere on the site: `rel="external"` and a visually hidden
"(external site)" in the visitor's language.
"""

import html
import xml.etree.ElementTree as ET
from functools import lru_cache
from urllib.parse import urlsplit

import markdown as markdown_lib
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "abbr", "code", "hr",
    "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang", "lang"}, "abbr": {"title"}, "*": {"lang"}}
EXTERNAL_REL = "external noopener"


class AnnounceExternalLinks(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            if urlsplit(link.get("href", "")).scheme in {"http", "https"}:
                link.set("rel", EXTERNAL_REL)
                hint = ET.SubElement(link, "span", {"class": "visually-hidden"})
                hint.text = f" ({gettext('external site')})"
            else:
                link.set("rel", "noopener")


class AnnounceExternalLinksExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (priority 20) have turned [text](url) into <a> elements.
        md.treeprocessors.register(AnnounceExternalLinks(md), "announce_external_links", 5)


# Rendering is a pure function of the text (and of the language, for the announcements): pages render the
# same summaries again and again, so the last results are kept in each process.
MEMOISED_TEXTS = 2048


def render_markdown(text):
    """Markdown to HTML that is safe to show, whatever a staff account (or an intruder) typed."""
    return _render_markdown(text or "", get_language())


@lru_cache(maxsize=MEMOISED_TEXTS)
def _render_markdown(text, language):
    html = markdown_lib.markdown(
        text or "", extensions=["sane_lists", AnnounceExternalLinksExtension()], output_format="html"
    )
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        # Only the two values set above survive; a rel typed in raw HTML is dropped.
        link_rel=None,
        tag_attribute_values={"a": {"rel": {EXTERNAL_REL, "noopener"}}},
        allowed_classes={"span": {"visually-hidden"}},
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


@lru_cache(maxsize=MEMOISED_TEXTS)
def markdown_to_text(text):
    """Staff Markdown as one line of plain text, for meta descriptions and structured data.

    Rendered without the "(external site)" announcements: they are for links, and here there are none.
    """
    rendered = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return " ".join(html.unescape(strip_tags(nh3.clean(rendered, tags=set()))).split())
