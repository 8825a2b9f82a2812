"""Running the application in other processes, as production does: its own environment and database."""

import os
import subprocess
import sys

from django.conf import settings

SECRET_KEY = "process-test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"


def app_environment(folder, **overrides):
    """The environment of an application process whose SQLite file and media folder are in `folder`."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="angers_intl.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # On, as in production: behind the proxy (X-Forwarded-Proto: https) the application must not redirect.
        DJANGO_SECURE_SSL_REDIRECT="1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    )
    environment.pop("REDIS_URL", None)
    environment.update(overrides)
    return environment


def manage(folder, *args, check=True, **overrides):
    """`manage.py *args` in another process on the database of `folder`; its result."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=app_environment(folder, **overrides),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result
