"""The back office's start page: the wijken someone may edit, a page at a time."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from communitycare.portaal import te_doen
from communitycare.portaal.mijn_wijk import mijn_wijk
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest

WIJKEN_PER_PAGINA = 50


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    wijken = (
        Wijk.objects.editable_by(request.user)
        .select_related("regio")
        .with_active_wijkverbinder_count()
        .order_by("regio__naam", "naam")
    )
    # Whoever sees every wijk of a national programme gets them a page at a time, with a
    # search; the to-do list and the signals are those of the wijken on the page.
    zoek = request.GET.get("zoek", "").strip()[:100]
    if zoek:
        wijken = wijken.zoek(zoek)
    pagina = Paginator(wijken, WIJKEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    wijken_op_pagina = list(pagina)
    context = {
        "wijken": wijken_op_pagina,
        "pagina": pagina,
        "zoek": zoek,
        "te_doen": te_doen.taken(wijken_op_pagina),
    }
    verbinder = request.user.actieve_wijkverbinder
    if verbinder is not None:
        context["mijn_wijk"] = mijn_wijk(verbinder)
    return render(request, "beheer/dashboard.html", context)
