"""Staff sign-in beyond the password: the lockout's client address and page, and two-factor codes (TOTP).

- **Lockout** (django-axes, settings `# STAFF SIGN-IN`): failures are counted per username and client
  address together, the address as the newsletter's rate limits read it (`client_ip_address`). The lockout
  page (`admin/locked_out.html`) is the same whether the account exists or not.
- **Two-factor codes** (django-otp's TOTP devices): a staff member who enrolled an authenticator app gives
  its code after the password, on `admin:two_factor_verify`; with `STAFF_TWO_FACTOR_REQUIRED` every staff
  member must, and one without a device enrols on `admin:two_factor_setup` first. Until then the admin
  (`SiteAdminSite.has_permission`) lets the session in nowhere else. The enrolment page shows the QR code
  as inline SVG made here (segno), the secret and the `otpauth://` URI as text: nothing from another host.
"""

import math
from base64 import b32encode
from functools import wraps

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import services as audit
from newsletter.ratelimit import client_address

_HAS_DEVICE = "_two_factor_device_confirmed"


def client_ip_address(request):
    """The client address django-axes counts failures against (AXES_CLIENT_IP_CALLABLE): REMOTE_ADDR, or
    the right-most X-Forwarded-For entry behind our proxy (NEWSLETTER_TRUST_X_FORWARDED_FOR); an IPv6
    client per /64. None when the address cannot be read."""
    address = client_address(request)
    return None if address == "unknown" else address


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE), in the visitor's language, with the admin's header. It
    names neither the account nor whether it exists: the same page for every locked-out sign-in."""
    from django.contrib import admin

    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in suspended"),
        "lockout_minutes": minutes,
    }
    return render(request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def totp_issuer(device):
    """The name authenticator apps show beside the account: the site's title, in the site's default
    language (the same whatever the language of the page it was enrolled from)."""
    from .models import SiteProfile

    with translation.override(settings.LANGUAGE_CODE):
        profile = SiteProfile.objects.first()
        return str((profile.site_title if profile else "") or _("International relations"))


# -- Who must give a code --------------------------------------------------------------------------------


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_confirmed_device(user):
    """Remembered on the user object for the request (the admin asks several times)."""
    if not hasattr(user, _HAS_DEVICE):
        setattr(user, _HAS_DEVICE, TOTPDevice.objects.devices_for_user(user, confirmed=True).exists())
    return getattr(user, _HAS_DEVICE)


def is_verified(user):
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def second_step_needed(user):
    """True for a signed-in user who must still give a two-factor code (or enrol) before using the admin."""
    if not user.is_authenticated or is_verified(user):
        return False
    return settings.STAFF_TWO_FACTOR_REQUIRED or has_confirmed_device(user)


def second_step_url(request):
    """The code page, or the enrolment page for a user who has no device yet, keeping `next`."""
    name = "admin:two_factor_verify" if has_confirmed_device(request.user) else "admin:two_factor_setup"
    url = reverse(name)
    target = _next_url(request, default="")
    return f"{url}?next={target}" if target else url


def _next_url(request, default=None):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index") if default is None else default


def staff_session_required(view):
    """A signed-in, active staff member, verified or not; anyone else goes to the admin's sign-in page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return never_cache(csrf_protect(wrapped))


# -- Views (routed by SiteAdminSite.get_urls) --------------------------------------------------------------


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 8}
        ),
    )


WRONG_CODE = _("This code is wrong or has expired: give the code your app shows now.")
TOO_MANY_CODES = _("Too many wrong codes: wait a minute, then give the code your app shows.")


def _context(request, admin_site, **extra):
    return {**admin_site.each_context(request), "next": _next_url(request, default=""), **extra}


def verify_view(request, admin_site):
    """The second step of the sign-in: the code of the staff member's authenticator app."""
    user = request.user
    device = confirmed_device(user)
    if device is None:
        return redirect(second_step_url(request) if second_step_needed(user) else _next_url(request))
    if is_verified(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        verified = allowed and django_otp.verify_token(user, device.persistent_id, form.cleaned_data["token"])
        if verified:
            django_otp.login(request, verified)
            audit.record_two_factor_sign_in(user)
            return redirect(_next_url(request))
        audit.record_two_factor_failure(user)
        form.add_error("token", WRONG_CODE if allowed else TOO_MANY_CODES)
    context = _context(request, admin_site, form=form, title=_("Two-factor sign-in"))
    return TemplateResponse(request, "admin/two_factor/verify.html", context)


def setup_view(request, admin_site):
    """Enrol an authenticator app: scan the QR code (or type the secret), then give its first code."""
    user = request.user
    if has_confirmed_device(user):
        context = _context(request, admin_site, title=_("Two-factor sign-in"), enabled=True)
        return TemplateResponse(request, "admin/two_factor/setup.html", context)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            django_otp.login(request, device)
            audit.record_two_factor_enabled(user)
            messages.success(
                request, _("Two-factor sign-in is on: from now on, give a code after your password.")
            )
            return redirect(_next_url(request))
        form.add_error("token", WRONG_CODE)
    context = _context(
        request,
        admin_site,
        title=_("Set up two-factor sign-in"),
        form=form,
        qr_code=qr_code_svg(device.config_url),
        secret=grouped_secret(device),
        config_url=device.config_url,
        required=settings.STAFF_TWO_FACTOR_REQUIRED,
    )
    return TemplateResponse(request, "admin/two_factor/setup.html", context)


@require_POST
def cancel_view(request, admin_site):
    """Sign out from the code page (the admin's own sign-out is behind the code)."""
    logout(request)
    return redirect("admin:login")


def qr_code_svg(data):
    """The QR code of `data` as inline SVG, drawn here (no image from another host, no inline style)."""
    svg = segno.make(data, error="m").svg_inline(
        scale=4, title=str(_("QR code to scan with your authenticator app")), svgclass="two-factor-qr",
        lineclass=None, light="#fff",
    )  # fmt: skip
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 - segno's own markup


def grouped_secret(device):
    """The secret in base 32, in groups of four, as authenticator apps ask for it when typed."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def admin_views(admin_site):
    """The views bound to the admin site, for its get_urls."""

    def bind(view):
        return staff_session_required(lambda request: view(request, admin_site))

    return {"verify": bind(verify_view), "setup": bind(setup_view), "cancel": bind(cancel_view)}
