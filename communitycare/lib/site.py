"""The portal's own address, for links that leave the page: feeds, e-mails, PDFs, the API.

Always `SITE_URL`, never the request's Host header: a visitor chooses that header, and
what one visitor is sent may be cached and sent to the next.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (starting with "/") at the portal's own address."""
    return settings.SITE_URL + path
