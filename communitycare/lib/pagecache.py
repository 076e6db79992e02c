"""Public pages served from the shared cache, per data version.

A public page is the same for everyone who asks (the layout shows no login state), so
one rendering serves every visitor until the data changes or `PAGINA_CACHE_SECONDEN`
pass (pages also show the time: "nu open", the coming Open Koffies). Pages that put a
CSRF token or a cookie in their response, or have a message waiting for this visitor,
are rendered for that request only.

The key holds only what a view reads: its path, the query parameters it declares
(`@public_page(params=("status",))`), stripped, cut to `MAX_WAARDE` characters and in a
fixed order, and whether htmx asks. The view sees the same normalised parameters, so
`?x=<random>` is served from, and stored under, the key without it. Free-text
parameters still make new keys: the cache backend's bound (`CACHE_MAX_ENTRIES`) holds
those.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict

from communitycare.lib import dataversion

if TYPE_CHECKING:  # what the stubs call a QueryDict made without mutable=True
    from django.http.request import _ImmutableQueryDict

logger = logging.getLogger(__name__)

# Longer than any search field of a public form (they stop at 100).
MAX_WAARDE = 100


def normalised_query(request: HttpRequest, params: Iterable[str]) -> "_ImmutableQueryDict":
    """The declared parameters that have a value, in declared order; like a view's
    `request.GET.get`, the last value of a repeated parameter counts."""
    values = ((name, request.GET.get(name, "").strip()[:MAX_WAARDE]) for name in params)
    return QueryDict(urlencode([(name, value) for name, value in values if value]))


def cache_key(request: HttpRequest) -> str:
    """Call after `normalised_query` replaced the request's parameters."""
    # A header has any value a client sends: only whether htmx asks may vary the key.
    variant = "htmx" if request.META.get("HTTP_HX_REQUEST") == "true" else ""
    adres = f"{request.path}?{request.GET.urlencode()}|{variant}"
    return f"pagina:{hashlib.sha256(adres.encode()).hexdigest()}"


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


View = Callable[..., HttpResponse]


def public_page(view: View | None = None, *, params: Iterable[str] = ()):
    """`@public_page` for a view that reads no query parameter, else
    `@public_page(params=(...))` naming every one it reads."""
    if view is None:
        return lambda view: _public_page(view, tuple(params))
    return _public_page(view, ())


def _public_page(view: View, params: tuple[str, ...]) -> View:
    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # The view sees what the key holds, so the stored page never shows a parameter
        # the key left out (the pagination's {% querystring %} would copy it).
        request.GET = normalised_query(request, params)
        request.META["QUERY_STRING"] = request.GET.urlencode()
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
