"""The public wijkbeeld: readable by everyone, no login."""

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from wijken import indicatoren
from wijken.models import Regio, Wijk, public_wijk_queryset


def home(request: HttpRequest) -> HttpResponse:
    regios = Regio.objects.prefetch_related(
        Prefetch("wijken", queryset=Wijk.objects.order_by("naam"))
    )
    return render(request, "wijken/home.html", {"regios": regios})


def regio(request: HttpRequest, regio: str) -> HttpResponse:
    regio_obj = get_object_or_404(Regio, slug=regio)
    wijken = (
        regio_obj.wijken.with_active_wijkverbinder_count()
        .annotate(aantal_huizen=Count("huizen", distinct=True))
        .order_by("naam")
    )
    return render(request, "wijken/regio.html", {"regio": regio_obj, "wijken": wijken})


def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(public_wijk_queryset(), regio__slug=regio, slug=wijk)
    context = {
        "wijk": wijk_obj,
        "regio": wijk_obj.regio,
        "indicatoren": indicatoren.met_uitleg(),
        "doe_boekje": wijk_obj.doe_boekje.actueel().per_categorie(),
    }
    return render(request, "wijken/wijk.html", context)
