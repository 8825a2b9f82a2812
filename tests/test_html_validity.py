"""Every public page, found by following links from /fr/ and /en/, is valid HTML for the Nu Html
Checker (one validator run for the whole batch)."""

MISSING_PAGES = ["/fr/page-absente/", "/en/no-such-page/"]


def test_every_public_page_is_valid_html(client, public_site, html_validator):
    documents = {url: response.content.decode() for url, response in public_site.pages.items()}
    documents.update({path: client.get(path).content.decode() for path in MISSING_PAGES})
    assert len(documents) >= 18
    assert html_validator(documents) == {}
