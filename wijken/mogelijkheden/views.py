"""Bijlage 2 of a huis: agreements, opening hours and rooms, on one page without JS."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from wijken.base.access import get_huis_for_edit
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.mogelijkheden.forms import HuisMogelijkhedenForm, OpeningstijdFormSet, RuimteFormSet
from wijken.mogelijkheden.models import HuisMogelijkheden


@login_required
@require_http_methods(["GET", "POST"])
def mogelijkheden(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> HttpResponse:
    huis = get_huis_for_edit(request, regio, wijk, pk)
    afspraken = HuisMogelijkheden.objects.filter(huis=huis).first() or HuisMogelijkheden(huis=huis)
    data = request.POST or None
    form = HuisMogelijkhedenForm(data, instance=afspraken, prefix="afspraken")
    tijden = OpeningstijdFormSet(data, instance=huis, prefix="tijden")
    ruimtes = RuimteFormSet(data, instance=huis, prefix="ruimtes")
    if request.method == "POST":
        # Validate all three so every mistake shows at once.
        if all([form.is_valid(), tijden.is_valid(), ruimtes.is_valid()]):
            with transaction.atomic():
                form.save()
                tijden.save()
                ruimtes.save()
            messages.success(request, f"De mogelijkheden van {huis} zijn opgeslagen.")
            return redirect(request.path)
        messages.error(request, "Er is nog niets opgeslagen. Verbeter de punten in rood.")
    context = {
        "wijk": huis.wijk,
        "huis": huis,
        "form": form,
        "tijden": tijden,
        "ruimtes": ruimtes,
    }
    return render(request, "beheer/mogelijkheden.html", context)
