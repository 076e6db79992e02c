"""The programme dashboard's year filter, money columns and adopted wijkplan, the same
columns in the exports, and the budget per wijk per year."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from communitycare.portaal import programma
from initiatieven.models import Begrotingsbesluit, Besteding, Evaluatie
from tests.factories_initiatieven import klaar_voor_actief
from wijken.wijkplan.models import Vaststelling, Wijkplan, bewaar_deel

URL = "/beheer/programma/"
BUDGET = URL + "budget/"


def in_jaar(jaar: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(jaar, 6, 1, 12))


@pytest.fixture
def geld(wijk_a, wijk_b, coordinator_a):
    """Wijk A: a begroting of € 330 approved in 2024, approved again at € 400 in 2025,
    and € 120 spent according to an evaluation of 2025. Wijk B: nothing."""
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    begroting = initiatief.begroting
    besluit = begroting.besluiten.get(soort=Begrotingsbesluit.Soort.GOEDGEKEURD)
    besluit.op = in_jaar(2024)
    besluit.save()
    for op, totaal in [
        (in_jaar(2025) - datetime.timedelta(days=30), "350"),
        (in_jaar(2025), "400"),
    ]:
        Begrotingsbesluit.objects.create(
            begroting=begroting, soort="goedgekeurd", op=op, versie=2, totaal=Decimal(totaal)
        )
    evaluatie = Evaluatie.objects.create(
        initiatief=initiatief,
        soort="zes_maanden",
        ingevuld_door="x",
        datum=datetime.date(2025, 7, 1),
    )
    Besteding.objects.create(
        evaluatie=evaluatie, categorie="ruimte", begroot=0, besteed=Decimal("120")
    )
    Besteding.objects.create(evaluatie=evaluatie, categorie="overig", begroot=0, besteed=None)
    return initiatief


def test_approved_and_spent_per_year(geld, wijk_a, wijk_b):
    rijen = {w.pk: w for w in programma.overzicht(jaar=2025)}
    assert rijen[wijk_a.pk].bedrag_goedgekeurd == Decimal("400")  # the last approval of 2025
    assert rijen[wijk_a.pk].bedrag_besteed == Decimal("120")
    assert rijen[wijk_b.pk].bedrag_goedgekeurd == 0
    rijen = {w.pk: w for w in programma.overzicht(jaar=2024)}
    assert rijen[wijk_a.pk].bedrag_goedgekeurd == Decimal("330")
    assert rijen[wijk_a.pk].bedrag_besteed == 0


def test_the_year_filter_and_the_money_columns_on_the_dashboard(client_for, geld, wijk_a):
    client = client_for("programmamanager")
    html = client.get(URL + "?jaar=2025").content.decode()
    assert '<option value="2025" selected>' in html
    rij = html[html.index(wijk_a.naam) :]
    rij = rij[: rij.index("</tr>")]
    assert "€&nbsp;400" in rij and "€&nbsp;120" in rij
    assert f'href="/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/initiatieven/"' in rij
    html = client.get(URL + "?jaar=2024").content.decode()
    rij = html[html.index(wijk_a.naam) :]
    assert "€&nbsp;330" in rij[: rij.index("</tr>")]


@pytest.mark.parametrize("jaar", ["1900", "abc", "٢٠٢٥", "99999"])
def test_a_bad_year_shows_this_year(client_for, jaar):
    html = client_for("programmamanager").get(URL, {"jaar": jaar}).content.decode()
    assert f'<option value="{timezone.localdate().year}" selected>' in html


def test_the_year_is_part_of_the_cached_table(client_for, geld, wijk_a):
    client = client_for("projectleider")
    client.get(URL + "?jaar=2025")
    html = client.get(URL + "?jaar=2024").content.decode()
    rij = html[html.index(wijk_a.naam) :]
    assert "€&nbsp;330" in rij[: rij.index("</tr>")]


def test_the_last_adopted_wijkplan(client_for, wijk_a, coordinator_a):
    plan = bewaar_deel(wijk_a, "wijkdata", "Tekst", 0, coordinator_a)
    Vaststelling.objects.create(
        wijkplan=plan,
        versie=plan.history.first(),
        datum=datetime.date(2025, 3, 4),
        door=coordinator_a,
    )
    assert Wijkplan.objects.count() == 1
    rijen = {w.pk: w for w in programma.overzicht()}
    assert rijen[wijk_a.pk].wijkplan_vastgesteld == datetime.date(2025, 3, 4)
    html = client_for("programmamanager").get(URL).content.decode()
    assert "4-3-2025" in html


def test_the_export_carries_the_same_columns(client_for, geld, wijk_a):
    response = client_for("programmamanager").get(URL + "export.csv?jaar=2025")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    kop = rijen[0]
    for kolom in ("Goedgekeurd (€)", "Besteed (€)", "Wijkplan vastgesteld"):
        assert kolom in kop
    rij = next(r for r in rijen if wijk_a.naam in r)
    assert rij[kop.index("Goedgekeurd (€)")].startswith("400")
    assert rij[kop.index("Besteed (€)")].startswith("120")


def test_the_budget_overview(client_for, geld, wijk_a, wijk_b, django_assert_max_num_queries):
    client = client_for("programmamanager")
    client.get(BUDGET)
    with django_assert_max_num_queries(10):
        html = client.get(BUDGET + "?jaar=2025").content.decode()
    assert "Budget per wijk in 2025" in html
    rij = html[html.index(wijk_a.naam) :]
    assert "€&nbsp;400,00" in rij[: rij.index("</tr>")]
    assert "€&nbsp;120,00" in rij[: rij.index("</tr>")]
    assert wijk_b.naam in html
    assert "budget/?jaar=2025" in client.get(URL + "?jaar=2025").content.decode()


@pytest.mark.parametrize("persona", ["coordinator_a", "bewoner"])
def test_the_budget_overview_is_for_the_programme(client_for, persona):
    assert client_for(persona).get(BUDGET).status_code == 404
