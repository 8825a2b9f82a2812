"""The city networks the city belongs to, and the labels, awards, charters and commitments it has obtained.

Networks carry their membership figures as data (`NetworkFigure`, one per measure, each with the year it
refers to). A `Recognition` may have ordered `RecognitionLevel`s (the Europe Prize ladder); a `Distinction`
is the city's obtaining of a recognition: a year, optionally a level of that same recognition and a validity
period. Whether a distinction is current, expired, about to expire or of unrecorded validity is decided here,
by `DistinctionQuerySet` and by `Distinction.status()` (the same rule on a loaded object, kept in step by a test).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angers_intl.constraints import SLUG_MISSING, ValidatedModel
from angers_intl.image_fields import ImageWithAlt
from angers_intl.publication import PublicationFields, Publishable
from angers_intl.querysets import PublishableQuerySet
from angers_intl.slug_redirects import KeepsFormerSlugs
from angers_intl.text_fields import MarkdownField
from angers_intl.years import validate_not_after_this_year, year_in_range

EXPIRY_NOTICE_DAYS = 90

NAME_LANGUAGE_INVALID = _("Choose the language of the name from the list, or leave it empty.")


class NameLanguage(models.TextChoices):
    """The language a name is written in when it is kept as is on every page (a brand, a proper name)."""

    SAME_AS_PAGE = "", _("Same as the page")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")


def _name_language_field():
    return models.CharField(
        _("language of the name"),
        max_length=8,
        blank=True,
        choices=NameLanguage,
        help_text=_(
            "Only for a name kept in its original language on every page (for example an English name on the "
            "French pages): screen readers then pronounce it in that language. Leave empty otherwise."
        ),
    )


# Networks


class NetworkKind(models.TextChoices):
    CITY_NETWORK = "city", _("City network")
    THEMATIC_NETWORK = "thematic", _("Thematic network")


class NetworkScope(models.TextChoices):
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    EUROPEAN = "european", _("European")
    WORLDWIDE = "worldwide", _("Worldwide")


class NetworkQuerySet(PublishableQuerySet):
    def with_figures(self):
        """Networks with their figures, in two queries whatever their number."""
        return self.prefetch_related(Prefetch("figures", queryset=NetworkFigure.objects.order_by("pk")))


class Network(Publishable, KeepsFormerSlugs, ValidatedModel):
    name = models.CharField(_("name"), max_length=200)
    name_language = _name_language_field()
    acronym = models.CharField(
        _("acronym"), max_length=20, blank=True, help_text=_("For example CGLU in French, UCLG in English.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=NetworkKind)
    scope = models.CharField(_("scope"), max_length=16, choices=NetworkScope)
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[validate_not_after_this_year]
    )
    joined_year = models.PositiveSmallIntegerField(
        _("year the city joined"),
        null=True,
        blank=True,
        help_text=_("The year the city became a member; leave empty if not known."),
        validators=[validate_not_after_this_year],
    )
    headquarters = models.CharField(_("headquarters"), max_length=200, blank=True)
    description = MarkdownField(
        _("what it does"), blank=True, help_text=_("Markdown: paragraphs, lists, links, emphasis.")
    )
    city_benefits = MarkdownField(
        _("what the city gains from it"),
        blank=True,
        help_text=_("Markdown: paragraphs, lists, links, emphasis."),
    )
    website = models.URLField(_("official website"), blank=True)
    logo = ImageWithAlt(
        _("logo"),
        upload_to="networks/logos/",
        alt_verbose_name=_("logo text alternative"),
        alt_help_text=_("Leave empty when the logo only repeats the network's name, shown next to it."),
    )
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["kind", "display_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NetworkKind.values),
                name="network_kind_valid",
                violation_error_message=_("Choose a kind of network from the list."),
            ),
            models.CheckConstraint(
                condition=Q(scope__in=NetworkScope.values),
                name="network_scope_valid",
                violation_error_message=_("Choose a scope from the list."),
            ),
            models.CheckConstraint(
                condition=~Q(slug=""), name="network_slug_not_empty", violation_error_message=SLUG_MISSING
            ),
            models.CheckConstraint(
                condition=Q(name_language__in=NameLanguage.values),
                name="network_name_language_valid",
                violation_error_message=NAME_LANGUAGE_INVALID,
            ),
            year_in_range("founded_year", name="network_founded_year_in_range"),
            year_in_range("joined_year", name="network_joined_year_in_range"),
        ]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("networks:network_detail", kwargs={"slug": self.slug})

    @property
    def ordered_figures(self):
        """Figures in the order of `FigureMeasure` (uses the prefetched figures: no query)."""
        order = {measure: index for index, measure in enumerate(FigureMeasure.values)}
        return sorted(self.figures.all(), key=lambda figure: order.get(figure.measure, len(order)))


class FigureMeasure(models.TextChoices):
    MEMBERS = "members", _("Members")
    COUNTRIES = "countries", _("Countries")
    POPULATION = "population", _("Inhabitants represented")
    WORLD_POPULATION_SHARE = "world_share", _("Share of the world's population represented")


class FigureQualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")
    NEARLY = "nearly", _("nearly")


class NetworkFigure(ValidatedModel):
    """One membership figure of a network (members, countries, population…) and the year it refers to."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="figures", verbose_name=_("network")
    )
    measure = models.CharField(_("measure"), max_length=16, choices=FigureMeasure)
    qualifier = models.CharField(
        _("qualifier"), max_length=16, choices=FigureQualifier, default=FigureQualifier.EXACT
    )
    value = models.PositiveBigIntegerField(
        _("value"), help_text=_("A whole number; a percentage for the share of the world's population.")
    )
    year = models.PositiveSmallIntegerField(
        _("year of the figure"),
        null=True,
        blank=True,
        help_text=_("The year the figure refers to; leave empty if the source does not say."),
        validators=[validate_not_after_this_year],
    )

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["network", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "measure"],
                name="network_figure_one_per_measure",
                violation_error_message=_("This network already has a figure for this measure."),
            ),
            models.CheckConstraint(
                condition=Q(measure__in=FigureMeasure.values),
                name="network_figure_measure_valid",
                violation_error_message=_("Choose a measure from the list."),
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=FigureQualifier.values),
                name="network_figure_qualifier_valid",
                violation_error_message=_("Choose a qualifier from the list."),
            ),
            year_in_range("year", name="network_figure_year_in_range"),
            models.CheckConstraint(
                condition=Q(value__lte=100) | ~Q(measure=FigureMeasure.WORLD_POPULATION_SHARE),
                name="network_figure_share_is_a_percentage",
                violation_error_message=_("A share of the world's population is a percentage: 100 at most."),
            ),
        ]

    def __str__(self):
        return f"{self.network} · {self.get_measure_display()}"

    @property
    def is_percentage(self):
        return self.measure == FigureMeasure.WORLD_POPULATION_SHARE


# Labels, awards, charters and commitments


class RecognitionKind(models.TextChoices):
    LABEL = "label", _("Label")
    AWARD = "award", _("Award")
    CHARTER = "charter", _("Charter")
    COMMITMENT = "commitment", _("Commitment")


class Renewal(models.TextChoices):
    ONE_OFF = "one_off", _("Awarded once, no expiry")
    PERIODIC = "periodic", _("Awarded for a period, to be renewed")
    COMMITMENT = "commitment", _("Commitment without expiry")


class RecognitionQuerySet(PublishableQuerySet):
    def with_levels_and_distinctions(self):
        """Recognitions with their levels and the city's distinctions: three queries whatever their number."""
        return self.prefetch_related(
            Prefetch("levels", queryset=RecognitionLevel.objects.order_by("rank")),
            Prefetch("distinctions", queryset=Distinction.objects.select_related("level")),
        )

    def list_pages(self):
        """{pk: the page of the public labels and awards list that shows it}, for the published
        recognitions, in one query (the list is cut into pages of `PUBLIC_LIST_PAGE_SIZE`)."""
        size = settings.PUBLIC_LIST_PAGE_SIZE
        pks = self.published().values_list("pk", flat=True)
        return {pk: index // size + 1 for index, pk in enumerate(pks)}


class Recognition(Publishable, ValidatedModel):
    name = models.CharField(_("name"), max_length=200)
    name_language = _name_language_field()
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=RecognitionKind)
    awarding_body = models.CharField(
        _("awarding body"), max_length=200, blank=True, help_text=_("For example: Council of Europe.")
    )
    established_year = models.PositiveSmallIntegerField(
        _("year created"), null=True, blank=True, validators=[validate_not_after_this_year]
    )
    description = MarkdownField(
        _("what it rewards"), blank=True, help_text=_("Markdown: paragraphs, lists, links, emphasis.")
    )
    website = models.URLField(_("official website"), blank=True)
    logo = ImageWithAlt(
        _("logo"),
        upload_to="networks/recognitions/",
        alt_verbose_name=_("logo text alternative"),
        alt_help_text=_("Leave empty when the logo only repeats the name, shown next to it."),
    )
    renewal = models.CharField(_("lifecycle"), max_length=16, choices=Renewal, default=Renewal.ONE_OFF)
    renewal_period_years = models.PositiveSmallIntegerField(
        _("renewal period (years)"),
        null=True,
        blank=True,
        help_text=_("For a recognition awarded for a period: 1 if it is renewed every year."),
    )
    published = PublicationFields()  # and publish_at, unpublish_at (angers_intl/publication.py)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("label or award")
        verbose_name_plural = _("labels and awards")
        ordering = ["display_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RecognitionKind.values),
                name="recognition_kind_valid",
                violation_error_message=_("Choose a type from the list."),
            ),
            models.CheckConstraint(
                condition=Q(renewal__in=Renewal.values),
                name="recognition_renewal_valid",
                violation_error_message=_("Choose a lifecycle from the list."),
            ),
            models.CheckConstraint(
                condition=~Q(slug=""), name="recognition_slug_not_empty", violation_error_message=SLUG_MISSING
            ),
            models.CheckConstraint(
                condition=Q(name_language__in=NameLanguage.values),
                name="recognition_name_language_valid",
                violation_error_message=NAME_LANGUAGE_INVALID,
            ),
            models.CheckConstraint(
                condition=Q(renewal_period_years__isnull=False, renewal_period_years__gte=1)
                | ~Q(renewal=Renewal.PERIODIC),
                name="recognition_periodic_has_a_period",
                violation_error_message=_("Say every how many years this recognition must be renewed."),
            ),
            models.CheckConstraint(
                condition=Q(renewal_period_years__isnull=True) | Q(renewal=Renewal.PERIODIC),
                name="recognition_period_only_when_periodic",
                violation_error_message=_(
                    "Only a recognition awarded for a period has a renewal period: leave this empty."
                ),
            ),
            year_in_range("established_year", name="recognition_established_year_in_range"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self, page=None):
        """Its anchor on the labels and awards list, on the page that shows it: `page`, when the caller
        looked it up (`Recognition.objects.list_pages()`), or one query."""
        if page is None:
            page = Recognition.objects.list_pages().get(self.pk, 1)
        query = f"?page={page}" if page > 1 else ""
        return f"{reverse('networks:recognition_list')}{query}#{self.slug}"

    @property
    def is_commitment(self):
        """Charters and commitments are signed, not awarded: the page words them accordingly."""
        return self.kind in {RecognitionKind.CHARTER, RecognitionKind.COMMITMENT}


class RecognitionLevel(ValidatedModel):
    """A rung of a recognition with levels: rank 1 is the first step (the European Diploma)."""

    recognition = models.ForeignKey(
        Recognition, on_delete=models.CASCADE, related_name="levels", verbose_name=_("label or award")
    )
    name = models.CharField(_("name"), max_length=200)
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 for the first level, then 2, 3…"))

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["recognition", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["recognition", "rank"],
                name="recognition_level_rank_unique",
                violation_error_message=_("This label or award already has a level with this rank."),
            ),
            # Lets a distinction's (recognition, level) pair reference a level of that very recognition.
            models.UniqueConstraint(
                fields=["recognition", "id"],
                name="recognition_level_recognition_id_unique",
                violation_error_message=_("This level is already recorded for this label or award."),
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="recognition_level_rank_from_1",
                violation_error_message=_("The rank starts at 1."),
            ),
        ]

    def __str__(self):
        return f"{self.recognition} · {self.name}"


class DistinctionStatus(models.TextChoices):
    CURRENT = "current", _("current")
    UPCOMING = "upcoming", _("not yet valid")
    EXPIRED = "expired", _("expired")
    UNCONFIRMED = "unconfirmed", _("validity to be confirmed")


# A distinction of a recognition awarded for a period, without its last day of validity: never shown as current.
_VALIDITY_NOT_RECORDED = Q(recognition__renewal=Renewal.PERIODIC, valid_until__isnull=True)


class DistinctionQuerySet(models.QuerySet):
    def current(self, on=None):
        """Valid on `on` (today by default): started, and not ended. No validity dates means current, except
        for a recognition awarded for a period (see `unconfirmed()`)."""
        on = on or timezone.localdate()
        return self.exclude(_VALIDITY_NOT_RECORDED).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_until__isnull=True) | Q(valid_until__gte=on),
        )

    def expired(self, on=None):
        on = on or timezone.localdate()
        return self.filter(valid_until__lt=on)

    def upcoming(self, on=None):
        on = on or timezone.localdate()
        return self.exclude(_VALIDITY_NOT_RECORDED).filter(valid_from__gt=on)

    def unconfirmed(self):
        """Distinctions of a recognition awarded for a period whose last day of validity is not recorded."""
        return self.filter(_VALIDITY_NOT_RECORDED)

    def renewal_not_recorded(self, on=None):
        """Expired distinctions of a recognition awarded for a period with no later distinction of that
        recognition recorded (a later end of validity, or a later year): staff must record the renewal, or
        know that the label was not renewed."""
        later = Distinction.objects.filter(recognition=OuterRef("recognition")).filter(
            Q(valid_until__gt=OuterRef("valid_until")) | Q(year__gt=OuterRef("year"))
        )
        return self.expired(on).filter(recognition__renewal=Renewal.PERIODIC).exclude(Exists(later))

    def expiring_within(self, days=EXPIRY_NOTICE_DAYS, on=None):
        """Current distinctions whose validity ends in the next `days` days: staff must renew them."""
        on = on or timezone.localdate()
        return self.current(on).filter(valid_until__lte=on + datetime.timedelta(days=days))


class Distinction(ValidatedModel):
    """The city's obtaining of a recognition: when, at which level, and for how long it is valid.

    Status (`status()` on a loaded object, `DistinctionQuerySet` in the database; a test keeps them in step):
    expired after `valid_until`, upcoming before `valid_from`, current otherwise, except that a distinction
    of a recognition awarded for a period (renewed every N years) without `valid_until` is "validity to be
    confirmed", never current: a renewable label must not look held forever. `clean()` therefore asks for
    `valid_until` as soon as such a distinction has a year or a start date (it is not derived from the
    renewal period, because the awarding body's validity dates vary); an old record without a year (the seed
    of Tree Cities of the World) stays "to be confirmed" until staff complete it.
    """

    recognition = models.ForeignKey(
        Recognition, on_delete=models.CASCADE, related_name="distinctions", verbose_name=_("label or award")
    )
    level = models.ForeignKey(
        RecognitionLevel,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="distinctions",
        verbose_name=_("level"),
        help_text=_("Only for a label or award with levels; one of its own levels."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the year is not known."),
        validators=[validate_not_after_this_year],
    )
    awarded_on = models.DateField(_("exact date"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Last day of validity; leave empty when it does not expire."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = DistinctionQuerySet.as_manager()

    class Meta:
        verbose_name = _("distinction")
        verbose_name_plural = _("distinctions")
        ordering = ["recognition", F("year").desc(nulls_last=True), "pk"]
        constraints = [
            models.UniqueConstraint(
                F("recognition"),
                Coalesce("year", Value(0)),
                Coalesce("level", Value(0)),
                name="distinction_unique_per_recognition_year_level",
                violation_error_message=_("This distinction (same year and level) is already recorded."),
            ),
            year_in_range("year", name="distinction_year_in_range"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="distinction_validity_ends_after_it_starts",
                violation_error_message=_("The end of validity cannot come before its start."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=False) | Q(awarded_on__isnull=True),
                name="distinction_date_needs_year",
                violation_error_message=_("Give the year when you give the exact date."),
            ),
            # On SQLite, EXTRACT is a function Django registers on its own connections (see partnerships).
            # Without a year, `distinction_date_needs_year` speaks: one message, not two.
            models.CheckConstraint(
                condition=Q(awarded_on__isnull=True)
                | Q(year__isnull=True)
                | Q(year=ExtractYear("awarded_on")),
                name="distinction_date_in_its_year",
                violation_error_message=_("The exact date must fall in the year given."),
            ),
        ]

    def __str__(self):
        parts = [str(self.recognition)]
        if self.level_id:
            parts.append(self.level.name)
        if self.year:
            parts.append(str(self.year))
        return " · ".join(parts)

    def get_absolute_url(self):
        return self.recognition.get_absolute_url()

    def clean(self):
        # Not constraints: both rules read the related recognition (the composite foreign key of migration
        # 0002 holds the second one in PostgreSQL too; see docs/architecture.md).
        super().clean()
        errors = {}
        if (
            self.recognition_id
            and self.recognition.renewal == Renewal.PERIODIC
            and (self.valid_from or self.year)
            and not self.valid_until
        ):
            errors["valid_until"] = _(
                "This label or award is only valid for a period: give the last day of validity."
            )
        if self.level_id and self.recognition_id and self.level.recognition_id != self.recognition_id:
            errors["level"] = _(
                "This level belongs to “%(other)s”, not to “%(recognition)s”: choose one of its own levels."
            ) % {"other": self.level.recognition, "recognition": self.recognition}
        if errors:
            raise ValidationError(errors)

    def status(self, on=None):
        """The rule of `DistinctionQuerySet`, on an object already loaded (a test keeps the two in step)."""
        on = on or timezone.localdate()
        if self.recognition.renewal == Renewal.PERIODIC and not self.valid_until:
            return DistinctionStatus.UNCONFIRMED
        if self.valid_until and self.valid_until < on:
            return DistinctionStatus.EXPIRED
        if self.valid_from and self.valid_from > on:
            return DistinctionStatus.UPCOMING
        return DistinctionStatus.CURRENT

    def sort_key(self):
        return (self.year or 0, self.level.rank if self.level_id else 0, self.pk or 0)
