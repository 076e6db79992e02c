import datetime

from django.utils import timezone
from django.utils.formats import date_format

from openkoffie.models import WijkverbinderOverleg
from tests.factories import WijkverbinderFactory
from tests.factories_openkoffie import OverlegFactory

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/overleg/"


def test_record_an_overleg_with_who_was_there(client_for, wijk_a, wijk_b):
    actief = WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen")
    WijkverbinderFactory(wijk=wijk_a, naam="Nog Geinteresseerd", status="geinteresseerd")
    elders = WijkverbinderFactory(wijk=wijk_b, naam="Bert Crutzen")
    client = client_for("coordinator_a")
    html = client.get(BASE + "nieuw/").content.decode()
    assert "Anneke Vliegen" in html
    assert "Nog Geinteresseerd" not in html and "Bert Crutzen" not in html
    data = {
        "datum": "2026-11-02",
        "aanwezigen": [actief.pk],
        "waar": "Kantoor",
    }
    client.post(BASE + "nieuw/", data)
    overleg = WijkverbinderOverleg.objects.get()
    assert list(overleg.aanwezigen.all()) == [actief]
    response = client.post(BASE + "nieuw/", {"datum": "2026-11-03", "aanwezigen": [elders.pk]})
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_edit_and_delete(client_for, wijk_a):
    overleg = OverlegFactory(wijk=wijk_a)
    client = client_for("coordinator_a")
    client.post(f"{BASE}{overleg.pk}/", {"datum": "2026-10-01", "notities": "Bijgewerkt"})
    overleg.refresh_from_db()
    assert overleg.notities == "Bijgewerkt"
    client.post(f"{BASE}{overleg.pk}/verwijderen/")
    assert not WijkverbinderOverleg.objects.exists()


def test_overleg_list_shows_the_next_first_then_back_in_time(client_for, wijk_a):
    vandaag = timezone.localdate()
    for dagen in [-60, 90, -30, 30, 0, 60]:
        OverlegFactory(wijk=wijk_a, datum=vandaag + datetime.timedelta(days=dagen))
    client = client_for("coordinator_a")
    response = client.get("/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/")
    html = response.content.decode()
    sectie = html[html.index('id="overleg"') :]
    gepland, geweest = sectie.split("<h3>Geweest</h3>")
    volgorde = [vandaag + datetime.timedelta(days=d) for d in [0, 30, 60, 90]]
    posities = [gepland.index(date_format(d, "l j F Y")) for d in volgorde]
    assert posities == sorted(posities)
    eerder = [date_format(vandaag + datetime.timedelta(days=d), "j F Y") for d in [-30, -60]]
    assert geweest.index(eerder[0]) < geweest.index(eerder[1])
    assert not any(date_format(d, "j F Y") in geweest for d in volgorde)
