"""Start step 11: the yearly evaluation is due at the wijk's first Open Koffie of the year
(a combined one counts for both wijken, a cancelled one not), 31 March only without one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatieven.models import Evaluatie, Initiatief, Status
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory

VANDAAG = timezone.localdate()
JAAR = VANDAAG.year + 1  # the evaluation year of an initiative that started this year


def om(dag: datetime.date, uur: int = 19) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def lopend(wijk, **kwargs) -> Initiatief:
    """Active since this year, its six-month evaluation published: next is the yearly one."""
    initiatief = InitiatiefFactory(
        wijk=wijk, status=Status.ACTIEF, startdatum=VANDAAG.replace(month=1, day=1), **kwargs
    )
    Evaluatie.objects.create(
        initiatief=initiatief,
        soort=Evaluatie.Soort.ZES_MAANDEN,
        ingevuld_door="Test",
        datum=VANDAAG,
        gepubliceerd_op=timezone.now(),
    )
    return initiatief


def momenten(initiatief) -> tuple:
    """The due moment computed alone and in a list (annotated): always the same."""
    alleen = Initiatief.objects.get(pk=initiatief.pk).volgende_evaluatie()
    lijst = Initiatief.objects.met_evaluatiestand().get(pk=initiatief.pk).volgende_evaluatie()
    assert alleen == lijst
    return alleen.soort, alleen.uiterlijk, alleen.bij_open_koffie


def test_due_at_the_first_open_koffie_that_goes_ahead(wijk_a):
    initiatief = lopend(wijk_a)
    assert momenten(initiatief) == ("jaarlijks", datetime.date(JAAR, 3, 31), False)
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR, 2, 20)))
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR, 1, 9)), status="geannuleerd")
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR + 1, 1, 5)))  # the year after
    assert momenten(initiatief) == ("jaarlijks", datetime.date(JAAR, 2, 20), True)


def test_a_combined_open_koffie_counts_for_both_wijken(wijk_a, wijk_b):
    a, b = lopend(wijk_a), lopend(wijk_b)
    OpenKoffieFactory(wijk=wijk_b, tweede_wijk=wijk_a, begin=om(datetime.date(JAAR, 1, 14)))
    OpenKoffieFactory(wijk=wijk_b, begin=om(datetime.date(JAAR, 1, 7)))
    assert momenten(a)[1] == datetime.date(JAAR, 1, 14)
    assert momenten(b)[1] == datetime.date(JAAR, 1, 7)


def test_an_open_koffie_just_after_midnight_counts_in_its_local_year(wijk_a):
    initiatief = lopend(wijk_a)
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR, 1, 1), uur=0))
    assert momenten(initiatief)[1] == datetime.date(JAAR, 1, 1)


@pytest.mark.parametrize("dag", [None, "begin", "gisteren", "vandaag", "morgen", "eind"])
def test_sql_overdue_rule_follows_the_open_koffie_date(wijk_a, dag):
    """Initiatives whose yearly evaluation falls in this year: overdue by the wijk's first
    Open Koffie of this year, the same in SQL (the dashboard count) as in Python."""
    dagen = {
        "begin": VANDAAG.replace(month=1, day=1),
        "gisteren": VANDAAG - datetime.timedelta(days=1),
        "vandaag": VANDAAG,
        "morgen": VANDAAG + datetime.timedelta(days=1),
        "eind": VANDAAG.replace(month=12, day=31),
    }
    if dag is not None:
        OpenKoffieFactory(wijk=wijk_a, begin=om(dagen[dag], uur=10))
    vorig_jaar = VANDAAG.replace(year=VANDAAG.year - 1, month=6, day=1)
    for _ in range(2):
        initiatief = InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF, startdatum=vorig_jaar)
        Evaluatie.objects.create(
            initiatief=initiatief,
            soort=Evaluatie.Soort.ZES_MAANDEN,
            ingevuld_door="Test",
            datum=vorig_jaar.replace(month=12),
            gepubliceerd_op=timezone.now(),
        )
    python = {
        i.pk for i in Initiatief.objects.filter(wijk=wijk_a) if i.volgende_evaluatie().te_laat
    }
    sql = set(Initiatief.objects.evaluatie_te_laat().values_list("pk", flat=True))
    assert sql == python


# --- where the due date shows ----------------------------------------------------------


def test_back_office_shows_the_open_koffie_date(client_for, wijk_a):
    initiatief = lopend(wijk_a, naam="Samen aan tafel")
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR, 2, 20)))
    client = client_for("coordinator_a")
    lijst = client.get(reverse("initiatieven_beheer:lijst", args=[wijk_a.regio.slug, wijk_a.slug]))
    pagina = client.get(initiatief.get_beheer_url())
    for response in (lijst, pagina):
        html = response.content.decode()
        assert f"20 februari {JAAR}" in html
        assert "de eerste Open Koffie van het jaar" in html


def test_dashboard_shows_an_open_koffie_within_30_days(client_for, wijk_a, coordinator_a):
    vorig_jaar = VANDAAG.replace(year=VANDAAG.year - 1, month=6, day=1)
    initiatief = InitiatiefFactory(
        wijk=wijk_a, naam="Samen aan tafel", status=Status.ACTIEF, startdatum=vorig_jaar
    )
    Evaluatie.objects.create(
        initiatief=initiatief,
        soort=Evaluatie.Soort.ZES_MAANDEN,
        ingevuld_door="Test",
        datum=vorig_jaar.replace(month=12),
        gepubliceerd_op=timezone.now(),
    )
    dag = VANDAAG + datetime.timedelta(days=10)
    if dag.year != VANDAAG.year:
        pytest.skip("the Open Koffie would fall next year")
    OpenKoffieFactory(wijk=wijk_a, begin=om(dag))
    html = client_for("coordinator_a").get("/beheer/").content.decode()
    assert "Samen aan tafel" in html and "de eerste Open Koffie van het jaar" in html


@pytest.mark.parametrize("aantal", [2, 30])
def test_list_query_count_with_yearly_evaluations_is_pinned(
    client_for, wijk_a, django_assert_num_queries, aantal
):
    OpenKoffieFactory(wijk=wijk_a, begin=om(datetime.date(JAAR, 2, 20)))
    for _ in range(aantal):
        lopend(wijk_a)
    client = client_for("coordinator_a")
    url = reverse("initiatieven_beheer:lijst", args=[wijk_a.regio.slug, wijk_a.slug])
    with django_assert_num_queries(6):  # one of them the wijk's ideas, below the list
        html = client.get(url).content.decode()
    assert html.count(f"20 februari {JAAR}") == aantal
