"""One access check per doe-boekje entry: outsiders get a 404."""

from django.shortcuts import get_object_or_404

from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest
from wijken.doeboekje.models import DoeBoekjeItem


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
