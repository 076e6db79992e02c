"""The Open Koffie agenda in the open-data API (see communitycare.portaal.api): no names,
no contacts."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from communitycare.lib.site import absolute_url
from communitycare.portaal.api import pagina
from openkoffie.models import OpenKoffie


def _open_koffie(request: HttpRequest, open_koffie: OpenKoffie) -> dict:
    return {
        "wijken": [{"regio": w.regio.slug, "slug": w.slug} for w in open_koffie.wijken],
        "begin": open_koffie.begin,
        "einde": open_koffie.einde,
        "status": open_koffie.status,
        "locatie": open_koffie.locatie,
        "url": absolute_url(open_koffie.get_absolute_url()),
    }


@require_GET
def agenda(request: HttpRequest) -> JsonResponse:
    """The coming Open Koffies of every wijk."""
    return pagina(request, OpenKoffie.objects.komend().met_plaats(), _open_koffie)
