"""The site profile of the city this installation serves, created once and then left to staff."""

from angers_intl.models import SiteProfile

from .site_profile import SITE_PROFILE


def load(stdout):
    if SiteProfile.objects.exists():
        stdout.write("site profile: kept as edited")
        return
    SiteProfile.objects.create(**SITE_PROFILE)
    stdout.write("site profile: created")
