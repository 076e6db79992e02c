"""The visitor's address, for login throttling and the public forms' rate limit."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind N trusted reverse proxies the N-th address from the right
    in X-Forwarded-For: each proxy appends what it saw, so anything further left may be
    the visitor's own invention. Something there that is no IP address (a request that
    went around the proxies) counts as REMOTE_ADDR: it would break the login throttling's
    record and the rate limit's cache key.
    """
    count = settings.PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count and (address := _ip_address(forwarded[-count])):
            return address
    return request.META.get("REMOTE_ADDR", "")


def _ip_address(text: str) -> str | None:
    """The address in its usual spelling, or None for anything else (an IPv6 zone too:
    the database's address type has none)."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if getattr(address, "scope_id", None):
        return None
    return str(address)
