"""Volunteers in the huis: recorded by the coördinator, counted against 10 a year."""

import datetime

from django.utils import timezone

from communitycare.portaal import programma
from tests.factories import HuisFactory
from wijken.base.models import Vrijwilliger

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/vrijwilligers/"


def test_add_a_volunteer_to_a_huis_of_the_wijk(client_for, wijk_a, wijk_b):
    huis = HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    ander = HuisFactory(wijk=wijk_b)
    client = client_for("coordinator_a")
    page = client.get(BASE + "nieuw/").content.decode()
    assert "Oosterbeemd" in page and ander.naam not in page
    response = client.post(
        BASE + "nieuw/",
        {"naam": "Thea Bours", "huis": huis.pk, "startdatum": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert Vrijwilliger.objects.get().huis == huis


def test_huis_of_another_wijk_is_refused(client_for, wijk_a, wijk_b):
    ander = HuisFactory(wijk=wijk_b)
    response = client_for("coordinator_a").post(
        BASE + "nieuw/", {"naam": "X", "huis": ander.pk, "startdatum": "2026-01-01"}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Vrijwilliger.objects.exists()


def test_stopping_before_starting_is_refused(client_for, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    response = client_for("coordinator_a").post(
        BASE + "nieuw/",
        {"naam": "X", "huis": huis.pk, "startdatum": "2026-05-01", "gestopt_op": "2026-04-01"},
    )
    assert "Iemand kan niet stoppen voordat hij begon." in response.content.decode()
    assert not Vrijwilliger.objects.exists()


def test_counted_this_year_on_the_dashboard_and_never_public(client, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    vandaag = timezone.localdate()
    Vrijwilliger.objects.create(huis=huis, naam="Thea Bours", startdatum=vandaag)
    Vrijwilliger.objects.create(
        huis=huis, naam="Oud Gediende", startdatum=vandaag - datetime.timedelta(days=800)
    )
    figuren = {wijk.pk: wijk for wijk in programma.overzicht()}
    assert figuren[wijk_a.pk].vrijwilligers == 1
    for url in [
        "/heuvelland/valkenburg-oosterbeemd/",
        "/heuvelland/valkenburg-oosterbeemd/wijkplan/",
    ]:
        assert "Thea" not in client.get(url).content.decode()
    assert (
        "1 van 10 vrijwilligers"
        in client.get("/heuvelland/valkenburg-oosterbeemd/wijkplan/").content.decode()
    )
