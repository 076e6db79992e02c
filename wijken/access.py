"""One access check per object: outsiders get a 404, so they learn nothing."""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from communitycare.lib.requests import AuthenticatedHttpRequest
from wijken.models import DoeBoekjeItem, Huis, Vrijwilliger, Wijk, Wijkverbinder
from wijken.models_wijkplan import Actie, Wijkplan


def get_wijk_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> Wijk:
    queryset = Wijk.objects.editable_by(request.user).select_related("regio")
    return get_object_or_404(queryset, regio__slug=regio, slug=wijk)


def get_huis_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> Huis:
    return get_object_or_404(get_wijk_for_edit(request, regio, wijk).huizen, pk=pk)


def get_wijkverbinder_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> Wijkverbinder:
    return get_object_or_404(get_wijk_for_edit(request, regio, wijk).wijkverbinders, pk=pk)


def check_programma(request: AuthenticatedHttpRequest) -> None:
    """The programme pages are for the programmamanager and projectleider only."""
    if not request.user.sees_all_wijken:
        raise Http404("Alleen voor het programma.")


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


def get_wijk_for_doe_boekje(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> Wijk:
    """Who may edit the wijk, and its wijkverbinders with the doe-boekje right."""
    queryset = Wijk.objects.doe_boekje_editable_by(request.user).select_related("regio")
    return get_object_or_404(queryset, regio__slug=regio, slug=wijk)


def get_doe_boekje_item_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> DoeBoekjeItem:
    wijk_obj = get_wijk_for_doe_boekje(request, regio, wijk)
    items = wijk_obj.doe_boekje.select_related("huis", "gecontroleerd_door")
    item = get_object_or_404(items, pk=pk)
    item.wijk = wijk_obj
    return item


def get_vrijwilliger_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> Vrijwilliger:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    vrijwilliger = get_object_or_404(
        Vrijwilliger.objects.select_related("huis"), huis__wijk=wijk_obj, pk=pk
    )
    vrijwilliger.huis.wijk = wijk_obj
    return vrijwilliger
