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

# Sync workers, one process per core plus one: a page is CPU-bound Python (templates); nginx buffers slow
# clients, so a worker never waits on one. gthread measured no faster on the pages and slower on the
# prebuilt-bytes view (docs/operations.md). GUNICORN_WORKER_CLASS=gthread and GUNICORN_THREADS switch.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Only gthread keeps nginx's upstream connections alive; sync workers close each one.
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
