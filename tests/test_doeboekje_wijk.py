"""The public doe-boekje of a wijk: grouped, filtered by day, searched, and cheap."""

import pytest

from tests.conftest import count_h1
from tests.factories import HuisFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from wijken.doeboekje.models import DoeBoekjeItem

URL = "/heuvelland/valkenburg-oosterbeemd/doe-boekje/"
Categorie = DoeBoekjeItem.Categorie


@pytest.fixture
def doe_boekje(wijk_a, wijk_b):
    huis = HuisFactory(wijk=wijk_a, naam="Oosterbeemd", adres="Oosterbeemdweg 12")
    DoeBoekjeItemFactory(
        wijk=wijk_a,
        naam="Samen eten",
        huis=huis,
        wanneer="Elke donderdag 12:00",
        dagen="3",
        beschrijving="Een warme maaltijd.",
    )
    DoeBoekjeItemFactory(
        wijk=wijk_a,
        naam="Wandelclub De Geulstappers",
        categorie=Categorie.SPORT,
        dagen="0",
        beschrijving="Wandelen langs de Geul.",
    )
    DoeBoekjeItemFactory(
        wijk=wijk_a, naam="Biljartclub", categorie=Categorie.CLUB, dagen="14", kosten="€ 5"
    )
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Oude klaverjasclub", gearchiveerd=True, dagen="3")
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Koersbal in Heerlen", dagen="3")


def test_grouped_by_category_in_order(client, doe_boekje):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert count_h1(html) == 1
    posities = [
        html.index(f">{label}</h2>") for label in ["Activiteiten", "Clubs", "Sport en bewegen"]
    ]
    assert posities == sorted(posities)
    assert "Oosterbeemd, Oosterbeemdweg 12" in html  # the huis is the address
    assert "Oude klaverjasclub" not in html  # archived
    assert "Koersbal in Heerlen" not in html  # another wijk


def test_filter_by_day(client, doe_boekje):
    html = client.get(URL, {"dag": "donderdag"}).content.decode()
    assert "Samen eten" in html
    assert "Biljartclub" not in html and "Wandelclub" not in html
    assert "1 resultaat" in html and "op donderdag" in html
    html = client.get(URL, {"dag": "vrijdag"}).content.decode()
    assert "Biljartclub" in html and "Samen eten" not in html


def test_text_search_in_name_and_description(client, doe_boekje):
    html = client.get(URL, {"zoek": "geul"}).content.decode()
    assert "Wandelclub De Geulstappers" in html
    assert "Samen eten" not in html
    html = client.get(URL, {"zoek": "warme maaltijd"}).content.decode()
    assert "Samen eten" in html and "Wandelclub" not in html
    html = client.get(URL, {"zoek": "oosterbeemd"}).content.decode()  # the huis's name
    assert "Samen eten" in html and "Biljartclub" not in html


def test_search_and_day_together(client, doe_boekje):
    html = client.get(URL, {"zoek": "wandel", "dag": "donderdag"}).content.decode()
    assert "Niets gevonden" in html


def test_impossible_day_is_refused_in_dutch_and_filters_nothing(client, doe_boekje):
    response = client.get(URL, {"dag": "zondagmorgen"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een dag van maandag tot en met zondag." in html
    assert "Samen eten" in html and "Biljartclub" in html


def test_search_text_is_escaped(client, doe_boekje):
    html = client.get(URL, {"zoek": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html


def test_empty_doe_boekje_says_so(client, wijk_a):
    html = client.get(URL).content.decode()
    assert "Het doe-boekje van deze wijk is nog niet ingevuld." in html


def test_unknown_wijk_is_404(client, wijk_a):
    assert client.get("/heuvelland/bestaat-niet/doe-boekje/").status_code == 404


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [3, 120])
@pytest.mark.parametrize("params", [{}, {"zoek": "club", "dag": "dinsdag"}])
def test_query_count_does_not_grow(client, wijk_a, django_assert_num_queries, aantal, params):
    huis = HuisFactory(wijk=wijk_a)
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(
            wijk=wijk_a, huis=huis if i % 2 else None, categorie=Categorie.values[i % 9]
        )
        for i in range(aantal)
    )
    # a search looks up the matching huizen first (one query per word); without one the
    # wijk's running initiatives follow the items
    with django_assert_num_queries(2 + ("zoek" in params) + (not params)):
        response = client.get(URL, params)
    assert response.status_code == 200
