from django.db import models
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class AgreementType(models.TextChoices):
    TWINNING = "twinning", _("Twinning")
    PARTNERSHIP = "partnership", _("Partnership")
    DECENTRALISED_COOPERATION = "decentralised_cooperation", _("Decentralised cooperation")
    FRIENDSHIP = "friendship", _("Friendship pact")


class PartnerCityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def figures(self):
        """Counts the home page shows, in one query: cities, countries, first twinning year."""
        return self.aggregate(
            city_count=Count("pk"),
            country_count=Count("country", distinct=True),
            first_twinning_year=Min("year_started", filter=Q(agreement_type=AgreementType.TWINNING)),
        )


class PartnerCity(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    country = CountryField(_("country"))
    agreement_type = models.CharField(_("agreement type"), max_length=32, choices=AgreementType.choices)
    year_started = models.PositiveSmallIntegerField(_("year the relationship began"))
    published = models.BooleanField(_("published"), default=False)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = PartnerCityQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")
        ordering = ["year_started", "display_order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement_type__in=AgreementType.values),
                name="partner_city_agreement_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(year_started__gte=1900), name="partner_city_year_started_from_1900"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:city_list") + f"#{self.slug}"
