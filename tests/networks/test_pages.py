"""The public pages, in French and in English, with networks and labels built in code: everything the issue
lists is shown."""

import pytest
from django.contrib.auth.models import User

from networks.models import Distinction, Network, Recognition
from tests.networks.conftest import CITY_NETWORKS, KEPT_IN_ENGLISH, NETWORKS, RECOGNITIONS, THEMATIC_NETWORKS


def main_of(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def network_card(page, slug):
    start = page.index(f'id="{slug}"')
    return page[start : page.index("</li>\n      \n", start)]


@pytest.mark.parametrize(("language", "path"), [("fr", "/fr/reseaux/"), ("en", "/en/networks/")])
def test_networks_page_shows_every_network_with_its_name_and_acronym(client, networks_world, language, path):
    response = client.get(path)
    assert response.status_code == 200
    page = main_of(response)
    for slug, (name_fr, acronym_fr, name_en, acronym_en) in NETWORKS.items():
        name, acronym = (name_fr, acronym_fr) if language == "fr" else (name_en, acronym_en)
        card = network_card(page, slug)
        assert f"<h3>{name}" in card
        if acronym:
            assert f'<span class="acronym">({acronym})</span>' in card


@pytest.mark.parametrize(
    ("path", "city_heading", "thematic_heading"),
    [
        ("/fr/reseaux/", "Réseaux de villes", "Réseaux thématiques"),
        ("/en/networks/", "City networks", "Thematic networks"),
    ],
)
def test_networks_are_grouped_by_kind(client, networks_world, path, city_heading, thematic_heading):
    page = main_of(client.get(path))
    city, thematic = page.split(f'<h2 id="group-thematic">{thematic_heading}</h2>')
    assert f'<h2 id="group-city">{city_heading}</h2>' in city
    for slug in CITY_NETWORKS:
        assert f'id="{slug}"' in city
    for slug in THEMATIC_NETWORKS:
        assert f'id="{slug}"' in thematic


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/fr/reseaux/",
            {
                "river-towns": [
                    "<dt>Création</dt><dd>1951</dd>",
                    "<dt>Membres</dt><dd>plus de 1\xa0500</dd>",
                ],
                "twin-towns-france": ["<dd>1975</dd>", "<dt>Membres</dt><dd>300</dd>"],
                "world-towns": ["<dd>2004</dd>", "<dd>près de 70\xa0%</dd>"],
                "bridges": [
                    "<dd>1986</dd>",
                    "<dd>plus de 200</dd>",
                    "<dt>Pays</dt><dd>38</dd>",
                    "<dd>130 millions</dd>",
                ],
                "climate-pact": [
                    "<dd>12\xa0761</dd>",
                    "<dd>142</dd>",
                    "<dd>plus de 1 milliard</dd>",
                ],
                "learning-towns": ["<dd>1994</dd>", "<dd>plus de 500</dd>", "<dd>34</dd>"],
                "valley-cooperation": ["<dt>Siège</dt><dd>Valmont</dd>", "VALCO"],
            },
        ),
        (
            "/en/networks/",
            {
                "river-towns": ["<dt>Founded</dt><dd>1951</dd>", "<dt>Members</dt><dd>more than 1,500</dd>"],
                "twin-towns-france": ["<dd>1975</dd>", "<dt>Members</dt><dd>300</dd>"],
                "world-towns": ["<dd>2004</dd>", "<dd>nearly 70%</dd>"],
                "bridges": [
                    "<dd>1986</dd>",
                    "<dd>more than 200</dd>",
                    "<dt>Countries</dt><dd>38</dd>",
                    "<dd>130 million</dd>",
                ],
                "climate-pact": [
                    "<dd>12,761</dd>",
                    "<dd>142</dd>",
                    "<dd>more than 1 billion</dd>",
                ],
                "learning-towns": ["<dd>1994</dd>", "<dd>more than 500</dd>", "<dd>34</dd>"],
                "valley-cooperation": [
                    "<dt>Headquarters</dt><dd>Valmont</dd>",
                    "VALCO",
                ],
            },
        ),
    ],
)
def test_networks_show_founding_year_and_figures_in_the_page_language(client, networks_world, path, expected):
    page = main_of(client.get(path))
    for slug, fragments in expected.items():
        card = network_card(page, slug)
        for fragment in fragments:
            assert fragment in card, (slug, fragment)


def test_a_figure_shows_the_year_it_refers_to(client, make_network, make_figure):
    make_figure(make_network("eurocities", name_fr="Eurocities", name_en="Eurocities"), value=212, year=2024)
    assert '<dd>212 <span class="facts__year">(figure for 2024)</span></dd>' in main_of(
        client.get("/en/networks/")
    )
    assert "(chiffre de 2024)" in main_of(client.get("/fr/reseaux/"))


def test_a_network_says_since_when_the_city_is_a_member(client, make_network):
    make_network("eurocities", name_fr="Eurocities", name_en="Eurocities", joined_year=1995)
    assert "<dt>Member since</dt><dd>1995</dd>" in main_of(client.get("/en/networks/"))
    assert "<dt>Membre depuis</dt><dd>1995</dd>" in main_of(client.get("/fr/reseaux/"))


@pytest.mark.parametrize(
    ("path", "what_it_does", "link"),
    [
        (
            "/fr/reseaux/",
            "à l’origine des fêtes fluviales",
            '<a href="https://www.river-towns.example/" rel="external noopener" class="external-link">Site officiel\xa0: AVF'
            '<span class="visually-hidden"> (site externe)</span></a>',
        ),
        (
            "/en/networks/",
            "started the river festivals",
            '<a href="https://www.river-towns.example/" rel="external noopener" class="external-link">Official website: ART'
            '<span class="visually-hidden"> (external site)</span></a>',
        ),
    ],
)
def test_each_network_says_what_it_does_and_links_to_its_site(
    client, networks_world, path, what_it_does, link
):
    card = network_card(main_of(client.get(path)), "river-towns")
    assert what_it_does in card
    assert link in card
    assert 'target="_blank"' not in card


@pytest.mark.parametrize(
    ("path", "heading", "benefits"),
    [
        ("/fr/reseaux/cgl/", None, None),
        (
            "/fr/reseaux/world-towns/",
            '<h1>Villes du monde unies <span class="acronym">(VMU)</span>',
            "Ce que la ville y gagne",
        ),
        (
            "/en/networks/world-towns/",
            '<h1>United World Towns <span class="acronym">(UWT)</span>',
            "What the city gains from it",
        ),
    ],
)
def test_each_network_has_its_own_page(client, networks_world, path, heading, benefits):
    response = client.get(path)
    if heading is None:
        assert response.status_code == 404
        return
    page = main_of(response)
    assert heading in page
    assert benefits in page
    assert "2004" in page


def test_the_list_links_to_each_network_page_in_the_same_language(client, networks_world):
    assert 'href="/en/networks/world-towns/">More about UWT</a>' in main_of(client.get("/en/networks/"))
    assert 'href="/fr/reseaux/world-towns/">En savoir plus sur VMU</a>' in main_of(client.get("/fr/reseaux/"))


def test_the_language_switcher_of_a_network_page_leads_to_the_same_network(client, networks_world):
    page = client.get("/fr/reseaux/world-towns/").content.decode()
    assert 'href="/en/networks/world-towns/" hreflang="en" lang="en">English</a>' in page


@pytest.mark.parametrize(
    ("language", "path"), [("fr", "/fr/labels-et-distinctions/"), ("en", "/en/labels-and-awards/")]
)
def test_labels_page_shows_every_recognition(client, networks_world, language, path):
    response = client.get(path)
    assert response.status_code == 200
    page = main_of(response)
    for slug, (name_fr, name_en) in RECOGNITIONS.items():
        name = name_fr if language == "fr" else name_en
        if language == "fr" and name in KEPT_IN_ENGLISH:
            name = f'<span lang="en">{name}</span>'
        assert f'<h2 id="{slug}-title">{name}</h2>' in page


def test_english_names_on_french_pages_are_marked_as_english(client, networks_world):
    page = main_of(client.get("/fr/labels-et-distinctions/"))
    assert '<h2 id="tree-towns-title"><span lang="en">Tree Towns</span></h2>' in page
    assert '<span lang="en">Clean Air Accord</span>' in page
    assert 'Site officiel\u00a0: <span lang="en">Tree Towns</span>' in page


def test_english_names_on_english_pages_carry_no_language_mark(client, networks_world):
    page = main_of(client.get("/en/labels-and-awards/"))
    assert '<h2 id="tree-towns-title">Tree Towns</h2>' in page
    assert 'lang="en"' not in page


def test_a_network_name_kept_in_english_is_marked_on_its_french_page(client, make_network):
    make_network("covenant", name_fr="Covenant of Mayors", name_en="Covenant of Mayors", name_language="en")
    assert '<h1><span lang="en">Covenant of Mayors</span>' in main_of(client.get("/fr/reseaux/covenant/"))
    english = main_of(client.get("/en/networks/covenant/"))
    assert "<h1>Covenant of Mayors" in english
    assert 'lang="en"' not in english


@pytest.mark.parametrize("path", ["/fr/labels-et-distinctions/", "/en/labels-and-awards/"])
def test_a_renewable_label_without_validity_dates_is_shown_as_to_be_confirmed(client, networks_world, path):
    page = main_of(client.get(path))
    article = page.split('id="tree-towns"')[1].split("</article>")[0]
    expected = "validité à confirmer" if path.startswith("/fr/") else "validity to be confirmed"
    assert expected in article


@pytest.mark.parametrize(
    ("path", "fragments"),
    [
        (
            "/fr/labels-et-distinctions/",
            [
                "<dt>Décerné par</dt><dd>Assemblée parlementaire du Conseil de l’Europe</dd>",
                "<dt>Création</dt><dd>1955</dd>",
                "2018 · <strong>Diplôme européen</strong>",
                "<dt>Décerné par</dt><dd>Ministère des Affaires étrangères</dd>",
                "2012 · Pour le programme des jeunes ambassadeurs",
                "jeunes «&nbsp;ambassadeurs&nbsp;»",
                "Attribué pour un an, renouvelé chaque année",
                "<dt>Porté par</dt><dd>Organisation mondiale de la santé (OMS)</dd>",
                "La ville a pris cet engagement",
                "La ville est reconnue",
            ],
        ),
        (
            "/en/labels-and-awards/",
            [
                "<dt>Awarded by</dt><dd>Parliamentary Assembly of the Council of Europe</dd>",
                "<dt>Created in</dt><dd>1955</dd>",
                "2018 · <strong>European Diploma</strong>",
                "<dt>Awarded by</dt><dd>French Ministry of Foreign Affairs</dd>",
                "2012 · For the youth ambassadors programme",
                "youth ambassadors",
                "Awarded for one year at a time, renewed every year",
                "<dt>Led by</dt><dd>World Health Organization (WHO)</dd>",
                "The city has made this commitment",
                "The city is recognised",
            ],
        ),
    ],
)
def test_labels_page_shows_awarding_bodies_years_and_levels(client, networks_world, path, fragments):
    page = main_of(client.get(path))
    for fragment in fragments:
        assert fragment in page, fragment


@pytest.mark.parametrize(
    ("path", "rungs"),
    [
        (
            "/fr/labels-et-distinctions/",
            [
                ("Diplôme européen", "atteint par la ville en 2018"),
                ("Drapeau d’honneur", "non atteint"),
                ("Plaque d’honneur", "non atteint"),
                ("Prix de l’Europe", "non atteint"),
            ],
        ),
        (
            "/en/labels-and-awards/",
            [
                ("European Diploma", "reached by the city in 2018"),
                ("Flag of Honour", "not reached"),
                ("Plaque of Honour", "not reached"),
                ("Europe Prize", "not reached"),
            ],
        ),
    ],
)
def test_the_europe_prize_shows_its_ladder_with_the_diploma_marked_in_words(
    client, networks_world, path, rungs
):
    page = main_of(client.get(path))
    ladder = page.split('<ol class="ladder" aria-labelledby="europe-prize-levels">')[1].split("</ol>")[0]
    shown = [
        (
            item.split('<span class="ladder__name">')[1].split("</span>")[0],
            item.split('<span class="ladder__status">')[1].split("</span>")[0],
        )
        for item in ladder.split("<li")[1:]
    ]
    assert shown == rungs
    assert ladder.count("ladder__rung--reached") == 1


def test_unpublished_items_are_left_out_of_public_pages(client, networks_world):
    Network.objects.filter(slug="world-towns").update(published=False)
    Recognition.objects.filter(slug="europe-prize").update(published=False)
    assert 'id="world-towns"' not in client.get("/en/networks/").content.decode()
    assert client.get("/en/networks/world-towns/").status_code == 404
    assert "Europe Prize" not in main_of(client.get("/en/labels-and-awards/"))


def test_staff_preview_unpublished_items_through_their_own_url(client, networks_world, admin_user):
    Network.objects.filter(slug="world-towns").update(published=False)
    Recognition.objects.filter(slug="europe-prize").update(published=False)
    anonymous = client.get("/en/networks/preview/world-towns/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert client.get("/en/labels-and-awards/preview/").status_code == 302

    client.force_login(User.objects.create(username="newsletter-only", is_staff=True))
    assert (
        client.get("/en/networks/preview/world-towns/").status_code == 403
    )  # staff without the right to see networks
    assert client.get("/en/labels-and-awards/preview/").status_code == 403

    client.force_login(admin_user)
    preview = client.get("/en/networks/preview/world-towns/").content.decode()
    assert "Staff preview. This page is not published: visitors cannot see it." in preview
    assert '<meta name="robots" content="noindex">' in preview
    labels = client.get("/fr/labels-et-distinctions/apercu/").content.decode()
    assert "Prix de l’Europe" in labels
    assert "Non publié" in labels
    # The public pages stay public-only, even for staff.
    assert client.get("/en/networks/world-towns/").status_code == 404


@pytest.mark.parametrize("path", ["/fr/reseaux/", "/en/networks/world-towns/", "/en/labels-and-awards/"])
def test_public_pages_stay_cacheable(client, networks_world, path):
    response = client.get(path)
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_empty_pages_say_so(client, db):
    assert "No network has been published yet." in client.get("/en/networks/").content.decode()
    assert (
        "Aucun label ni aucune distinction n’a encore été publié."
        in client.get("/fr/labels-et-distinctions/").content.decode()
    )


def test_a_recognition_without_distinction_shows_no_obtained_section(client, make_recognition):
    make_recognition("newcomer", name_en="Newcomer label")
    page = main_of(client.get("/en/labels-and-awards/"))
    assert "Newcomer label" in page
    assert "What the city has obtained" not in page


def test_an_exact_date_and_a_validity_are_shown_in_the_page_language(client, make_recognition):
    recognition = make_recognition("dated")
    Distinction.objects.create(
        recognition=recognition, year=2018, awarded_on="2018-06-20", valid_until="2099-12-31"
    )
    assert '<time datetime="2018-06-20">20 juin 2018</time> (valable jusqu’au 31 décembre 2099)' in main_of(
        client.get("/fr/labels-et-distinctions/")
    )
