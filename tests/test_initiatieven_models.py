"""The rules of the lifecycle, on the models: gating, versions, who may approve."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Evaluatie,
    GoedkeuringGeweigerd,
    Initiatief,
    Status,
)
from tests.factories_initiatieven import (
    BegrotingsregelFactory,
    InitiatiefFactory,
    klaar_voor_actief,
)


def test_ready_initiative_becomes_actief_and_gets_a_start_date(wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    assert initiatief.ontbreekt_voor_actief() == []
    initiatief.wijzig_status(Status.ACTIEF)
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ACTIEF
    assert initiatief.startdatum is not None


def test_gate_lists_exactly_what_is_missing(wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    with pytest.raises(ValidationError) as refused:
        initiatief.wijzig_status(Status.ACTIEF)
    messages = refused.value.messages
    assert messages[0] == ("Stap 1 is nog niet afgerond: Kiezen waar het initiatief aan werkt.")
    assert sum(m.startswith("Stap ") for m in messages) == 9
    assert any("beschrijving is nog niet compleet" in m for m in messages)
    assert "Er is nog geen begroting." in messages
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ONTWIKKELING
    assert initiatief.startdatum is None


def test_gate_refuses_an_unapproved_begroting(wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False)
    assert initiatief.ontbreekt_voor_actief() == [
        "De huidige begroting is niet goedgekeurd door de programmamanager "
        "(stand: ter goedkeuring)."
    ]


def test_gate_refuses_an_open_step(wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.startstappen.filter(nummer=8).delete()
    assert initiatief.ontbreekt_voor_actief() == [
        "Stap 8 is nog niet afgerond: Bespreken in het overleg van wijkverbinders en coördinator."
    ]


def test_ending_needs_a_date_and_a_reason(wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF)
    with pytest.raises(ValidationError) as refused:
        initiatief.wijzig_status(Status.BEEINDIGD, reden_einde=" ")
    assert refused.value.messages == [
        "Vul de einddatum in.",
        "Vul de reden van beëindigen in.",
    ]
    initiatief.wijzig_status(
        Status.BEEINDIGD, einddatum=datetime.date(2026, 6, 1), reden_einde="Gaat zelf verder"
    )
    assert Initiatief.objects.get().reden_einde == "Gaat zelf verder"


def test_a_change_after_approval_makes_it_pending_and_keeps_the_history(
    wijk_a, coordinator_a, programmamanager
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    begroting = initiatief.begroting
    assert begroting.is_goedgekeurd
    regel = begroting.regels.first()
    regel.bedrag = Decimal("99")
    assert begroting.sla_regel_op(regel, coordinator_a, bevestigd=True) is True
    begroting.refresh_from_db()
    assert not begroting.is_goedgekeurd
    assert begroting.status == Begroting.Stand.INGEDIEND
    assert begroting.ingediend_door == coordinator_a
    soorten = list(begroting.besluiten.order_by("pk").values_list("soort", "versie"))
    assert soorten == [
        (Begrotingsbesluit.Soort.INGEDIEND, 1),
        (Begrotingsbesluit.Soort.GOEDGEKEURD, 1),
        (Begrotingsbesluit.Soort.GEWIJZIGD, 2),
    ]
    with pytest.raises(ValidationError):
        Initiatief.objects.get(pk=initiatief.pk).wijzig_status(Status.ACTIEF)
    begroting.keur_goed(programmamanager, begroting.versie)
    Initiatief.objects.get(pk=initiatief.pk).wijzig_status(Status.ACTIEF)


def test_only_a_programmamanager_approves(wijk_a, coordinator_a, projectleider):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    for persoon in [coordinator_a, projectleider]:
        with pytest.raises(GoedkeuringGeweigerd, match="Alleen een programmamanager"):
            begroting.keur_goed(persoon, begroting.versie)
    begroting.refresh_from_db()
    assert begroting.status == Begroting.Stand.INGEDIEND


def test_never_the_submitter(wijk_a, programmamanager):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    regel = BegrotingsregelFactory(begroting=Begroting.objects.create(initiatief=initiatief))
    regel.begroting.indienen(programmamanager)
    with pytest.raises(GoedkeuringGeweigerd, match="zelf ingediend"):
        regel.begroting.keur_goed(programmamanager, regel.begroting.versie)
    with pytest.raises(GoedkeuringGeweigerd, match="zelf ingediend"):
        regel.begroting.wijs_af(programmamanager, regel.begroting.versie, "Te duur")


def test_approval_of_a_version_nobody_saw_is_refused(wijk_a, coordinator_a, programmamanager):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    with pytest.raises(GoedkeuringGeweigerd, match="gewijzigd sinds u haar bekeek"):
        begroting.keur_goed(programmamanager, begroting.versie - 1)


def test_rejection_needs_a_reason(wijk_a, coordinator_a, programmamanager):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    with pytest.raises(GoedkeuringGeweigerd, match="reden"):
        begroting.wijs_af(programmamanager, begroting.versie, "  ")
    besluit = begroting.wijs_af(programmamanager, begroting.versie, "Te duur")
    assert besluit.reden == "Te duur"
    assert begroting.kan_ingediend_worden


def test_empty_begroting_cannot_be_submitted(wijk_a, coordinator_a):
    begroting = Begroting.objects.create(initiatief=InitiatiefFactory(wijk=wijk_a))
    with pytest.raises(ValidationError, match="zonder regels"):
        begroting.indienen(coordinator_a)


def test_evaluations_due_six_months_then_yearly(wijk_a, coordinator_a):
    initiatief = InitiatiefFactory(
        wijk=wijk_a, status=Status.ACTIEF, startdatum=datetime.date(2025, 4, 1)
    )
    moment = initiatief.volgende_evaluatie()
    assert (moment.soort, moment.uiterlijk) == ("zes_maanden", datetime.date(2025, 10, 1))
    assert moment.te_laat
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    assert initiatief.volgende_evaluatie().soort == "zes_maanden"  # still a draft
    evaluatie.gepubliceerd_op = evaluatie.aangemaakt_op
    evaluatie.save()
    moment = Initiatief.objects.met_evaluatiestand().get().volgende_evaluatie()
    assert (moment.soort, moment.uiterlijk) == ("jaarlijks", datetime.date(2026, 3, 31))
