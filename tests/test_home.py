import pytest
from django.urls import reverse

from tests.conftest import count_h1
from tests.factories import RegioFactory, WijkFactory


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


def test_search_finds_a_wijk_by_part_of_its_name_or_regio(client, wijk_a, wijk_b):
    html = client.get("/", {"wijk": "oosterbeemd"}).content.decode()
    assert "1 wijk gevonden voor “oosterbeemd”" in html
    assert 'href="/heuvelland/valkenburg-oosterbeemd/"' in html
    html = client.get("/", {"wijk": "heerlen"}).content.decode()
    assert "Welten-Benzenrade-Douvenrade</a> <span" in html


def test_search_without_result_says_what_to_do(client, wijk_a):
    html = client.get("/", {"wijk": "<b>Atlantis</b>"}).content.decode()
    assert "Geen wijk gevonden voor “&lt;b&gt;Atlantis&lt;/b&gt;”" in html
