"""Every public page, found by following links: language declared, headings in order, no blocking
script. (The browser checks of the same pages are in tests/browser/test_public_site_browser.py.)"""

from itertools import pairwise


def headings_problem(levels):
    """What is wrong with a page's heading levels, in document order, or None."""
    if levels.count(1) != 1:
        return f"{levels.count(1)} h1"
    if levels[0] != 1:
        return "the first heading is not the h1"
    for previous, level in pairwise(levels):
        if level > previous + 1:
            return f"h{previous} followed by h{level}"
    return None


def test_headings_rule_catches_what_it_must():
    assert headings_problem([1, 2, 3, 2, 2]) is None
    assert headings_problem([1, 3]) == "h1 followed by h3"
    assert headings_problem([2, 1]) == "the first heading is not the h1"
    assert headings_problem([1, 2, 1]) == "2 h1"


def test_every_page_has_one_h1_first_and_no_skipped_heading_level(public_site):
    problems = {url: headings_problem(public_site.outline(url).headings) for url in public_site.pages}
    assert {url: problem for url, problem in problems.items() if problem} == {}


def test_every_page_declares_the_language_of_its_address(public_site):
    languages = {url: public_site.outline(url).html_lang for url in public_site.pages}
    assert {url: lang for url, lang in languages.items() if lang != url.split("/")[1]} == {}


def test_no_page_has_a_render_blocking_script(public_site):
    """External scripts load with `defer` (or async/module); inline scripts only carry JSON-LD data."""
    blocking = {}
    for url in public_site.pages:
        for attrs, inline in public_site.outline(url).scripts:
            kind = attrs.get("type", "")
            if inline and kind != "application/ld+json":
                blocking.setdefault(url, []).append("inline script")
            elif "src" in attrs and not ({"defer", "async"} & set(attrs) or kind == "module"):
                blocking.setdefault(url, []).append(attrs["src"])
    assert blocking == {}
