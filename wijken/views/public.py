"""The public wijkbeeld: readable by everyone, no login."""

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from initiatieven.models import Initiatief
from openkoffie.models import OpenKoffie
from wijken import charts, indicatoren
from wijken.models import Regio, Wijk


def home(request: HttpRequest) -> HttpResponse:
    regios = Regio.objects.prefetch_related(
        Prefetch("wijken", queryset=Wijk.objects.order_by("naam"))
    )
    open_koffies = OpenKoffie.objects.komend().met_plaats()[:4]
    return render(request, "wijken/home.html", {"regios": regios, "open_koffies": open_koffies})


def regio(request: HttpRequest, regio: str) -> HttpResponse:
    regio_obj = get_object_or_404(Regio, slug=regio)
    wijken = (
        regio_obj.wijken.with_active_wijkverbinder_count()
        .annotate(aantal_huizen=Count("huizen", distinct=True))
        .order_by("naam")
    )
    return render(request, "wijken/regio.html", {"regio": regio_obj, "wijken": wijken})


def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(
        Wijk.objects.publiek(met_mogelijkheden=True).met_wijkdata(), regio__slug=regio, slug=wijk
    )
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
    }
    return render(request, "wijken/wijk.html", context)
