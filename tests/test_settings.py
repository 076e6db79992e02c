import os
import subprocess
import sys
from pathlib import Path

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


def test_production_without_secret_key_stops_with_a_clear_message():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-production-like-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="wijkportaal.example.org",
        EMAIL_HOST="smtp.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
