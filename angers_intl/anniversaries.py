"""The rule of a round anniversary, shared by every app that has dated things (partnerships, networks…).

Which anniversaries count: every tenth year, plus the 25th and 75th (and 125th …): 10, 20, 25, 30, 40, 50,
60, 70, 75, 80… Fifth years (5, 15, 35…) are left out on purpose: communication plans events for these
round figures, and with fifth years every item would come back every five years and bury them.

A date's anniversary falls on the same day and month; 29 February, in a year without one, is not moved to a
day that is not the anniversary: it is known only to its month (February) that year.
"""

import calendar
import datetime
from dataclasses import dataclass

from angers_intl.years import FIRST_YEAR


def is_round_anniversary(years):
    """10, 20, 25, 30, 40, 50, 60, 70, 75, 80 …: every tenth year, plus the 25th and 75th (and 125th …)."""
    return years > 0 and (years % 10 == 0 or years % 50 == 25)


def same_day_in(date, year):
    """The same day and month in `year`; None for 29 February in a year that has none (undated then,
    rather than moved to a day that is not the anniversary)."""
    if date.month == 2 and date.day == 29 and not calendar.isleap(year):
        return None
    return date.replace(year=year)


def starting_years(years):
    """Every year whose round anniversary falls in one of `years`: what a query filters on, so that only the
    records that have an anniversary are read."""
    return sorted(
        {year - age for year in years for age in range(1, year - FIRST_YEAR + 1) if is_round_anniversary(age)}
    )


@dataclass(frozen=True)
class DatedItem:
    """Something that began on a day or in a year, whose anniversaries the dashboard lists.

    `subject` is the record staff open (its change form), `kind` says what it is ("Key date"), `what` what
    began ("Relationship began", a key date's title); `date` is None when only the year is known."""

    subject: object
    kind: str
    what: str
    year: int
    date: datetime.date | None = None
