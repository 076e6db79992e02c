"""The programme dashboard: every wijk side by side, for the programme roles only."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib import dataversion, exports, lijsten, scopes
from communitycare.portaal import programma
from wijken.base.access import check_programma
from wijken.base.models import Regio
from wijken.base.requests import AuthenticatedHttpRequest

# A national programme has thousands of wijken: the table shows a page at a time,
# for all regio's or one; the exports hold every row of the selection.
WIJKEN_PER_PAGINA = 50


def _selectie(request: AuthenticatedHttpRequest) -> tuple[str, bool, Regio | None]:
    sorteer = request.GET.get("sorteer", "wijk")
    if sorteer not in programma.KOLOMMEN:
        sorteer = "wijk"
    slug = request.GET.get("regio", "")
    regio = Regio.objects.filter(slug=slug).first() if slug else None
    return sorteer, request.GET.get("volgorde") == "af", regio


def _koppen() -> list[str]:
    return ["Regio", "Wijk", "CBS-wijkcode"] + [
        f"{f.kop} (doel {f.doel})" if f.doel else f.kop for f in programma.FIGUREN
    ]


def _rijen(wijken) -> list[list]:
    return [
        [wijk.regio.naam, wijk.naam, wijk.cbs_code]
        + [getattr(wijk, f.sleutel) for f in programma.FIGUREN]
        for wijk in wijken
    ]


def _tabel(sorteer: str, aflopend: bool, regio: Regio | None, nummer: int) -> dict:
    """One page of the table with its weak spots, computed once per version of the data
    of all wijken: sixteen programme staff looking at it cost one render, not sixteen.
    The day is part of the key, as "this year" and "late" move with it."""
    sleutel = f"programma:{regio.pk if regio else ''}:{sorteer}:{aflopend}:{nummer}:"
    sleutel += timezone.localdate().isoformat()
    versie, bewaard = dataversion.read_with([scopes.ALLE_WIJKEN], sleutel)
    if bewaard is not None and bewaard[0] == versie:
        return bewaard[1]
    pagina = Paginator(programma.overzicht(sorteer, aflopend, regio), WIJKEN_PER_PAGINA).get_page(
        nummer
    )
    rijen = list(pagina)
    tabel = {
        "rijen": rijen,
        # A page that pickles small: the numbers, not the queryset of every wijk.
        "pagina": Page(
            rijen, pagina.number, Paginator(range(pagina.paginator.count), WIJKEN_PER_PAGINA)
        ),
        "zwakke_plekken": programma.zwak_zonder_initiatief(rijen),
    }
    cache.set(sleutel, (versie, tabel), timeout=settings.PAGINA_CACHE_SECONDEN)
    return tabel


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    check_programma(request)
    sorteer, aflopend, regio = _selectie(request)
    # A page number as the lists read it (bounded), so the cache keys stay bounded too.
    tabel = _tabel(sorteer, aflopend, regio, lijsten.paginanummer(request))
    kolommen = [("wijk", "Wijk", None), ("regio", "Regio", None)] + [
        (f.sleutel, f.kop, f) for f in programma.FIGUREN
    ]
    context = {
        "wijken": [
            (wijk, [(f, getattr(wijk, f.sleutel)) for f in programma.FIGUREN])
            for wijk in tabel["rijen"]
        ],
        "pagina": tabel["pagina"],
        "kolommen": kolommen,
        "sorteer": sorteer,
        "aflopend": aflopend,
        "regio": regio,
        "regios": Regio.objects.order_by("naam"),
        # Nationally thousands: those of the wijken in the table, page by page.
        "zwakke_plekken": tabel["zwakke_plekken"],
        "query": request.GET.urlencode(),
    }
    return render(request, "beheer/programma.html", context)


def _bestandsnaam() -> str:
    return f"programma-{timezone.localdate():%Y-%m-%d}"


def _export(request: AuthenticatedHttpRequest, formaat: str) -> HttpResponse:
    check_programma(request)
    koppen, rijen = _koppen(), _rijen(programma.overzicht(*_selectie(request)))
    if formaat == "csv":
        return exports.csv_response(_bestandsnaam(), koppen, rijen)
    return exports.xlsx_response(
        _bestandsnaam(), "Programma", koppen, rijen, breedtes=[18, 32, 14], vastzetten="C2"
    )


@login_required
@require_GET
def export_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@login_required
@require_GET
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, "csv")
