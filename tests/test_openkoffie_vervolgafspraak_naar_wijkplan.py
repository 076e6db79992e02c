"""A vervolgafspraak of the Open Koffie becomes an actie of the wijkplan in one step."""

import datetime

import pytest

from tests.factories_openkoffie import OpenKoffieFactory
from wijken.wijkplan.models import Actie


@pytest.fixture
def afspraak(wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    return open_koffie.vervolgafspraken.create(
        wat="Flyers rondbrengen", wie="Anneke", voor_wanneer=datetime.date(2027, 3, 1)
    )


def url(afspraak) -> str:
    return (
        f"/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/{afspraak.open_koffie.pk}"
        f"/vervolgafspraken/{afspraak.pk}/naar-wijkplan/"
    )


def test_one_click_makes_an_actie_and_a_second_click_adds_nothing(client_for, afspraak):
    client = client_for("coordinator_a")
    response = client.post(url(afspraak), follow=True)
    assert "staat nu in het plan van aanpak" in response.content.decode()
    actie = Actie.objects.get()
    assert (actie.omschrijving, actie.wie, actie.voor_wanneer) == (
        "Flyers rondbrengen",
        "Anneke",
        datetime.date(2027, 3, 1),
    )
    again = client.post(url(afspraak), follow=True)
    assert "stond al in het plan van aanpak" in again.content.decode()
    assert Actie.objects.count() == 1
    assert "Staat in het plan van aanpak." in again.content.decode()


@pytest.mark.parametrize("persona", ["anonymous", "bewoner", "wijkverbinder", "coordinator_b"])
def test_outsiders_change_nothing(client_for, afspraak, persona):
    response = client_for(persona).post(url(afspraak))
    assert response.status_code in (302, 404)
    assert not Actie.objects.exists()


def test_only_post(client_for, afspraak):
    assert client_for("coordinator_a").get(url(afspraak)).status_code == 405
