"""The search box: what residents type finds what they mean (issue 16).

Run on SQLite (patterns) and on PostgreSQL (Dutch stems, unaccent, trigrams):
`scripts/with-postgres .venv/bin/pytest tests/test_zoeken.py`. Cases only PostgreSQL
can forgive (typos) are skipped on SQLite.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from initiatieven.models import Initiatief, Status
from initiatieven.views.public import FilterForm
from tests.factories import HuisFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_initiatieven import InitiatiefFactory
from wijken.base import zoektermen
from wijken.doeboekje.forms import DoeBoekjeZoekForm
from wijken.doeboekje.models import DoeBoekjeItem

Categorie = DoeBoekjeItem.Categorie
WIJK = "/heuvelland/valkenburg-oosterbeemd/doe-boekje/"


def alleen_postgres():
    return pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL forgives typos (pg_trgm)"
    )


@pytest.fixture
def doe_boekje(wijk_a):
    def item(naam, categorie, beschrijving, wanneer, dagen):
        DoeBoekjeItemFactory(
            wijk=wijk_a,
            naam=naam,
            categorie=categorie,
            beschrijving=beschrijving,
            wanneer=wanneer,
            dagen=dagen,
        )

    item(
        "Koffieochtend",
        Categorie.BUURTHUIS,
        "Een kop koffie en een praatje.",
        "Elke dinsdag 10:00",
        "1",
    )
    item(
        "Wandelclub De Geulstappers",
        Categorie.SPORT,
        "Een rustige wandeling langs de Geul.",
        "Maandag 9:30",
        "0",
    )
    item(
        "Wandelgroep Oost",
        Categorie.ACTIVITEIT,
        "Een uur lopen door de wijk.",
        "Zaterdag 10:00",
        "5",
    )
    item(
        "Samen eten",
        Categorie.ACTIVITEIT,
        "Een warme maaltijd aan tafel. Wie wil, helpt mee koken.",
        "Donderdag 12:00",
        "3",
    )
    item(
        "Kookclub",
        Categorie.CLUB,
        "Koken met buren, elke week een ander land.",
        "Woensdag 18:00",
        "2",
    )
    item(
        "Mantelzorgcafé",
        Categorie.ZORG,
        "Een avond voor wie zorgt voor een ander.",
        "Elke derde woensdag",
        "2",
    )
    item(
        "Winkelmaatje",
        Categorie.HULP,
        "Met een vrijwilliger naar de winkel voor een boodschap.",
        "Vrijdag, op afspraak",
        "4",
    )
    item(
        "Biljartclub",
        Categorie.CLUB,
        "Biljarten, een keu kunt u lenen.",
        "Twee middagen per week",
        "14",
    )  # noqa: E501
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Oude koffieclub", gearchiveerd=True)


def gevonden(tekst: str) -> list[str]:
    return list(DoeBoekjeItem.objects.actueel().zoek(tekst).values_list("naam", flat=True))


# (what a resident types, what it must find, what it must not find)
DOE_BOEKJE = [
    pytest.param("koffie", {"Koffieochtend"}, {"Biljartclub", "Oude koffieclub"}, id="woord"),
    pytest.param("Koffie", {"Koffieochtend"}, {"Biljartclub"}, id="hoofdletter"),
    pytest.param(
        "kofie",
        {"Koffieochtend"},
        {"Biljartclub", "Kookclub"},
        id="typfout",
        marks=alleen_postgres(),
    ),
    pytest.param(
        "wandel", {"Wandelclub De Geulstappers", "Wandelgroep Oost"}, {"Kookclub"}, id="begin"
    ),
    pytest.param(
        "wandelen", {"Wandelclub De Geulstappers", "Wandelgroep Oost"}, {"Kookclub"}, id="voorbeeld"
    ),
    pytest.param("stappers", {"Wandelclub De Geulstappers"}, {"Wandelgroep Oost"}, id="midden"),
    pytest.param("cafe", {"Mantelzorgcafé"}, {"Koffieochtend"}, id="zonder-accent"),
    pytest.param("Café", {"Mantelzorgcafé"}, {"Koffieochtend"}, id="met-accent"),
    pytest.param("boodschappen", {"Winkelmaatje"}, {"Kookclub"}, id="meervoud"),
    pytest.param("Samen aan tafel", {"Samen eten"}, {"Kookclub", "Biljartclub"}, id="thema"),
    pytest.param(
        "Sport en bewegen", {"Wandelclub De Geulstappers"}, {"Wandelgroep Oost"}, id="soort"
    ),
    pytest.param(
        "clubs",
        {"Kookclub", "Biljartclub", "Wandelclub De Geulstappers"},
        {"Samen eten"},
        id="soort-meervoud",
    ),
    pytest.param("buurthuis", {"Koffieochtend"}, {"Biljartclub"}, id="soort-enkelvoud"),
    pytest.param(
        "dinsdag", {"Koffieochtend", "Biljartclub"}, {"Wandelclub De Geulstappers"}, id="dag"
    ),
    pytest.param("weekend", {"Wandelgroep Oost"}, {"Koffieochtend"}, id="weekend"),
    pytest.param("eten koken", {"Samen eten", "Kookclub"}, {"Koffieochtend"}, id="woorden"),
    pytest.param("kano", set(), {"Koffieochtend"}, id="niets"),
]


@pytest.mark.parametrize(("tekst", "wel", "niet"), DOE_BOEKJE)
def test_doe_boekje_finds_what_residents_mean(doe_boekje, tekst, wel, niet):
    namen = set(gevonden(tekst))
    assert wel <= namen, namen
    assert not namen & niet, namen


def test_the_entry_matching_most_words_comes_first(doe_boekje):
    assert gevonden("eten koken")[0] == "Samen eten"
    assert gevonden("koken eten")[0] == "Samen eten"
    assert gevonden("maaltijd koken")[:2] == ["Samen eten", "Kookclub"]


def test_as_many_words_a_word_in_the_name_first(doe_boekje, wijk_a):
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Aardige buren", beschrijving="Met koffie.", dagen="")
    assert gevonden("koffie") == ["Koffieochtend", "Aardige buren"]
    if connection.vendor == "postgresql":  # a typo in the name counts as well
        DoeBoekjeItemFactory(wijk=wijk_a, naam="Koffie en thee", beschrijving="", dagen="")
        assert gevonden("kofie")[0] == "Koffie en thee"


def test_the_huis_name_counts_as_a_word(doe_boekje, wijk_a):
    huis = HuisFactory(wijk=wijk_a, naam="De Beemd")
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Bingo", huis=huis, beschrijving="", dagen="")
    assert gevonden("beemd") == ["Bingo"]
    assert gevonden("bingo beemd") == ["Bingo"]


def test_no_words_filters_nothing(doe_boekje):
    assert len(gevonden("")) == len(gevonden("de het een")) == 8


# --- the same through the pages ---------------------------------------------------


def test_wijk_page_finds_and_ranks(client, doe_boekje):
    html = client.get(WIJK, {"zoek": "Koffie dinsdag"}).content.decode()
    assert "Koffieochtend" in html and "Biljartclub" in html and "Kookclub" not in html
    assert "2 resultaten" in html
    # the category of the best match first
    html = client.get(WIJK, {"zoek": "koken buren"}).content.decode()
    assert html.index(">Clubs</h2>") < html.index(">Activiteiten</h2>")
    html = client.get(WIJK, {"dag": "woensdag"}).content.decode()  # no words: in order
    assert html.index(">Clubs</h2>") < html.index(">Zorg en welzijn</h2>")


def test_overview_groups_per_wijk_with_the_best_match_first(client, doe_boekje, wijk_a, wijk_b):
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Eten en koken in Welten", dagen="")
    html = client.get("/doe-boekje/", {"zoek": "eten koken"}).content.decode()
    assert html.index(f'id="wijk-{wijk_b.pk}-kop"') < html.index(f'id="wijk-{wijk_a.pk}-kop"')
    assert html.count(f'id="wijk-{wijk_a.pk}-kop"') == 1
    assert html.index("Samen eten") < html.index("Kookclub")


@pytest.mark.parametrize("url", [WIJK, "/doe-boekje/"])
def test_nothing_found_says_so_and_suggests_words(client, doe_boekje, url):
    html = client.get(url, {"zoek": "eettafel", "dag": "maandag"}).content.decode()
    assert "Niets gevonden voor “eettafel” op maandag." in html
    assert "0 resultaten" not in html
    assert "Probeer een ander woord, of alleen het begin van een woord." in html
    # words residents use for the same, on every day
    assert '<a href="?zoek=eten">eten</a>' in html
    assert '<a href="?zoek=eettafel">zoek op alle dagen</a>' in html
    html = client.get(url, {"zoek": "kano"}).content.decode()
    assert '<a href="?zoek=wandelen">wandelen</a>' in html  # the examples


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("zoek", ["koffie", "koffie dinsdag sport beemd eten"])
def test_query_count_does_not_grow_with_the_words(
    client, doe_boekje, wijk_a, django_assert_num_queries, zoek
):  # noqa: E501
    HuisFactory(wijk=wijk_a, naam="De Beemd")
    # the wijk, the huizen whose name matches any word, the entries
    with django_assert_num_queries(3):
        assert client.get(WIJK, {"zoek": zoek}).status_code == 200


# --- initiatives -------------------------------------------------------------------


@pytest.fixture
def initiatieven(wijk_a, wijk_b):
    def maak(naam, thema, beschrijving, wanneer="", wijk=wijk_a, status=Status.ACTIEF):
        InitiatiefFactory(
            wijk=wijk,
            naam=naam,
            thema=thema,
            globale_beschrijving=beschrijving,
            wanneer=wanneer,
            status=status,
        )

    maak("Kookclub Panhuys", "samen_aan_tafel", "Buren koken samen een maaltijd.", "Donderdag")
    maak(
        "Wandelgroep Heer", "anders", "Een wandeling met koffie na afloop.", "Elke dinsdag", wijk_b
    )
    maak("Heerlens Heitje", "helpende_hand", "Hulp bij kleine klusjes in huis.", wijk=wijk_b)
    maak("Boodschappenmaatje", "samen_op_stap", "Met een vrijwilliger naar de supermarkt.")
    maak("Geheim idee", "samen_aan_tafel", "Koken.", status=Status.IDEE)


def initiatief_namen(tekst: str) -> list[str]:
    return list(Initiatief.objects.publiek().zoek(tekst).values_list("naam", flat=True))


INITIATIEVEN = [
    pytest.param("koffie", {"Wandelgroep Heer"}, {"Kookclub Panhuys"}, id="woord"),
    pytest.param(
        "kofie", {"Wandelgroep Heer"}, {"Kookclub Panhuys"}, id="typfout", marks=alleen_postgres()
    ),
    pytest.param("wandel", {"Wandelgroep Heer"}, {"Heerlens Heitje"}, id="begin"),
    pytest.param(
        "Samen aan tafel", {"Kookclub Panhuys"}, {"Wandelgroep Heer", "Geheim idee"}, id="thema"
    ),
    pytest.param("helpende hand", {"Heerlens Heitje"}, {"Kookclub Panhuys"}, id="thema-2"),
    pytest.param("klus", {"Heerlens Heitje"}, {"Boodschappenmaatje"}, id="deel"),
    pytest.param("boodschap", {"Boodschappenmaatje"}, {"Heerlens Heitje"}, id="enkelvoud"),
    pytest.param("dinsdag", {"Wandelgroep Heer"}, {"Kookclub Panhuys"}, id="dag"),
    pytest.param(
        "koken wandelen",
        {"Kookclub Panhuys", "Wandelgroep Heer"},
        {"Heerlens Heitje"},
        id="woorden",
    ),
]


@pytest.mark.parametrize(("tekst", "wel", "niet"), INITIATIEVEN)
def test_initiatives_find_what_residents_mean(initiatieven, tekst, wel, niet):
    namen = set(initiatief_namen(tekst))
    assert wel <= namen, namen
    assert not namen & niet, namen


def test_initiatives_overview_searches_the_same_way(client, initiatieven):
    html = client.get("/initiatieven/", {"q": "Samen aan tafel"}).content.decode()
    assert "Kookclub Panhuys" in html and "Wandelgroep Heer" not in html
    html = client.get("/initiatieven/", {"q": "kano"}).content.decode()
    assert "Er zijn geen initiatieven die hierbij passen voor “kano”." in html
    assert '<a href="?q=koken">koken</a>' in html


# --- the examples of the search boxes, in the demo data ------------------------------


def test_every_example_word_finds_something_in_the_demo(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for woord in DoeBoekjeZoekForm.voorbeelden:
        assert DoeBoekjeItem.objects.actueel().zoek(woord).exists(), woord
    for woord in FilterForm.voorbeelden:
        assert Initiatief.objects.publiek().zoek(woord).exists(), woord


# --- the words ---------------------------------------------------------------------


def test_search_words_are_folded_and_general_words_only_count_alone():
    assert zoektermen.zoekwoorden("Café  de Kroon!") == ["cafe", "kroon"]
    assert zoektermen.zoekwoorden("Samen aan tafel") == ["tafel"]
    assert zoektermen.zoekwoorden("samen") == ["samen"]
    assert zoektermen.dagen_voor("dinsdags") == [1]
    assert zoektermen.dagen_voor("dins") == [1]
    assert zoektermen.dagen_voor("koffie") == []
    assert zoektermen.stam("boodschappen") == "boodschap"
    assert zoektermen.stam("klussen") == "klus"


# --- PostgreSQL: the indexes are used ------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")
def test_the_search_uses_the_gin_indexes(wijk_a):
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(
            wijk=wijk_a, naam=f"Activiteit {i}", beschrijving=f"Omschrijving nummer {i}."
        )
        for i in range(5000)
    )
    InitiatiefFactory(wijk=wijk_a, naam="Koffie")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE doeboekje_doeboekjeitem")
        cursor.execute("ANALYZE initiatieven_initiatief")
    for tekst in ("koffie", "sport"):  # "sport" names a category too
        plan = DoeBoekjeItem.objects.actueel().zoek(tekst).explain()
        assert "doeboekje_zoek_fts" in plan and "doeboekje_zoek_trgm" in plan, plan
        assert "Seq Scan" not in plan, plan
    assert "doeboekje_categorie_idx" in plan, plan
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: force it
        plan = Initiatief.objects.zoek("koffie").explain()  # "Open Koffie" is a thema
    assert "initiatief_zoek_fts" in plan and "initiatief_zoek_trgm" in plan, plan
    assert "initiatief_thema_idx" in plan, plan


@pytest.mark.parametrize(
    "tekst", ["koffie & !thee | (samen):* 'x'", "a_b c__", "日本 straße", "％％", "x" * 100]
)
def test_search_syntax_and_odd_letters_are_harmless(doe_boekje, initiatieven, tekst):
    assert isinstance(gevonden(tekst), list)
    assert isinstance(initiatief_namen(tekst), list)
    assert "Koffieochtend" in gevonden("koffie & !thee | (samen):* 'x'")
