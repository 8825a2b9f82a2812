"""The site profile and the legal pages of the city this installation serves, created once and then left
to staff; the Communication group may edit the legal pages and the site profile."""

from angers_intl.models import LegalPage, SiteProfile
from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions

from .legal_pages import LEGAL_PAGES
from .site_profile import SITE_PROFILE


def load(stdout):
    if SiteProfile.objects.exists():
        stdout.write("site profile: kept as edited")
    else:
        SiteProfile.objects.create(**SITE_PROFILE)
        stdout.write("site profile: created")

    # Unlike other content, a missing legal page is created again: the law requires all three, and staff
    # cannot delete them (no delete permission); only their text is theirs to change.
    existing = set(LegalPage.objects.values_list("slug", flat=True))
    missing = [page for page in LEGAL_PAGES if page["slug"] not in existing]
    for page in missing:
        LegalPage.objects.create(**page)
    stdout.write(f"legal pages: {len(missing)} created, {len(existing)} kept as edited")

    grant_group_permissions(COMMUNICATION_GROUP, [LegalPage], actions=("add", "change", "view"))
    # The city's identity (title, introduction, contact) is communication work too; there is one profile.
    grant_group_permissions(COMMUNICATION_GROUP, [SiteProfile], actions=("change", "view"))
