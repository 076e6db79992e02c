"""Public pages of initiatives: per wijk, one initiative, and across all wijken."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from communitycare.lib import lijsten, scopes
from communitycare.lib.insturen import insturen
from communitycare.lib.pagecache import public_page
from communitycare.lib.pdf import PdfDocument, pdf_response
from communitycare.lib.uitkomst import naar_bevestiging
from initiatieven.forms import IdeeForm
from initiatieven.models import (
    PUBLIEKE_STATUSSEN,
    Evaluatie,
    Initiatief,
    Startstap,
    Status,
    Thema,
    thema_paginas,
    thema_uit_slug,
)
from wijken.base import zoektermen
from wijken.base.indicatoren import Indicator
from wijken.base.models import Wijk, Wijkverbinder

PER_PAGINA = 20
EVALUATIES_PER_PAGINA = 10
LEEG = [("", "Alle")]
BEDANKT_IDEE = (
    "Dank u wel voor uw idee! De coördinator bekijkt het en neemt contact met u op als u "
    "uw telefoon of e-mail gaf."
)


def _publieke_lijst(queryset):
    return (
        queryset.publiek()
        .select_related("wijk__regio")
        .prefetch_related("indicatoren")
        .order_by("naam", "pk")
    )


@public_page(scopes=scopes.of_wijk, params=("status",))
def wijk_lijst(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)
    alle = Initiatief.objects.filter(wijk=wijk_obj)
    telling = alle.publiek().status_telling()
    status = request.GET.get("status", "")
    initiatieven = _publieke_lijst(alle)
    if status in PUBLIEKE_STATUSSEN:
        initiatieven = initiatieven.filter(status=status)
    else:
        status = ""
    context = {
        "wijk": wijk_obj,
        "regio": wijk_obj.regio,
        "initiatieven": initiatieven,
        "status": status,
        "statussen": [(s, Status(s).label, telling[s]) for s in PUBLIEKE_STATUSSEN],
        "totaal": sum(telling[s] for s in PUBLIEKE_STATUSSEN),
    }
    return render(request, "initiatieven/wijk_lijst.html", context)


@require_http_methods(["GET", "POST"])
def idee(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    """ "Heeft u een idee?": an initiative starts from the wijk. Not cached: it is a form
    with the CSRF token, like the other public forms."""
    wijk_obj = get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)
    form = IdeeForm(request.POST or None, wijk=wijk_obj)
    status = 200
    if request.method == "POST":
        status = insturen(request, form, "idee", BEDANKT_IDEE)
        if status is None:
            return naar_bevestiging(request.path)
    context = {"wijk": wijk_obj, "regio": wijk_obj.regio, "form": form}
    return render(request, "initiatieven/idee.html", context, status=status)


def publieke_initiatieven():
    """Public initiatives with everything their page and PDFs show."""
    return (
        Initiatief.objects.publiek()
        .select_related(
            "wijk__regio", "begroting__goedgekeurd_door", "coordinator", "wijkverbinder"
        )
        .prefetch_related(
            "indicatoren",
            Prefetch(
                "startstappen",
                queryset=Startstap.objects.select_related(
                    "voltooid_door", "overleg_wijkverbinder", "overleg", "open_koffie"
                ),
            ),
            "begroting__regels",
            Prefetch(
                "evaluaties",
                queryset=Evaluatie.objects.exclude(gepubliceerd_op=None).prefetch_related(
                    "bestedingen"
                ),
            ),
        )
    )


def _publiek_initiatief(regio: str, wijk: str, slug: str) -> Initiatief:
    return get_object_or_404(
        publieke_initiatieven(), wijk__regio__slug=regio, wijk__slug=wijk, slug=slug
    )


def _context(initiatief: Initiatief) -> dict:
    """What the public page and the public PDFs show: public data only."""
    checklist = initiatief.checklist()
    wijkverbinder = initiatief.wijkverbinder
    begroting = initiatief.begroting_of_none
    return {
        "initiatief": initiatief,
        "wijk": initiatief.wijk,
        "regio": initiatief.wijk.regio,
        "begroting": begroting,
        # Amounts are public only as approved: the last approved version, also while a
        # change waits for the programmamanager.
        "goedgekeurd": begroting.laatst_goedgekeurd() if begroting else None,
        "checklist": checklist,
        "aantal_afgerond": sum(stand.afgerond for stand in checklist),
        "evaluaties": initiatief.evaluaties.all(),
        "wijkverbinder_naam": (
            wijkverbinder.publieke_naam
            if wijkverbinder
            and wijkverbinder.toestemming_publiek
            and wijkverbinder.status == Wijkverbinder.Status.ACTIEF
            else ""
        ),
    }


@public_page(scopes=scopes.of_wijk)
def initiatief(request: HttpRequest, regio: str, wijk: str, slug: str) -> HttpResponse:
    context = _context(_publiek_initiatief(regio, wijk, slug))
    return render(request, "initiatieven/initiatief.html", context)


@require_GET
def beschrijving_pdf(request: HttpRequest, regio: str, wijk: str, slug: str) -> HttpResponse:
    """Bijlage 6 with its begroting and goedkeuring, to print and hand out."""
    return beschrijving_document(_publiek_initiatief(regio, wijk, slug)).response()


def beschrijving_document(initiatief: Initiatief) -> PdfDocument:
    """The initiatiefbeschrijving of an initiative loaded with `publieke_initiatieven()`:
    the download and the background task that renders it ahead (initiatieven.tasks)
    build it alike. No version: the rendered HTML is the version."""
    vandaag = timezone.localdate()
    context = {**_context(initiatief), "titel": initiatief.naam, "stand": vandaag}
    return PdfDocument(
        "pdf/initiatief.html",
        context,
        filename=f"initiatief-{initiatief.wijk.slug}-{initiatief.slug}-{vandaag:%Y-%m-%d}.pdf",
    )


@require_GET
def evaluatie_pdf(request: HttpRequest, regio: str, wijk: str, slug: str, pk: int):
    """Bijlage 7: one published evaluation (drafts are never public)."""
    initiatief = _publiek_initiatief(regio, wijk, slug)
    evaluatie = next((e for e in initiatief.evaluaties.all() if e.pk == pk), None)
    if evaluatie is None:
        raise Http404("Deze evaluatie bestaat niet of is nog niet gepubliceerd.")
    context = {
        **_context(initiatief),
        "evaluatie": evaluatie,
        "titel": f"Evaluatie {initiatief.naam}",
        "stand": evaluatie.datum,
    }
    return pdf_response(
        "pdf/evaluatie.html",
        context,
        filename=f"evaluatie-{wijk}-{slug}-{evaluatie.datum:%Y-%m-%d}.pdf",
    )


class FilterForm(forms.Form):
    # The search box's examples (its placeholder, and what to try when nothing is
    # found): each finds an initiative in the demo data (tests/test_zoeken.py).
    voorbeelden = ("koken", "wandelen", "boodschappen")

    q = forms.CharField(label="Zoek op woord", required=False, max_length=100)
    thema = forms.ChoiceField(label="Thema", choices=LEEG + Thema.choices, required=False)
    indicator = forms.ChoiceField(
        label="Werkt aan", choices=LEEG + Indicator.choices, required=False
    )
    status = forms.ChoiceField(
        label="Status",
        choices=LEEG + [(s, Status(s).label) for s in PUBLIEKE_STATUSSEN],
        required=False,
    )
    wijk = forms.TypedChoiceField(label="Wijk", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = LEEG + [(w.pk, f"{w.naam} ({w.regio.naam})") for w in wijken]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"
        self.fields["q"].widget.attrs["placeholder"] = "bijvoorbeeld: " + ", ".join(
            self.voorbeelden
        )

    def suggesties(self) -> list[str]:
        """Words to try when the search found nothing."""
        return zoektermen.suggesties(self.cleaned_data.get("q", "")) or list(self.voorbeelden)


@public_page(
    scopes=(scopes.INITIATIEVEN,),
    params=("q", "thema", "indicator", "status", "wijk", "pagina"),
)
def overzicht(request: HttpRequest) -> HttpResponse:
    wijken = list(Wijk.objects.select_related("regio").order_by("naam"))
    form = FilterForm(request.GET or None, wijken=wijken)
    initiatieven = _publieke_lijst(Initiatief.objects.all())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if filters.get("q"):
        initiatieven = initiatieven.zoek(filters["q"])
    if filters.get("thema"):
        initiatieven = initiatieven.filter(thema=filters["thema"])
    if filters.get("indicator"):
        initiatieven = initiatieven.met_indicator(filters["indicator"])
    if filters.get("status"):
        initiatieven = initiatieven.filter(status=filters["status"])
    if filters.get("wijk"):
        initiatieven = initiatieven.filter(wijk_id=filters["wijk"])
    pagina = Paginator(initiatieven, PER_PAGINA).get_page(request.GET.get("pagina"))
    context = {
        "form": form,
        "pagina": pagina,
        "gefilterd": any(filters.values()),
        "thema_paginas": thema_paginas(),
    }
    return render(request, "initiatieven/overzicht.html", context)


@public_page(scopes=(scopes.INITIATIEVEN,), params=("pagina",))
def thema(request: HttpRequest, thema: str) -> HttpResponse:
    """What the wijken learnt from one standard theme: the effects and lessons of the
    published evaluations of its public initiatives, the newest first."""
    gekozen = thema_uit_slug(thema)
    if gekozen is None:
        raise Http404("Dit thema bestaat niet.")
    evaluaties = (
        Evaluatie.objects.exclude(gepubliceerd_op=None)
        .filter(initiatief__in=Initiatief.objects.publiek().filter(thema=gekozen))
        .select_related("initiatief__wijk__regio")
        .order_by("-gepubliceerd_op", "-pk")
    )
    context = {
        "thema": gekozen,
        "pagina": lijsten.pagina(evaluaties, request, EVALUATIES_PER_PAGINA),
        "andere_themas": [(label, url) for label, url in thema_paginas() if label != gekozen.label],
    }
    return render(request, "initiatieven/thema.html", context)
