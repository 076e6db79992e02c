import pytest

from tests.conftest import count_h1
from tests.factories import WijkFactory
from wijken.base.models import Wijk


def test_coordinator_sees_only_own_wijken(client_for):
    html = client_for("coordinator_a").get("/beheer/").content.decode()
    assert count_h1(html) == 1
    assert "Valkenburg-Oosterbeemd" in html
    assert "Welten" not in html


def test_stand_in_coordinator_sees_both(client_for, wijk_a, coordinator_b):
    wijk_a.coordinatoren.add(coordinator_b)
    html = client_for("coordinator_b").get("/beheer/").content.decode()
    assert "Valkenburg-Oosterbeemd" in html and "Welten" in html


def test_programmamanager_sees_all_wijken(client_for):
    html = client_for("programmamanager").get("/beheer/").content.decode()
    assert "Valkenburg-Oosterbeemd" in html and "Welten" in html


def test_user_without_wijken_is_told_what_to_do(client_for):
    html = client_for("bewoner").get("/beheer/").content.decode()
    assert "aan geen wijk gekoppeld" in html


@pytest.mark.parametrize("aantal", [10, 120])
def test_a_national_programme_is_shown_a_page_at_a_time(
    client_for, wijk_a, django_assert_max_num_queries, aantal
):
    Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, naam=f"Wijk {i:03}", slug=f"w-{i}")
        for i in range(aantal)
    )
    client = client_for("programmamanager")
    with django_assert_max_num_queries(16):
        html = client.get("/beheer/").content.decode()
    assert html.count("Openbare pagina") == min(aantal + 2, 50)
    html = client.get("/beheer/", {"zoek": "oosterbeemd"}).content.decode()
    assert "1 wijk gevonden voor “oosterbeemd”" in html
    assert "Valkenburg-Oosterbeemd" in html and "Wijk 001" not in html
