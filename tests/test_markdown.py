"""Staff-written Markdown reaches visitors as sanitised HTML."""

from angers_intl.markdown import render_markdown


def test_markdown_keeps_formatting_and_links():
    html = render_markdown("Jumelage **signé** en 2016, voir [le site](https://www.torun.pl/).")
    assert html == (
        '<p>Jumelage <strong>signé</strong> en 2016, voir <a href="https://www.torun.pl/" rel="noopener">'
        "le site</a>.</p>"
    )


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
