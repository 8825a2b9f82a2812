"""Which language a translated content field is shown in: its own, or the fallback's.

A field left empty in English shows the French text on the English pages (modeltranslation's fallback).
Screen readers must then read it as French: the public templates mark such a value with `lang="fr"`, through
the `translated` tag and the `fallback_language` filter (`angers_intl/templatetags/site_tags.py`), the one way
every template shows a translated field. Both only read the loaded object's columns (`name_fr`, `name_en`):
no query, and a page fragment kept in the cache (keyed on the language and the content version) stays right.
"""

from django.utils.text import capfirst, get_text_list
from django.utils.translation import get_language, get_language_info, gettext, pgettext, pgettext_lazy
from modeltranslation import settings as mt_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order


def _is_translated(obj, field_name):
    try:
        # `__class__`, not type(): a template may hold the record in a SimpleLazyObject.
        options = translator.get_options_for_model(obj.__class__)
    except NotRegistered:
        return False
    return field_name in options.all_fields


def shown_language(obj, field_name):
    """The language of the value `obj.<field_name>` shows now (the active language, or the first fallback
    that has one); None for an empty or untranslated field."""
    if obj is None or not _is_translated(obj, field_name):
        return None
    active = get_language() or mt_settings.DEFAULT_LANGUAGE
    for language in resolution_order(active, mt_settings.FALLBACK_LANGUAGES):
        if language not in mt_settings.AVAILABLE_LANGUAGES:
            continue
        value = getattr(obj, build_localized_fieldname(field_name, language), None)
        if value:  # modeltranslation's rule for text: None and "" fall back
            return language
    return None


def fallback_language(obj, field_name):
    """The language to mark on `obj.<field_name>` ("fr" when the English page shows the French text), or ""
    when the value is in the page's own language."""
    language = shown_language(obj, field_name)
    page_language = (get_language() or mt_settings.DEFAULT_LANGUAGE).split("-")[0]
    return language if language and language.split("-")[0] != page_language else ""


def missing_translations(obj):
    """{language: [field label]}: the translated fields of `obj` that have a text in the default language
    and none in another language, whose pages therefore show the default language's text."""
    try:
        options = translator.get_options_for_model(obj.__class__)
    except NotRegistered:
        return {}
    default = mt_settings.DEFAULT_LANGUAGE
    missing = {}
    in_form_order = [field.name for field in obj._meta.fields if field.name in options.all_fields]
    for field_name in in_form_order:
        if not getattr(obj, build_localized_fieldname(field_name, default), None):
            continue
        for language in mt_settings.AVAILABLE_LANGUAGES:
            if language != default and not getattr(
                obj, build_localized_fieldname(field_name, language), None
            ):
                label = capfirst(obj._meta.get_field(field_name).verbose_name)
                missing.setdefault(language, []).append(label)
    return missing


# A language's name inside a sentence (« en anglais »), where the settings' names are capitalised.
LANGUAGE_IN_A_SENTENCE = {
    "fr": pgettext_lazy("language name in a sentence", "French"),
    "en": pgettext_lazy("language name in a sentence", "English"),
}


def language_in_a_sentence(code):
    return LANGUAGE_IN_A_SENTENCE.get(code) or get_language_info(code)["name_translated"]


def missing_translations_warning(records):
    """The sentences that tell staff, per language, which fields of `records` (the saved record, then its
    inline records) its pages show in the default language for want of a translation; [] when none."""
    by_language = {}
    for index, record in enumerate(records):
        for language, labels in missing_translations(record).items():
            fields = get_text_list(labels, gettext("and"))
            if index:  # an inline record: say which one
                fields = gettext("%(name)s “%(object)s”: %(fields)s") % {
                    "name": record._meta.verbose_name,
                    "object": record,
                    "fields": fields,
                }
            by_language.setdefault(language, []).append(fields)
    return [
        gettext(
            "Empty in %(language)s, so the %(language)s pages show the %(fallback)s text instead: %(fields)s."
        )
        % {
            "language": language_in_a_sentence(language),
            "fallback": language_in_a_sentence(mt_settings.DEFAULT_LANGUAGE),
            "fields": pgettext("between groups of fields", "; ").join(groups),
        }
        for language, groups in by_language.items()
    ]
