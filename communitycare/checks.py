"""System checks of the production settings (DEBUG off).

Registered as ordinary checks, not deployment-only ones, so besides `check --deploy`
every command that checks (`migrate`, `runserver`, `collectstatic`) refuses to work with
a production setting that is unsafe.
"""

import ipaddress
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

MIN_SECRET_KEY_LENGTH = 50
# Parts of the keys that are published: Django's, this portal's development key and
# the placeholder in .env.example, and what people type instead of a random value.
KNOWN_KEY_PARTS = ("django-insecure", "development-only", "change-me", "changeme", "secret-key")
REPEATED = re.compile(r"(.)\1{7}")
MIN_DISTINCT_CHARACTERS = 10


def site_url_problem(site_url: str) -> str:
    """Why `site_url` cannot be the portal's public address, or "" if it can."""
    if not site_url:
        return "SITE_URL is not set."
    parts = urlsplit(site_url)
    if parts.scheme != "https" or not parts.hostname:
        return f"SITE_URL={site_url!r} is not an https:// address."
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost"):
        return f"SITE_URL={site_url!r} is a loopback address."
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    if address.is_loopback or address.is_unspecified:
        return f"SITE_URL={site_url!r} is a loopback address."
    return ""


def secret_key_problem(key: str) -> str:
    """Why `key` is unsafe as the production SECRET_KEY, or "" if it is not."""
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return f"DJANGO_SECRET_KEY has {len(key)} characters; use at least 50."
    lowered = key.lower()
    if any(part in lowered for part in KNOWN_KEY_PARTS):
        return "DJANGO_SECRET_KEY is a published example or placeholder."
    if REPEATED.search(key) or len(set(key)) < MIN_DISTINCT_CHARACTERS:
        return "DJANGO_SECRET_KEY is easy to guess (repeats or few different characters)."
    return ""


@register(Tags.security)
def check_site_url(app_configs, **kwargs) -> list[Error]:
    problem = "" if settings.DEBUG else site_url_problem(settings.SITE_URL)
    if not problem:
        return []
    hint = (
        "Set SITE_URL to the public https:// address of the portal, as residents see it, "
        "e.g. https://wijkportaal.example.org. Links in calendars, e-mails, PDFs and the "
        "API are built from it, never from the request's Host header."
    )
    return [Error(problem, hint=hint, id="communitycare.E001")]


@register(Tags.security)
def check_secret_key(app_configs, **kwargs) -> list[Error]:
    problem = "" if settings.DEBUG else secret_key_problem(settings.SECRET_KEY)
    if not problem:
        return []
    hint = 'Generate one: python -c "import secrets; print(secrets.token_urlsafe(50))"'
    return [Error(problem, hint=hint, id="communitycare.E002")]
