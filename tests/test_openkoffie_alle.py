import pytest

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
    with django_assert_num_queries(1):
        response = client.get("/open-koffie/")
    assert response.content.decode().count("<li>") >= aantal
