#!/usr/bin/env bash
# `make prod`: the production stack on this machine, as it runs in production (docs/operations.md).
# nginx on http://127.0.0.1:PORT/ stands for the TLS proxy, gunicorn behind it on a Unix socket, the task
# worker beside it; DEBUG off and a generated secret key. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"
RUN="$PWD/run"
PYTHON="$PWD/.venv/bin/python"

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "prod: installing nginx-light (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  else
    echo "nginx is missing: install it with 'sudo apt-get install -y nginx-light', then run make prod again." >&2
    exit 1
  fi
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

mkdir -p "$RUN"
# A secret key generated once for this machine's stack, kept out of the repository (run/ is ignored).
if [ ! -s "$RUN/secret-key" ]; then
  (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$RUN/secret-key")
fi
export DJANGO_SETTINGS_MODULE=angers_intl.settings
export DJANGO_DEBUG=0
DJANGO_SECRET_KEY="$(cat "$RUN/secret-key")"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
# The browser's origin is http://127.0.0.1:PORT while the application believes it is served over https.
export DJANGO_CSRF_TRUSTED_ORIGINS="http://127.0.0.1:$PORT,http://localhost:$PORT"
export SITE_BASE_URL="${SITE_BASE_URL:-http://127.0.0.1:$PORT}"
export NEWSLETTER_TRUST_X_FORWARDED_FOR=1
# No SMTP server here: e-mails are printed by the worker, as with make run.
export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"

"$PYTHON" manage.py collectstatic --noinput -v 0
"$PYTHON" manage.py migrate --noinput -v 0
"$PYTHON" manage.py load_content

"$PYTHON" deploy/render_nginx.py local --run-dir "$RUN" --port "$PORT" --upstream "unix:$RUN/gunicorn.sock" >/dev/null
"$NGINX" -t -q -c "$RUN/nginx.conf" -e "$RUN/error.log"

pids=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "prod: stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

GUNICORN_BIND="unix:$RUN/gunicorn.sock" "$PWD/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py angers_intl.wsgi &
pids+=($!)
"$PYTHON" manage.py db_worker --no-reload &
pids+=($!)
"$NGINX" -c "$RUN/nginx.conf" -e "$RUN/error.log" -g 'daemon off;' &
pids+=($!)

echo
echo "  Production stack: http://127.0.0.1:$PORT/   (nginx -> gunicorn on run/gunicorn.sock, worker, DEBUG off)"
echo "  Cache, logs and socket in run/. Ctrl-C stops everything."
echo
# Whichever stops first (or Ctrl-C) stops the others.
wait -n "${pids[@]}" || true
