"""The consent statement shown next to every subscription form, and every version of it ever shown.

The form shows `consent_statement()` (gettext, so it follows the visitor's language); each subscriber stores
`CONSENT_VERSION` and the language of the form. `CONSENT_TEXTS` keeps the exact wording of each version in each
language, so the proof can say word for word what a subscriber read. A test checks that the statement shown
today equals `CONSENT_TEXTS[CONSENT_VERSION]`: changing the sentence or its translation without adding a new
version fails the suite.

To change the statement: edit the msgid below and its French translation, add a new version to
`CONSENT_TEXTS` with both exact texts, and set `CONSENT_VERSION` to it. Never edit an old version.
"""

from django.utils.translation import gettext

CONSENT_VERSION = "2026-01"

CONSENT_TEXTS = {
    "2026-01": {
        "en": (
            "I would like to receive this site’s newsletter by e-mail, a few times a year, in the language "
            "I chose. I can unsubscribe at any time with the link found in every e-mail."
        ),
        "fr": (
            "Je souhaite recevoir par e-mail la lettre d’information de ce site, quelques fois par an, dans "
            "la langue choisie. Je peux me désabonner à tout moment grâce au lien présent dans chaque e-mail."
        ),
    },
}


def consent_statement():
    """The current statement in the active language, exactly as the form shows it."""
    return gettext(
        "I would like to receive this site’s newsletter by e-mail, a few times a year, in the language "
        "I chose. I can unsubscribe at any time with the link found in every e-mail."
    )


def consent_text(version, language):
    """The exact words of `version` in `language`, for the proof of consent ('' if unknown)."""
    return CONSENT_TEXTS.get(version, {}).get(language, "")
