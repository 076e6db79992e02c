"""One access check per object, built on the wijk check: outsiders get a 404."""

from django.shortcuts import get_object_or_404

from openkoffie.models import Bespreekpunt, OpenKoffie, Vervolgafspraak, WijkverbinderOverleg
from wijken.base.access import get_wijk_for_edit, get_wijk_for_view
from wijken.base.requests import AuthenticatedHttpRequest


def get_open_koffie_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> OpenKoffie:
    """A combined Open Koffie may be edited through either of its wijken."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    queryset = OpenKoffie.objects.voor_wijk(wijk_obj).met_plaats()
    return get_object_or_404(queryset, pk=pk)


def get_open_koffie_for_view(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> OpenKoffie:
    """For the wijk's editors and, to read, its wijkverbinders (`wijk.mag_bewerken`)."""
    wijk_obj = get_wijk_for_view(request, regio, wijk)
    open_koffie = get_object_or_404(OpenKoffie.objects.voor_wijk(wijk_obj).met_plaats(), pk=pk)
    open_koffie.beheer_wijk = wijk_obj
    return open_koffie


def get_bespreekpunt_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int, punt: int
) -> Bespreekpunt:
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    return get_object_or_404(open_koffie.bespreekpunten, pk=punt)


def get_vervolgafspraak_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int, afspraak: int
) -> Vervolgafspraak:
    open_koffie = get_open_koffie_for_edit(request, regio, wijk, pk)
    return get_object_or_404(open_koffie.vervolgafspraken, pk=afspraak)


def get_overleg_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int
) -> WijkverbinderOverleg:
    return get_object_or_404(get_wijk_for_edit(request, regio, wijk).overleggen, pk=pk)
