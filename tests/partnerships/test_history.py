"""The history of partner cities (django-simple-history, angers_intl/history.py): every save is a version
recording who, when and every field in both languages, whether it comes from the admin form, an import or
the bulk publish action; staff compare two versions and restore an earlier one, which keeps the
publication state; a restore that names deleted records changes nothing and says so."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from angers_intl.history import changed_field_names
from partnerships.models import PartnerCity, Theme
from tests.admin_forms import admin_form_data


@pytest.fixture
def culture(db):
    return Theme.objects.create(slug="h-culture", name_fr="Culture", name_en="Culture")


@pytest.fixture
def torun(make_city, culture):
    return make_city(
        "h-torun",
        "Toruń",
        name_en="Torun",
        country="PL",
        summary_fr="Ville natale de Copernic.",
        summary_en="Copernicus’s birthplace.",
        themes=[culture],
    )


def change_url(city):
    return reverse("admin:partnerships_partnercity_change", args=[city.pk])


def history_url(city):
    return reverse("admin:partnerships_partnercity_history", args=[city.pk])


def restore_url(city, version):
    return reverse("admin:partnerships_partnercity_restore", args=[city.pk, version.history_id])


def edit(client, city, **changes):
    form = admin_form_data(client.get(change_url(city)))
    response = client.post(change_url(city), {**form, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    city.refresh_from_db()


def versions(city):
    return list(city.history.order_by("history_date", "history_id"))


def test_an_admin_save_is_one_version_with_who_when_and_both_languages(staff_client, torun, culture):
    economy = Theme.objects.create(slug="h-economy", name_fr="Économie", name_en="Economy")
    before = len(versions(torun))

    edit(
        staff_client, torun, name_en="Toruń", summary_fr="Ville de Copernic.", themes=[culture.pk, economy.pk]
    )

    added = versions(torun)[before:]
    assert len(added) == 1  # the record and its themes: one version
    version = added[0]
    assert version.history_user.username == "camille"
    assert version.history_type == "~"
    assert (version.name_fr, version.name_en) == ("Toruń", "Toruń")
    assert (version.summary_fr, version.summary_en) == ("Ville de Copernic.", "Copernicus’s birthplace.")
    assert {row.theme_id for row in version.themes.all()} == {culture.pk, economy.pk}
    changed = changed_field_names(version.prev_record, version)
    assert sorted(changed) == ["name_en", "summary_fr", "themes"]


def test_the_history_page_lists_each_version_with_its_author_and_changed_fields(staff_client, torun):
    edit(staff_client, torun, summary_en="The town of Copernicus.")

    page = staff_client.get(history_url(torun), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "3 versions" in page  # created, its themes set by code, then the form
    assert "camille" in page
    assert "<li>Résumé [en]</li>" in page
    assert "Création." in page
    english = staff_client.get(history_url(torun), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<li>Summary [en]</li>" in english


def test_an_import_records_a_version_by_the_importing_user(staff_client, torun, culture):
    content = (
        "slug,name_fr,name_en,country,agreement_type,year_started,themes,summary_fr,summary_en\n"
        "h-torun,Toruń,Thorn,PL,twinning,1964,h-culture,Ville natale de Copernic.,Copernicus’s birthplace.\n"
        "h-new,Nouvelle,New,DE,partnership,2001,h-culture,Une amie.,A friend.\n"
    )
    preview = staff_client.post(
        reverse("admin:partnerships_partnercity_import"),
        {"import_file": SimpleUploadedFile("cities.csv", content.encode()), "format": "0"},
    )
    staff_client.post(
        reverse("admin:partnerships_partnercity_process_import"),
        dict(preview.context["confirm_form"].initial),
    )

    updated = torun.history.latest()
    assert (updated.history_type, updated.name_en, updated.history_user.username) == ("~", "Thorn", "camille")
    new = PartnerCity.objects.get(slug="h-new")
    [created] = new.history.all()  # the row and its themes: one version
    assert (created.history_type, created.name_en, created.history_user.username) == ("+", "New", "camille")
    assert [row.theme_id for row in created.themes.all()] == [culture.pk]


def test_a_bulk_publication_is_a_version(staff_client, torun):
    torun.published = False
    torun.save()

    staff_client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "publish_selected", "_selected_action": [torun.pk]},
    )

    version = torun.history.latest()
    assert version.published is True
    assert version.history_user.username == "camille"
    assert changed_field_names(version.prev_record, version) == ["published"]
    # The themes are part of that version too: publishing is not a change of themes.
    assert version.themes.count() == 1


def test_compare_shows_the_changed_fields_only_with_old_and_new_values(staff_client, torun):
    first = torun.history.latest()
    edit(staff_client, torun, name_en="Thorn", summary_fr="Ville natale de Nicolas Copernic.")
    last = torun.history.latest()

    response = staff_client.get(
        reverse("admin:partnerships_partnercity_compare", args=[torun.pk]),
        {"old": last.history_id, "new": first.history_id},  # in any order
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    page = response.content.decode()
    assert "2 champs diffèrent entre ces versions." in page
    assert '<th scope="row">Nom [en]</th>' in page
    assert "<del>Torun</del>" in page
    assert "<ins>Thorn</ins>" in page
    assert '<th scope="row">Résumé [fr]</th>' in page
    assert "Ville natale de <ins>Nicolas </ins>Copernic." in page.replace(
        "<ins>Nicolas</ins> ", "<ins>Nicolas </ins>"
    )
    assert "Résumé [en]" not in page
    assert "style=" not in page[page.index('id="content-main"') :]


def test_comparing_versions_that_do_not_exist_says_so(staff_client, torun):
    response = staff_client.get(
        reverse("admin:partnerships_partnercity_compare", args=[torun.pk]),
        {"old": "x", "new": "999999"},
        HTTP_ACCEPT_LANGUAGE="fr",
        follow=True,
    )

    assert response.status_code == 200
    assert "Choisissez deux versions différentes" in response.content.decode()


def test_restoring_an_earlier_version_brings_both_languages_back_and_keeps_the_publication(
    staff_client, torun, culture
):
    original = torun.history.latest()
    edit(staff_client, torun, name_fr="Thorn (fr)", name_en="Thorn", summary_en="Changed.", themes=[])
    staff_client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "unpublish_selected", "_selected_action": [torun.pk]},
    )

    confirm = staff_client.get(restore_url(torun, original), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "l’état de publication reste tel qu’il est" in confirm
    assert "<del>Thorn</del>" in confirm
    assert "<ins>Torun</ins>" in confirm
    assert "Conservés tels quels : Publié, " in confirm
    assert "Publié" not in confirm[confirm.index("version-changes") :]

    response = staff_client.post(restore_url(torun, original), HTTP_ACCEPT_LANGUAGE="fr", follow=True)

    assert "a été restaurée" in response.content.decode()
    torun.refresh_from_db()
    assert (torun.name_fr, torun.name_en) == ("Toruń", "Torun")
    assert torun.summary_en == "Copernicus’s birthplace."
    assert list(torun.themes.all()) == [culture]
    assert torun.published is False  # unpublished since: the restore does not publish it again
    restore = torun.history.latest()
    assert restore.history_user.username == "camille"
    assert restore.history_change_reason.startswith("restored:")
    page = staff_client.get(history_url(torun), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Restauration de la version du" in page


def test_restoring_a_version_whose_theme_was_deleted_changes_nothing_and_says_what_is_missing(
    staff_client, torun, culture
):
    original = torun.history.latest()
    edit(staff_client, torun, name_en="Thorn", themes=[])
    culture.delete()

    page = staff_client.get(restore_url(torun, original), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Cette version ne peut pas être restaurée" in page
    assert "Thèmes de coopération : 1 des éléments que cette version cite n’existent plus." in page
    assert "Oui, restaurer cette version" not in page

    response = staff_client.post(restore_url(torun, original), HTTP_ACCEPT_LANGUAGE="fr", follow=True)

    assert response.status_code == 200
    assert "Rien n’a été restauré" in response.content.decode()
    torun.refresh_from_db()
    assert torun.name_en == "Thorn"


def test_a_viewer_sees_the_history_and_compares_but_cannot_restore(client, torun):
    viewer = User.objects.create(username="viewer", is_staff=True)
    viewer.user_permissions.add(
        *Group.objects.get(name="Communication").permissions.filter(codename__startswith="view_")
    )
    client.force_login(viewer)
    torun.name_en = "Thorn"
    torun.save()
    first, *_, last = torun.history.order_by("history_id")

    assert client.get(history_url(torun)).status_code == 200
    assert "Restaurer cette version" not in client.get(history_url(torun)).content.decode()
    compare = reverse("admin:partnerships_partnercity_compare", args=[torun.pk])
    assert client.get(compare, {"old": first.history_id, "new": last.history_id}).status_code == 200
    assert client.get(restore_url(torun, first)).status_code == 403
    assert client.post(restore_url(torun, first)).status_code == 403
    torun.refresh_from_db()
    assert torun.name_en == "Thorn"


def test_deleting_a_city_keeps_its_history(torun):
    pk = torun.pk
    torun.delete()

    kinds = list(
        PartnerCity.history.filter(id=pk).order_by("history_id").values_list("history_type", flat=True)
    )
    assert kinds[0] == "+"
    assert kinds[-1] == "-"
