"""One access check per object, built on the wijk's: outsiders get a 404."""

from django.shortcuts import get_object_or_404

from communitycare.lib.requests import AuthenticatedHttpRequest
from initiatieven.models import Begroting, Begrotingsregel, Evaluatie, Initiatief
from wijken.access import get_wijk_for_edit


def get_initiatief_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Initiatief:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    initiatief = get_object_or_404(Initiatief.objects.filter(wijk=wijk_obj), slug=slug)
    initiatief.wijk = wijk_obj
    return initiatief


def get_begroting_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Begroting:
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    begroting, _ = Begroting.objects.get_or_create(initiatief=initiatief)
    begroting.initiatief = initiatief
    return begroting


def get_regel_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int
) -> Begrotingsregel:
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    regel = get_object_or_404(begroting.regels, pk=pk)
    regel.begroting = begroting
    return regel


def get_evaluatie_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int
) -> Evaluatie:
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    evaluatie = get_object_or_404(initiatief.evaluaties, pk=pk)
    evaluatie.initiatief = initiatief
    return evaluatie
