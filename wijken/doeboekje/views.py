"""The public doe-boekje (Bijlage 3): what there is to do, per wijk and across all wijken."""

from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from communitycare.lib import lijsten, scopes
from communitycare.lib.pagecache import public_page
from communitycare.lib.pdf import pdf_response
from communitycare.lib.subqueries import aantal
from openkoffie.models import OpenKoffie
from wijken.base.models import Regio, Wijk
from wijken.doeboekje.forms import DoeBoekjeZoekForm
from wijken.doeboekje.models import DoeBoekjeItem, groepeer

# Enough for a page a resident can read; a more precise search finds the rest.
MAX_RESULTATEN = 100
# The overview of all doe-boekjes: the wijken of a small regio fit on one page.
WIJKEN_PER_PAGINA = 100


@public_page(scopes=scopes.of_wijk, params=("zoek", "dag"))
def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)
    form = DoeBoekjeZoekForm(request.GET or None)
    items = form.toepassen(wijk_obj.doe_boekje.actueel().select_related("huis"))
    groepen = items.gegroepeerd(beste_eerst=form.zoekt)
    context = {
        "wijk": wijk_obj,
        "regio": wijk_obj.regio,
        "form": form,
        "groepen": groepen,
        "aantal": sum(len(groep) for _, _, groep in groepen),
    }
    return render(request, "wijken/doeboekje.html", context)


@require_GET
def wijk_pdf(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    """The large-print doe-boekje, for residents without internet, with the next Open Koffies."""
    wijk_obj = get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)
    vandaag = timezone.localdate()
    items = list(wijk_obj.doe_boekje.actueel().select_related("huis").order_by("naam"))
    open_koffies = list(OpenKoffie.objects.voor_wijk(wijk_obj).gepland().komend().met_plaats()[:4])
    context = {
        "wijk": wijk_obj,
        "titel": f"Doe-boekje {wijk_obj.naam}",
        "stand": vandaag,
        "groepen": groepeer(items),
        "open_koffies": open_koffies,
    }
    # No version given: the rendered HTML is the version, so every shown detail counts,
    # the address of a huis behind an entry included.
    return pdf_response(
        "pdf/doeboekje.html",
        context,
        filename=f"doe-boekje-{wijk_obj.regio.slug}-{wijk_obj.slug}-{vandaag:%Y-%m-%d}.pdf",
    )


@public_page(scopes=(scopes.DOE_BOEKJE,), params=("zoek", "dag", "regio", "pagina"))
def overzicht(request: HttpRequest) -> HttpResponse:
    """Search across every wijk (or one regio); without a search, the wijken and their
    doe-boekjes, a page at a time."""
    regios = list(Regio.objects.all())
    gekozen = lijsten.gekozen(request, regios)
    form = DoeBoekjeZoekForm(request.GET or None)
    context = {"form": form, "regios": regios, "gekozen": gekozen}
    if form.filtert:
        items = DoeBoekjeItem.objects.actueel()
        if gekozen is not None:
            items = items.filter(wijk__regio=gekozen)
        items = form.toepassen(
            items.select_related("wijk__regio", "huis").order_by(
                "wijk__regio__naam", "wijk__naam", "wijk", "naam"
            )
        )
        resultaten = list(items[: MAX_RESULTATEN + 1])
        context["resultaten"] = resultaten[:MAX_RESULTATEN]
        context["per_wijk"] = _per_wijk(context["resultaten"])
        context["meer"] = len(resultaten) > MAX_RESULTATEN
    else:
        wijken = Wijk.objects.all() if gekozen is None else Wijk.objects.filter(regio=gekozen)
        # Counted for the wijken of the page only (a join would count every wijk first).
        in_wijk = DoeBoekjeItem.objects.filter(wijk=OuterRef("pk"), gearchiveerd=False)
        wijken = (
            wijken.select_related("regio")
            .annotate(aantal=aantal(in_wijk))
            .order_by("regio__naam", "naam", "pk")
        )
        context["pagina"] = lijsten.pagina(wijken, request, WIJKEN_PER_PAGINA)
    return render(request, "wijken/doeboekje_overzicht.html", context)


def _per_wijk(items: list[DoeBoekjeItem]) -> list[tuple[Wijk, list[DoeBoekjeItem]]]:
    """The entries per wijk, the wijk of the best match first (a search ranks them)."""
    groepen: dict[int, tuple[Wijk, list[DoeBoekjeItem]]] = {}
    for item in items:
        groepen.setdefault(item.wijk_id, (item.wijk, []))[1].append(item)
    return list(groepen.values())
