"""Plain helpers for the newsletter tests: page addresses, forms as a browser sends them, links in e-mails."""

import re
import time
from urllib.parse import urlsplit

from newsletter.tokens import make_form_issue_stamp

PAGE = {"fr": "/fr/lettre-d-information/", "en": "/en/newsletter/"}
UNSUBSCRIBE_PAGE = {"fr": "/fr/lettre-d-information/desabonnement/", "en": "/en/newsletter/unsubscribe/"}
ANSWER_PAGE = {
    "fr": "/fr/lettre-d-information/verifiez-votre-messagerie/",
    "en": "/en/newsletter/check-your-inbox/",
}
# A person reads the page before sending the form: it was shown a minute ago.
A_MINUTE_AGO = 60


def form_fields(**fields):
    data = {"issued": make_form_issue_stamp(time.time() - A_MINUTE_AGO), "website": ""}
    data.update(fields)
    return data


def link_in(message, *markers):
    """The path of the first link in the plain-text body whose path contains one of `markers`."""
    for url in re.findall(r"https?://\S+", message.body):
        if any(marker in url for marker in markers):
            return urlsplit(url).path
    raise AssertionError(f"no link with {markers!r} in:\n{message.body}")


def confirmation_link(message):
    return link_in(message, "/confirmer/", "/confirm/")


def unsubscribe_link(message):
    return link_in(message, "/desabonnement/", "/unsubscribe/")


def html_part(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html
