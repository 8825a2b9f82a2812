"""Each public page runs the same number of queries for 5 cities as for 50 (500 for the list).

Measured counts (the site profile of the layout included), the list at 5 and 500 cities, the others
at 5 and 50:
list 7 (filtered too; one of them counts the cities for the pagination), city page 9, map 2, timeline 4, programme page 5
(the city and programme pages: two of them read the news and coming events that link to it).
"""

import pytest

from partnerships.models import PartnerCity

PAGES = {
    "list": ("/en/partner-cities/", 7),
    "filtered list": ("/en/partner-cities/?type=twinning&continent=europe&theme=culture", 7),
    "city": ("/en/partner-cities/city-2/", 9),
    "map": ("/en/partner-cities/map/", 2),
    "timeline": ("/en/partner-cities/timeline/", 4),
    "programme": ("/en/partner-cities/programmes/programme-0/", 5),
}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_number_of_cities(
    client, site_profile, make_cities, django_assert_num_queries, settings, name
):
    path, expected = PAGES[name]
    settings.PUBLIC_LIST_PAGE_SIZE = 1000  # one page, so that the list shows the last city added
    make_cities(5)
    with django_assert_num_queries(expected):
        small = client.get(path)
    make_cities(495 if name == "list" else 45)
    with django_assert_num_queries(expected):
        large = client.get(path)
    assert small.status_code == large.status_code == 200
    assert PartnerCity.objects.count() in {50, 500}
    # The same queries, yet the page shows what was added: a city of the second batch. (The city page and
    # the first programme's page, whose partners are the first five cities, show the same city both times.)
    unchanged = {"city": "City 2", "programme": "City 4"}
    shown = unchanged.get(name, f"City {PartnerCity.objects.count() - 1}")
    assert shown in large.content.decode()
    assert (shown in small.content.decode()) == (name in unchanged)
