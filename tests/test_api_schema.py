"""The OpenAPI description of /api/ is valid and true: every documented path, requested
with its examples, answers what the description says; every address of the API is in it."""

import datetime
import json
import re

import pytest
from django.urls import URLPattern
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from communitycare.portaal import urls_api
from communitycare.portaal.api_schema import OPENAPI
from initiatieven.models import Status
from tests.factories import HuisFactory, UserFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import OpenKoffieFactory
from tests.factories_wijkdata import BeleefdeWijkdataFactory, WijkcijferFactory
from wijken.base import roles


def _query_parameters(operatie: dict) -> list[dict]:
    return [p for p in operatie.get("parameters", []) if p["in"] == "query"]


OPERATIES = [(pad, item["get"]) for pad, item in OPENAPI["paths"].items()]
MET_QUERY = [(pad, operatie) for pad, operatie in OPERATIES if _query_parameters(operatie)]


@pytest.fixture
def portaal(wijk_a, wijk_b):
    """Every kind of value the answers hold: null and not null, one of each record."""
    wijk_a.cbs_code = "WK099401"
    wijk_a.save()
    HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, maat="eenzaamheid", bron="rivm", waarde="53.4")
    WijkcijferFactory(wijk=wijk_b, jaar=2021)
    BeleefdeWijkdataFactory(wijk=wijk_a, nadruk=True)
    coordinator = UserFactory(rol=roles.COORDINATOR)
    klaar_voor_actief(wijk_a, coordinator)  # with an approved begroting
    InitiatiefFactory(wijk=wijk_b, status=Status.ACTIEF, startdatum=datetime.date(2026, 3, 1))
    OpenKoffieFactory(wijk=wijk_a, tweede_wijk=wijk_b)
    OpenKoffieFactory(wijk=wijk_b)


def _url(pad: str, operatie: dict, **query) -> str:
    for parameter in operatie.get("parameters", []):
        if parameter["in"] == "path":
            pad = pad.replace("{" + parameter["name"] + "}", str(parameter["example"]))
    if query:
        pad += "?" + "&".join(f"{naam}={waarde}" for naam, waarde in query.items())
    return pad


def _valideer(response, operatie: dict):
    """The answer's status is documented, and its body fits that status's schema."""
    assert str(response.status_code) in operatie["responses"], response.content
    assert response["Content-Type"] == "application/json"
    schema = operatie["responses"][str(response.status_code)]["content"]["application/json"]
    validator = Draft202012Validator(
        {**schema["schema"], "components": OPENAPI["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    body = json.loads(response.content)
    fouten = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)
    ]
    assert fouten == []
    return body


def test_the_description_is_valid_openapi_3_1(client, db):
    validate_openapi(OPENAPI)
    served = client.get("/api/openapi.json")
    assert served.status_code == 200 and served["Access-Control-Allow-Origin"] == "*"
    assert served.json() == json.loads(json.dumps(OPENAPI))


def test_the_index_links_the_description(client, db):
    assert client.get("/api/").json()["openapi"] == "http://testserver/api/openapi.json"


def test_every_api_address_is_documented():
    documented = {re.sub(r"\{[^}]+\}", "<>", pad) for pad in OPENAPI["paths"]}
    for pattern in urls_api.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name == "onbekend":
            continue
        route = "/api/" + re.sub(r"<[^>]+>", "<>", str(pattern.pattern))
        assert route in documented, f"{route} is not in the OpenAPI description"


@pytest.mark.parametrize(("pad", "operatie"), OPERATIES, ids=[pad for pad, _ in OPERATIES])
def test_each_path_with_its_examples_fits_the_description(client, portaal, pad, operatie):
    body = _valideer(client.get(_url(pad, operatie)), operatie)
    if "results" in body:
        assert body["results"], f"{pad}: no results, so nothing was validated"
    voorbeelden = {p["name"]: p["example"] for p in _query_parameters(operatie)}
    if voorbeelden:
        # All filters at once, then each on its own: every example finds something.
        for query in [voorbeelden, *({naam: w} for naam, w in voorbeelden.items())]:
            body = _valideer(client.get(_url(pad, operatie, **query)), operatie)
            assert body["results"], f"{pad}?{query}: no results"


@pytest.mark.parametrize(("pad", "operatie"), MET_QUERY, ids=[pad for pad, _ in MET_QUERY])
def test_each_unknown_parameter_value_is_a_documented_error(client, portaal, pad, operatie):
    for parameter in _query_parameters(operatie):
        response = client.get(_url(pad, operatie, **{parameter["name"]: "onbekend"}))
        # An unknown page is a 404 (as a page past the last); any other filter a 400.
        assert response.status_code == (404 if parameter["name"] == "page" else 400)
        _valideer(response, operatie)


def test_an_unknown_wijk_is_a_documented_404(client, db):
    pad = "/api/wijken/{regio}/{wijk}/"
    response = client.get("/api/wijken/heuvelland/bestaat-niet/")
    assert response.status_code == 404
    _valideer(response, OPENAPI["paths"][pad]["get"])


@pytest.mark.parametrize("code", ["WK000000", "", "wk0994"])
def test_wijkdata_for_a_cbs_code_no_wijk_has_is_a_400(client, portaal, code):
    response = client.get(f"/api/wijkdata/?wijk={code}")
    assert response.status_code == 400
    assert response.json()["fout"] == f"Onbekende waarde voor wijk: {code!r}."
