# The two commands a newcomer needs: `make run` and `make test`. Everything else is here for daily work.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# First interpreter that is 3.12 or newer (pyenv picks 3.13 from .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)
MANAGE := $(BIN)/python manage.py

# What a test run needs (DEBUG off, a test-only key, the test hosts) is set by pytest itself: see `env` in
# pyproject.toml's [tool.pytest.ini_options], so plain `.venv/bin/pytest` works as `make test` does.
DEV_ENV := DJANGO_DEBUG=1
# The files the linters read: what git tracks or would track (never .venv nor generated files).
PY_FILES = $(shell git ls-files --cached --others --exclude-standard '*.py')
TEMPLATES = $(shell git ls-files --cached --others --exclude-standard '*.html')

.PHONY: help run prod test lint format messages superuser check-deploy backup restore bench bench-mail clean vendor axe-core

help:
	@echo "make run        set everything up and serve the site on http://127.0.0.1:$(PORT)/"
	@echo "make prod       the production stack locally: nginx (shared cache) + gunicorn + worker on http://127.0.0.1:8080/"
	@echo "make test       set everything up and run the linters, the migration check and the whole test suite"
	@echo "make lint       ruff, django-upgrade and djade in check mode (the pre-commit hooks, same tools)"
	@echo "make superuser  create the first staff account"
	@echo "make messages   extract translatable strings into locale/ and compile them"
	@echo "make bench      query counts and timings of the public pages, then the nginx/gunicorn stack with wrk"
	@echo "make bench-mail one newsletter issue to 10,000 subscribers through the worker (benchmarks/mail.py)"
	@echo "make backup     database and media files into backups/<date>/ with checksums (make restore BACKUP=…)"
	@echo "make format     fix what the linters report: ruff, django-upgrade, djade"
	@echo "make vendor     refresh static/vendor/ from npm at the pinned versions (needs npm; the site never runs it)"
	@echo "make clean      remove the virtualenv, the SQLite database and collected static files"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is required: install Python 3.13 (e.g. 'pyenv install 3.13') and run make again." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.lock requirements-dev.lock
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

run: $(VENV)/.installed
	$(DEV_ENV) $(MANAGE) migrate --noinput
	$(DEV_ENV) $(MANAGE) load_content
	@echo
	@echo "  Site:  http://127.0.0.1:$(PORT)/     Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  First staff account: run 'make superuser' (or '$(MANAGE) createsuperuser') in another terminal."
	@echo "  E-mails are printed here, in this console; a worker (manage.py db_worker) sends the newsletter issues."
	@echo "  Ctrl-C stops both."
	@echo
	@export SITE_BASE_URL=$${SITE_BASE_URL:-http://127.0.0.1:$(PORT)}; \
		$(DEV_ENV) $(MANAGE) db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The production stack (deploy/): nginx with the shared cache on 127.0.0.1:$(PORT), 8080 unless given,
# gunicorn on a Unix socket in run/, the task worker. Ctrl-C stops them all.
prod: $(VENV)/.installed
	@deploy/prod.sh $(if $(filter command line environment,$(origin PORT)),$(PORT),8080)

# The Nu Html Checker for the HTML-validation tests, from its npm package, when npm is there.
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@26.9.27 >/dev/null \
		|| echo "npm not found: the HTML-validation tests will be skipped (they need vnu.jar)"

# axe-core for the accessibility checks of the browser tests, from its npm package (newer than the copy in
# the PyPI package axe_playwright_python).
AXE_CORE_VERSION := 4.14.1
AXE_CORE := .tools/node_modules/axe-core/axe.min.js
$(AXE_CORE):
	@command -v npm >/dev/null 2>&1 && npm install --silent --no-audit --no-fund --prefix .tools axe-core@$(AXE_CORE_VERSION) >/dev/null \
		|| echo "npm not found: the accessibility checks of the browser tests will be skipped (they need axe-core)"
axe-core: $(AXE_CORE)

# Browser code vendored from npm into static/vendor/ (committed: the site never downloads anything). Bump the
# version here, run `make vendor`, read the diff, commit. npm installs into a temporary folder, removed after.
MARKDOWN_TOOLBAR_VERSION := 2.2.3
vendor:
	@command -v npm >/dev/null 2>&1 || { echo "make vendor needs npm" >&2; exit 1; }
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
		npm install --silent --no-audit --no-fund --prefix "$$tmp" @github/markdown-toolbar-element@$(MARKDOWN_TOOLBAR_VERSION); \
		package="$$tmp/node_modules/@github/markdown-toolbar-element"; \
		mkdir -p static/vendor/markdown-toolbar-element; \
		cp "$$package/dist/index.js" "$$package/LICENSE" static/vendor/markdown-toolbar-element/; \
		echo "@github/markdown-toolbar-element $(MARKDOWN_TOOLBAR_VERSION) (npm, MIT licence): dist/index.js and LICENSE, copied by 'make vendor'." \
			> static/vendor/markdown-toolbar-element/VERSION
	@cat static/vendor/markdown-toolbar-element/VERSION

test: lint
	-@$(MAKE) --no-print-directory $(VNU_JAR) $(AXE_CORE)
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# The checks of .pre-commit-config.yaml, with the same pinned tools; none of them writes a file.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@echo "$(BIN)/django-upgrade --target-version 6.1 --check <the Python files>"
	@$(BIN)/django-upgrade --target-version 6.1 --check $(PY_FILES)
	@echo "$(BIN)/djade --target-version 6.1 --check <the templates>"
	@$(BIN)/djade --target-version 6.1 --check $(TEMPLATES)

# django-upgrade first: ruff then formats what it rewrote. djade exits 1 when it reformatted a file.
format: $(VENV)/.installed
	@$(BIN)/django-upgrade --target-version 6.1 --exit-zero-even-if-changed $(PY_FILES)
	-@$(BIN)/djade --target-version 6.1 $(TEMPLATES)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed
	$(DEV_ENV) $(MANAGE) makemessages --locale fr --locale en --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*'
	$(DEV_ENV) $(MANAGE) compilemessages --ignore '.venv/*'

superuser: $(VENV)/.installed
	$(DEV_ENV) $(MANAGE) createsuperuser

check-deploy: $(VENV)/.installed
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
		DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-international.example.org} \
		SITE_BASE_URL=$${SITE_BASE_URL:-https://international.example.org} \
		DEFAULT_FROM_EMAIL=$${DEFAULT_FROM_EMAIL:-lettre@international.example.org} \
		$(MANAGE) check --deploy --fail-level WARNING

# Backups (angers_intl/backups.py): the database and media files with a manifest of SHA-256 checksums.
# With the environment of the site (production: its DJANGO_SECRET_KEY, DATABASE_URL…); without a secret key,
# the local development database of `make run`.
BACKUP_ENV = DJANGO_DEBUG=$${DJANGO_DEBUG:-$$([ -n "$$DJANGO_SECRET_KEY" ] && echo 0 || echo 1)}
BACKUP_DIR ?= backups/$(shell date -u +%Y-%m-%dT%H%M%SZ)
backup: $(VENV)/.installed
	$(BACKUP_ENV) $(MANAGE) backup $(BACKUP_DIR)

restore: $(VENV)/.installed
	@if [ -z "$(BACKUP)" ]; then echo "Say which backup: make restore BACKUP=backups/2026-12-01T031500Z" >&2; exit 2; fi
	$(BACKUP_ENV) $(MANAGE) restore $(BACKUP) $(RESTORE_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/pages.py
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "wrk is missing: sudo apt-get install -y wrk (the stack benchmark needs it)" >&2; exit 1; }
	$(BIN)/python benchmarks/stack.py

bench-mail: $(VENV)/.installed
	$(BIN)/python benchmarks/mail.py
