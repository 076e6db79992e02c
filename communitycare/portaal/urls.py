from django.urls import path

from communitycare.portaal import views as public
from communitycare.portaal import views_jaarverslag as jaarverslag
from wijken.doeboekje import views as doeboekje

app_name = "wijken"

urlpatterns = [
    path("", public.home, name="home"),
    path("doe-boekje/", doeboekje.overzicht, name="doeboekje_overzicht"),
    path("<slug:regio>/", public.regio, name="regio"),
    path("<slug:regio>/<slug:wijk>/", public.wijk, name="wijk"),
    path("<slug:regio>/<slug:wijk>/jaarverslag/", jaarverslag.wijk, name="jaarverslag"),
    path("<slug:regio>/<slug:wijk>/jaarverslag.pdf", jaarverslag.wijk_pdf, name="jaarverslag_pdf"),
    path("<slug:regio>/<slug:wijk>/doe-boekje/", doeboekje.wijk, name="doeboekje"),
    path("<slug:regio>/<slug:wijk>/doe-boekje.pdf", doeboekje.wijk_pdf, name="doeboekje_pdf"),
]
