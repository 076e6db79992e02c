"""Every wijkplan URL against every persona: only who may edit the wijk changes its plan."""

import uuid

import pytest

from tests.conftest import PERSONAS
from tests.factories_wijkplan import ActieFactory, BijeenkomstFactory
from wijken.models_wijkplan import Actie, Bijeenkomst, Vaststelling, Wijkplan, bewaar_deel

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
ALLOWED = {"coordinator_a", "projectleider", "programmamanager"}


@pytest.fixture
def inhoud(wijk_a, coordinator_a):
    plan = bewaar_deel(wijk_a, "wijkdata", "Origineel", 0, coordinator_a)
    actie = ActieFactory(wijkplan=plan, omschrijving="Origineel")
    tweede = ActieFactory(wijkplan=plan, omschrijving="Tweede")
    bijeenkomst = BijeenkomstFactory(wijkplan=plan)
    versie = plan.history.first().history_id
    return plan, actie, tweede, bijeenkomst, versie


def expected(persona: str, allowed_status: int) -> int:
    if persona == "anonymous":
        return 302
    return allowed_status if persona in ALLOWED else 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_by_persona(client_for, inhoud, persona):
    _, actie, _, _, versie = inhoud
    client = client_for(persona)
    for url in [
        BASE,
        BASE + "delen/wijkdata/",
        BASE + f"acties/{actie.pk}/",
        BASE + "versies/",
        BASE + f"versies/{versie}/",
        BASE + f"versies/vergelijk/?van={versie}&naar={versie}",
    ]:
        response = client.get(url)
        assert response.status_code == expected(persona, 200), (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_edits_by_persona(client_for, inhoud, persona):
    plan, actie, tweede, bijeenkomst, versie = inhoud
    client = client_for(persona)
    posts = [
        ("delen/wijkdata/", {"wijkdata": "Gewijzigd", "versie": 1}),
        (f"acties/{actie.pk}/", {"omschrijving": "Gewijzigd", "versie": 1}),
        # Version 2: the edit just above made it so.
        (f"acties/{actie.pk}/afronden/", {"versie": 2, "afgerond": "on"}),
        (f"acties/{tweede.pk}/verplaatsen/", {"versie": 1, "richting": "omhoog"}),
        ("acties/nieuw/", {"actie-omschrijving": "Nieuw", "actie-token": str(uuid.uuid4())}),
        (
            "planning/nieuw/",
            {
                "bijeenkomst-soort": "overleg",
                "bijeenkomst-datum": "2030-01-01",
                "bijeenkomst-token": str(uuid.uuid4()),
            },
        ),
        (f"planning/{bijeenkomst.pk}/verwijderen/", {}),
        (f"versies/{versie}/vaststellen/", {"datum": "2026-01-01"}),
        (f"versies/{versie}/herstellen/wijkdata/", {"versie": 1}),
    ]
    for path, data in posts:
        response = client.post(BASE + path, data)
        assert response.status_code == expected(persona, 302), (persona, path)
    allowed = persona in ALLOWED
    plan.refresh_from_db()
    actie.refresh_from_db()
    assert (plan.wijkdata == "Gewijzigd") is allowed
    assert (actie.omschrijving == "Gewijzigd") is allowed
    assert actie.afgerond is allowed
    assert Actie.objects.filter(omschrijving="Nieuw").exists() is allowed
    assert Bijeenkomst.objects.filter(soort="overleg").exists() is allowed
    assert Bijeenkomst.objects.filter(pk=bijeenkomst.pk).exists() is not allowed
    assert Vaststelling.objects.exists() is allowed
    assert Wijkplan.history.count() == (2 if allowed else 1)
    # The delete of an actie, last: it needs the version the edits above left.
    actie_versie = actie.versie
    response = client.post(BASE + f"acties/{actie.pk}/verwijderen/", {"versie": actie_versie})
    assert response.status_code == expected(persona, 302)
    assert Actie.objects.filter(pk=actie.pk).exists() is not allowed


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_page_for_everyone(client_for, inhoud, persona):
    assert (
        client_for(persona).get("/heuvelland/valkenburg-oosterbeemd/wijkplan/").status_code == 200
    )
