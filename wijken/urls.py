from django.urls import path

from wijken.views import doeboekje, public

app_name = "wijken"

urlpatterns = [
    path("", public.home, name="home"),
    path("doe-boekje/", doeboekje.overzicht, name="doeboekje_overzicht"),
    path("<slug:regio>/", public.regio, name="regio"),
    path("<slug:regio>/<slug:wijk>/", public.wijk, name="wijk"),
    path("<slug:regio>/<slug:wijk>/doe-boekje/", doeboekje.wijk, name="doeboekje"),
    path("<slug:regio>/<slug:wijk>/doe-boekje.pdf", doeboekje.wijk_pdf, name="doeboekje_pdf"),
]
