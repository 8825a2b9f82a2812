"""WSGI entry point: `gunicorn angers_intl.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "angers_intl.settings")

application = get_wsgi_application()
