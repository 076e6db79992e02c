"""The public wijkbeeld: readable by everyone, no login."""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from communitycare.lib import scopes
from communitycare.lib.pagecache import public_page
from initiatieven.models import Initiatief
from openkoffie.models import OpenKoffie
from wijken.base import indicatoren
from wijken.base.forms import WijkZoekForm
from wijken.base.models import Regio, Wijk
from wijken.mogelijkheden.models import huizen_met_mogelijkheden
from wijken.wijkdata import charts
from wijken.wijkdata.models import met_wijkdata

# A national portal has hundreds of wijken per regio: the home page names the first few
# of each and offers a search; the regio page lists them all.
WIJKEN_PER_REGIO_OP_HOME = 12
ZOEKRESULTATEN_OP_HOME = 30


@public_page(scopes=(scopes.HOME,), params=("zoek",))
def home(request: HttpRequest) -> HttpResponse:
    regios = list(Regio.objects.annotate(aantal_wijken=Count("wijken")))
    eerste_wijken = Wijk.objects.annotate(
        rang=Window(RowNumber(), partition_by=F("regio"), order_by=F("naam").asc())
    ).filter(rang__lte=WIJKEN_PER_REGIO_OP_HOME)
    per_regio: dict[int, list[Wijk]] = {}
    for wijk_obj in eerste_wijken.order_by("naam"):
        per_regio.setdefault(wijk_obj.regio_id, []).append(wijk_obj)
    for regio_obj in regios:
        regio_obj.eerste_wijken = per_regio.get(regio_obj.pk, [])
    zoekform = WijkZoekForm(request.GET or None)
    open_koffies = OpenKoffie.objects.komend().met_plaats()[:4]
    context = {
        "regios": regios,
        "zoekform": zoekform,
        "gevonden": zoekform.gevonden(ZOEKRESULTATEN_OP_HOME),
        "max_gevonden": ZOEKRESULTATEN_OP_HOME,
        "open_koffies": open_koffies,
    }
    return render(request, "wijken/home.html", context)


@public_page(scopes=scopes.of_regio)
def regio(request: HttpRequest, regio: str) -> HttpResponse:
    regio_obj = get_object_or_404(Regio, slug=regio)
    wijken = (
        regio_obj.wijken.with_active_wijkverbinder_count()
        .annotate(aantal_huizen=Count("huizen", distinct=True))
        .order_by("naam")
    )
    return render(request, "wijken/regio.html", {"regio": regio_obj, "wijken": wijken})


@public_page(scopes=scopes.of_wijk)
def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijken = met_wijkdata(Wijk.objects.publiek(huizen=huizen_met_mogelijkheden()))
    wijk_obj = get_object_or_404(wijken, regio__slug=regio, slug=wijk)
    indicatorbeelden = charts.indicatorbeelden(wijk_obj)
    lopend = list(
        Initiatief.objects.lopend()
        .filter(wijk=wijk_obj)
        .select_related("wijk__regio")
        .prefetch_related("indicatoren")
    )
    for beeld in indicatorbeelden:
        beeld.initiatieven = [i for i in lopend if beeld.indicator in i.indicator_waarden]
    context = {
        "wijk": wijk_obj,
        "regio": wijk_obj.regio,
        "indicatoren": indicatoren.met_uitleg(),
        "indicatorbeelden": indicatorbeelden,
        "heeft_wijkdata": any(beeld.reeks or beeld.beleefd for beeld in indicatorbeelden),
        "profiel": charts.profiel(wijk_obj),
        "doe_boekje": wijk_obj.doe_boekje.actueel().per_categorie(),
        "volgende_open_koffie": (
            OpenKoffie.objects.voor_wijk(wijk_obj).komend().gepland().met_plaats().first()
        ),
    }
    return render(request, "wijken/wijk.html", context)
