"""The back-office page of one initiative: create, steps, description, status."""

import datetime

import pytest
from django.utils import timezone

from initiatieven.models import Initiatief, Startstap, Status
from openkoffie.models import OpenKoffie, WijkverbinderOverleg
from tests.conftest import count_h1
from tests.factories import WijkverbinderFactory
from tests.factories_initiatieven import (
    BESCHRIJVING,
    IdeeFactory,
    InitiatiefFactory,
    klaar_voor_actief,
)
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"


def test_create_initiative_makes_a_slug_and_an_empty_begroting(client_for, coordinator_a):
    response = client_for("coordinator_a").post(
        BASE + "nieuw/", {"naam": "Samen aan tafel", "thema": "samen_aan_tafel"}
    )
    initiatief = Initiatief.objects.get()
    assert response["Location"] == BASE + "samen-aan-tafel/"
    assert initiatief.coordinator == coordinator_a
    assert initiatief.status == Status.IDEE
    assert initiatief.begroting.versie == 1


@pytest.mark.parametrize(
    ("data", "fout"),
    [
        ({"naam": "", "thema": "anders"}, "Dit veld is verplicht."),
        ({"naam": "!!!", "thema": "anders"}, "Kies een naam met letters of cijfers."),
        ({"naam": "Nieuw", "thema": "anders"}, "Kies een naam met letters of cijfers."),
        ({"naam": "Bestaat", "thema": "anders"}, "al een initiatief met deze naam"),
        ({"naam": "X", "thema": "onzin"}, "Selecteer een geldige keuze."),
    ],
)
def test_create_refuses_bad_input(client_for, wijk_a, data, fout):
    InitiatiefFactory(wijk=wijk_a, naam="Bestaat", slug="bestaat")
    response = client_for("coordinator_a").post(BASE + "nieuw/", data)
    assert response.status_code == 200
    assert fout in response.content.decode()
    assert Initiatief.objects.count() == 1


def test_overview_shows_the_checklist_and_similar_initiatives(client_for, wijk_a, wijk_b):
    InitiatiefFactory(wijk=wijk_a, naam="Boodschappenhulp", slug="boodschappenhulp")
    InitiatiefFactory(wijk=wijk_b, naam="Boodschappen Heerlen", slug="boodschappen-heerlen")
    initiatief = InitiatiefFactory(
        wijk=wijk_a, naam="Samen boodschappen", slug="samen-boodschappen"
    )
    html = client_for("coordinator_a").get(BASE + f"{initiatief.slug}/").content.decode()
    assert count_h1(html) == 1
    assert "0 van 11 afgerond" in html
    assert "Stap 9 afronden" in html
    eigen = html[html.index("<h4>Lijkt hierop in") : html.index('id="andere-wijken-kop"')]
    assert "Boodschappenhulp" in eigen
    # Another wijk's initiative is an example to learn from, not the same activity.
    assert "Boodschappen Heerlen" not in eigen
    assert "Boodschappen Heerlen" in html[html.index('id="andere-wijken-kop"') :]


def test_step_with_htmx_returns_only_the_step(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/stappen/1/",
        {"stap1-indicatoren": ["eenzaamheid", "zelfredzaamheid"], "stap1-antwoord": "Ja"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<li id="stap-1"')
    assert "afgerond" in html
    assert sorted(initiatief.indicator_waarden) == ["eenzaamheid", "zelfredzaamheid"]


def test_step_2_needs_a_resident(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/stappen/2/", {"stap2-antwoord": "Alleen medewerkers"}
    )
    assert "Er moet minstens één buurtbewoner meedoen" in response.content.decode()
    assert not Startstap.objects.exists()


def test_step_7_needs_a_complete_description(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, globale_beschrijving="Iets")
    response = client_for("coordinator_a").post(BASE + f"{initiatief.slug}/stappen/7/", {})
    html = response.content.decode()
    assert "De beschrijving is nog niet compleet; nog leeg: indicatoren, aanpak tot stand" in html
    assert not Startstap.objects.exists()


def test_step_8_points_at_an_overleg_and_appoints_the_wijkverbinder(client_for, wijk_a, wijk_b):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    verbinder = WijkverbinderFactory(wijk=wijk_a)
    elders = OverlegFactory(wijk=wijk_b)
    client = client_for("coordinator_a")
    data = {"stap8-overleg": elders.pk, "stap8-overleg_wijkverbinder": verbinder.pk}
    assert client.post(BASE + f"{initiatief.slug}/stappen/8/", data).status_code == 200
    assert not Startstap.objects.exists()
    gepland = OverlegFactory(wijk=wijk_a, datum=datetime.date.today() + datetime.timedelta(days=5))
    data["stap8-overleg"] = gepland.pk
    response = client.post(BASE + f"{initiatief.slug}/stappen/8/", data)
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.wijkverbinder == verbinder
    stap = initiatief.startstappen.get(nummer=8)
    assert not stap.is_afgerond  # planned: the step waits for the overleg
    assert "Stap 8 wacht nog" in " ".join(initiatief.ontbreekt_voor_actief())
    WijkverbinderOverleg.objects.filter(pk=gepland.pk).update(datum=datetime.date.today())
    assert Startstap.objects.get(nummer=8).is_afgerond


def test_step_9_is_an_open_koffie_of_the_wijk_and_done_once_held(client_for, wijk_a, wijk_b):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    client = client_for("coordinator_a")
    url = BASE + f"{initiatief.slug}/stappen/9/"
    elders = OpenKoffieFactory(wijk=wijk_b)
    for waarde in ["1 January 2030, bestaat niet", elders.pk, ""]:
        assert client.post(url, {"stap9-open_koffie": waarde}).status_code == 200
    assert not Startstap.objects.exists()
    komend = OpenKoffieFactory(wijk=wijk_a)
    assert client.post(url, {"stap9-open_koffie": komend.pk}).status_code == 302
    html = client.get(BASE + f"{initiatief.slug}/").content.decode()
    assert "gepland" in html and "0 van 11 afgerond" in html
    OpenKoffie.objects.filter(pk=komend.pk).update(
        begin=timezone.now() - datetime.timedelta(days=1, hours=2),
        einde=timezone.now() - datetime.timedelta(days=1),
    )
    assert "1 van 11 afgerond" in client.get(BASE + f"{initiatief.slug}/").content.decode()


def test_steps_10_and_11_cannot_be_ticked_by_hand(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    client_for("coordinator_a").post(BASE + f"{initiatief.slug}/stappen/10/", {})
    assert not Startstap.objects.exists()


def test_reopen_a_step(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    client_for("coordinator_a").post(BASE + f"{initiatief.slug}/stappen/4/heropenen/")
    assert not initiatief.startstappen.filter(nummer=4).exists()


def test_description_is_saved_with_its_indicatoren(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    data = {"naam": initiatief.naam, "thema": "anders", "indicatoren": ["eenzaamheid"]}
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/beschrijving/", {**data, **BESCHRIJVING}
    )
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.indicator_waarden == ["eenzaamheid"]
    assert initiatief.beschrijving_ontbreekt() == ["betrokken coördinator"]


def test_actief_refused_with_the_list_of_what_is_missing(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False)
    initiatief.startstappen.filter(nummer=9).delete()
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/status/", {"status": "actief"}
    )
    html = response.content.decode()
    assert "De status is niet gewijzigd." in html
    assert "Stap 9 is nog niet afgerond" in html
    assert "niet goedgekeurd door de programmamanager" in html
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ONTWIKKELING


def test_actief_when_everything_is_ready(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/status/", {"status": "actief"}
    )
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ACTIEF


def test_ending_without_a_reason_is_refused(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF)
    html = (
        client_for("coordinator_a")
        .post(
            BASE + f"{initiatief.slug}/status/", {"status": "beeindigd", "einddatum": "2026-11-01"}
        )
        .content.decode()
    )
    assert "Vul de reden van beëindigen in." in html
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ACTIEF


def test_coordinator_of_another_wijk_gets_404_and_changes_nothing(
    client_for, wijk_a, coordinator_a
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    client = client_for("coordinator_b")
    assert client.get(BASE + f"{initiatief.slug}/").status_code == 404
    response = client.post(BASE + f"{initiatief.slug}/status/", {"status": "actief"})
    assert response.status_code == 404
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ONTWIKKELING


def test_wijk_list_in_the_back_office(client_for, wijk_a):
    InitiatiefFactory(wijk=wijk_a, naam="Heerlens Heitje", status=Status.IDEE)
    html = client_for("coordinator_a").get(BASE).content.decode()
    assert count_h1(html) == 1
    assert "Heerlens Heitje" in html and "Idee" in html


@pytest.mark.parametrize("aantal", [2, 30])
def test_list_query_count_does_not_grow(
    client_for, wijk_a, coordinator_a, django_assert_num_queries, aantal
):
    client = client_for("coordinator_a")
    for _ in range(aantal):
        InitiatiefFactory(wijk=wijk_a)
        # The wijk's ideas are listed below them, with their initiative or who entered it.
        IdeeFactory(wijk=wijk_a, initiatief=InitiatiefFactory(wijk=wijk_a), status="initiatief")
        IdeeFactory(wijk=wijk_a, bron="telefoon", ingevoerd_door=coordinator_a)
    with django_assert_num_queries(6):
        response = client.get(BASE)
    assert response.content.decode().count(BASE) >= aantal
