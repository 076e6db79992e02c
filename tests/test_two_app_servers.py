"""Two app servers on one PostgreSQL behave as one portal.

Each server is a real gunicorn with the production settings (tests/appserver.py); the
test process writes fixtures and reads results straight from the same database.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from django.db import connection

from initiatieven.models import Begroting, Begrotingsregel, Initiatief
from openkoffie.models import Bespreekpunt
from tests.appserver import (
    Browser,
    app_servers,
    collectstatic,
    database_url,
    give_password,
    production_env,
)
from tests.factories import RegioFactory, UserFactory, WijkFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.base import roles
from wijken.wijkplan.models import Actie, Wijkplan

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="app servers share a PostgreSQL database"
)

PASSWORD = "twee-servers-geheim"
CONFLICT = "iemand anders heeft deze tekst opgeslagen"
ADRES_BUDGET = 4


@pytest.fixture
def servers(transactional_db):
    """Two servers, each one worker with four threads: concurrency at a single boot each."""
    env = production_env(database_url(connection.settings_dict))
    # A small budget per address, so test (d) meets it with a few browsers.
    env["DJANGO_RATELIMIT_PER_ADRES"] = f"{ADRES_BUDGET}/3600"
    collectstatic(env)
    with app_servers(env, count=2, workers=1, threads=4) as both:
        yield both


@pytest.fixture
def wijk(transactional_db):
    regio = RegioFactory(naam="Heuvelland", slug="heuvelland")
    return WijkFactory(regio=regio, naam="Oosterbeemd", slug="oosterbeemd")


def make_coordinator(wijk, username: str):
    user = UserFactory(username=username, rol=roles.COORDINATOR)
    give_password(user, PASSWORD)
    wijk.coordinatoren.add(user)
    return user


@pytest.fixture
def coordinator(wijk):
    return make_coordinator(wijk, "coordinator")


def logged_in(server, user) -> Browser:
    browser = Browser(server.url)
    browser.login(user.username, PASSWORD)
    return browser


def bespreekpunt(tekst: str) -> dict:
    return {"tekst": tekst, "naam": "", "contact": "", "website": ""}


def regel(omschrijving: str) -> dict:
    velden = {"categorie": "eten_drinken", "bedrag": "12,50", "betaler": "", "looptijd": ""}
    return {**velden, "omschrijving": omschrijving}


def actie(omschrijving: str) -> dict:
    velden = {"actie-wie": "Sandra", "actie-voor_wanneer": "", "actie-token": uuid.uuid4()}
    return {**velden, "actie-omschrijving": omschrijving}


def in_parallel(tasks) -> list:
    """Runs the callables at once, a thread each lined up on a barrier; their results."""
    barrier = threading.Barrier(len(tasks))

    def run(task):
        barrier.wait(timeout=30)
        return task()

    with ThreadPoolExecutor(len(tasks)) as pool:
        return list(pool.map(run, tasks))


# --- (a) an edit is public at once, whichever server serves the page ------------


def test_an_edit_through_one_server_is_public_at_once_on_the_other(servers, wijk, coordinator):
    one, two = servers
    initiatief = klaar_voor_actief(wijk, coordinator)
    open_koffie = OpenKoffieFactory(wijk=wijk)
    editor = logged_in(one, coordinator)
    readers = [Browser(two.url), Browser(one.url)]
    w = "/heuvelland/oosterbeemd/"
    koffie = f"{w}open-koffie/{open_koffie.pk}/"

    def edit_shows(paths: list[str], new: str, edit) -> None:
        for reader in readers:  # served, and perhaps cached, before the edit
            for path in paths * 2:
                page = reader.get(path)
                assert page.status == 200, path
                assert new not in page.text, path
        response = edit()
        assert response.status == 302, response.text[:2000]
        for reader in readers:
            for path in paths:
                assert new in reader.get(path).text, f"{path} on {reader.base_url} is stale"

    def wijkgegevens(naam: str, introductie: str):
        velden = {"contact_voor_vragen": "", "wie_leeft_hier": "", "behoeften": "", "cbs_code": ""}
        return editor.post(f"/beheer{w}", {**velden, "naam": naam, "introductie": introductie})

    edit_shows(
        [
            "/",
            "/heuvelland/",
            w,
            f"{w}wijkplan/",
            f"{w}initiatieven/",
            "/open-koffie/",
            "/api/wijken/",
        ],
        "Westerbeemd",
        lambda: wijkgegevens("Westerbeemd", "Een groene wijk."),
    )
    edit_shows(
        [w, "/heuvelland/"],
        "Een wijk vol moestuinen.",
        lambda: wijkgegevens("Westerbeemd", "Een wijk vol moestuinen."),
    )
    edit_shows(
        [f"{w}wijkplan/"],
        "Elke dinsdag soep in het huis.",
        lambda: editor.post(
            f"/beheer{w}wijkplan/delen/doel_huis/",
            {"doel_huis": "Elke dinsdag soep in het huis.", "versie": 0},
        ),
    )
    edit_shows(
        [f"{w}wijkplan/"],
        "Buurtbus regelen",
        lambda: editor.post(f"/beheer{w}wijkplan/acties/nieuw/", actie("Buurtbus regelen")),
    )
    # A confirmed change to an approved begroting: the public page keeps the approved
    # version and says a change waits.
    edit_shows(
        [f"{w}initiatieven/{initiatief.slug}/"],
        "hier staat de goedgekeurde versie",
        lambda: editor.post(
            f"/beheer{w}initiatieven/{initiatief.slug}/begroting/regels/nieuw/",
            regel("Extra koffie") | {"bevestigd": "ja"},
        ),
    )
    # A resident's point, brought in on one server, accepted by the coördinator on the other.
    inwoner = Browser(two.url, address="198.51.100.7")
    assert inwoner.post(koffie, bespreekpunt("Een bankje bij de bushalte")).status == 302
    punt = Bespreekpunt.objects.get()
    edit_shows(
        [koffie, f"{w}open-koffie/"],
        "Een bankje bij de bushalte",
        lambda: editor.post(
            f"/beheer{koffie}bespreekpunten/{punt.pk}/status/", {"status": "geaccepteerd"}
        ),
    )


# --- (b) sessions live in the database ------------------------------------------


def test_a_session_from_one_server_works_on_the_other(servers, wijk, coordinator):
    one, two = servers
    op_een = logged_in(one, coordinator)
    op_twee = op_een.on(two.url)
    dashboard = op_twee.get("/beheer/")
    assert dashboard.status == 200
    assert "Oosterbeemd" in dashboard.text
    assert Browser(two.url).get("/beheer/").status == 302  # without the session: log in first

    assert op_twee.post("/beheer/uitloggen/", {}).status == 302
    assert op_een.get("/beheer/").status == 302  # logged out everywhere


# --- (c) concurrent edits through both servers lose nothing ----------------------


def test_concurrent_additions_through_both_servers_all_land(servers, wijk, coordinator):
    initiatief = InitiatiefFactory(wijk=wijk, naam="Samen eten", slug="samen-eten")
    begroting = Begroting.objects.create(initiatief=initiatief)
    open_koffie = OpenKoffieFactory(wijk=wijk)
    session = logged_in(servers[0], coordinator).cookies
    w = "/heuvelland/oosterbeemd/"
    paths = {
        "regel": f"/beheer{w}initiatieven/samen-eten/begroting/regels/nieuw/",
        "actie": f"/beheer{w}wijkplan/acties/nieuw/",
        "bespreekpunt": f"{w}open-koffie/{open_koffie.pk}/",
    }
    forms = {"regel": regel, "actie": actie, "bespreekpunt": bespreekpunt}
    n = 20

    def task(kind: str, i: int):
        server = servers[i % 2]
        if kind == "bespreekpunt":  # a different resident each time: no rate limit
            browser = Browser(server.url, address=f"10.0.0.{i}")
        else:
            browser = Browser(server.url, cookies=session)
        tekst = f"{kind} {i} via {server.port}"
        return kind, tekst, browser.post(paths[kind], forms[kind](tekst)).status

    results = in_parallel([partial(task, kind, i) for i in range(n) for kind in forms])

    assert [status for *_, status in results] == [302] * len(results)
    gezet = {
        "regel": set(Begrotingsregel.objects.values_list("omschrijving", flat=True)),
        "actie": set(Actie.objects.values_list("omschrijving", flat=True)),
        "bespreekpunt": set(Bespreekpunt.objects.values_list("tekst", flat=True)),
    }
    for kind, tekst, _ in results:
        assert tekst in gezet[kind], f"acknowledged but lost: {tekst}"
    assert {kind: len(teksten) for kind, teksten in gezet.items()} == dict.fromkeys(forms, n)
    # Every line raised the begroting's version once; the acties have one place each.
    begroting.refresh_from_db()
    assert begroting.versie == 1 + n
    assert sorted(Actie.objects.values_list("volgorde", flat=True)) == list(range(1, n + 1))


def test_conflicting_section_edits_through_both_servers_never_overwrite(servers, wijk, coordinator):
    collega = make_coordinator(wijk, "collega")
    editors = [logged_in(servers[0], coordinator), logged_in(servers[1], collega)]
    path = "/beheer/heuvelland/oosterbeemd/wijkplan/delen/doel_overig/"

    for ronde in range(5):
        plan = Wijkplan.objects.filter(wijk=wijk).first()
        versie = plan.versie("doel_overig") if plan else 0
        teksten = [f"Ronde {ronde}: de tekst van redacteur {i}" for i in range(2)]
        responses = in_parallel(
            [
                partial(editor.post, path, {"doel_overig": tekst, "versie": versie})
                for editor, tekst in zip(editors, teksten, strict=True)
            ]
        )

        statuses = [response.status for response in responses]
        assert sorted(statuses) == [200, 302], statuses
        winnaar, verliezer = (0, 1) if statuses[0] == 302 else (1, 0)
        assert CONFLICT in responses[verliezer].text
        # The loser's text is kept in the form and shown beside the winner's.
        assert teksten[verliezer] in responses[verliezer].text
        assert teksten[winnaar] in responses[verliezer].text
        plan = Wijkplan.objects.get(wijk=wijk)
        assert plan.doel_overig == teksten[winnaar]
        assert plan.versie("doel_overig") == versie + 1
    assert Wijkplan.history.filter(wijk_id=wijk.pk).count() == 5


# --- (d) the rate limits for bespreekpunten count across both servers -----------


def test_the_bespreekpunt_rate_limits_are_shared(servers, wijk):
    one, two = servers
    path = f"/heuvelland/oosterbeemd/open-koffie/{OpenKoffieFactory(wijk=wijk).pk}/"

    # One browser: its second point at once is refused, whichever server answers.
    truus = Browser(one.url, address="192.0.2.1")
    assert truus.post(path, bespreekpunt("Eerste punt")).status == 302
    assert truus.on(two.url).post(path, bespreekpunt("Nog een punt")).status == 429
    assert Browser(two.url, address="192.0.2.2").post(path, bespreekpunt("Buurvrouw")).status == 302

    # Ten browsers at once behind one address, alternating servers: exactly the
    # address's budget gets through.
    def insturen(server, i: int) -> int:
        return Browser(server.url, address="192.0.2.3").post(path, bespreekpunt(f"{i}")).status

    statuses = in_parallel([partial(insturen, (one, two)[i % 2], i) for i in range(10)])
    assert sorted(statuses) == [302] * ADRES_BUDGET + [429] * (10 - ADRES_BUDGET)
    assert Bespreekpunt.objects.count() == 2 + ADRES_BUDGET


# --- double submits through both servers at once --------------------------------


def test_a_double_submit_through_both_servers_is_never_a_server_error(servers, wijk, coordinator):
    session = logged_in(servers[0], coordinator).cookies
    browsers = [Browser(server.url, cookies=session) for server in servers]
    initiatief = InitiatiefFactory(wijk=wijk, naam="Samen eten", slug="samen-eten")
    beheer = "/beheer/heuvelland/oosterbeemd/initiatieven/"

    # The same new initiative twice at once: one is made, the other hears the name is taken.
    for i in range(10):
        data = {"naam": f"Wandelclub {i}", "thema": "samen_op_stap"}
        responses = in_parallel([partial(b.post, beheer + "nieuw/", data) for b in browsers])
        assert sorted(r.status for r in responses) == [200, 302]
        assert "al een initiatief met deze naam" in min(responses, key=lambda r: r.status).text
    assert Initiatief.objects.filter(naam__startswith="Wandelclub").count() == 10
    assert Begroting.objects.filter(initiatief__naam__startswith="Wandelclub").count() == 10

    # The same start step twice at once: done once, with one of the two answers.
    for ronde in range(3):
        path = f"{beheer}samen-eten/stappen/4/"
        responses = in_parallel(
            [
                partial(b.post, path, {"stap4-antwoord": f"Borgen {ronde}.{i}"})
                for i, b in enumerate(browsers)
            ]
        )
        assert [r.status for r in responses] == [302, 302]
        stap = initiatief.startstappen.get(nummer=4)
        assert stap.antwoord in {f"Borgen {ronde}.0", f"Borgen {ronde}.1"}

    # The same description twice at once: saved once, its indicatoren once each.
    for indicator in ["eenzaamheid", "zelfredzaamheid", "sociale_participatie"]:
        data = {
            "naam": "Samen eten",
            "thema": "anders",
            "indicatoren": [indicator, "samenredzaamheid"],
        }
        path = f"{beheer}samen-eten/beschrijving/"
        responses = in_parallel([partial(b.post, path, data) for b in browsers])
        assert [r.status for r in responses] == [302, 302]
        assert sorted(initiatief.indicator_waarden) == sorted([indicator, "samenredzaamheid"])
