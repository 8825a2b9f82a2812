"""Staff groups: each app grants the permissions its content needs, so staff need no superuser rights."""

from django.contrib.auth.models import Group, Permission

COMMUNICATION_GROUP = "Communication"


def grant_group_permissions(group_name, models, actions=("add", "change", "delete", "view")):
    """Give `group_name` the model permissions for `actions` on each model class; creates the group."""
    group, _created = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model._meta.model_name}" for model in models for action in actions]
    app_labels = {model._meta.app_label for model in models}
    permissions = Permission.objects.filter(content_type__app_label__in=app_labels, codename__in=codenames)
    group.permissions.add(*permissions)
    return group
