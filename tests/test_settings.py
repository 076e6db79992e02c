import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from communitycare.lib.databases import database_from_url
from tests.conftest import UNSAFE_CSP

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sqlite_default_is_tuned_for_concurrent_writers(tmp_path):
    config = database_from_url("", tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5


def test_postgres_url_uses_psycopg():
    config = database_from_url("postgresql://cc:pw@db.example.org:5433/cc", Path("unused"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example.org", 5433, "cc")
    assert config["OPTIONS"]["options"] == "-c jit=off"


@pytest.mark.django_db
def test_postgres_connections_do_not_jit_compile():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_production_without_secret_key_stops_with_a_clear_message():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "wijkportaal.example.org",
    "SITE_URL": "https://wijkportaal.example.org",
    "EMAIL_HOST": "smtp.example.org",
}


def deploy_check(**env: str) -> subprocess.CompletedProcess:
    return run_manage("check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, **env})


def test_deploy_check_is_clean_with_production_settings():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "site_url",
    ["", "http://127.0.0.1:8000", "https://localhost", "https://[::1]:8443", "wijkportaal.nl"],
)
def test_production_refuses_a_missing_or_loopback_site_url(site_url):
    result = deploy_check(SITE_URL=site_url)
    assert result.returncode != 0
    assert "communitycare.E001" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "kort-maar-willekeurig-Qx7",
        "change-me-to-a-long-random-value-" + secrets.token_urlsafe(20),
        "django-insecure-" + secrets.token_urlsafe(40),
        "a-production-like-secret-" + "x" * 40,
        "abcabcabc" * 8,
    ],
)
def test_production_refuses_a_short_or_guessable_secret_key(key):
    result = deploy_check(DJANGO_SECRET_KEY=key)
    assert result.returncode != 0
    assert "communitycare.E002" in result.stderr


def test_migrate_refuses_too_not_only_the_deploy_check(tmp_path):
    env = {**PRODUCTION, "SITE_URL": "http://localhost:8000"}
    result = run_manage("migrate", "--check", DATABASE_URL=f"sqlite:///{tmp_path}/db", **env)
    assert result.returncode != 0
    assert "communitycare.E001" in result.stderr


def test_the_cache_bound_comes_from_the_environment():
    show = "from django.conf import settings; print(settings.CACHES['default']['OPTIONS'])"
    result = run_manage(
        "shell", "-c", show, DJANGO_DEBUG="1", CACHE_URL="", CACHE_MAX_ENTRIES="1234"
    )
    assert "'MAX_ENTRIES': 1234" in result.stdout, result.stderr


def test_strict_content_security_policy(client_for):
    public = client_for("anonymous").get("/").headers["Content-Security-Policy"]
    assert not any(keyword in public for keyword in UNSAFE_CSP)
    assert "frame-ancestors 'none'" in public
    # The back office loads htmx with a nonce; the public pages need no script at all.
    response = client_for("coordinator_a").get("/beheer/heuvelland/valkenburg-oosterbeemd/")
    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert not any(keyword in policy for keyword in UNSAFE_CSP)
