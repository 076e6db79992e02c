"""A rate limit per client address for public forms, kept in the shared cache.

The cache is shared by every app server (the database cache by default), so a
limit holds whichever server answers. The address is read the way django-axes
reads it for the login throttling, so one proxy setting serves both.
"""

from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.http import HttpRequest


def toegestaan(request: HttpRequest, scope: str, seconds: int) -> bool:
    """True for the first submission of an address in `seconds`; records it.

    cache.add only writes when the key is absent, so two rapid submissions
    cannot both pass.
    """
    address = get_client_ip_address(request) or "onbekend"
    return cache.add(f"ratelimit:{scope}:{address}", 1, timeout=seconds)
