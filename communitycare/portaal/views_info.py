"""The pages about the portal itself, linked from every page's footer: how the method
works, contact, the privacyverklaring and the toegankelijkheidsverklaring. They show
settings and what the code knows, no data: cached without scopes."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from communitycare.lib.pagecache import public_page
from communitycare.lib.site import absolute_url
from initiatieven.models import STAPPEN, thema_paginas
from openkoffie.models import AgendaOnderdeel
from wijken.base import doelen, indicatoren
from wijken.base.models import Wijkverbinder

# When the portal was last checked for the accessibility statement (its "datum").
TOEGANKELIJKHEID_GETOETST = datetime.date(2026, 12, 2)


@public_page(scopes=())
def methode(request: HttpRequest) -> HttpResponse:
    """How Community Care works, from what the code knows: the start steps, the Open
    Koffie's standard agenda, the standard goals and the indicatoren."""
    duur = AgendaOnderdeel._meta.get_field("duur_minuten").get_default()
    agenda = [
        (soort.label, AgendaOnderdeel.STANDAARD_TOELICHTING[soort], duur)
        for soort in AgendaOnderdeel.Soort
    ]
    context = {
        "stappen": [(nummer, titel) for nummer, (titel, _) in STAPPEN.items()],
        "agenda": agenda,
        "agenda_uren": sum(minuten for *_, minuten in agenda) / 60,
        "themas": thema_paginas(),
        "indicatoren": indicatoren.met_uitleg(),
        "doelen": doelen,
        "uren_per_maand": Wijkverbinder._meta.get_field("uren_per_maand").get_default(),
    }
    return render(request, "portaal/methode.html", context)


@public_page(scopes=())
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "portaal/contact.html")


@public_page(scopes=())
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "portaal/privacy.html")


@public_page(scopes=())
def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    context = {"getoetst": TOEGANKELIJKHEID_GETOETST, "site": absolute_url("/")}
    return render(request, "portaal/toegankelijkheid.html", context)
