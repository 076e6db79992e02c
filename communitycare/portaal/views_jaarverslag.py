"""The yearly report: public per wijk (no names of people), in the back office per wijk,
and for the whole programme (see communitycare.portaal.jaarverslag)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib import dataversion, exports, lijsten, scopes
from communitycare.lib.pagecache import public_page
from communitycare.lib.pdf import pdf_response
from communitycare.portaal import jaarverslag
from communitycare.portaal.views_programma import WIJKEN_PER_PAGINA, jaren, kies_jaar
from wijken.base import doelen
from wijken.base.access import check_programma, get_wijk_for_edit
from wijken.base.models import Regio, Wijk
from wijken.base.requests import AuthenticatedHttpRequest


def _jaar_context(request: HttpRequest) -> dict:
    jaar, melding = kies_jaar(request)
    return {
        "jaar": jaar,
        "jaar_melding": melding,
        "jaren": jaren(),
        "dit_jaar": timezone.localdate().year,
        "doelen": doelen,
    }


def _wijk_context(request: HttpRequest, wijk: Wijk, *, publiek: bool) -> dict:
    context = _jaar_context(request)
    verslag = jaarverslag.wijk_verslag(wijk, context["jaar"], publiek=publiek)
    return context | {
        "verslag": verslag,
        "wijk": verslag.wijk,
        "regio": verslag.wijk.regio,
        "publiek": publiek,
    }


def _wijk_pdf(request: HttpRequest, wijk: Wijk, *, publiek: bool) -> HttpResponse:
    context = _wijk_context(request, wijk, publiek=publiek)
    jaar = context["jaar"]
    context |= {"titel": f"Jaarverslag {jaar}", "stand": timezone.localdate(), "pdf": True}
    # No version: the rendered HTML is the version, so any changed figure is a new PDF.
    return pdf_response(
        "pdf/jaarverslag_wijk.html",
        context,
        filename=f"jaarverslag-{jaar}-{wijk.regio.slug}-{wijk.slug}.pdf",
    )


def _publieke_wijk(regio: str, wijk: str) -> Wijk:
    return get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)


@public_page(scopes=scopes.of_wijk, params=("jaar",))
def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    context = _wijk_context(request, _publieke_wijk(regio, wijk), publiek=True)
    return render(request, "portaal/jaarverslag_wijk.html", context)


@require_GET
def wijk_pdf(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _wijk_pdf(request, _publieke_wijk(regio, wijk), publiek=True)


@login_required
@require_GET
def beheer_wijk(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    context = _wijk_context(request, wijk_obj, publiek=False)
    return render(request, "beheer/jaarverslag_wijk.html", context)


@login_required
@require_GET
def beheer_wijk_pdf(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _wijk_pdf(request, get_wijk_for_edit(request, regio, wijk), publiek=False)


def _programma_verslag(jaar: int, regio: Regio | None) -> jaarverslag.ProgrammaVerslag:
    """Computed once per version of the data of all wijken, as the programme dashboard's
    table is: nationally the figures of 3,300 wijken take seconds. The day is part of the
    key, as "this year" and "active now" move with it."""
    sleutel = f"jaarverslag:{regio.pk if regio else ''}:{jaar}:{timezone.localdate().isoformat()}"
    versie, bewaard = dataversion.read_with([scopes.ALLE_WIJKEN], sleutel)
    if bewaard is not None and bewaard[0] == versie:
        return bewaard[1]
    verslag = jaarverslag.programma_verslag(jaar, regio)
    cache.set(sleutel, (versie, verslag), timeout=settings.PAGINA_CACHE_SECONDEN)
    return verslag


def _programma_context(request: AuthenticatedHttpRequest) -> dict:
    check_programma(request)
    context = _jaar_context(request)
    slug = request.GET.get("regio", "")
    regio = Regio.objects.filter(slug=slug).first() if slug else None
    context |= {
        "regio": regio,
        "verslag": _programma_verslag(context["jaar"], regio),
        "query": request.GET.urlencode(),
    }
    return context


@login_required
@require_GET
def programma(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Totals, regio's and trends, and the wijken 50 a page (all of them: the xlsx)."""
    context = _programma_context(request)
    jaar = context["jaar"]
    wijken = jaarverslag.programma_wijken(jaar, context["regio"])
    pagina = Paginator(wijken, WIJKEN_PER_PAGINA).get_page(lijsten.paginanummer(request))
    context |= {
        "pagina": pagina,
        "wijken": [
            (w, [rij for rij in jaarverslag.rij_gehaald(w, jaar) if rij[0].kort]) for w in pagina
        ],
        "regios": Regio.objects.order_by("naam"),
    }
    return render(request, "beheer/jaarverslag_programma.html", context)


@login_required
@require_GET
def programma_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = _programma_context(request)
    jaar = context["jaar"]
    context |= {"titel": f"Jaarverslag {jaar} van het programma", "stand": timezone.localdate()}
    return pdf_response(
        "pdf/jaarverslag_programma.html", context, filename=f"jaarverslag-{jaar}-programma.pdf"
    )


@login_required
@require_GET
def programma_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every wijk of the selection in one pass over one query."""
    check_programma(request)
    jaar, _ = kies_jaar(request)
    slug = request.GET.get("regio", "")
    regio = Regio.objects.filter(slug=slug).first() if slug else None
    koppen = ["Regio", "Wijk", "CBS-wijkcode", "Jaar"] + [
        f"{c.kop} (doel {c.doel_tekst})" if c.doel_tekst else c.kop for c in jaarverslag.CIJFERS
    ]
    rijen = (
        [w.regio.naam, w.naam, w.cbs_code, jaar]
        + [getattr(w, c.sleutel) for c in jaarverslag.CIJFERS]
        for w in jaarverslag.programma_wijken(jaar, regio).iterator(chunk_size=500)
    )
    return exports.xlsx_response(
        f"jaarverslag-{jaar}-programma",
        f"Jaarverslag {jaar}",
        koppen,
        rijen,
        breedtes=[18, 32, 14, 8],
        vastzetten="C2",
    )
