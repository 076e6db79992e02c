"""One access check per object: outsiders get a 404, so they learn nothing."""

from django.shortcuts import get_object_or_404

from communitycare.lib.requests import AuthenticatedHttpRequest
from wijken.models import DoeBoekjeItem, Huis, Wijk, Wijkverbinder


def get_wijk_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> Wijk:
    queryset = Wijk.objects.editable_by(request.user).select_related("regio")
    return get_object_or_404(queryset, regio__slug=regio, slug=wijk)


def get_huis_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> Huis:
    return get_object_or_404(get_wijk_for_edit(request, regio, wijk).huizen, pk=pk)


def get_wijkverbinder_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> Wijkverbinder:
    return get_object_or_404(get_wijk_for_edit(request, regio, wijk).wijkverbinders, pk=pk)


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
