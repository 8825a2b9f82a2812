"""Site-wide data: who runs this site. Another city installs the same code and edits this record."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteProfile(models.Model):
    """The city's identity as the public sees it: one record per site (a database constraint keeps it so)."""

    singleton = models.BooleanField(default=True, editable=False)
    city_name = models.CharField(_("city name"), max_length=100)
    site_title = models.CharField(
        _("site title"), max_length=120, help_text=_("Shown in the header and page titles.")
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the city's international action is, shown on the home page."),
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("For example: City of Angers.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("city's main website"), blank=True)

    class Meta:
        verbose_name = _("site profile")
        verbose_name_plural = _("site profile")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["singleton"], name="site_profile_single_record"),
            models.CheckConstraint(condition=models.Q(singleton=True), name="site_profile_singleton_true"),
        ]

    def __str__(self):
        return self.site_title or self.city_name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("home")

    @classmethod
    def current(cls):
        """The site's profile, or an unsaved blank one so that pages render before any content exists."""
        return cls.objects.first() or cls(city_name="", site_title="")
