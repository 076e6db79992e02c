import datetime

import pytest
from django.utils import timezone

from communitycare.lib.formsets import ANDERE_RIJEN
from openkoffie.models import Bespreekpunt, OpenKoffie
from tests.conftest import count_h1
from tests.factories import HuisFactory, WijkFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/"


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(10))


def test_new_open_koffie(client_for, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    datum = timezone.localdate() + datetime.timedelta(days=40)
    data = {"datum": datum.isoformat(), "begintijd": "14:00", "eindtijd": "16:00"}
    data |= {"huis": huis.pk, "status": "gepland"}
    response = client_for("coordinator_a").post(BASE + "nieuw/", data)
    open_koffie = OpenKoffie.objects.get()
    assert response["Location"] == f"{BASE}{open_koffie.pk}/"
    assert timezone.localtime(open_koffie.begin).hour == 14
    assert open_koffie.agendaonderdelen.count() == 4


def test_new_open_koffie_errors_in_dutch(client_for, wijk_a, wijk_b):
    datum = timezone.localdate().isoformat()
    data = {"datum": datum, "begintijd": "16:00", "eindtijd": "14:00", "status": "geannuleerd"}
    data["tweede_wijk"] = wijk_b.pk  # another regio and not the user's: not a choice
    html = client_for("coordinator_a").post(BASE + "nieuw/", data).content.decode()
    assert "De eindtijd moet na de begintijd liggen." in html
    assert "Kies een huis of vul een ander adres in." in html
    assert "Selecteer een geldige keuze" in html
    assert not OpenKoffie.objects.exists()


def test_cancel_needs_a_reason(client_for, open_koffie):
    url = f"{BASE}{open_koffie.pk}/bewerken/"
    begin = timezone.localtime(open_koffie.begin)
    data = {"datum": begin.date().isoformat(), "begintijd": "14:00", "eindtijd": "16:00"}
    data |= {"adres": "Buurthuis", "status": "geannuleerd"}
    client = client_for("coordinator_a")
    assert "Schrijf kort op waarom" in client.post(url, data).content.decode()
    client.post(url, data | {"reden_annulering": "Zaal dicht"})
    open_koffie.refresh_from_db()
    assert open_koffie.is_geannuleerd and open_koffie.reden_annulering == "Zaal dicht"


def test_combine_with_a_neighbouring_wijk(client_for, open_koffie, wijk_a, coordinator_a):
    buur = WijkFactory(regio=wijk_a.regio, naam="Hulsberg")
    buur.coordinatoren.add(coordinator_a)
    begin = timezone.localtime(open_koffie.begin)
    data = {"datum": begin.date().isoformat(), "begintijd": "14:00", "eindtijd": "16:00"}
    data |= {"adres": "Buurthuis", "status": "gepland", "tweede_wijk": buur.pk}
    client_for("coordinator_a").post(f"{BASE}{open_koffie.pk}/bewerken/", data)
    open_koffie.refresh_from_db()
    assert open_koffie.tweede_wijk == buur


def test_agenda_blocks_can_be_adjusted(client_for, open_koffie):
    blokken = list(open_koffie.agendaonderdelen.all())
    data = {"agendaonderdelen-TOTAL_FORMS": "4", "agendaonderdelen-INITIAL_FORMS": "4"}
    for i, blok in enumerate(blokken):
        data |= {
            f"agendaonderdelen-{i}-id": blok.pk,
            f"agendaonderdelen-{i}-volgorde": 9 if i == 0 else i,
            f"agendaonderdelen-{i}-duur_minuten": 30,
            f"agendaonderdelen-{i}-toelichting": f"Blok {i}",
        }
    client_for("coordinator_a").post(f"{BASE}{open_koffie.pk}/agenda/", data)
    soorten = [blok.soort for blok, _ in open_koffie.agenda_met_tijden()]
    assert soorten[-1] == "informeel"  # coffee at the end, as the method allows


def agenda_post(open_koffie, **anders) -> dict:
    blokken = list(open_koffie.agendaonderdelen.all())
    data = {"agendaonderdelen-TOTAL_FORMS": "4", "agendaonderdelen-INITIAL_FORMS": "4"}
    for i, blok in enumerate(blokken):
        data |= {
            f"agendaonderdelen-{i}-id": blok.pk,
            f"agendaonderdelen-{i}-volgorde": i,
            f"agendaonderdelen-{i}-duur_minuten": 30,
            f"agendaonderdelen-{i}-toelichting": "Gewijzigd",
        }
    return data | anders


@pytest.mark.parametrize(
    "anders",
    [
        {
            "agendaonderdelen-TOTAL_FORMS": "5",
            "agendaonderdelen-4-volgorde": "5",
            "agendaonderdelen-4-duur_minuten": "30",
            "agendaonderdelen-4-toelichting": "Ingesmokkeld blok",
        },
        {"agendaonderdelen-INITIAL_FORMS": "0"},
        {"agendaonderdelen-TOTAL_FORMS": "3"},
        {"agendaonderdelen-TOTAL_FORMS": "1000000", "agendaonderdelen-INITIAL_FORMS": "1000000"},
    ],
    ids=["extra blok", "als nieuw", "een minder", "een miljoen"],
)
def test_an_agenda_block_added_by_hand_changes_nothing(client_for, client, open_koffie, anders):
    """An extra block was saved without a heading and shown on the public page."""
    voor = list(open_koffie.agendaonderdelen.values())
    response = client_for("coordinator_a").post(
        f"{BASE}{open_koffie.pk}/agenda/", agenda_post(open_koffie, **anders)
    )
    assert response.status_code == 200
    assert ANDERE_RIJEN in response.content.decode()
    assert list(open_koffie.agendaonderdelen.values()) == voor
    assert "Ingesmokkeld" not in client.get(open_koffie.get_absolute_url()).content.decode()


def test_verslag_and_attendance_mark_the_meeting_held(client_for, wijk_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-2))
    url = f"{BASE}{geweest.pk}/verslag/"
    data = {"aantal_buurtbewoners": "8", "coordinator_aanwezig": "on", "verslag": "Gezellig"}
    client_for("coordinator_a").post(url, data)
    geweest.refresh_from_db()
    assert geweest.is_gehouden and geweest.voldoet_aan_opkomst() is False
    html = client_for("coordinator_a").get(BASE).content.decode()
    assert "voorwaarde niet gehaald" in html


def test_verslag_of_a_future_meeting_is_refused(client_for, open_koffie):
    response = client_for("coordinator_a").post(
        f"{BASE}{open_koffie.pk}/verslag/", {"aantal_buurtbewoners": "12"}
    )
    assert "als de Open Koffie geweest is" in response.content.decode()
    open_koffie.refresh_from_db()
    assert open_koffie.aantal_buurtbewoners is None


def test_coordinator_sees_private_contact_and_accepts_with_htmx(client_for, open_koffie):
    punt = BespreekpuntFactory(open_koffie=open_koffie, contact="06 1212 3434")
    client = client_for("coordinator_a")
    html = client.get(f"{BASE}{open_koffie.pk}/").content.decode()
    assert count_h1(html) == 1 and "06 1212 3434" in html
    url = f"{BASE}{open_koffie.pk}/bespreekpunten/{punt.pk}/status/"
    assert f'action="{url}"' in html and f'hx-post="{url}"' in html
    response = client.post(url, {"status": "geaccepteerd"}, headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="bespreekpunten-lijst">')
    assert "<h1" not in fragment and "Op de agenda" in fragment
    punt.refresh_from_db()
    assert punt.status == Bespreekpunt.Status.GEACCEPTEERD


def test_status_and_order_without_javascript(client_for, open_koffie):
    punten = [BespreekpuntFactory(open_koffie=open_koffie) for _ in range(2)]
    client = client_for("coordinator_a")
    for punt in punten:
        response = client.post(
            f"{BASE}{open_koffie.pk}/bespreekpunten/{punt.pk}/status/", {"status": "geaccepteerd"}
        )
        assert response.status_code == 302
    client.post(
        f"{BASE}{open_koffie.pk}/bespreekpunten/{punten[1].pk}/verplaats/", {"richting": "omhoog"}
    )
    assert list(open_koffie.bespreekpunten.geaccepteerd()) == [punten[1], punten[0]]
    response = client.post(
        f"{BASE}{open_koffie.pk}/bespreekpunten/{punten[0].pk}/status/",
        {"status": "weg"},
        follow=True,
    )
    assert "Die status bestaat niet" in response.content.decode()


def test_vervolgafspraken(client_for, open_koffie):
    client = client_for("coordinator_a")
    url = f"{BASE}{open_koffie.pk}/vervolgafspraken/nieuw/"
    assert "Dit veld is verplicht." in client.post(url, {"wat": ""}).content.decode()
    client.post(url, {"wat": "Bankje regelen", "wie": "Jo"})
    afspraak = open_koffie.vervolgafspraken.get()
    assert afspraak.wie == "Jo"
    client.post(f"{BASE}{open_koffie.pk}/vervolgafspraken/{afspraak.pk}/verwijderen/")
    assert not open_koffie.vervolgafspraken.exists()


def test_delete_open_koffie(client_for, open_koffie):
    client_for("coordinator_a").post(f"{BASE}{open_koffie.pk}/verwijderen/")
    assert not OpenKoffie.objects.exists()
