"""The programmamanager's review of one begroting: the initiative, its place in the
wijkplan and the change since the last approval beside the decision. Here, above the
wijkplan and the initiatives, as it shows both; the rules stay in `Begroting`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from initiatieven.access import get_begroting_for_besluit
from initiatieven.besluit import regelverschil
from initiatieven.forms import BesluitForm
from initiatieven.models import Begroting, GoedkeuringGeweigerd
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.wijkplan.models import Wijkplan

BESLUITEN = ("goedkeuren", "afwijzen")


def _terug_naar_wachtrij(request: AuthenticatedHttpRequest) -> str:
    """The admin queue for a programmamanager; the programme dashboard's list for whoever
    stands in for her (the admin queue is hers alone)."""
    if request.user.is_programmamanager and request.user.is_staff:
        return reverse("admin:initiatieven_begrotingtergoedkeuring_changelist")
    return reverse("beheer:programma") + "#wachtrij-kop"


def _beslis(request: AuthenticatedHttpRequest, begroting: Begroting, form: BesluitForm) -> str:
    """Applies the decision of the POST through the domain; returns an error or ""."""
    besluit = request.POST.get("besluit")
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        versie = -1
    if besluit == "afwijzen" and not form.is_valid():
        return ""  # the form shows its own error on the reason
    try:
        with transaction.atomic():
            vergrendeld = Begroting.objects.select_for_update().get(pk=begroting.pk)
            if besluit == "afwijzen":
                vergrendeld.wijs_af(request.user, versie, form.cleaned_data["reden"])
            else:
                vergrendeld.keur_goed(request.user, versie)
    except GoedkeuringGeweigerd as error:
        return str(error)
    return "ok"


@login_required
@require_http_methods(["GET", "POST"])
def begroting(request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str) -> HttpResponse:
    begroting = get_begroting_for_besluit(request, regio, wijk, slug)
    initiatief = begroting.initiatief
    afwijzen = request.method == "POST" and request.POST.get("besluit") == "afwijzen"
    form = BesluitForm(request.POST if afwijzen else None)
    fout, status = "", 200
    mag_niet = begroting.mag_niet_beslissen(request.user)
    if request.method == "POST" and mag_niet:
        # Whoever may not decide (here: a stand-in while a programmamanager can) is refused.
        fout, status = mag_niet, 403
    elif request.method == "POST":
        if request.POST.get("besluit") not in BESLUITEN:
            fout = "Kies goedkeuren of afwijzen."
        else:
            uitkomst = _beslis(request, begroting, form)
            if uitkomst == "ok":
                wat = "afgewezen" if afwijzen else "goedgekeurd"
                messages.success(request, f"De begroting van “{initiatief}” is {wat}.")
                return redirect(_terug_naar_wachtrij(request))
            fout = uitkomst
    checklist = initiatief.checklist()
    wijkplan = Wijkplan.voor(initiatief.wijk)
    stap5 = checklist[4]
    context = {
        "begroting": begroting,
        "initiatief": initiatief,
        "wijk": initiatief.wijk,
        "checklist": checklist,
        "aantal_afgerond": sum(stand.afgerond for stand in checklist),
        "doel_wijkplan": stap5.antwoord if stap5.afgerond else "",
        "wijkplan_doel_initiatieven": wijkplan.doel_initiatieven,
        "verschil": regelverschil(begroting),
        "laatst_goedgekeurd": begroting.laatst_goedgekeurd(),
        "besluiten": begroting.besluiten.select_related("door"),
        "mag_niet": mag_niet,
        "door_u_ingediend": begroting.ingediend_door_id == request.user.pk,
        "door_u_bewerkt": begroting.heeft_bewerkt(request.user),
        "ter_goedkeuring": begroting.status == Begroting.Stand.INGEDIEND,
        "form": form,
        "fout": fout,
        "terug": _terug_naar_wachtrij(request),
    }
    return render(request, "beheer/begroting_besluit.html", context, status=status)
