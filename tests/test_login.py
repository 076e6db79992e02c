from tests.conftest import PASSWORD, count_h1


def test_login_page_is_dutch(client, db):
    html = client.get("/beheer/inloggen/").content.decode()
    assert count_h1(html) == 1
    assert "Gebruikersnaam" in html and "Wachtwoord" in html


def test_login_and_logout(client, coordinator_a):
    response = client.post(
        "/beheer/inloggen/", {"username": coordinator_a.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/uitloggen/").status_code == 405  # logging out is a POST
    client.post("/beheer/uitloggen/")
    assert client.get("/beheer/").status_code == 302


def test_wrong_password_is_refused_in_dutch(client, coordinator_a):
    response = client.post(
        "/beheer/inloggen/", {"username": coordinator_a.username, "password": "x"}
    )
    assert "Voer een juiste gebruikersnaam en wachtwoord in." in response.content.decode()


def test_too_many_attempts_lock_the_account_out(client, coordinator_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/beheer/inloggen/", {"username": coordinator_a.username, "password": "fout"})
    response = client.post(
        "/beheer/inloggen/", {"username": coordinator_a.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in response.content.decode()
    assert client.get("/beheer/").status_code == 302


def test_overlong_username_is_refused_in_dutch(client, db):
    # Django checks the length only in the browser; django-axes records at most 255.
    for url in ["/beheer/inloggen/", "/admin/login/"]:
        response = client.post(url, {"username": "x" * 300, "password": "x"})
        assert response.status_code == 200
        assert "niet meer dan 150 tekens" in response.content.decode()
