"""Site-wide data: who runs this site. Another city installs the same code and edits this record."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .constraints import SLUG_MISSING, ValidatedModel
from .fragments import cached_value
from .image_fields import ImageWithAlt, missing_alternative_texts
from .text_fields import MarkdownField, TextField

SINGLE_PROFILE = _("The site has one profile: edit it instead of adding another.")


class SiteProfile(ValidatedModel):
    """The city's identity as the public sees it: one record per site (a database constraint keeps it so)."""

    singleton = models.BooleanField(default=True, editable=False)
    city_name = models.CharField(_("city name"), max_length=100)
    site_title = models.CharField(
        _("site title"), max_length=120, help_text=_("Shown in the header and page titles.")
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    intro = TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the city's international action is, shown on the home page."),
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("The institution that publishes the site, for example the city council."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    postal_address = TextField(_("postal address"), blank=True)
    website = models.URLField(_("city's main website"), blank=True)
    publication_director = models.CharField(
        _("publication director"),
        max_length=200,
        blank=True,
        help_text=_("Named in the legal notice; usually the mayor."),
    )
    host = TextField(
        _("hosting provider"),
        blank=True,
        help_text=_(
            "Required by law in the legal notice: the hosting provider's name, postal address and "
            "telephone number."
        ),
    )
    logo = ImageWithAlt(
        _("logo"),
        upload_to="site/",
        help_text=_("Shown in the header beside the site title. PNG, JPEG or WebP."),
        alt_verbose_name=_("logo alternative text"),
        alt_help_text=_("What the logo says, for people who cannot see it. Required with a logo."),
        alt_required=True,
    )
    share_image = ImageWithAlt(
        _("default sharing image"),
        upload_to="site/",
        help_text=_(
            "Shown when a page that has no image of its own is shared on social media. "
            "Best at 1200 × 630 pixels."
        ),
        alt_verbose_name=_("sharing image alternative text"),
        alt_help_text=_("What the image shows, for people who cannot see it. Required with an image."),
        alt_required=True,
    )
    # The city's own accounts, linked from the footer (rel="me": they are the same publisher).
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    peertube_url = models.URLField(_("PeerTube"), blank=True)
    newsletter_sender_name = models.CharField(
        _("newsletter sender name"),
        max_length=100,
        blank=True,
        help_text=_("The name shown as the sender of the newsletter e-mails, for example the site's title."),
    )

    class Meta:
        verbose_name = _("site profile")
        verbose_name_plural = _("site profiles")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["singleton"],
                name="site_profile_single_record",
                violation_error_message=SINGLE_PROFILE,
            ),
            models.CheckConstraint(
                condition=models.Q(singleton=True),
                name="site_profile_singleton_true",
                violation_error_message=SINGLE_PROFILE,
            ),
        ]

    def __str__(self):
        return self.site_title or self.city_name

    def get_absolute_url(self):
        return reverse("home")

    def clean(self):
        super().clean()
        # Not a constraint: the alternative texts are translated fields (see angers_intl/image_fields.py).
        if errors := missing_alternative_texts(self):
            raise ValidationError(errors)

    @classmethod
    def current(cls):
        """The site's profile, or an unsaved blank one so that pages render before any content exists."""
        return cls.objects.first() or cls(city_name="", site_title="")

    @classmethod
    def for_request(cls, request):
        """`current()`, read once per request (the templates and the admin's header both ask for it), and
        kept between requests like a page fragment (`angers_intl.fragments`): every page shows it."""
        if request is None:
            return cls.current()
        if not hasattr(request, "_site_profile"):
            request._site_profile = cached_value("site-profile", cls.current)
        return request._site_profile

    @property
    def social_links(self):
        """[(network name, URL)] of the accounts filled in, in the order of the form."""
        return [
            (field.verbose_name, getattr(self, field.name))
            for field in self._meta.fields
            if field.name in SOCIAL_FIELDS and getattr(self, field.name)
        ]


SOCIAL_FIELDS = (
    "mastodon_url",
    "bluesky_url",
    "linkedin_url",
    "facebook_url",
    "instagram_url",
    "youtube_url",
    "peertube_url",
)


class LegalPageKind(models.TextChoices):
    """The pages the law asks of a public site; each has its own URL name (the same as its value)."""

    LEGAL_NOTICE = "legal_notice", _("Legal notice")
    PRIVACY = "privacy", _("Personal data and cookies")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")


class LegalPage(ValidatedModel):
    """The text of a legal page, written and kept up to date by staff; the city's details come from
    the site profile, so the same text serves another city."""

    slug = models.CharField(
        _("page"),
        max_length=20,
        choices=LegalPageKind,
        unique=True,
        error_messages={"unique": _("This page already exists: edit it instead of adding it again.")},
    )
    title = models.CharField(_("title"), max_length=200)
    body = MarkdownField(
        _("text"),
        help_text=_("Markdown: a line starting with ## is a section heading, [text](https://…) is a link."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slug__in=LegalPageKind.values),
                name="legal_page_slug_valid",
                violation_error_message=_("Choose one of the legal pages the site has."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(self.slug)

    @classmethod
    def for_kind(cls, kind):
        """The page of this kind, or an unsaved one with its default title until staff write it."""
        return cls.objects.filter(slug=kind).first() or cls(slug=kind, title=LegalPageKind(kind).label)


class SeedRecord(ValidatedModel):
    """A record of the city's content that `load_content` created once, by its seed key (e.g.
    "partnerships:city:pisa"). A key created before is never created again: what staff deleted stays
    deleted, and a record whose slug staff changed is not duplicated under its old slug."""

    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("loaded content record")
        verbose_name_plural = _("loaded content records")
        ordering = ["key"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(key=""),
                name="seed_record_key_not_empty",
                violation_error_message=_("A loaded content record needs its seed key."),
            )
        ]

    def __str__(self):
        return self.key


class SlugRedirect(ValidatedModel):
    """An address a record had: the slug it carried before staff changed it (see `slug_redirects.py`).
    The page it made answers with a permanent redirect to the record's page today. It points at the record,
    not at its next slug, so a chain of changes leads straight to the current page; it is deleted with the
    record, and when the slug becomes a record's current one again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record"))
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    old_slug = models.SlugField(_("former slug"), max_length=200)
    created_at = models.DateTimeField(_("changed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        ordering = ["content_type", "old_slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"],
                name="slug_redirect_one_target_per_slug",
                violation_error_message=_("This former address already leads to a record of this kind."),
            ),
            models.CheckConstraint(
                condition=~models.Q(old_slug=""),
                name="slug_redirect_old_slug_not_empty",
                violation_error_message=SLUG_MISSING,
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="slug_redirect_record_idx")]

    def __str__(self):
        return f"{self.content_type.model}: {self.old_slug} → {self.object_id}"
