# Everything a developer runs, in one place. `make demo` and `make test` are the
# README's Quick start; both work on a fresh Debian machine.

PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-sqlite lint typecheck format check lock bench clean messages

# The exact versions of requirements-dev.lock, then the portal itself on top of them;
# `pip check` fails when pyproject.toml asks for something the lock does not hold.
$(BIN)/.installed: pyproject.toml requirements-dev.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (see scripts/find-python)." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

## Regenerate requirements.lock and requirements-dev.lock from the ranges in pyproject.toml
## (kept versions stay; LOCK_ARGS=--upgrade takes the newest the ranges allow).
## requirements.lock, for production, holds the same versions without the dev tools.
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.12 --generate-hashes --quiet $(LOCK_ARGS)
lock: $(BIN)/.installed
	$(LOCK) --extra dev -o requirements-dev.lock
	$(LOCK) -c requirements-dev.lock -o requirements.lock

## The portal with demo data on SQLite, at http://127.0.0.1:8000
demo: export DJANGO_DEBUG = 1
demo: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_demo
	@echo "Het portaal start op http://127.0.0.1:8000 (stoppen met Ctrl+C)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## The whole suite, browser tests included, against a throwaway PostgreSQL
test: $(BIN)/.installed
	scripts/system-packages
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

## The quick path (no browser) on SQLite
test-sqlite: $(BIN)/.installed
	DATABASE_URL= $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

## Compile locale/nl (Dutch for what Django's catalogs lack); commit the .mo files too.
## tests/test_admin_nederlands.py fails when a .mo does not match its .po.
messages:
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check -o "$${po%.po}.mo" "$$po"; done

## mypy with django-stubs on the modules listed in pyproject.toml
typecheck: $(BIN)/.installed
	$(BIN)/mypy

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(BIN)/.installed
	DJANGO_DEBUG=1 $(BIN)/python manage.py check
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  DJANGO_ALLOWED_HOSTS=wijkportaal.example.org SITE_URL=https://wijkportaal.example.org \
	  EMAIL_HOST=smtp.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

## Benchmarks: seeds volume, serves under gunicorn, measures each page alone and the mix
## under writes, through nginx too if installed (see README). Quicker:
## make bench BENCH_ARGS="--part writes --wijken 300 --mixed-seconds 10"
bench: $(BIN)/.installed
	scripts/system-packages hey
	scripts/with-postgres $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
