# Everything a developer runs, in one place. `make demo` and `make test` are the
# README's Quick start; both work on a fresh Debian machine.

PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
# xstatic-bootstrap's source package still imports pkg_resources while building.
export PIP_CONSTRAINT := $(CURDIR)/scripts/build-constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-sqlite lint format check bench clean

$(BIN)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (see scripts/find-python)." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

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

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(BIN)/.installed
	DJANGO_DEBUG=1 $(BIN)/python manage.py check
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  DJANGO_ALLOWED_HOSTS=wijkportaal.example.org SITE_URL=https://wijkportaal.example.org \
	  EMAIL_HOST=smtp.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

## Benchmarks: seeds volume, serves under gunicorn, measures (see README)
bench: $(BIN)/.installed
	scripts/system-packages hey
	scripts/with-postgres $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
