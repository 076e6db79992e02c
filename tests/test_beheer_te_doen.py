"""The coördinator's dashboard as a to-do list across their wijken: one test per kind of
item, each linking to where it is done, and a query count that does not grow."""

import datetime

import pytest
from django.utils import timezone

from initiatieven.models import Begroting, Status
from tests.factories import WijkFactory
from tests.factories_initiatieven import IdeeFactory, InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from wijken.wijkplan.models import Wijkplan

DASHBOARD = "/beheer/"
A = "/beheer/heuvelland/valkenburg-oosterbeemd/"


def te_doen(client) -> str:
    html = client.get(DASHBOARD).content.decode()
    begin = html.index('id="te-doen-kop"')
    return html[begin : html.index("</section>", begin)]


def item(html: str, tekst: str) -> str:
    """The list item that holds `tekst`."""
    begin = html.rindex("<li", 0, html.index(tekst))
    return html[begin : html.index("</li>", begin)]


@pytest.fixture
def plan_a(wijk_a):
    """A recently changed wijkplan, so only what a test adds is on the list."""
    return WijkplanFactory(wijk=wijk_a)


def test_a_rejected_begroting_with_its_reason(
    client_for, wijk_a, coordinator_a, plan_a, programmamanager
):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    begroting.wijs_af(programmamanager, begroting.versie, "Zoek eerst een sponsor.")
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "Zoek eerst een sponsor.")
    assert "Begroting afgewezen" in html
    assert f'href="{begroting.initiatief.beheer_url("begroting")}"' in regel


def test_a_begroting_waiting_for_approval(client_for, wijk_a, coordinator_a, plan_a):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    assert begroting.status == Begroting.Stand.INGEDIEND
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "ligt sinds")
    assert "Begroting wacht op goedkeuring" in html
    assert f'href="{begroting.initiatief.beheer_url("begroting")}"' in regel


def test_bespreekpunten_to_review(client_for, wijk_a, plan_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    BespreekpuntFactory.create_batch(2, open_koffie=open_koffie)
    BespreekpuntFactory(open_koffie=open_koffie, status="geaccepteerd")
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "2 bespreekpunten voor de Open Koffie")
    assert f'href="{open_koffie.get_beheer_url()}#bespreekpunten"' in regel


def test_late_acties(client_for, wijk_a, plan_a):
    gisteren = timezone.localdate() - datetime.timedelta(days=3)
    ActieFactory(wijkplan=plan_a, omschrijving="Flyers rondbrengen", voor_wanneer=gisteren)
    ActieFactory(wijkplan=plan_a, omschrijving="Al gedaan", voor_wanneer=gisteren, afgerond=True)
    ActieFactory(wijkplan=plan_a, omschrijving="Nog tijd")
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "Flyers rondbrengen")
    assert "3 dagen te laat" in regel
    assert f'href="{A}wijkplan/#acties"' in regel
    assert "Al gedaan" not in html and "Nog tijd" not in html


def test_a_verslag_missing(client_for, wijk_a, plan_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-14))
    OpenKoffieFactory(wijk=wijk_a, begin=over(-30), status="geannuleerd", reden_annulering="Ziek")
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "het verslag en de opkomst nog invullen")
    assert f'href="{A}open-koffie/{geweest.pk}/verslag/"' in regel
    assert html.count("nog invullen") == 1  # the cancelled one asks for nothing


def test_attendance_below_the_condition(client_for, wijk_a, plan_a):
    geweest = OpenKoffieFactory(
        wijk=wijk_a,
        begin=over(-14),
        verslag="Goed gesprek.",
        aantal_buurtbewoners=6,
        coordinator_aanwezig=True,
        wijkverbinders_aanwezig=True,
        management_aanwezig=False,
    )
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "er waren 6 buurtbewoners (minimaal 10)")
    assert "het management van het huis was er niet" in regel
    assert f'href="{A}open-koffie/{geweest.pk}/verslag/"' in regel


def test_a_wijkplan_not_revised_for_four_months(client_for, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    plan.history.update(history_date=timezone.now() - datetime.timedelta(days=130))
    html = te_doen(client_for("coordinator_a"))
    regel = item(html, "Niet gewijzigd sinds")
    assert f'href="{A}wijkplan/"' in regel
    plan.history.update(history_date=timezone.now() - datetime.timedelta(days=100))
    assert "Niet gewijzigd sinds" not in te_doen(client_for("coordinator_a"))


def test_a_wijkplan_never_written(client_for, wijk_a):
    assert not Wijkplan.objects.exists()
    assert "Nog niet geschreven" in te_doen(client_for("coordinator_a"))


def test_evaluations_due_say_how_many_days(client_for, wijk_a, plan_a):
    vandaag = timezone.localdate()
    InitiatiefFactory(
        wijk=wijk_a,
        naam="Te laat",
        status=Status.ACTIEF,
        startdatum=vandaag - datetime.timedelta(days=200),
    )
    html = client_for("coordinator_a").get(DASHBOARD).content.decode()
    rij = html[html.index(">Te laat</a>") :]
    assert "dagen te laat</strong>" in rij[: rij.index("</tr>")]


def test_only_the_own_wijken(client_for, wijk_b, plan_a):
    OpenKoffieFactory(wijk=wijk_b, begin=over(-14))
    assert "nog invullen" not in te_doen(client_for("coordinator_a"))


@pytest.mark.parametrize("aantal", [1, 6])
def test_the_query_count_does_not_grow(
    client_for, coordinator_a, wijk_a, programmamanager, django_assert_num_queries, aantal
):
    for i in range(aantal):
        wijk = wijk_a if i == 0 else WijkFactory(regio=wijk_a.regio, slug=f"extra-{i}")
        wijk.coordinatoren.add(coordinator_a)
        plan = WijkplanFactory(wijk=wijk)
        ActieFactory(wijkplan=plan, voor_wanneer=timezone.localdate() - datetime.timedelta(days=2))
        OpenKoffieFactory(wijk=wijk, begin=over(-14 - i))
        BespreekpuntFactory(open_koffie=OpenKoffieFactory(wijk=wijk, begin=over(10 + i)))
        begroting = klaar_voor_actief(wijk, coordinator_a, goedgekeurd=False).begroting
        if i % 2:
            begroting.wijs_af(programmamanager, begroting.versie, "Te duur.")
        IdeeFactory(wijk=wijk)
    client = client_for("coordinator_a")
    # session, user and roles, the wijken and their count, the six kinds of the to-do
    # list, the Open Koffie signals (two), the evaluations, the doe-boekje right: 15
    with django_assert_num_queries(15):
        html = client.get(DASHBOARD).content.decode()
    assert html.count("Actie bijwerken") == aantal
    assert html.count("1 nieuw idee voor een initiatief.") == aantal
