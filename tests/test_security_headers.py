"""The response headers of a public page under production settings, scored against
the Mozilla Observatory rules (a CSP without inline scripts or eval, HSTS, nosniff, framing,
referrer policy, secure cookies)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import UNSAFE_CSP

ROOT = Path(__file__).resolve().parent.parent

# Runs inside a process with production settings; prints the headers as JSON.
PROBE = """
import json
from django.test import Client, override_settings
from django.test.utils import setup_test_environment
setup_test_environment()
# Only the static files' storage differs: a fresh checkout has not run collectstatic.
override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
client = Client(HTTP_HOST="wijkportaal.example.org")
plain = client.get("/healthz/")
secure = client.get("/healthz/", secure=True)
login = client.get("/beheer/inloggen/", secure=True)
print(json.dumps({
    "redirect": [plain.status_code, plain.headers.get("Location", "")],
    "headers": dict(secure.headers),
    "login_headers": dict(login.headers),
    "cookies": {name: dict(morsel) for name, morsel in login.cookies.items()},
}))
"""


@pytest.fixture(scope="module")
def production():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="production-like-secret-" + "y" * 40,
        DJANGO_ALLOWED_HOSTS="wijkportaal.example.org",
        DJANGO_SETTINGS_MODULE="communitycare.settings",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_http_is_redirected_to_https(production):
    status, location = production["redirect"]
    assert status == 301 and location.startswith("https://")


def test_hsts_for_a_year_with_subdomains(production):
    hsts = production["headers"]["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts


def test_csp_is_strict(production):
    csp = production["login_headers"]["Content-Security-Policy"]
    assert not any(keyword in csp for keyword in UNSAFE_CSP)
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "base-uri 'self'" in csp and "form-action 'self'" in csp


def test_other_observatory_headers(production):
    headers = production["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_cookies_are_secure_and_httponly(production):
    csrf = production["cookies"]["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"
