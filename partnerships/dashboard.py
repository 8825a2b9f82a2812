"""What partnerships tell the staff dashboard (angers_intl/dashboard.py): the things whose anniversaries
count, i.e. a partnership's first year and its current agreement's signature, its key dates, a programme's
start.

Ended partnerships are left out (with their key dates); unpublished records are in (communication plans
events before a page goes online).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from angers_intl.anniversaries import DatedItem, starting_years

from .models import Milestone, PartnerCity, PartnershipStatus, Programme

# The models whose records have anniversaries (key dates go with their city).
DATED_MODELS = [PartnerCity, Programme]


def dated_items(years, can_view):
    """[DatedItem] whose round anniversary may fall in `years`; one query per model `can_view(model)`
    allows, whatever the number of records (only the records of a round starting year are read)."""
    start_years = set(starting_years(years))
    items = []
    key_dates = []
    if can_view(PartnerCity):
        # Key dates are edited in their city's form: the city is what staff open.
        key_dates = list(
            Milestone.objects.filter(year__in=start_years)
            .exclude(partner_city__status=PartnershipStatus.ENDED)
            .select_related("partner_city")
        )
        for key_date in key_dates:
            items.append(
                DatedItem(
                    key_date.partner_city,
                    kind=_("Key date"),
                    what=key_date.title,
                    year=key_date.year,
                    date=key_date.date,
                )
            )
        # A key date says more than the bare year or the signature date: those are left out when a key
        # date of the city gives the same year (as the timeline does) or the same day.
        years_told = {(key_date.partner_city_id, key_date.year) for key_date in key_dates}
        days_told = {(key_date.partner_city_id, key_date.date) for key_date in key_dates if key_date.date}
        cities = PartnerCity.objects.exclude(status=PartnershipStatus.ENDED).filter(
            Q(year_started__in=start_years) | Q(agreement_signed_on__year__in=start_years)
        )
        for city in cities:
            if city.year_started in start_years and (city.pk, city.year_started) not in years_told:
                items.append(
                    DatedItem(
                        city, kind=_("Partnership"), what=_("Relationship began"), year=city.year_started
                    )
                )
            signed = city.agreement_signed_on
            if (
                signed
                and signed.year in start_years
                and signed.year != city.year_started
                and (city.pk, signed) not in days_told
            ):
                items.append(
                    DatedItem(
                        city,
                        kind=_("Partnership"),
                        what=_("Current agreement signed"),
                        year=signed.year,
                        date=signed,
                    )
                )
    if can_view(Programme):
        for programme in Programme.objects.filter(start_year__in=start_years):
            items.append(
                DatedItem(
                    programme, kind=_("Programme"), what=_("Programme began"), year=programme.start_year
                )
            )
    return items
