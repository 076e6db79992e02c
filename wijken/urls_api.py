from django.urls import path

from wijken import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("wijken/", api.wijken, name="wijken"),
    path("wijken/<slug:regio>/<slug:wijk>/", api.wijk, name="wijk"),
    path("wijkdata/", api.wijkdata, name="wijkdata"),
]
