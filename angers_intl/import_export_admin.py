"""Import and export of content files (CSV, XLSX) in the admin, the same way for every app.

django-import-export's flow (upload, preview, confirm), with the site's rules:
- Only staff who may both add and change a model import it; staff who may view it export it.
- The preview lists what will be created, changed or refused. A file with refused rows saves nothing: staff
  fix the file and upload it again, or tick "import the valid rows and skip the rows with errors" on the
  confirm step. The confirm step imports the file again and still saves nothing when a row fails.
- The uploaded file waits for the confirm step in the temporary folder, under a name this module gives it;
  any other name sent back is refused.
"""

import re
import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ExportForm
from import_export.results import RowResult
from import_export.tmp_storages import TempFolderStorage

UPLOAD_PREFIX = "staff-import-"
UPLOAD_NAME = re.compile(rf"{UPLOAD_PREFIX}[a-z0-9_]+")


class UploadMissing(Exception):
    """The file uploaded for the preview is gone (expired temporary folder, another server)."""


class UploadStorage(TempFolderStorage):
    """The temporary folder, holding only files named by this storage."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.name is not None and not UPLOAD_NAME.fullmatch(self.name):
            raise SuspiciousOperation("Import file name not issued by the upload storage.")

    def read(self):
        try:
            return super().read()
        except FileNotFoundError:
            raise UploadMissing from None

    def _open(self, mode="r"):
        if not self.name:
            upload = tempfile.NamedTemporaryFile(prefix=UPLOAD_PREFIX, delete=False)  # noqa: SIM115
            self.name = upload.name
            return upload
        return super()._open(mode)


class ConfirmImportOrSkipForm(ConfirmImportForm):
    skip_invalid_rows = forms.BooleanField(required=False)


def invalid_row_count(result):
    return len(result.invalid_rows)


def importable_row_count(result):
    return sum(
        1
        for row in result.valid_rows()
        if row.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
    )


class StaffImportExportMixin(ImportExportMixin):
    """Add before the ModelAdmin class; set `resource_classes = [TheResource]`."""

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    # Every column, always: a file staff edit and import back must be complete.
    export_form_class = ExportForm
    confirm_form_class = ConfirmImportOrSkipForm
    import_template_name = "admin/import_export/staff_import.html"
    tmp_storage_class = UploadStorage
    # With a byte order mark, spreadsheets read the UTF-8 accents right.
    to_encoding = "utf-8-sig"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        # The columns an import reads: not the read-only ones (`published` is exported for information).
        context["fields_list"] = [
            (
                resource.get_display_name(),
                [f.column_name for f in resource().get_import_fields() if not f.readonly],
            )
            for resource in self.get_import_resource_classes(request)
        ]
        result = context.get("result")
        if result is not None and not result.has_errors() and result.has_validation_errors():
            # import-export only lets a clean file through; offer the explicit skip when some rows are valid.
            context["invalid_row_count"] = invalid_row_count(result)
            context["importable_row_count"] = importable_row_count(result)
            if context["importable_row_count"]:
                context["confirm_form"] = self.create_confirm_form(request, import_form=context["form"])
        return response

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except UploadMissing:
            messages.error(request, _("The uploaded file is no longer available: upload it again."))
            return self._import_page()

    def process_dataset(self, dataset, form, request, **kwargs):
        skip_invalid_rows = form.cleaned_data.get("skip_invalid_rows", False)
        result = super().process_dataset(
            dataset, form, request, rollback_on_validation_errors=not skip_invalid_rows, **kwargs
        )
        result.invalid_rows_skipped = skip_invalid_rows
        return result

    def process_result(self, result, request):
        refused = invalid_row_count(result)
        if result.has_errors() or (refused and not result.invalid_rows_skipped):
            # Rolled back: import-export undoes the whole file when a row fails.
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row has errors. Correct the file and upload it again.",
                    "Nothing was imported: %(count)d rows have errors. Correct the file and upload it again.",
                    refused or 1,
                )
                % {"count": refused or 1},
            )
            return self._import_page()
        response = super().process_result(result, request)
        self._record_import(result, request)
        if refused:
            messages.warning(
                request,
                ngettext(
                    "%(count)d row with errors was skipped.",
                    "%(count)d rows with errors were skipped.",
                    refused,
                )
                % {"count": refused},
            )
        return response

    def _record_import(self, result, request):
        from import_export.results import RowResult

        from audit import services as audit

        audit.record_import(
            self.model,
            created=result.totals[RowResult.IMPORT_TYPE_NEW],
            updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
            skipped=result.totals[RowResult.IMPORT_TYPE_SKIP] + invalid_row_count(result),
            file_name=request.POST.get("original_file_name", ""),
            actor=request.user,
        )

    def _import_page(self):
        app_label, model_name = self.get_model_info()
        return HttpResponseRedirect(
            reverse(f"admin:{app_label}_{model_name}_import", current_app=self.admin_site.name)
        )
