"""Staff previews (angers_intl/previews.py): one mechanism for every previewable model.

Each preview is for staff with the model's view permission only, shows unpublished records in the public
template under the preview banner, says `noindex`, and is never kept by a cache. In both languages.
"""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation

from networks.models import Network, NetworkKind, NetworkScope, Recognition, RecognitionKind, Renewal
from partnerships.models import AgreementType, PartnerCity, Programme

BANNER = {
    "en": "Staff preview. This page is not published: visitors cannot see it.",
    "fr": "Aperçu réservé à l’équipe. Cette page n’est pas publiée : les visiteurs ne peuvent pas la voir.",
}
PUBLISHED_BANNER = {
    "en": "Staff preview. This page is published.",
    "fr": "Aperçu réservé à l’équipe. Cette page est publiée.",
}
LIST_BANNER = {
    "en": "Staff preview. Unpublished items are shown too: visitors see only the published ones.",
    "fr": "Aperçu réservé à l’équipe. Les éléments non publiés sont aussi affichés : "
    "les visiteurs ne voient que ceux qui sont publiés.",
}


def make_city(published=False):
    return PartnerCity.objects.create(
        slug="wigan",
        name_fr="Wigan",
        country="GB",
        agreement_type=AgreementType.TWINNING,
        year_started=1988,
        summary_fr="Une ville du Grand Manchester.",
        published=published,
    )


def make_programme(published=False):
    return Programme.objects.create(
        slug="jeunes-ambassadeurs",
        name_fr="Jeunes ambassadeurs",
        summary_fr="Un programme.",
        published=published,
    )


def make_network(published=False):
    return Network.objects.create(
        slug="uclg",
        name_fr="Cités et gouvernements locaux unis",
        kind=NetworkKind.CITY_NETWORK,
        scope=NetworkScope.WORLDWIDE,
        published=published,
    )


def make_recognition(published=False):
    return Recognition.objects.create(
        slug="europe-prize",
        name_fr="Prix de l’Europe",
        kind=RecognitionKind.AWARD,
        renewal=Renewal.ONE_OFF,
        published=published,
    )


# model, how to make an unpublished record, its preview URL name (and kwargs), its public URL name, and
# whether the preview is a list (banner for the list) or the page of one record.
PREVIEWS = {
    "partner city": (PartnerCity, make_city, "partnerships:city_preview", "partnerships:city_detail"),
    "programme": (
        Programme,
        make_programme,
        "partnerships:programme_preview",
        "partnerships:programme_detail",
    ),
    "network": (Network, make_network, "networks:network_preview", "networks:network_detail"),
    "labels and awards": (
        Recognition,
        make_recognition,
        "networks:recognition_list_preview",
        None,
    ),
}


def url(name, record, language):
    kwargs = {} if name.endswith("list_preview") else {"slug": record.slug}
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def staff_member(*permissions):
    user = User.objects.create(username="staff", is_staff=True)
    for model in permissions:
        codename = f"view_{model._meta.model_name}"
        user.user_permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=model._meta.app_label)
        )
    return user


@pytest.fixture(params=list(PREVIEWS))
def preview(request, db):
    model, make, preview_name, public_name = PREVIEWS[request.param]
    return model, make(), preview_name, public_name


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_preview_sends_anyone_but_staff_to_the_login_page(client, preview, language):
    _model, record, preview_name, _public = preview
    path = url(preview_name, record, language)
    anonymous = client.get(path)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))
    client.force_login(User.objects.create(username="visitor"))  # signed in, not staff
    assert client.get(path)["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_preview_needs_the_models_view_permission(client, preview, language):
    model, record, preview_name, _public = preview
    others = [other for other, *_rest in PREVIEWS.values() if other is not model]
    client.force_login(staff_member(*others))  # every other previewable model, not this one
    response = client.get(url(preview_name, record, language), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 403


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_preview_shows_the_unpublished_record_under_the_banner_and_is_never_cached(
    client, preview, language
):
    model, record, preview_name, public_name = preview
    client.force_login(staff_member(model))
    response = client.get(url(preview_name, record, language))
    assert response.status_code == 200
    html = response.content.decode()
    banner = LIST_BANNER if public_name is None else BANNER
    assert f'<p class="preview-banner">{banner[language]}</p>' in html
    assert record.name_fr in html
    assert html.count('<meta name="robots" content="noindex">') == 1
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    if public_name:
        # The public page stays public-only, even for the staff member who may preview it.
        assert client.get(url(public_name, record, language)).status_code == 404


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_preview_of_a_published_page_says_it_is_published(client, db, language):
    city = make_city(published=True)
    client.force_login(staff_member(PartnerCity))
    html = client.get(url("partnerships:city_preview", city, language)).content.decode()
    assert f'<p class="preview-banner">{PUBLISHED_BANNER[language]}</p>' in html


def test_public_pages_show_no_banner(client, db):
    make_city(published=True)
    html = client.get("/en/partner-cities/wigan/").content.decode()
    assert "preview-banner" not in html
    assert "noindex" not in html
