"""The wijkplan (Bijlage 5): the public page, editing in place, the history.

Every edit works with htmx (the response is a fragment of beheer/wijkplan.html) and
without JavaScript (a normal form page, then a redirect back to the plan).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from communitycare.lib import scopes
from communitycare.lib.pagecache import public_page
from communitycare.lib.textdiff import inline_diff
from openkoffie.access import get_vervolgafspraak_for_edit
from openkoffie.forms import PlanningForm
from openkoffie.models import OpenKoffie
from wijken.base.access import get_wijk_for_edit, get_wijk_for_view
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.wijkplan.access import get_actie_for_edit, get_wijkplanversie_for_edit
from wijken.wijkplan.forms import (
    ActieForm,
    ActieStapForm,
    NieuweActieForm,
    ThemaForm,
    VaststellingForm,
    VergelijkForm,
    deel_form,
)
from wijken.wijkplan.inhoud import plan_context
from wijken.wijkplan.models import (
    DELEN,
    DELEN_PER_VELD,
    Actie,
    Vaststelling,
    VersieConflict,
    Wijkplan,
    actie_uit_vervolgafspraak,
    bewaar_deel,
    nieuwe_actie,
    stel_vast,
    wijkplan_wijk_queryset,
    zet_themastanden,
)

BEHEER = "beheer/wijkplan.html"


@public_page(scopes=scopes.of_wijk)
def publiek(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(wijkplan_wijk_queryset(), regio__slug=regio, slug=wijk)
    return render(request, "wijken/wijkplan.html", plan_context(wijk_obj))


def _beheer_context(wijk: Wijk, **extra) -> dict:
    geladen = wijkplan_wijk_queryset().get(pk=wijk.pk)
    return {
        **plan_context(geladen),
        "nieuwe_actie_form": NieuweActieForm(),
        "planning_form": PlanningForm(wijk=wijk),
        "bewerken": True,
        **extra,
    }


def _terug(wijk: Wijk, anker: str = "") -> HttpResponse:
    url = Wijkplan(wijk=wijk).get_beheer_url()
    return redirect(f"{url}#{anker}" if anker else url)


@login_required
@require_GET
def beheer(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    # Its wijkverbinders read it here too, without the controls (`bewerken`).
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    return render(request, BEHEER, _beheer_context(wijk_obj, bewerken=wijk_obj.mag_bewerken))


# --- sections ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def deel(request: AuthenticatedHttpRequest, regio: str, wijk: str, veld: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    if veld not in DELEN_PER_VELD:
        raise Http404("Dit deel van het wijkplan bestaat niet.")
    plan = Wijkplan.voor(wijk_obj)
    context = {"wijk": wijk_obj, "deel": DELEN_PER_VELD[veld]}
    if request.method == "GET":
        form = deel_form(veld, instance=plan, initial={"versie": plan.versie(veld)})
        form.fields[veld].widget.attrs["autofocus"] = True
        context["form"] = form
        return _deel_form_response(request, context)
    form = deel_form(veld, request.POST, instance=plan)
    context["form"] = form
    if not form.is_valid():
        return _deel_form_response(request, context)
    eigen_tekst = form.cleaned_data[veld]
    try:
        bewaar_deel(wijk_obj, veld, eigen_tekst, form.cleaned_data["versie"], request.user)
    except VersieConflict as conflict:
        huidig = conflict.huidig
        huidige_tekst = getattr(huidig, veld)
        context.update(
            form=deel_form(veld, {veld: eigen_tekst, "versie": huidig.versie(veld)}),
            conflict=True,
            huidige_tekst=huidige_tekst,
            huidige_versie=huidig.history.select_related("history_user").first(),
            verschil=inline_diff(huidige_tekst, eigen_tekst),
        )
        return _deel_form_response(request, context)
    if request.htmx:
        beheer_context = _beheer_context(wijk_obj, oob=True, opgeslagen=True)
        beheer_context["d"] = next(d for d in beheer_context["plan"].delen() if d.deel.veld == veld)
        return render(request, f"{BEHEER}#deel", beheer_context)
    messages.success(request, f"{DELEN_PER_VELD[veld].nummer} is opgeslagen.")
    return _terug(wijk_obj, DELEN_PER_VELD[veld].anker)


def _deel_form_response(request: HttpRequest, context: dict) -> HttpResponse:
    template = f"{BEHEER}#deel_form" if request.htmx else "beheer/wijkplan_deel.html"
    return render(request, template, context)


# --- acties ----------------------------------------------------------------------


def _acties_response(request: HttpRequest, wijk: Wijk, melding: str = "", **extra) -> HttpResponse:
    if request.htmx:
        context = _beheer_context(wijk, oob=True, melding=melding, **extra)
        return render(request, f"{BEHEER}#acties", context)
    if melding:
        messages.info(request, melding)
    return _terug(wijk, "acties")


@login_required
@require_POST
def actie_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = NieuweActieForm(request.POST, instance=Actie(wijkplan=Wijkplan.voor(wijk_obj)))
    if not form.is_valid():
        context = _beheer_context(wijk_obj, nieuwe_actie_form=form)
        return render(request, f"{BEHEER}#acties" if request.htmx else BEHEER, context)
    velden = {name: form.cleaned_data[name] for name in ActieForm.Meta.fields}
    actie, nieuw = nieuwe_actie(wijk_obj, form.cleaned_data["token"], request.user, **velden)
    melding = f"Actie “{actie}” is toegevoegd." if nieuw else f"Actie “{actie}” stond er al."
    return _acties_response(request, wijk_obj, melding)


@login_required
@require_http_methods(["GET", "POST"])
def actie(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    actie_obj = get_actie_for_edit(request, regio, wijk, pk)
    wijk_obj = actie_obj.wijkplan.wijk
    if request.method == "GET":
        form = ActieForm(instance=actie_obj, initial={"versie": actie_obj.versie})
        context = {"wijk": wijk_obj, "actie": actie_obj, "form": form}
        return render(request, "beheer/wijkplan_actie.html", context)
    form = ActieForm(request.POST, instance=Actie(wijkplan=actie_obj.wijkplan))
    context = {"wijk": wijk_obj, "actie": actie_obj, "form": form}
    if form.is_valid():
        velden, basis = form.velden(), form.basis()
        try:
            actie_obj.bewaar(form.cleaned_data["versie"], request.user, basis, **velden)
        except VersieConflict as conflict:
            context.update(_actie_conflict(form, conflict.huidig, velden, basis))
        else:
            messages.success(request, "De actie is opgeslagen.")
            return _terug(wijk_obj, "acties")
    return render(request, "beheer/wijkplan_actie.html", context)


def _actie_conflict(form: ActieForm, huidig: Actie, velden: dict, basis: dict | None) -> dict:
    """What each person changed since the form was loaded, and the form again: the
    fields this editor changed keep their value, the others take the stored one (so
    saving again keeps the other person's edit), loaded anew at the stored version."""
    if basis is None:  # a form without its loaded values: every field may differ
        eigen, ander = velden, huidig.gewijzigd_sinds(velden)
    else:
        eigen = {naam: waarde for naam, waarde in velden.items() if waarde != basis[naam]}
        ander = huidig.gewijzigd_sinds(basis)
    samen = {naam: eigen.get(naam, getattr(huidig, naam)) for naam in velden}
    nieuw = ActieForm(instance=huidig, initial={**samen, "versie": huidig.versie})
    rijen = [
        (
            form[naam].label,
            _toon(eigen[naam]) if naam in eigen else "(niet gewijzigd)",
            _toon(getattr(huidig, naam)) if naam in ander else "(niet gewijzigd)",
        )
        for naam in velden
        if naam in eigen or naam in ander
    ]
    return {"form": nieuw, "conflict": rijen}


def _toon(waarde) -> str:
    if waarde is None or waarde == "":
        return "(leeg)"
    if hasattr(waarde, "strftime"):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)


def _actie_stap(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int, stap):
    """Runs one small change on an actie; an outdated version changes nothing."""
    actie_obj = get_actie_for_edit(request, regio, wijk, pk)
    wijk_obj = actie_obj.wijkplan.wijk
    form = ActieStapForm(request.POST)
    if not form.is_valid():
        return _acties_response(request, wijk_obj, "Dat lukte niet: vernieuw de pagina.")
    try:
        melding = stap(actie_obj, form.cleaned_data)
    except VersieConflict:
        melding = (
            f"“{actie_obj}” was intussen door iemand anders gewijzigd. "
            "Bekijk de lijst hieronder en probeer het zo nodig opnieuw."
        )
    return _acties_response(request, wijk_obj, melding)


@login_required
@require_POST
def actie_afronden(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    def stap(actie_obj: Actie, data: dict) -> str:
        actie_obj.bewaar(data["versie"], request.user, afgerond=data["afgerond"])
        return f"“{actie_obj}” is {'afgerond' if data['afgerond'] else 'weer open'}."

    return _actie_stap(request, regio, wijk, pk, stap)


@login_required
@require_POST
def actie_verplaatsen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    def stap(actie_obj: Actie, data: dict) -> str:
        if data["plaats"]:
            plaats = actie_obj.verplaats_naar(data["versie"], data["plaats"], request.user)
            return f"“{actie_obj}” staat nu op plaats {plaats}."
        omhoog = data["richting"] == "omhoog"
        actie_obj.verplaats(data["versie"], omhoog, request.user)
        return f"“{actie_obj}” is een plek {'omhoog' if omhoog else 'omlaag'} gezet."

    return _actie_stap(request, regio, wijk, pk, stap)


@login_required
@require_POST
def actie_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    def stap(actie_obj: Actie, data: dict) -> str:
        actie_obj.verwijder(data["versie"], request.user)
        return f"“{actie_obj}” is verwijderd."

    return _actie_stap(request, regio, wijk, pk, stap)


# --- planning --------------------------------------------------------------------


def _planning_response(request: HttpRequest, wijk: Wijk, **extra) -> HttpResponse:
    if request.htmx:
        return render(request, f"{BEHEER}#planning", _beheer_context(wijk, oob=True, **extra))
    if "planning_form" in extra:
        return render(request, BEHEER, _beheer_context(wijk, **extra))
    return _terug(wijk, "planning")


@login_required
@require_POST
def planning_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    """Adds an Open Koffie or an overleg to the agenda, from the wijkplan's chapter 4."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = PlanningForm(request.POST, wijk=wijk_obj)
    if not form.is_valid() or form.plan() is None:
        return _planning_response(request, wijk_obj, planning_form=form)
    return _planning_response(request, wijk_obj)


@login_required
@require_http_methods(["GET", "POST"])
def themas(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    """Which standard themes the wijk has, wants or does not need (2.1.2)."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = ThemaForm(request.POST or None, wijk=wijk_obj)
    terug = reverse("wijkplan:beheer", args=[regio, wijk]) + "#doel_initiatieven"
    if request.method == "POST" and form.is_valid():
        try:
            zet_themastanden(wijk_obj, form.standen())
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, "De thema's van de wijk zijn opgeslagen.")
            return redirect(terug)
    context = {"wijk": wijk_obj, "form": form, "titel": f"Thema's van {wijk_obj.naam}"}
    return render(request, "beheer/form.html", context | {"terug": terug})


# --- history ---------------------------------------------------------------------


@login_required
@require_GET
def historie(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    versies = list(
        Wijkplan.history.filter(wijk_id=wijk_obj.pk)
        .select_related("history_user", "vaststelling")
        .order_by("history_date", "history_id")
    )
    vorige = None
    for versie in versies:
        versie.gewijzigde_delen = [
            deel
            for deel in DELEN
            if getattr(versie, deel.veld) != (getattr(vorige, deel.veld) if vorige else "")
        ]
        vorige = versie
    versies.reverse()
    overige = sorted(
        [
            *Actie.history.filter(wijkplan__wijk=wijk_obj).select_related("history_user")[:100],
        ],
        key=lambda record: record.history_date,
        reverse=True,
    )[:100]
    context = {"wijk": wijk_obj, "versies": versies, "overige": overige}
    return render(request, "beheer/wijkplan_historie.html", context)


@login_required
@require_GET
def versie(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    wijk_obj, record = get_wijkplanversie_for_edit(request, regio, wijk, pk)
    huidig = Wijkplan.voor(wijk_obj)
    delen = [
        {
            "deel": deel,
            "tekst": getattr(record, deel.veld),
            "anders": getattr(record, deel.veld) != getattr(huidig, deel.veld),
            "versie": huidig.versie(deel.veld),
        }
        for deel in DELEN
    ]
    vaststelling = Vaststelling.objects.filter(versie=record).first()
    context = {
        "wijk": wijk_obj,
        "record": record,
        "delen": delen,
        "vaststelling": vaststelling,
        "vaststelling_form": VaststellingForm(open_koffies=_vaststelbaar(wijk_obj)),
    }
    return render(request, "beheer/wijkplan_versie.html", context)


@login_required
@require_GET
def vergelijk(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = VergelijkForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Kies twee versies om te vergelijken.")
        return redirect("wijkplan:historie", regio, wijk)
    records = Wijkplan.history.filter(wijk_id=wijk_obj.pk).select_related("history_user")
    van = get_object_or_404(records, history_id=form.cleaned_data["van"])
    naar = get_object_or_404(records, history_id=form.cleaned_data["naar"])
    if van.history_date > naar.history_date:
        van, naar = naar, van
    delen = [
        {
            "deel": deel,
            "anders": getattr(van, deel.veld) != getattr(naar, deel.veld),
            "verschil": inline_diff(getattr(van, deel.veld), getattr(naar, deel.veld)),
        }
        for deel in DELEN
    ]
    context = {"wijk": wijk_obj, "van": van, "naar": naar, "delen": delen}
    return render(request, "beheer/wijkplan_vergelijk.html", context)


@login_required
@require_POST
def herstellen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int, veld: str):
    wijk_obj, record = get_wijkplanversie_for_edit(request, regio, wijk, pk)
    if veld not in DELEN_PER_VELD:
        raise Http404("Dit deel van het wijkplan bestaat niet.")
    deel_obj = DELEN_PER_VELD[veld]
    form = ActieStapForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Dat lukte niet: vernieuw de pagina en probeer het opnieuw.")
        return redirect("wijkplan:versie", regio, wijk, pk)
    try:
        bewaar_deel(
            wijk_obj, veld, getattr(record, veld), form.cleaned_data["versie"], request.user
        )
    except VersieConflict:
        messages.error(
            request,
            f"{deel_obj.nummer} is intussen door iemand anders gewijzigd. Er is niets "
            "teruggezet; bekijk de nieuwe tekst en probeer het zo nodig opnieuw.",
        )
        return redirect("wijkplan:versie", regio, wijk, pk)
    messages.success(
        request,
        f"{deel_obj.nummer} {deel_obj.titel} is teruggezet naar de tekst van "
        f"{timezone.localtime(record.history_date):%d-%m-%Y %H:%M}. Dat is een nieuwe versie.",
    )
    return _terug(wijk_obj, deel_obj.anker)


def _vaststelbaar(wijk: Wijk):
    """The Open Koffies at which the wijk can have adopted its plan: begun (it may be
    recorded during the meeting), not cancelled, newest first."""
    return (
        OpenKoffie.objects.voor_wijk(wijk)
        .filter(begin__lte=timezone.now())
        .gaat_door()
        .order_by("-begin")
    )


@login_required
@require_POST
def vaststellen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    wijk_obj, record = get_wijkplanversie_for_edit(request, regio, wijk, pk)
    form = VaststellingForm(request.POST, open_koffies=_vaststelbaar(wijk_obj))
    if not form.is_valid():
        for fout in form.errors.get("open_koffie", []):
            messages.error(request, fout)
        return redirect("wijkplan:versie", regio, wijk, pk)
    try:
        vaststelling, nieuw = stel_vast(record, form.cleaned_data["open_koffie"], request.user)
    except ValidationError as error:
        for fout in error.messages:
            messages.error(request, fout)
        return redirect("wijkplan:versie", regio, wijk, pk)
    if nieuw:
        messages.success(request, f"De versie is vastgesteld op {vaststelling.datum:%d-%m-%Y}.")
    else:
        messages.info(request, "Deze versie was al vastgesteld.")
    return redirect("wijkplan:historie", regio, wijk)


@login_required
@require_POST
def vervolgafspraak_naar_wijkplan(request: AuthenticatedHttpRequest, regio, wijk, pk, afspraak):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    vervolgafspraak = get_vervolgafspraak_for_edit(request, regio, wijk, pk, afspraak)
    _, nieuw = actie_uit_vervolgafspraak(vervolgafspraak, wijk_obj, request.user)
    if nieuw:
        messages.success(request, f"“{vervolgafspraak}” staat nu in het plan van aanpak.")
    else:
        messages.info(request, f"“{vervolgafspraak}” stond al in het plan van aanpak.")
    terug = reverse("openkoffie_beheer:bijeenkomst", args=[regio, wijk, pk])
    return redirect(terug + "#vervolgafspraken")
