"""Changing the approved begroting of a running initiative (issue 14): it asks first, the
initiative stays actief, the public keeps the approved version, and the programmamanager
and the back office see "Begroting gewijzigd, wacht op goedkeuring" until re-approval."""

import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from initiatieven.models import (
    WACHT_OP_GOEDKEURING,
    WIJZIGEN_NA_GOEDKEURING,
    Begroting,
    Begrotingsregel,
    Initiatief,
    Status,
    WijzigingNietBevestigd,
)
from tests.factories_initiatieven import klaar_voor_actief

QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"
# klaar_voor_actief approves ruimte € 0, eten_drinken € 250, communicatie € 80.
GOEDGEKEURD_TOTAAL = "330.00"


def bedrag(tekst: str) -> str:
    return tekst.replace(",", ".")


def pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split()
    )


@pytest.fixture
def lopend(wijk_a, coordinator_a) -> Initiatief:
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    return initiatief


def regel_url(initiatief, regel=None, rest="") -> str:
    begroting = initiatief.beheer_url("begroting")
    return f"{begroting}regels/{regel.pk}/{rest}" if regel else f"{begroting}regels/nieuw/"


def wijzig_post(regel, bedrag_: str, **extra) -> dict:
    return {
        "categorie": regel.categorie,
        "omschrijving": regel.omschrijving,
        "bedrag": bedrag_,
        "betaler": regel.betaler,
        "looptijd": regel.looptijd,
        **extra,
    }


def eten(initiatief) -> Begrotingsregel:
    return initiatief.begroting.regels.get(categorie="eten_drinken")


def wijzig_bevestigd(client, initiatief, bedrag_="900"):
    regel = eten(initiatief)
    return client.post(
        regel_url(initiatief, regel), wijzig_post(regel, bedrag_, bevestigd="ja"), follow=True
    )


def ongewijzigd(initiatief) -> None:
    begroting = Begroting.objects.get(pk=initiatief.begroting.pk)
    assert begroting.is_goedgekeurd and begroting.versie == 1
    assert begroting.regels.count() == 3
    assert eten(initiatief).bedrag == Decimal("250")


# --- no change without confirmation ----------------------------------------------------


def test_changing_a_line_asks_first_and_saves_nothing(client_for, lopend):
    client = client_for("coordinator_a")
    regel = eten(lopend)
    response = client.post(regel_url(lopend, regel), wijzig_post(regel, "900"))
    html = response.content.decode()
    assert response.status_code == 200
    assert WIJZIGEN_NA_GOEDKEURING in html
    assert 'name="bevestigd" value="ja"' in html
    assert 'value="900"' in html  # the typed change, carried to the confirmation
    ongewijzigd(lopend)
    response = client.post(regel_url(lopend, regel), wijzig_post(regel, "900", bevestigd="ja"))
    assert response.status_code == 302
    begroting = Begroting.objects.get(pk=lopend.begroting.pk)
    assert begroting.status == Begroting.Stand.INGEDIEND and begroting.versie == 2
    assert eten(lopend).bedrag == Decimal("900")


def test_adding_a_line_asks_first_also_with_htmx(client_for, lopend):
    client = client_for("coordinator_a")
    data = {"categorie": "overig", "omschrijving": "Taart", "bedrag": "40"}
    for headers in [{}, {"HX-Request": "true"}]:
        response = client.post(regel_url(lopend), data, headers=headers)
        assert WIJZIGEN_NA_GOEDKEURING in response.content.decode()
        ongewijzigd(lopend)
    assert response["HX-Retarget"] == "body"
    client.post(regel_url(lopend), {**data, "bevestigd": "ja"})
    assert Begroting.objects.get(pk=lopend.begroting.pk).regels.count() == 4


def test_removing_a_line_asks_first(client_for, lopend):
    client = client_for("coordinator_a")
    regel = eten(lopend)
    url = regel_url(lopend, regel, "verwijderen/")
    assert WIJZIGEN_NA_GOEDKEURING in client.get(url).content.decode()
    assert WIJZIGEN_NA_GOEDKEURING in client.post(url).content.decode()
    ongewijzigd(lopend)
    assert client.post(url, {"bevestigd": "ja"}).status_code == 302
    assert not Begrotingsregel.objects.filter(pk=regel.pk).exists()


def test_the_approved_begroting_page_posts_without_htmx(client_for, lopend):
    html = client_for("coordinator_a").get(lopend.beheer_url("begroting")).content.decode()
    assert "hx-post" not in html


def test_the_model_refuses_an_unconfirmed_change_on_every_path(lopend, coordinator_a):
    begroting = lopend.begroting
    regel = eten(lopend)
    regel.bedrag = Decimal("900")
    with pytest.raises(WijzigingNietBevestigd, match="Toch wijzigen"):
        regel.save()  # the admin, a command or the shell: the same rule
    with pytest.raises(WijzigingNietBevestigd):
        begroting.sla_regel_op(regel, coordinator_a)
    with pytest.raises(WijzigingNietBevestigd):
        begroting.verwijder_regel(eten(lopend), coordinator_a)
    with pytest.raises(WijzigingNietBevestigd):
        Begrotingsregel.objects.create(
            begroting=begroting, categorie="overig", omschrijving="x", bedrag=1
        )
    ongewijzigd(lopend)
    assert begroting.sla_regel_op(regel, coordinator_a, bevestigd=True) is True
    # Once it waits for approval, further changes need no new confirmation.
    regel.bedrag = Decimal("950")
    assert begroting.sla_regel_op(regel, coordinator_a) is False


# --- the public keeps the approved version -----------------------------------------------


def test_public_page_pdf_and_api_keep_the_approved_version(client, client_for, lopend):
    wijzig_bevestigd(client_for("coordinator_a"), lopend, "900")
    lopend.refresh_from_db()
    assert lopend.status == Status.ACTIEF

    html = client.get(lopend.get_absolute_url()).content.decode()
    assert "Actief" in html
    assert "nog niet goedgekeurd" not in html
    assert GOEDGEKEURD_TOTAAL in bedrag(html) and "980" not in bedrag(html)
    assert "hier staat de goedgekeurde versie" in html

    pdf = pdf_text(client.get(f"{lopend.get_absolute_url()}beschrijving.pdf").content)
    assert "250.00" in bedrag(pdf) and GOEDGEKEURD_TOTAAL in bedrag(pdf)
    assert "900" not in pdf and "980" not in bedrag(pdf)
    assert "nog niet goedgekeurd" not in pdf and "Programmamanager akkoord Ja" in pdf

    api = json.loads(client.get("/api/initiatieven/").content)["results"]
    assert [i["begroting_totaal"] for i in api if i["slug"] == lopend.slug] == [330.0]


def test_step_10_stays_done_for_the_running_initiative(client, client_for, lopend):
    wijzig_bevestigd(client_for("coordinator_a"), lopend)
    stap = Initiatief.objects.get(pk=lopend.pk).checklist()[9]
    assert stap.afgerond
    assert "Akkoord op versie 1" in stap.antwoord and "ter goedkeuring" in stap.antwoord


# --- the mark, and re-approval clears it ------------------------------------------------------


def gemarkeerd(client_for, initiatief) -> dict[str, bool]:
    coordinator, pm = client_for("coordinator_a"), client_for("programmamanager")
    paginas = {
        "initiatief": coordinator.get(initiatief.get_beheer_url()),
        "begroting": coordinator.get(initiatief.beheer_url("begroting")),
        "lijst": coordinator.get(
            reverse(
                "initiatieven_beheer:lijst", args=[initiatief.wijk.regio.slug, initiatief.wijk.slug]
            )
        ),
        "wachtrij": pm.get(QUEUE),
    }
    return {naam: WACHT_OP_GOEDKEURING in r.content.decode() for naam, r in paginas.items()}


def test_marked_until_the_admin_approves_again(client_for, lopend, programmamanager):
    assert not any(gemarkeerd(client_for, lopend).values())
    wijzig_bevestigd(client_for("coordinator_a"), lopend, "900")
    assert all(gemarkeerd(client_for, lopend).values())
    dashboard = client_for("programmamanager").get("/beheer/").content.decode()
    assert "gewijzigd na goedkeuring" in dashboard

    begroting = Begroting.objects.get(pk=lopend.begroting.pk)
    client_for("programmamanager").post(
        QUEUE,
        {
            "action": "goedkeuren",
            "_selected_action": [begroting.pk],
            "bevestigd": "ja",
            f"versie_{begroting.pk}": begroting.versie,
        },
    )
    begroting.refresh_from_db()
    assert begroting.is_goedgekeurd and begroting.goedgekeurde_versie == 2
    assert not any(gemarkeerd(client_for, lopend).values())
    html = client_for("coordinator_a").get(lopend.get_absolute_url()).content.decode()
    assert "980.00" in bedrag(html)  # now the new version is the approved one


def test_re_approval_through_the_model_clears_the_mark(lopend, coordinator_a, programmamanager):
    begroting = lopend.begroting
    regel = eten(lopend)
    regel.bedrag = Decimal("900")
    begroting.sla_regel_op(regel, coordinator_a, bevestigd=True)
    assert begroting.signaal == WACHT_OP_GOEDKEURING
    assert begroting.laatst_goedgekeurd().totaal() == Decimal("330")
    begroting.keur_goed(programmamanager, begroting.versie)
    assert begroting.signaal == ""
    assert begroting.laatst_goedgekeurd().totaal() == Decimal("980")
    # A rejected change: the approved version stays public, the initiative runs on.
    regel.bedrag = Decimal("5")
    begroting.sla_regel_op(regel, coordinator_a, bevestigd=True)
    begroting.wijs_af(programmamanager, begroting.versie, "Te weinig")
    assert begroting.laatst_goedgekeurd().totaal() == Decimal("980")
