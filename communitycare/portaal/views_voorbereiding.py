"""The Open Koffie preparation pack (on screen and as a PDF) and its poster."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib.pdf import pdf_response
from communitycare.portaal.voorbereiding import pakket
from openkoffie.access import get_open_koffie_for_edit
from wijken.base.access import get_wijk_for_edit
from wijken.base.requests import AuthenticatedHttpRequest


def _bestandsnaam(soort: str, open_koffie) -> str:
    dag = timezone.localdate(open_koffie.begin)
    return f"open-koffie-{soort}-{open_koffie.wijk.slug}-{dag:%Y-%m-%d}.pdf"


@login_required
@require_GET
def voorbereiding(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    context = {"wijk": wijk_obj, **pakket(open_koffie)}
    return render(request, "beheer/voorbereiding.html", context)


@login_required
@require_GET
def voorbereiding_pdf(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    context = {
        "wijk": wijk_obj,
        "titel": f"Voorbereiding {open_koffie}",
        "stand": timezone.localdate(),
        **pakket(open_koffie),
    }
    return pdf_response(
        "pdf/open_koffie_voorbereiding.html",
        context,
        filename=_bestandsnaam("voorbereiding", open_koffie),
    )


@login_required
@require_GET
def poster(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    """A4 for prikborden and wijkkrantjes: when, where, everyone welcome, how to bring in
    a point with or without internet."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    context = {
        "wijk": wijk_obj,
        "titel": f"Open Koffie {open_koffie.wijknamen}",
        "stand": timezone.localdate(),
        "open_koffie": open_koffie,
        "agenda": open_koffie.agenda_met_tijden(),
        "adres": request.build_absolute_uri(open_koffie.get_absolute_url()),
    }
    return pdf_response(
        "pdf/open_koffie_poster.html", context, filename=_bestandsnaam("poster", open_koffie)
    )
