import pytest

ADMIN_PAGES = [
    "/admin/",
    "/admin/wijken/regio/",
    "/admin/wijken/wijk/",
    "/admin/wijken/huis/",
    "/admin/wijken/wijkverbinder/",
    "/admin/wijken/user/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_programme_roles_use_the_admin(client_for, projectleider, path):
    projectleider.is_staff = True
    projectleider.save()
    assert client_for("programmamanager").get(path).status_code == 200
    assert client_for("projectleider").get(path).status_code == 200


def test_projectleider_may_look_but_not_change(client_for, projectleider, wijk_a):
    projectleider.is_staff = True
    projectleider.save()
    client = client_for("projectleider")
    response = client.post(f"/admin/wijken/wijk/{wijk_a.pk}/change/", {"naam": "X"})
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["coordinator_a", "bewoner", "wijkverbinder"])
def test_others_are_sent_to_the_admin_login(client_for, persona):
    response = client_for(persona).get("/admin/wijken/wijk/")
    assert response.status_code == 302


def test_admin_search_and_filters(client_for, wijk_a):
    client = client_for("programmamanager")
    assert client.get("/admin/wijken/wijk/?q=Valkenburg").status_code == 200
    assert client.get("/admin/wijken/wijkverbinder/?status=actief").status_code == 200
