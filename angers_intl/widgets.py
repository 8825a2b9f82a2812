"""The admin's Markdown editor: a textarea with a formatting toolbar and a live preview in the public style.

Every Markdown field (`angers_intl.text_fields.MarkdownField`, each language's column included) gets it in
every admin form and inline, from one hook (`angers_intl.translation_admin.MarkdownEditorMixin`).

- The toolbar is GitHub's `<markdown-toolbar>` custom element (`@github/markdown-toolbar-element`, vendored
  from npm into `static/vendor/markdown-toolbar-element/`, `make vendor`): real `<button>`s named in the staff
  member's language by the template, `aria-controls` the textarea, arrow keys between them; the toolbar is
  named after the field and its language ("Formatting – Summary [en]").
- The preview region shows the text as the public pages render it (`angers_intl.markdown`), first from the
  server with the form, then, as staff type (300 ms after the last key), from `admin:markdown_preview`
  (`angers_intl.markdown_preview`). It is named "Preview – <field>", `aria-live="polite"`, marked with the
  field's language, and never takes the focus; its links do not navigate away from the form.
- Under the admin's Content-Security-Policy: scripts and styles are static files (`Media`), no inline code.
- Without JavaScript, the toolbar and the preview stay hidden and the textarea works as before.
"""

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.forms.widgets import Script
from django.urls import reverse
from django.utils import translation

from .markdown import render_markdown


class MarkdownEditor(AdminTextareaWidget):
    template_name = "angers_intl/widgets/markdown_editor.html"

    def __init__(self, attrs=None, *, label="", language=None):
        super().__init__(attrs)
        self.label = label
        self.language = language

    @property
    def media(self):
        return forms.Media(
            css={"all": ["css/markdown_editor.css"]},
            js=[
                Script("vendor/markdown-toolbar-element/index.js", type="module"),
                Script("markdown_editor/editor.js", defer=True),
            ],
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        language = self.language or translation.get_language()
        with translation.override(language):
            preview = render_markdown(context["widget"]["value"] or "")
        context["widget"].update(
            label=self.label,
            language=language,
            preview=preview,
            preview_url=reverse("admin:markdown_preview"),
        )
        return context
