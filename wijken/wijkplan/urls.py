"""The wijkplan: public at /<regio>/<wijk>/wijkplan/, edited under /beheer/…/wijkplan/."""

from django.urls import path

from wijken.wijkplan import pdf as wijkplan_pdf
from wijken.wijkplan import views as wijkplan

app_name = "wijkplan"

beheer = "beheer/<slug:regio>/<slug:wijk>/wijkplan/"

urlpatterns = [
    path("<slug:regio>/<slug:wijk>/wijkplan/", wijkplan.publiek, name="publiek"),
    path("<slug:regio>/<slug:wijk>/wijkplan.pdf", wijkplan_pdf.wijkplan_pdf, name="pdf"),
    path(beheer, wijkplan.beheer, name="beheer"),
    path(beheer + "delen/<slug:veld>/", wijkplan.deel, name="deel"),
    path(beheer + "acties/nieuw/", wijkplan.actie_nieuw, name="actie_nieuw"),
    path(beheer + "acties/<int:pk>/", wijkplan.actie, name="actie"),
    path(beheer + "acties/<int:pk>/afronden/", wijkplan.actie_afronden, name="actie_afronden"),
    path(
        beheer + "acties/<int:pk>/verplaatsen/",
        wijkplan.actie_verplaatsen,
        name="actie_verplaatsen",
    ),
    path(
        beheer + "acties/<int:pk>/verwijderen/",
        wijkplan.actie_verwijderen,
        name="actie_verwijderen",
    ),
    # Where a vervolgafspraak of an Open Koffie becomes an actie of the plan.
    path(
        "beheer/<slug:regio>/<slug:wijk>/open-koffie/<int:pk>/vervolgafspraken/<int:afspraak>/"
        "naar-wijkplan/",
        wijkplan.vervolgafspraak_naar_wijkplan,
        name="vervolgafspraak_naar_wijkplan",
    ),
    path(beheer + "planning/nieuw/", wijkplan.planning_nieuw, name="planning_nieuw"),
    path(beheer + "themas/", wijkplan.themas, name="themas"),
    path(beheer + "versies/", wijkplan.historie, name="historie"),
    path(beheer + "versies/vergelijk/", wijkplan.vergelijk, name="vergelijk"),
    path(beheer + "versies/<int:pk>/", wijkplan.versie, name="versie"),
    path(beheer + "versies/<int:pk>/vaststellen/", wijkplan.vaststellen, name="vaststellen"),
    path(
        beheer + "versies/<int:pk>/herstellen/<slug:veld>/",
        wijkplan.herstellen,
        name="herstellen",
    ),
]
