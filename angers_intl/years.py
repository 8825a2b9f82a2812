"""Years: one pair of bounds and one message for every year field of the site.

A year field gets both halves of the rule:

- `validators=[validate_not_after_this_year]`: no year after the current one, in the site's time zone
  (`timezone.localdate()`, so Paris's 1 January, not UTC's). It moves every 1 January, so no static database
  constraint can hold it: it is a validator, run by `full_clean()` (admin, imports, content loader).
- `year_in_range(field)` in `Meta.constraints`: FIRST_YEAR..LAST_YEAR in the database, whatever writes there.

Both give the same message, so staff read one wording whichever half refuses a year.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext

FIRST_YEAR = 1900
LAST_YEAR = 2100  # a sanity bound for the database; the validator refuses years after the current one
YEAR_OUT_OF_RANGE = "year_out_of_range"


def _year_out_of_range_message():
    return gettext("Enter a year between %(first)s and the current year.") % {"first": FIRST_YEAR}


# Lazy: formatted in the language active when a person reads it. Static (no current year in it), so that the
# constraints' message in the migrations does not change every 1 January.
YEAR_OUT_OF_RANGE_MESSAGE = lazy(_year_out_of_range_message, str)()


def validate_not_after_this_year(year):
    """Refuses a year after the current one (site time zone), with the message of the year bounds."""
    if year is not None and year > timezone.localdate().year:
        raise ValidationError(YEAR_OUT_OF_RANGE_MESSAGE, code=YEAR_OUT_OF_RANGE)


def year_in_range(field_name, *, name):
    """The database bounds of a year column (NULL allowed: an optional year stays optional)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field_name}__isnull": True})
        | models.Q(**{f"{field_name}__gte": FIRST_YEAR, f"{field_name}__lte": LAST_YEAR}),
        name=name,
        violation_error_message=YEAR_OUT_OF_RANGE_MESSAGE,
        violation_error_code=YEAR_OUT_OF_RANGE,
    )
