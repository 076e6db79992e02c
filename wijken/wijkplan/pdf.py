"""The wijkplan as a PDF to print and hand out (Bijlage 5), cached per version of its data."""

import hashlib

from django.conf import settings
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib.pdf import PdfDocument
from wijken.base.models import Wijk
from wijken.wijkplan.inhoud import plan_context
from wijken.wijkplan.models import wijkplan_wijk_queryset


def wijkplan_versie(context: dict) -> str:
    """Changes as soon as anything the document shows changes.

    The plan's own parts carry their history timestamps; houses (with Bijlage 2),
    coordinators, wijkverbinders, the doe-boekje summary and the initiatives' progress
    carry no timestamp, so their shown values go into the digest. The
    date is part of it too: "te laat" and the date of the data move with the day.
    """
    wijk = context["wijk"]
    delen = [
        (wijk.gewijzigd_op, wijk.regio.naam, wijk.naam, wijk.slug),
        (wijk.tekst_gewijzigd, wijk.acties_gewijzigd),
        (wijk.vastgesteld_op, wijk.vastgesteld_bij),
        [str(coordinator) for coordinator in wijk.coordinatoren.all()],
        [(v.pk, v.naam, v.toestemming_publiek) for v in wijk.actieve_wijkverbinders],
        [_huis(huis) for huis in wijk.huizen.all()],
        context["doe_boekje"],
        context["voortgang_initiatieven"],
        context["voortgang_vrijwilligers"],
        [(cijfer.pk, cijfer.gewijzigd_op) for cijfer in wijk.wijkcijfers.all()],
        [(item.pk, item.gewijzigd_op) for item in wijk.beleefde_wijkdata.all()],
        [(ok.pk, ok.gewijzigd_op, ok.locatie) for ok in context["open_koffies"]],
        [(o.pk, o.datum, o.tijd, o.waar) for o in context["overleggen"]],
        context["stand"],
    ]
    digest = hashlib.sha256(repr(delen).encode()).hexdigest()[:32]
    return f"wijkplan:{wijk.pk}:{digest}"


def _huis(huis) -> tuple:
    """A huis with its Bijlage 2 as shown in chapter 1.3 (no timestamps there either)."""
    afspraken = getattr(huis, "mogelijkheden", None)
    return (
        model_to_dict(huis),
        model_to_dict(afspraken) if afspraken else None,
        [model_to_dict(tijd) for tijd in huis.openingstijden.all()],
        [model_to_dict(ruimte) for ruimte in huis.ruimtes.all()],
    )


def wijkplan_document(wijk: Wijk) -> PdfDocument:
    """The wijkplan PDF of a wijk loaded with `wijkplan_wijk_queryset()`: the download
    and the background task that renders it ahead (wijken.wijkplan.tasks) build it alike."""
    vandaag = timezone.localdate()
    context = {
        **plan_context(wijk),
        "titel": f"Wijkplan {wijk.naam}",
        "stand": vandaag,
        "ORGANISATIE_NAAM": settings.ORGANISATIE_NAAM,
    }
    context["open_koffies"] = list(context["open_koffies"])
    return PdfDocument(
        "pdf/wijkplan.html",
        context,
        filename=f"wijkplan-{wijk.regio.slug}-{wijk.slug}-{vandaag:%Y-%m-%d}.pdf",
        version=wijkplan_versie(context),
    )


@require_GET
def wijkplan_pdf(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(wijkplan_wijk_queryset(), regio__slug=regio, slug=wijk)
    return wijkplan_document(wijk_obj).response()
