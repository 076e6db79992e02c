"""Public pages served from the shared cache, per data version.

A public page is the same for everyone who asks (the layout shows no login state), so
one rendering serves every visitor until the data changes or `PAGINA_CACHE_SECONDEN`
pass (pages also show the time: "nu open", the coming Open Koffies). Pages that put a
CSRF token or a cookie in their response, or have a message waiting for this visitor,
are rendered for that request only.
"""

import hashlib
import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from communitycare.lib import dataversion

logger = logging.getLogger(__name__)

# The request headers a public view may answer differently to.
VARIES_ON = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_BOOSTED")


def cache_key(request: HttpRequest) -> str:
    variant = "|".join(request.META.get(header, "") for header in VARIES_ON)
    digest = hashlib.sha256(f"{request.get_full_path()}|{variant}".encode()).hexdigest()
    return f"pagina:{digest}"


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGINA_CACHE_SECONDEN > 0
        and request.method in ("GET", "HEAD")
        and not len(get_messages(request))
    )


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = cache_key(request)
        try:
            versie, entry = dataversion.read_with(key)
        except Exception:  # no cache, no problem: render as if it were switched off
            logger.exception("Paginacache niet bereikbaar")
            return view(request, *args, **kwargs)
        if entry is not None and entry[0] == versie:
            return entry[1]
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response):
            cache.set(key, (versie, response), settings.PAGINA_CACHE_SECONDEN)
        return response

    return cached_view
