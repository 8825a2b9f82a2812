"""Back office for news and events (tabs per language, publication actions, preview, history), through the
site's one translated admin, `angers_intl.translation_admin.SiteTranslationAdmin`."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angers_intl.translation_admin import PublicationStateFilter, SiteTranslationAdmin

from .models import Event, NewsItem, time_zone_choices

LINK_FIELDS = ["partner_cities", "programmes", "networks", "distinctions"]


class CallStateFilter(admin.SimpleListFilter):
    """Calls for projects open or closed now (`calls_open()` / `calls_closed()`)."""

    title = _("call for projects")
    parameter_name = "call"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), ("closed", _("Closed")), ("none", _("Not a call"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.calls_open()
        if self.value() == "closed":
            return queryset.calls_closed()
        if self.value() == "none":
            return queryset.filter(deadline__isnull=True)
        return queryset


class EventAdminForm(forms.ModelForm):
    """The start, end and deadline are typed and shown in the event's own time zone (not the site's)."""

    ZONED_FIELDS = ("starts_at", "ends_at", "deadline")

    class Meta:
        model = Event
        # The admin's fieldsets give the form all its fields; these are the ones this form handles.
        fields = ["time_zone", "starts_at", "ends_at", "deadline"]
        widgets = {"time_zone": forms.Select(choices=time_zone_choices)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = self.instance.zone
            for name in self.ZONED_FIELDS:
                value = getattr(self.instance, name)
                if value is not None and name in self.fields:
                    # The event's wall-clock time, as the form shows and reads times (in the site's zone):
                    # shown as typed, and an unchanged field is not counted as a change.
                    wall_clock = timezone.localtime(value, zone).replace(tzinfo=None)
                    self.initial[name] = timezone.make_aware(wall_clock)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or self.instance.time_zone
        zone = Event(time_zone=zone_name).zone
        for name in self.ZONED_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                # The form read it in the site's zone: the same wall-clock time, in the event's zone.
                cleaned[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned


class AnnouncementAdmin(SiteTranslationAdmin):
    list_filter = [PublicationStateFilter, CallStateFilter, "partner_cities", "networks"]
    search_fields = ["title_fr", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # The same two-list picker for every link (a select2 box of autocomplete_fields has no label); a
    # distinction's name reads its recognition and level, fetched with it (formfield_for_manytomany).
    filter_horizontal = ["partner_cities", "programmes", "networks", "distinctions"]
    image_fieldset = (
        _("Image"),
        {"fields": ["image", ("image_focal_x", "image_focal_y"), "image_alt", "image_credit"]},
    )
    links_fieldset = (_("Links"), {"fields": LINK_FIELDS})
    publication_fieldset = (_("Publication"), {"fields": ["published", ("publish_at", "unpublish_at")]})

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "distinctions":
            kwargs["queryset"] = db_field.related_model.objects.select_related("recognition", "level")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("call for projects"))
    def call_state(self, obj):
        if not obj.is_call:
            return "—"
        return _("Open") if obj.is_open() else _("Closed")


@admin.register(NewsItem)
class NewsItemAdmin(AnnouncementAdmin):
    list_display = ["title", "date", "call_state", "publication_state"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["title", "slug", "date", "deadline"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        AnnouncementAdmin.image_fieldset,
        AnnouncementAdmin.links_fieldset,
        AnnouncementAdmin.publication_fieldset,
    ]
    preview_url_name = "news:news_preview"


@admin.register(Event)
class EventAdmin(AnnouncementAdmin):
    form = EventAdminForm
    list_display = ["title", "starts_at", "place", "call_state", "publication_state"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "time_zone", ("starts_at", "ends_at"), "deadline"]}),
        (_("Place"), {"fields": ["place", "online", "registration_url"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        AnnouncementAdmin.image_fieldset,
        AnnouncementAdmin.links_fieldset,
        AnnouncementAdmin.publication_fieldset,
    ]
    preview_url_name = "news:event_preview"
