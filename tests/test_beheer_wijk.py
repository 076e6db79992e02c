from tests.conftest import count_h1

URL = "/beheer/heuvelland/valkenburg-oosterbeemd/"


def test_form_page(client_for):
    html = client_for("coordinator_a").get(URL).content.decode()
    assert count_h1(html) == 1
    assert 'hx-post="' + URL + '"' in html
    assert 'action="' + URL + '"' in html


def test_save_without_javascript_redirects_with_message(client_for, wijk_a):
    client = client_for("coordinator_a")
    response = client.post(URL, {"naam": "Oosterbeemd", "behoeften": "Samen eten"}, follow=True)
    assert "De gegevens van de wijk zijn opgeslagen." in response.content.decode()
    wijk_a.refresh_from_db()
    assert wijk_a.naam == "Oosterbeemd"
    assert wijk_a.behoeften == "Samen eten"


def test_save_with_htmx_returns_only_the_form(client_for, wijk_a):
    client = client_for("coordinator_a")
    response = client.post(URL, {"naam": "Oosterbeemd"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<form id="wijkgegevens"')
    assert "Opgeslagen." in html
    assert "<h1" not in html


def test_invalid_input_is_refused_in_dutch_and_changes_nothing(client_for, wijk_a):
    client = client_for("coordinator_a")
    response = client.post(URL, {"naam": "", "cbs_code": "12345"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in html
    assert "Een CBS-wijkcode is WK en zes cijfers." in html
    wijk_a.refresh_from_db()
    assert wijk_a.naam == "Valkenburg-Oosterbeemd"


def test_only_get_and_post(client_for):
    assert client_for("coordinator_a").delete(URL).status_code == 405
