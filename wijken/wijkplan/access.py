"""One access check per object of the wijkplan: outsiders get a 404."""

from django.db import models
from django.shortcuts import get_object_or_404

from wijken.base.access import get_wijk_for_edit
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.wijkplan.models import Actie, Wijkplan


def get_actie_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> Actie:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    return get_object_or_404(
        Actie.objects.select_related("wijkplan"), wijkplan__wijk=wijk_obj, pk=pk
    )


def get_wijkplanversie_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> tuple[Wijk, models.Model]:
    """The wijk and one version of its wijkplan (a historical record)."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    versies = Wijkplan.history.filter(wijk_id=wijk_obj.pk).select_related("history_user")
    return wijk_obj, get_object_or_404(versies, history_id=pk)
