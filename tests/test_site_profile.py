"""The city's identity is data that communication staff edit, in both languages, without superuser rights."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction

from angers_intl.models import SiteProfile
from angers_intl.staff import COMMUNICATION_GROUP


@pytest.fixture
def communication_client(client, test_city):
    user = User.objects.create(username="dominique", is_staff=True)
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    client.force_login(user)
    return client


def test_communication_staff_edit_the_site_profile_in_both_languages(communication_client):
    profile = SiteProfile.objects.get()
    change_url = f"/admin/angers_intl/siteprofile/{profile.pk}/change/"
    form_page = communication_client.get(change_url)
    assert form_page.status_code == 200
    assert 'name="site_title_fr"' in form_page.content.decode()
    assert 'name="site_title_en"' in form_page.content.decode()
    # The script that marks a language tab holding an error (modeltranslation's own misses it).
    assert "/static/translation_admin/tabs." in form_page.content.decode()

    data = {
        field.name: getattr(profile, field.name) or ""
        for field in SiteProfile._meta.fields
        if field.editable and field.name != "id"
    }
    data.update(site_title_fr="Valmont, ville ouverte", site_title_en="Valmont, an open town")
    response = communication_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    communication_client.logout()
    assert "Valmont, ville ouverte" in communication_client.get("/fr/").content.decode()
    assert "Valmont, an open town" in communication_client.get("/en/").content.decode()


def test_there_is_only_one_site_profile(communication_client):
    assert communication_client.get("/admin/angers_intl/siteprofile/add/").status_code == 403
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteProfile.objects.create(city_name="Autre", site_title="Autre site")
    assert SiteProfile.objects.count() == 1
