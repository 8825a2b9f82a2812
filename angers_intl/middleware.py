"""Response headers for the public site: shared-cache lifetime and the browser features we switch off."""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import has_vary_header, patch_cache_control


class PublicCacheControlMiddleware:
    """Lets a shared cache (nginx) keep the public pages that are the same for every anonymous visitor.

    A response gets `Cache-Control: public, max-age=PUBLIC_PAGE_MAX_AGE` only when it is a successful
    GET or HEAD outside the admin that sets no cookie, does not vary on the cookie and has no cache
    policy of its own (a view that says `never_cache` or `private` keeps it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_shareable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        return response

    @staticmethod
    def is_shareable(request, response):
        return (
            request.method in {"GET", "HEAD"}
            and response.status_code == 200
            and not request.path.startswith(reverse("admin:index"))
            and not response.cookies
            and not has_vary_header(response, "Cookie")
            and not response.has_header("Cache-Control")
        )


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` from the PERMISSIONS_POLICY setting: {feature: [allowed origins]}."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class SessionIdleExpiryMiddleware:
    """Sessions expire after `SESSION_COOKIE_AGE` seconds without a request (SESSION_IDLE_MINUTES).

    Each request of a signed-in session saves it again, which pushes its expiry (in the database and on the
    cookie) back by that age; an idle session expires. Only requests that carry the session cookie are
    looked at, so anonymous visitors' pages never touch a session (no cookie, no `Vary: Cookie`), and a
    forged cookie creates nothing (unlike SESSION_SAVE_EVERY_REQUEST, which would save a new session).
    Placed after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            request.session.modified = True
        return response
