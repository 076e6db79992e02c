from django.urls import path

from openkoffie.views import public, werving

app_name = "openkoffie"

wijk = "<slug:regio>/<slug:wijk>/"

urlpatterns = [
    path("open-koffie/", public.alle, name="alle"),
    path("open-koffie.ics", public.alle_ics, name="alle_ics"),
    path(wijk + "open-koffie/", public.wijk, name="wijk"),
    path(wijk + "open-koffie.ics", public.wijk_ics, name="wijk_ics"),
    path(wijk + "open-koffie/<int:pk>/", public.bijeenkomst, name="bijeenkomst"),
    path(wijk + "open-koffie/<int:pk>.ics", public.bijeenkomst_ics, name="bijeenkomst_ics"),
    path(wijk + "word-wijkverbinder/", public.word_wijkverbinder, name="word_wijkverbinder"),
    path(wijk + "word-wijkverbinder/flyer.pdf", werving.flyer, name="wijkverbinder_flyer"),
]
