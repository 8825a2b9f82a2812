"""The admin's history pages, in the staff member's language, field names included.

Content records (the models `angers_intl.history.track`s) have one history page of versions instead of
Django's: `VersionHistoryAdmin`, mixed into every translated admin (`SiteTranslationAdmin`), shows each
version's date, author and changed fields (labelled like the form: « Résumé [fr] »), the versions of the
inline records, a comparison of two versions and the restore of an earlier one. The rest (subscribers,
two-factor devices) keep Django's page of admin log entries, translated as below.

Django stores a change message with the changed fields' labels in English (`Summary [fr]`, `Year the
relationship began`) and translates each label when the history is shown, by looking the label up in the
catalogues. That lookup fails for the labels of modeltranslation's per-language fields (no catalogue has
"Summary [fr]") and for any label whose catalogue entry is the lowercase verbose name ("summary"): the French
history then said « Modification de Summary [fr] ». `change_message()` translates a label the way the form
built it: the verbose name through gettext, capitalised, with its language suffix. Django's history template
(`templates/admin/object_history.html`) shows it for the models without versions.
"""

import json
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_verbose_name

from . import history

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# "Summary [fr]": modeltranslation's label of a per-language field (MODELTRANSLATION's default format).
LABEL_WITH_LANGUAGE = re.compile(r"^(?P<label>.+) \[(?P<language>[\w-]+)\]$")


def translated_label(label):
    """A field label stored in English, in the active language."""
    translated = gettext(label)
    if translated != label:
        return translated
    match = LABEL_WITH_LANGUAGE.match(label)
    if match and match["language"] in LANGUAGE_CODES:
        return str(build_localized_verbose_name(translated_label(match["label"]), match["language"]))
    # The form capitalised the verbose name; the catalogue holds it as the model declares it.
    verbose_name = label[:1].lower() + label[1:]
    translated = gettext(verbose_name)
    return capfirst(translated) if translated != verbose_name else label


def change_message(entry):
    """`entry.get_change_message()`, with the field labels translated as `translated_label` does."""
    if not entry.change_message or not entry.change_message.startswith("["):
        return entry.get_change_message()
    try:
        messages = json.loads(entry.change_message)
    except json.JSONDecodeError:
        return entry.get_change_message()
    for message in messages:
        for details in message.values():
            if isinstance(details, dict) and isinstance(details.get("fields"), list):
                details["fields"] = [translated_label(str(label)) for label in details["fields"]]
    return LogEntry(change_message=json.dumps(messages)).get_change_message()


class VersionHistoryAdmin:
    """One history page per record of a tracked model (angers_intl/history.py), instead of Django's: each
    version with its date, its author and the fields it changed (per-language fields named « Résumé [fr] »),
    the versions of its inline records (key dates…), a comparison of any two versions, and the restore of
    an earlier one (after a confirmation step). Staff who may view the record see the history and compare;
    only those who may change it restore. A model that is not tracked keeps Django's history page.

    Every save through the admin is one version, with the final many-to-many relations."""

    # Fields a restore leaves as they are, besides the publication state (history.PUBLICATION_FIELDS).
    restore_keeps_fields = ()
    history_per_page = 50
    history_template = "admin/history/versions.html"
    compare_template = "admin/history/compare.html"
    restore_template = "admin/history/restore.html"

    def get_urls(self):
        urls = super().get_urls()
        if not history.is_tracked(self.model):
            return urls
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/history/compare/", wrap(self.compare_view), name=f"{name}_compare"),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                wrap(self.restore_view),
                name=f"{name}_restore",
            ),
            *urls,
        ]

    # Saving: one version for the record and its relations.

    def save_model(self, request, obj, form, change):
        if not history.is_tracked(type(obj)):
            return super().save_model(request, obj, form, change)
        obj.skip_history_when_saving = True
        obj._version_created = not change
        return super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        try:
            super().save_related(request, form, formsets, change)
        finally:
            obj.__dict__.pop("skip_history_when_saving", None)
        if history.is_tracked(type(obj)):
            history.record_version(
                obj, created=obj.__dict__.pop("_version_created", False), user=request.user
            )

    def can_restore(self, request, obj):
        return self.has_change_permission(request, obj)

    # Pages.

    def _record_or_redirect(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj, None

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "preserved_filters": self.get_preserved_filters(request),
            **extra,
        }

    def _history_url(self, obj):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
            args=[quote(obj.pk)],
            current_app=self.admin_site.name,
        )

    def history_view(self, request, object_id, extra_context=None):
        if not history.is_tracked(self.model):
            return super().history_view(request, object_id, extra_context)
        obj, redirect = self._record_or_redirect(request, object_id)
        if redirect:
            return redirect
        try:
            page = max(int(request.GET.get(PAGE_VAR, 1)), 1)
        except ValueError:
            page = 1
        versions = history.versions_of(obj).select_related("history_user")
        total = versions.count()
        start = (page - 1) * self.history_per_page
        # One more than the page shows: the version before the page's last, to say what that one changed.
        records = list(versions[start : start + self.history_per_page + 1])
        labels = history.load_relations(records, self.model)
        can_restore = self.can_restore(request, obj)
        newest_id = records[0].pk if page == 1 and records else None
        for record, older in zip(records, [*records[1:], None], strict=True):
            record.changes = history.changes_between(older, record, labels) if older else []
            record.restored_from = history.restore_date(record)
            record.restorable = can_restore and record.pk != newest_id
        last_page = max((total - 1) // self.history_per_page + 1, 1)
        context = self._context(
            request,
            obj,
            gettext("History: %s") % obj,
            versions=records[: self.history_per_page],
            page=page,
            previous_page=page - 1 if page > 1 else None,
            next_page=page + 1 if page < last_page else None,
            page_var=PAGE_VAR,
            version_count=total,
            inline_histories=self._inline_histories(request, obj),
            **(extra_context or {}),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.history_template, context)

    def _inline_histories(self, request, obj):
        """The latest versions of the records edited in this form's inlines (a city's key dates…)."""
        sections = []
        for inline in self.get_inline_instances(request, obj):
            model = inline.model
            if not history.is_tracked(model) or not inline.has_view_or_change_permission(request, obj):
                continue
            parent = next(
                (f for f in model._meta.fields if f.is_relation and f.related_model is self.model), None
            )
            if parent is None:
                continue
            records = list(
                model.history.filter(**{parent.attname: obj.pk})
                .select_related("history_user")
                .order_by(model._meta.pk.attname, "history_date", "history_id")
            )
            labels = history.load_relations(records, model)
            older = None
            for record in records:
                same_item = older is not None and older.id == record.id
                record.changes = history.changes_between(older if same_item else None, record, labels)
                record.item = str(record.instance)
                older = record
            records.sort(key=lambda record: (record.history_date, record.history_id), reverse=True)
            if records:
                sections.append(
                    {
                        "name": capfirst(model._meta.verbose_name_plural),
                        "versions": records[: self.history_per_page],
                    }
                )
        return sections

    def _two_versions(self, request, obj):
        ids = []
        for name in ("old", "new"):
            try:
                ids.append(int(request.GET.get(name, "")))
            except ValueError:
                return None
        records = list(history.versions_of(obj).filter(history_id__in=ids))
        if len(records) != 2:
            return None
        records.sort(key=lambda record: (record.history_date, record.history_id))
        return records

    def compare_view(self, request, object_id):
        obj, redirect = self._record_or_redirect(request, object_id)
        if redirect:
            return redirect
        records = self._two_versions(request, obj)
        if records is None:
            messages.error(request, gettext("Choose two different versions of this record to compare."))
            return HttpResponseRedirect(self._history_url(obj))
        old, new = records
        labels = history.load_relations(records, self.model)
        context = self._context(
            request,
            obj,
            gettext("Compare two versions: %s") % obj,
            old=old,
            new=new,
            changes=history.changes_between(old, new, labels),
            history_url=self._history_url(obj),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def restore_view(self, request, object_id, version_id):
        obj, redirect = self._record_or_redirect(request, object_id)
        if redirect:
            return redirect
        if not self.can_restore(request, obj):
            raise PermissionDenied
        record = history.versions_of(obj).filter(history_id=version_id).first()
        if record is None:
            messages.error(request, gettext("This version does not exist (any more)."))
            return HttpResponseRedirect(self._history_url(obj))
        keep = self.restore_keeps_fields
        if request.method == "POST":
            try:
                history.restore_version(obj, record, user=request.user, keep=keep)
            except history.RestoreRefused as refusal:
                messages.error(request, self._refusal_message(refusal))
                return HttpResponseRedirect(self._history_url(obj))
            messages.success(
                request,
                gettext(
                    "The version of %(date)s was restored. The publication state has not changed: publish "
                    "it separately if needed."
                )
                % {"date": formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")},
            )
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[quote(obj.pk)],
                    current_app=self.admin_site.name,
                )
            )
        problems = history.restore_problems(obj, record, keep)
        current = history.current_state(obj)
        labels = history.load_relations([current, record], self.model)
        fields = history.restored_fields(self.model, keep)
        context = self._context(
            request,
            obj,
            gettext("Restore an earlier version: %s") % obj,
            record=record,
            problems=problems,
            changes=history.changes_between(current, record, labels, fields=fields),
            kept_fields=[
                history.field_label(f)
                for f in history.version_fields(self.model)
                if f.name in set(history.PUBLICATION_FIELDS) | set(keep)
            ],
            history_url=self._history_url(obj),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.restore_template, context)

    def _refusal_message(self, refusal):
        return format_html(
            "{} {}",
            gettext("Nothing was restored:"),
            format_html_join(" ", "{}", ((problem,) for problem in refusal.problems)),
        )
