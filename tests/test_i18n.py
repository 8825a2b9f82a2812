"""Bilingual from the first line: language prefixes, translated paths, switcher, lang attributes."""

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9", "/fr/"),
        (None, "/fr/"),
    ],
)
def test_root_redirects_to_the_visitors_language(client, db, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_paths_are_translated(client, db):
    assert client.get("/fr/villes-partenaires/").status_code == 200
    assert client.get("/en/partner-cities/").status_code == 200
    assert client.get("/en/villes-partenaires/").status_code == 404


def test_switcher_leads_to_the_same_page_in_the_other_language(client, db):
    page = client.get("/fr/villes-partenaires/").content.decode()
    assert 'href="/en/partner-cities/" hreflang="en" lang="en">English</a>' in page

    page = client.get("/en/partner-cities/").content.decode()
    assert 'href="/fr/villes-partenaires/" hreflang="fr" lang="fr">Français</a>' in page


def test_switcher_keeps_the_query_string(client, db):
    page = client.get("/fr/villes-partenaires/?type=twinning").content.decode()
    assert 'href="/en/partner-cities/?type=twinning"' in page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_declare_their_language_and_alternates(client, db, language):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in page
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in page
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in page


def test_interface_strings_are_translated(client, db):
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()


@pytest.mark.parametrize("po_path", sorted((settings.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po")))
def test_compiled_catalogues_match_their_sources(po_path):
    """The .mo files are committed so a fresh clone is translated; they must say what the .po says."""
    # Keyed by context and message: "English" in a sentence (« anglais ») is not the language's name.
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(po_path))
        if entry.translated()
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.mofile(str(po_path.with_suffix(".mo")))
    }
    compiled.pop((None, ""), None)
    assert compiled == source


def test_french_catalogue_is_complete():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    assert missing == []
