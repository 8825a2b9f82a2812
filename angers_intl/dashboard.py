"""The staff dashboard at the top of the admin index, and its CSV export.

Sections, each shown only to staff who may view its models (the Communication group sees the content
sections, the Newsletter group the sends):

- **Anniversaries** of the coming twelve months (from the first day of the current month, site time): every
  app with a `dashboard` module offering `dated_items(years, can_view)` gives the things that began on a day
  or in a year (partnerships: partnerships, key dates, programmes; networks: memberships, distinctions), and
  the rule of `angers_intl.anniversaries` keeps the round ones. Each is "past" (its day is gone), "coming",
  or, when only the year is known, "this year".
- **Labels to renew** (`networks.dashboard.labels_to_renew`).
- **Drafts waiting to be published**: for every publishable model (`angers_intl.publishing.is_publishable`),
  the newest unpublished records and their number.
- **Newsletter sends in progress** (`newsletter.dashboard.sends_in_progress`).

Every section reads a fixed number of queries, whatever the amount of data (a test counts them at two
sizes). Presentation is the templates' (`templates/admin/includes/dashboard.html`).
"""

import csv
import datetime
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.db import models
from django.db.models import Count, Window
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .anniversaries import is_round_anniversary, same_day_in
from .apps import project_app_configs
from .publishing import is_publishable
from .spreadsheets import CSV_BOM, CSV_DELIMITER, spreadsheet_safe

DRAFTS_PER_TYPE = 5


class AnniversaryState(models.TextChoices):
    PAST = "past", gettext_lazy("past")
    COMING = "coming", gettext_lazy("coming")
    THIS_YEAR = "this_year", gettext_lazy("this year")


class Precision(models.TextChoices):
    DAY = "day", gettext_lazy("day")
    # 29 February in a year without one: the anniversary is in February, on no day.
    MONTH = "month", gettext_lazy("month")
    YEAR = "year", gettext_lazy("year")


@dataclass(frozen=True)
class Anniversary:
    item: object  # an angers_intl.anniversaries.DatedItem
    years: int
    year: int
    date: datetime.date | None  # the day; the first of the month for Precision.MONTH; None for a year
    precision: str
    state: str
    admin_url: str

    @property
    def state_label(self):
        return AnniversaryState(self.state).label

    def sort_key(self):
        # By date; in each year, the anniversaries known only by their year first.
        when = self.date or datetime.date(self.year, 1, 1)
        return (self.year, self.precision != Precision.YEAR, when, -self.years, str(self.item.subject))


def anniversary_window(today):
    """(first day, last day) of the coming twelve months: from the first day of `today`'s month."""
    start = today.replace(day=1)
    return start, start.replace(year=start.year + 1) - datetime.timedelta(days=1)


def anniversaries_in_window(items, today):
    """The round anniversaries of `items` (DatedItem) in the window of `today`, sorted by date."""
    start, end = anniversary_window(today)
    found = []
    for item in items:
        for year in sorted({start.year, end.year}):
            years = year - item.year
            if not is_round_anniversary(years):
                continue
            if item.date is None:
                state = AnniversaryState.THIS_YEAR if year == today.year else AnniversaryState.COMING
                found.append(_anniversary(item, years, year, None, Precision.YEAR, state))
                continue
            day = same_day_in(item.date, year)
            if day is not None:
                if start <= day <= end:
                    state = AnniversaryState.PAST if day < today else AnniversaryState.COMING
                    found.append(_anniversary(item, years, year, day, Precision.DAY, state))
                continue
            month = datetime.date(year, item.date.month, 1)
            if start <= month <= end:
                month_end = month.replace(day=28)  # 29 February: a February without that day
                state = AnniversaryState.PAST if month_end < today else AnniversaryState.COMING
                found.append(_anniversary(item, years, year, month, Precision.MONTH, state))
    return sorted(found, key=Anniversary.sort_key)


def _anniversary(item, years, year, date, precision, state):
    return Anniversary(item, years, year, date, precision, state, admin_change_url(item.subject))


def admin_change_url(record):
    try:
        return reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return ""


def _app_dashboards():
    for config in project_app_configs():
        if config.name != __package__ and module_has_submodule(config.module, "dashboard"):
            yield import_module(f"{config.name}.dashboard")


def find_anniversaries(today, can_view):
    start, end = anniversary_window(today)
    years = sorted({start.year, end.year})
    items = []
    for module in _app_dashboards():
        if dated_items := getattr(module, "dated_items", None):
            items.extend(dated_items(years, can_view))
    return anniversaries_in_window(items, today)


@dataclass(frozen=True)
class Drafts:
    model: type
    total: int
    records: list  # [(record, admin URL)], newest first
    list_url: str  # the admin list filtered on the unpublished records

    @property
    def name(self):
        return capfirst(self.model._meta.verbose_name_plural)


def find_drafts(can_view, per_type=DRAFTS_PER_TYPE):
    """[Drafts] of each publishable model the staff member may view: one query a model."""
    found = []
    for model in apps.get_models():
        if not is_publishable(model) or not can_view(model):
            continue
        opts = model._meta
        try:
            list_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        newest = ["-updated_at", "-pk"] if any(f.name == "updated_at" for f in opts.fields) else ["-pk"]
        # The total of every unpublished record rides along on each row (a window over the whole filtered
        # set, counted before the LIMIT): one query a model.
        first = (
            model._default_manager.filter(published=False)
            .annotate(draft_total=Window(Count("pk")))
            .order_by(*newest)[:per_type]
        )
        records = [(record, admin_change_url(record)) for record in first]
        total = records[0][0].draft_total if records else 0
        found.append(Drafts(model, total, records, f"{list_url}?published__exact=0"))
    return found


def can_view_for(user):
    """can_view(model): may `user` see `model`'s records in the admin (view or change permission)."""

    def can_view(model):
        opts = model._meta
        return user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )

    return can_view


@dataclass
class Dashboard:
    today: datetime.date
    window: tuple
    anniversaries: list | None = None  # None: not for this staff member
    labels_to_renew: list | None = None
    drafts: list | None = None
    sends: list | None = None

    @property
    def shows_anything(self):
        sections = (self.anniversaries, self.labels_to_renew, self.drafts, self.sends)
        return any(section is not None for section in sections)


def dashboard_for(user, today=None):
    """The dashboard as `user` may see it, on `today` (the site's date by default)."""
    from networks.dashboard import labels_to_renew
    from networks.models import Distinction
    from newsletter.dashboard import sends_in_progress
    from newsletter.models import NewsletterIssue

    today = today or timezone.localdate()
    can_view = can_view_for(user)
    dashboard = Dashboard(today=today, window=anniversary_window(today))
    # Shown (even empty) to staff who may view one of the dated models.
    if any(can_view(model) for module in _app_dashboards() for model in getattr(module, "DATED_MODELS", ())):
        dashboard.anniversaries = find_anniversaries(today, can_view)
    if can_view(Distinction):
        dashboard.labels_to_renew = [
            (distinction, reason, admin_change_url(distinction))
            for distinction, reason in labels_to_renew(today)
        ]
    drafts = find_drafts(can_view)
    if drafts:
        dashboard.drafts = drafts
    if can_view(NewsletterIssue):
        dashboard.sends = [(send, admin_change_url(send.issue)) for send in sends_in_progress()]
    return dashboard


# The CSV export: one row per line of the dashboard.

CSV_HEADER = ["section", "item", "kind", "detail", "date", "years", "state", "admin_url"]


def dashboard_rows(dashboard, absolute_url):
    """The dashboard's lines as CSV rows (CSV_HEADER), in the active language; `absolute_url(path)` makes
    the admin links absolute. Dates are ISO (2027-05-09), a month 2028-02, a year 2027."""
    if dashboard.anniversaries is not None:
        section = _("Anniversaries")
        for anniversary in dashboard.anniversaries:
            item = anniversary.item
            yield [
                section,
                str(item.subject),
                item.kind,
                item.what,
                _csv_date(anniversary),
                anniversary.years,
                anniversary.state_label,
                absolute_url(anniversary.admin_url),
            ]
    if dashboard.labels_to_renew is not None:
        section = _("Labels to renew")
        for distinction, reason, url in dashboard.labels_to_renew:
            yield [
                section,
                str(distinction),
                capfirst(distinction._meta.verbose_name),
                "",
                distinction.valid_until.isoformat() if distinction.valid_until else "",
                "",
                reason.label,
                absolute_url(url),
            ]
    if dashboard.drafts is not None:
        section = _("Drafts waiting to be published")
        for drafts in dashboard.drafts:
            kind = capfirst(drafts.model._meta.verbose_name)
            for record, url in drafts.records:
                updated = getattr(record, "updated_at", None)
                when = timezone.localtime(updated).date().isoformat() if updated else ""
                yield [section, str(record), kind, "", when, "", _("unpublished"), absolute_url(url)]
    if dashboard.sends is not None:
        section = _("Newsletter sends in progress")
        for send, url in dashboard.sends:
            issue = send.issue
            when = issue.sending_started_at or issue.scheduled_at
            yield [
                section,
                str(issue),
                capfirst(issue._meta.verbose_name),
                _("%(done)s of %(total)s messages") % {"done": send.done, "total": send.total},
                timezone.localtime(when).date().isoformat() if when else "",
                "",
                issue.get_state_display(),
                absolute_url(url),
            ]


def _csv_date(anniversary):
    if anniversary.precision == Precision.DAY:
        return anniversary.date.isoformat()
    if anniversary.precision == Precision.MONTH:
        return anniversary.date.strftime("%Y-%m")
    return str(anniversary.year)


class _Echo:
    def write(self, value):
        return value


def dashboard_csv(rows):
    """CSV lines for French Excel (UTF-8 BOM, semicolons), like the subscriber export; every text cell
    through `spreadsheet_safe` (no cell runs as a formula)."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield CSV_BOM + writer.writerow(CSV_HEADER)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])
