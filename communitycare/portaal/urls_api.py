from django.urls import path

from communitycare.portaal import api
from communitycare.portaal import api_initiatieven as initiatieven_api
from communitycare.portaal import api_openkoffie as openkoffie_api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("wijken/", api.wijken, name="wijken"),
    path("wijken/<slug:regio>/<slug:wijk>/", api.wijk, name="wijk"),
    path("wijkdata/", api.wijkdata, name="wijkdata"),
    path("initiatieven/", initiatieven_api.initiatieven, name="initiatieven"),
    path("open-koffie/", openkoffie_api.agenda, name="open_koffie"),
    # Last: an unknown address under /api/ answers in JSON too.
    path("<path:onbekend>", api.onbekend, name="onbekend"),
]
