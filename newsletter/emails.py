"""The e-mails of the subscription lifecycle: plain text and HTML, in the subscriber's language.

Every e-mail carries a working unsubscribe link (in the body and in the List-Unsubscribe headers, RFC 8058
one-click). Links are absolute, built from SITE_BASE_URL; in development without it, from the address the
request was served at (`base_url_for`).
"""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from angers_intl.models import SiteProfile

from .tokens import make_confirmation_token, make_unsubscribe_token


def sender_display_name(profile):
    """The name shown as the sender: the site profile's newsletter sender name, else the site's title."""
    return profile.newsletter_sender_name or profile.site_title or profile.city_name


def sender_address(profile):
    """From: the display name of the site profile and the address of DEFAULT_FROM_EMAIL."""
    name = sender_display_name(profile)
    return formataddr((name, settings.DEFAULT_FROM_EMAIL)) if name else settings.DEFAULT_FROM_EMAIL


def base_url_for(request):
    """The scheme and host e-mails sent while answering `request` link to.

    SITE_BASE_URL, except in development (DEBUG) when the environment does not set it: then the address the
    request was served at, so that `make run PORT=8765` mails links to port 8765. Production never trusts
    the Host header for links that leave the site.
    """
    if request is not None and settings.DEBUG and not settings.SITE_BASE_URL_FROM_ENVIRONMENT:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.SITE_BASE_URL


def absolute_url(path, base_url=None):
    return f"{base_url or settings.SITE_BASE_URL}{path}"


def unsubscribe_path(subscriber_id, unsubscribe_key):
    token = make_unsubscribe_token(subscriber_id, unsubscribe_key)
    return reverse("newsletter:unsubscribe", kwargs={"token": token})


def unsubscribe_url_maker():
    """A function (language, subscriber id, unsubscribe key) → absolute unsubscribe URL, for many rows at once:
    the path of each language is reversed once."""
    placeholder = "__token__"
    paths = {}

    def make(language, subscriber_id, unsubscribe_key):
        if language not in paths:
            with translation.override(language):
                paths[language] = absolute_url(
                    reverse("newsletter:unsubscribe", kwargs={"token": placeholder})
                )
        return paths[language].replace(placeholder, make_unsubscribe_token(subscriber_id, unsubscribe_key))

    return make


def confirmation_path(subscriber):
    return reverse("newsletter:confirm", kwargs={"token": make_confirmation_token(subscriber)})


def send_confirmation_request(subscriber, base_url=None):
    """Ask a pending subscriber to confirm: the double opt-in."""
    _send(subscriber, "confirmation", with_confirm_link=True, base_url=base_url)


def send_already_subscribed(subscriber, base_url=None):
    """Someone asked to subscribe an address that is already confirmed: tell its owner, change nothing."""
    _send(subscriber, "already_subscribed", base_url=base_url)


def send_unsubscribe_link(subscriber, base_url=None):
    """Someone asked, on the newsletter page, to unsubscribe this address: send its owner the link."""
    _send(subscriber, "unsubscribe_link", base_url=base_url)


def _send(subscriber, name, *, with_confirm_link=False, base_url=None):
    def link(path):
        return absolute_url(path, base_url)

    with translation.override(subscriber.language):
        profile = SiteProfile.current()
        unsubscribe_url = link(unsubscribe_path(subscriber.pk, subscriber.unsubscribe_key))
        context = {
            "site_name": profile.site_title or profile.city_name or gettext("International relations"),
            "site_url": link(reverse("home")),
            "newsletter_url": link(reverse("newsletter:signup")),
            "privacy_url": link(reverse("privacy")),
            "contact_email": profile.contact_email,
            "email": subscriber.email,
            "unsubscribe_url": unsubscribe_url,
            "max_age_hours": settings.NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS,
            "purge_days": settings.NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS,
            "LANGUAGE_CODE": subscriber.language,
        }
        if with_confirm_link:
            # Inside the language override: the link's path is in the subscriber's language.
            context["confirm_url"] = link(confirmation_path(subscriber))
        subject = " ".join(render_to_string(f"newsletter/email/{name}_subject.txt", context).split())
        text = render_to_string(f"newsletter/email/{name}.txt", context)
        html = render_to_string(f"newsletter/email/{name}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=sender_address(profile),
        to=[subscriber.email],
        reply_to=[profile.contact_email] if profile.contact_email else None,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
