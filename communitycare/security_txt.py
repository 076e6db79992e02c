"""/.well-known/security.txt (RFC 9116): where to report a vulnerability."""

import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib.site import absolute_url

# RFC 9116 asks for an Expires under a year ahead; a rolling date stays valid as long
# as the portal runs and the contact setting is kept.
GELDIG = datetime.timedelta(days=180)


@require_GET
def security_txt(request: HttpRequest) -> HttpResponse:
    if not settings.SECURITY_CONTACT:
        raise Http404("Geen contact voor beveiligingsmeldingen ingesteld.")
    verloopt = (timezone.now() + GELDIG).replace(hour=0, minute=0, second=0, microsecond=0)
    regels = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {verloopt.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: nl, en",
        f"Canonical: {absolute_url(request.path)}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")
