import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from communitycare.lib.dates import add_months
from openkoffie import planning, werving
from openkoffie.models import AgendaOnderdeel, Bespreekpunt, OpenKoffie
from tests.factories import HuisFactory, WijkFactory, WijkverbinderFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, OverlegFactory, over
from wijken.base.models import Wijkverbinder


def test_new_open_koffie_gets_two_hours_and_the_four_blocks_of_the_method(wijk_a):
    open_koffie = OpenKoffie.objects.create(wijk=wijk_a, begin=over(10), adres="Buurthuis")
    assert open_koffie.einde - open_koffie.begin == datetime.timedelta(hours=2)
    blokken = open_koffie.agenda_met_tijden()
    assert [blok.soort for blok, _ in blokken] == list(AgendaOnderdeel.Soort)
    assert [start - open_koffie.begin for _, start in blokken] == [
        datetime.timedelta(minutes=m) for m in (0, 30, 60, 90)
    ]


@pytest.mark.parametrize(
    ("aantal", "coordinator", "verbinders", "management", "voldoet"),
    [
        (None, True, True, True, None),
        (10, True, True, True, True),
        (9, True, True, True, False),
        (25, True, True, False, False),
        (25, False, True, True, False),
        (25, True, False, True, False),
    ],
)
def test_attendance_condition(wijk_a, aantal, coordinator, verbinders, management, voldoet):
    open_koffie = OpenKoffieFactory.build(
        wijk=wijk_a,
        aantal_buurtbewoners=aantal,
        coordinator_aanwezig=coordinator,
        wijkverbinders_aanwezig=verbinders,
        management_aanwezig=management,
    )
    assert open_koffie.voldoet_aan_opkomst() is voldoet


def test_combined_open_koffie_is_validated(wijk_a, wijk_b):
    zelfde = OpenKoffieFactory.build(wijk=wijk_a, tweede_wijk=wijk_a, einde=over(31))
    with pytest.raises(ValidationError) as error:
        zelfde.full_clean()
    assert "tweede_wijk" in error.value.message_dict
    vreemd_huis = OpenKoffieFactory.build(
        wijk=wijk_a, huis=HuisFactory(wijk=wijk_b), einde=over(31)
    )
    with pytest.raises(ValidationError) as error:
        vreemd_huis.full_clean()
    assert "huis" in error.value.message_dict
    geannuleerd = OpenKoffieFactory.build(wijk=wijk_a, status="geannuleerd", einde=over(31))
    with pytest.raises(ValidationError) as error:
        geannuleerd.full_clean()
    assert "reden_annulering" in error.value.message_dict


def test_combined_open_koffie_belongs_to_both_wijken(wijk_a):
    tweede = WijkFactory(regio=wijk_a.regio)
    open_koffie = OpenKoffieFactory(wijk=wijk_a, tweede_wijk=tweede)
    assert list(OpenKoffie.objects.voor_wijk(tweede)) == [open_koffie]
    assert open_koffie.wijknamen == f"{wijk_a.naam} en {tweede.naam}"


def test_accepting_puts_a_point_last_and_points_can_move(wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    punten = [BespreekpuntFactory(open_koffie=open_koffie) for _ in range(3)]
    for punt in punten:
        punt.zet_status(Bespreekpunt.Status.GEACCEPTEERD)
    punten[2].verplaats(omhoog=True)
    punten[0].verplaats(omhoog=True)  # already first: nothing happens
    volgorde = list(open_koffie.bespreekpunten.geaccepteerd())
    assert volgorde == [punten[0], punten[2], punten[1]]


def test_plan_jaar_makes_four_quarterly_meetings_within_a_year(wijk_a):
    eerste = timezone.localdate() + datetime.timedelta(days=31)
    geplande, overgeslagen = planning.plan_jaar(
        wijk_a, eerste, datetime.time(14), None, "Buurthuis"
    )
    assert overgeslagen == []
    datums = [timezone.localdate(open_koffie.begin) for open_koffie in geplande]
    assert datums == [add_months(eerste, 3 * k) for k in range(4)]
    assert all(timezone.localtime(ok.begin).hour == 14 for ok in geplande)
    assert datums[-1] < timezone.localdate() + datetime.timedelta(days=365)
    assert OpenKoffie.objects.voor_wijk(wijk_a).komend_jaar().count() == 4


def test_plan_jaar_never_duplicates_and_plans_the_next_year(wijk_a):
    """Planning twice makes no twins; after a year is planned the next one can follow."""
    eerste = timezone.localdate() + datetime.timedelta(days=31)
    planning.plan_jaar(wijk_a, eerste, datetime.time(14), None, "Buurthuis")
    with pytest.raises(ValidationError, match="staan al in de agenda"):
        planning.plan_jaar(wijk_a, eerste, datetime.time(10), None, "Buurthuis")
    volgende = planning.voorstel_eerste_datum(wijk_a)
    assert volgende == add_months(eerste, 12)
    geplande, _ = planning.plan_jaar(wijk_a, volgende, datetime.time(14), None, "Buurthuis")
    assert len(geplande) == 4 and OpenKoffie.objects.count() == 8
    # The model's own validation (the admin's and the form's path) refuses a twin too.
    twin = OpenKoffie(wijk=wijk_a, begin=geplande[0].begin, adres="Elders")
    with pytest.raises(ValidationError, match="staat al een Open Koffie"):
        twin.full_clean()


def test_signalen(wijk_a, wijk_b):
    for dagen in (20, 110, 200, 290):
        OpenKoffieFactory(wijk=wijk_a, begin=over(dagen))
    OpenKoffieFactory(wijk=wijk_b, begin=over(20))
    OpenKoffieFactory(wijk=wijk_b, begin=over(50), status="geannuleerd", reden_annulering="x")
    OverlegFactory(wijk=wijk_a, datum=timezone.localdate() - datetime.timedelta(days=20))
    OverlegFactory(wijk=wijk_b, datum=timezone.localdate() - datetime.timedelta(days=50))
    signalen = planning.signalen([wijk_a, wijk_b])
    assert signalen[wijk_a.pk] == []
    assert signalen[wijk_b.pk] == [
        "Maar 1 Open Koffie gepland in de komende twaalf maanden (de methode vraagt er 4).",
        "Geen wijkverbinder-overleg in de afgelopen zes weken.",
    ]


def test_werving_sets_a_start_date_when_someone_becomes_active(wijk_a):
    verbinder = WijkverbinderFactory(wijk=wijk_a, status=Wijkverbinder.Status.KENNISMAKING)
    werving.zet_status(verbinder, Wijkverbinder.Status.ACTIEF)
    verbinder.refresh_from_db()
    assert verbinder.startdatum == timezone.localdate()
    assert werving.bord(wijk_a)["actief"] == 1
