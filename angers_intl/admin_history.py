"""The admin's history in the staff member's language, field names included.

Django stores a change message with the changed fields' labels in English (`Summary [fr]`, `Year the
relationship began`) and translates each label when the history is shown, by looking the label up in the
catalogues. That lookup fails for the labels of modeltranslation's per-language fields (no catalogue has
"Summary [fr]") and for any label whose catalogue entry is the lowercase verbose name ("summary"): the French
history then said « Modification de Summary [fr] ». `change_message()` translates a label the way the form
built it: the verbose name through gettext, capitalised, with its language suffix. The history template
(`templates/admin/object_history.html`) shows it for every model.
"""

import json
import re

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.utils.text import capfirst
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_verbose_name

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
