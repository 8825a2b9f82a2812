"""The audit log, for administrators (superusers and the Administration group, through the
`view_auditentry` permission): read it, filter it by action and date, search it. Nobody adds,
changes or deletes an entry here (the purge command deletes them after the retention period)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["moment", "action", "actor_name", "record_type", "record", "detail"]
    list_filter = ["action", "moment"]
    date_hierarchy = "moment"
    search_fields = ["actor_name", "object_repr", "object_id", "detail"]
    search_help_text = _("Search by username, record name or id, or detail.")
    list_select_related = ["content_type"]
    list_per_page = 100
    fields = ["moment", "action", "actor_name", "record_type", "object_id", "record", "detail"]
    readonly_fields = fields

    @admin.display(description=_("type of record"))
    def record_type(self, obj):
        return obj.content_type.name if obj.content_type else "—"

    @admin.display(description=_("record"))
    def record(self, obj):
        if obj.object_repr:
            return obj.object_repr
        return f"#{obj.object_id}" if obj.object_id else "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
