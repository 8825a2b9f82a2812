"""The translation-completeness report (angers_intl/translation_report.py) on crafted cases: a field missing
in English, one whose French changed after the English (outdated, until the English is edited), complete
fields and a field empty in both languages (no gap); the staff page, its links to the English tab, the
admin index's count and its fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from angers_intl.translation_report import all_gaps, translation_gap_count
from partnerships.models import Milestone


@pytest.fixture
def cities(make_city, clock):
    clock(datetime.date(2026, 3, 2))
    complete = make_city(
        "r-complete", "Complète", name_en="Complete", summary_en="A summary.", body_fr="", body_en=""
    )
    missing = make_city("r-missing", "Manquante", name_en="Missing", summary_en="")
    outdated = make_city("r-outdated", "Dépassée", name_en="Outdated", summary_en="A twin town.")
    clock(datetime.date(2026, 3, 9))
    outdated.summary_fr = "Une ville jumelle depuis 1964."
    outdated.save()
    return complete, missing, outdated


def gaps_of(city):
    return {
        (gap.field, gap.kind)
        for gap in all_gaps()
        if gap.model_label == "partnerships.PartnerCity" and gap.pk == city.pk
    }


def test_missing_outdated_complete_and_empty_in_both(cities):
    complete, missing, outdated = cities

    assert gaps_of(complete) == set()  # body empty in both languages: not a gap
    assert gaps_of(missing) == {("summary", "missing")}
    assert gaps_of(outdated) == {("summary", "outdated")}


def test_editing_the_english_after_the_french_makes_it_complete_again(cities, clock):
    _complete, _missing, outdated = cities
    clock(datetime.date(2026, 3, 10))
    outdated.summary_en = "A twin town since 1964."
    outdated.save()

    assert gaps_of(outdated) == set()

    clock(datetime.date(2026, 3, 11))
    outdated.summary_fr = "Une ville jumelle depuis 1964, sur le Rhin."
    outdated.save()

    assert gaps_of(outdated) == {("summary", "outdated")}


def test_the_report_page_lists_each_gap_with_a_link_to_the_english_field(staff_client, cities):
    _complete, missing, _outdated = cities
    key_date = Milestone.objects.create(partner_city=missing, year=1990, title_fr="Signature")

    page = staff_client.get(reverse("admin:translation_report"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "<caption>Villes partenaires (2)</caption>" in page
    assert f'href="/admin/partnerships/partnercity/{missing.pk}/change/#id_summary_en">Résumé</a>' in page
    assert "manque en anglais" in page
    assert "dépassé : le français a changé le 9 mars 2026" in page
    assert "<caption>Dates clés (1)</caption>" in page
    assert (
        f'href="/admin/partnerships/partnercity/{missing.pk}/change/#inline-milestones-{key_date.pk}-title_en"'
        in page
    )
    assert "Manquante · 1990 · Signature" in page
    english = staff_client.get(
        reverse("admin:translation_report"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "outdated: French changed on March 9, 2026" in english
    assert "missing in English" in english


def test_the_admin_index_shows_the_count_and_a_save_updates_it(staff_client, cities):
    _complete, missing, _outdated = cities
    index = staff_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert f'<a href="{reverse("admin:translation_report")}">2 traductions à faire</a>' in index

    missing.summary_en = "A summary at last."
    missing.save()

    index = staff_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "1 traduction à faire" in index


def test_staff_see_only_the_kinds_they_may_view(client, cities):
    networks_only = User.objects.create(username="networks-only", is_staff=True)
    networks_only.user_permissions.add(
        *Group.objects.get(name="Communication").permissions.filter(content_type__app_label="networks")
    )
    client.force_login(networks_only)

    page = client.get(reverse("admin:translation_report"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert translation_gap_count(networks_only) == 0
    assert "Villes partenaires" not in page[page.index('id="content-main"') :]


def test_the_count_costs_a_fixed_number_of_queries(make_cities, communication_user):
    def queries_for_the_count(size):
        for city in make_cities(size):
            city.summary_fr = "Un résumé."
            city.save()  # a version each: the outdated check reads them
        cache.clear()
        user = User.objects.get(pk=communication_user.pk)  # its permissions not cached yet
        with CaptureQueriesContext(connection) as queries:
            count = translation_gap_count(user)
        assert count >= size
        with CaptureQueriesContext(connection) as cached:  # then from the cache, until a save
            assert translation_gap_count(user) == count
        assert len(cached) == 0
        return len(queries)

    few = queries_for_the_count(3)
    assert few <= 2 * 8 + 2  # at most two per kind, and the user's permissions
    assert queries_for_the_count(30) == few
