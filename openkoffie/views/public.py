"""The public Open Koffie agenda: readable by everyone, bespreekpunten from anyone."""

import datetime

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from communitycare.lib import lijsten, scopes
from communitycare.lib.insturen import insturen
from communitycare.lib.pagecache import public_page
from communitycare.lib.uitkomst import naar_bevestiging
from openkoffie import ical
from openkoffie.forms import BespreekpuntForm, WordWijkverbinderForm
from openkoffie.models import VOORUIT, OpenKoffie
from wijken.base.models import Regio, Wijk, Wijkverbinder

TERUGBLIK = datetime.timedelta(days=2 * 365)
TERUGBLIK_FEED = datetime.timedelta(days=31)
# Meetings per page of the national agenda: one screen of large type.
PER_PAGINA = 50


BEDANKT_BESPREEKPUNT = (
    "Dank u wel! Uw bespreekpunt is ontvangen. De coördinator bekijkt het en zet het op de agenda."
)
BEDANKT_AANMELDING = (
    "Dank u wel voor uw aanmelding! De coördinator neemt contact met u op voor een "
    "kennismakingsgesprek."
)


def _wijk(regio: str, wijk: str) -> Wijk:
    return get_object_or_404(Wijk.objects.select_related("regio"), regio__slug=regio, slug=wijk)


@require_GET
@public_page(scopes=(scopes.OPEN_KOFFIE,), params=("regio", "pagina"))
def alle(request: HttpRequest) -> HttpResponse:
    """The coming year of every wijk (or of one regio), a page at a time: the whole country
    is megabytes."""
    regios = list(Regio.objects.all())
    gekozen = lijsten.gekozen(request, regios)
    open_koffies = OpenKoffie.objects.komend().filter(begin__lt=timezone.now() + VOORUIT)
    if gekozen is not None:
        open_koffies = open_koffies.filter(Q(wijk__regio=gekozen) | Q(tweede_wijk__regio=gekozen))
    context = {
        "pagina": lijsten.pagina(open_koffies.met_plaats(), request, PER_PAGINA),
        "regios": regios,
        "gekozen": gekozen,
    }
    return render(request, "openkoffie/alle.html", context)


@require_GET
@public_page(scopes=(scopes.OPEN_KOFFIE,))
def alle_ics(request: HttpRequest) -> HttpResponse:
    # Bounded like the agenda page: the last month (a feed keeps what just happened) and
    # the coming twelve.
    now = timezone.now()
    open_koffies = OpenKoffie.objects.filter(
        begin__gte=now - TERUGBLIK_FEED, begin__lt=now + VOORUIT
    ).met_plaats()
    return ical.response(request, "Open Koffie in alle wijken", open_koffies, "open-koffie")


@require_GET
@public_page(scopes=scopes.of_wijk)
def wijk(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = get_object_or_404(Wijk.objects.publiek(), regio__slug=regio, slug=wijk)
    open_koffies = (
        OpenKoffie.objects.voor_wijk(wijk_obj)
        .filter(begin__gte=timezone.now() - TERUGBLIK)
        .met_agenda()
        .order_by("begin")
    )
    komend = [open_koffie for open_koffie in open_koffies if open_koffie.is_komend]
    geweest = [open_koffie for open_koffie in reversed(open_koffies) if not open_koffie.is_komend]
    context = {"wijk": wijk_obj, "regio": wijk_obj.regio, "komend": komend, "geweest": geweest}
    return render(request, "openkoffie/wijk.html", context)


@require_GET
@public_page(scopes=scopes.of_wijk)
def wijk_ics(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = _wijk(regio, wijk)
    open_koffies = (
        OpenKoffie.objects.voor_wijk(wijk_obj)
        .filter(begin__gte=timezone.now() - VOORUIT)
        .met_plaats()
    )
    naam = f"Open Koffie {wijk_obj.naam}"
    return ical.response(request, naam, open_koffies, f"open-koffie-{wijk_obj.slug}")


@require_http_methods(["GET", "POST"])
def bijeenkomst(request: HttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    wijk_obj = _wijk(regio, wijk)
    open_koffie = get_object_or_404(OpenKoffie.objects.voor_wijk(wijk_obj).met_agenda(), pk=pk)
    form = BespreekpuntForm(request.POST or None)
    form.instance.open_koffie = open_koffie
    status = 200
    if request.method == "POST":
        if not open_koffie.neemt_bespreekpunten_aan:
            messages.error(request, "Voor deze Open Koffie kunt u geen punten meer inbrengen.")
            return redirect(request.path)
        status = insturen(request, form, "bespreekpunt", BEDANKT_BESPREEKPUNT)
        if status is None:
            return naar_bevestiging(request.path)
    context = {"wijk": wijk_obj, "regio": wijk_obj.regio, "open_koffie": open_koffie, "form": form}
    return render(request, "openkoffie/bijeenkomst.html", context, status=status)


@require_GET
@public_page(scopes=scopes.of_wijk)
def bijeenkomst_ics(request: HttpRequest, regio: str, wijk: str, pk: int) -> HttpResponse:
    wijk_obj = _wijk(regio, wijk)
    open_koffie = get_object_or_404(OpenKoffie.objects.voor_wijk(wijk_obj).met_plaats(), pk=pk)
    filename = f"open-koffie-{wijk_obj.slug}-{timezone.localdate(open_koffie.begin):%Y-%m-%d}"
    return ical.response(request, str(open_koffie), [open_koffie], filename)


@require_http_methods(["GET", "POST"])
def word_wijkverbinder(request: HttpRequest, regio: str, wijk: str) -> HttpResponse:
    wijk_obj = _wijk(regio, wijk)
    form = WordWijkverbinderForm(request.POST or None)
    form.instance.wijk = wijk_obj
    form.instance.status = Wijkverbinder.Status.GEINTERESSEERD
    form.instance.toestemming_publiek = False
    status = 200
    if request.method == "POST":
        status = insturen(request, form, "wijkverbinder", BEDANKT_AANMELDING)
        if status is None:
            return naar_bevestiging(request.path)
    context = {"wijk": wijk_obj, "regio": wijk_obj.regio, "form": form}
    return render(request, "openkoffie/word_wijkverbinder.html", context, status=status)
