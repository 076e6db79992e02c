"""The status rules of issue 14, each through the back office and the domain itself (the
path of the admin, commands and the demo loader): an ended initiative stays in the
archive and can be restarted, never become an idea; it never starts before its approval."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from initiatieven.models import Initiatief, Status
from tests.factories_initiatieven import BESCHRIJVING, klaar_voor_actief

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"


@pytest.fixture
def beeindigd(wijk_a, coordinator_a) -> Initiatief:
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    initiatief.wijzig_status(
        Status.BEEINDIGD, einddatum=timezone.localdate(), reden_einde="Doel bereikt."
    )
    return initiatief


def test_an_ended_initiative_never_becomes_an_idea_in_the_back_office(client_for, beeindigd):
    html = (
        client_for("coordinator_a")
        .post(BASE + f"{beeindigd.slug}/status/", {"status": "idee"})
        .content.decode()
    )
    assert "wordt geen idee meer" in html
    beeindigd.refresh_from_db()
    assert beeindigd.status == Status.BEEINDIGD


def test_an_ended_initiative_never_becomes_an_idea_through_the_domain(beeindigd):
    with pytest.raises(ValidationError, match="wordt geen idee meer"):
        beeindigd.wijzig_status(Status.IDEE)
    assert Initiatief.objects.get(pk=beeindigd.pk).status == Status.BEEINDIGD


def test_an_ended_initiative_can_be_restarted(client_for, beeindigd):
    response = client_for("coordinator_a").post(
        BASE + f"{beeindigd.slug}/status/", {"status": "actief"}
    )
    assert response.status_code == 302
    assert Initiatief.objects.get(pk=beeindigd.pk).status == Status.ACTIEF


def test_no_start_before_the_approval_in_the_back_office(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    te_vroeg = timezone.localdate(initiatief.begroting.goedgekeurd_op) - datetime.timedelta(1)
    data = {"naam": initiatief.naam, "thema": "anders", "indicatoren": ["eenzaamheid"]}
    data |= {**BESCHRIJVING, "startdatum": te_vroeg.isoformat()}
    html = (
        client_for("coordinator_a")
        .post(BASE + f"{initiatief.slug}/beschrijving/", data)
        .content.decode()
    )
    assert "vóór het akkoord op de begroting" in html
    initiatief.refresh_from_db()
    assert initiatief.startdatum >= te_vroeg + datetime.timedelta(1)


def test_no_start_before_the_approval_through_model_validation(wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    initiatief.startdatum = timezone.localdate(initiatief.begroting.goedgekeurd_op) - (
        datetime.timedelta(days=30)
    )
    with pytest.raises(ValidationError) as fout:
        initiatief.full_clean()
    assert "startdatum" in fout.value.message_dict
