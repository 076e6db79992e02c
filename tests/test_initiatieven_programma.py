"""The initiative figures of the programme dashboard agree with the initiatives' own rules."""

import datetime
import itertools

from django.utils import timezone

from communitycare.lib.dates import add_months
from communitycare.portaal import programma
from initiatieven.models import Begroting, Evaluatie, Initiatief, Status
from tests.factories_initiatieven import InitiatiefFactory

VANDAAG = timezone.localdate()


def evaluatie(initiatief, soort, datum):
    Evaluatie.objects.create(
        initiatief=initiatief,
        soort=soort,
        ingevuld_door="Test",
        datum=datum,
        gepubliceerd_op=timezone.now(),
    )


def test_sql_rule_for_overdue_evaluations_matches_the_python_rule(wijk_a):
    starts = [add_months(VANDAAG, -m) for m in (1, 5, 7, 13, 25, 40)]
    zes = [None, "gedaan"]
    jaar = [None, VANDAAG.year - 2, VANDAAG.year - 1, VANDAAG.year]
    for start, zes_gedaan, jaar_gedaan in itertools.product(starts, zes, jaar):
        initiatief = InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF, startdatum=start)
        if zes_gedaan:
            evaluatie(initiatief, Evaluatie.Soort.ZES_MAANDEN, add_months(start, 6))
        if jaar_gedaan and zes_gedaan and jaar_gedaan >= start.year:
            evaluatie(initiatief, Evaluatie.Soort.JAARLIJKS, datetime.date(jaar_gedaan, 2, 1))
    python = {
        i.pk
        for i in Initiatief.objects.filter(wijk=wijk_a)
        if i.volgende_evaluatie() and i.volgende_evaluatie().te_laat
    }
    sql = set(Initiatief.objects.evaluatie_te_laat().values_list("pk", flat=True))
    assert python and sql == python


def test_dashboard_counts_started_overdue_and_waiting(wijk_a, wijk_b, coordinator_a):
    InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF, startdatum=VANDAAG)
    InitiatiefFactory(wijk=wijk_a, status=Status.ONTWIKKELING, startdatum=VANDAAG)
    InitiatiefFactory(wijk=wijk_b, status=Status.ACTIEF, startdatum=add_months(VANDAAG, -8))
    wachtend = InitiatiefFactory(wijk=wijk_b)
    Begroting.objects.create(initiatief=wachtend, status=Begroting.Stand.INGEDIEND)
    figuren = {wijk.slug: wijk for wijk in programma.overzicht()}
    a, b = figuren[wijk_a.slug], figuren[wijk_b.slug]
    assert (a.initiatieven_gestart, a.evaluaties_te_laat, a.begrotingen_wachtend) == (1, 0, 0)
    assert (b.evaluaties_te_laat, b.begrotingen_wachtend) == (1, 1)
