"""gunicorn as production runs it: `gunicorn -c deploy/gunicorn.conf.py angers_intl.wsgi`.

Behind nginx (deploy/nginx/), on a Unix socket that only nginx reaches. The worker model was chosen by
measurement on the Angers content (docs/operations.md, "Choosing the WSGI server"). Every value can be
overridden from the environment without editing this file.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "unix:/run/angers-intl/gunicorn.sock")
# The socket is the only way in: nginx (same machine, same group) connects to it.
umask = 0o007

# One process per core plus one: a page is CPU-bound Python (templates), threads only help while a
# request waits on the database or a slow client, which nginx already buffers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# nginx keeps connections to the socket open (upstream keepalive): gthread workers reuse them.
keepalive = 30

# Load the application once, before forking: faster start, shared memory.
preload_app = True
# A request longer than this is stuck (the slowest page renders in well under a second).
timeout = 30
graceful_timeout = 30
# Recycle workers from time to time, against slow leaks; jitter so they never restart together.
max_requests = 5000
max_requests_jitter = 500

# Logs to standard error (journald collects them); nginx writes the access log.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# nginx is the only client: trust its X-Forwarded-* headers (Django reads X-Forwarded-Proto itself).
forwarded_allow_ips = "*"
proc_name = "angers-intl"
