"""The wijk page's sections 2 (wat kan er in ons huis, Bijlage 2) and 3 (the doe-boekje)."""

from datetime import UTC, datetime, time

from django.utils import timezone

from tests.factories import HuisFactory
from tests.factories_bijlagen import (
    DoeBoekjeItemFactory,
    HuisMogelijkhedenFactory,
    OpeningstijdFactory,
    RuimteFactory,
)
from wijken.base.models import Huis
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.mogelijkheden.models import Openingstijd, Rooster

URL = "/heuvelland/valkenburg-oosterbeemd/"


def rooster(*tijden) -> Rooster:
    return Rooster(
        soort=Openingstijd.Soort.RECEPTIE,
        tijden=[Openingstijd(soort="receptie", dag=d, van=v, tot=t) for d, v, t in tijden],
    )


def test_open_now_is_computed_in_dutch_time():
    receptie = rooster((0, time(9), time(17)))
    # Monday 2026-01-05 07:30 UTC is 08:30 in Amsterdam (winter time): still closed.
    assert not receptie.is_open(datetime(2026, 1, 5, 7, 30, tzinfo=UTC))
    assert receptie.is_open(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))  # 09:00
    assert not receptie.is_open(datetime(2026, 1, 5, 16, 0, tzinfo=UTC))  # 17:00: closed
    # Summer time: 2026-07-06 (Monday) 07:30 UTC is 09:30 in Amsterdam.
    assert receptie.is_open(datetime(2026, 7, 6, 7, 30, tzinfo=UTC))
    # Sunday 23:30 UTC is already Monday 00:30 in Amsterdam, not Sunday.
    zondag = rooster((6, time(0), time(23, 59)))
    assert not zondag.is_open(datetime(2026, 1, 4, 23, 30, tzinfo=UTC))


def test_opening_hours_per_day_with_equal_days_taken_together():
    werkdagen = [(dag, time(9), time(12)) for dag in range(5)]
    middagen = [(dag, time(13), time(17)) for dag in range(5)]
    weekend = [(5, time(10), time(16)), (6, time(10), time(16))]
    receptie = rooster(*middagen, *werkdagen, *weekend)
    assert receptie.per_dag() == [
        ("maandag tot en met vrijdag", ["09:00–12:00", "13:00–17:00"]),
        ("zaterdag en zondag", ["10:00–16:00"]),
    ]
    losse = rooster((0, time(9), time(12)), (2, time(9), time(12)), (3, time(9), time(11)))
    assert losse.per_dag() == [
        ("maandag", ["09:00–12:00"]),
        ("woensdag", ["09:00–12:00"]),
        ("donderdag", ["09:00–11:00"]),
    ]
    assert not rooster()


def test_the_wijk_page_shows_what_the_huis_offers(client, wijk_a, monkeypatch):
    # Wednesday 7 January 2026, 14:30 in Amsterdam.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 1, 7, 13, 30, tzinfo=UTC))
    huis = HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    HuisMogelijkhedenFactory(
        huis=huis,
        toegang="anders",
        toegang_anders="De nachtdienst doet open.",
        druppel_voor_vrijwilligers=True,
        receptie_uitbreiden=True,
    )
    OpeningstijdFactory(huis=huis, dag=0, van=time(9), tot=time(12))
    OpeningstijdFactory(huis=huis, soort="gasterie", dag=2, van=time(14), tot=time(16, 30))
    RuimteFactory(huis=huis, naam="Geulzaal", capaciteit=30, reserveren="Bij de receptie")
    html = client.get(URL).content.decode()
    assert html.index("Nu gesloten") < html.index("Nu open")  # receptie, then Gasterie
    assert 'Woensdag</th><td><span class="tijdvak">14:00–16:30</span>' in html
    assert "Geulzaal" in html and "tot 30" in html and "Bij de receptie" in html
    assert "<dt>Buiten de openingstijden</dt><dd>De nachtdienst doet open.</dd>" in html
    assert "<dt>Eigen sleutel voor vrijwilligers</dt><dd>Ja, dat kan</dd>" in html
    assert "Ja: Alleen met een hygiënecursus." in html  # koken
    assert "receptie met vrijwilligers langer open" in html
    assert "wordt nog aangevuld" not in html


def test_a_huis_without_bijlage_2_says_so(client, wijk_a):
    HuisFactory(wijk=wijk_a)
    html = client.get(URL).content.decode()
    assert (
        "Wat er in dit huis mogelijk is, zoals ruimtes en openingstijden, wordt nog aangevuld."
        in html
    )


def test_the_wijk_page_summarises_the_doe_boekje(client, wijk_a, wijk_b):
    DoeBoekjeItemFactory(wijk=wijk_a, categorie=DoeBoekjeItem.Categorie.CLUB)
    DoeBoekjeItemFactory(wijk=wijk_a, categorie=DoeBoekjeItem.Categorie.CLUB)
    DoeBoekjeItemFactory(wijk=wijk_a, categorie=DoeBoekjeItem.Categorie.VERVOER)
    DoeBoekjeItemFactory(wijk=wijk_a, categorie=DoeBoekjeItem.Categorie.ZORG, gearchiveerd=True)
    DoeBoekjeItemFactory(wijk=wijk_b, categorie=DoeBoekjeItem.Categorie.SPORT)
    html = client.get(URL).content.decode()
    assert 'doe-boekje/#club"><strong>2</strong> clubs' in html
    assert "<strong>1</strong> vervoer" in html
    assert "zorg en welzijn" not in html and "sport en bewegen" not in html
    assert "/heuvelland/valkenburg-oosterbeemd/doe-boekje/" in html
    assert "nog niet ingevuld" not in html


def test_empty_doe_boekje_on_the_wijk_page(client, wijk_a):
    html = client.get(URL).content.decode()
    assert (
        "Het doe-boekje met verenigingen, clubs en activiteiten in de wijk is nog niet ingevuld."
        in html
    )


def test_huis_without_any_bijlage_2_data_has_no_queries_per_huis(wijk_a, django_assert_num_queries):
    from wijken.base.models import Wijk
    from wijken.mogelijkheden.models import huizen_met_mogelijkheden, rooster

    Huis.objects.bulk_create(HuisFactory.build(wijk=wijk_a) for _ in range(5))
    wijk = Wijk.objects.publiek(huizen=huizen_met_mogelijkheden()).get(pk=wijk_a.pk)
    with django_assert_num_queries(0):
        for huis in wijk.huizen.all():
            assert not rooster(huis, "receptie") and not rooster(huis, "gasterie")
            assert not list(huis.ruimtes.all())
