"""One access check per object, built on the wijk's: outsiders get a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from initiatieven.models import Begroting, Begrotingsregel, Evaluatie, Idee, Initiatief
from openkoffie.models import Bespreekpunt, OpenKoffie
from wijken.base.access import check_programma, get_wijk_for_edit
from wijken.base.models import Wijk
from wijken.base.requests import AuthenticatedHttpRequest


def get_initiatief_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Initiatief:
    """For the wijk's editors, and for the wijkverbinder who coordinates it: the
    description, the start steps, a draft evaluation. `initiatief.wijkrecht` tells them
    apart (see `get_initiatief_for_coordinatie`)."""
    queryset = (
        Initiatief.objects.editable_by(request.user)
        .met_wijkrecht(request.user)
        .select_related("wijk__regio")
    )
    return get_object_or_404(queryset, wijk__regio__slug=regio, wijk__slug=wijk, slug=slug)


def get_initiatief_for_coordinatie(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Initiatief:
    """The begroting and the status: the wijk's editors only (a wijkverbinder a 404)."""
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    initiatief = get_object_or_404(Initiatief.objects.filter(wijk=wijk_obj), slug=slug)
    initiatief.wijk = wijk_obj
    initiatief.wijkrecht = True
    return initiatief


def get_begroting_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Begroting:
    """An initiative without a begroting gets one with its first change (a POST); a GET
    sees it empty and unsaved, as GETs never write."""
    initiatief = get_initiatief_for_coordinatie(request, regio, wijk, slug)
    begroting = initiatief.begroting_of_none or Begroting(initiatief=initiatief)
    if begroting.pk is None and request.method == "POST":
        begroting.save()
    begroting.initiatief = initiatief
    return begroting


def get_regel_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int
) -> Begrotingsregel:
    begroting = get_begroting_for_edit(request, regio, wijk, slug)
    if begroting.pk is None:
        raise Http404("Deze begroting heeft nog geen regels.")
    regel = get_object_or_404(begroting.regels, pk=pk)
    regel.begroting = begroting
    return regel


def get_evaluatie_for_edit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str, pk: int
) -> Evaluatie:
    initiatief = get_initiatief_for_edit(request, regio, wijk, slug)
    evaluaties = initiatief.evaluaties.all()
    if not initiatief.wijkrecht:
        # A wijkverbinder drafts; what is published is the coördinator's.
        evaluaties = evaluaties.filter(gepubliceerd_op=None)
    evaluatie = get_object_or_404(evaluaties, pk=pk)
    evaluatie.initiatief = initiatief
    return evaluatie


def get_begroting_for_besluit(
    request: AuthenticatedHttpRequest, regio: str, wijk: str, slug: str
) -> Begroting:
    """A begroting as the programme reviews it: the programme roles only (who may decide
    is the domain's rule, `Begroting.mag_niet_beslissen`); everybody else a 404."""
    check_programma(request)
    initiatief = get_initiatief_for_coordinatie(request, regio, wijk, slug)
    return get_object_or_404(
        Begroting.objects.select_related(
            "initiatief__wijk__regio", "initiatief__coordinator", "ingediend_door"
        ).prefetch_related(
            "regels",
            "initiatief__indicatoren",
            "initiatief__startstappen__voltooid_door",
            "initiatief__startstappen__overleg",
            "initiatief__startstappen__open_koffie",
            "initiatief__startstappen__overleg_wijkverbinder",
            "initiatief__evaluaties",
        ),
        initiatief=initiatief,
    )


def get_idee_for_edit(request: AuthenticatedHttpRequest, regio: str, wijk: str, pk: int) -> Idee:
    wijk_obj = get_wijk_for_edit(request, regio, wijk)
    idee = get_object_or_404(Idee.objects.filter(wijk=wijk_obj).select_related("initiatief"), pk=pk)
    idee.wijk = wijk_obj
    return idee


def _pk(waarde: str) -> int:
    if not waarde.isdigit():
        raise Http404("Onbekend nummer.")
    return int(waarde)


def get_herkomst(request, wijk: Wijk) -> Idee | Bespreekpunt | Initiatief | None:
    """What a new initiative of `wijk` starts from: `?idee=`, `?bespreekpunt=` (of an Open
    Koffie of the wijk, a combined one too) or `?voorbeeld=` (a public initiative of
    another wijk). Anything else named there is a 404. `wijk` is already checked."""
    if "idee" in request.GET:
        return get_object_or_404(
            Idee.objects.filter(wijk=wijk).select_related("initiatief__wijk__regio"),
            pk=_pk(request.GET["idee"]),
        )
    if "bespreekpunt" in request.GET:
        return get_object_or_404(
            Bespreekpunt.objects.filter(open_koffie__in=OpenKoffie.objects.voor_wijk(wijk)),
            pk=_pk(request.GET["bespreekpunt"]),
        )
    if "voorbeeld" in request.GET:
        return get_object_or_404(
            Initiatief.objects.publiek()
            .exclude(wijk=wijk)
            .select_related("wijk__regio")
            .prefetch_related("indicatoren"),
            pk=_pk(request.GET["voorbeeld"]),
        )
    return None
