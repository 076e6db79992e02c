"""Maintaining the doe-boekje: coördinatoren, the programme, and wijkverbinders with the right.

The list is the working view of an Open Koffie: every entry can be updated, marked
checked or archived in place (htmx), and every action also works as a plain form.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.doeboekje.access import get_doe_boekje_item_for_edit, get_wijk_for_doe_boekje
from wijken.doeboekje.forms import DoeBoekjeItemForm, DoeBoekjeSnelForm, DoeBoekjeSnelNieuwForm
from wijken.doeboekje.models import DoeBoekjeItem

TEMPLATE = "beheer/doeboekje.html"
# ?toon=...: (key, tab, heading)
WEERGAVEN = [
    ("actueel", "Alles", "In het doe-boekje"),
    ("te-controleren", "Te controleren", "Langer dan een jaar niet gecontroleerd"),
    ("archief", "Archief", "Gearchiveerd"),
]


def lijst_url(wijk: Wijk, pk: int | None = None) -> str:
    url = reverse("beheer:doeboekje", args=[wijk.regio.slug, wijk.slug])
    return f"{url}#item-{pk}" if pk else url


def _render_lijst(
    request: AuthenticatedHttpRequest,
    wijk: Wijk,
    bewerk: DoeBoekjeItem | None = None,
    snel_form: DoeBoekjeSnelForm | None = None,
) -> HttpResponse:
    koppen = {sleutel: kop for sleutel, _, kop in WEERGAVEN}
    weergave = request.GET.get("toon", "actueel")
    if weergave not in koppen:
        weergave = "actueel"
    alle = wijk.doe_boekje.select_related("huis", "gecontroleerd_door").order_by("naam")
    items = {
        "actueel": alle.actueel(),
        "te-controleren": alle.actueel().te_controleren(),
        "archief": alle.filter(gearchiveerd=True),
    }[weergave]
    context = {
        "wijk": wijk,
        "items": items,
        "weergave": weergave,
        "weergaven": WEERGAVEN,
        "kop": koppen[weergave],
        "telling": wijk.doe_boekje.actueel().telling(),
        "bewerk": bewerk,
        "snel_form": snel_form,
        "nieuw_form": DoeBoekjeSnelNieuwForm(),
        "kan_wijk_bewerken": Wijk.objects.editable_by(request.user).filter(pk=wijk.pk).exists(),
    }
    return render(request, TEMPLATE, context)


def _render_item(request, item: DoeBoekjeItem, **extra) -> HttpResponse:
    context = {"wijk": item.wijk, "item": item, **extra}
    return render(request, TEMPLATE + "#item", context)


@login_required
@require_GET
def lijst(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _render_lijst(request, get_wijk_for_doe_boekje(request, regio, wijk))


@login_required
@require_http_methods(["GET", "POST"])
def snel(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    """Click-to-edit of one entry: when, costs and contact, and 'checked' in one go."""
    item = get_doe_boekje_item_for_edit(request, regio, wijk, pk)
    form = DoeBoekjeSnelForm(request.POST or None, instance=item, prefix=f"item-{item.pk}")
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if form.cleaned_data["gecontroleerd"]:
                item.markeer_gecontroleerd(request.user)
        melding = f"“{item}” is bijgewerkt."
        if request.htmx:
            return _render_item(request, item, melding=melding)
        messages.success(request, melding)
        return redirect(lijst_url(item.wijk, item.pk))
    if request.htmx:
        return _render_item(request, item, bewerk=item, snel_form=form)
    return _render_lijst(request, item.wijk, bewerk=item, snel_form=form)


@login_required
@require_POST
def gecontroleerd(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    item = get_doe_boekje_item_for_edit(request, regio, wijk, pk)
    with transaction.atomic():
        item.markeer_gecontroleerd(request.user)
    return _na_actie(request, item, f"“{item}” is gecontroleerd.")


@login_required
@require_POST
def archiveren(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    return _zet_archief(request, regio, wijk, pk, gearchiveerd=True)


@login_required
@require_POST
def terugzetten(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    return _zet_archief(request, regio, wijk, pk, gearchiveerd=False)


def _zet_archief(request, regio: str, wijk: str, pk: int, gearchiveerd: bool) -> HttpResponse:
    item = get_doe_boekje_item_for_edit(request, regio, wijk, pk)
    item.gearchiveerd = gearchiveerd
    if item.naam_bezet():
        item.gearchiveerd = not gearchiveerd  # nothing changes
        melding = f"Er staat al een actueel item “{item}”; pas eerst de naam van een van beide aan."
        if request.htmx:
            return _render_item(request, item, fout=melding)
        messages.error(request, melding)
        return redirect(lijst_url(item.wijk) + "?toon=archief")
    with transaction.atomic():
        item.save(update_fields=["gearchiveerd", "gewijzigd_op"])
    wat = "gearchiveerd" if gearchiveerd else "teruggezet"
    return _na_actie(request, item, f"“{item}” is {wat}.")


def _na_actie(request, item: DoeBoekjeItem, melding: str) -> HttpResponse:
    if request.htmx:
        return _render_item(request, item, melding=melding)
    messages.success(request, melding)
    return redirect(lijst_url(item.wijk, item.pk))


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_doe_boekje(request, regio, wijk)
    form = DoeBoekjeItemForm(request.POST or None, wijk=wijk_obj)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save()
            # Whoever enters it has just heard it is so.
            item.markeer_gecontroleerd(request.user)
        messages.success(request, f"“{item}” staat in het doe-boekje.")
        return redirect(lijst_url(wijk_obj, item.pk))
    return _render_form(request, wijk_obj, form, "Nieuw in het doe-boekje")


@login_required
@require_http_methods(["GET", "POST"])
def bewerken(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    item = get_doe_boekje_item_for_edit(request, regio, wijk, pk)
    form = DoeBoekjeItemForm(request.POST or None, instance=item, wijk=item.wijk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, f"“{item}” is opgeslagen.")
        return redirect(lijst_url(item.wijk, item.pk))
    return _render_form(request, item.wijk, form, f"{item.naam} bewerken", item)


def _render_form(request, wijk: Wijk, form, titel: str, item=None) -> HttpResponse:
    context = {
        "wijk": wijk,
        "form": form,
        "titel": titel,
        "item": item,
        "kan_wijk_bewerken": Wijk.objects.editable_by(request.user).filter(pk=wijk.pk).exists(),
    }
    return render(request, "beheer/doeboekje_form.html", context)
