"""The wijkdata in the back office: upload with a preview, and the beleefde wijkdata.

A coördinator uploads figures of their own wijk on the wijk's page; the programme
roles may also upload one file for all wijken. The upload waits in the session
until the user has seen what will change and applies it with a POST.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from wijken.base.access import check_programma, get_wijk_for_edit
from wijken.base.indicatoren import Indicator
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.wijkdata.forms import BeleefdeWijkdataForm, WijkdataUploadForm
from wijken.wijkdata.importer import lees_bytes, maak_plan
from wijken.wijkdata.models import BeleefdeWijkdata

SESSIE_SLEUTEL = "wijkdata_upload"


def _beleefd_form(
    wijk: Wijk, indicator: Indicator, rijen: list[BeleefdeWijkdata], data=None
) -> BeleefdeWijkdataForm:
    """The form on the latest of `rijen` (latest first), the earlier Open Koffies as its
    history. It posts to its own URL, in place with htmx or as a normal page without."""
    laatste, *eerder = rijen or [None]
    url = reverse("beheer:wijkdata_beleefd", args=[wijk.regio.slug, wijk.slug, indicator.value])
    form = BeleefdeWijkdataForm(
        data,
        instance=laatste or BeleefdeWijkdata(wijk=wijk, indicator=indicator),
        prefix=indicator.value,
    )
    form.helper.form_action = url
    form.helper.attrs = {
        "hx-post": url,
        "hx-target": f"#beleefd-{indicator.value}",
        "hx-swap": "outerHTML",
    }
    form.eerder = eerder
    return form


def _beleefd_forms(wijk: Wijk) -> list[tuple[Indicator, BeleefdeWijkdataForm]]:
    """Per indicator its form, from one query for all rows."""
    rijen: dict[str, list[BeleefdeWijkdata]] = {}
    for rij in wijk.beleefde_wijkdata.select_related("open_koffie"):  # latest first
        rijen.setdefault(rij.indicator, []).append(rij)
    return [
        (indicator, _beleefd_form(wijk, indicator, rijen.get(indicator, [])))
        for indicator in Indicator
    ]


@login_required
def wijkdata(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    context = {
        "wijk": wijk_obj,
        "cijfers": wijk_obj.wijkcijfers.all(),
        "upload_form": WijkdataUploadForm(action=_urls(wijk_obj)["importeren"]),
        "beleefd": _beleefd_forms(wijk_obj),
    }
    return render(request, "beheer/wijkdata.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def beleefd(request: AuthenticatedHttpRequest, regio: str, wijk: str, indicator: str):
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    if indicator not in Indicator.values:
        raise Http404("Onbekende indicator.")
    indicator = Indicator(indicator)
    rijen = list(
        wijk_obj.beleefde_wijkdata.filter(indicator=indicator).select_related("open_koffie")
    )
    form = _beleefd_form(wijk_obj, indicator, rijen, request.POST or None)
    saved = False
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        saved = True
        if not request.htmx:
            messages.success(
                request, f"Wat de wijk zegt over {indicator.label.lower()} is opgeslagen."
            )
            return redirect("beheer:wijkdata", regio, wijk)
    context = {
        "wijk": wijk_obj,
        "indicator": indicator,
        "form": form,
        "saved": saved,
        "titel": f"Beleefde wijkdata: {indicator.label}",
    }
    if request.htmx:
        return render(request, "beheer/wijkdata.html#beleefd", context)
    return render(request, "beheer/form.html", context)


def _urls(wijk: Wijk | None) -> dict[str, str]:
    if wijk is None:
        return {
            "terug": reverse("beheer:programma"),
            "importeren": reverse("beheer:programma_wijkdata"),
            "toepassen": reverse("beheer:programma_wijkdata_toepassen"),
        }
    args = [wijk.regio.slug, wijk.slug]
    return {
        "terug": reverse("beheer:wijkdata", args=args),
        "importeren": reverse("beheer:wijkdata_importeren", args=args),
        "toepassen": reverse("beheer:wijkdata_toepassen", args=args),
    }


def _importeren(request: AuthenticatedHttpRequest, wijk: Wijk | None) -> HttpResponse:
    """Checks the uploaded file and shows what would change; writes nothing yet."""
    urls = _urls(wijk)
    form = WijkdataUploadForm(
        request.POST or None, request.FILES or None, action=urls["importeren"]
    )
    context = {"wijk": wijk, "urls": urls, "upload_form": form}
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        plan = maak_plan(bestand, wijk)
        context.update(plan=plan, bestandsnaam=bestand.name)
        if plan.is_geldig:
            # Only a file that passed waits in the session; the form bounds its size.
            bestand.seek(0)
            tekst = lees_bytes(bestand.read())
            token = secrets.token_urlsafe(16)
            request.session[SESSIE_SLEUTEL] = {
                "token": token,
                "tekst": tekst,
                "wijk": wijk.pk if wijk else None,
                "bestandsnaam": bestand.name,
            }
            context["token"] = token
    return render(request, "beheer/wijkdata_import.html", context)


def _toepassen(request: AuthenticatedHttpRequest, wijk: Wijk | None) -> HttpResponse:
    urls = _urls(wijk)
    upload = request.session.get(SESSIE_SLEUTEL) or {}
    scope = wijk.pk if wijk else None
    if not upload or upload["token"] != request.POST.get("token") or upload["wijk"] != scope:
        messages.error(request, "Deze upload is verlopen of al verwerkt. Kies het bestand opnieuw.")
        return redirect(urls["importeren"])
    with transaction.atomic():
        # Checked again: the data may have changed since the preview.
        plan = maak_plan(upload["tekst"], wijk)
        if plan.is_geldig:
            plan.toepassen()
    if not plan.is_geldig:
        context = {
            "wijk": wijk,
            "urls": urls,
            "plan": plan,
            "bestandsnaam": upload["bestandsnaam"],
            "upload_form": WijkdataUploadForm(action=urls["importeren"]),
        }
        return render(request, "beheer/wijkdata_import.html", context)
    del request.session[SESSIE_SLEUTEL]
    messages.success(request, f"{upload['bestandsnaam']} is ingelezen: {plan.samenvatting}.")
    return redirect(urls["terug"])


@login_required
@require_http_methods(["GET", "POST"])
def importeren(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _importeren(request, get_wijk_for_edit(request, regio, wijk))


@login_required
@require_POST
def toepassen(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> HttpResponse:
    return _toepassen(request, get_wijk_for_edit(request, regio, wijk))


@login_required
@require_http_methods(["GET", "POST"])
def programma_importeren(request: AuthenticatedHttpRequest) -> HttpResponse:
    check_programma(request)
    return _importeren(request, None)


@login_required
@require_POST
def programma_toepassen(request: AuthenticatedHttpRequest) -> HttpResponse:
    check_programma(request)
    return _toepassen(request, None)
