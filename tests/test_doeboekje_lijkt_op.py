"""The similarity check of start step 3: does the proposed activity exist in the wijk?

Runs on SQLite (word match) in the quick path and on PostgreSQL (Dutch full-text
search) in `make test`; both must give the same answers here.
"""

import pytest

from tests.factories_bijlagen import DoeBoekjeItemFactory
from wijken.base import zoektermen
from wijken.doeboekje.models import DoeBoekjeItem


@pytest.fixture
def doe_boekje(wijk_a, wijk_b):
    DoeBoekjeItemFactory(
        wijk=wijk_a,
        naam="Samen eten",
        beschrijving="Elke donderdag een warme maaltijd in de Gasterie.",
    )
    DoeBoekjeItemFactory(
        wijk=wijk_a, naam="Biljartclub 't Kuusje", beschrijving="Biljarten, keu te leen."
    )
    DoeBoekjeItemFactory(
        wijk=wijk_a,
        naam="Wandelclub De Geulstappers",
        beschrijving="Een uur wandelen langs de Geul.",
    )
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Samen eten in Douvenrade", beschrijving="Maaltijd.")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Kookclub", beschrijving="Samen koken en eten.")


def namen(queryset) -> list[str]:
    return list(queryset.values_list("naam", flat=True))


def test_samen_aan_tafel_finds_samen_eten_in_the_same_wijk_only(doe_boekje, wijk_a, wijk_b):
    gevonden = namen(DoeBoekjeItem.objects.lijkt_op(wijk_a, "Samen aan tafel"))
    assert gevonden[0] == "Samen eten"
    assert "Samen eten in Douvenrade" not in gevonden
    assert "Kookclub" not in gevonden
    assert "Biljartclub 't Kuusje" not in gevonden
    assert set(namen(DoeBoekjeItem.objects.lijkt_op(wijk_b, "Samen aan tafel"))) == {
        "Samen eten in Douvenrade",
        "Kookclub",
    }


def test_descriptions_count_and_the_best_match_comes_first(doe_boekje, wijk_a):
    gevonden = namen(DoeBoekjeItem.objects.lijkt_op(wijk_a, "Een warme maaltijd"))
    assert gevonden == ["Samen eten"]
    gevonden = namen(DoeBoekjeItem.objects.lijkt_op(wijk_a, "Wandelen in het Geuldal"))
    assert gevonden == ["Wandelclub De Geulstappers"]


def test_stopwords_alone_find_nothing(doe_boekje, wijk_a):
    assert not DoeBoekjeItem.objects.lijkt_op(wijk_a, "de het aan een").exists()
    assert not DoeBoekjeItem.objects.lijkt_op(wijk_a, "").exists()


def test_something_new_finds_nothing(doe_boekje, wijk_a):
    assert not DoeBoekjeItem.objects.lijkt_op(wijk_a, "Schaakles voor beginners").exists()


def test_archived_entries_do_not_count(doe_boekje, wijk_a):
    DoeBoekjeItem.objects.filter(naam="Samen eten").update(gearchiveerd=True)
    assert "Samen eten" not in namen(DoeBoekjeItem.objects.lijkt_op(wijk_a, "Samen aan tafel"))


def test_search_words_drop_dutch_stopwords_and_add_related_words():
    assert zoektermen.woorden("Samen aan tafel, samen!") == ["samen", "tafel"]
    uitgebreid = zoektermen.met_verwante_woorden(["samen", "tafel"])
    assert uitgebreid[:2] == ["samen", "tafel"]
    assert {"eten", "maaltijd", "koken"} <= set(uitgebreid)
    assert zoektermen.stam("wandelen") == "wandel"
    assert zoektermen.stam("eten") == "eten"
