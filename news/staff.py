"""The Communication group writes and publishes news and events (run after `migrate`: see
`angers_intl.staff`)."""

from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions


def grant_staff_permissions(**kwargs):
    from .models import Event, NewsItem

    grant_group_permissions(COMMUNICATION_GROUP, [NewsItem, Event])
