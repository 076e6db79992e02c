from django.urls import path

from initiatieven.views import public

app_name = "initiatieven"

wijk = "<slug:regio>/<slug:wijk>/initiatieven/"

urlpatterns = [
    path("initiatieven/", public.overzicht, name="overzicht"),
    path("initiatieven/thema/<slug:thema>/", public.thema, name="thema"),
    path(wijk, public.wijk_lijst, name="wijk"),
    path("<slug:regio>/<slug:wijk>/idee/", public.idee, name="idee"),
    path(wijk + "<slug:slug>/", public.initiatief, name="initiatief"),
    path(wijk + "<slug:slug>/beschrijving.pdf", public.beschrijving_pdf, name="beschrijving_pdf"),
    path(wijk + "<slug:slug>/evaluaties/<int:pk>.pdf", public.evaluatie_pdf, name="evaluatie_pdf"),
]
