"""Initiatives in the open-data API (see communitycare.portaal.api): public ones only,
no people."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from communitycare.lib.site import absolute_url
from communitycare.portaal.api import pagina
from initiatieven.models import Initiatief


def _initiatief(request: HttpRequest, initiatief: Initiatief) -> dict:
    begroting = initiatief.begroting_of_none
    # The last approved version, also while a change waits for approval.
    goedgekeurd = begroting.laatst_goedgekeurd() if begroting else None
    return {
        "naam": initiatief.naam,
        "slug": initiatief.slug,
        "wijk": {"regio": initiatief.wijk.regio.slug, "slug": initiatief.wijk.slug},
        "thema": initiatief.thema,
        "status": initiatief.status,
        "indicatoren": initiatief.indicator_waarden,
        "startdatum": initiatief.startdatum,
        "einddatum": initiatief.einddatum,
        "globale_beschrijving": initiatief.globale_beschrijving,
        "begroting_goedgekeurd_op": goedgekeurd.op if goedgekeurd else None,
        "begroting_totaal": float(goedgekeurd.totaal()) if goedgekeurd else None,
        "url": absolute_url(initiatief.get_absolute_url()),
    }


@require_GET
def initiatieven(request: HttpRequest) -> JsonResponse:
    """Public initiatives of every wijk (ideas and rejected ones are not public)."""
    queryset = (
        Initiatief.objects.publiek()
        .select_related("wijk__regio", "begroting")
        .prefetch_related("indicatoren", "begroting__regels")
        .order_by("wijk__regio__slug", "wijk__slug", "naam", "pk")
    )
    return pagina(request, queryset, _initiatief)
