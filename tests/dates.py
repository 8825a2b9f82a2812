"""Moments on the site's clock, for tests that set the time (see the `clock` fixture)."""

import datetime
import zoneinfo

from django.conf import settings


def site_time(year, month, day, hour=12, minute=0):
    """An aware moment in the site's time zone (`TIME_ZONE`, Europe/Paris by default)."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
