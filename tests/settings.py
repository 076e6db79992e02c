"""The real settings in development mode, plus what only tests need."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# pytest-django's live_server runs beside Playwright's sync API, which has an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from communitycare.settings import *  # noqa: E402, F403

# Hashing demo passwords properly would make every login in the suite slow.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
