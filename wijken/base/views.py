"""The back office of a wijk: only for those who may edit that wijk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from communitycare.lib.plakken import MAX_HTML, html_to_markdown
from wijken.base.access import (
    get_huis_for_edit,
    get_vrijwilliger_for_edit,
    get_wijk_for_edit,
    get_wijkverbinder_for_edit,
)
from wijken.base.forms import HuisForm, VrijwilligerForm, WijkForm, WijkverbinderForm
from wijken.base.models import Vrijwilliger
from wijken.base.requests import AuthenticatedHttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def wijk(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = WijkForm(request.POST or None, instance=wijk_obj)
    saved = False
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        saved = True
        if not request.htmx:
            messages.success(request, "De gegevens van de wijk zijn opgeslagen.")
            return redirect(wijk_obj.get_beheer_url())
    context = {
        "wijk": wijk_obj,
        "form": form,
        "saved": saved,
        "huizen": wijk_obj.huizen.all(),
        "vrijwilligers": Vrijwilliger.objects.filter(huis__wijk=wijk_obj).select_related("huis"),
        "wijkverbinders": wijk_obj.wijkverbinders.all(),
        "doe_boekje": wijk_obj.doe_boekje.actueel().telling(),
    }
    template = "beheer/wijk.html#wijkgegevens" if request.htmx else "beheer/wijk.html"
    return render(request, template, context)


def _edit_child(
    request, wijk_obj, form, titel: str, melding: str, verwijder_url: str = ""
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, melding)
        return redirect(wijk_obj.get_beheer_url())
    context = {"wijk": wijk_obj, "form": form, "titel": titel, "verwijder_url": verwijder_url}
    return render(request, "beheer/form.html", context)


def _delete_child(request, wijk_obj, obj, wat: str) -> HttpResponse:
    if request.method == "POST":
        with transaction.atomic():
            obj.delete()
        messages.success(request, f"{wat} “{obj}” is verwijderd.")
        return redirect(wijk_obj.get_beheer_url())
    return render(request, "beheer/verwijderen.html", {"wijk": wijk_obj, "object": obj, "wat": wat})


@login_required
@require_http_methods(["GET", "POST"])
def huis_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = HuisForm(request.POST or None, instance=None)
    form.instance.wijk = wijk_obj
    return _edit_child(request, wijk_obj, form, "Nieuw huis", "Het huis is toegevoegd.")


@login_required
@require_http_methods(["GET", "POST"])
def huis(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    huis_obj = get_huis_for_edit(request, regio, wijk, pk)
    form = HuisForm(request.POST or None, instance=huis_obj)
    return _edit_child(
        request,
        huis_obj.wijk,
        form,
        f"Huis {huis_obj}",
        "Het huis is opgeslagen.",
        reverse("beheer:huis_verwijderen", args=[regio, wijk, pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def huis_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    huis_obj = get_huis_for_edit(request, regio, wijk, pk)
    return _delete_child(request, huis_obj.wijk, huis_obj, "Het huis")


@login_required
@require_http_methods(["GET", "POST"])
def wijkverbinder_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = WijkverbinderForm(request.POST or None)
    form.instance.wijk = wijk_obj
    return _edit_child(
        request, wijk_obj, form, "Nieuwe wijkverbinder", "De wijkverbinder is toegevoegd."
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijkverbinder(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    verbinder = get_wijkverbinder_for_edit(request, regio, wijk, pk)
    form = WijkverbinderForm(request.POST or None, instance=verbinder)
    return _edit_child(
        request,
        verbinder.wijk,
        form,
        f"Wijkverbinder {verbinder}",
        "De gegevens van de wijkverbinder zijn opgeslagen.",
        reverse("beheer:wijkverbinder_verwijderen", args=[regio, wijk, pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijkverbinder_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    verbinder = get_wijkverbinder_for_edit(request, regio, wijk, pk)
    return _delete_child(request, verbinder.wijk, verbinder, "De wijkverbinder")


@login_required
@require_http_methods(["GET", "POST"])
def vrijwilliger_nieuw(request: AuthenticatedHttpRequest, regio: str, wijk: str):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    form = VrijwilligerForm(request.POST or None, wijk=wijk_obj)
    return _edit_child(
        request, wijk_obj, form, "Nieuwe vrijwilliger in het huis", "De vrijwilliger is toegevoegd."
    )


@login_required
@require_http_methods(["GET", "POST"])
def vrijwilliger(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    obj = get_vrijwilliger_for_edit(request, regio, wijk, pk)
    form = VrijwilligerForm(request.POST or None, instance=obj, wijk=obj.huis.wijk)
    return _edit_child(
        request,
        obj.huis.wijk,
        form,
        f"Vrijwilliger {obj}",
        "De gegevens van de vrijwilliger zijn opgeslagen.",
        reverse("beheer:vrijwilliger_verwijderen", args=[regio, wijk, pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def vrijwilliger_verwijderen(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int):
    obj = get_vrijwilliger_for_edit(request, regio, wijk, pk)
    return _delete_child(request, obj.huis.wijk, obj, "De vrijwilliger")


@login_required
@require_POST
def plakken(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What static/js/plakken.js sends when HTML is pasted into a Markdown textarea: the
    same text as the Markdown subset. It converts only and stores nothing; the form's
    own save checks and stores the text as always."""
    html = request.POST.get("html", "")
    if not html.strip() or len(html) > MAX_HTML:
        # The script then pastes the plain text the browser offered as well.
        return JsonResponse({"fout": "Dit kon niet worden omgezet."}, status=400)
    return JsonResponse({"markdown": html_to_markdown(html)})
