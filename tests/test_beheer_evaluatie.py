"""Evaluations (Bijlage 7): pre-filled from the description; due on the dashboard."""

import datetime

from django.utils import timezone

from initiatieven.models import Evaluatie, Status
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"


def test_start_is_prefilled_from_the_description(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    response = client_for("coordinator_a").post(
        BASE + f"{initiatief.slug}/evaluaties/nieuw/", {"soort": "zes_maanden"}
    )
    evaluatie = Evaluatie.objects.get()
    assert response["Location"] == BASE + f"{initiatief.slug}/evaluaties/{evaluatie.pk}/"
    assert evaluatie.ingevuld_door == str(coordinator_a)
    assert evaluatie.startdatum_initiatief == initiatief.startdatum
    assert evaluatie.beinvloeding_indicator == "Eenzaamheid"
    assert evaluatie.contactpersoon == initiatief.contactpersoon
    begroot = {b.categorie: b.begroot for b in evaluatie.bestedingen.all()}
    assert begroot == {"ruimte": 0, "eten_drinken": 250, "communicatie": 80}
    html = client_for("coordinator_a").get(response["Location"]).content.decode()
    assert "Begroot voor Eten/drinken: € 250" in html


def test_save_publish_and_spent_amounts(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    bestedingen = list(evaluatie.bestedingen.all())
    data = {
        "ingevuld_door": "Sandra",
        "datum": "2026-11-01",
        "opstart": "Goed",
        "publiceren": "on",
        "besteding-TOTAL_FORMS": len(bestedingen),
        "besteding-INITIAL_FORMS": len(bestedingen),
    }
    for i, besteding in enumerate(bestedingen):
        data[f"besteding-{i}-id"] = besteding.pk
        data[f"besteding-{i}-besteed"] = "12,50"
    url = BASE + f"{initiatief.slug}/evaluaties/{evaluatie.pk}/"
    bad = client_for("coordinator_a").post(url, {**data, "besteding-0-besteed": "-1"})
    assert "Een bedrag kan niet negatief zijn." in bad.content.decode()
    assert Evaluatie.objects.get().gepubliceerd_op is None
    assert client_for("coordinator_a").post(url, data).status_code == 302
    evaluatie.refresh_from_db()
    assert evaluatie.gepubliceerd_op is not None
    assert {str(b.besteed) for b in evaluatie.bestedingen.all()} == {"12.50"}


def test_unknown_kind_is_refused(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    client_for("coordinator_a").post(BASE + f"{initiatief.slug}/evaluaties/nieuw/", {"soort": "x"})
    assert not Evaluatie.objects.exists()


def test_dashboard_lists_due_and_overdue_evaluations(client_for, wijk_a, wijk_b):
    today = timezone.localdate()
    InitiatiefFactory(
        wijk=wijk_a,
        naam="Te laat",
        status=Status.ACTIEF,
        startdatum=today - datetime.timedelta(days=200),
    )
    InitiatiefFactory(
        wijk=wijk_a,
        naam="Binnenkort",
        status=Status.ACTIEF,
        startdatum=today - datetime.timedelta(days=170),
    )
    InitiatiefFactory(wijk=wijk_a, naam="Net begonnen", status=Status.ACTIEF, startdatum=today)
    InitiatiefFactory(
        wijk=wijk_b,
        naam="Andere wijk",
        status=Status.ACTIEF,
        startdatum=today - datetime.timedelta(days=400),
    )
    html = client_for("coordinator_a").get("/beheer/").content.decode()
    assert "Te laat" in html and "te laat</strong>" in html
    assert "Binnenkort" in html
    assert "Net begonnen" not in html
    assert "Andere wijk" not in html
    assert "Begrotingen ter goedkeuring" not in html


def test_dashboard_of_the_programmamanager_links_the_queue(client_for, wijk_a, coordinator_a):
    klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False)
    html = client_for("programmamanager").get("/beheer/").content.decode()
    assert "Begrotingen ter goedkeuring: <strong>1</strong>" in html
    assert "Er zijn de komende 30 dagen geen evaluaties te doen." in html
