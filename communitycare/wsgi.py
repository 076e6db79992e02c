import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communitycare.settings")

application = get_wsgi_application()

# Import every view now, while the worker boots, instead of in the first request it
# serves: a fresh or replaced gunicorn worker would otherwise keep that visitor waiting
# seconds (WeasyPrint and friends). Under --preload the workers fork with it loaded.
get_resolver().url_patterns  # noqa: B018
