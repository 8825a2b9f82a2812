"""Staff-written Markdown reaches visitors as sanitised HTML."""

from django.utils import translation

from angers_intl.markdown import render_markdown


def test_markdown_keeps_formatting_and_links():
    html = render_markdown("Jumelage **signé** en 2016, voir [la liste](/fr/villes-partenaires/).")
    assert html == (
        '<p>Jumelage <strong>signé</strong> en 2016, voir <a href="/fr/villes-partenaires/" rel="noopener">'
        "la liste</a>.</p>"
    )


def test_markdown_links_to_other_sites_are_announced_in_the_visitors_language():
    with translation.override("fr"):
        html = render_markdown("Voir [le site de Toruń](https://www.torun.pl/).")
    assert html == (
        '<p>Voir <a href="https://www.torun.pl/" rel="external noopener">le site de Toruń'
        '<span class="visually-hidden"> (site externe)</span></a>.</p>'
    )
    with translation.override("en"):
        assert "(external site)" in render_markdown("[Toruń](https://www.torun.pl/)")


def test_markdown_keeps_only_the_rel_values_it_sets():
    html = render_markdown(
        '<a href="/fr/" rel="nofollow opener">ici</a> <span class="big" lang="en">x</span>'
    )
    assert "nofollow" not in html
    assert "big" not in html
    assert '<span class="" lang="en">x</span>' in html or '<span lang="en" class="">x</span>' in html


def test_markdown_removes_scripts_handlers_and_javascript_urls():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)"> [clic](javascript:alert(3)) '
        '<p style="color:red" onclick="alert(4)">texte</p>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "style=" not in html
    assert "texte" in html
