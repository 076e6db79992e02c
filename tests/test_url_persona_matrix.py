"""Every URL of the portal against every persona, in one table.

The URL patterns come from the resolver, so a new URL fails `test_every_url_is_in_the_table`
until someone decides who may see it. Each pattern's arguments are filled in from objects
made here (a wijk with everything in it). Besides the GET matrix: POSTs by outsiders to
every non-public URL change nothing, representative POSTs by those allowed do change
something, and objects of wijk B addressed through the URLs of wijk A are never found.
The Django admin has a matrix of its own at the end: every URL of every registered model.
"""

import datetime
import uuid
from types import SimpleNamespace
from typing import NamedTuple

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from initiatieven.models import Begroting, Begrotingsregel, Evaluatie
from openkoffie.models import OpenKoffie, Vervolgafspraak
from tests.conftest import PERSONAS
from tests.factories import HuisFactory, UserFactory, WijkverbinderFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_initiatieven import IdeeFactory, InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, OverlegFactory, over
from tests.factories_wijkdata import BeleefdeWijkdataFactory, WijkcijferFactory
from tests.factories_wijkplan import ActieFactory
from wijken.base import roles
from wijken.base.models import Vrijwilliger
from wijken.wijkplan.models import bewaar_deel

# The personas of conftest, plus a wijkverbinder of wijk A who keeps its doe-boekje.
PERSONEN = [*PERSONAS, "wijkverbinder_doeboekje"]
WIJK_A = {"regio": "heuvelland", "wijk": "valkenburg-oosterbeemd"}

# --- who gets what ----------------------------------------------------------------

ALLE = frozenset(PERSONEN)
INGELOGD = ALLE - {"anonymous"}
WIJK_RECHT = frozenset({"coordinator_a", "projectleider", "programmamanager"})
DOE_BOEKJE_RECHT = WIJK_RECHT | {"wijkverbinder_doeboekje"}
PROGRAMMA_RECHT = frozenset({"projectleider", "programmamanager"})
# The active wijkverbinders of wijk A with a login read its initiatives, Open Koffies and
# wijkplan in the back office; `wijkverbinder` coordinates wijk A's active initiative
# (see `inhoud`), so she also edits its description and steps and drafts an evaluation.
VERBINDERS = frozenset({"wijkverbinder", "wijkverbinder_doeboekje"})
EIGEN_RECHT = WIJK_RECHT | {"wijkverbinder"}
# Staff in the Programmamanager group: the only persona the Django admin lets in.
ADMIN_RECHT = frozenset({"programmamanager"})
BEHEER_LOGIN = "/beheer/inloggen/?next="
ADMIN_LOGIN = "/admin/login/?next="


class Toegang(NamedTuple):
    """The status a GET gives each persona, and who may act (POST) on the URL."""

    get: dict[str, int]
    recht: frozenset[str]


def beheer(recht: frozenset[str]) -> Toegang:
    """Anonymous to the login page, who may in, everyone else a 404 (they learn nothing)."""
    get = {p: 302 if p == "anonymous" else 200 if p in recht else 404 for p in PERSONEN}
    return Toegang(get, recht)


def alleen_post(recht: frozenset[str]) -> Toegang:
    """A POST-only view: the login comes first, then the method check, then the rights."""
    return Toegang({p: 302 if p == "anonymous" else 405 for p in PERSONEN}, recht)


PUBLIEK = Toegang(dict.fromkeys(PERSONEN, 200), ALLE)
ONBEKEND = Toegang(dict.fromkeys(PERSONEN, 404), ALLE)  # an unknown address, for anyone
BEHEER = beheer(WIJK_RECHT)
BEHEER_POST = alleen_post(WIJK_RECHT)
DOE_BOEKJE = beheer(DOE_BOEKJE_RECHT)
LEZEN = beheer(WIJK_RECHT | VERBINDERS)
EIGEN = beheer(EIGEN_RECHT)
EIGEN_POST = alleen_post(EIGEN_RECHT)
DOE_BOEKJE_POST = alleen_post(DOE_BOEKJE_RECHT)
PROGRAMMA = beheer(PROGRAMMA_RECHT)
PROGRAMMA_POST = alleen_post(PROGRAMMA_RECHT)
# The admin sends everyone who is not staff to its own login page.
ADMIN = Toegang({p: 200 if p in ADMIN_RECHT else 302 for p in PERSONEN}, ADMIN_RECHT)
DASHBOARD = beheer(INGELOGD)
INLOGGEN = Toegang({p: 200 if p == "anonymous" else 302 for p in PERSONEN}, ALLE)
UITLOGGEN = Toegang(dict.fromkeys(PERSONEN, 405), ALLE)  # POST only, for anyone


class Rij(NamedTuple):
    """One URL: its access, and which object's pk it takes (`pk`) plus a query string."""

    toegang: Toegang
    pk: str = ""
    query: str = ""


EXPECTED: dict[str, Rij] = {
    # Health, public pages, feeds, PDFs and the open-data API: everyone.
    "healthz": Rij(PUBLIEK),
    "readyz": Rij(PUBLIEK),
    "security_txt": Rij(PUBLIEK),
    "methode": Rij(PUBLIEK),
    "contact": Rij(PUBLIEK),
    "privacy": Rij(PUBLIEK),
    "toegankelijkheid": Rij(PUBLIEK),
    "wijken:home": Rij(PUBLIEK),
    "wijken:regio": Rij(PUBLIEK),
    "wijken:wijk": Rij(PUBLIEK),
    "wijken:doeboekje_overzicht": Rij(PUBLIEK),
    "wijken:doeboekje": Rij(PUBLIEK),
    "wijken:doeboekje_pdf": Rij(PUBLIEK),
    "wijkplan:publiek": Rij(PUBLIEK),
    "wijkplan:pdf": Rij(PUBLIEK),
    "wijken:jaarverslag": Rij(PUBLIEK),
    "wijken:jaarverslag_pdf": Rij(PUBLIEK),
    "initiatieven:overzicht": Rij(PUBLIEK),
    "initiatieven:thema": Rij(PUBLIEK),
    "initiatieven:wijk": Rij(PUBLIEK),
    "initiatieven:initiatief": Rij(PUBLIEK),
    "initiatieven:beschrijving_pdf": Rij(PUBLIEK),
    "initiatieven:evaluatie_pdf": Rij(PUBLIEK, pk="evaluatie"),
    "initiatieven:idee": Rij(PUBLIEK),
    "openkoffie:alle": Rij(PUBLIEK),
    "openkoffie:alle_ics": Rij(PUBLIEK),
    "openkoffie:wijk": Rij(PUBLIEK),
    "openkoffie:wijk_ics": Rij(PUBLIEK),
    "openkoffie:bijeenkomst": Rij(PUBLIEK, pk="open_koffie"),
    "openkoffie:bijeenkomst_ics": Rij(PUBLIEK, pk="open_koffie"),
    "openkoffie:word_wijkverbinder": Rij(PUBLIEK),
    "openkoffie:wijkverbinder_flyer": Rij(PUBLIEK),
    "api:index": Rij(PUBLIEK),
    "api:openapi": Rij(PUBLIEK),
    "api:wijken": Rij(PUBLIEK),
    "api:wijk": Rij(PUBLIEK),
    "api:wijkdata": Rij(PUBLIEK),
    "api:initiatieven": Rij(PUBLIEK),
    "api:open_koffie": Rij(PUBLIEK),
    "api:onbekend": Rij(ONBEKEND),
    # Logging in and out; the dashboard lists what you may edit (possibly nothing).
    "beheer:login": Rij(INLOGGEN),
    "beheer:logout": Rij(UITLOGGEN),
    "beheer:dashboard": Rij(DASHBOARD),
    # Converts pasted HTML for any Markdown textarea; stores nothing.
    "beheer:plakken": Rij(alleen_post(INGELOGD)),
    # The programme: programmamanager and projectleider.
    "beheer:programma": Rij(PROGRAMMA),
    "beheer:programma_export_csv": Rij(PROGRAMMA),
    "beheer:programma_export_xlsx": Rij(PROGRAMMA),
    "beheer:programma_wijkdata": Rij(PROGRAMMA),
    "beheer:programma_budget": Rij(PROGRAMMA),
    "beheer:programma_jaarverslag": Rij(PROGRAMMA),
    "beheer:programma_jaarverslag_pdf": Rij(PROGRAMMA),
    "beheer:programma_jaarverslag_xlsx": Rij(PROGRAMMA),
    # The review of a begroting: the programme sees it; only a programmamanager decides
    # while one who did not edit it exists (the projectleider's POST is refused, 403).
    "beheer:begroting_besluit": Rij(Toegang(PROGRAMMA.get, frozenset({"programmamanager"}))),
    "beheer:programma_wijkdata_toepassen": Rij(PROGRAMMA_POST),
    # The approval queue and the admin index: staff of the Programmamanager group.
    "admin:index": Rij(ADMIN),
    "admin:initiatieven_begrotingtergoedkeuring_changelist": Rij(ADMIN),
    # The back office of wijk A.
    "beheer:wijk": Rij(BEHEER),
    "beheer:jaarverslag": Rij(BEHEER),
    "beheer:jaarverslag_pdf": Rij(BEHEER),
    "beheer:huis_nieuw": Rij(BEHEER),
    "beheer:huis": Rij(BEHEER, pk="huis"),
    "beheer:huis_verwijderen": Rij(BEHEER, pk="huis"),
    "beheer:mogelijkheden": Rij(BEHEER, pk="huis"),
    "beheer:vrijwilliger_nieuw": Rij(BEHEER),
    "beheer:vrijwilliger": Rij(BEHEER, pk="vrijwilliger"),
    "beheer:vrijwilliger_verwijderen": Rij(BEHEER, pk="vrijwilliger"),
    "beheer:wijkverbinder_nieuw": Rij(BEHEER),
    "beheer:wijkverbinder": Rij(BEHEER, pk="wijkverbinder"),
    "beheer:wijkverbinder_verwijderen": Rij(BEHEER, pk="wijkverbinder"),
    "beheer:wijkdata": Rij(BEHEER),
    "beheer:wijkdata_importeren": Rij(BEHEER),
    "beheer:wijkdata_toepassen": Rij(BEHEER_POST),
    "beheer:wijkdata_beleefd": Rij(BEHEER),
    "beheer:doeboekje": Rij(DOE_BOEKJE),
    "beheer:doeboekje_nieuw": Rij(DOE_BOEKJE),
    "beheer:doeboekje_bewerken": Rij(DOE_BOEKJE, pk="doe_boekje"),
    "beheer:doeboekje_snel": Rij(DOE_BOEKJE, pk="doe_boekje"),
    "beheer:doeboekje_gecontroleerd": Rij(DOE_BOEKJE_POST, pk="doe_boekje"),
    "beheer:doeboekje_archiveren": Rij(DOE_BOEKJE_POST, pk="doe_boekje"),
    "beheer:doeboekje_terugzetten": Rij(DOE_BOEKJE_POST, pk="doe_boekje"),
    "wijkplan:beheer": Rij(LEZEN),
    "wijkplan:deel": Rij(BEHEER),
    "wijkplan:actie_nieuw": Rij(BEHEER_POST),
    "wijkplan:themas": Rij(BEHEER),
    "wijkplan:actie": Rij(BEHEER, pk="actie"),
    "wijkplan:actie_afronden": Rij(BEHEER_POST, pk="actie"),
    "wijkplan:actie_verplaatsen": Rij(BEHEER_POST, pk="actie"),
    "wijkplan:actie_verwijderen": Rij(BEHEER_POST, pk="actie"),
    "wijkplan:planning_nieuw": Rij(BEHEER_POST),
    "wijkplan:historie": Rij(BEHEER),
    "wijkplan:vergelijk": Rij(BEHEER, query="?van={versie}&naar={eerste_versie}"),
    "wijkplan:versie": Rij(BEHEER, pk="versie"),
    "wijkplan:vaststellen": Rij(BEHEER_POST, pk="versie"),
    "wijkplan:herstellen": Rij(BEHEER_POST, pk="eerste_versie"),
    "initiatieven_beheer:lijst": Rij(LEZEN),
    "initiatieven_beheer:nieuw": Rij(BEHEER),
    "initiatieven_beheer:idee_namens": Rij(LEZEN),
    "initiatieven_beheer:idee_status": Rij(BEHEER_POST, pk="idee"),
    "initiatieven_beheer:initiatief": Rij(EIGEN),
    "initiatieven_beheer:beschrijving": Rij(EIGEN),
    "initiatieven_beheer:stap": Rij(EIGEN),
    "initiatieven_beheer:stap_heropenen": Rij(EIGEN_POST),
    # Status, begroting and publishing stay with the coördinator, also for the
    # wijkverbinder's own initiative (tests/test_mijn_wijk.py).
    "initiatieven_beheer:status": Rij(BEHEER_POST),
    "initiatieven_beheer:begroting": Rij(BEHEER),
    "initiatieven_beheer:begroting_export": Rij(BEHEER),
    "initiatieven_beheer:regel_nieuw": Rij(BEHEER_POST),
    "initiatieven_beheer:regel": Rij(BEHEER, pk="regel"),
    "initiatieven_beheer:regel_verwijderen": Rij(BEHEER, pk="regel"),
    "initiatieven_beheer:indienen": Rij(BEHEER_POST),
    "initiatieven_beheer:evaluatie_nieuw": Rij(EIGEN_POST),
    # A published evaluation: the wijkverbinder opens only drafts.
    "initiatieven_beheer:evaluatie": Rij(BEHEER, pk="evaluatie"),
    "openkoffie_beheer:overzicht": Rij(LEZEN),
    "openkoffie_beheer:plan_jaar": Rij(BEHEER_POST),
    "openkoffie_beheer:nieuw": Rij(BEHEER),
    "openkoffie_beheer:kaart": Rij(BEHEER),
    "beheer:ok_voorbereiding": Rij(BEHEER, pk="open_koffie"),
    "beheer:ok_voorbereiding_pdf": Rij(BEHEER, pk="open_koffie"),
    "beheer:ok_poster": Rij(BEHEER, pk="open_koffie"),
    "openkoffie_beheer:bijeenkomst": Rij(LEZEN, pk="open_koffie"),
    "openkoffie_beheer:bewerken": Rij(BEHEER, pk="open_koffie"),
    "openkoffie_beheer:agenda": Rij(BEHEER, pk="open_koffie"),
    "openkoffie_beheer:verslag": Rij(BEHEER, pk="open_koffie"),
    "openkoffie_beheer:verwijderen": Rij(BEHEER, pk="open_koffie"),
    # The wijk's wijkverbinders enter what residents told them too (the coördinator reviews).
    "openkoffie_beheer:bespreekpunt_namens": Rij(LEZEN, pk="open_koffie"),
    "openkoffie_beheer:bespreekpunt_status": Rij(BEHEER_POST, pk="open_koffie"),
    "openkoffie_beheer:bespreekpunt_verplaats": Rij(BEHEER_POST, pk="open_koffie"),
    "openkoffie_beheer:vervolgafspraak_nieuw": Rij(BEHEER_POST, pk="open_koffie"),
    "wijkplan:vervolgafspraak_naar_wijkplan": Rij(BEHEER_POST, pk="open_koffie"),
    "openkoffie_beheer:vervolgafspraak_verwijderen": Rij(BEHEER_POST, pk="open_koffie"),
    "openkoffie_beheer:overleg_nieuw": Rij(BEHEER),
    "openkoffie_beheer:overleg": Rij(BEHEER, pk="overleg"),
    "openkoffie_beheer:overleg_verwijderen": Rij(BEHEER, pk="overleg"),
    "openkoffie_beheer:wijkverbinders": Rij(BEHEER),
    "openkoffie_beheer:wervingsactie_nieuw": Rij(BEHEER_POST),
    "openkoffie_beheer:wijkverbinder_status": Rij(BEHEER_POST, pk="wijkverbinder"),
}

# Of the Django admin only the index and the approval queue are in this table; every
# admin URL has its own matrix below ("the Django admin").
ADMIN_IN_TABEL = {"admin:index", "admin:initiatieven_begrotingtergoedkeuring_changelist"}


def url_patterns(patterns=None, prefix: str = "", namespace: str = ""):
    """(name, route) of every URL pattern, namespaces included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        else:
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield name, prefix + str(pattern.pattern), pattern.pattern.converters


def portal_urls() -> dict[str, dict]:
    """Name -> converters of every URL of the portal (the admin's own pages left out)."""
    return {
        name: converters
        for name, route, converters in url_patterns()
        if not route.startswith("admin/") or name in ADMIN_IN_TABEL
    }


# --- what the URLs point at --------------------------------------------------------


def maak_inhoud(wijk, coordinator, prefix: str) -> SimpleNamespace:
    """A wijk with one of everything the back office edits, and its public side."""
    huis = HuisFactory(wijk=wijk, naam=f"{prefix} huis")
    initiatief = klaar_voor_actief(wijk, coordinator)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator)
    evaluatie.gepubliceerd_op = timezone.now()
    evaluatie.save()
    # A second initiative with a draft begroting: the one the POSTs below submit and edit.
    concept = InitiatiefFactory(wijk=wijk, naam=f"{prefix} concept", slug=f"{prefix}-concept")
    begroting = Begroting.objects.create(initiatief=concept)
    regel = Begrotingsregel.objects.create(
        begroting=begroting, categorie="overig", omschrijving="Koffie", bedrag=5
    )
    # And one submitted for approval: the programmamanager's queue.
    ingediend = Begroting.objects.create(initiatief=InitiatiefFactory(wijk=wijk))
    Begrotingsregel.objects.create(
        begroting=ingediend, categorie="overig", omschrijving="x", bedrag=9
    )
    ingediend.indienen(coordinator)
    open_koffie = OpenKoffieFactory(wijk=wijk, begin=over(10), huis=huis)
    plan = bewaar_deel(wijk, "wijkdata", "Eerste tekst", 0, coordinator)
    plan = bewaar_deel(wijk, "wijkdata", "Tweede tekst", 1, coordinator)
    versies = list(plan.history.order_by("history_id").values_list("history_id", flat=True))
    WijkcijferFactory(wijk=wijk)
    BeleefdeWijkdataFactory(wijk=wijk)
    return SimpleNamespace(
        wijk=wijk,
        huis=huis,
        vrijwilliger=Vrijwilliger.objects.create(huis=huis, naam=f"{prefix} Thea"),
        wijkverbinder=WijkverbinderFactory(wijk=wijk, status="geinteresseerd"),
        initiatief=initiatief,
        evaluatie=evaluatie,
        concept=concept,
        regel=regel,
        ingediend=ingediend,
        open_koffie=open_koffie,
        # Going on now: the wijkplan versions made above can be adopted at it.
        lopende_open_koffie=OpenKoffieFactory(
            wijk=wijk,
            begin=timezone.now() - datetime.timedelta(hours=1),
            einde=timezone.now() + datetime.timedelta(hours=1),
        ),
        # Held: where the wijk spoke about its figures (beleefde wijkdata).
        gehouden=OpenKoffieFactory(wijk=wijk, begin=over(-20), status="gehouden"),
        bespreekpunt=BespreekpuntFactory(open_koffie=open_koffie),
        idee=IdeeFactory(wijk=wijk, contact="06 1234 5678"),
        vervolgafspraak=Vervolgafspraak.objects.create(open_koffie=open_koffie, wat="Flyeren"),
        overleg=OverlegFactory(wijk=wijk),
        doe_boekje=DoeBoekjeItemFactory(wijk=wijk, naam=f"{prefix} wandelclub"),
        plan=plan,
        actie=ActieFactory(wijkplan=plan, omschrijving="Eerste actie"),
        tweede_actie=ActieFactory(wijkplan=plan, omschrijving="Tweede actie"),
        eerste_versie=versies[0],
        versie=versies[-1],
    )


@pytest.fixture
def inhoud(wijk_a, wijk_b, wijkverbinder):
    """Wijk A and wijk B, each with everything; filled in by a coördinator of their own.
    The wijkverbinder persona coordinates wijk A's active initiative (not its concept)."""
    hulp_a = UserFactory(username="coordinator-hulp-a", rol=roles.COORDINATOR)
    hulp_b = UserFactory(username="coordinator-hulp-b", rol=roles.COORDINATOR)
    inhoud = SimpleNamespace(a=maak_inhoud(wijk_a, hulp_a, "a"), b=maak_inhoud(wijk_b, hulp_b, "b"))
    inhoud.a.initiatief.wijkverbinder = wijkverbinder.wijkverbinder
    inhoud.a.initiatief.save(update_fields=["wijkverbinder"])
    return inhoud


# The begroting URLs work on the initiative whose begroting is still a draft.
OP_CONCEPT = {
    "initiatieven_beheer:begroting",
    "initiatieven_beheer:begroting_export",
    "initiatieven_beheer:regel_nieuw",
    "initiatieven_beheer:regel",
    "initiatieven_beheer:regel_verwijderen",
    "initiatieven_beheer:indienen",
}


# The review works on the begroting in the queue.
OP_INGEDIEND = {"beheer:begroting_besluit"}


def url_for(name: str, converters: dict, obj: SimpleNamespace, wijk=None) -> str:
    """The URL of `name` with its arguments taken from `obj`, in `wijk` (obj's by default)."""
    rij = EXPECTED[name]
    wijk = wijk or obj.wijk
    initiatief = obj.initiatief
    if name in OP_CONCEPT:
        initiatief = obj.concept
    elif name in OP_INGEDIEND:
        initiatief = obj.ingediend.initiatief
    waarden = {
        "regio": wijk.regio.slug,
        "wijk": wijk.slug,
        "slug": initiatief.slug,
        "nummer": 1 if name.endswith("heropenen") else 2,
        "punt": obj.bespreekpunt.pk,
        "afspraak": obj.vervolgafspraak.pk,
        "veld": "wijkdata",
        "indicator": "eenzaamheid",
        "thema": "samen-aan-tafel",
        "onbekend": "bestaat-niet/",
    }
    if rij.pk:
        waarden["pk"] = getattr(obj, rij.pk) if "versie" in rij.pk else getattr(obj, rij.pk).pk
    url = reverse(name, kwargs={key: waarden[key] for key in converters})
    return url + rij.query.format(versie=obj.versie, eerste_versie=obj.eerste_versie)


def client_per_persona(client_for) -> dict:
    return {persona: client_for(persona) for persona in PERSONEN}


# --- the matrix ----------------------------------------------------------------------


def test_every_url_is_in_the_table():
    """A new URL pattern fails here until its row says who may see it."""
    gevonden = set(portal_urls())
    assert gevonden - set(EXPECTED) == set(), "URL patterns without a row in EXPECTED"
    assert set(EXPECTED) - gevonden == set(), "rows in EXPECTED without a URL pattern"


def test_every_url_by_every_persona(client_for, inhoud, wijkverbinder_doeboekje, monkeypatch):
    # Who gets a PDF is decided before WeasyPrint lays it out; the layout is slow and
    # tested with the PDFs themselves (test_xss_corpus, test_personal_data, test_pdf_*).
    monkeypatch.setattr("communitycare.lib.pdf.html_to_pdf", lambda html: b"%PDF-1.7 ")
    clients = client_per_persona(client_for)
    fouten = []
    for name, converters in sorted(portal_urls().items()):
        url = url_for(name, converters, inhoud.a)
        for persona, client in clients.items():
            response = client.get(url)
            verwacht = EXPECTED[name].toegang.get[persona]
            if response.status_code != verwacht:
                fouten.append(f"{persona:24} {response.status_code} != {verwacht}  GET {url}")
            elif verwacht == 302 and persona == "anonymous":
                login = ADMIN_LOGIN if name.startswith("admin:") else BEHEER_LOGIN
                if not response["Location"].startswith(login):
                    fouten.append(f"{persona:24} redirects to {response['Location']}: {url}")
    assert not fouten, "\n".join(fouten)


# --- POSTs ------------------------------------------------------------------------

# Valid data for a representative POST per kind of change, at least one per app. Those
# allowed must change something with it (so the data really would work); outsiders
# send the same and must change nothing. Every other URL gets an empty POST.
POSTS = {
    "beheer:wijk": lambda o: {"naam": "Andere naam"},
    "beheer:huis": lambda o: {"naam": "Nieuw", "adres": "Kerkstraat 1"},
    "beheer:huis_verwijderen": lambda o: {},
    "beheer:vrijwilliger_verwijderen": lambda o: {},
    "beheer:wijkverbinder_verwijderen": lambda o: {},
    "beheer:wijkdata_beleefd": lambda o: {
        "eenzaamheid-herkenning": "Herkenbaar",
        "eenzaamheid-open_koffie": o.gehouden.pk,
    },
    "beheer:doeboekje_archiveren": lambda o: {},
    "beheer:doeboekje_gecontroleerd": lambda o: {},
    "wijkplan:deel": lambda o: {"wijkdata": "Gewijzigd", "versie": 2},
    "wijkplan:actie": lambda o: {"omschrijving": "Gewijzigd", "versie": 1},
    "wijkplan:actie_afronden": lambda o: {"versie": 1, "afgerond": "on"},
    "wijkplan:actie_verplaatsen": lambda o: {"versie": 1, "richting": "omlaag"},
    "wijkplan:actie_verwijderen": lambda o: {"versie": 1},
    "wijkplan:actie_nieuw": lambda o: {
        "actie-omschrijving": "Nieuw",
        "actie-token": str(uuid.uuid4()),
    },
    "wijkplan:planning_nieuw": lambda o: {
        "planning-soort": "overleg",
        "planning-datum": "2030-01-01",
        "planning-tijd": "10:00",
    },
    "wijkplan:vaststellen": lambda o: {"open_koffie": o.lopende_open_koffie.pk},
    "wijkplan:herstellen": lambda o: {"versie": 2},
    "initiatieven_beheer:beschrijving": lambda o: {"naam": "Anders", "thema": "anders"},
    "initiatieven_beheer:stap_heropenen": lambda o: {},
    "initiatieven_beheer:status": lambda o: {"status": "actief"},
    "initiatieven_beheer:regel_nieuw": lambda o: {
        "categorie": "overig",
        "omschrijving": "Thee",
        "bedrag": "5",
    },
    "initiatieven_beheer:regel_verwijderen": lambda o: {},
    "initiatieven_beheer:indienen": lambda o: {},
    "initiatieven_beheer:evaluatie_nieuw": lambda o: {"soort": "jaarlijks"},
    "initiatieven_beheer:idee_namens": lambda o: {"bron": "telefoon", "tekst": "Samen koken"},
    "initiatieven_beheer:idee_status": lambda o: {"status": "afgewezen"},
    "openkoffie_beheer:verwijderen": lambda o: {},
    "openkoffie_beheer:bespreekpunt_status": lambda o: {"status": "geaccepteerd"},
    "wijkplan:vervolgafspraak_naar_wijkplan": lambda o: {},
    "openkoffie_beheer:vervolgafspraak_verwijderen": lambda o: {},
    "openkoffie_beheer:overleg_verwijderen": lambda o: {},
    "openkoffie_beheer:wijkverbinder_status": lambda o: {"status": "actief"},
    "beheer:begroting_besluit": lambda o: {"besluit": "goedkeuren", "versie": o.ingediend.versie},
    "admin:initiatieven_begrotingtergoedkeuring_changelist": lambda o: {
        "action": "goedkeuren",
        "_selected_action": [o.ingediend.pk],
        "bevestigd": "1",
        f"versie_{o.ingediend.pk}": o.ingediend.versie,
        "index": 0,
    },
}
# Authentication itself: a POST there logs in or out, which is everyone's right.
NIET_GEPOST = {"beheer:login", "beheer:logout"}


# The portal's own apps, by label (the base keeps the label "wijken").
PORTAAL_APPS = (
    "wijken",
    "mogelijkheden",
    "openkoffie",
    "wijkdata",
    "doeboekje",
    "initiatieven",
    "wijkplan",
)


def stand() -> dict[str, list]:
    """Every row of the portal's own tables (history and links included)."""
    modellen = [
        model
        for label in PORTAAL_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    return {m._meta.label: list(m._default_manager.order_by("pk").values_list()) for m in modellen}


def verschil(voor: dict, na: dict) -> list[str]:
    return [label for label in voor if voor[label] != na[label]]


# Sessions and the cache (rate limits) may be written by anyone's request.
NIET_VAN_HET_PORTAAL = ("django_session", "django_cache")


def post(client, url: str, data: dict) -> tuple:
    """POSTs and returns the response with the SQL statements that wrote to the portal."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    schrijft = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
        and not any(tabel in q["sql"] for tabel in NIET_VAN_HET_PORTAAL)
    ]
    return response, schrijft


def test_posts_by_outsiders_change_nothing(client_for, inhoud, wijkverbinder_doeboekje):
    """Outsiders POST to every URL that is not theirs: a login redirect, 403, 404 or 405,
    and not one write to the database."""
    clients = client_per_persona(client_for)
    voor = stand()
    fouten = []
    for name, converters in sorted(portal_urls().items()):
        rij = EXPECTED[name]
        if name in NIET_GEPOST or rij.toegang.recht == ALLE:
            continue
        url = url_for(name, converters, inhoud.a)
        data = POSTS.get(name, lambda o: {})(inhoud.a)
        for persona in sorted(ALLE - rij.toegang.recht):
            response, schrijft = post(clients[persona], url, data)
            if persona == "anonymous" or name.startswith("admin:"):
                login = ADMIN_LOGIN if name.startswith("admin:") else BEHEER_LOGIN
                goed = response.status_code == 302 and response["Location"].startswith(login)
            else:
                goed = response.status_code in (403, 404, 405)
            if not goed or schrijft:
                fouten.append(f"{persona:24} {response.status_code} {schrijft}  POST {url}")
    assert not fouten, "\n".join(fouten)
    assert not verschil(voor, stand())


def test_posts_by_those_allowed_change_something(client_for, inhoud, wijkverbinder_doeboekje):
    """The data of POSTS is real: each POST by each who may is accepted (a redirect) and
    writes to the database; each runs on the same starting state."""
    clients = client_per_persona(client_for)
    urls = portal_urls()
    fouten = []
    for name, data in POSTS.items():
        url = url_for(name, urls[name], inhoud.a)
        for persona in sorted(EXPECTED[name].toegang.recht):
            with transaction.atomic():
                response, schrijft = post(clients[persona], url, data(inhoud.a))
                if response.status_code != 302 or not schrijft:
                    fouten.append(f"{persona:24} {response.status_code} {schrijft}: POST {url}")
                transaction.set_rollback(True)
    assert not fouten, "\n".join(fouten)


# --- objects of another wijk ------------------------------------------------------------


def test_objects_of_wijk_b_are_not_found_through_wijk_a(client_for, inhoud):
    """Wijk B's huis, initiative, Open Koffie ... in a URL of wijk A: 404 for everyone,
    public pages included, even for those who may edit both wijken."""
    clients = {p: client_for(p) for p in ("anonymous", "coordinator_a", "programmamanager")}
    fouten = []
    for name, converters in sorted(portal_urls().items()):
        if not set(converters) & {"pk", "slug", "punt", "afspraak"}:
            continue
        url = url_for(name, converters, inhoud.b, wijk=inhoud.a.wijk)
        publiek = EXPECTED[name].toegang == PUBLIEK
        for persona, client in clients.items():
            if persona == "anonymous" and not publiek:
                continue
            kan_get = EXPECTED[name].toegang.get[persona] != 405
            if kan_get and (status := client.get(url).status_code) != 404:
                fouten.append(f"{persona:18} {status}  GET {url}")
            if not publiek:
                response, schrijft = post(client, url, POSTS.get(name, lambda o: {})(inhoud.b))
                if response.status_code not in (404, 405) or schrijft:
                    fouten.append(f"{persona:18} {response.status_code} {schrijft}  POST {url}")
    assert not fouten, "\n".join(fouten)


def test_combined_open_koffie_is_edited_through_either_wijk(client_for, wijk_a, wijk_b):
    gecombineerd = OpenKoffieFactory(wijk=wijk_b, tweede_wijk=wijk_a)
    assert OpenKoffie.objects.voor_wijk(wijk_a).get() == gecombineerd
    url = reverse("openkoffie_beheer:bijeenkomst", args=[*WIJK_A.values(), gecombineerd.pk])
    assert client_for("coordinator_a").get(url).status_code == 200
    assert client_for("coordinator_b").get(url).status_code == 404


# --- the Django admin -------------------------------------------------------------------
#
# Every admin URL of every registered model (changelist, add, change, delete, history, and
# where the admin has them the old-version form and the password form), and the admin's
# own pages, against every persona plus a staff projectleider and a superuser.

ADMIN_PERSONEN = [*PERSONEN, "projectleider_staff", "superuser"]
STAFF = frozenset({"programmamanager", "projectleider_staff", "superuser"})

# Per registered model what each staff persona may: l(ist), v(iew), a(dd), c(hange),
# d(elete). The projectleider may view what the programmamanager may view. The wijkplan
# (with its acties and adoptions) is view-only for everyone: its versions are
# kept by the back office. Only a programmamanager decides on a begroting, so the queue
# is theirs and not the superuser's.
ADMIN_MODELLEN: dict[str, tuple[str, str]] = {
    # model: (programmamanager, superuser)
    "wijken.user": ("l", "lvacd"),
    "auth.group": ("", "lvacd"),
    "wijken.regio": ("lvac", "lvacd"),
    "wijken.wijk": ("lvac", "lvacd"),
    "wijken.huis": ("lvac", "lvacd"),
    "doeboekje.doeboekjeitem": ("lv", "lvacd"),
    "wijken.wijkverbinder": ("lvc", "lvacd"),
    "wijken.vrijwilliger": ("lv", "lvacd"),
    "wijkplan.wijkplan": ("lv", "lv"),
    "wijkplan.actie": ("lv", "lv"),
    "wijkplan.vaststelling": ("lv", "lv"),
    "initiatieven.initiatief": ("lvc", "lvacd"),
    "initiatieven.begroting": ("lv", "lvcd"),
    "initiatieven.begrotingtergoedkeuring": ("lv", ""),
    "initiatieven.evaluatie": ("lvc", "lvcd"),
    "initiatieven.idee": ("lvc", "lvcd"),
    "openkoffie.openkoffie": ("lvc", "lvacd"),
    "openkoffie.bespreekpunt": ("lvc", "lvacd"),
    "openkoffie.wijkverbinderoverleg": ("lvc", "lvacd"),
    # Login throttling and the task queue: for a superuser only.
    "axes.accessattempt": ("", "lvcd"),
    "axes.accesslog": ("", "lvcd"),
    "axes.accessfailurelog": ("", "lvcd"),
    "django_tasks_database.dbtaskresult": ("", "lv"),
}

# The view of each admin URL and the right it needs.
ADMIN_VIEWS = {
    "changelist": "l",
    "add": "a",
    "change": "v",
    "delete": "d",
    "history": "v",
    "simple_history": "v",  # an old version (simple_history); shown, never saved here
    "password_change": "c",  # the password form of a user
}


# The approval queue is the programmamanager's alone.
ALLEEN_PROGRAMMAMANAGER = {"initiatieven.begrotingtergoedkeuring"}


def admin_rechten(persona: str, model: str) -> str:
    pm, su = ADMIN_MODELLEN[model]
    if persona == "programmamanager":
        return pm
    if persona == "projectleider_staff" and model not in ALLEEN_PROGRAMMAMANAGER:
        return "".join(r for r in pm if r in "lv")
    return su if persona == "superuser" else ""


def admin_model_urls(model_admin) -> dict[str, str]:
    """URL name -> view of each admin URL of one registered model."""
    opts = model_admin.model._meta
    namen = {name for name, _route, _c in url_patterns() if name.startswith("admin:")}
    urls = {
        f"admin:{opts.app_label}_{opts.model_name}_{view}": view
        for view in ADMIN_VIEWS
        if f"admin:{opts.app_label}_{opts.model_name}_{view}" in namen
    }
    if opts.label_lower == settings.AUTH_USER_MODEL.lower():
        urls["admin:auth_user_password_change"] = "password_change"  # Django's fixed name
    return urls


@pytest.fixture
def projectleider_staff(db):
    return UserFactory(username="projectleider-staff", rol=roles.PROJECTLEIDER, is_staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(username="superuser", is_staff=True, is_superuser=True)


def admin_objecten(inhoud) -> dict[str, object]:
    """One object of wijk A (or of the site) per registered model."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from initiatieven.models import BegrotingTerGoedkeuring
    from wijken.wijkplan.models import Vaststelling

    a = inhoud.a
    toegang = {"user_agent": "test", "ip_address": "127.0.0.1", "username": "x"}
    toegang |= {"http_accept": "*/*", "path_info": "/admin/login/"}
    return {
        "wijken.user": a.initiatief.coordinator,
        "auth.group": Group.objects.get(name=roles.COORDINATOR),
        "wijken.regio": a.wijk.regio,
        "wijken.wijk": a.wijk,
        "wijken.huis": a.huis,
        "doeboekje.doeboekjeitem": a.doe_boekje,
        "wijken.wijkverbinder": a.wijkverbinder,
        "wijken.vrijwilliger": a.vrijwilliger,
        "wijkplan.wijkplan": a.plan,
        "wijkplan.actie": a.actie,
        "wijkplan.vaststelling": Vaststelling.objects.create(
            wijkplan=a.plan, versie_id=a.versie, datum=timezone.localdate()
        ),
        "initiatieven.initiatief": a.initiatief,
        "initiatieven.begroting": a.initiatief.begroting,
        "initiatieven.begrotingtergoedkeuring": BegrotingTerGoedkeuring.objects.get(
            pk=a.ingediend.pk
        ),
        "initiatieven.evaluatie": a.evaluatie,
        "initiatieven.idee": a.idee,
        "openkoffie.openkoffie": a.open_koffie,
        "openkoffie.bespreekpunt": a.bespreekpunt,
        "openkoffie.wijkverbinderoverleg": a.overleg,
        "axes.accessattempt": AccessAttempt.objects.create(
            **toegang, get_data="", post_data="", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(**toegang),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**toegang),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="communitycare.tasks.x",
            backend_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback="",
        ),
    }


def admin_url(name: str, view: str, obj) -> str:
    if view in ("changelist", "add"):
        return reverse(name)
    if view == "simple_history":
        return reverse(name, args=[obj.pk, obj.history.order_by("history_id")[0].history_id])
    return reverse(name, args=[obj.pk])


def admin_tabel(inhoud, objecten=None) -> list[tuple[str, str, str, str]]:
    """(url name, url, model, view) of every admin URL of every registered model."""
    from django.contrib import admin

    objecten = objecten or admin_objecten(inhoud)
    rijen = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        for name, view in admin_model_urls(model_admin).items():
            rijen.append((name, admin_url(name, view, objecten[label]), label, view))
    return sorted(rijen)


def admin_clients(client_for) -> dict:
    return {persona: client_for(persona) for persona in ADMIN_PERSONEN}


def admin_verwacht(persona: str, model: str, view: str) -> int:
    if persona not in STAFF:
        return 302  # to the admin's login page
    return 200 if ADMIN_VIEWS[view] in admin_rechten(persona, model) else 403


def test_every_registered_model_is_in_the_admin_table():
    from django.contrib import admin

    geregistreerd = {model._meta.label_lower for model in admin.site._registry}
    assert geregistreerd == set(ADMIN_MODELLEN)
    # And the admin has no URL of its own that the site table below does not know.
    eigen = {
        name
        for name, route, _c in url_patterns()
        if route.startswith("admin/") and name != "admin:None"
    }
    per_model = {
        name
        for model_admin in admin.site._registry.values()
        for name in admin_model_urls(model_admin)
    }
    assert eigen - per_model == set(ADMIN_SITE), "admin URLs without a row"
    assert set(ADMIN_APPS) == {model._meta.app_label for model in admin.site._registry}


def test_every_admin_url_by_every_persona(
    client_for, inhoud, wijkverbinder_doeboekje, projectleider_staff, superuser
):
    clients = admin_clients(client_for)
    fouten = []
    for _name, url, model, view in admin_tabel(inhoud):
        for persona, client in clients.items():
            response = client.get(url)
            verwacht = admin_verwacht(persona, model, view)
            if response.status_code != verwacht:
                fouten.append(f"{persona:24} {response.status_code} != {verwacht}  GET {url}")
            elif verwacht == 302 and not response["Location"].startswith(ADMIN_LOGIN):
                fouten.append(f"{persona:24} redirects to {response['Location']}: {url}")
    assert not fouten, "\n".join(fouten)


# What each may write through the admin: not tried here (test_security_admin does).
MAG_SCHRIJVEN = {
    "add": "a",
    "change": "c",
    "delete": "d",
    "password_change": "c",
    "changelist": "d",
}


def admin_post_verwacht(persona: str, model: str, view: str) -> int | None:
    """The status of a POST by someone who may not write there; None: they may."""
    if persona not in STAFF:
        return 302  # to the admin's login page
    rechten = admin_rechten(persona, model)
    if view in MAG_SCHRIJVEN and MAG_SCHRIJVEN[view] in rechten:
        return None
    if view == "changelist" and "l" in rechten:
        return 200  # the delete action is not theirs: the list again, nothing deleted
    if view == "history" and "v" in rechten:
        return 200  # the history page again, nothing saved
    return 403


def admin_post_data(client, url: str, view: str, obj_pk) -> dict:
    """What the form at `url` would send (read as a superuser), so a POST would be real."""
    from tests.admin_forms import form_data

    if view == "changelist":
        return {"action": "delete_selected", "_selected_action": [obj_pk], "post": "yes"}
    if view == "delete":
        return {"post": "yes"}
    if view == "password_change":
        wachtwoord = "Een heel nieuw wachtwoord 1"
        return {"password1": wachtwoord, "password2": wachtwoord, "usable_password": "true"}
    response = client.get(url)
    return form_data(response.content.decode()) if response.status_code == 200 else {}


def test_admin_posts_by_those_not_allowed_write_nothing(
    client_for, inhoud, wijkverbinder_doeboekje, projectleider_staff, superuser
):
    """Each admin URL gets a real form POST from everyone whose right it is not: the
    admin's login page (not staff), 403 or the page again, and not one write, not even a
    log entry. The old-version form of the wijkplan's history is refused to everyone."""
    clients = admin_clients(client_for)
    objecten = admin_objecten(inhoud)
    voor = stand()
    fouten = []
    for _name, url, model, view in admin_tabel(inhoud, objecten):
        data = admin_post_data(clients["superuser"], url, view, objecten[model].pk)
        for persona, client in clients.items():
            verwacht = admin_post_verwacht(persona, model, view)
            if verwacht is None:
                continue
            response, schrijft = post(client, url, data)
            goed = response.status_code == verwacht
            if verwacht == 302 and persona not in STAFF:
                goed = goed and response["Location"].startswith(ADMIN_LOGIN)
            if view == "changelist" and verwacht == 200 and response.status_code == 302:
                goed = response["Location"].startswith(url)  # an admin with actions of its own
            if not goed or schrijft:
                fouten.append(f"{persona:24} {response.status_code} {schrijft}  POST {url}")
    assert not fouten, "\n".join(fouten)
    assert not verschil(voor, stand())


# The admin's own pages: the status of a GET for those not staff, and for each staff persona.
ADMIN_SITE: dict[str, tuple[int, int, int, int]] = {
    # name: (not staff, programmamanager, projectleider_staff, superuser)
    "admin:index": (302, 200, 200, 200),
    "admin:login": (200, 302, 302, 302),
    "admin:logout": (302, 405, 405, 405),  # POST only
    "admin:password_change": (302, 200, 200, 200),  # one's own password, the old one first
    "admin:password_change_done": (302, 200, 200, 200),
    "admin:autocomplete": (302, 403, 403, 403),  # without a field to complete
    "admin:jsi18n": (302, 200, 200, 200),
    "admin:view_on_site": (302, 302, 302, 302),  # staff: on to the public page
    "admin:app_list": (302, 200, 200, 200),  # see ADMIN_APPS
}
# The app pages: an app with nothing for this persona does not exist for them.
ADMIN_APPS = {
    "wijken": (302, 200, 200, 200),
    "doeboekje": (302, 200, 200, 200),
    "wijkplan": (302, 200, 200, 200),
    "initiatieven": (302, 200, 200, 200),
    "openkoffie": (302, 200, 200, 200),
    "auth": (302, 404, 404, 200),
    "axes": (302, 404, 404, 200),
    "django_tasks_database": (302, 404, 404, 200),
}


def site_verwacht(statussen: tuple[int, int, int, int], persona: str) -> int:
    staff = ["programmamanager", "projectleider_staff", "superuser"]
    if persona == "anonymous" and statussen[0] == 200:
        return 200
    return statussen[staff.index(persona) + 1] if persona in staff else statussen[0]


def test_the_admin_pages_by_every_persona(
    client_for, inhoud, wijkverbinder_doeboekje, projectleider_staff, superuser
):
    from django.contrib.contenttypes.models import ContentType

    initiatief = inhoud.a.initiatief
    ct = ContentType.objects.get_for_model(initiatief)
    urls = {
        name: reverse(name, args=[ct.pk, initiatief.pk] if name == "admin:view_on_site" else [])
        for name in ADMIN_SITE
        if name != "admin:app_list"
    }
    rijen = [(url, ADMIN_SITE[name]) for name, url in urls.items()]
    rijen += [(f"/admin/{app}/", statussen) for app, statussen in ADMIN_APPS.items()]
    rijen.append(("/admin/bestaat/niet/", (302, 404, 404, 404)))  # the catch-all
    fouten = []
    for persona, client in admin_clients(client_for).items():
        for url, statussen in rijen:
            verwacht = site_verwacht(statussen, persona)
            if (status := client.get(url).status_code) != verwacht:
                fouten.append(f"{persona:24} {status} != {verwacht}  GET {url}")
    assert not fouten, "\n".join(fouten)
