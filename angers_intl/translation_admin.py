"""The one base class of every translated admin of the site (`SiteTranslationAdmin`), and what it handles once.

- Media: our own language tabs, `static/translation_admin/tabs.js` (the WAI-ARIA tabs pattern: each tab named
  after its field and language, a switch for the whole form, a tab holding an error marked; it replaces
  modeltranslation's tab script and jQuery UI, whose markup nested a link in a focusable list item), and the
  admin's own stylesheet, `static/css/admin.css`: the Content-Security-Policy blocks inline `style=`
  attributes, so admin HTML styles itself with its classes.
- Slugs: declared as `prepopulated_fields = {"slug": ["name"]}`; `MODELTRANSLATION_PREPOPULATE_LANGUAGE`
  makes it the French name in every admin, whatever the staff member's language.
- "View on site": an item public now opens its public page, any other its staff preview
  (`angers_intl.previews`), named by the admin's `preview_url_name`.
- Publishing: the list of every kind with a `published` flag has the actions "Publish the selected items"
  and "Unpublish the selected items" (staff with the change permission), through
  `angers_intl.publishing.set_published`, which records each change in the audit log and leaves (and
  names, in an error message) the items whose required French fields are empty. Such lists show the
  `publication_state` column (Draft / Scheduled / Live / Live until / Ended, from the model's
  `publication_state()`) and may filter by it (`PublicationStateFilter`).
- Saving a record whose English fields are empty where the French ones are not: a warning lists them (the
  English pages show the French text there, marked `lang="fr"`; `angers_intl.fallback`), inlines included.
- Sorting a list by a translated name: the column sorts by what it displays, the name in the admin's
  language or, when that is empty, the French fallback (`TranslatedOrderingMixin`).
- Markdown fields (`MarkdownField`, each language's column included) are edited with the Markdown editor
  (`angers_intl.widgets.MarkdownEditor`: toolbar and live preview), in the forms and in the inlines
  (`SiteTranslationStackedInline`, `SiteTranslationTabularInline`), through `MarkdownEditorMixin`.
- History: one page per record of a tracked model, with the versions, their comparison and the restore of
  an earlier one (`angers_intl.admin_history.VersionHistoryAdmin`; the rules in `angers_intl.history`).
- Accessible names for the fields Django's templates leave unnamed (table rows of inlines and lists, empty
  file fields): `angers_intl.admin_accessibility`.
- Images after an error: a form shown again after an error (its own or a key date's) says beside each
  image chosen in that submission that it must be chosen again: a browser cannot fill a file input again
  (`angers_intl.image_fields.ask_to_choose_images_again`).
"""

from django.contrib import admin, messages
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms.widgets import Script
from django.urls import reverse
from django.utils.translation import get_language, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from .admin_accessibility import AccessibleAdminMixin, AccessibleInlineMixin, AccessibleTabularInlineMixin
from .admin_history import VersionHistoryAdmin
from .fallback import missing_translations_warning
from .image_fields import ask_to_choose_images_again
from .publishing import is_publishable, set_published
from .querysets import PublicationState
from .text_fields import MarkdownField
from .widgets import MarkdownEditor


def displayed_translation(field_name):
    """The value a translated field displays in the current language: its own, or the fallback's when
    empty or NULL. Sorting by this sorts by what the list shows."""
    language = get_language() or DEFAULT_LANGUAGE
    if language not in AVAILABLE_LANGUAGES:
        language = DEFAULT_LANGUAGE
    own = F(build_localized_fieldname(field_name, language))
    fallback = F(build_localized_fieldname(field_name, DEFAULT_LANGUAGE))
    if language == DEFAULT_LANGUAGE:
        return Coalesce(own, Value(""), output_field=models.CharField())
    return Coalesce(NullIf(own, Value("")), fallback, Value(""), output_field=models.CharField())


class TranslatedOrderingMixin:
    """Adds a `shown_name` annotation and a "name" column sorted by it."""

    translated_ordering_field = "name"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(shown_name=displayed_translation(self.translated_ordering_field))
        )

    @admin.display(description=_("name"), ordering="shown_name")
    def shown_name(self, obj):
        return getattr(obj, self.translated_ordering_field)


class MarkdownEditorMixin:
    """Every Markdown field of the form gets the Markdown editor, named after its label (`Summary [en]`) and
    previewed in its column's language. After modeltranslation has given each language's field its widget
    (and its classes), so the editor keeps them."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(db_field, MarkdownField):
            formfield.widget = MarkdownEditor(
                attrs=formfield.widget.attrs,
                label=formfield.label,
                language=getattr(db_field, "language", None),
            )
        return formfield


class SiteTranslationStackedInline(AccessibleInlineMixin, MarkdownEditorMixin, TranslationStackedInline):
    """The stacked inline of a translated model (its Markdown fields edited with the editor)."""


class SiteTranslationTabularInline(
    AccessibleTabularInlineMixin, MarkdownEditorMixin, TranslationTabularInline
):
    """The tabular inline of a translated model (its Markdown fields edited with the editor)."""


class PublicationStateFilter(admin.SimpleListFilter):
    """Draft, scheduled, live or ended, now (`PublishableQuerySet.in_state`)."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            (PublicationState.DRAFT, pgettext_lazy("publication state", "Draft")),
            (PublicationState.SCHEDULED, pgettext_lazy("publication state", "Scheduled")),
            (PublicationState.LIVE, pgettext_lazy("publication state", "Live")),
            (PublicationState.ENDED, pgettext_lazy("publication state", "Ended")),
        ]

    def queryset(self, request, queryset):
        if self.value() in PublicationState.values:
            return queryset.in_state(self.value())
        return queryset


class SiteTranslationAdmin(VersionHistoryAdmin, AccessibleAdminMixin, MarkdownEditorMixin, TranslationAdmin):
    """modeltranslation's admin with our language tabs, the site's media, slug and "view on site" rules, and
    the history of versions (angers_intl/admin_history.py) for a tracked model."""

    # The staff preview of an item (see `angers_intl.previews`); None: "view on site" is the public page.
    preview_url_name = None
    # Rows a page of the list: rendering a row (and its editable fields) is what a list page costs.
    list_per_page = 50

    class Media:
        css = {"all": ["translation_admin/tabs.css", "css/admin.css"]}
        js = [Script("translation_admin/tabs.js", defer=True)]

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if is_publishable(model):
            self.actions = [*(self.actions or []), "publish_selected", "unpublish_selected"]

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish_selected(self, request, queryset):
        result = set_published(queryset, published=True, actor=request.user)
        for _obj, message in result.refused:
            self.message_user(request, message, messages.ERROR)
        if result.changed or not result.refused:
            count = result.changed
            self.message_user(
                request,
                ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish the selected items"), permissions=["change"])
    def unpublish_selected(self, request, queryset):
        count = set_published(queryset, published=False, actor=request.user).changed
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.display(description=_("publication"))
    def publication_state(self, obj):
        return obj.publication_state().label

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        inline_records = [
            inline_form.instance
            for formset in formsets
            for inline_form in formset.forms
            if inline_form.instance.pk and inline_form.instance not in formset.deleted_objects
        ]
        for warning in missing_translations_warning([form.instance, *inline_records]):
            messages.warning(request, warning)

    def view_on_site(self, obj):
        """Items public now open their public page; others (drafts, scheduled, ended) the staff preview."""
        if self.preview_url_name and is_publishable(type(obj)) and not obj.is_public():
            return self.preview_url(obj)
        public_url = getattr(obj, "get_absolute_url", None)
        return public_url() if public_url else None

    def preview_url(self, obj):
        return reverse(self.preview_url_name, kwargs={"slug": obj.slug})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Called on a POST only when nothing was saved (an error in the form or in an inline).
        if request.method == "POST" and "adminform" in context:
            ask_to_choose_images_again(context["adminform"].form)
        return super().render_change_form(request, context, add, change, form_url, obj)
