"""The English networks and labels pages mark the French texts they show for want of English (`lang="fr"`)."""

import re


def marked(html):
    found = re.findall(r'<(span|div) lang="fr">(.*?)</\1>', html, re.S)
    return [re.sub(r"<[^>]+>", "", text).strip() for _tag, text in found]


def test_network_pages_mark_the_french_they_show(client, make_network):
    make_network(
        "velo",
        name_fr="Club des villes cyclables",
        name_en="",
        headquarters_fr="Paris",
        description_fr="Le vélo en ville.",
        description_en="",
        city_benefits_fr="Des idées.",
        city_benefits_en="Ideas.",
    )
    make_network("eurocities", name_fr="Eurocités", name_en="Eurocities", description_en="Cities together.")

    detail = marked(client.get("/en/networks/velo/").content.decode())
    assert detail == ["Club des villes cyclables", "Paris", "Le vélo en ville."]
    listing = marked(client.get("/en/networks/").content.decode())
    assert "Le vélo en ville." in listing
    assert "Eurocities" not in listing
    assert "Cities together." not in listing
    assert marked(client.get("/fr/reseaux/velo/").content.decode()) == []


def test_labels_page_marks_french_names_and_texts(client, make_recognition):
    make_recognition(
        "ville-amie",
        name_fr="Ville amie des enfants",
        name_en="",
        awarding_body_fr="Unicef France",
        description_fr="Pour les droits de l’enfant.",
    )
    make_recognition("europe", name_fr="Prix de l’Europe", name_en="Europe Prize", name_language="")

    english = marked(client.get("/en/labels-and-awards/").content.decode())
    assert {"Ville amie des enfants", "Unicef France", "Pour les droits de l’enfant."} <= set(english)
    assert "Europe Prize" not in english
    assert marked(client.get("/fr/labels-et-distinctions/").content.decode()) == []
