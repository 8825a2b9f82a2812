from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class NetworkKind(models.TextChoices):
    CITY_NETWORK = "city", _("City network")
    THEMATIC_NETWORK = "thematic", _("Thematic network")


class NetworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Network(models.Model):
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=NetworkKind.choices)
    published = models.BooleanField(_("published"), default=False)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["kind", "display_order", "slug"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=NetworkKind.values), name="network_kind_valid"),
        ]

    def __str__(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("networks:network_list") + f"#{self.slug}"
