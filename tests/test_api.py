"""The open-data API answers public data only, read-only, paginated."""

import json

import pytest

from communitycare.portaal import api
from tests.factories import HuisFactory, UserFactory, WijkFactory, WijkverbinderFactory
from tests.factories_wijkdata import BeleefdeWijkdataFactory, WijkcijferFactory
from wijken.base import roles
from wijken.base.models import Wijk
from wijken.wijkdata.models import Wijkcijfer


@pytest.fixture
def gegevens(wijk_a, wijk_b):
    wijk_a.cbs_code = "WK099401"
    wijk_a.contact_voor_vragen = "Bel Henk op 06 9999 0000"
    wijk_a.save()
    wijk_a.coordinatoren.add(
        UserFactory(username="coord", email="coord@example.org", rol=roles.COORDINATOR)
    )
    HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", email="anneke@example.net")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, waarde="53.4", demo=True)
    BeleefdeWijkdataFactory(wijk=wijk_a, nadruk=True)


def get(client, url: str):
    response = client.get(url)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def test_index_links_the_endpoints(client, db):
    _, data = get(client, "/api/")
    assert data["wijken"] == "http://testserver/api/wijken/"
    assert data["wijkdata"] == "http://testserver/api/wijkdata/"


def test_wijken_list(client, gegevens):
    response, data = get(client, "/api/wijken/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    eerste = data["results"][0]
    assert eerste["naam"] == "Welten-Benzenrade-Douvenrade"
    assert eerste["api_url"] == "http://testserver/api/wijken/heerlen/welten-benzenrade-douvenrade/"
    assert eerste["url"] == "http://testserver/heerlen/welten-benzenrade-douvenrade/"


def test_wijk_detail_has_figures_with_sources_and_no_personal_data(client, gegevens):
    response, data = get(client, "/api/wijken/heuvelland/valkenburg-oosterbeemd/")
    assert response.status_code == 200
    assert data["huizen"][0]["naam"] == "Oosterbeemd"
    cijfer = data["wijkdata"][0]
    assert cijfer["waarde"] == 53.4 and cijfer["jaar"] == 2022
    assert cijfer["bron"] == "rivm" and cijfer["bron_label"] == "RIVM modelschatting"
    assert cijfer["vergelijking"] == {"gemeente": 48.0, "regio": None, "nederland": None}
    assert cijfer["demo"] is True
    assert data["beleefde_wijkdata"][0]["nadruk"] is True
    tekst = response.content.decode()
    for persoonlijk in ["Anneke", "anneke@example.net", "coord", "Henk", "06 9999 0000"]:
        assert persoonlijk not in tekst


def test_unknown_wijk_is_a_json_404(client, db):
    response, data = get(client, "/api/wijken/heuvelland/bestaat-niet/")
    assert response.status_code == 404 and "fout" in data


@pytest.mark.parametrize("pad", ["/api/bestaat-niet/", "/api//", "/api/wijken/x/"])
def test_an_unknown_api_address_is_a_json_404(client, db, pad):
    response, data = get(client, pad)
    assert response.status_code == 404 and "alle adressen staan op /api/" in data["fout"].lower()


def test_wijkdata_filters(client, gegevens, wijk_b):
    WijkcijferFactory(wijk=wijk_b, jaar=2020)
    _, alles = get(client, "/api/wijkdata/")
    assert alles["count"] == 2
    _, gefilterd = get(client, "/api/wijkdata/?wijk=wk099401&jaar=2022&maat=eenzaamheid")
    assert gefilterd["count"] == 1
    assert gefilterd["results"][0]["wijk"]["slug"] == "valkenburg-oosterbeemd"
    response, data = get(client, "/api/wijkdata/?maat=geluk")
    assert response.status_code == 400
    assert data["fout"] == "Onbekende waarde voor maat: 'geluk'."


@pytest.mark.parametrize("waarde", ["%C2%B2", "9" * 5000, "20220", "%20%202022"])
def test_wijkdata_year_is_four_ascii_digits(client, gegevens, waarde):
    # "²" passes str.isdigit() but not int(); 5000 digits exceed int()'s limit.
    response, data = get(client, f"/api/wijkdata/?jaar={waarde}")
    assert response.status_code == 400 and data["fout"].startswith("Onbekende waarde voor jaar")


def test_wijkdata_wijk_with_a_nul_is_an_unknown_value(client, gegevens):
    # PostgreSQL refuses a NUL in a text value: a 400, not a server error.
    response, data = get(client, "/api/wijkdata/?wijk=WK%00")
    assert response.status_code == 400 and data["fout"].startswith("Onbekende waarde voor wijk")


def test_pagination_with_next_and_previous_links(client, wijk_a, monkeypatch):
    monkeypatch.setattr(api, "PER_PAGINA", 3)
    Wijkcijfer.objects.bulk_create(
        WijkcijferFactory.build(wijk=wijk_a, jaar=jaar) for jaar in range(2010, 2017)
    )
    _, eerste = get(client, "/api/wijkdata/?maat=eenzaamheid")
    assert (eerste["count"], eerste["pages"], len(eerste["results"])) == (7, 3, 3)
    assert eerste["next"] == "http://testserver/api/wijkdata/?maat=eenzaamheid&page=2"
    _, tweede = get(client, eerste["next"])
    assert [c["jaar"] for c in tweede["results"]] == [2013, 2014, 2015]
    assert tweede["previous"].endswith("page=1")
    response, _ = get(client, "/api/wijkdata/?page=9")
    assert response.status_code == 404
    response, _ = get(client, "/api/wijkdata/?page=een")
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/api/wijken/", "/api/wijkdata/"])
def test_read_only(client, db, url):
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


@pytest.mark.parametrize("aantal", [3, 40])
def test_query_counts_do_not_grow(client, wijk_a, django_assert_num_queries, aantal):
    wijken = Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, slug=f"w-{i}") for i in range(aantal)
    )
    Wijkcijfer.objects.bulk_create(WijkcijferFactory.build(wijk=wijk) for wijk in wijken)
    with django_assert_num_queries(2):
        client.get("/api/wijken/")
    with django_assert_num_queries(2):
        client.get("/api/wijkdata/")


def test_initiatives_are_public_ones_only(client, wijk_a):
    from initiatieven.models import Status
    from tests.factories_initiatieven import InitiatiefFactory

    InitiatiefFactory(wijk=wijk_a, naam="Samen aan tafel", status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, naam="Geheim idee", status=Status.IDEE)
    InitiatiefFactory(wijk=wijk_a, naam="Afgewezen plan", status=Status.AFGEWEZEN)
    data = client.get("/api/initiatieven/").json()
    assert [item["naam"] for item in data["results"]] == ["Samen aan tafel"]
    assert data["results"][0]["begroting_totaal"] is None


def test_open_koffie_agenda_has_no_personal_data(client, wijk_a):
    from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory

    open_koffie = OpenKoffieFactory(wijk=wijk_a, adres="Buurthuis De Beemd")
    BespreekpuntFactory(open_koffie=open_koffie, naam="Mevrouw Geheim", contact="06 9999 0000")
    body = client.get("/api/open-koffie/").content.decode()
    assert "Buurthuis De Beemd" in body
    assert "Geheim" not in body and "9999" not in body
