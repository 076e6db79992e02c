import re

import pytest

from tests.conftest import count_h1
from tests.factories import HuisFactory, RegioFactory, WijkFactory, WijkverbinderFactory
from wijken.base.models import Wijk


def test_regio_page_lists_its_wijken_only(client, wijk_a, wijk_b):
    HuisFactory(wijk=wijk_a)
    WijkverbinderFactory(wijk=wijk_a)
    response = client.get("/heuvelland/")
    html = response.content.decode()
    assert response.status_code == 200
    assert count_h1(html) == 1
    assert "Valkenburg-Oosterbeemd" in html
    assert "Welten" not in html
    assert re.search(r"1 wijkverbinder\s", html)


def test_unknown_regio_is_the_styled_404(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [4, 300])
def test_regio_query_count_does_not_grow(client, db, django_assert_num_queries, aantal):
    regio = RegioFactory(slug="groot")
    Wijk.objects.bulk_create(WijkFactory.build(regio=regio, slug=f"w-{i}") for i in range(aantal))
    with django_assert_num_queries(2):
        response = client.get("/groot/")
    assert response.status_code == 200
