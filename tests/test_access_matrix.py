"""Every back-office URL against every persona: outsiders never see a wijk."""

import pytest

from tests.conftest import PERSONAS
from tests.factories import HuisFactory, WijkverbinderFactory
from wijken.models import Vrijwilliger

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/"


def wijk_urls(huis, verbinder, vrijwilliger) -> list[str]:
    return [
        BASE,
        BASE + "huizen/nieuw/",
        BASE + f"huizen/{huis.pk}/",
        BASE + f"huizen/{huis.pk}/verwijderen/",
        BASE + "wijkverbinders/nieuw/",
        BASE + f"wijkverbinders/{verbinder.pk}/",
        BASE + f"wijkverbinders/{verbinder.pk}/verwijderen/",
        BASE + "vrijwilligers/nieuw/",
        BASE + f"vrijwilligers/{vrijwilliger.pk}/",
        BASE + f"vrijwilligers/{vrijwilliger.pk}/verwijderen/",
    ]


EXPECTED = {
    "anonymous": 302,
    "bewoner": 404,
    "wijkverbinder": 404,
    "coordinator_b": 404,
    "coordinator_a": 200,
    "projectleider": 200,
    "programmamanager": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_wijk_pages_by_persona(client_for, wijk_a, persona):
    huis = HuisFactory(wijk=wijk_a)
    verbinder = WijkverbinderFactory(wijk=wijk_a)
    vrijwilliger = Vrijwilliger.objects.create(huis=huis, naam="Thea")
    client = client_for(persona)
    for url in wijk_urls(huis, verbinder, vrijwilliger):
        response = client.get(url)
        assert response.status_code == EXPECTED[persona], (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_posts_by_outsiders_change_nothing(client_for, wijk_a, persona):
    huis = HuisFactory(wijk=wijk_a, naam="Oud")
    verbinder = WijkverbinderFactory(wijk=wijk_a)
    client = client_for(persona)
    client.post(BASE + f"huizen/{huis.pk}/", {"naam": "Nieuw", "adres": "X 1"})
    client.post(BASE + f"wijkverbinders/{verbinder.pk}/verwijderen/")
    huis.refresh_from_db()
    allowed = EXPECTED[persona] == 200
    assert (huis.naam == "Nieuw") is allowed
    assert verbinder.__class__.objects.filter(pk=verbinder.pk).exists() is not allowed


def test_children_of_another_wijk_are_404_even_for_their_own_coordinator(
    client_for, wijk_a, wijk_b
):
    """A huis of wijk B addressed through the URL of wijk A is not found."""
    huis_b = HuisFactory(wijk=wijk_b)
    client = client_for("coordinator_a")
    assert client.get(BASE + f"huizen/{huis_b.pk}/").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_dashboard_by_persona(client_for, persona):
    response = client_for(persona).get("/beheer/")
    assert response.status_code == (302 if persona == "anonymous" else 200)
