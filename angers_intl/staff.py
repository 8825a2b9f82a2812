"""Staff groups: each app grants the permissions its models need, so staff need no superuser rights.

Setup, not content: each app's `staff.grant_staff_permissions` runs after `migrate` (a `post_migrate`
handler connected in its AppConfig, after Django has created the app's permissions), so every installation
has working groups, whatever content it loads. Idempotent: a missing group is created, missing permissions
are added, nothing is taken away.
"""

from django.contrib.auth.models import Group, Permission

COMMUNICATION_GROUP = "Communication"
ADMINISTRATION_GROUP = "Administration"


def grant_group_permissions(group_name, models, actions=("add", "change", "delete", "view")):
    """Give `group_name` the model permissions for `actions` on each model class; creates the group."""
    group, _created = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model._meta.model_name}" for model in models for action in actions]
    app_labels = {model._meta.app_label for model in models}
    permissions = Permission.objects.filter(content_type__app_label__in=app_labels, codename__in=codenames)
    group.permissions.add(*permissions)
    return group


def grant_staff_permissions(**kwargs):
    """The Communication group edits the legal pages (never deletes them: the law requires all three) and
    the city's identity (there is one site profile). The Administration group is granted by the audit app
    (audit/staff.py), installed last, once every permission it names exists."""
    from angers_intl.models import LegalPage, SiteProfile

    grant_group_permissions(COMMUNICATION_GROUP, [LegalPage], actions=("add", "change", "view"))
    grant_group_permissions(COMMUNICATION_GROUP, [SiteProfile], actions=("change", "view"))


def may_manage_account(actor, account):
    """An administrator who is not a superuser manages the other accounts but never a superuser's (whose
    password they could otherwise reset), and grants only group membership, never superuser status or
    single permissions (angers_intl/admin.py hides those fields)."""
    return actor.is_superuser or not account.is_superuser
