"""Every back-office URL of initiatives against every persona."""

import pytest

from initiatieven.models import Begroting, Begrotingsregel, Evaluatie, Initiatief
from tests.conftest import PERSONAS
from tests.factories_initiatieven import InitiatiefFactory

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"

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
def objecten(wijk_a, coordinator_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, slug="proef")
    begroting = Begroting.objects.create(initiatief=initiatief)
    regel = Begrotingsregel.objects.create(
        begroting=begroting, categorie="overig", omschrijving="x", bedrag=5
    )
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    return initiatief, regel, evaluatie


def get_urls(regel, evaluatie) -> list[str]:
    item = BASE + "proef/"
    return [
        BASE,
        BASE + "nieuw/",
        item,
        item + "beschrijving/",
        item + "stappen/2/",
        item + "begroting/",
        item + f"begroting/regels/{regel.pk}/",
        item + f"begroting/regels/{regel.pk}/verwijderen/",
        item + f"evaluaties/{evaluatie.pk}/",
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_by_persona(client_for, objecten, persona):
    _, regel, evaluatie = objecten
    client = client_for(persona)
    for url in get_urls(regel, evaluatie):
        response = client.get(url)
        assert response.status_code == EXPECTED[persona], (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_posts_by_outsiders_change_nothing(client_for, objecten, persona):
    initiatief, regel, evaluatie = objecten
    client = client_for(persona)
    item = BASE + "proef/"
    client.post(item + "beschrijving/", {"naam": "Anders", "thema": "anders"})
    client.post(item + f"begroting/regels/{regel.pk}/verwijderen/")
    client.post(item + "begroting/indienen/")
    client.post(item + "evaluaties/nieuw/", {"soort": "jaarlijks"})
    allowed = EXPECTED[persona] == 200
    assert (Initiatief.objects.get().naam == "Anders") is allowed
    assert Begrotingsregel.objects.filter(pk=regel.pk).exists() is not allowed
    assert (Evaluatie.objects.count() == 2) is allowed


def test_gets_of_post_only_urls_are_refused(client_for, objecten):
    client = client_for("coordinator_a")
    for rest in ["status/", "begroting/indienen/", "evaluaties/nieuw/", "stappen/1/heropenen/"]:
        assert client.get(BASE + "proef/" + rest).status_code == 405
