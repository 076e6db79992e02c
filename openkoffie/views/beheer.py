"""The back office of the Open Koffie, the overleg and the wijkverbinder werving."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from communitycare.lib.pdf import pdf_response
from openkoffie import planning, werving
from openkoffie.access import (
    get_bespreekpunt_for_edit,
    get_open_koffie_for_edit,
    get_open_koffie_for_view,
    get_overleg_for_edit,
    get_vervolgafspraak_for_edit,
)
from openkoffie.forms import (
    AgendaFormSet,
    BespreekpuntNamensForm,
    BespreekpuntStatusForm,
    JaarPlanningForm,
    OpenKoffieForm,
    OverlegForm,
    VerplaatsForm,
    VerslagForm,
    VervolgafspraakForm,
    WervingsactieForm,
    WijkverbinderStatusForm,
)
from openkoffie.models import Bespreekpunt, OpenKoffie
from wijken.base.access import get_wijk_for_edit, get_wijk_for_view, get_wijkverbinder_for_edit
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest

TERUGBLIK = datetime.timedelta(days=365)


def _url(name: str, wijk: Wijk, *args) -> str:
    """Back-office URLs go through the wijk the user came in by (a combined Open Koffie
    has two), so a coördinator of either wijk stays within their own."""
    return reverse(f"openkoffie_beheer:{name}", args=[wijk.regio.slug, wijk.slug, *args])


def _formulier(request, wijk: Wijk, form, titel: str, terug: str, **extra) -> HttpResponse:
    context = {"wijk": wijk, "form": form, "titel": titel, "terug": terug, **extra}
    return render(request, "openkoffie/beheer/form.html", context)


# --- Open Koffie ---------------------------------------------------------------


def _overzicht(request, wijk: Wijk, planning_form: JaarPlanningForm) -> HttpResponse:
    open_koffies = (
        OpenKoffie.objects.voor_wijk(wijk)
        .filter(begin__gte=timezone.now() - TERUGBLIK)
        .met_plaats()
        .annotate(
            nieuwe_punten=Count(
                "bespreekpunten", filter=Q(bespreekpunten__status=Bespreekpunt.Status.INGEDIEND)
            )
        )
        .order_by("begin")
    )
    overleggen = wijk.overleggen.annotate(aantal_aanwezig=Count("aanwezigen"))
    vandaag = timezone.localdate()
    context = {
        "wijk": wijk,
        "signalen": planning.signalen([wijk])[wijk.pk],
        "komend": [open_koffie for open_koffie in open_koffies if open_koffie.is_komend],
        "geweest": [ok for ok in reversed(open_koffies) if not ok.is_komend],
        # Like the Open Koffies: the next one on top, then back in time from the last.
        "overleg_komend": overleggen.filter(datum__gte=vandaag).order_by("datum")[:12],
        "overleg_geweest": overleggen.filter(datum__lt=vandaag).order_by("-datum")[:12],
        "planning_form": planning_form,
    }
    return render(request, "openkoffie/beheer/overzicht.html", context)


@login_required
@require_GET
def overzicht(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    return _overzicht(request, wijk_obj, JaarPlanningForm(wijk=wijk_obj))


@login_required
@require_POST
def plan_jaar(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = JaarPlanningForm(request.POST, wijk=wijk_obj)
    if not form.is_valid():
        return _overzicht(request, wijk_obj, form)
    uitkomst = form.plan()
    if uitkomst is None:
        return _overzicht(request, wijk_obj, form)
    geplande, overgeslagen = uitkomst
    data = ", ".join(f"{timezone.localtime(ok.begin):%d-%m-%Y}" for ok in geplande)
    aantal = {1: "Eén Open Koffie", 2: "Twee Open Koffies", 3: "Drie Open Koffies"}
    wat = aantal.get(len(geplande), "Vier Open Koffies")
    bericht = f"{wat} gepland: {data}. Pas een datum aan waar dat nodig is."
    if overgeslagen:
        dagen = ", ".join(f"{dag:%d-%m-%Y}" for dag in overgeslagen)
        bericht += f" Op {dagen} stond al een Open Koffie; die dag is overgeslagen."
    messages.success(request, bericht)
    return redirect(_url("overzicht", wijk_obj))


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = OpenKoffieForm(request.POST or None, wijk=wijk_obj, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            open_koffie = form.save()
        messages.success(request, "De Open Koffie is gepland, met de standaard agenda.")
        return redirect(_url("bijeenkomst", wijk_obj, open_koffie.pk))
    return _formulier(request, wijk_obj, form, "Nieuwe Open Koffie", _url("overzicht", wijk_obj))


def _bijeenkomst(request, wijk: Wijk, open_koffie: OpenKoffie, afspraak_form=None):
    bespreekpunten = open_koffie.bespreekpunten.all()
    if not wijk.mag_bewerken:
        # A wijkverbinder reads the agenda: what came in, and who sent it, is for review.
        bespreekpunten = bespreekpunten.geaccepteerd()
    context = {
        "wijk": wijk,
        "open_koffie": open_koffie,
        "bespreekpunten": bespreekpunten,
        "vervolgafspraken": open_koffie.vervolgafspraken.all(),
        "afspraak_form": afspraak_form or VervolgafspraakForm(),
    }
    if request.htmx:
        return render(request, "openkoffie/beheer/bijeenkomst.html#bespreekpunten", context)
    return render(request, "openkoffie/beheer/bijeenkomst.html", context)


@login_required
@require_GET
def bijeenkomst(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    open_koffie = get_open_koffie_for_view(request, regio, wijk, pk)
    return _bijeenkomst(request, open_koffie.beheer_wijk, open_koffie)


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    form = OpenKoffieForm(
        request.POST or None, instance=open_koffie, wijk=wijk_obj, user=request.user
    )
    terug = _url("bijeenkomst", wijk_obj, pk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "De Open Koffie is opgeslagen.")
        return redirect(terug)
    return _formulier(
        request,
        wijk_obj,
        form,
        f"{open_koffie} bewerken",
        terug,
        verwijder_url=_url("verwijderen", wijk_obj, pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    formset = AgendaFormSet(request.POST or None, instance=open_koffie)
    terug = _url("bijeenkomst", wijk_obj, pk)
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, "De agenda is opgeslagen.")
        return redirect(terug)
    context = {"wijk": wijk_obj, "open_koffie": open_koffie, "formset": formset, "terug": terug}
    return render(request, "openkoffie/beheer/agenda.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def verslag(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    form = VerslagForm(request.POST or None, instance=open_koffie)
    terug = _url("bijeenkomst", wijk_obj, pk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Het verslag en de opkomst zijn opgeslagen.")
        return redirect(terug)
    return _formulier(request, wijk_obj, form, f"Verslag en opkomst: {open_koffie}", terug)


@login_required
@require_http_methods(["GET", "POST"])
def verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    if request.method == "POST":
        with transaction.atomic():
            open_koffie.delete()
        messages.success(request, f"“{open_koffie}” is verwijderd.")
        return redirect(_url("overzicht", wijk_obj))
    context = {"wijk": wijk_obj, "object": open_koffie, "wat": "De Open Koffie"}
    return render(request, "beheer/verwijderen.html", context)


@login_required
@require_GET
def kaart(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    """The A5 card to leave at the receptie: a point written on it comes in as a
    `Bespreekpunt` with `bron` briefje, entered by whoever collects the cards."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffies = list(OpenKoffie.objects.voor_wijk(wijk_obj).gepland().komend().met_plaats()[:2])
    context = {
        "wijk": wijk_obj,
        "titel": "Uw punt voor de Open Koffie",
        "stand": timezone.localdate(),
        "open_koffies": open_koffies,
        "regels": range(3),
    }
    return pdf_response(
        "pdf/bespreekpunt_kaart.html",
        context,
        filename=f"open-koffie-kaart-{wijk_obj.regio.slug}-{wijk_obj.slug}.pdf",
    )


@login_required
@require_http_methods(["GET", "POST"])
def bespreekpunt_namens(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    """Enter a point a resident gave by phone, on a note, at the receptie or in the room:
    the wijk's wijkverbinders may too, as they hear most of them; the coördinator reviews."""
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    open_koffie = get_open_koffie_for_view(request, regio, wijk, pk)
    form = BespreekpuntNamensForm(request.POST or None, open_koffie=open_koffie, door=request.user)
    terug = _url("bijeenkomst", wijk_obj, pk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        if wijk_obj.mag_bewerken:
            bericht = "Het punt is opgeslagen. Accepteer het om het op de agenda te zetten."
        else:
            bericht = "Het punt is opgeslagen. De coördinator zet het op de agenda."
        messages.success(request, bericht)
        return redirect(terug + "#bespreekpunten")
    return _formulier(
        request, wijk_obj, form, f"Punt invoeren voor een bewoner: {open_koffie}", terug
    )


@login_required
@require_POST
def bespreekpunt_status(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk, punt):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    bespreekpunt = get_bespreekpunt_for_edit(request, regio, wijk, pk, punt)
    form = BespreekpuntStatusForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            bespreekpunt.zet_status(form.cleaned_data["status"])
        if not request.htmx:
            messages.success(
                request, f"Het bespreekpunt staat nu op “{bespreekpunt.get_status_display()}”."
            )
    else:
        messages.error(request, "Die status bestaat niet; er is niets veranderd.")
    return _na_bespreekpunt(request, wijk_obj, bespreekpunt.open_koffie)


@login_required
@require_POST
def bespreekpunt_verplaats(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk, punt):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    bespreekpunt = get_bespreekpunt_for_edit(request, regio, wijk, pk, punt)
    form = VerplaatsForm(request.POST)
    if form.is_valid() and bespreekpunt.status == Bespreekpunt.Status.GEACCEPTEERD:
        with transaction.atomic():
            bespreekpunt.verplaats(omhoog=form.cleaned_data["richting"] == "omhoog")
    else:
        messages.error(request, "Alleen punten op de agenda kunnen omhoog of omlaag.")
    return _na_bespreekpunt(request, wijk_obj, bespreekpunt.open_koffie)


def _na_bespreekpunt(request, wijk: Wijk, open_koffie: OpenKoffie) -> HttpResponse:
    if request.htmx:
        return _bijeenkomst(request, wijk, open_koffie)
    return redirect(_url("bijeenkomst", wijk, open_koffie.pk) + "#bespreekpunten")


@login_required
@require_POST
def vervolgafspraak_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    form = VervolgafspraakForm(request.POST)
    if not form.is_valid():
        return _bijeenkomst(request, wijk_obj, open_koffie, afspraak_form=form)
    with transaction.atomic():
        form.instance.open_koffie = open_koffie
        form.save()
    messages.success(request, "De vervolgafspraak is toegevoegd.")
    return redirect(_url("bijeenkomst", wijk_obj, pk) + "#vervolgafspraken")


@login_required
@require_POST
def vervolgafspraak_verwijderen(request: AuthenticatedHttpRequest, regio, wijk, pk, afspraak):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    vervolgafspraak = get_vervolgafspraak_for_edit(request, regio, wijk, pk, afspraak)
    with transaction.atomic():
        vervolgafspraak.delete()
    messages.success(request, f"De vervolgafspraak “{vervolgafspraak}” is verwijderd.")
    return redirect(_url("bijeenkomst", wijk_obj, pk) + "#vervolgafspraken")


# --- wijkverbinder-overleg -------------------------------------------------------


def _overleg_opslaan(request, wijk: Wijk, form: OverlegForm, titel: str, **extra):
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, "Het overleg is opgeslagen.")
        return redirect(_url("overzicht", wijk) + "#overleg")
    return _formulier(request, wijk, form, titel, _url("overzicht", wijk), **extra)


@login_required
@require_http_methods(["GET", "POST"])
def overleg_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = OverlegForm(request.POST or None, wijk=wijk_obj, initial={"datum": timezone.localdate()})
    return _overleg_opslaan(request, wijk_obj, form, "Nieuw wijkverbinder-overleg")


@login_required
@require_http_methods(["GET", "POST"])
def overleg(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    overleg_obj = get_overleg_for_edit(request, regio, wijk, pk)
    wijk_obj = overleg_obj.wijk
    form = OverlegForm(request.POST or None, instance=overleg_obj, wijk=wijk_obj)
    return _overleg_opslaan(
        request,
        wijk_obj,
        form,
        str(overleg_obj),
        verwijder_url=_url("overleg_verwijderen", wijk_obj, pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def overleg_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    overleg_obj = get_overleg_for_edit(request, regio, wijk, pk)
    wijk_obj = overleg_obj.wijk
    if request.method == "POST":
        with transaction.atomic():
            overleg_obj.delete()
        messages.success(request, f"“{overleg_obj}” is verwijderd.")
        return redirect(_url("overzicht", wijk_obj) + "#overleg")
    context = {"wijk": wijk_obj, "object": overleg_obj, "wat": "Het overleg"}
    return render(request, "beheer/verwijderen.html", context)


# --- wijkverbinders: the werving ----------------------------------------------------


def _werving(request, wijk: Wijk, actie_form=None) -> HttpResponse:
    actie_form = actie_form or WervingsactieForm(wijk=wijk, door=request.user)
    actie_form.helper.form_action = _url("wervingsactie_nieuw", wijk)
    context = {"wijk": wijk, "actie_form": actie_form, **werving.bord(wijk)}
    template = "openkoffie/beheer/wijkverbinders.html"
    return render(request, template + "#bord" if request.htmx else template, context)


@login_required
@require_GET
def wijkverbinders(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _werving(request, get_wijk_for_edit(request, regio, wijk))


@login_required
@require_POST
def wervingsactie_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = WervingsactieForm(request.POST, wijk=wijk_obj, door=request.user)
    if not form.is_valid():
        return _werving(request, wijk_obj, actie_form=form)
    with transaction.atomic():
        form.save()
    messages.success(request, "De wervingsactie is vastgelegd.")
    return redirect(_url("wijkverbinders", wijk_obj) + "#wervingsacties")


@login_required
@require_POST
def wijkverbinder_status(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    verbinder = get_wijkverbinder_for_edit(request, regio, wijk, pk)
    form = WijkverbinderStatusForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            werving.zet_status(verbinder, form.cleaned_data["status"])
        if not request.htmx:
            messages.success(
                request, f"{verbinder.naam} staat nu bij “{verbinder.get_status_display()}”."
            )
    else:
        messages.error(request, "Die stap bestaat niet; er is niets veranderd.")
    if request.htmx:
        return _werving(request, verbinder.wijk)
    return redirect(_url("wijkverbinders", verbinder.wijk))
