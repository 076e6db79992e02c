"""/doe-boekje/: search across the doe-boekjes of every wijk."""

import pytest

from tests.conftest import count_h1
from tests.factories import WijkFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from wijken.base.models import Wijk
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.doeboekje.views import WIJKEN_PER_PAGINA

URL = "/doe-boekje/"


@pytest.fixture
def doe_boekje(wijk_a, wijk_b):
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Wandelclub De Geulstappers", dagen="0")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Wandelgroep Welten", dagen="5")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Sjoelclub", dagen="1")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Wandelen vroeger", gearchiveerd=True)


def test_without_search_lists_the_wijken_and_their_doe_boekjes(client, doe_boekje):
    html = client.get(URL).content.decode()
    assert count_h1(html) == 1
    assert "/heuvelland/valkenburg-oosterbeemd/doe-boekje/" in html
    assert "/heerlen/welten-benzenrade-douvenrade/doe-boekje/" in html
    assert "(2)" in html  # Welten: archived entries do not count
    assert "Wandelclub" not in html


def test_search_finds_entries_of_every_wijk_grouped_by_wijk(client, doe_boekje):
    html = client.get(URL, {"zoek": "wandel"}).content.decode()
    assert "Wandelclub De Geulstappers" in html and "Wandelgroep Welten" in html
    assert "Sjoelclub" not in html and "Wandelen vroeger" not in html
    assert "2 resultaten" in html
    assert html.index("Welten-Benzenrade-Douvenrade") < html.index("Wandelgroep Welten")


def test_day_filter_across_wijken(client, doe_boekje):
    html = client.get(URL, {"dag": "zaterdag"}).content.decode()
    assert "Wandelgroep Welten" in html and "Wandelclub De Geulstappers" not in html


def test_nothing_found_says_so(client, doe_boekje):
    assert "Niets gevonden" in client.get(URL, {"zoek": "paardrijden"}).content.decode()


def test_many_results_are_capped(client, wijk_a):
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(wijk=wijk_a, naam=f"Club {i}") for i in range(105)
    )
    html = client.get(URL, {"zoek": "club"}).content.decode()
    assert "Meer dan 100 resultaten" in html


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [4, 150])
@pytest.mark.parametrize("params", [{}, {"zoek": "club"}])
def test_query_count_does_not_grow(client, wijk_a, django_assert_num_queries, aantal, params):
    wijken = Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, slug=f"w-{i}") for i in range(aantal)
    )
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(wijk=wijk, naam=f"Club {wijk.slug}") for wijk in wijken
    )
    # the regio's for the regio links; a search looks up the matching huizen first (one
    # query per word)
    with django_assert_num_queries(2 + ("zoek" in params)):
        response = client.get(URL, params)
    assert response.status_code == 200


def test_filter_by_regio_lists_its_wijken_and_finds_its_entries(client, doe_boekje):
    html = client.get(URL, {"regio": "heerlen"}).content.decode()
    assert "/heerlen/welten-benzenrade-douvenrade/doe-boekje/" in html
    assert "/heuvelland/valkenburg-oosterbeemd/doe-boekje/" not in html
    assert 'href="?regio=heerlen" aria-current="page"' in html
    # the search form keeps the regio
    assert '<input type="hidden" name="regio" value="heerlen">' in html
    html = client.get(URL, {"zoek": "wandel", "regio": "heerlen"}).content.decode()
    assert "Wandelgroep Welten" in html and "Wandelclub De Geulstappers" not in html
    assert "1 resultaat voor “wandel” in regio Heerlen." in html
    # a regio link from a search keeps the search
    assert 'href="?zoek=wandel&amp;regio=heuvelland"' in html


def test_unknown_regio_shows_everything_and_says_so(client, wijk_a, wijk_b):
    for params in ({"regio": "nergens"}, {"regio": "nergens", "zoek": "x"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert "Die regio kennen we niet." in response.content.decode()


def test_wijken_a_page_at_a_time(client, wijk_a):
    Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, naam=f"Wijk {i:03}", slug=f"w-{i}")
        for i in range(WIJKEN_PER_PAGINA + 5)
    )
    eerste = client.get(URL).content.decode()
    assert "Wijk 000" in eerste and "Wijk 104" not in eerste
    assert 'href="?pagina=2">Volgende wijken' in eerste
    tweede = client.get(URL, {"pagina": 2}).content.decode()
    assert "Wijk 104" in tweede and "Wijk 000" not in tweede and "Pagina 2" in tweede
