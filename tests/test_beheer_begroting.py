"""The begroting in the back office: lines in place with htmx or without JS, submit."""

from decimal import Decimal

import pytest
from django.core import mail

from initiatieven.models import Begroting, Begrotingsregel
from tests.conftest import count_h1
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"
REGEL = {
    "categorie": "eten_drinken",
    "omschrijving": "Koffie en thee",
    "bedrag": "125,50",
    "betaler": "Sevagram",
    "looptijd": "1 jaar",
}


@pytest.fixture
def initiatief(wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    Begroting.objects.create(initiatief=initiatief)
    return initiatief


def url(initiatief, rest: str = "") -> str:
    return f"{BASE}{initiatief.slug}/begroting/{rest}"


def test_page_shows_lines_and_totals_per_payer(client_for, initiatief):
    for betaler, bedrag in [("Sevagram", "10"), ("Sevagram", "5.5"), ("Gemeente", "100")]:
        Begrotingsregel.objects.create(
            begroting=initiatief.begroting,
            categorie="overig",
            omschrijving="x",
            bedrag=Decimal(bedrag),
            betaler=betaler,
        )
    html = client_for("coordinator_a").get(url(initiatief)).content.decode()
    assert count_h1(html) == 1
    assert "€&nbsp;115,50" in html or "€&nbsp;115.50" in html
    assert "Betaald of uitgevoerd door Sevagram" in html


def test_add_line_without_js_redirects(client_for, initiatief):
    response = client_for("coordinator_a").post(url(initiatief, "regels/nieuw/"), REGEL)
    assert response.status_code == 302
    regel = initiatief.begroting.regels.get()
    assert regel.bedrag == Decimal("125.50")
    initiatief.begroting.refresh_from_db()
    assert initiatief.begroting.versie == 2


def test_add_line_with_htmx_returns_the_lines_fragment(client_for, initiatief):
    response = client_for("coordinator_a").post(
        url(initiatief, "regels/nieuw/"), REGEL, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="begroting-regels"')
    assert "Koffie en thee" in html


@pytest.mark.parametrize(
    ("bedrag", "fout"),
    [
        ("-5", "Een bedrag kan niet negatief zijn."),
        ("veel", "Vul een bedrag in euro in"),
        ("100000,01", "Een regel is hoogstens € 100.000."),
        ("2000000", "Een regel is hoogstens € 100.000."),
        ("", "Vul een bedrag in."),
    ],
)
def test_bad_amounts_are_refused(client_for, initiatief, bedrag, fout):
    for headers in [{}, {"HX-Request": "true"}]:
        response = client_for("coordinator_a").post(
            url(initiatief, "regels/nieuw/"), {**REGEL, "bedrag": bedrag}, headers=headers
        )
        assert response.status_code == 200
        assert fout in response.content.decode()
    assert not Begrotingsregel.objects.exists()
    initiatief.begroting.refresh_from_db()
    assert initiatief.begroting.versie == 1


def test_missing_description_is_refused(client_for, initiatief):
    response = client_for("coordinator_a").post(
        url(initiatief, "regels/nieuw/"), {**REGEL, "omschrijving": ""}
    )
    assert "Vul in wat het is, welke of wie." in response.content.decode()
    assert not Begrotingsregel.objects.exists()


def test_remove_line_with_htmx(client_for, initiatief):
    regel = Begrotingsregel.objects.create(
        begroting=initiatief.begroting, categorie="overig", omschrijving="Weg", bedrag=1
    )
    response = client_for("coordinator_a").post(
        url(initiatief, f"regels/{regel.pk}/verwijderen/"), headers={"HX-Request": "true"}
    )
    assert "De begroting heeft nog geen regels." in response.content.decode()
    assert not Begrotingsregel.objects.exists()


def test_remove_line_without_js_asks_first(client_for, initiatief):
    regel = Begrotingsregel.objects.create(
        begroting=initiatief.begroting, categorie="overig", omschrijving="Weg", bedrag=1
    )
    client = client_for("coordinator_a")
    assert (
        "Ja, verwijderen"
        in client.get(url(initiatief, f"regels/{regel.pk}/verwijderen/")).content.decode()
    )
    assert client.post(url(initiatief, f"regels/{regel.pk}/verwijderen/")).status_code == 302
    assert not Begrotingsregel.objects.exists()


def test_submit_mails_the_programmamanager(
    client_for, initiatief, programmamanager, django_capture_on_commit_callbacks
):
    Begrotingsregel.objects.create(
        begroting=initiatief.begroting, categorie="overig", omschrijving="x", bedrag=10
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator_a").post(url(initiatief, "indienen/"))
    initiatief.begroting.refresh_from_db()
    assert initiatief.begroting.status == Begroting.Stand.INGEDIEND
    assert [m.to for m in mail.outbox] == [[programmamanager.email]]
    assert initiatief.naam in mail.outbox[0].subject


def test_submitting_an_empty_begroting_is_refused(client_for, initiatief, programmamanager):
    response = client_for("coordinator_a").post(url(initiatief, "indienen/"), follow=True)
    assert "Een begroting zonder regels kan niet worden ingediend." in response.content.decode()
    initiatief.begroting.refresh_from_db()
    assert initiatief.begroting.status == Begroting.Stand.CONCEPT
    assert mail.outbox == []


def test_changing_an_approved_line_makes_it_pending(
    client_for, wijk_a, coordinator_a, programmamanager, django_capture_on_commit_callbacks
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    regel = initiatief.begroting.regels.first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator_a").post(
            url(initiatief, f"regels/{regel.pk}/"),
            {**REGEL, "categorie": regel.categorie, "bedrag": "300", "bevestigd": "ja"},
            follow=True,
        )
    assert "staat ze opnieuw ter goedkeuring" in response.content.decode()
    begroting = Begroting.objects.get()
    assert begroting.status == Begroting.Stand.INGEDIEND
    assert not begroting.is_goedgekeurd
    assert "opnieuw ter goedkeuring" in mail.outbox[0].body


def test_unchanged_line_keeps_the_approval(client_for, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    regel = initiatief.begroting.regels.first()
    client_for("coordinator_a").post(
        url(initiatief, f"regels/{regel.pk}/"),
        {
            "categorie": regel.categorie,
            "omschrijving": regel.omschrijving,
            "bedrag": str(regel.bedrag).replace(".", ","),
            "betaler": regel.betaler,
            "looptijd": regel.looptijd,
        },
    )
    assert Begroting.objects.get().is_goedgekeurd


def test_overige_betrokkenen_akkoord_needs_a_date(client_for, initiatief):
    response = client_for("coordinator_a").post(
        url(initiatief), {"overige_financieel_akkoord": "on"}
    )
    assert "Vul de datum van het akkoord in." in response.content.decode()
    client_for("coordinator_a").post(
        url(initiatief),
        {"overige_financieel_akkoord": "on", "overige_financieel_akkoord_datum": "2026-11-01"},
    )
    assert Begroting.objects.get().overige_financieel_akkoord


def test_line_of_another_initiative_is_404(client_for, wijk_a, initiatief):
    ander = InitiatiefFactory(wijk=wijk_a)
    regel = Begrotingsregel.objects.create(
        begroting=Begroting.objects.create(initiatief=ander),
        categorie="overig",
        omschrijving="x",
        bedrag=1,
    )
    response = client_for("coordinator_a").post(url(initiatief, f"regels/{regel.pk}/verwijderen/"))
    assert response.status_code == 404
    assert Begrotingsregel.objects.exists()
