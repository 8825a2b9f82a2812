"""The city's identity is data: the admin is named after the site, the profile is one form, and the logo,
sharing image, social-media accounts and Open Graph locales come from the profile and the settings."""

import io
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image

from angers_intl.apps import project_app_configs
from angers_intl.models import SiteProfile
from angers_intl.templatetags.site_tags import open_graph_locale

CHANGELIST = "/admin/angers_intl/siteprofile/"


def image_upload(name, width, height):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def profile(db):
    return SiteProfile.objects.create(
        city_name_fr="Ville Exemple",
        city_name_en="Example Town",
        site_title_fr="Exemple à l’international",
        site_title_en="Example International",
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def profile_form_data(profile, **changes):
    data = {
        field.name: getattr(profile, field.name) or ""
        for field in SiteProfile._meta.fields
        if field.editable and field.name != "id" and not field.name.endswith(("logo", "share_image"))
    }
    data.update(changes)
    return data


# The admin is named after the site


@pytest.mark.parametrize(
    ("language", "title", "django_default"),
    [
        ("fr", "Exemple à l’international", "Administration de Django"),
        ("en", "Example International", "Django administration"),
    ],
)
def test_admin_header_and_title_are_the_sites_title_in_the_staff_members_language(
    admin_client, profile, language, title, django_default
):
    page = admin_client.get("/admin/", headers={"accept-language": language}).content.decode()
    assert f'<div id="site-name"><a href="/admin/">{title}</a></div>' in page
    assert re.search(rf"<title>[^<]* \| {title}</title>", page)
    assert django_default not in page


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Exemple à l’international"), ("en", "Example International")]
)
def test_admin_sign_in_page_is_named_after_the_site(client, profile, language, title):
    page = client.get("/admin/login/", headers={"accept-language": language}).content.decode()
    assert f'<div id="site-name"><a href="/admin/">{title}</a></div>' in page


def test_admin_without_a_profile_has_a_neutral_name(admin_client, db):
    page = admin_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert '<div id="site-name"><a href="/admin/">International relations</a></div>' in page
    assert "Django administration" not in page


def test_admin_pages_read_the_site_profile_once(admin_client, profile):
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(f"/admin/angers_intl/siteprofile/{profile.pk}/change/")
    assert response.status_code == 200
    profile_reads = [q["sql"] for q in queries if 'FROM "angers_intl_siteprofile"' in q["sql"]]
    assert len(profile_reads) == 2  # the header's (shared with the templates and the menu), the form's


# The site profile is one form


def test_the_profile_list_leads_to_the_one_profile_form(admin_client, profile):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/angers_intl/siteprofile/{profile.pk}/change/"


def test_the_profile_list_leads_to_the_add_form_while_there_is_no_profile(admin_client, db):
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"] == "/admin/angers_intl/siteprofile/add/"


@pytest.mark.parametrize(("language", "label"), [("fr", "Profil du site"), ("en", "Site profile")])
def test_the_admin_index_links_straight_to_the_profile_form(admin_client, profile, language, label):
    page = admin_client.get("/admin/", headers={"accept-language": language}).content.decode()
    assert f'<a href="/admin/angers_intl/siteprofile/{profile.pk}/change/">{label}</a>' in page
    assert f'href="{CHANGELIST}"' not in page


def test_saving_the_profile_comes_back_to_its_form(admin_client, profile):
    change_url = f"/admin/angers_intl/siteprofile/{profile.pk}/change/"
    response = admin_client.post(change_url, profile_form_data(profile, tagline_en="Open to the world"))
    assert response.status_code == 302
    assert admin_client.get(response["Location"])["Location"] == change_url
    assert SiteProfile.objects.get().tagline_en == "Open to the world"


def test_staff_without_the_right_to_see_the_profile_are_refused(client, profile):
    user = User.objects.create(username="guest", is_staff=True)
    client.force_login(user)
    assert client.get(CHANGELIST).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_siteprofile"))
    assert client.get(CHANGELIST)["Location"] == f"/admin/angers_intl/siteprofile/{profile.pk}/change/"


def test_the_form_has_the_newsletter_sender_name_untranslated(admin_client, profile):
    page = admin_client.get(f"/admin/angers_intl/siteprofile/{profile.pk}/change/").content.decode()
    assert 'name="newsletter_sender_name"' in page
    assert 'name="newsletter_sender_name_fr"' not in page
    assert 'name="logo_alt_fr"' in page
    assert 'name="logo_alt_en"' in page


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Décrivez l’image pour les personnes qui ne peuvent pas la voir."),
        ("en", "Describe the image for people who cannot see it."),
    ],
)
def test_a_logo_needs_its_alternative_text(admin_client, profile, media, language, message):
    change_url = f"/admin/angers_intl/siteprofile/{profile.pk}/change/"
    data = profile_form_data(profile, logo=image_upload("logo.png", 300, 100))
    response = admin_client.post(change_url, data, headers={"accept-language": language})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo_alt_fr"] == [message]
    assert not SiteProfile.objects.get().logo


# What visitors see


def with_images(profile):
    profile.logo = image_upload("logo.png", 300, 100)
    profile.logo_alt_fr = "Blason de la ville"
    profile.logo_alt_en = "The town's coat of arms"
    profile.share_image = image_upload("share.png", 1600, 840)
    profile.share_image_alt_fr = "Le pont sur le fleuve"
    profile.share_image_alt_en = "The bridge over the river"
    profile.save()
    return profile


@pytest.mark.parametrize(
    ("language", "alt"), [("fr", "Blason de la ville"), ("en", "The town&#x27;s coat of arms")]
)
def test_the_header_shows_the_logo_beside_the_site_title(client, profile, media, language, alt):
    with_images(profile)
    page = client.get(f"/{language}/").content.decode()
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    logo = re.search(r'<img [^>]*class="site-name__logo"[^>]*>', header).group()
    assert f'alt="{alt}"' in logo
    assert 'loading="eager"' in logo
    assert re.search(r'src="/media/renditions/site/[0-9a-f]{20}-300w\.webp"', logo)
    assert "site-name__title" in header


@pytest.mark.parametrize(
    ("language", "alt"), [("fr", "Le pont sur le fleuve"), ("en", "The bridge over the river")]
)
def test_pages_without_an_image_are_shared_with_the_default_image(client, profile, media, language, alt):
    with_images(profile)
    page = client.get(f"/{language}/partner-cities/" if language == "en" else "/fr/villes-partenaires/")
    head = page.content.decode().split("</head>")[0]
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/renditions/site/[0-9a-f]{20}-1200w\.webp">',
        head,
    )
    assert '<meta property="og:image:width" content="1200">' in head
    assert '<meta property="og:image:height" content="630">' in head
    assert f'<meta property="og:image:alt" content="{alt}">' in head


def test_without_a_default_image_pages_have_no_og_image(client, profile):
    assert "og:image" not in client.get("/en/").content.decode()


@pytest.mark.parametrize(("language", "heading"), [("fr", "Suivez-nous"), ("en", "Follow us")])
def test_the_footer_links_to_the_citys_accounts(client, profile, language, heading):
    profile.mastodon_url = "https://social.example.org/@town"
    profile.youtube_url = "https://www.youtube.com/@town"
    profile.save()
    page = client.get(f"/{language}/").content.decode()
    footer = page.split('<footer class="site-footer">')[1]
    assert f'<h2 id="footer-social-title">{heading}</h2>' in footer
    hint = "site externe" if language == "fr" else "external site"
    links = re.findall(
        r'<a href="([^"]+)" rel="me external noopener"[^>]*>(\w+)<span class="visually-hidden"> \(([^)]+)\)',
        footer,
    )
    assert links == [
        ("https://social.example.org/@town", "Mastodon", hint),
        ("https://www.youtube.com/@town", "YouTube", hint),
    ]


def test_no_accounts_no_social_section(client, profile):
    assert "footer-social-title" not in client.get("/en/").content.decode()


# Nothing about one city in the code


def test_open_graph_locales_come_from_the_languages_of_the_settings(client, profile, settings):
    settings.LANGUAGES = [("fr", "French"), ("en", "English"), ("pt-br", "Brazilian Portuguese")]
    head = client.get("/fr/").content.decode().split("</head>")[0]
    assert '<meta property="og:locale" content="fr_FR">' in head
    assert re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', head) == ["en_US", "pt_BR"]


@pytest.mark.parametrize(
    ("code", "locale"),
    [
        ("fr", "fr_FR"),
        ("en", "en_US"),
        ("de", "de_DE"),
        ("en-gb", "en_GB"),
        ("pt-br", "pt_BR"),
        ("zh-hans", "zh_CN"),
    ],
)
def test_open_graph_locale_of_a_language_code(code, locale):
    assert open_graph_locale(code) == locale


def test_no_help_text_or_label_names_a_city():
    """What staff read in the admin is the same for every city (the bundled content aside)."""
    named = []
    for app_config in project_app_configs():
        for model in app_config.get_models():
            for field in model._meta.get_fields():
                for language in ("fr", "en"):
                    with translation.override(language):
                        text = f"{getattr(field, 'verbose_name', '')} {getattr(field, 'help_text', '')}"
                    if "angers" in text.lower():
                        named.append(f"{model.__name__}.{field.name} ({language}): {text}")
            if "angers" in (model.__doc__ or "").lower():
                named.append(f"{model.__name__} docstring")
    assert named == []
