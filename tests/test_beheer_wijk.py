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


def test_postcode_areas_are_kept_in_one_spelling_and_checked(client_for, wijk_a):
    """The back office and the admin (the model's clean) both tidy and check the list."""
    client = client_for("coordinator_a")
    response = client.post(URL, {"naam": wijk_a.naam, "postcodes": "6305;6301  6301"})
    assert response.status_code == 302
    wijk_a.refresh_from_db()
    assert wijk_a.postcodes == "6301, 6305"
    html = client.post(URL, {"naam": wijk_a.naam, "postcodes": "6301 AB, 630"}).content.decode()
    assert "Vul de postcodegebieden in als 4 cijfers, gescheiden door komma&#x27;s." in html
    wijk_a.refresh_from_db()
    assert wijk_a.postcodes == "6301, 6305"

    admin = client_for("programmamanager")
    html = admin.get(f"/admin/wijken/wijk/{wijk_a.pk}/change/").content.decode()
    assert 'name="postcodes"' in html and 'value="6301, 6305"' in html
    wijzig = f"/admin/wijken/wijk/{wijk_a.pk}/change/"
    assert wijzig in admin.get("/admin/wijken/wijk/?q=6305").content.decode()
    assert wijzig not in admin.get("/admin/wijken/wijk/?q=6399").content.decode()
    wijk_a.postcodes = "6336 6337,6336"
    wijk_a.full_clean()
    assert wijk_a.postcodes == "6336, 6337"
