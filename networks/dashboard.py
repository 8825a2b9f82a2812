"""What networks tell the staff dashboard (angers_intl/dashboard.py): the year the city joined each network
and the year it obtained each distinction (their anniversaries), and the labels to renew."""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from angers_intl.anniversaries import DatedItem, starting_years

from .models import EXPIRY_NOTICE_DAYS, Distinction, Network

# The models whose records have anniversaries.
DATED_MODELS = [Network, Distinction]


def dated_items(years, can_view):
    """[DatedItem] whose round anniversary may fall in `years`: one query per model `can_view(model)`
    allows, whatever the number of records."""
    start_years = starting_years(years)
    items = []
    if can_view(Network):
        for network in Network.objects.filter(joined_year__in=start_years):
            items.append(
                DatedItem(
                    network,
                    kind=_("Network membership"),
                    what=_("Joined the network"),
                    year=network.joined_year,
                )
            )
    if can_view(Distinction):
        distinctions = Distinction.objects.filter(year__in=start_years).select_related("recognition", "level")
        for distinction in distinctions:
            items.append(
                DatedItem(
                    distinction,
                    kind=_("Distinction"),
                    what=distinction.level.name if distinction.level_id else _("Obtained"),
                    year=distinction.year,
                    date=distinction.awarded_on,
                )
            )
    return items


class RenewalNeed(models.TextChoices):
    """Why a distinction is among the dashboard's labels to renew."""

    EXPIRING = "expiring", gettext_lazy("validity ends soon")
    NOT_RENEWED = "not_renewed", gettext_lazy("expired, renewal not recorded")
    UNCONFIRMED = "unconfirmed", gettext_lazy("validity to be confirmed")


def labels_to_renew(today):
    """[(distinction, reason)]: those whose validity ends within EXPIRY_NOTICE_DAYS days (soonest first),
    the expired ones of a periodically renewed recognition whose renewal is not recorded (latest first), and
    those whose validity is to be confirmed. Three queries, whatever their number."""
    related = ("recognition", "level")
    expiring = Distinction.objects.expiring_within(EXPIRY_NOTICE_DAYS, on=today).select_related(*related)
    not_renewed = Distinction.objects.renewal_not_recorded(on=today).select_related(*related)
    unconfirmed = Distinction.objects.unconfirmed().select_related(*related)
    return [
        *((distinction, RenewalNeed.EXPIRING) for distinction in expiring.order_by("valid_until", "pk")),
        *(
            (distinction, RenewalNeed.NOT_RENEWED)
            for distinction in not_renewed.order_by("-valid_until", "pk")
        ),
        *(
            (distinction, RenewalNeed.UNCONFIRMED)
            for distinction in unconfirmed.order_by("recognition", "pk")
        ),
    ]
