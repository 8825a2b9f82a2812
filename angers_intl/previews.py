"""Staff previews: one mechanism for every model staff may see before visitors do.

A public view that can be previewed mixes in `Previewable` and reads its records through
`self.visible(queryset)` (the ones public now: `PublishableQuerySet.published()`). Its preview is the same view with `StaffPreview` mixed in
first, on a URL of its own (`…/apercu/…` · `…/preview/…`):

- only active staff with the model's view permission see it: anyone else is sent to the admin's login
  page, staff without the permission get a 403; a session that still owes its two-factor code is sent to
  the code (through the login page, as in the admin: angers_intl/sign_in.py);
- every record is shown, published or not, in the public template; `base.html` adds the preview banner
  (`includes/preview_banner.html`) and `noindex`, from the `preview` context variable;
- the response is `Cache-Control: private, no-store`: no cache keeps a page visitors must not see.

The admin's "view on site" leads to the preview of an unpublished item (`SiteTranslationAdmin`).
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_permission_codename
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .sign_in import second_step_needed


class Previewable:
    """A public view of published records, which `StaffPreview` turns into their staff preview."""

    preview = False

    def visible(self, queryset):
        """The records this view shows: the published ones, or every one in a staff preview."""
        return queryset if self.preview else queryset.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=self.preview, **kwargs)


class StaffPreview:
    """Mixed in before a `Previewable` view: its staff-only, uncacheable preview (see the module)."""

    preview = True

    @classmethod
    def as_view(cls, **initkwargs):
        return staff_member_required(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        if second_step_needed(request.user):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        options = self.model._meta
        if not request.user.has_perm(f"{options.app_label}.{get_permission_codename('view', options)}"):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response
