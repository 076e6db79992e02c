"""The programme's review page of one begroting, and the four-eyes rule without deadlock."""

from decimal import Decimal

import pytest
from django.core import mail

from initiatieven.besluit import regelverschil
from initiatieven.models import Begroting, Begrotingsregel, GoedkeuringGeweigerd
from tests.factories import UserFactory
from tests.factories_initiatieven import klaar_voor_actief
from wijken.base import roles
from wijken.wijkplan.models import bewaar_deel


@pytest.fixture
def ingediend(wijk_a, coordinator_a):
    return klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting


def url(begroting: Begroting) -> str:
    return begroting.get_besluit_url()


def test_the_page_shows_the_initiative_and_its_place_in_the_wijkplan(
    client_for, ingediend, wijk_a, coordinator_a
):
    bewaar_deel(
        wijk_a, "doel_initiatieven", "Vier nieuwe initiatieven tegen eenzaamheid.", 0, coordinator_a
    )
    html = client_for("programmamanager").get(url(ingediend)).content.decode()
    initiatief = ingediend.initiatief
    assert initiatief.globale_beschrijving in html
    assert "Eenzaamheid" in html
    assert "9 van 11 afgerond" in html
    assert "Antwoord 5" in html  # step 5: the goal of the wijkplan it serves
    assert "Vier nieuwe initiatieven tegen eenzaamheid." in html
    assert "dit is de eerste aanvraag" in html
    assert ">Goedkeuren</button>" in html and ">Afwijzen</button>" in html


def test_approve(client_for, ingediend, programmamanager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("programmamanager").post(
            url(ingediend), {"besluit": "goedkeuren", "versie": ingediend.versie}, follow=True
        )
    assert "is goedgekeurd" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.is_goedgekeurd and ingediend.goedgekeurd_door == programmamanager
    assert "goedgekeurd" in mail.outbox[0].subject


def test_reject_without_a_reason_changes_nothing(client_for, ingediend):
    response = client_for("programmamanager").post(
        url(ingediend), {"besluit": "afwijzen", "versie": ingediend.versie, "reden": "  "}
    )
    assert response.status_code == 200
    assert "Geef een reden waarom de begroting is afgewezen." in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND
    assert ingediend.besluiten.count() == 1  # only the submission


def test_reject_with_a_reason(client_for, ingediend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("programmamanager").post(
            url(ingediend),
            {"besluit": "afwijzen", "versie": ingediend.versie, "reden": "Zoek een sponsor."},
        )
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.AFGEWEZEN
    assert ingediend.besluiten.first().reden == "Zoek een sponsor."
    assert "Zoek een sponsor." in mail.outbox[0].body


def test_a_version_changed_meanwhile_is_not_approved(client_for, ingediend, coordinator_a):
    gezien = ingediend.versie
    ingediend.na_wijziging(coordinator_a)
    response = client_for("programmamanager").post(
        url(ingediend), {"besluit": "goedkeuren", "versie": gezien}
    )
    assert "gewijzigd sinds u haar bekeek" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


@pytest.mark.parametrize("persona", ["coordinator_a", "coordinator_b", "wijkverbinder", "bewoner"])
def test_others_get_a_404_and_change_nothing(client_for, ingediend, persona):
    client = client_for(persona)
    assert client.get(url(ingediend)).status_code == 404
    response = client.post(url(ingediend), {"besluit": "goedkeuren", "versie": ingediend.versie})
    assert response.status_code == 404
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


def test_the_page_says_door_u_ingediend_before_anyone_clicks(client_for, wijk_a, programmamanager):
    begroting = klaar_voor_actief(wijk_a, programmamanager, goedgekeurd=False).begroting
    UserFactory(username="tweede-pm", rol=roles.PROGRAMMAMANAGER)
    html = client_for("programmamanager").get(url(begroting)).content.decode()
    assert "Door u ingediend." in html
    assert "een andere programmamanager moet erover beslissen" in html
    assert ">Goedkeuren</button>" not in html


def test_the_page_says_door_u_bewerkt(client_for, ingediend, programmamanager):
    ingediend.na_wijziging(programmamanager)  # she changed a line while it waited
    ingediend.ingediend_door = UserFactory(username="iemand")  # and someone else submitted
    ingediend.save()
    html = client_for("programmamanager").get(url(ingediend)).content.decode()
    assert "Door u bewerkt." in html


# --- the four-eyes rule with one programmamanager ---------------------------------------


@pytest.fixture
def door_de_enige_pm_bewerkt(ingediend, programmamanager):
    ingediend.na_wijziging(programmamanager)
    ingediend.refresh_from_db()
    return ingediend


def test_the_only_programmamanager_who_edited_it_is_told_who_decides(
    client_for, door_de_enige_pm_bewerkt
):
    html = client_for("programmamanager").get(url(door_de_enige_pm_bewerkt)).content.decode()
    assert "de projectleider beslist nu in uw plaats" in html


def test_the_projectleider_stands_in_when_no_other_programmamanager_can(
    client_for, door_de_enige_pm_bewerkt, projectleider
):
    begroting = door_de_enige_pm_bewerkt
    response = client_for("projectleider").post(
        url(begroting), {"besluit": "goedkeuren", "versie": begroting.versie}
    )
    assert response.status_code == 302
    begroting.refresh_from_db()
    assert begroting.is_goedgekeurd and begroting.goedgekeurd_door == projectleider


def test_the_projectleider_does_not_decide_while_a_programmamanager_can(
    client_for, ingediend, programmamanager
):
    html = client_for("projectleider").get(url(ingediend)).content.decode()
    assert "De projectleider beslist alleen als iedere programmamanager" in html
    response = client_for("projectleider").post(
        url(ingediend), {"besluit": "goedkeuren", "versie": ingediend.versie}
    )
    assert response.status_code == 403
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND


def test_the_stand_in_rule_holds_in_the_domain_too(door_de_enige_pm_bewerkt, projectleider):
    """The second path: the domain method the admin and the page both call."""
    begroting = door_de_enige_pm_bewerkt
    with pytest.raises(GoedkeuringGeweigerd):
        begroting.keur_goed(
            UserFactory(username="coordinator-x", rol=roles.COORDINATOR), begroting.versie
        )
    begroting.keur_goed(projectleider, begroting.versie)
    assert begroting.is_goedgekeurd


def test_a_projectleider_who_edited_it_never_decides(ingediend, projectleider, programmamanager):
    ingediend.na_wijziging(projectleider)
    ingediend.na_wijziging(programmamanager)
    ingediend.refresh_from_db()
    assert ingediend.mag_niet_beslissen(projectleider)
    with pytest.raises(GoedkeuringGeweigerd):
        ingediend.keur_goed(projectleider, ingediend.versie)


# --- the comparison with the approved version -------------------------------------------


def test_the_diff_against_the_last_approved_version(
    client_for, wijk_a, coordinator_a, programmamanager
):
    begroting = klaar_voor_actief(wijk_a, coordinator_a).begroting
    regels = list(begroting.regels.all())
    eerste = regels[0]
    eerste.omschrijving = "Koffie en thee"
    eerste.bedrag = Decimal("150.00")
    begroting.sla_regel_op(eerste, coordinator_a, bevestigd=True)
    begroting.verwijder_regel(regels[1], coordinator_a)
    begroting.sla_regel_op(
        Begrotingsregel(categorie="communicatie", omschrijving="Flyers", bedrag=Decimal("25")),
        coordinator_a,
    )
    begroting.refresh_from_db()
    soorten = [regel.soort for regel in regelverschil(begroting)]
    assert soorten == ["gewijzigd", "weg", "gelijk", "nieuw"]
    html = client_for("programmamanager").get(url(begroting)).content.decode()
    assert "Vergeleken met de goedgekeurde versie" in html
    assert '<ins><span class="visually-hidden">[nieuw: </span>en thee' in html
    assert "Flyers" in html and "nieuw" in html


def test_the_queue_links_to_the_review_page(client_for, ingediend):
    admin = client_for("programmamanager").get("/admin/initiatieven/begrotingtergoedkeuring/")
    assert url(ingediend) in admin.content.decode()
    dashboard = client_for("programmamanager").get("/beheer/programma/")
    assert url(ingediend) in dashboard.content.decode()


def test_the_review_page_query_count_does_not_grow_with_the_lines(
    client_for, ingediend, django_assert_num_queries
):
    client = client_for("programmamanager")
    client.get(url(ingediend))
    for i in range(10):
        Begrotingsregel.objects.create(
            begroting=ingediend, categorie="overig", omschrijving=f"r{i}", bedrag=1
        )
    # session, user, roles, wijk, initiative, begroting, its lines, indicators, steps
    # (with who, overleg, Open Koffie, wijkverbinder), evaluations, history, who edited
    # (twice: the rule and the notice), the wijkplan, ...: none per line
    with django_assert_num_queries(20):
        client.get(url(ingediend))
