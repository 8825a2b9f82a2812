"""Staff groups are setup, not content: `migrate` gives every installation working groups, with no content
loaded, and they survive the flush between transactional tests (Django runs post_migrate again)."""

import pytest
from django.contrib.auth.models import Group

from angers_intl.staff import COMMUNICATION_GROUP
from newsletter.staff import NEWSLETTER_GROUP
from partnerships.models import PartnerCity


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def assert_working_groups():
    communication = codenames(COMMUNICATION_GROUP)
    assert {"add_partnercity", "delete_milestone", "change_network", "add_distinction"} <= communication
    assert {"change_legalpage", "change_siteprofile"} <= communication
    assert "delete_legalpage" not in communication
    assert not any(codename.endswith("subscriber") for codename in communication)
    assert codenames(NEWSLETTER_GROUP) >= {"view_subscriber", "export_subscribers"}


def test_a_city_without_content_has_working_staff_groups(db):
    assert not PartnerCity.objects.exists()
    assert_working_groups()


@pytest.mark.parametrize("run", ["first", "after the flush of the first"])
@pytest.mark.django_db(transaction=True)
def test_transactional_tests_have_the_groups_too(run):
    assert_working_groups()


def test_the_communication_group_may_manage_networks_and_recognitions(db):
    permissions = codenames(COMMUNICATION_GROUP)
    for model in ["network", "networkfigure", "recognition", "recognitionlevel", "distinction"]:
        for action in ["add", "change", "delete", "view"]:
            assert f"{action}_{model}" in permissions
