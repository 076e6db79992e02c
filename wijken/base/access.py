"""One access check per object: outsiders get a 404, so they learn nothing."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404

from wijken.base.models import Huis, Vrijwilliger, Wijk, Wijkverbinder
from wijken.base.requests import AuthenticatedHttpRequest


def get_wijk_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> Wijk:
    queryset = Wijk.objects.editable_by(request.user).select_related("regio")
    wijk_obj = get_object_or_404(queryset, regio__slug=regio, slug=wijk)
    wijk_obj.mag_bewerken = True
    return wijk_obj


def get_wijk_for_view(request: AuthenticatedHttpRequest, regio: str, wijk: str) -> Wijk:
    """The wijk for who may edit it and for its active wijkverbinders, who read it;
    `wijk.mag_bewerken` says which, so a page offers its forms only to the first."""
    bewerkbaar = Wijk.objects.editable_by(request.user).filter(pk=OuterRef("pk"))
    queryset = (
        Wijk.objects.viewable_by(request.user)
        .select_related("regio")
        .annotate(mag_bewerken=Exists(bewerkbaar))
    )
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


def get_vrijwilliger_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> Vrijwilliger:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    vrijwilliger = get_object_or_404(
        Vrijwilliger.objects.select_related("huis"), huis__wijk=wijk_obj, pk=pk
    )
    vrijwilliger.huis.wijk = wijk_obj
    return vrijwilliger
