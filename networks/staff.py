"""The Communication group manages networks, their figures, labels and awards, their levels and the city's
distinctions (run after `migrate`: see `angers_intl.staff`)."""

from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions


def grant_staff_permissions(**kwargs):
    from .models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel

    grant_group_permissions(
        COMMUNICATION_GROUP, [Network, NetworkFigure, Recognition, RecognitionLevel, Distinction]
    )
