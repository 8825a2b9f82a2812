"""News (articles) and events, either of which may be a call for projects (it has a deadline).

Every invariant a database can hold is a constraint with its translated message (`ValidatedModel` shows it
beside the field): an event ends at or after its start, a call's deadline falls within the event's dates, a
registration link is http(s). What moves with the clock is a query or a method reading `timezone.now()`:
coming or past (`EventQuerySet.coming()` / `past()`, `Event.is_past()`), a call open or closed
(`calls_open()` / `calls_closed()`, `is_open()`), applied at request time like the publication rule.

Times are stored as aware moments (UTC in the database); an event's `time_zone` (Europe/Paris by default)
is the zone its times are entered in the admin, shown to visitors and written in the calendars.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Case, F, Prefetch, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angers_intl.constraints import SLUG_MISSING, ValidatedModel
from angers_intl.image_fields import ImageWithAlt, missing_alternative_texts
from angers_intl.markdown import markdown_to_text
from angers_intl.publication import PublicationFields, Publishable
from angers_intl.querysets import PublishableQuerySet
from angers_intl.slug_redirects import KeepsFormerSlugs
from angers_intl.text_fields import MarkdownField

# Paths that sit beside `<slug>/` under the news and events prefixes (in both languages).
RESERVED_SLUGS = ("feed", "flux", "preview", "apercu")
DEFAULT_TIME_ZONE = "Europe/Paris"

# The registration link: a web page (http or https), nothing a browser would run or hand to another program.
WEB_URL_MESSAGE = _("Enter a web address starting with http:// or https://.")
validate_web_url = URLValidator(schemes=["http", "https"], message=WEB_URL_MESSAGE)


class WebURLField(models.URLField):
    """A URL field that accepts only http and https, with one message (instead of Django's validator, which
    also accepts ftp)."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs):
        # The form's own URL check speaks the same words (it runs first, and also accepts ftp://).
        return super().formfield(**{"error_messages": {"invalid": WEB_URL_MESSAGE}, **kwargs})


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Choose a time zone from the list, such as Europe/Paris."), code="unknown_time_zone"
        )


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class CallQuerySet(PublishableQuerySet):
    """What news items and events share: calls for projects, and the links to the other sections."""

    def calls(self):
        return self.filter(deadline__isnull=False)

    def calls_open(self, *, at=None):
        """Calls whose deadline has not come (a call closes at its deadline, to the second)."""
        return self.filter(deadline__gt=at or timezone.now())

    def calls_closed(self, *, at=None):
        return self.filter(deadline__lte=at or timezone.now())

    def with_links(self):
        """The published partner cities, programmes and networks each item links to: three queries."""
        from networks.models import Network
        from partnerships.models import PartnerCity, Programme

        return self.prefetch_related(
            Prefetch("partner_cities", PartnerCity.objects.published(), to_attr="published_cities"),
            Prefetch("programmes", Programme.objects.published(), to_attr="published_programmes"),
            Prefetch("networks", Network.objects.published(), to_attr="published_networks"),
        )


class Call:
    """The call-for-projects rule on a loaded record, the same as `CallQuerySet.calls_open()`."""

    @property
    def is_call(self):
        return self.deadline is not None

    def is_open(self, at=None):
        return self.deadline is not None and self.deadline > (at or timezone.now())

    @property
    def plain_summary(self):
        """The summary as plain text, for meta descriptions, feeds and structured data."""
        return markdown_to_text(self.summary)

    @property
    def zone(self):
        """The zone its times are shown in: the site's (an event has its own)."""
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class NewsItemQuerySet(CallQuerySet):
    def newest(self, count):
        return self.order_by("-date", "-pk")[:count]


class NewsItem(Call, Publishable, KeepsFormerSlugs, ValidatedModel):
    """An article: a visit, a departure, a ceremony told afterwards, a call for projects."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The end of the page address, e.g. youth-exchange."),
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date shown with the article; it orders the list."),
    )
    summary = MarkdownField(
        _("summary"), max_length=600, help_text=_("Two or three sentences (Markdown), shown in lists.")
    )
    body = MarkdownField(_("text"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    image = ImageWithAlt(
        _("image"),
        upload_to="news/items/",
        alt_verbose_name=_("image alternative text"),
        alt_help_text=_("What the image shows, for people who cannot see it. Required with an image."),
        alt_required=True,
        focal_point=True,
    )
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    deadline = models.DateTimeField(
        _("deadline of the call for projects"),
        null=True,
        blank=True,
        help_text=_("Only for a call for projects: the moment applications close. Leave empty otherwise."),
    )
    partner_cities = models.ManyToManyField(
        "partnerships.PartnerCity", verbose_name=_("partner cities"), related_name="news_items", blank=True
    )
    programmes = models.ManyToManyField(
        "partnerships.Programme", verbose_name=_("programmes"), related_name="news_items", blank=True
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), related_name="news_items", blank=True
    )
    distinctions = models.ManyToManyField(
        "networks.Distinction", verbose_name=_("distinctions"), related_name="news_items", blank=True
    )
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    # The newsletter's "draft from what changed" lists the news published since the last issue.
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug=""), name="news_item_slug_not_empty", violation_error_message=SLUG_MISSING
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS),
                name="news_item_slug_not_reserved",
                violation_error_message=_("This slug is the address of another page; choose another slug."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:news_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # Not a constraint: the alternative text is a translated field.
        if errors := missing_alternative_texts(self):
            raise ValidationError(errors)


class EventQuerySet(CallQuerySet):
    def coming(self, *, at=None):
        """Events not over yet (those under way included), the soonest first."""
        return self.filter(ends_at__gte=at or timezone.now()).order_by("starts_at", "pk")

    def past(self, *, at=None):
        """Events over, the latest first."""
        return self.filter(ends_at__lt=at or timezone.now()).order_by("-starts_at", "-pk")

    def coming_then_past(self, *, at=None):
        """Every event: those not over yet (soonest first), then those over (latest first), in one query;
        each carries `is_over` (so a page can head the two groups)."""
        at = at or timezone.now()
        over = Q(ends_at__lt=at)
        return self.annotate(
            is_over=Case(When(over, then=True), default=False, output_field=models.BooleanField())
        ).order_by(
            "is_over",
            Case(When(~over, then=F("starts_at"))).asc(),
            Case(When(over, then=F("starts_at"))).desc(),
            "pk",
        )


class Event(Call, Publishable, KeepsFormerSlugs, ValidatedModel):
    """A visit, a ceremony, a meeting open to all; with a deadline, a call for projects."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The end of the page address, e.g. anniversary.")
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The zone of the place; the start, end and deadline are entered and shown in it."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("Venue and town."))
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick if it can be followed online.")
    )
    registration_url = WebURLField(
        _("registration link"),
        max_length=500,
        blank=True,
        help_text=_("Optional: the page where people register (http:// or https://)."),
    )
    summary = MarkdownField(
        _("summary"), max_length=600, help_text=_("Two or three sentences (Markdown), shown in lists.")
    )
    body = MarkdownField(_("text"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    image = ImageWithAlt(
        _("image"),
        upload_to="news/events/",
        alt_verbose_name=_("image alternative text"),
        alt_help_text=_("What the image shows, for people who cannot see it. Required with an image."),
        alt_required=True,
        focal_point=True,
    )
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    deadline = models.DateTimeField(
        _("deadline of the call for projects"),
        null=True,
        blank=True,
        help_text=_(
            "Only for a call for projects: the moment applications close, between the start and the end."
        ),
    )
    partner_cities = models.ManyToManyField(
        "partnerships.PartnerCity", verbose_name=_("partner cities"), related_name="events", blank=True
    )
    programmes = models.ManyToManyField(
        "partnerships.Programme", verbose_name=_("programmes"), related_name="events", blank=True
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), related_name="events", blank=True
    )
    distinctions = models.ManyToManyField(
        "networks.Distinction", verbose_name=_("distinctions"), related_name="events", blank=True
    )
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    # When it was first saved and last saved: the newsletter's draft lists the events announced since
    # the last issue.
    created_at = models.DateTimeField(_("announced"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            # `ends_at` first: the message is shown beside it (ValidatedModel).
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="news_event_ends_after_start",
                violation_error_message=_("The event cannot end before it starts: choose a later end."),
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(deadline__gte=F("starts_at"), deadline__lte=F("ends_at")),
                name="news_event_deadline_within_dates",
                violation_error_message=_(
                    "The deadline must fall within the event’s dates, between its start and its end."
                ),
            ),
            models.CheckConstraint(
                condition=Q(registration_url="")
                | Q(registration_url__startswith="http://")
                | Q(registration_url__startswith="https://"),
                name="news_event_registration_url_web",
                violation_error_message=WEB_URL_MESSAGE,
            ),
            models.CheckConstraint(
                condition=~Q(slug=""), name="news_event_slug_not_empty", violation_error_message=SLUG_MISSING
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS),
                name="news_event_slug_not_reserved",
                violation_error_message=_("This slug is the address of another page; choose another slug."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # Not a constraint: the alternative text is a translated field.
        if errors := missing_alternative_texts(self):
            raise ValidationError(errors)

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def local_deadline(self):
        return timezone.localtime(self.deadline, self.zone) if self.deadline else None

    @property
    def in_site_time_zone(self):
        return self.time_zone == settings.TIME_ZONE

    def is_past(self, at=None):
        """Over: the rule of `EventQuerySet.past()` on a loaded record."""
        return self.ends_at < (at or timezone.now())


def related_prefetches(prefix=""):
    """What a partner city's, programme's, network's or distinction's page lists of the news and events
    that link to it (through `prefix`, e.g. "distinctions__"): the latest published news and the
    coming published events, `NEWS_ON_RELATED_PAGES` of each, as `published_news` and `coming_events`.
    Two queries for any number of records."""
    count = settings.NEWS_ON_RELATED_PAGES
    return [
        Prefetch(
            f"{prefix}news_items",
            queryset=NewsItem.objects.published().order_by("-date", "-pk")[:count],
            to_attr="published_news",
        ),
        Prefetch(
            f"{prefix}events", queryset=Event.objects.published().coming()[:count], to_attr="coming_events"
        ),
    ]
