import re

import pytest
from django.urls import reverse

from tests.conftest import count_h1
from tests.factories import HuisFactory, RegioFactory, WijkFactory


def test_home_lists_regios_with_their_wijken(client, wijk_a, wijk_b):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert count_h1(html) == 1
    assert "Wat is Community Care?" in html
    assert "Heuvelland" in html and "Heerlen" in html
    assert reverse("wijken:wijk", args=["heuvelland", "valkenburg-oosterbeemd"]) in html


def test_home_without_wijken_says_so(client, db):
    response = client.get("/")
    assert "Er doen nog geen wijken mee" in response.content.decode()


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [4, 300])
def test_home_query_count_does_not_grow(client, db, django_assert_num_queries, aantal):
    regios = [RegioFactory() for _ in range(4)]
    WijkFactory._meta.model.objects.bulk_create(
        WijkFactory.build(regio=regios[i % 4], slug=f"w-{i}") for i in range(aantal)
    )
    with django_assert_num_queries(3):
        response = client.get("/")
    html = response.content.decode()
    assert html.count('href="/regio-') >= min(aantal, 4 * 12)
    if aantal > 48:
        assert f"Alle {aantal // 4} wijken in" in html


def zoek(client, tekst: str) -> str:
    response = client.get("/", {"zoek": tekst})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_a_wijk_by_part_of_its_name_or_regio(client, wijk_a, wijk_b):
    html = zoek(client, "oosterbeemd")
    assert "Uw wijk is <strong>Valkenburg-Oosterbeemd</strong>, in de regio Heuvelland." in html
    assert 'class="btn btn-primary btn-lg" href="/heuvelland/valkenburg-oosterbeemd/"' in html
    WijkFactory(regio=wijk_b.regio, naam="Heerlerheide", slug="heerlerheide")
    html = zoek(client, "heerl")
    assert "2 wijken gevonden voor “heerl”" in html
    assert "Welten-Benzenrade-Douvenrade</a> <span" in html


def test_search_finds_a_wijk_by_the_plaats_of_its_huis(client, wijk_a, wijk_b):
    HuisFactory(wijk=wijk_b, postcode="6419 AA", plaats="Heerlen")
    HuisFactory(wijk=wijk_a, postcode="6301 AB", plaats="Valkenburg aan de Geul")
    assert "Uw wijk is <strong>Valkenburg-Oosterbeemd</strong>" in zoek(client, "aan de geul")


@pytest.mark.parametrize("postcode", ["6305", "6305 KL", "6305kl", " 6301 "])
def test_search_finds_a_wijk_by_its_postcode_area(client, wijk_a, wijk_b, postcode):
    """6305 only in the wijk's list of areas, 6301 only in its huis' postcode."""
    wijk_a.postcodes = "6305, 6321"
    wijk_a.save()
    HuisFactory(wijk=wijk_a, postcode="6301 AB")
    HuisFactory(wijk=wijk_b, postcode="6419 AA", plaats="Heerlen")
    assert "Uw wijk is <strong>Valkenburg-Oosterbeemd</strong>" in zoek(client, postcode)


def test_postcode_of_no_wijk_and_wrong_numbers_get_a_dutch_hint(client, wijk_a):
    wijk_a.postcodes = "6301"
    wijk_a.save()
    html = zoek(client, "1234")
    assert "Bij postcode 1234 hebben we nog geen wijk die meedoet." in html
    for fout in ["63011", "630", "6301 ABC"]:
        html = zoek(client, fout)
        assert f"We vinden geen wijk bij “{fout}”." in html
        assert "Zoekt u op postcode? Typ dan de 4 cijfers, bijvoorbeeld 6301." in html


@pytest.mark.parametrize("tekst", ["x" * 101, "63\x0001", "%", "_", "\\"])
def test_garbage_gets_a_dutch_message_and_no_error(client, wijk_a, tekst):
    html = zoek(client, tekst)
    assert "Valkenburg-Oosterbeemd</a>" in html  # the regio list still shows
    assert "Uw wijk is" not in html and "gevonden voor" not in html
    assert any(
        uitleg in html
        for uitleg in ["Dat is te lang", "We vinden geen wijk", "Null-tekens zijn niet toegestaan"]
    )


def test_search_without_result_says_what_to_do(client, wijk_a):
    html = zoek(client, "<b>Atlantis</b>")
    assert "We vinden geen wijk bij “&lt;b&gt;Atlantis&lt;/b&gt;”." in html
    assert "Probeer de naam van uw wijk of uw woonplaats. Of kies hieronder uw regio." in html
    assert "Zoekt u op postcode" not in html


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [4, 300])
def test_search_query_count_does_not_grow(client, db, django_assert_num_queries, aantal):
    regio = RegioFactory()
    wijken = WijkFactory._meta.model.objects.bulk_create(
        WijkFactory.build(regio=regio, slug=f"w-{i}", postcodes=f"{6000 + i}")
        for i in range(aantal)
    )
    HuisFactory._meta.model.objects.bulk_create(
        HuisFactory.build(wijk=wijk, postcode=f"{7000 + i} AB") for i, wijk in enumerate(wijken)
    )
    # regio's, their first wijken, Open Koffies, and the search
    for tekst in ["Wijk", "Valkenburg", "6002", "7003 AB"]:
        with django_assert_num_queries(4):
            client.get("/", {"zoek": tekst})


def test_kies_uw_wijk_is_the_first_heading_of_the_page(client, wijk_a):
    html = client.get("/").content.decode()
    main = html[html.index('<main id="inhoud"') :]
    kopjes = re.findall(r"<h2[^>]*>(.*?)</h2>", main)
    assert kopjes[0] == "Kies uw wijk"
    assert main.index('name="zoek"') < main.index("<h2", main.index("Kies uw wijk"))
