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


@pytest.mark.parametrize("aantal", [4, 300])
def test_home_query_count_does_not_grow(client, db, django_assert_num_queries, aantal):
    regios = [RegioFactory() for _ in range(4)]
    WijkFactory._meta.model.objects.bulk_create(
        WijkFactory.build(regio=regios[i % 4], slug=f"w-{i}") for i in range(aantal)
    )
    with django_assert_num_queries(3):
        response = client.get("/")
    assert response.content.decode().count('href="/regio-') >= aantal
