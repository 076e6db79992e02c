"""Evaluations (Bijlage 7): pre-filled from the description; due on the dashboard."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from communitycare.lib.dates import BEREIK_FOUT
from communitycare.lib.formsets import ANDERE_RIJEN
from initiatieven.models import Besteding, Evaluatie, Status
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
    assert "Begroot voor Eten/drinken: €&nbsp;250,00" in html


def evaluatie_post(evaluatie, besteed: str = "7", **anders) -> dict:
    """The form as the page sends it: every budget row of the evaluation, then `anders`."""
    bestedingen = list(evaluatie.bestedingen.all())
    data = {
        "ingevuld_door": "Hacker",
        "datum": "2026-11-01",
        "opstart": "Anders",
        "besteding-TOTAL_FORMS": len(bestedingen),
        "besteding-INITIAL_FORMS": len(bestedingen),
    }
    for i, besteding in enumerate(bestedingen):
        data[f"besteding-{i}-id"] = besteding.pk
        data[f"besteding-{i}-besteed"] = besteed
    return data | anders


def test_save_publish_and_spent_amounts(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    data = evaluatie_post(
        evaluatie,
        besteed="12,50",
        ingevuld_door="Sandra",
        opstart="Goed",
        voortgang="Volgens plan",
        effect_beleving="Ja",
        voortzetten="Ja, graag",
        publiceren="on",
    )
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


# --- hand-made POSTs (issue 13, finding 5) -------------------------------------------


def onveranderd(evaluatie) -> tuple:
    return (
        Evaluatie.objects.filter(pk=evaluatie.pk).values_list("ingevuld_door", "opstart").get(),
        sorted(Besteding.objects.values_list("pk", "evaluatie", "categorie", "besteed")),
    )


@pytest.mark.parametrize(
    "anders",
    [
        {"besteding-TOTAL_FORMS": 4, "besteding-3-besteed": "5"},  # a fourth row, by hand
        {"besteding-TOTAL_FORMS": 4, "besteding-3-besteed": "5", "besteding-3-categorie": "x"},
        {"besteding-INITIAL_FORMS": 0},  # the three rows posted as new ones
        {"besteding-TOTAL_FORMS": 2},  # one row left out
        {"besteding-TOTAL_FORMS": 1_000_000, "besteding-INITIAL_FORMS": 1_000_000},
    ],
    ids=["extra rij", "extra rij met categorie", "als nieuw", "een minder", "een miljoen"],
)
def test_a_budget_row_added_by_hand_changes_nothing(client_for, wijk_a, coordinator_a, anders):
    evaluatie = Evaluatie.start_uit_beschrijving(
        klaar_voor_actief(wijk_a, coordinator_a), "zes_maanden", coordinator_a
    )
    voor = onveranderd(evaluatie)
    url = BASE + f"{evaluatie.initiatief.slug}/evaluaties/{evaluatie.pk}/"
    response = client_for("coordinator_a").post(url, evaluatie_post(evaluatie, **anders))
    assert response.status_code == 200
    assert ANDERE_RIJEN in response.content.decode()
    assert onveranderd(evaluatie) == voor


def test_a_budget_row_of_another_evaluation_is_refused(client_for, wijk_a, coordinator_a):
    evaluatie = Evaluatie.start_uit_beschrijving(
        klaar_voor_actief(wijk_a, coordinator_a), "zes_maanden", coordinator_a
    )
    ander = Evaluatie.start_uit_beschrijving(
        klaar_voor_actief(wijk_a, coordinator_a), "zes_maanden", coordinator_a
    )
    voor = onveranderd(evaluatie)
    vreemd = ander.bestedingen.first().pk
    url = BASE + f"{evaluatie.initiatief.slug}/evaluaties/{evaluatie.pk}/"
    response = client_for("coordinator_a").post(
        url, evaluatie_post(evaluatie, **{"besteding-0-id": vreemd})
    )
    assert response.status_code == 200
    assert ANDERE_RIJEN in response.content.decode()
    assert onveranderd(evaluatie) == voor


def test_an_evaluation_dated_9999_is_refused(client_for, wijk_a, coordinator_a):
    evaluatie = Evaluatie.start_uit_beschrijving(
        klaar_voor_actief(wijk_a, coordinator_a), "zes_maanden", coordinator_a
    )
    url = BASE + f"{evaluatie.initiatief.slug}/evaluaties/{evaluatie.pk}/"
    data = evaluatie_post(evaluatie, datum="9999-12-31", publiceren="on")
    html = client_for("coordinator_a").post(url, data).content.decode()
    assert BEREIK_FOUT in html
    evaluatie.refresh_from_db()
    assert evaluatie.gepubliceerd_op is None and evaluatie.datum.year < 9999


def test_an_empty_evaluation_cannot_be_published(client_for, wijk_a, coordinator_a):
    """Bijlage 7: Opstart, Voortgang and Effect 1 and 3 answered, or it is no evaluation.

    The same rule holds outside the back office (model validation: the admin's path).
    """
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    url = BASE + f"{initiatief.slug}/evaluaties/{evaluatie.pk}/"
    data = {
        "ingevuld_door": "Sandra",
        "datum": "2026-11-01",
        "opstart": "Goed",
        "publiceren": "on",
        "besteding-TOTAL_FORMS": 0,
        "besteding-INITIAL_FORMS": 0,
    }
    html = client_for("coordinator_a").post(url, data).content.decode()
    assert "Vul dit in voordat u de evaluatie publiceert" in html
    evaluatie.refresh_from_db()
    assert evaluatie.gepubliceerd_op is None and evaluatie.opstart == ""  # nothing saved
    evaluatie.opstart, evaluatie.gepubliceerd_op = "Goed", timezone.now()
    with pytest.raises(ValidationError) as fout:
        evaluatie.full_clean()
    assert set(fout.value.message_dict) == {"voortgang", "effect_beleving", "voortzetten"}
