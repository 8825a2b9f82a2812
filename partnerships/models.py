"""Partner cities, the key dates of each partnership, the programmes that serve them, and themes.

Every invariant a database can hold is a constraint with its translated message (`ValidatedModel` shows it
beside the field). What moves with the calendar is not: "no year after this year" is the year validator
(`angers_intl/years.py`), "no signature date in the future" is checked in `clean()`.

Two checks compare a date's year with a year column (`ExtractYear`). PostgreSQL evaluates EXTRACT on a
date in a CHECK; on SQLite, Django registers the function it uses (`django_date_extract`) on each of its
connections, so rows written by other SQLite clients (the sqlite3 shell) would be refused.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Min, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from angers_intl.constraints import SLUG_MISSING, ValidatedModel
from angers_intl.image_fields import ImageWithAlt, missing_alternative_texts
from angers_intl.markdown import markdown_to_text
from angers_intl.publication import PublicationFields, Publishable
from angers_intl.querysets import PublishableQuerySet, visible_q
from angers_intl.slug_redirects import KeepsFormerSlugs
from angers_intl.text_fields import MarkdownField
from angers_intl.years import validate_not_after_this_year, year_in_range

from .continents import countries_in

# Paths that sit beside `<slug>/` under the partner-cities prefix (in both languages): no city may take them.
RESERVED_SLUGS = ("map", "carte", "timeline", "chronologie", "programmes", "preview", "apercu")


class AgreementType(models.TextChoices):
    TWINNING = "twinning", _("Twinning")
    PARTNERSHIP = "partnership", _("Partnership")
    DECENTRALISED_COOPERATION = "decentralised_cooperation", _("Decentralised cooperation")
    FRIENDSHIP = "friendship", _("Friendship pact")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


class Theme(KeepsFormerSlugs, ValidatedModel):
    """A field of cooperation: economy, education, culture, health…"""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["display_order", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:city_list") + f"?theme={self.slug}"


class PartnerCityQuerySet(PublishableQuerySet):
    def figures(self):
        """Counts the home page shows, in one query: cities, countries, first twinning year."""
        return self.aggregate(
            city_count=Count("pk"),
            country_count=Count("country", distinct=True),
            first_twinning_year=Min("year_started", filter=Q(agreement_type=AgreementType.TWINNING)),
        )

    def with_themes(self):
        return self.prefetch_related(Prefetch("themes", queryset=Theme.objects.all()))

    def with_milestones(self):
        return self.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.all()))

    def with_published_programmes(self):
        return self.prefetch_related(
            Prefetch("programmes", queryset=Programme.objects.published(), to_attr="published_programmes")
        )

    def located(self):
        """Cities with coordinates: those a map can show."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def in_continent(self, continent):
        return self.filter(country__in=countries_in(continent))

    def filtered(self, *, agreement_type=None, continent=None, country=None, theme=None):
        """The list page's filters; each one is optional."""
        cities = self
        if agreement_type:
            cities = cities.filter(agreement_type=agreement_type)
        if continent:
            cities = cities.in_continent(continent)
        if country:
            cities = cities.filter(country=country)
        if theme:
            cities = cities.filter(themes=theme)
        return cities

    def neighbour_of(self, city, *, after):
        """The city just after (or before) `city` in the list order (year, display order, slug), or None."""
        op = "gt" if after else "lt"
        position = (
            Q(**{f"year_started__{op}": city.year_started})
            | Q(year_started=city.year_started, **{f"display_order__{op}": city.display_order})
            | Q(
                year_started=city.year_started, display_order=city.display_order, **{f"slug__{op}": city.slug}
            )
        )
        ordering = ["year_started", "display_order", "slug"]
        if not after:
            ordering = [f"-{field}" for field in ordering]
        return self.filter(position).order_by(*ordering).first()


class PartnerCity(Publishable, KeepsFormerSlugs, ValidatedModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The end of the page address, e.g. haarlem.")
    )
    country = CountryField(_("country"))
    region = models.CharField(
        _("region or state"), max_length=100, blank=True, help_text=_("For example: Texas, Shandong.")
    )
    agreement_type = models.CharField(_("agreement type"), max_length=32, choices=AgreementType)
    year_started = models.PositiveSmallIntegerField(
        _("year the relationship began"), validators=[validate_not_after_this_year]
    )
    agreement_signed_on = models.DateField(
        _("current agreement signed on"),
        null=True,
        blank=True,
        help_text=_("Exact date the agreement in force was signed, if known."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PartnershipStatus, default=PartnershipStatus.ACTIVE
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes of cooperation"), related_name="partner_cities", blank=True
    )
    summary = MarkdownField(
        _("summary"), max_length=600, help_text=_("Two or three sentences (Markdown), shown in lists.")
    )
    body = MarkdownField(_("text"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    image = ImageWithAlt(
        _("image"),
        upload_to="partnerships/cities/",
        alt_verbose_name=_("image alternative text"),
        alt_help_text=_("What the image shows, for people who cannot see it. Required with an image."),
        alt_required=True,
        focal_point=True,
    )
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)
    # Optional: a city whose position is not known yet is simply left off the maps.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, north positive."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, east positive."),
    )
    website = models.URLField(_("official website"), blank=True)
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    # When staff last saved it: the newsletter's "draft from what changed" lists what changed since the
    # last issue. Not part of the content format (angers_intl content kinds leave it out).
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    display_order = models.PositiveSmallIntegerField(
        _("display order"), default=0, help_text=_("Orders cities that began the same year.")
    )

    objects = PartnerCityQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")
        ordering = ["year_started", "display_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement_type__in=AgreementType.values),
                name="partner_city_agreement_type_valid",
                violation_error_message=_("Choose an agreement type from the list."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=PartnershipStatus.values),
                name="partner_city_status_valid",
                violation_error_message=_("Choose a status from the list."),
            ),
            year_in_range("year_started", name="partner_city_year_started_in_range"),
            models.CheckConstraint(
                condition=Q(agreement_signed_on__isnull=True)
                | Q(agreement_signed_on__year__gte=F("year_started")),
                name="partner_city_agreement_not_before_start",
                violation_error_message=_("The agreement cannot be signed before the relationship began."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90),
                name="partner_city_latitude_in_range",
                violation_error_message=_("Latitude is between -90 and 90 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180),
                name="partner_city_longitude_in_range",
                violation_error_message=_("Longitude is between -180 and 180 degrees."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="partner_city_coordinates_together",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=~Q(slug=""),
                name="partner_city_slug_not_empty",
                violation_error_message=SLUG_MISSING,
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS),
                name="partner_city_slug_not_reserved",
                violation_error_message=_("This slug is the address of another page; choose another slug."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:city_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # Not constraints: "today" moves, and the alternative text is a translated field.
        errors = missing_alternative_texts(self)
        if self.agreement_signed_on and self.agreement_signed_on > timezone.localdate():
            errors["agreement_signed_on"] = ValidationError(
                _("This date is in the future."), code="date_in_future"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def plain_summary(self):
        """The summary as plain text, for meta descriptions and structured data."""
        return markdown_to_text(self.summary)


class MilestoneQuerySet(models.QuerySet):
    def of_published_cities(self, *, at=None):
        """The key dates of the cities public now (or at `at`)."""
        return self.filter(visible_q("partner_city__", at=at))


class Milestone(ValidatedModel):
    """A key date of a partnership: an exact date, or only a year when the day is not known."""

    partner_city = models.ForeignKey(
        PartnerCity, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("partner city")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        blank=True,
        help_text=_("Filled in from the date when a date is given."),
        validators=[validate_not_after_this_year],
    )
    date = models.DateField(_("exact date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=150)
    text = MarkdownField(_("text"), blank=True, help_text=_("Markdown."))

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")
        # Within a year, a milestone known only by its year comes first, then exact dates in order.
        ordering = ["year", F("date").asc(nulls_first=True), "pk"]
        constraints = [
            year_in_range("year", name="milestone_year_in_range"),
            models.CheckConstraint(
                condition=Q(year=ExtractYear("date")) | Q(date__isnull=True),
                name="milestone_date_in_its_year",
                violation_error_message=_("The year does not match the date."),
            ),
        ]

    def __str__(self):
        return f"{self.year} · {self.title}"

    def get_absolute_url(self):
        return self.partner_city.get_absolute_url() + f"#milestone-{self.pk}"

    def clean(self):
        super().clean()
        # Not a constraint: the year is filled in from the date before the constraints check them, and a
        # year filled in here has not met the field's validator.
        if self.year is None:
            if not self.date:
                raise ValidationError(
                    {
                        "year": ValidationError(
                            _("Give an exact date or at least a year."), code="year_missing"
                        )
                    }
                )
            self.year = self.date.year
            try:
                validate_not_after_this_year(self.year)
            except ValidationError as error:
                raise ValidationError({"year": error}) from None


class ProgrammeQuerySet(PublishableQuerySet):
    def with_published_cities(self):
        return self.prefetch_related(
            Prefetch(
                "partner_cities",
                queryset=PartnerCity.objects.published(),
                to_attr="published_cities",
            )
        )


class Programme(Publishable, KeepsFormerSlugs, ValidatedModel):
    """A lasting initiative that serves one or more partnerships (a youth exchange, a house abroad…)."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    summary = MarkdownField(_("summary"), max_length=600, help_text=_("Two or three sentences (Markdown)."))
    body = MarkdownField(_("text"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        help_text=_("Leave empty if not known."),
        validators=[validate_not_after_this_year],
    )
    partner_cities = models.ManyToManyField(
        PartnerCity, verbose_name=_("partner cities"), related_name="programmes", blank=True
    )
    website = models.URLField(_("website"), blank=True)
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    # When staff last saved it: the newsletter's "draft from what changed" lists what changed since the
    # last issue. Not part of the content format (angers_intl content kinds leave it out).
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["display_order", "slug"]
        constraints = [
            year_in_range("start_year", name="programme_start_year_in_range"),
            models.CheckConstraint(
                condition=~Q(slug=""), name="programme_slug_not_empty", violation_error_message=SLUG_MISSING
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:programme_detail", kwargs={"slug": self.slug})

    @property
    def plain_summary(self):
        return markdown_to_text(self.summary)
