import datetime

from django.utils import timezone

from openkoffie.models import OpenKoffie
from tests.conftest import count_h1
from tests.factories import HuisFactory
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory, over

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/"
URL = BASE + "open-koffie/"


def test_warnings_on_own_page_wijk_page_and_dashboard(client_for, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, begin=over(30))
    client = client_for("coordinator_a")
    for url in (URL, BASE, "/beheer/"):
        html = client.get(url).content.decode()
        assert count_h1(html) == 1
        assert "Maar 1 Open Koffie gepland in de komende twaalf maanden" in html, url
        assert "Geen wijkverbinder-overleg in de afgelopen zes weken." in html, url


def test_no_warnings_when_on_track(client_for, wijk_a):
    for dagen in (30, 120, 210, 300):
        OpenKoffieFactory(wijk=wijk_a, begin=over(dagen))
    OverlegFactory(wijk=wijk_a, datum=timezone.localdate() - datetime.timedelta(days=10))
    html = client_for("coordinator_a").get("/beheer/").content.decode()
    assert "Alles op orde" in html


def test_plan_a_year_creates_four_meetings(client_for, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    eerste = timezone.localdate() + datetime.timedelta(days=20)
    response = client_for("coordinator_a").post(
        URL + "plan-jaar/",
        {"eerste_datum": eerste.isoformat(), "begintijd": "19:30", "huis": huis.pk},
        follow=True,
    )
    assert "Vier Open Koffies gepland" in response.content.decode()
    geplande = list(OpenKoffie.objects.voor_wijk(wijk_a))
    assert len(geplande) == 4
    assert {timezone.localtime(ok.begin).time() for ok in geplande} == {datetime.time(19, 30)}
    assert all(ok.huis == huis and ok.agendaonderdelen.count() == 4 for ok in geplande)
    assert "Open Koffie gepland in de komende twaalf maanden" not in response.content.decode()


def test_plan_a_year_refuses_a_first_date_too_far_ahead(client_for, wijk_a):
    te_laat = timezone.localdate() + datetime.timedelta(days=200)
    response = client_for("coordinator_a").post(
        URL + "plan-jaar/", {"eerste_datum": te_laat.isoformat(), "begintijd": "14:00"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een eerste datum na vandaag en uiterlijk" in html
    assert "Kies een huis of vul een ander adres in." in html
    assert not OpenKoffie.objects.exists()


def test_plan_jaar_only_takes_post(client_for, wijk_a):
    assert client_for("coordinator_a").get(URL + "plan-jaar/").status_code == 405
