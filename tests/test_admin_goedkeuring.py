"""The approval queue in the admin: only a programmamanager, never the submitter."""

import pytest
from django.core import mail

from initiatieven.models import Begroting, Begrotingsbesluit, Begrotingsregel
from tests.factories import UserFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from wijken.base import roles

QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"


@pytest.fixture
def ingediend(wijk_a, coordinator_a):
    return klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting


def decide(client, begroting, action: str, **extra):
    data = {"action": action, "_selected_action": [begroting.pk], "bevestigd": "ja"}
    data[f"versie_{begroting.pk}"] = begroting.versie
    return client.post(QUEUE, {**data, **extra}, follow=True)


def test_queue_lists_submitted_begrotingen(client_for, ingediend):
    html = client_for("programmamanager").get(QUEUE).content.decode()
    assert "Begrotingen ter goedkeuring" in html
    assert ingediend.initiatief.naam in html
    assert "330" in html  # the total


def test_approve_asks_for_confirmation_first(client_for, ingediend):
    response = client_for("programmamanager").post(
        QUEUE, {"action": "goedkeuren", "_selected_action": [ingediend.pk]}
    )
    assert "Ja, goedkeuren" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


def test_approve_records_who_when_and_mails_the_coordinator(
    client_for, ingediend, programmamanager, coordinator_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client_for("programmamanager"), ingediend, "goedkeuren")
    assert "is goedgekeurd" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.is_goedgekeurd
    assert ingediend.goedgekeurd_door == programmamanager
    assert ingediend.goedgekeurd_op is not None
    assert mail.outbox[0].to == [coordinator_a.email]
    assert "goedgekeurd" in mail.outbox[0].subject


def test_reject_needs_a_reason(client_for, ingediend):
    response = decide(client_for("programmamanager"), ingediend, "afwijzen", reden="")
    assert "Geef een reden waarom de begroting is afgewezen." in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


def test_reject_with_reason_mails_it(
    client_for, ingediend, coordinator_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decide(client_for("programmamanager"), ingediend, "afwijzen", reden="Zoek een sponsor.")
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.AFGEWEZEN
    assert ingediend.besluiten.first().reden == "Zoek een sponsor."
    assert "Zoek een sponsor." in mail.outbox[0].body


@pytest.mark.parametrize("persona", ["coordinator_a", "projectleider", "bewoner"])
def test_nobody_else_may_decide(client_for, ingediend, persona, request):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save()
    client = client_for(persona)
    assert client.get(QUEUE).status_code == 403
    response = decide(client, ingediend, "goedkeuren")
    assert response.status_code == 403
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


def test_a_programmamanager_never_approves_their_own_submission(
    client_for, wijk_a, programmamanager
):
    begroting = Begroting.objects.create(initiatief=InitiatiefFactory(wijk=wijk_a))
    Begrotingsregel.objects.create(
        begroting=begroting, categorie="overig", omschrijving="x", bedrag=5
    )
    begroting.indienen(programmamanager)
    response = decide(client_for("programmamanager"), begroting, "goedkeuren")
    assert "zelf ingediend" in response.content.decode()
    begroting.refresh_from_db()
    assert begroting.status == Begroting.Stand.INGEDIEND
    assert not begroting.besluiten.filter(soort=Begrotingsbesluit.Soort.GOEDGEKEURD).exists()


def test_a_change_while_deciding_is_not_approved(client_for, ingediend, coordinator_a):
    client = client_for("programmamanager")
    gezien = ingediend.versie
    ingediend.na_wijziging(coordinator_a)
    response = client.post(
        QUEUE,
        {
            "action": "goedkeuren",
            "_selected_action": [ingediend.pk],
            "bevestigd": "ja",
            f"versie_{ingediend.pk}": gezien,
        },
        follow=True,
    )
    assert "gewijzigd sinds u haar bekeek" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


@pytest.mark.parametrize("aantal", [5, 500])
def test_queue_query_count_is_pinned(
    client_for, wijk_a, coordinator_a, django_assert_num_queries, aantal
):
    indiener = UserFactory(rol=roles.COORDINATOR)
    initiatieven = InitiatiefFactory.create_batch(aantal, wijk=wijk_a)
    begrotingen = Begroting.objects.bulk_create(
        Begroting(initiatief=i, status=Begroting.Stand.INGEDIEND, ingediend_door=indiener)
        for i in initiatieven
    )
    Begrotingsregel.objects.bulk_create(
        Begrotingsregel(begroting=b, categorie="overig", omschrijving="x", bedrag=10)
        for b in begrotingen
    )
    client = client_for("programmamanager")
    client.get(QUEUE)
    with django_assert_num_queries(12):
        response = client.get(QUEUE)
    assert response.status_code == 200
