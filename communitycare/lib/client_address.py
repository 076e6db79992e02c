"""The visitor's address, for login throttling and the public forms' rate limit."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind N trusted reverse proxies the N-th address from the right
    in X-Forwarded-For: each proxy appends what it saw, so anything further left may be
    the visitor's own invention.
    """
    count = settings.PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
