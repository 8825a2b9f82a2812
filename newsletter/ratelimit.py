"""Fixed-window counters in Django's cache, keyed on a keyed hash: no address or e-mail in clear in the cache.

With several app instances the cache must be shared (REDIS_URL), or each instance counts on its own.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

HOUR = 60 * 60
DAY = 24 * HOUR


def _key(scope, identifier):
    digest = salted_hmac(f"newsletter.ratelimit.{scope}", identifier, algorithm="sha256").hexdigest()
    return f"newsletter:rl:{scope}:{digest}"


def hit(scope, identifier, *, limit, period):
    """Count one more event for `identifier`; True while the count stays within `limit` for `period` seconds."""
    key = _key(scope, identifier)
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): start a new window.
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def client_address(request):
    """The visitor's address as a rate-limit identifier. IPv6 clients count per /64 (one household or host).

    X-Forwarded-For is read only when NEWSLETTER_TRUST_X_FORWARDED_FOR says a proxy we run sets it; the last
    entry is the one that proxy saw (anything before it was sent by the client and may be forged).
    """
    address = request.META.get("REMOTE_ADDR", "")
    if settings.NEWSLETTER_TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            address = forwarded[-1]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def allow_submission_from(address):
    """One more form submission from this client (`client_address(request)`); False once over the hourly limit."""
    return hit(
        "client",
        address,
        limit=settings.NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR,
        period=HOUR,
    )


def allow_mail_to(email):
    """One more e-mail to this address; False once over the daily limit."""
    return hit(
        "address",
        email.lower(),
        limit=settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY,
        period=DAY,
    )
