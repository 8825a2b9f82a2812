"""The admin's live Markdown preview: what staff type, rendered as the public pages will show it.

The editor (`angers_intl.widgets.MarkdownEditor`) posts the text of a field and its language to
`admin:markdown_preview` as staff type; the answer is the HTML of `angers_intl.markdown.render_markdown`, the
public site's renderer and sanitiser, in that language (so a link to another site is announced in the
language of the page it will appear on). Signed-in staff who may add or change a record with a Markdown field
use it; the admin sends anyone else to its login page (`admin_view`), and staff without such a permission get
a 403. A text longer than `MARKDOWN_PREVIEW_MAX_CHARS` is not rendered: the answer says so, in the staff
member's language. Nothing is stored.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .markdown import render_markdown
from .text_fields import MarkdownField


@cache
def models_with_markdown():
    """Every model that has a Markdown field (its per-language columns share the field's class)."""
    return tuple(
        model
        for model in apps.get_models()
        if any(isinstance(field, MarkdownField) for field in model._meta.get_fields())
    )


def can_preview_markdown(user):
    """Active staff who may add or change a record of a model with a Markdown field."""
    if not (user.is_active and user.is_staff):
        return False
    return any(
        user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
        for model in models_with_markdown()
        for action in ("add", "change")
    )


@dataclass(frozen=True)
class MarkdownPreview:
    html: str = ""
    error: str = ""


def preview_markdown(text, *, language=None):
    """The public rendering of `text` in `language` (a site language; the current one otherwise), or the
    reason it is not rendered, in the current language."""
    limit = settings.MARKDOWN_PREVIEW_MAX_CHARS
    if len(text) > limit:
        return MarkdownPreview(
            error=gettext(
                "This text is too long to preview: %(length)s characters, and the preview shows at most "
                "%(limit)s. Saving is not affected."
            )
            % {
                "length": number_format(len(text), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            }
        )
    site_languages = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in site_languages else translation.get_language()):
        return MarkdownPreview(html=str(render_markdown(text)))


@require_POST
def markdown_preview_view(request):
    """JSON: {"html": …} (200), or {"error": …} (413 for a text over the limit). Wrapped by the admin site's
    `admin_view` (sign-in, CSRF, never cached)."""
    if not can_preview_markdown(request.user):
        raise PermissionDenied
    preview = preview_markdown(request.POST.get("text", ""), language=request.POST.get("language"))
    if preview.error:
        return JsonResponse({"error": preview.error}, status=413)
    return JsonResponse({"html": preview.html})
