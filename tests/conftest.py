"""Fixtures shared by the whole suite."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def collected_static(django_test_environment):
    """Tests run with DEBUG off, so pages need the hashed static manifest, as in production."""
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture
def angers_content(db):
    """The Angers content, loaded by the same command as `make run`."""
    call_command("load_content", stdout=io.StringIO())


@pytest.fixture
def site_profile(db):
    from angers_intl.models import SiteProfile

    return SiteProfile.objects.create(
        city_name_fr="Angers",
        city_name_en="Angers",
        site_title_fr="Angers à l’international",
        site_title_en="Angers International",
        intro_fr="Une ville ouverte sur le monde.",
        intro_en="A city open to the world.",
    )
