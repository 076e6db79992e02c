from django.urls import path

from wijken.views import public

app_name = "wijken"

urlpatterns = [
    path("", public.home, name="home"),
    path("<slug:regio>/", public.regio, name="regio"),
    path("<slug:regio>/<slug:wijk>/", public.wijk, name="wijk"),
]
