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
