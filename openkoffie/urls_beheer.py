from django.urls import path

from openkoffie.views import beheer

app_name = "openkoffie_beheer"

wijk = "<slug:regio>/<slug:wijk>/"
bijeenkomst = wijk + "open-koffie/<int:pk>/"

urlpatterns = [
    path(wijk + "open-koffie/", beheer.overzicht, name="overzicht"),
    path(wijk + "open-koffie/plan-jaar/", beheer.plan_jaar, name="plan_jaar"),
    path(wijk + "open-koffie/nieuw/", beheer.nieuw, name="nieuw"),
    path(wijk + "open-koffie/kaart.pdf", beheer.kaart, name="kaart"),
    path(bijeenkomst, beheer.bijeenkomst, name="bijeenkomst"),
    path(bijeenkomst + "bewerken/", beheer.bewerken, name="bewerken"),
    path(bijeenkomst + "agenda/", beheer.agenda, name="agenda"),
    path(bijeenkomst + "verslag/", beheer.verslag, name="verslag"),
    path(bijeenkomst + "verwijderen/", beheer.verwijderen, name="verwijderen"),
    path(
        bijeenkomst + "bespreekpunten/namens-bewoner/",
        beheer.bespreekpunt_namens,
        name="bespreekpunt_namens",
    ),
    path(
        bijeenkomst + "bespreekpunten/<int:punt>/status/",
        beheer.bespreekpunt_status,
        name="bespreekpunt_status",
    ),
    path(
        bijeenkomst + "bespreekpunten/<int:punt>/verplaats/",
        beheer.bespreekpunt_verplaats,
        name="bespreekpunt_verplaats",
    ),
    path(
        bijeenkomst + "vervolgafspraken/nieuw/",
        beheer.vervolgafspraak_nieuw,
        name="vervolgafspraak_nieuw",
    ),
    path(
        bijeenkomst + "vervolgafspraken/<int:afspraak>/verwijderen/",
        beheer.vervolgafspraak_verwijderen,
        name="vervolgafspraak_verwijderen",
    ),
    path(wijk + "overleg/nieuw/", beheer.overleg_nieuw, name="overleg_nieuw"),
    path(wijk + "overleg/<int:pk>/", beheer.overleg, name="overleg"),
    path(
        wijk + "overleg/<int:pk>/verwijderen/",
        beheer.overleg_verwijderen,
        name="overleg_verwijderen",
    ),
    path(wijk + "wijkverbinders/", beheer.wijkverbinders, name="wijkverbinders"),
    path(
        wijk + "wijkverbinders/acties/nieuw/",
        beheer.wervingsactie_nieuw,
        name="wervingsactie_nieuw",
    ),
    path(
        wijk + "wijkverbinders/<int:pk>/status/",
        beheer.wijkverbinder_status,
        name="wijkverbinder_status",
    ),
]
