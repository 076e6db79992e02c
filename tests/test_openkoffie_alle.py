import pytest

from openkoffie.views.public import PER_PAGINA
from tests.conftest import count_h1
from tests.factories import WijkFactory
from tests.factories_openkoffie import OpenKoffieFactory, over


def test_lists_upcoming_meetings_of_every_wijk(client, wijk_a, wijk_b):
    OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    OpenKoffieFactory(wijk=wijk_b, begin=over(40), status="geannuleerd", reden_annulering="Ziek")
    OpenKoffieFactory(wijk=wijk_b, begin=over(-40), onderwerp="Geweest")
    html = client.get("/open-koffie/").content.decode()
    assert count_h1(html) == 1
    assert wijk_a.naam in html and wijk_b.naam in html
    assert "Gaat niet door: Ziek" in html
    assert "/open-koffie.ics" in html


def test_nothing_planned_says_so(client, db):
    assert "Er staan nog geen Open Koffies gepland." in client.get("/open-koffie/").content.decode()


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [2, 40])
def test_query_count_does_not_grow(client, wijk_a, django_assert_num_queries, aantal):
    for i in range(aantal):
        OpenKoffieFactory(
            wijk=WijkFactory(regio=wijk_a.regio), tweede_wijk=wijk_a, begin=over(i + 1)
        )
    # the regio's for the regio links, one page of meetings (no count)
    with django_assert_num_queries(2):
        response = client.get("/open-koffie/")
    assert response.content.decode().count("<li>") >= min(aantal, PER_PAGINA)


def test_pages_of_fifty_with_plain_links(client, wijk_a, wijk_b):
    for i in range(PER_PAGINA + 3):
        OpenKoffieFactory(wijk=wijk_a, begin=over(i + 1))
    eerste = client.get("/open-koffie/").content.decode()
    assert eerste.count('class="ok-lijst__extra"') == PER_PAGINA
    assert 'href="?pagina=2"' in eerste and "Eerdere Open Koffies" not in eerste
    tweede = client.get("/open-koffie/", {"pagina": "2"}).content.decode()
    assert tweede.count('class="ok-lijst__extra"') == 3
    assert "Pagina 2" in tweede and "Latere Open Koffies" not in tweede
    # page 1 is the address without a page number
    assert 'href="?">‹ Eerdere Open Koffies' in tweede


@pytest.mark.parametrize("pagina", ["0", "-1", "x", "²", "99999999999", "1.5"])
def test_a_page_number_that_is_none_shows_the_first_page(client, wijk_a, pagina):
    OpenKoffieFactory(wijk=wijk_a, begin=over(3))
    response = client.get("/open-koffie/", {"pagina": pagina})
    assert response.status_code == 200
    assert wijk_a.naam in response.content.decode()


def test_a_page_past_the_end_says_so(client, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, begin=over(3))
    html = client.get("/open-koffie/", {"pagina": "7"}).content.decode()
    assert "Op deze pagina staan geen Open Koffies meer." in html


def test_filter_by_regio_keeps_shared_meetings(client, wijk_a, wijk_b):
    OpenKoffieFactory(wijk=wijk_a, begin=over(3))
    OpenKoffieFactory(wijk=wijk_b, begin=over(4))
    andere = WijkFactory(naam="Elders")
    OpenKoffieFactory(wijk=andere, tweede_wijk=wijk_b, begin=over(5))
    html = client.get("/open-koffie/", {"regio": "heerlen"}).content.decode()
    assert "Open Koffie in regio Heerlen" in html
    assert wijk_b.naam in html and "Elders" in html
    assert wijk_a.naam not in html.split('class="ok-lijst"')[1]
    # every regio is a plain link, the chosen one marked
    assert 'href="?regio=heuvelland"' in html
    assert 'href="?regio=heerlen" aria-current="page"' in html


def test_unknown_regio_shows_everything_and_says_so(client, wijk_a, wijk_b):
    for params in ({"regio": "nergens"}, {"regio": "nergens", "zoek": "x"}):
        response = client.get("/open-koffie/", params)
        assert response.status_code == 200
        assert "Die regio kennen we niet." in response.content.decode()
