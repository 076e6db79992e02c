"""Step 3: initiatives of the same wijk whose name or description resembles a text."""

from initiatieven.similarity import lijkt_op
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_initiatieven import InitiatiefFactory
from wijken.base.zoektermen import termen_voor


def test_only_the_same_wijk_and_never_itself(wijk_a, wijk_b):
    zelf = InitiatiefFactory(wijk=wijk_a, naam="Boodschappen samen doen")
    hulp = InitiatiefFactory(
        wijk=wijk_a, naam="Hulp bij de supermarkt", globale_beschrijving="Wij doen boodschappen."
    )
    InitiatiefFactory(wijk=wijk_a, naam="Wandelgroep")
    heerlen = InitiatiefFactory(wijk=wijk_b, naam="Boodschappen Heerlen")
    result = lijkt_op(wijk_a, "Samen boodschappen doen", exclude=zelf)
    assert result == {"initiatieven": [hulp], "doe_boekje": [], "andere_wijken": [heerlen]}


def test_nothing_to_compare_gives_empty_lists(wijk_a):
    InitiatiefFactory(wijk=wijk_a, naam="Wandelgroep")
    leeg = {"initiatieven": [], "doe_boekje": [], "andere_wijken": []}
    assert lijkt_op(wijk_a, "de en het") == leeg


def test_best_match_first(wijk_a):
    een = InitiatiefFactory(wijk=wijk_a, naam="Koken", globale_beschrijving="Samen koken")
    twee = InitiatiefFactory(wijk=wijk_a, naam="Koken en eten", globale_beschrijving="maaltijd")
    assert lijkt_op(wijk_a, "koken eten maaltijd")["initiatieven"] == [twee, een]


def test_terms_drop_stopwords_and_add_related_words():
    termen = termen_voor("Samen op stap voor 'n boodschap, boodschap!")
    assert termen[:2] == ["stap", "boodschap"]
    assert "supermarkt" in termen and "samen" not in termen


def test_doe_boekje_entries_of_the_wijk_are_found_too(wijk_a, wijk_b):
    samen_eten = DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen eten")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Samen eten in Heerlen")
    result = lijkt_op(wijk_a, "Samen aan tafel")
    assert result["doe_boekje"][0] == samen_eten
    assert all(item.wijk == wijk_a for item in result["doe_boekje"])


def test_search_syntax_in_the_text_is_harmless(wijk_a):
    koffie = InitiatiefFactory(wijk=wijk_a, naam="Koffieochtend")
    assert lijkt_op(wijk_a, "koffie & !thee | (samen):* 'x'")["initiatieven"] == [koffie]
