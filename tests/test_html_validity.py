"""Every public page, found by following links from /fr/ and /en/, is valid HTML for the Nu Html
Checker (one validator run for the whole batch)."""

MISSING_PAGES = ["/fr/page-absente/", "/en/no-such-page/"]


def test_every_public_page_is_valid_html(html_validator, public_site):
    documents = {url: response.content.decode() for url, response in public_site.pages.items()}
    documents.update({path: public_site.fetch(path).content.decode() for path in MISSING_PAGES})
    assert len(documents) >= 18
    assert html_validator(documents) == {}
