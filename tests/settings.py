"""The real settings in development mode, plus what only tests need."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# pytest-django's live_server runs beside Playwright's sync API, which has an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from communitycare.settings import *  # noqa: E402, F403

# Hashing demo passwords properly would make every login in the suite slow.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run at once, whatever the environment says, so the tests see their e-mail without
# a worker; tests/test_tasks.py switches to the database backend where it tests it.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Laying out a PDF after every edit would slow the suite; tests/test_tasks.py turns it on.
PDF_VOORAF_RENDEREN = False
# The test client's own address, so a test can follow the absolute links it is sent;
# tests/test_security_small.py sends another Host header to show it is never used.
SITE_URL = "http://testserver"
SECURITY_CONTACT = "mailto:security@example.org"
