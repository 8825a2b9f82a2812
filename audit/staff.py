"""The "Administration" staff group: administrators manage staff accounts and their groups' membership
(not the groups' permissions, which are setup: see `angers_intl.staff`), remove the two-factor device of a
lost phone, and read the audit log. They see no content and no subscriber.

Granted from the audit app because it comes last in INSTALLED_APPS: Django creates each app's permissions
in the same `post_migrate` pass, so on a fresh database those of auth, django-otp and audit all exist by
then.
"""

from angers_intl.staff import ADMINISTRATION_GROUP, grant_group_permissions


def grant_staff_permissions(**kwargs):
    from django.contrib.auth.models import Group, User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .models import AuditEntry

    grant_group_permissions(ADMINISTRATION_GROUP, [User], actions=("add", "change", "view"))
    grant_group_permissions(ADMINISTRATION_GROUP, [Group, AuditEntry], actions=("view",))
    grant_group_permissions(ADMINISTRATION_GROUP, [TOTPDevice], actions=("view", "delete"))
