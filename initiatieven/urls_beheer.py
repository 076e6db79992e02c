from django.urls import path

from initiatieven.views import beheer

app_name = "initiatieven_beheer"

wijk = "<slug:regio>/<slug:wijk>/initiatieven/"
item = wijk + "<slug:slug>/"

urlpatterns = [
    path(wijk, beheer.lijst, name="lijst"),
    path(wijk + "nieuw/", beheer.nieuw, name="nieuw"),
    # Before the initiative's own pages: "ideeen" is no initiative (see clean_naam).
    path(wijk + "ideeen/namens/", beheer.idee_namens, name="idee_namens"),
    path(wijk + "ideeen/<int:pk>/status/", beheer.idee_status, name="idee_status"),
    path(item, beheer.initiatief, name="initiatief"),
    path(item + "beschrijving/", beheer.beschrijving, name="beschrijving"),
    path(item + "stappen/<int:nummer>/", beheer.stap, name="stap"),
    path(item + "stappen/<int:nummer>/heropenen/", beheer.stap_heropenen, name="stap_heropenen"),
    path(item + "status/", beheer.status, name="status"),
    path(item + "begroting/", beheer.begroting, name="begroting"),
    path(item + "begroting/export/", beheer.begroting_export, name="begroting_export"),
    path(item + "begroting/regels/nieuw/", beheer.regel_nieuw, name="regel_nieuw"),
    path(item + "begroting/regels/<int:pk>/", beheer.regel, name="regel"),
    path(
        item + "begroting/regels/<int:pk>/verwijderen/",
        beheer.regel_verwijderen,
        name="regel_verwijderen",
    ),
    path(item + "begroting/indienen/", beheer.indienen, name="indienen"),
    path(item + "evaluaties/nieuw/", beheer.evaluatie_nieuw, name="evaluatie_nieuw"),
    path(item + "evaluaties/<int:pk>/", beheer.evaluatie, name="evaluatie"),
]
