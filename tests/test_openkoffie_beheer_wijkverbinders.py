from tests.conftest import count_h1
from tests.factories import WijkverbinderFactory

URL = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkverbinders/"


def test_board_shows_every_stage_and_progress(client_for, wijk_a):
    for status in ["geinteresseerd", "kennismaking", "actief", "actief", "gestopt"]:
        WijkverbinderFactory(wijk=wijk_a, status=status, bijdrage=f"Wil {status}")
    html = client_for("coordinator_a").get(URL).content.decode()
    assert count_h1(html) == 1
    for kop in ["Geïnteresseerd", "Kennismakingsgesprek", "Actief", "Gestopt"]:
        assert kop in html
    assert "2 van 10" in html
    assert "Wil geinteresseerd" in html


def test_move_to_the_next_stage_with_and_without_htmx(client_for, wijk_a):
    verbinder = WijkverbinderFactory(wijk=wijk_a, status="geinteresseerd")
    client = client_for("coordinator_a")
    url = f"{URL}{verbinder.pk}/status/"
    response = client.post(url, {"status": "kennismaking"})
    assert response.status_code == 302
    response = client.post(url, {"status": "actief"}, headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="werving-bord">') and "1 van 10" in fragment
    verbinder.refresh_from_db()
    assert verbinder.status == "actief" and verbinder.startdatum is not None
    response = client.post(url, {"status": "baas"}, follow=True)
    assert "Die stap bestaat niet" in response.content.decode()
