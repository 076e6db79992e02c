"""Public pages served from the shared cache, per version of the scopes they show.

A public page is the same for everyone who asks (the layout shows no login state), so
one rendering serves every visitor until the data it shows changes or
`PAGINA_CACHE_SECONDEN` pass (pages also show the time: "nu open", the coming Open
Koffies). Pages that put a CSRF token or a cookie in their response, or have a message
waiting for this visitor, are rendered for that request only.

A page names the scopes it shows (`@public_page(scopes=...)`, see `scopes`): a tuple for a
list, or a function of the view's arguments for a page under one wijk's address, so a hit
costs one cache read and no query. A write bumps the scopes of what it changed
(`dataversion`), so the pages of other wijken stay cached.

The key holds only what a view reads: its path, the query parameters it declares
(`@public_page(params=("status",))`), stripped, cut to `MAX_WAARDE` characters and in a
fixed order, and whether htmx asks. The view sees the same normalised parameters, so
`?x=<random>` is served from, and stored under, the key without it. Free-text
parameters still make new keys: the cache backend's bound (`CACHE_MAX_ENTRIES`) holds
those.

Over HTTP (`SharedPageMiddleware`), a page served from or stored in the cache is shared:
`Cache-Control: public` with a short `s-maxage`, so a reverse proxy (deploy/nginx.conf)
keeps it and revalidates it; a strong `ETag` and `Last-Modified` of the stored entry, so
a conditional GET is answered 304 from the one cache read, without rendering; gzip, as it
holds no secret. Everything else a public page sends is `private`, and never compressed:
a CSRF token in a compressed response is what BREACH reads out.
"""

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.text import compress_string

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


def page_version(request: HttpRequest, key: str, scopes: Iterable[str]) -> tuple[str, Any]:
    """The version of the data the page shows and its cache entry, in one cache round
    trip. The one place that says what a page depends on: the versions of its scopes and
    the global one (bulk writes). The ETag is derived from what this returns."""
    return dataversion.read_with(scopes, key)


def _set_validators(response: HttpResponse, versie: str, key: str) -> None:
    """A strong ETag of this very entry: the data version and key it was stored under and
    its bytes (pages also show the clock, so one version may render differently)."""
    digest = hashlib.sha256(f"{versie}|{key}|".encode() + response.content).hexdigest()
    response.headers["ETag"] = f'"{digest[:32]}"'
    response.headers["Last-Modified"] = http_date()


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


Scopes = Iterable[str] | Callable[..., Iterable[str]]


def public_page(*, scopes: Scopes, params: Iterable[str] = ()):
    """`@public_page(scopes=..., params=(...))`: the scopes the page shows (a tuple, or
    a function of the view's keyword arguments such as `scopes.of_wijk`), and every query
    parameter it reads."""
    return lambda view: _public_page(view, scopes, tuple(params))


def _public_page(view: View, scopes: Scopes, params: tuple[str, ...]) -> View:
    scopes_of = scopes if callable(scopes) else lambda **kwargs: scopes

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # The view sees what the key holds, so the stored page never shows a parameter
        # the key left out (the pagination's {% querystring %} would copy it).
        request.GET = normalised_query(request, params)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        request.shared_page = False  # type: ignore[attr-defined]  # SharedPageMiddleware's
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = cache_key(request)
        try:
            versie, entry = page_version(request, key, scopes_of(**kwargs))
        except Exception:  # no cache, no problem: render as if it were switched off
            logger.exception("Paginacache niet bereikbaar")
            return view(request, *args, **kwargs)
        if entry is not None and entry[0] == versie:
            request.shared_page = True  # type: ignore[attr-defined]
            return entry[1]
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response):
            _set_validators(response, versie, key)
            cache.set(key, (versie, response), settings.PAGINA_CACHE_SECONDEN)
            request.shared_page = True  # type: ignore[attr-defined]
        return response

    return cached_view


# --- over HTTP ---------------------------------------------------------------------------

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Shorter pages are not worth compressing (Django's GZipMiddleware says the same).
MIN_GZIP_BYTES = 200
# What a shared page varies on. Not Cookie: it is the same for every visitor (a page for
# one visitor is never shared). Not Accept-Language: the portal speaks only Dutch.
SHARED_VARY = "Accept-Encoding, HX-Request"


class SharedPageMiddleware:
    """HTTP caching of the public pages: outside the session, CSRF and locale middleware,
    so this sees (and replaces) the Vary they add, and the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        shared = getattr(request, "shared_page", None)
        if shared is None:  # not a public page: the back office has its own headers
            return response
        # A cookie may also be set on the way out (a session touched): never share that.
        if shared and response.status_code == 200 and "ETag" in response and not response.cookies:
            return self.shared(request, response)
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def shared(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PAGINA_PROXY_SECONDEN,
            stale_while_revalidate=settings.PAGINA_STALE_SECONDEN,
        )
        response.headers["Vary"] = SHARED_VARY
        gzip = (
            ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None
            and len(response.content) >= MIN_GZIP_BYTES
        )
        if gzip:  # another representation, so another strong ETag (as Apache spells it)
            response.headers["ETag"] = response["ETag"][:-1] + '-gz"'
        last_modified = parse_http_date_safe(response["Last-Modified"])
        not_modified = get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        if not_modified is not None and not_modified is not response:  # a 304 (or 412)
            return not_modified
        if not gzip:
            return response
        # No random padding as Django's GZipMiddleware adds against BREACH: nothing here
        # is secret, and the same page must compress to the same bytes (a strong ETag).
        response.content = compress_string(response.content)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(response.content))
        return response
