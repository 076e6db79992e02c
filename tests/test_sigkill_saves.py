"""A worker killed with SIGKILL in the middle of saves leaves nothing half-written.

One gunicorn (production settings, two sync workers, preloaded so that a replacement is
up at once) takes a storm of back-office saves while a killer thread SIGKILLs its workers
again and again; gunicorn starts new ones.
Afterwards the database must hold only whole saves: every write of one request is there,
or none of it is.
"""

import http.client
import random
import threading
import time
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection, connections

from initiatieven.models import (
    Begroting,
    Begrotingsregel,
    Besteding,
    Categorie,
    Evaluatie,
    Initiatief,
)
from tests.appserver import (
    Browser,
    app_servers,
    collectstatic,
    database_url,
    give_password,
    production_env,
)
from tests.factories import RegioFactory, UserFactory, WijkFactory
from tests.factories_initiatieven import InitiatiefFactory
from wijken.base import roles

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the app server needs a shared PostgreSQL"
)

STORM_SECONDS = 20
CLIENTS = 4
BEHEER = "/beheer/heuvelland/oosterbeemd/initiatieven/"
# The begroting every evaluation starts from: one line per category, known totals.
BEGROOT = {categorie: Decimal(100 * (i + 1)) for i, categorie in enumerate(Categorie.values)}


class Storm:
    """The clients' shared record of what they sent and what the server acknowledged."""

    def __init__(self, server, session: dict):
        self.server, self.session = server, session
        self.lock = threading.Lock()
        self.counter = 0
        self.slugs = ["regels-0", "regels-1"]  # initiatieven that take new begroting lines
        self.evaluaties: list[str] = []  # paths of evaluations started
        self.sent: dict[str, set] = defaultdict(set)
        self.acknowledged: dict[str, set] = defaultdict(set)
        self.cut = 0  # requests whose worker died under them
        self.unexpected: list[str] = []

    def next(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter

    def send(self, kind: str, key, path: str, data: dict) -> str | None:
        """POSTs; returns the redirect location when the save was acknowledged."""
        self.sent[kind].add(key)
        try:
            response = Browser(self.server.url, cookies=self.session).post(path, data)
        except (OSError, http.client.HTTPException):
            with self.lock:
                self.cut += 1
            return None
        if response.status != 302:
            self.unexpected.append(f"{kind} {key}: {response.status} {response.text[:500]}")
            return None
        self.acknowledged[kind].add(key)
        return response.location

    def nieuw_initiatief(self, n: int) -> None:
        naam = f"Storm {n}"
        if self.send("initiatief", naam, BEHEER + "nieuw/", {"naam": naam, "thema": "anders"}):
            self.slugs.append(f"storm-{n}")

    def regel(self, n: int) -> None:
        path = f"{BEHEER}{random.choice(self.slugs)}/begroting/regels/nieuw/"
        data = {"categorie": "overig", "omschrijving": f"Regel {n}", "bedrag": "10,00"}
        self.send("regel", f"Regel {n}", path, {**data, "betaler": "", "looptijd": ""})

    def stap3(self, n: int) -> None:
        slug = random.choice(self.slugs)
        data = {"stap3-antwoord": f"Nieuw in de wijk ({n})", "stap3-niet_aanwezig": "on"}
        self.send("stap3", slug, f"{BEHEER}{slug}/stappen/3/", data)

    def evaluatie_starten(self, n: int) -> None:
        path = f"{BEHEER}evalueren-{n % 2}/evaluaties/nieuw/"
        location = self.send("evaluatie", n, path, {"soort": "zes_maanden"})
        if location:
            self.evaluaties.append(location)

    def evaluatie_opslaan(self, n: int) -> None:
        """One request saves the evaluation and all its spending lines: ronde n everywhere."""
        if not self.evaluaties:
            return
        path = random.choice(self.evaluaties)
        pk = int(path.rstrip("/").rsplit("/", 1)[1])
        ids = list(Besteding.objects.filter(evaluatie=pk).values_list("pk", flat=True))
        data = {"ingevuld_door": "Storm", "datum": "2026-03-01", "voortgang": f"Ronde {n}"}
        data |= {"besteding-TOTAL_FORMS": len(ids), "besteding-INITIAL_FORMS": len(ids)}
        for i, besteding in enumerate(ids):
            data |= {f"besteding-{i}-id": besteding, f"besteding-{i}-besteed": f"{n},00"}
        self.send("opslaan", n, path, data)

    def client(self, until: float) -> None:
        acties = [self.nieuw_initiatief, self.regel, self.regel, self.stap3]
        acties += [self.evaluatie_starten, self.evaluatie_opslaan, self.evaluatie_opslaan]
        try:
            while time.monotonic() < until:
                random.choice(acties)(self.next())
        finally:
            connections.close_all()  # this thread's own, for evaluatie_opslaan


def killer(server, until: float) -> int:
    """SIGKILLs a worker that has had a moment to get going, several times a second."""
    first_seen: dict[int, float] = {}
    kills = 0
    while time.monotonic() < until:
        time.sleep(random.uniform(0.3, 0.8))
        now = time.monotonic()
        ready = [pid for pid in server.worker_pids() if now - first_seen.setdefault(pid, now) > 0.2]
        if ready:
            kills += server.kill(random.choice(ready))
    return kills


@pytest.fixture
def server(transactional_db):
    env = production_env(database_url(connection.settings_dict))
    collectstatic(env)
    with app_servers(env, workers=2, preload=True) as (one,):
        yield one


def test_killed_workers_leave_only_whole_saves(server):
    regio = RegioFactory(naam="Heuvelland", slug="heuvelland")
    wijk = WijkFactory(regio=regio, naam="Oosterbeemd", slug="oosterbeemd")
    coordinator = UserFactory(username="coordinator", rol=roles.COORDINATOR)
    give_password(coordinator, "storm-geheim")
    wijk.coordinatoren.add(coordinator)
    for slug in ["regels-0", "regels-1", "evalueren-0", "evalueren-1"]:
        begroting = Begroting.objects.create(initiatief=InitiatiefFactory(wijk=wijk, slug=slug))
        for categorie, bedrag in BEGROOT.items():
            begroting.regels.create(categorie=categorie, omschrijving="Vast", bedrag=bedrag)
        Begroting.objects.filter(pk=begroting.pk).update(versie=1 + len(BEGROOT))
    browser = Browser(server.url)
    browser.login("coordinator", "storm-geheim")

    storm = Storm(server, browser.cookies)
    until = time.monotonic() + STORM_SECONDS
    clients = [threading.Thread(target=storm.client, args=(until,)) for _ in range(CLIENTS)]
    for client in clients:
        client.start()
    kills = killer(server, until)
    for client in clients:
        client.join()
    server.wait_until_up()

    tally = {
        kind: f"{len(storm.acknowledged[kind])}/{len(sent)}" for kind, sent in storm.sent.items()
    }
    print(f"{kills} kills, {storm.cut} requests cut off, acknowledged/sent: {tally}")
    assert not storm.unexpected, storm.unexpected[:5]
    assert kills >= 10 and storm.cut >= 1, (kills, storm.cut)
    for kind in storm.sent:
        assert storm.acknowledged[kind], f"no {kind} got through the storm"

    # Every initiative has its begroting, created in the same request.
    storm_namen = set(
        Initiatief.objects.filter(slug__startswith="storm-").values_list("naam", flat=True)
    )
    assert storm.acknowledged["initiatief"] <= storm_namen <= storm.sent["initiatief"]
    assert not Initiatief.objects.filter(begroting=None).exists()
    # Every line raised its begroting's version in the same transaction.
    for begroting in Begroting.objects.prefetch_related("regels"):
        assert begroting.versie == 1 + len(begroting.regels.all()), begroting.initiatief.slug
    regels = set(
        Begrotingsregel.objects.exclude(omschrijving="Vast").values_list("omschrijving", flat=True)
    )
    assert storm.acknowledged["regel"] <= regels <= storm.sent["regel"]
    # Step 3 and what it records on the initiative go together.
    met_stap3 = set(
        Initiatief.objects.filter(startstappen__nummer=3).values_list("slug", flat=True)
    )
    assert met_stap3 == set(
        Initiatief.objects.filter(niet_aanwezig_in_wijk=True).values_list("slug", flat=True)
    )
    assert storm.acknowledged["stap3"] <= met_stap3 <= storm.sent["stap3"]
    # An evaluation starts with all its spending lines, and is saved whole.
    evaluaties = Evaluatie.objects.prefetch_related("bestedingen")
    assert len(storm.acknowledged["evaluatie"]) <= len(evaluaties) <= len(storm.sent["evaluatie"])
    opgeslagen = set()
    for evaluatie in evaluaties:
        bestedingen = evaluatie.bestedingen.all()
        assert len(bestedingen) == len(BEGROOT)
        assert {b.categorie: b.begroot for b in bestedingen} == BEGROOT
        besteed = {b.besteed for b in bestedingen}
        if evaluatie.voortgang:
            ronde = int(evaluatie.voortgang.removeprefix("Ronde "))
            assert besteed == {Decimal(ronde)}, (evaluatie.voortgang, besteed)
            opgeslagen.add(ronde)
        else:
            assert besteed == {None}
    assert opgeslagen <= storm.sent["opslaan"]
    assert opgeslagen or not storm.acknowledged["opslaan"]
