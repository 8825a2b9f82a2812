"""The Communication group manages partner cities, their key dates, programmes and themes (run after
`migrate`: see `angers_intl.staff`)."""

from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions


def grant_staff_permissions(**kwargs):
    from .models import Milestone, PartnerCity, Programme, Theme

    grant_group_permissions(COMMUNICATION_GROUP, [PartnerCity, Milestone, Programme, Theme])
