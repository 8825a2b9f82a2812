"""The one settings module. Every value that differs between machines comes from the environment.

docs/operations.md lists the variables. Safe defaults: DEBUG is off unless DJANGO_DEBUG says otherwise,
and with DEBUG off the process refuses to start without DJANGO_SECRET_KEY.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


# CORE
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
_KEY_ADVICE = (
    "Set it to a long random value (for example the output of "
    "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or set DJANGO_DEBUG=1 for local development."
)
if not DEBUG:
    # Refuse to run in production with no key or a weak one (the thresholds of Django's own deploy check).
    if not SECRET_KEY:
        raise ImproperlyConfigured(f"DJANGO_SECRET_KEY is not set. {_KEY_ADVICE}")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak: it needs at least 50 characters, 5 of them different, "
            f"and must not start with 'django-insecure'. {_KEY_ADVICE}"
        )
elif not SECRET_KEY:
    # Development only (DEBUG on): a fixed, obviously insecure key.
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "angers_intl.apps.SiteAdminConfig",  # django.contrib.admin, headed with the site's name
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's own widget templates, for FORM_RENDERER below.
    "django.forms",
    "django_countries",
    "import_export",
    # The task queue in the database: `manage.py db_worker` runs the newsletter sends (docs/operations.md).
    "django_tasks_db",
    # Staff sign-in: lockout after repeated failures, and two-factor codes (TOTP). See # STAFF SIGN-IN.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The history of content records (who changed what, field by field; compare, restore): see
    # angers_intl/history.py, which registers the models after modeltranslation has added their columns.
    "simple_history",
    "angers_intl",
    "partnerships",
    "networks",
    "news",
    "newsletter",
    "audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session and CSRF middleware, so it sees the cookies and Vary headers they add.
    "angers_intl.middleware.PublicCacheControlMiddleware",
    "angers_intl.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session given a two-factor code?
    "django_otp.middleware.OTPMiddleware",
    # A signed-in request pushes the session's expiry back by SESSION_COOKIE_AGE (the idle time).
    "angers_intl.middleware.SessionIdleExpiryMiddleware",
    # Who is acting, for the audit log (audit/services.py): the request being answered.
    "audit.middleware.AuditRequestMiddleware",
    # Who is acting, for the content history (django-simple-history): the request's user on each record.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: turns a locked-out sign-in into the lockout page (AXES_LOCKOUT_CALLABLE).
    "axes.middleware.AxesMiddleware",
]

# The history (django-simple-history) keeps an image's stored name as text of the file field's length.
SIMPLE_HISTORY_FILEFIELD_TO_CHARFIELD = True

ROOT_URLCONF = "angers_intl.urls"
WSGI_APPLICATION = "angers_intl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The admin's inline <style>/<script> carry this nonce; public pages never use it.
                "django.template.context_processors.csp",
                "angers_intl.context_processors.site_identity",
            ],
        },
    },
]
# Form widgets render with the templates above, so a widget's template lives in templates/ like every other
# (templates/angers_intl/widgets/: the admin's Markdown editor).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# DATABASES
# SQLite by default (zero setup); PostgreSQL in production: DATABASE_URL=postgres://user:pass@host:5432/name
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker (`manage.py db_worker`) write to the same file: readers never wait for a
    # writer (WAL), a writer waits for another instead of failing at once, and write transactions take the
    # lock when they begin (no deadlock when two of them start by reading).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

# TASKS
# Django's task framework with its database backend: the queue is a table, `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# CACHES
# Redis when REDIS_URL is set (shared by every app instance: rate limits need that); else per-process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "intl"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# AUTH
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# STAFF SIGN-IN (docs/operations.md, "Staff sign-in")
# django-axes counts failed sign-ins per username and client address together; after SIGN_IN_FAILURE_LIMIT
# failures that pair is locked out for SIGN_IN_LOCKOUT_MINUTES, whether the account exists or not.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client address as the newsletter's rate limits see it: REMOTE_ADDR, or the right-most X-Forwarded-For
# entry when NEWSLETTER_TRUST_X_FORWARDED_FOR says our own proxy sets it.
AXES_CLIENT_IP_CALLABLE = "angers_intl.sign_in.client_ip_address"
# The lockout page, the same whether the account exists or not (admin/locked_out.html), status 429.
AXES_LOCKOUT_CALLABLE = "angers_intl.sign_in.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Successful sign-ins are in the audit log (audit/); axes keeps only the failures it counts.
AXES_DISABLE_ACCESS_LOG = True
# Counters shared by every app instance: in Redis when there is one, else in the database.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"
)
# Two-factor sign-in (TOTP, django-otp): a staff member who enrolled a device always gives a code; with this
# on, every staff member must (one without a device enrols at the next sign-in). Off by default, so that a
# fresh install can be signed in to with a password.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)


def _totp_issuer(device):
    """The name authenticator apps show beside the account: the site's title (angers_intl/sign_in.py)."""
    from angers_intl.sign_in import totp_issuer

    return totp_issuer(device)


OTP_TOTP_ISSUER = _totp_issuer
# Sessions expire after this much inactivity (angers_intl.middleware.SessionIdleExpiryMiddleware).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60) * 60

# AUDIT LOG (audit/): sign-ins, publications, deletions, exports of subscriber data; entries older than this
# are deleted by `manage.py purge_audit_log` (run daily, docs/operations.md).
AUDIT_LOG_RETENTION_DAYS = env_int("AUDIT_LOG_RETENTION_DAYS", 365)

# INTERNATIONALISATION
# French is the default language and every translated field falls back to it.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris")

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
# A slug is prefilled from the French name in every admin (`prepopulated_fields = {"slug": ["name"]}`),
# whatever the staff member's language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = MODELTRANSLATION_DEFAULT_LANGUAGE

# STATIC AND MEDIA FILES
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names and compressed copies, served by WhiteNoise with far-future cache headers.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# UPLOADS AND REQUEST LIMITS (docs/operations.md: nginx's client_max_body_size must equal REQUEST_MAX_BYTES)
# Every image field (angers_intl/image_fields.py) refuses a file heavier or larger than these; Pillow itself
# refuses to decode more than twice the pixel limit (PIL.Image.MAX_IMAGE_PIXELS, set in apps.py).
IMAGE_UPLOAD_MAX_BYTES = env_int("IMAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
IMAGE_UPLOAD_MAX_PIXELS = env_int("IMAGE_UPLOAD_MAX_PIXELS", 40_000_000)
# The largest request body: one image at its limit and the rest of its form. nginx refuses anything larger.
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", IMAGE_UPLOAD_MAX_BYTES + 2 * 1024 * 1024)
# Django counts the non-file part of a request against this (a larger one gets our 413 page)…
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
# …keeps an uploaded file up to this size in memory (larger ones go to a temporary file)…
FILE_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BYTES
# …and refuses a request with more fields or files than these (the largest admin form has a few hundred).
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 1000)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 20)
# The admin's live Markdown preview renders at most this many characters (a longer text is still saved; its
# preview says it is too long). The longest text staff write, a legal page, is some 20,000.
MARKDOWN_PREVIEW_MAX_CHARS = env_int("MARKDOWN_PREVIEW_MAX_CHARS", 100_000)

# E-MAIL
# Django 6.1 MAILERS. Console in development; SMTP in production (EMAIL_HOST and friends), or any
# backend named by EMAIL_BACKEND (for example a provider's API backend).
_mail_backend = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_smtp_options = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": env_int("EMAIL_PORT", 587),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_bool("EMAIL_USE_TLS", True),
    "timeout": env_int("EMAIL_TIMEOUT", 20),
}
MAILERS = {
    "default": {
        "BACKEND": _mail_backend,
        "OPTIONS": _smtp_options if _mail_backend.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# SECURITY
# Behind nginx (or a load balancer) that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

# LOGGING
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# NEWSLETTER
# Absolute links in e-mails (confirm, unsubscribe) are built from this base URL, never from the request's
# Host header: e-mails will also be sent by commands that have no request. Scheme and host, no trailing slash.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# In development without SITE_BASE_URL, e-mails sent during a request link to the address being served
# (`runserver 8765` → http://127.0.0.1:8765/), see newsletter.emails.base_url_for.
SITE_BASE_URL_FROM_ENVIRONMENT = "SITE_BASE_URL" in os.environ
# A confirmation link works once, for this many hours.
NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS = env_int("NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS", 72)
# A form sent sooner than this after it was shown is treated as a robot's (neutral answer, no e-mail).
NEWSLETTER_MIN_SUBMIT_SECONDS = env_int("NEWSLETTER_MIN_SUBMIT_SECONDS", 2)
# Rate limits, counted in the cache (REDIS_URL with several app instances).
NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = env_int("NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY", 3)
NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR = env_int("NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR", 10)
# Only behind a proxy that sets X-Forwarded-For (nginx: $proxy_add_x_forwarded_for); otherwise a client could
# choose its own address and escape the per-client limit.
NEWSLETTER_TRUST_X_FORWARDED_FOR = env_bool("NEWSLETTER_TRUST_X_FORWARDED_FOR", False)
# Sending an issue (newsletter/sending.py): messages per second (0: as fast as the server takes them), rows
# claimed at a time, and the lease: a send whose worker stopped renewing it for this many seconds (killed,
# machine lost) is taken over by the next worker, so it resumes within about this delay.
NEWSLETTER_SEND_RATE = float(os.environ.get("NEWSLETTER_SEND_RATE", "10"))
NEWSLETTER_SEND_BATCH_SIZE = env_int("NEWSLETTER_SEND_BATCH_SIZE", 50)
NEWSLETTER_SEND_LEASE_SECONDS = env_int("NEWSLETTER_SEND_LEASE_SECONDS", 60)
# A temporary SMTP failure (4xx) is retried after 1, 2, 4… times this delay, at most this many attempts.
NEWSLETTER_RETRY_BASE_SECONDS = env_int("NEWSLETTER_RETRY_BASE_SECONDS", 60)
NEWSLETTER_SEND_MAX_ATTEMPTS = env_int("NEWSLETTER_SEND_MAX_ATTEMPTS", 5)
# This many refusals in a row, with no message accepted in between, pause the send: the server refuses us.
NEWSLETTER_PAUSE_AFTER_REFUSALS = env_int("NEWSLETTER_PAUSE_AFTER_REFUSALS", 5)
# Unconfirmed subscriptions older than this are deleted by `manage.py purge_unconfirmed_subscriptions`.
NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS = env_int("NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS", 30)
# `manage.py process_bounces`: an address that soft-bounced (mailbox full, 4.x.x) this many times is no
# longer sent to; a hard bounce (5.x.x) or a complaint stops it at once.
NEWSLETTER_SOFT_BOUNCE_LIMIT = env_int("NEWSLETTER_SOFT_BOUNCE_LIMIT", 3)

# PUBLIC SITE QUALITY
# Shared caches (nginx proxy_cache) may keep a public page this many seconds for anonymous visitors.
PUBLIC_PAGE_MAX_AGE = env_int("PUBLIC_PAGE_MAX_AGE", 300)
# `make bench` only: adds the benchmark's reference view (angers_intl/benchmark_views.py). Never in production.
BENCHMARK_VIEWS = env_bool("DJANGO_BENCHMARK_VIEWS", False)
# Long public lists are cut into pages of this many items (partner cities, programmes, networks…).
PUBLIC_LIST_PAGE_SIZE = env_int("PUBLIC_LIST_PAGE_SIZE", 48)
PROGRAMMES_ON_CITY_LIST = 6
# News and events: how many the home page shows, and a partner city's, programme's or network's page.
NEWS_ON_HOME_PAGE = 3
EVENTS_ON_HOME_PAGE = 3
NEWS_ON_RELATED_PAGES = 5
# Items in the Atom feed of news and events (the iCalendar feed has every published event).
NEWS_FEED_LENGTH = 30
# The timeline of the partnerships is cut into pages of this many events (key dates, first years, programmes).
TIMELINE_PAGE_SIZE = env_int("TIMELINE_PAGE_SIZE", 100)
# Page fragments (header, footer, lists) kept in CACHES["default"] (angers_intl/fragments.py); never
# longer than a shared cache keeps the page, 0 turns fragment caching off.
FRAGMENT_CACHE_SECONDS = min(env_int("FRAGMENT_CACHE_SECONDS", 60), PUBLIC_PAGE_MAX_AGE)

# Content-Security-Policy: everything from our own host, nothing inline except what carries the
# per-response nonce (only the admin asks for one, so public pages stay identical for every visitor).
_media_origin = MEDIA_URL.split("/", 3)[:3] if MEDIA_URL.startswith(("http://", "https://")) else None
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *(["/".join(_media_origin)] if _media_origin else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features the site never uses, switched off for it and anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip

# STAFF IMPORT AND EXPORT (django-import-export; see angers_intl/import_export_admin.py)
# Defence in depth: our resources already escape every text cell that a spreadsheet would run as a formula.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Whole file or nothing: a database error on one row undoes the others.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# OPEN DATA
# The partnerships are published as CSV and JSON under this licence (Etalab's, the French public sector's).
OPEN_DATA_LICENCE_NAME = os.environ.get("OPEN_DATA_LICENCE_NAME", "Licence Ouverte / Open Licence 2.0")
OPEN_DATA_LICENCE_URL = os.environ.get(
    "OPEN_DATA_LICENCE_URL", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
)
