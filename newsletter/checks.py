"""Deployment checks of the newsletter's settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


@register(Tags.security, deploy=True)
def check_site_base_url(app_configs, **kwargs):
    """E-mail links are built from SITE_BASE_URL: in production it must be the public HTTPS address."""
    base = urlsplit(settings.SITE_BASE_URL)
    if base.scheme == "https" and base.hostname and base.hostname not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"SITE_BASE_URL is {settings.SITE_BASE_URL!r}: links in confirmation and unsubscribe e-mails "
            "would not reach subscribers.",
            hint="Set SITE_BASE_URL to the public HTTPS address of the site, e.g. https://international.example.org",
            id="newsletter.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_default_from_email(app_configs, **kwargs):
    """Newsletters go out from DEFAULT_FROM_EMAIL: Django's default would be refused by every mail server."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">").lower()
    if domain and domain not in LOCAL_HOSTS and domain != "localhost":
        return []
    return [
        Warning(
            f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}: newsletter e-mails need a sender address "
            "of the site's own domain.",
            hint="Set DEFAULT_FROM_EMAIL, e.g. lettre@international.example.org (the display name comes from "
            "the site profile).",
            id="newsletter.W002",
        )
    ]
