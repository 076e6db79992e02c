"""Maintaining the doe-boekje in the back office: who may, quick updates, checks, archive."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import PERSONAS, count_h1
from tests.factories import HuisFactory, UserFactory, WijkverbinderFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from wijken.base import roles
from wijken.base.models import Wijkverbinder
from wijken.doeboekje.models import DoeBoekjeItem

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/doe-boekje/"
HTMX = {"HTTP_HX_REQUEST": "true"}

# The doe-boekje is the one part a wijkverbinder with the right may maintain.
EXPECTED = {
    "anonymous": 302,
    "bewoner": 404,
    "wijkverbinder": 404,
    "wijkverbinder_doeboekje": 200,
    "coordinator_b": 404,
    "coordinator_a": 200,
    "projectleider": 200,
    "programmamanager": 200,
}


@pytest.fixture
def item(wijk_a):
    return DoeBoekjeItemFactory(
        wijk=wijk_a, naam="Samen eten", wanneer="Elke donderdag 12:00", kosten="€ 7"
    )


@pytest.mark.parametrize("persona", [*PERSONAS, "wijkverbinder_doeboekje"])
def test_pages_by_persona(client_for, item, persona):
    client = client_for(persona)
    for url in [BASE, BASE + "nieuw/", f"{BASE}{item.pk}/", f"{BASE}{item.pk}/snel/"]:
        response = client.get(url)
        assert response.status_code == EXPECTED[persona], (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", [*PERSONAS, "wijkverbinder_doeboekje"])
def test_posts_by_outsiders_change_nothing(client_for, item, persona):
    client = client_for(persona)
    client.post(f"{BASE}{item.pk}/snel/", {f"item-{item.pk}-wanneer": "Vrijdag"})
    client.post(f"{BASE}{item.pk}/archiveren/")
    client.post(BASE + "nieuw/", {"naam": "Nieuw", "categorie": "club"})
    item.refresh_from_db()
    allowed = EXPECTED[persona] == 200
    assert (item.wanneer == "Vrijdag") is allowed
    assert item.gearchiveerd is allowed
    assert DoeBoekjeItem.objects.filter(naam="Nieuw").exists() is allowed


def test_the_right_is_for_the_own_wijk_and_active_wijkverbinders_only(client_for, wijk_b, item):
    client = client_for("wijkverbinder_doeboekje")
    assert client.get("/beheer/heerlen/welten-benzenrade-douvenrade/doe-boekje/").status_code == 404
    # Not the rest of the wijk's back office.
    assert client.get("/beheer/heuvelland/valkenburg-oosterbeemd/").status_code == 404
    Wijkverbinder.objects.update(status=Wijkverbinder.Status.GESTOPT)
    assert client.get(BASE).status_code == 404


def test_item_of_another_wijk_is_404(client_for, wijk_b):
    other = DoeBoekjeItemFactory(wijk=wijk_b)
    client = client_for("coordinator_a")
    assert client.get(f"{BASE}{other.pk}/").status_code == 404
    assert client.post(f"{BASE}{other.pk}/archiveren/").status_code == 404


def test_get_is_refused_for_state_changes(client_for, item):
    client = client_for("coordinator_a")
    for action in ["gecontroleerd", "archiveren", "terugzetten"]:
        assert client.get(f"{BASE}{item.pk}/{action}/").status_code == 405


def test_list_flags_entries_not_checked_for_a_year(client_for, wijk_a):
    vandaag = timezone.localdate()
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Vers", laatst_gecontroleerd_op=vandaag)
    DoeBoekjeItemFactory(
        wijk=wijk_a, naam="Oud", laatst_gecontroleerd_op=vandaag - timedelta(days=400)
    )
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Nooit", laatst_gecontroleerd_op=None)
    client = client_for("coordinator_a")
    html = client.get(BASE).content.decode()
    assert count_h1(html) == 1
    assert "2 van de 3 regels zijn langer dan een jaar niet gecontroleerd" in html
    assert html.count("doe-item--oud") == 2
    html = client.get(BASE, {"toon": "te-controleren"}).content.decode()
    assert "Oud" in html and "Nooit" in html and ">Vers<" not in html


def test_mark_checked_records_date_and_who(client_for, coordinator_a, wijk_a):
    item = DoeBoekjeItemFactory(
        wijk=wijk_a, laatst_gecontroleerd_op=timezone.localdate() - timedelta(days=500)
    )
    response = client_for("coordinator_a").post(f"{BASE}{item.pk}/gecontroleerd/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.laatst_gecontroleerd_op == timezone.localdate()
    assert item.gecontroleerd_door == coordinator_a
    assert not item.te_controleren


def test_mark_checked_with_htmx_returns_the_row(client_for, wijkverbinder_doeboekje, item):
    response = client_for("wijkverbinder_doeboekje").post(f"{BASE}{item.pk}/gecontroleerd/", **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="doe-item" id="item-{item.pk}"')
    assert "is gecontroleerd" in html
    assert "<h1" not in html
    item.refresh_from_db()
    assert item.gecontroleerd_door == wijkverbinder_doeboekje


def test_quick_edit_in_place_with_htmx(client_for, coordinator_a, item):
    client = client_for("coordinator_a")
    form = client.get(f"{BASE}{item.pk}/snel/", **HTMX).content.decode()
    assert f'name="item-{item.pk}-wanneer"' in form and "<h1" not in form
    DoeBoekjeItem.objects.filter(pk=item.pk).update(laatst_gecontroleerd_op=None)
    response = client.post(
        f"{BASE}{item.pk}/snel/",
        {
            f"item-{item.pk}-wanneer": "Elke vrijdag 12:00",
            f"item-{item.pk}-kosten": "€ 8",
            f"item-{item.pk}-contact": "Receptie, 043 555 0110",
            f"item-{item.pk}-gecontroleerd": "on",
        },
        **HTMX,
    )
    html = response.content.decode()
    assert "Elke vrijdag 12:00" in html and "is bijgewerkt" in html
    item.refresh_from_db()
    assert (item.wanneer, item.kosten) == ("Elke vrijdag 12:00", "€ 8")
    assert item.laatst_gecontroleerd_op == timezone.localdate()
    assert item.gecontroleerd_door == coordinator_a


def test_quick_edit_without_js(client_for, item):
    client = client_for("coordinator_a")
    page = client.get(f"{BASE}{item.pk}/snel/").content.decode()
    assert count_h1(page) == 1 and f'name="item-{item.pk}-wanneer"' in page
    response = client.post(f"{BASE}{item.pk}/snel/", {f"item-{item.pk}-wanneer": "Zaterdag"})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}#item-{item.pk}"
    item.refresh_from_db()
    assert item.wanneer == "Zaterdag"


def test_quick_edit_refuses_too_long_text(client_for, item):
    response = client_for("coordinator_a").post(
        f"{BASE}{item.pk}/snel/", {f"item-{item.pk}-wanneer": "x" * 300}, **HTMX
    )
    assert "niet meer dan 200 tekens" in response.content.decode()
    item.refresh_from_db()
    assert item.wanneer == "Elke donderdag 12:00"


def test_archive_and_restore(client_for, item):
    client = client_for("coordinator_a")
    response = client.post(f"{BASE}{item.pk}/archiveren/", **HTMX)
    assert "is gearchiveerd" in response.content.decode()
    item.refresh_from_db()
    assert item.gearchiveerd
    assert "Samen eten" not in client.get(BASE).content.decode()
    assert "Samen eten" in client.get(BASE, {"toon": "archief"}).content.decode()
    assert (
        "Samen eten"
        not in client.get("/heuvelland/valkenburg-oosterbeemd/doe-boekje/").content.decode()
    )
    client.post(f"{BASE}{item.pk}/terugzetten/")
    item.refresh_from_db()
    assert not item.gearchiveerd


def test_restore_refuses_a_name_that_is_taken_again(client_for, wijk_a, item):
    client = client_for("coordinator_a")
    client.post(f"{BASE}{item.pk}/archiveren/")
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen eten")
    response = client.post(f"{BASE}{item.pk}/terugzetten/", follow=True)
    assert "Er staat al een actueel item" in response.content.decode()
    item.refresh_from_db()
    assert item.gearchiveerd


def test_new_entry_is_checked_by_its_author(client_for, coordinator_a, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    response = client_for("coordinator_a").post(
        BASE + "nieuw/",
        {
            "naam": "Koersbal",
            "categorie": "sport",
            "huis": huis.pk,
            "wanneer": "Dinsdag en donderdag 14:00",
            "dagen": ["3", "1"],
            "website": "https://koersbal.example/",
        },
    )
    assert response.status_code == 302
    item = DoeBoekjeItem.objects.get(naam="Koersbal")
    assert item.wijk == wijk_a and item.huis == huis
    assert item.dagen == "13"
    assert item.gecontroleerd_door == coordinator_a


def test_quick_add_from_the_list(client_for, wijk_a):
    client = client_for("coordinator_a")
    assert 'action="/beheer/heuvelland/valkenburg-oosterbeemd/doe-boekje/nieuw/"' in (
        client.get(BASE).content.decode()
    )
    response = client.post(BASE + "nieuw/", {"naam": "Repair Café", "categorie": "hulp"})
    assert response.status_code == 302
    assert wijk_a.doe_boekje.get().naam == "Repair Café"


def test_new_entry_refuses_bad_input_in_dutch(client_for, wijk_a, wijk_b, item):
    client = client_for("coordinator_a")
    andere_huis = HuisFactory(wijk=wijk_b)
    cases = [
        ({"naam": "", "categorie": "club"}, "Dit veld is verplicht."),
        ({"naam": "Samen eten", "categorie": "club"}, "Er staat al iets met deze naam"),
        ({"naam": "X", "categorie": "club", "huis": andere_huis.pk}, "Selecteer een geldige keuze"),
        ({"naam": "X", "categorie": "club", "dagen": ["7"]}, "Selecteer een geldige keuze"),
        ({"naam": "X", "categorie": "club", "website": "geen adres"}, "Voer een geldige URL in."),
    ]
    for data, melding in cases:
        response = client.post(BASE + "nieuw/", data)
        assert response.status_code == 200, data
        assert melding in response.content.decode(), data
    assert DoeBoekjeItem.objects.count() == 1


def test_edit_entry_keeps_days(client_for, item):
    client = client_for("coordinator_a")
    page = client.get(f"{BASE}{item.pk}/").content.decode()
    assert re.search(r'value="1"[^>]*checked', page)
    assert not re.search(r'value="4"[^>]*checked', page)
    response = client.post(
        f"{BASE}{item.pk}/", {"naam": "Samen eten", "categorie": "activiteit", "dagen": ["4"]}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.dagen == "4"


def test_dashboard_links_a_wijkverbinder_to_the_doe_boekje(client_for, wijkverbinder_doeboekje):
    html = client_for("wijkverbinder_doeboekje").get("/beheer/").content.decode()
    assert BASE in html
    assert "U bent nog aan geen wijk gekoppeld" not in html


def test_back_office_wijk_page_links_doe_boekje_and_mogelijkheden(client_for, wijk_a, item):
    huis = HuisFactory(wijk=wijk_a)
    html = (
        client_for("coordinator_a")
        .get("/beheer/heuvelland/valkenburg-oosterbeemd/")
        .content.decode()
    )
    assert BASE in html
    assert f"/huizen/{huis.pk}/mogelijkheden/" in html


def test_wijkverbinder_of_another_user_has_no_right(client_for, wijk_a, item):
    """The right belongs to the linked login, not to whoever has the Wijkverbinder role."""
    WijkverbinderFactory(wijk=wijk_a, mag_doe_boekje_bijwerken=True)  # no login
    other = UserFactory(rol=roles.WIJKVERBINDER)
    from django.test import Client

    client = Client()
    client.force_login(other)
    assert client.get(BASE).status_code == 404


@pytest.mark.parametrize("aantal", [3, 150])
def test_list_query_count_does_not_grow(client_for, wijk_a, django_assert_num_queries, aantal):
    client = client_for("coordinator_a")
    huis = HuisFactory(wijk=wijk_a)
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(wijk=wijk_a, huis=huis, gecontroleerd_door=None)
        for _ in range(aantal)
    )
    # session, user, roles, wijk, items, counts, "may edit the wijk"
    with django_assert_num_queries(7):
        assert client.get(BASE).status_code == 200


def test_coordinator_grants_the_right_in_the_wijkverbinder_form(client_for, wijkverbinder):
    verbinder = Wijkverbinder.objects.get(user=wijkverbinder)
    url = f"/beheer/heuvelland/valkenburg-oosterbeemd/wijkverbinders/{verbinder.pk}/"
    client = client_for("coordinator_a")
    assert "Mag het doe-boekje bijwerken" in client.get(url).content.decode()
    data = {"naam": verbinder.naam, "status": "actief", "uren_per_maand": 8}
    client.post(url, data | {"mag_doe_boekje_bijwerken": "on"})
    assert client_for("wijkverbinder").get(BASE).status_code == 200
