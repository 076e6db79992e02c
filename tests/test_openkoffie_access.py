"""Every Open Koffie back-office URL against every persona."""

import pytest

from openkoffie.models import Bespreekpunt, OpenKoffie
from tests.conftest import PERSONAS
from tests.factories import WijkverbinderFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, OverlegFactory, over

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/"

EXPECTED = {
    "anonymous": 302,
    "bewoner": 404,
    "wijkverbinder": 404,
    "coordinator_b": 404,
    "coordinator_a": 200,
    "projectleider": 200,
    "programmamanager": 200,
}


@pytest.fixture
def objects(wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(-5))
    return {
        "ok": open_koffie,
        "overleg": OverlegFactory(wijk=wijk_a),
        "punt": BespreekpuntFactory(open_koffie=open_koffie),
        "verbinder": WijkverbinderFactory(wijk=wijk_a, status="geinteresseerd"),
    }


def get_urls(o) -> list[str]:
    ok = f"{BASE}open-koffie/{o['ok'].pk}/"
    return [
        BASE + "open-koffie/",
        BASE + "open-koffie/nieuw/",
        ok,
        ok + "bewerken/",
        ok + "agenda/",
        ok + "verslag/",
        ok + "verwijderen/",
        BASE + "overleg/nieuw/",
        f"{BASE}overleg/{o['overleg'].pk}/",
        f"{BASE}overleg/{o['overleg'].pk}/verwijderen/",
        BASE + "wijkverbinders/",
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_by_persona(client_for, objects, persona):
    client = client_for(persona)
    for url in get_urls(objects):
        response = client.get(url)
        assert response.status_code == EXPECTED[persona], (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_posts_by_outsiders_change_nothing(client_for, objects, persona):
    client = client_for(persona)
    ok = f"{BASE}open-koffie/{objects['ok'].pk}/"
    client.post(ok + f"bespreekpunten/{objects['punt'].pk}/status/", {"status": "geaccepteerd"})
    client.post(f"{BASE}wijkverbinders/{objects['verbinder'].pk}/status/", {"status": "actief"})
    client.post(BASE + "open-koffie/plan-jaar/", {"eerste_datum": "", "adres": "x"})
    client.post(f"{BASE}overleg/{objects['overleg'].pk}/verwijderen/")
    allowed = EXPECTED[persona] == 200
    objects["punt"].refresh_from_db()
    objects["verbinder"].refresh_from_db()
    assert (objects["punt"].status == Bespreekpunt.Status.GEACCEPTEERD) is allowed
    assert (objects["verbinder"].status == "actief") is allowed
    assert objects["overleg"].__class__.objects.exists() is not allowed


def test_objects_of_another_wijk_are_404(client_for, wijk_b):
    elders = OpenKoffieFactory(wijk=wijk_b)
    client = client_for("coordinator_a")
    assert client.get(f"{BASE}open-koffie/{elders.pk}/").status_code == 404
    punt = BespreekpuntFactory(open_koffie=elders)
    url = f"{BASE}open-koffie/{elders.pk}/bespreekpunten/{punt.pk}/status/"
    assert client.post(url, {"status": "geaccepteerd"}).status_code == 404


def test_combined_meeting_is_editable_through_the_second_wijk(client_for, wijk_a, wijk_b):
    gecombineerd = OpenKoffieFactory(wijk=wijk_b, tweede_wijk=wijk_a)
    assert OpenKoffie.objects.voor_wijk(wijk_a).get() == gecombineerd
    response = client_for("coordinator_a").get(f"{BASE}open-koffie/{gecombineerd.pk}/")
    assert response.status_code == 200
