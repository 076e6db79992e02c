"""The OpenAPI 3.1 description of the open-data API, served at /api/openapi.json.

Written by hand beside the views (api, api_initiatieven, api_openkoffie); the value
lists come from the models' choices, so they cannot drift. tests/test_api_schema.py
requests every path with the examples below and validates each answer against it.
"""

from initiatieven.models import PUBLIEKE_STATUSSEN, Thema
from openkoffie.models import OpenKoffie
from wijken.base.indicatoren import Indicator
from wijken.wijkdata.maten import MAAT_LABELS, Bron, Eenheid

REF = "#/components/schemas/"


def _ref(naam: str) -> dict:
    return {"$ref": REF + naam}


def _object(properties: dict, **extra) -> dict:
    """A closed object: every property is always present, no others."""
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
        **extra,
    }


TEKST = {"type": "string"}
URL = {"type": "string", "format": "uri"}
SLUG = {"type": "string", "pattern": "^[-a-z0-9_]+$"}
DATUM = {"type": "string", "format": "date"}
DATUM_OF_NULL = {"type": ["string", "null"], "format": "date"}
TIJDSTIP = {"type": "string", "format": "date-time"}
GETAL_OF_NULL = {"type": ["number", "null"]}
WIJK_VERWIJZING = _object({"regio": SLUG, "slug": SLUG})


def _json(schema: dict, beschrijving: str) -> dict:
    return {"description": beschrijving, "content": {"application/json": {"schema": schema}}}


FOUT_404 = _json(_ref("Fout"), "Bestaat niet (ook: een pagina voorbij de laatste).")
FOUT_400 = _json(_ref("Fout"), "Een onbekende waarde voor een filter.")


def _lijst(item: str) -> dict:
    return {"allOf": [_ref("Pagina")], "properties": {"results": {"items": _ref(item)}}}


def _parameter(naam: str, plaats: str, schema: dict, voorbeeld, beschrijving: str) -> dict:
    return {
        "name": naam,
        "in": plaats,
        "required": plaats == "path",
        "schema": schema,
        "example": voorbeeld,
        "description": beschrijving,
    }


PAGE = _parameter(
    "page", "query", {"type": "integer", "minimum": 1}, 1, "Paginanummer, 100 per pagina."
)


def _operatie(samenvatting: str, antwoord: dict, parameters=(), fouten=()) -> dict:
    responses = {"200": _json(antwoord, samenvatting)}
    responses.update(fouten)
    return {
        "get": {"summary": samenvatting, "parameters": list(parameters), "responses": responses}
    }


def _lijst_operatie(samenvatting: str, item: str, filters=()) -> dict:
    fouten = [("404", FOUT_404)] + ([("400", FOUT_400)] if filters else [])
    return _operatie(samenvatting, _lijst(item), [*filters, PAGE], fouten)


# A wijk in the list; the detail adds to these.
WIJK = {
    "naam": TEKST,
    "slug": SLUG,
    "regio": _object({"naam": TEKST, "slug": SLUG}),
    "cbs_code": {"type": ["string", "null"], "examples": ["WK099401"]},
    "introductie": TEKST,
    "url": URL,
    "api_url": URL,
}

SCHEMAS = {
    "Fout": _object({"fout": TEKST}),
    "Index": _object(
        {
            "wijken": URL,
            "wijkdata": URL,
            "initiatieven": URL,
            "open_koffie": URL,
            "openapi": URL,
            "toelichting": TEKST,
        }
    ),
    "Pagina": _object(
        {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": {"type": "array"},
        }
    ),
    "Wijk": _object(WIJK),
    "WijkDetail": _object(
        {
            **WIJK,
            "wie_leeft_hier": TEKST,
            "behoeften": TEKST,
            "huizen": {
                "type": "array",
                "items": _object(
                    {"naam": TEKST, "adres": TEKST, "postcode": TEKST, "plaats": TEKST}
                ),
            },
            "wijkdata": {"type": "array", "items": _ref("Wijkcijfer")},
            "beleefde_wijkdata": {"type": "array", "items": _ref("BeleefdeWijkdata")},
        }
    ),
    "Wijkcijfer": _object(
        {
            "wijk": _object(
                {"regio": SLUG, "slug": SLUG, "cbs_code": {"type": ["string", "null"]}}
            ),
            "maat": {"enum": list(MAAT_LABELS)},
            "maat_label": TEKST,
            "jaar": {"type": "integer"},
            "waarde": {"type": "number"},
            "eenheid": {"enum": Eenheid.values},
            "bron": {"enum": Bron.values},
            "bron_label": TEKST,
            "vergelijking": _object(
                {"gemeente": GETAL_OF_NULL, "regio": GETAL_OF_NULL, "nederland": GETAL_OF_NULL}
            ),
            "demo": {"type": "boolean", "description": "Een voorbeeldcijfer, geen meting."},
        }
    ),
    "BeleefdeWijkdata": _object(
        {
            "indicator": {"enum": Indicator.values},
            "herkenning": TEKST,
            "open_koffie_datum": DATUM,
            "nadruk": {"type": "boolean"},
        }
    ),
    "Initiatief": _object(
        {
            "naam": TEKST,
            "slug": SLUG,
            "wijk": WIJK_VERWIJZING,
            "thema": {"enum": Thema.values},
            "status": {"enum": [str(status) for status in PUBLIEKE_STATUSSEN]},
            "indicatoren": {"type": "array", "items": {"enum": Indicator.values}},
            "startdatum": DATUM_OF_NULL,
            "einddatum": DATUM_OF_NULL,
            "globale_beschrijving": TEKST,
            "begroting_goedgekeurd_op": {"type": ["string", "null"], "format": "date-time"},
            "begroting_totaal": {
                "type": ["number", "null"],
                "description": "In euro; alleen als de begroting is goedgekeurd.",
            },
            "url": URL,
        }
    ),
    "OpenKoffie": _object(
        {
            "wijken": {"type": "array", "minItems": 1, "items": WIJK_VERWIJZING},
            "begin": TIJDSTIP,
            "einde": TIJDSTIP,
            "status": {"enum": OpenKoffie.Status.values},
            "locatie": TEKST,
            "url": URL,
        }
    ),
}

OPENAPI = {
    "openapi": "3.1.0",
    "info": {
        "title": "Open data van het Community Care wijkportaal",
        "version": "1",
        "description": "Openbare gegevens van het wijkportaal, alleen lezen, zonder "
        'persoonsgegevens. Lijsten per 100, met ?page=N. Een fout is {"fout": "..."}.',
    },
    "paths": {
        "/api/": _operatie("De adressen van de API.", _ref("Index")),
        "/api/wijken/": _lijst_operatie("Alle wijken.", "Wijk"),
        "/api/wijken/{regio}/{wijk}/": _operatie(
            "Eén wijk met huizen, wijkdata en beleefde wijkdata.",
            _ref("WijkDetail"),
            [
                _parameter("regio", "path", SLUG, "heuvelland", "De regio (slug)."),
                _parameter("wijk", "path", SLUG, "valkenburg-oosterbeemd", "De wijk (slug)."),
            ],
            [("404", FOUT_404)],
        ),
        "/api/wijkdata/": _lijst_operatie(
            "Alle cijfers van alle wijken.",
            "Wijkcijfer",
            [
                _parameter(
                    "wijk", "query", TEKST, "WK099401", "CBS-wijkcode van een wijk in het portaal."
                ),
                _parameter("maat", "query", {"enum": list(MAAT_LABELS)}, "eenzaamheid", "De maat."),
                _parameter(
                    "jaar",
                    "query",
                    {"type": "integer", "minimum": 0, "maximum": 9999},
                    2022,
                    "Het jaar.",
                ),
                _parameter("bron", "query", {"enum": Bron.values}, "rivm", "De bron."),
            ],
        ),
        "/api/initiatieven/": _lijst_operatie(
            "De openbare initiatieven (nooit ideeën of afgewezen plannen).", "Initiatief"
        ),
        "/api/open-koffie/": _lijst_operatie("De komende Open Koffies.", "OpenKoffie"),
        "/api/openapi.json": {
            "get": {
                "summary": "Deze beschrijving (OpenAPI 3.1).",
                "responses": {
                    "200": {
                        "description": "Deze beschrijving.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}
