"""The programme dashboard: every wijk side by side, for the programme roles only."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib import dataversion, exports, lijsten, scopes
from communitycare.portaal import programma
from initiatieven import programma as initiatief_figuren
from initiatieven.models import STANDAARD_THEMAS, Begroting
from wijken.base import doelen
from wijken.base.access import check_programma
from wijken.base.models import Regio, Wijk
from wijken.base.requests import AuthenticatedHttpRequest

# A national programme has thousands of wijken: the table shows a page at a time,
# for all regio's or one; the exports hold every row of the selection.
WIJKEN_PER_PAGINA = 50
# The year filter's first year: the method (and so the portal's data) is younger.
EERSTE_JAAR = 2015


def kies_jaar(request: HttpRequest) -> tuple[int, str]:
    """?jaar=, a year the programme can have figures for; this year otherwise, with a
    Dutch message when a year was asked for that is not one of those."""
    dit_jaar = timezone.localdate().year
    waarde = request.GET.get("jaar", "").strip()
    if waarde.isascii() and waarde.isdigit() and EERSTE_JAAR <= int(waarde) <= dit_jaar:
        return int(waarde), ""
    if not waarde:
        return dit_jaar, ""
    return dit_jaar, (
        f"Over het jaar “{waarde[:20]}” hebben we geen cijfers. Kies een jaar van "
        f"{EERSTE_JAAR} tot en met {dit_jaar}. U ziet nu {dit_jaar}."
    )


def _jaar(request: AuthenticatedHttpRequest) -> int:
    return kies_jaar(request)[0]


def _selectie(request: AuthenticatedHttpRequest) -> tuple[str, bool, Regio | None, int]:
    sorteer = request.GET.get("sorteer", "wijk")
    if sorteer not in programma.KOLOMMEN:
        sorteer = "wijk"
    slug = request.GET.get("regio", "")
    regio = Regio.objects.filter(slug=slug).first() if slug else None
    return sorteer, request.GET.get("volgorde") == "af", regio, _jaar(request)


def _koppen() -> list[str]:
    return (
        ["Regio", "Wijk", "CBS-wijkcode"]
        + [f"{f.kop} (doel {f.doel})" if f.doel else f.kop for f in programma.FIGUREN]
        + ["Jaar van Community Care", "Doel nieuwe initiatieven"]
        + [f"Thema {thema.label}" for thema in STANDAARD_THEMAS]
    )


def _rijen(wijken: list[Wijk]) -> list[list]:
    """The rows of the exports: the table's columns, `wijken` after `met_jaar_en_themas`."""
    return [
        [wijk.regio.naam, wijk.naam, wijk.cbs_code]
        + [getattr(wijk, f.sleutel) for f in programma.FIGUREN]
        + [wijk.jaar_cc, doelen.INITIATIEVEN_PER_JAAR if wijk.initiatiefdoel else "geen"]
        + [merk.tekst for merk in wijk.themamerken]
        for wijk in wijken
    ]


def _tabel(sorteer: str, aflopend: bool, regio: Regio | None, jaar: int, nummer: int) -> dict:
    """One page of the table with its weak spots, computed once per version of the data
    of all wijken: sixteen programme staff looking at it cost one render, not sixteen.
    The day is part of the key, as "this year" and "late" move with it; so is the year
    asked for."""
    sleutel = f"programma:{regio.pk if regio else ''}:{sorteer}:{aflopend}:{jaar}:{nummer}:"
    sleutel += timezone.localdate().isoformat()
    versie, bewaard = dataversion.read_with([scopes.ALLE_WIJKEN], sleutel)
    if bewaard is not None and bewaard[0] == versie:
        return bewaard[1]
    pagina = Paginator(
        programma.overzicht(sorteer, aflopend, regio, jaar), WIJKEN_PER_PAGINA
    ).get_page(nummer)
    rijen = programma.met_jaar_en_themas(list(pagina), jaar)
    tabel = {
        "rijen": rijen,
        # A page that pickles small: the numbers, not the queryset of every wijk.
        "pagina": Page(
            rijen, pagina.number, Paginator(range(pagina.paginator.count), WIJKEN_PER_PAGINA)
        ),
        "zwakke_plekken": programma.zwak_zonder_initiatief(rijen),
        "wachtrij": wachtrij(),
    }
    cache.set(sleutel, (versie, tabel), timeout=settings.PAGINA_CACHE_SECONDEN)
    return tabel


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    check_programma(request)
    sorteer, aflopend, regio, jaar = _selectie(request)
    # A page number as the lists read it (bounded), so the cache keys stay bounded too.
    tabel = _tabel(sorteer, aflopend, regio, jaar, lijsten.paginanummer(request))
    # The core columns fit 1280 px, the regio under the wijk's name; all of them (asked
    # for, or sorted on one of the others) scroll in their box beside the wijk's column.
    kern = {"wijk"} | {f.sleutel for f in programma.FIGUREN if f.kern}
    alle = request.GET.get("kolommen") == "alle" or sorteer not in kern
    figuren = [f for f in programma.FIGUREN if alle or f.kern]
    kolommen = [("wijk", "Wijk", None)]
    if alle:
        kolommen.append(("regio", "Regio", None))
    # Not sortable: computed beside the query (the year from the start date).
    kolommen += [("jaar", "Jaar", None), ("themas", "Thema's", None)]
    kolommen += [(f.sleutel, _afbreekbaar(f.kop), f) for f in figuren]
    context = {
        "wijken": [
            (
                wijk,
                [(f, getattr(wijk, f.sleutel), programma.doel_voor(f, wijk)) for f in figuren],
            )
            for wijk in tabel["rijen"]
        ],
        "themas": STANDAARD_THEMAS,
        "doelen": doelen,
        "alle_kolommen": alle,
        "pagina": tabel["pagina"],
        "kolommen": kolommen,
        "sorteer": sorteer,
        "aflopend": aflopend,
        "regio": regio,
        "regios": Regio.objects.order_by("naam"),
        "jaar": jaar,
        "jaren": jaren(),
        "wachtrij": tabel["wachtrij"],
        # Nationally thousands: those of the wijken in the table, page by page.
        "zwakke_plekken": tabel["zwakke_plekken"],
        "query": request.GET.urlencode(),
    }
    return render(request, "beheer/programma.html", context)


# Where the headings' long words may break (a soft hyphen): browsers without a Dutch
# hyphenation dictionary keep them whole, and the table would no longer fit 1280 px.
AFBREKEN = {
    "Wijkverbinders": "Wijk\u00adverbinders",
    "Goedgekeurd": "Goed\u00adgekeurd",
    "goedkeuring": "goed\u00adkeuring",
    "vastgesteld": "vast\u00adgesteld",
    "Vrijwilligers": "Vrij\u00adwilligers",
}


def _afbreekbaar(kop: str) -> str:
    for woord, afgebroken in AFBREKEN.items():
        kop = kop.replace(woord, afgebroken)
    return kop


def jaren() -> list[int]:
    return list(range(timezone.localdate().year, EERSTE_JAAR - 1, -1))


WACHTRIJ_OP_DASHBOARD = 20


def wachtrij() -> dict:
    """The oldest begrotingen waiting for a decision, each to its review page."""
    wachtend = Begroting.objects.ter_goedkeuring()
    return {
        "begrotingen": list(
            wachtend.select_related("initiatief__wijk__regio", "ingediend_door")
            .met_totaal()
            .order_by("ingediend_op", "pk")[:WACHTRIJ_OP_DASHBOARD]
        ),
        "aantal": wachtend.count(),
    }


@login_required
@require_GET
def budget(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Per wijk of one year: what was approved and what the evaluations report spent."""
    check_programma(request)
    jaar = _jaar(request)
    wijken = initiatief_figuren.besteed_in(
        initiatief_figuren.goedgekeurd_in(Wijk.objects.select_related("regio"), jaar), jaar
    ).order_by("regio__naam", "naam")
    slug = request.GET.get("regio", "")
    regio = Regio.objects.filter(slug=slug).first() if slug else None
    if regio is not None:
        wijken = wijken.filter(regio=regio)
    pagina = Paginator(wijken, WIJKEN_PER_PAGINA).get_page(lijsten.paginanummer(request))
    totalen = wijken.aggregate(goedgekeurd=Sum("bedrag_goedgekeurd"), besteed=Sum("bedrag_besteed"))
    context = {
        "wijken": list(pagina),
        "pagina": pagina,
        "jaar": jaar,
        "jaren": jaren(),
        "regio": regio,
        "regios": Regio.objects.order_by("naam"),
        "totalen": totalen,
    }
    return render(request, "beheer/programma_budget.html", context)


def _bestandsnaam() -> str:
    return f"programma-{timezone.localdate():%Y-%m-%d}"


def _export(request: AuthenticatedHttpRequest, formaat: str) -> HttpResponse:
    check_programma(request)
    selectie = _selectie(request)
    wijken = programma.met_jaar_en_themas(list(programma.overzicht(*selectie)), selectie[3])
    koppen, rijen = _koppen(), _rijen(wijken)
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
