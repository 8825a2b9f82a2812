"""Each public page runs a fixed number of queries, whatever the number of networks or recognitions."""

import pytest
from django.conf import settings

from networks.models import Distinction, FigureMeasure, NetworkKind, RecognitionLevel

# The site profile (context processor) + the page's own queries.
NETWORK_LIST_QUERIES = 1 + 3  # networks counted (pagination), the page's networks, their figures
NETWORK_DETAIL_QUERIES = 1 + 4  # the network, its figures, the news and the coming events linked to it
# recognitions counted, the page's, their levels, their distinctions, the news and coming events linked to those
RECOGNITION_LIST_QUERIES = 1 + 6


@pytest.fixture
def many_networks(make_network, make_figure):
    def make(count):
        for index in range(count):
            network = make_network(
                f"network-{index}",
                kind=NetworkKind.THEMATIC_NETWORK if index % 2 else NetworkKind.CITY_NETWORK,
                founded_year=1950 + index,
                acronym_fr=f"R{index}",
                acronym_en=f"N{index}",
                description_fr="Un *réseau*.",
                website="https://example.org/",
            )
            make_figure(network, FigureMeasure.MEMBERS, 100 + index, year=2024)
            make_figure(network, FigureMeasure.COUNTRIES, 10 + index)

    return make


@pytest.fixture
def many_recognitions(make_recognition):
    def make(count):
        for index in range(count):
            recognition = make_recognition(f"recognition-{index}", website="https://example.org/")
            levels = [
                RecognitionLevel.objects.create(recognition=recognition, rank=rank, name_fr=f"Niveau {rank}")
                for rank in (1, 2, 3)
            ]
            Distinction.objects.create(recognition=recognition, year=2018, level=levels[0])
            Distinction.objects.create(recognition=recognition, year=2010, valid_until="2011-12-31")
            Distinction.objects.create(recognition=recognition)

    return make


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("path", ["/fr/reseaux/", "/en/networks/"])
def test_networks_page_query_count_is_fixed(client, many_networks, django_assert_num_queries, count, path):
    many_networks(count)
    with django_assert_num_queries(NETWORK_LIST_QUERIES):
        response = client.get(path)
    # The first page of the list (50 networks make two).
    assert response.content.decode().count('class="network card"') == min(
        count, settings.PUBLIC_LIST_PAGE_SIZE
    )


@pytest.mark.parametrize("count", [5, 50])
def test_network_page_query_count_is_fixed(client, many_networks, django_assert_num_queries, count):
    many_networks(count)
    with django_assert_num_queries(NETWORK_DETAIL_QUERIES):
        response = client.get("/en/networks/network-1/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("path", ["/fr/labels-et-distinctions/", "/en/labels-and-awards/"])
def test_labels_page_query_count_is_fixed(client, many_recognitions, django_assert_num_queries, count, path):
    many_recognitions(count)
    with django_assert_num_queries(RECOGNITION_LIST_QUERIES):
        response = client.get(path)
    page = response.content.decode()
    shown = min(count, settings.PUBLIC_LIST_PAGE_SIZE)  # the first page of the list
    assert page.count('class="recognition card"') == shown
    assert page.count("ladder__rung--reached") == shown
