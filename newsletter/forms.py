"""The public forms: subscribe, and ask for an unsubscribe link. No CSRF token in them (see docs/architecture.md).

Besides what the visitor types, each form carries a signed "shown at" time and a honeypot field that people
never see nor reach; robots fill it.
"""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from .models import Subscriber
from .tokens import form_age_seconds, make_form_issue_stamp

EMAIL_MAX_LENGTH = Subscriber._meta.get_field("email").max_length
HONEYPOT_FIELD = "website"


def form_source(request):
    """The path of the page showing a form, recorded as where the consent was given. Secret tokens of
    confirmation and unsubscribe pages are left out."""
    if request is None:
        return ""
    path = request.path
    match = getattr(request, "resolver_match", None)
    token = match.kwargs.get("token") if match else None
    if token:
        path = path.replace(f"{token}/", "")
    return path


class LanguageSelect(forms.Select):
    """Each language named in itself, with its lang attribute (screen readers pronounce it right)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["lang"] = value
        return option


def language_choices():
    return [(code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES]


class AntiAbuseForm(forms.Form):
    """The hidden parts every public newsletter form shares."""

    issued = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("issued", make_form_issue_stamp())

    def honeypot_filled(self):
        """A robot's form: it filled the field people never see. Call after is_valid().

        Such forms get the same neutral answer as any other, and no e-mail."""
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def sent_too_fast(self):
        """Sent back sooner than NEWSLETTER_MIN_SUBMIT_SECONDS after it was shown (or without a genuine
        stamp). A person can do that too (autofill, then Enter): they get the form again, never a false
        "check your inbox" (see `second_chance`). Call after is_valid()."""
        age = form_age_seconds(self.cleaned_data.get("issued"))
        return age is None or age < settings.NEWSLETTER_MIN_SUBMIT_SECONDS

    def second_chance(self):
        """The same form again, unbound, with what the visitor typed and a fresh "shown at" stamp: one
        click sends it. It says nothing about the address (no lookup is made)."""
        kept = {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in ("issued", HONEYPOT_FIELD)
        }
        return type(self)(initial=kept, auto_id=self.auto_id)


def email_field():
    return forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, for example name@example.org."),
            "max_length": _("This address is too long: at most %(limit_value)d characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class SubscriptionForm(AntiAbuseForm):
    email = email_field()
    language = forms.ChoiceField(
        label=_("Newsletter language"),
        choices=language_choices,
        widget=LanguageSelect,
        error_messages={"invalid_choice": _("Choose French or English.")},
    )
    # Cleaned and cut to size by the service: a long page path must never make the form fail unseen.
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    field_order = ["email", "language", "website", "issued", "source"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("language", get_language())
            self.initial.setdefault("source", form_source(request))


class UnsubscriptionRequestForm(AntiAbuseForm):
    email = email_field()

    field_order = ["email", "website", "issued"]
