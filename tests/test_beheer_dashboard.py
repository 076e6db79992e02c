from tests.conftest import count_h1


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
