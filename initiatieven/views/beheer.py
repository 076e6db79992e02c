"""The back office of initiatives: steps, description, begroting, status, evaluations."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from communitycare.lib import exports
from initiatieven.access import (
    get_begroting_for_edit,
    get_evaluatie_for_edit,
    get_herkomst,
    get_idee_for_edit,
    get_initiatief_for_coordinatie,
    get_initiatief_for_edit,
    get_regel_for_edit,
)
from initiatieven.forms import (
    NAAM_BESTAAT,
    BegrotingsregelForm,
    BeschrijvingForm,
    BestedingFormSet,
    EvaluatieForm,
    IdeeNamensForm,
    IdeeStatusForm,
    InitiatiefNieuwForm,
    OverigAkkoordForm,
    StapForm,
    StatusForm,
)
from initiatieven.models import (
    AL_EEN_INITIATIEF,
    HANDMATIGE_STAPPEN,
    WIJZIGEN_NA_GOEDKEURING,
    Begroting,
    Evaluatie,
    Idee,
    Initiatief,
    Initiatiefnemer,
    WijzigingNietBevestigd,
    start_initiatief,
)
from initiatieven.similarity import lijkt_op
from openkoffie.models import Bespreekpunt
from wijken.base import roles
from wijken.base.access import get_wijk_for_edit, get_wijk_for_view
from wijken.base.requests import AuthenticatedHttpRequest

GET_POST = ["GET", "POST"]


@login_required
def lijst(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    initiatieven = (
        Initiatief.objects.filter(wijk=wijk_obj)
        .select_related("begroting", "wijk__regio")
        .met_evaluatiestand()
        .annotate(
            te_openen=Exists(Initiatief.objects.editable_by(request.user).filter(pk=OuterRef("pk")))
        )
        .order_by("naam")
    )
    # Ideas carry a resident's contact: for whoever runs the wijk, not for a wijkverbinder.
    ideeen = (
        wijk_obj.ideeen.select_related(
            "ingevoerd_door", "initiatief__wijk__regio"
        ).te_bekijken_eerst()
        if wijk_obj.mag_bewerken
        else None
    )
    context = {"wijk": wijk_obj, "initiatieven": initiatieven, "ideeen": ideeen}
    return render(request, "initiatieven/beheer/lijst.html", context)


def _beginwaarden(herkomst: Idee | Bespreekpunt | Initiatief | None) -> dict:
    """What the form for a new initiative starts with, from where it came from."""
    if isinstance(herkomst, Idee | Bespreekpunt):
        return {
            "globale_beschrijving": herkomst.tekst,
            "initiatiefnemer_soort": Initiatiefnemer.BEWONER,
            "initiatiefnemer": herkomst.naam,
        }
    if isinstance(herkomst, Initiatief):
        return {
            "naam": herkomst.naam,
            "thema": herkomst.thema,
            "globale_beschrijving": herkomst.globale_beschrijving,
        }
    return {}


@login_required
@require_http_methods(GET_POST)
def nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    """A new initiative; `?idee=`, `?bespreekpunt=` or `?voorbeeld=` start it from an idea
    of the wijk, a bespreekpunt or another wijk's initiative, and it records that."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    herkomst = get_herkomst(request, wijk_obj)
    if isinstance(herkomst, Idee) and herkomst.initiatief is not None:
        messages.info(request, AL_EEN_INITIATIEF.format(herkomst.initiatief))
        return redirect(herkomst.initiatief.get_beheer_url())
    form = InitiatiefNieuwForm(request.POST or None, wijk=wijk_obj, initial=_beginwaarden(herkomst))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                initiatief = form.save(commit=False)
                initiatief.coordinator = (
                    request.user if request.user.has_role(roles.COORDINATOR) else None
                )
                start_initiatief(initiatief, herkomst)
        except IntegrityError:
            # The same name saved a moment ago (a double submit, perhaps on another app
            # server): the form's own check ran before that save was committed.
            form.add_error("naam", NAAM_BESTAAT)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Het initiatief is aangemaakt. Loop nu de startstappen door.")
            return redirect(initiatief.get_beheer_url())
    context = {"wijk": wijk_obj, "form": form, "titel": "Nieuw initiatief", "herkomst": herkomst}
    return render(request, "initiatieven/beheer/nieuw.html", context)


# --- ideas from the wijk ------------------------------------------------------------


@login_required
@require_http_methods(GET_POST)
def idee_namens(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    """Enter an idea a resident gave by phone, on a note, at the receptie or in the room:
    the wijk's wijkverbinders may too, as they hear most of them; the coördinator reviews."""
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    form = IdeeNamensForm(request.POST or None, wijk=wijk_obj, door=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        if not wijk_obj.mag_bewerken:
            messages.success(request, "Het idee is opgeslagen. De coördinator bekijkt het.")
            return redirect(reverse("initiatieven_beheer:lijst", args=[regio, wijk]))
        messages.success(request, "Het idee is opgeslagen. U vindt het bij de ideeën uit de wijk.")
        return redirect(reverse("initiatieven_beheer:lijst", args=[regio, wijk]) + "#ideeen")
    context = {"wijk": wijk_obj, "form": form, "titel": "Idee invoeren voor een bewoner"}
    return render(request, "beheer/form.html", context)


@login_required
@require_POST
def idee_status(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    idee = get_idee_for_edit(request, regio, wijk, pk)
    form = IdeeStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Die keuze bestaat niet; er is niets veranderd.")
    else:
        try:
            with transaction.atomic():
                idee.zet_status(form.cleaned_data["status"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Het idee staat nu op “{idee.get_status_display()}”.")
    return redirect(reverse("initiatieven_beheer:lijst", args=[regio, wijk]) + "#ideeen")


def _overzicht_context(initiatief: Initiatief, request, forms: dict | None = None) -> dict:
    forms = forms or {}
    checklist = initiatief.checklist()
    for stand in checklist:
        if stand.handmatig and not (stand.afgerond or stand.wacht):
            stand.form = forms.get(stand.nummer) or StapForm(
                initiatief=initiatief, nummer=stand.nummer
            )
    return {
        "wijk": initiatief.wijk,
        "initiatief": initiatief,
        "checklist": checklist,
        "aantal_afgerond": sum(stand.afgerond for stand in checklist),
        "lijkt_op": lijkt_op(
            initiatief.wijk,
            f"{initiatief.naam} {initiatief.globale_beschrijving}",
            exclude=initiatief,
        ),
        "begroting": initiatief.begroting_of_none,
        "status_form": forms.get("status") or StatusForm(initial={"status": initiatief.status}),
        "evaluaties": initiatief.evaluaties.all(),
        "volgende_evaluatie": initiatief.volgende_evaluatie(),
    }


def _initiatief_met_alles(request, regio, wijk, slug, toegang=get_initiatief_for_edit):
    initiatief = toegang(request, regio, wijk, slug)
    # One fetch of everything the checklist reads, however often it reads it.
    geladen = (
        Initiatief.objects.select_related(
            "wijk__regio", "begroting__goedgekeurd_door", "coordinator", "wijkverbinder"
        )
        .prefetch_related(
            "indicatoren",
            "startstappen__voltooid_door",
            "startstappen__overleg_wijkverbinder",
            "startstappen__overleg",
            "startstappen__open_koffie",
            "begroting__regels",
            "evaluaties",
        )
        .get(pk=initiatief.pk)
    )
    geladen.wijkrecht = initiatief.wijkrecht
    return geladen


@login_required
def initiatief(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    initiatief = _initiatief_met_alles(request, regio, wijk, slug)
    return render(
        request, "initiatieven/beheer/initiatief.html", _overzicht_context(initiatief, request)
    )


@login_required
@require_http_methods(GET_POST)
def beschrijving(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    form = BeschrijvingForm(
        request.POST or None, instance=initiatief, wie_en_wanneer=initiatief.wijkrecht
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        ontbreekt = initiatief.beschrijving_ontbreekt()
        if ontbreekt:
            messages.info(
                request,
                "De beschrijving is opgeslagen. Nog in te vullen: " + ", ".join(ontbreekt) + ".",
            )
        else:
            messages.success(request, "De beschrijving is opgeslagen en compleet.")
        return redirect(initiatief.get_beheer_url())
    return render(
        request,
        "initiatieven/beheer/beschrijving.html",
        {"wijk": initiatief.wijk, "initiatief": initiatief, "form": form},
    )


@login_required
@require_http_methods(GET_POST)
def stap(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, nummer: int):
    initiatief = _initiatief_met_alles(request, regio, wijk, slug)
    if nummer not in HANDMATIGE_STAPPEN:
        messages.error(request, "Deze stap volgt vanzelf uit de begroting of de evaluaties.")
        return redirect(initiatief.get_beheer_url())
    data = request.POST if request.method == "POST" else None
    form = StapForm(data, initiatief=initiatief, nummer=nummer)
    if request.method == "POST" and form.is_valid():
        form.save_for(request.user)
        if not request.htmx:
            messages.success(request, f"Stap {nummer} is afgerond.")
            return redirect(initiatief.get_beheer_url() + f"#stap-{nummer}")
        initiatief = _initiatief_met_alles(request, regio, wijk, slug)
        form = None
    context = _overzicht_context(initiatief, request, {nummer: form} if form else None)
    context["stand"] = context["checklist"][nummer - 1]
    context["titel"] = f"Stap {nummer}"
    if request.htmx:
        return render(request, "initiatieven/beheer/_stap_htmx.html", context)
    return render(request, "initiatieven/beheer/stap.html", context)


@login_required
@require_POST
def stap_heropenen(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, nummer: int
):
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    with transaction.atomic():
        initiatief.startstappen.filter(nummer=nummer).delete()
    messages.info(request, f"Stap {nummer} staat weer open.")
    return redirect(initiatief.get_beheer_url() + f"#stap-{nummer}")


@login_required
@require_POST
def status(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    initiatief = _initiatief_met_alles(request, regio, wijk, slug, get_initiatief_for_coordinatie)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                initiatief.wijzig_status(
                    form.cleaned_data["status"],
                    einddatum=form.cleaned_data["einddatum"],
                    reden_einde=form.cleaned_data["reden_einde"],
                )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, f"De status is nu: {initiatief.get_status_display().lower()}."
            )
            return redirect(initiatief.get_beheer_url())
    context = _overzicht_context(initiatief, request, {"status": form})
    return render(request, "initiatieven/beheer/initiatief.html", context)


# --- begroting -----------------------------------------------------------------


def _begroting_context(begroting: Begroting, regel_form=None, akkoord_form=None) -> dict:
    akkoord_form = akkoord_form or OverigAkkoordForm(instance=begroting)
    akkoord_form.helper.form_action = begroting.initiatief.beheer_url("begroting")
    return {
        "wijk": begroting.initiatief.wijk,
        "initiatief": begroting.initiatief,
        "begroting": begroting,
        "regels": begroting.regels.all() if begroting.pk else [],
        "regel_form": regel_form or BegrotingsregelForm(),
        "akkoord_form": akkoord_form,
        "besluiten": begroting.besluiten.select_related("door") if begroting.pk else [],
    }


def _render_begroting(request, begroting: Begroting, **forms) -> HttpResponse:
    template = "initiatieven/beheer/begroting.html"
    if request.htmx:
        template += "#regels"
    return render(request, template, _begroting_context(begroting, **forms))


def _na_wijziging(request, begroting: Begroting, goedkeuring_ingetrokken: bool) -> None:
    if goedkeuring_ingetrokken:
        messages.warning(
            request,
            "De begroting was goedgekeurd. Door deze wijziging staat ze opnieuw ter "
            "goedkeuring bij de programmamanager.",
        )


def _bevestigd(request) -> bool:
    return request.POST.get("bevestigd") == "ja"


def _bevestig_wijziging(request, begroting: Begroting, wat: str, form=None) -> HttpResponse:
    """The no-JS confirmation step before the first change of an approved begroting:
    the same POST again, with `bevestigd`. Nothing was saved."""
    context = {
        "wijk": begroting.initiatief.wijk,
        "initiatief": begroting.initiatief,
        "vraag": WIJZIGEN_NA_GOEDKEURING,
        "wat": wat,
        "form": form,
        "titel": "Goedgekeurde begroting wijzigen?",
    }
    response = render(request, "initiatieven/beheer/bevestig_wijziging.html", context)
    if request.htmx:
        # A page from before the approval posted in place: show the question as a page.
        response = retarget(reswap(response, "innerHTML"), "body")
    return response


@login_required
@require_http_methods(GET_POST)
def begroting(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    form = OverigAkkoordForm(request.POST or None, instance=begroting)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(
            request, "Het financieel akkoord van de overige betrokkenen is opgeslagen."
        )
        return redirect(begroting.initiatief.beheer_url("begroting"))
    return render(
        request,
        "initiatieven/beheer/begroting.html",
        _begroting_context(begroting, akkoord_form=form),
    )


@login_required
@require_GET
def begroting_export(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    """The lines and their total as Excel (the amounts numbers, to count with), or as
    CSV with ?formaat=csv."""
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    regels: list = []
    if begroting.pk:
        prefetch_related_objects([begroting], "regels")  # the lines and the total: one query
        regels = begroting.regellijst()
    rijen = [
        [r.get_categorie_display(), r.omschrijving, r.bedrag, r.betaler, r.looptijd] for r in regels
    ]
    rijen.append(["Totaal", "", begroting.totaal() if regels else Decimal(0), "", ""])
    naam = f"begroting-{begroting.initiatief.slug}-{timezone.localdate():%Y-%m-%d}"
    koppen = ["Wat", "Wat, welke, wie", "Kosten", "Wie betaalt of voert uit", "Voor hoe lang"]
    return exports.tabel_response(
        request, naam, "Begroting", koppen, rijen, breedtes=[22, 40, 14, 28, 20]
    )


@login_required
@require_POST
def regel_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    form = BegrotingsregelForm(request.POST)
    if not form.is_valid():
        return _render_begroting(request, begroting, regel_form=form)
    try:
        with transaction.atomic():
            ingetrokken = begroting.sla_regel_op(
                form.instance, request.user, bevestigd=_bevestigd(request)
            )
            _na_wijziging(request, begroting, ingetrokken)
    except WijzigingNietBevestigd:
        return _bevestig_wijziging(request, begroting, "Een regel toevoegen.", form)
    if request.htmx:
        return _render_begroting(request, begroting)
    messages.success(request, "De regel is toegevoegd.")
    return redirect(begroting.initiatief.beheer_url("begroting"))


@login_required
@require_http_methods(GET_POST)
def regel(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int):
    regel = get_regel_for_edit(request, regio, wijk, slug, pk)
    begroting = regel.begroting
    wat = f"De regel “{regel}” wijzigen."  # before the form puts the new values in
    form = BegrotingsregelForm(request.POST or None, instance=regel)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            try:
                with transaction.atomic():
                    ingetrokken = begroting.sla_regel_op(
                        regel, request.user, bevestigd=_bevestigd(request)
                    )
                    _na_wijziging(request, begroting, ingetrokken)
            except WijzigingNietBevestigd:
                return _bevestig_wijziging(request, begroting, wat, form)
        messages.success(request, "De regel is opgeslagen.")
        return redirect(begroting.initiatief.beheer_url("begroting"))
    context = {
        "wijk": begroting.initiatief.wijk,
        "initiatief": begroting.initiatief,
        "form": form,
        "titel": "Begrotingsregel wijzigen",
        "verwijder_url": begroting.initiatief.beheer_url("regel_verwijderen", regel.pk),
    }
    return render(request, "initiatieven/beheer/regel.html", context)


@login_required
@require_http_methods(GET_POST)
def regel_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int):
    regel = get_regel_for_edit(request, regio, wijk, slug, pk)
    begroting = regel.begroting
    wat = f"De regel “{regel}” verwijderen."
    if request.method == "GET":
        if begroting.is_goedgekeurd:
            return _bevestig_wijziging(request, begroting, wat)
        return render(
            request,
            "beheer/verwijderen.html",
            {"wijk": begroting.initiatief.wijk, "object": regel, "wat": "De begrotingsregel"},
        )
    try:
        with transaction.atomic():
            ingetrokken = begroting.verwijder_regel(
                regel, request.user, bevestigd=_bevestigd(request)
            )
            _na_wijziging(request, begroting, ingetrokken)
    except WijzigingNietBevestigd:
        return _bevestig_wijziging(request, begroting, wat)
    if request.htmx:
        return _render_begroting(request, begroting)
    messages.success(request, "De regel is verwijderd.")
    return redirect(begroting.initiatief.beheer_url("begroting"))


@login_required
@require_POST
def indienen(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    try:
        with transaction.atomic():
            begroting.indienen(request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, "De begroting is ingediend. De programmamanager krijgt er bericht van."
        )
    return redirect(begroting.initiatief.beheer_url("begroting"))


# --- evaluaties ----------------------------------------------------------------


@login_required
@require_POST
def evaluatie_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str):
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    soort = request.POST.get("soort")
    if soort not in Evaluatie.Soort.values:
        messages.error(request, "Kies welke evaluatie u wilt starten.")
        return redirect(initiatief.get_beheer_url())
    with transaction.atomic():
        evaluatie = Evaluatie.start_uit_beschrijving(initiatief, soort, request.user)
    messages.success(request, "De evaluatie is gestart en ingevuld vanuit de beschrijving.")
    return redirect(initiatief.beheer_url("evaluatie", evaluatie.pk))


@login_required
@require_http_methods(GET_POST)
def evaluatie(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int):
    evaluatie = get_evaluatie_for_edit(request, regio, wijk, slug, pk)
    data = request.POST if request.method == "POST" else None
    form = EvaluatieForm(data, instance=evaluatie, publiceren=evaluatie.initiatief.wijkrecht)
    formset = BestedingFormSet(data, queryset=evaluatie.bestedingen.all(), prefix="besteding")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            form.save()
            formset.save()
        messages.success(request, "De evaluatie is opgeslagen.")
        return redirect(evaluatie.initiatief.get_beheer_url())
    context = {
        "wijk": evaluatie.initiatief.wijk,
        "initiatief": evaluatie.initiatief,
        "evaluatie": evaluatie,
        "form": form,
        "formset": formset,
    }
    return render(request, "initiatieven/beheer/evaluatie.html", context)
