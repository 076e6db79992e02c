"""Mixed load: residents reading and coördinatoren editing at once; no write may be lost.

    scripts/with-postgres .venv/bin/python benchmarks/mixed_load.py [--seconds 300]
    DATABASE_URL=postgresql://… .venv/bin/python benchmarks/mixed_load.py --url http://…

Without --url it migrates the database in DATABASE_URL and starts its own gunicorn
server(s) with the production settings on loopback (tests/appserver.py); with --url it
loads a server already running on that database. An empty database gets a small data set
of its own (regio "mixload": a few wijken, each with a coördinator, an initiative and an
Open Koffie); the coördinatoren get a fresh random password every run.

Readers GET the public pages; editors log in and POST begrotingsregels, wijkplan acties
and bespreekpunten (each bespreekpunt from its own address, as X-Forwarded-For). Every
acknowledged write (a redirect) is checked in the database at the end. Prints requests,
counts per kind and status, p50/p95 latency; exits 1 on any 5xx, connection error,
unexpected status or missing write.
"""

import argparse
import http.client
import itertools
import os
import random
import secrets
import statistics
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.appserver import Browser, app_servers, collectstatic, production_env  # noqa: E402

REGIO = "mixload"
WIJKEN = 4


def seed(password: str) -> list[dict]:
    """The mixload wijken (made when the database is empty), their editors' password set."""
    import datetime

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from initiatieven.models import Begroting, Initiatief, Status
    from openkoffie.models import OpenKoffie
    from wijken.base import roles
    from wijken.base.models import Regio, User, Wijk
    from wijken.doeboekje.models import DoeBoekjeItem

    with transaction.atomic():
        if not Regio.objects.filter(slug=REGIO).exists():
            if Wijk.objects.exists():
                raise SystemExit("The database holds other data: give mixed_load an empty one.")
            regio = Regio.objects.create(naam="Mixload", slug=REGIO)
            for i in range(WIJKEN):
                wijk = Wijk.objects.create(
                    regio=regio, naam=f"Wijk {i}", slug=f"wijk-{i}", introductie="Een wijk."
                )
                user = User.objects.create(username=f"mixload-{i}", first_name=f"Coördinator {i}")
                user.groups.add(Group.objects.get(name=roles.COORDINATOR))
                wijk.coordinatoren.add(user)
                initiatief = Initiatief.objects.create(
                    wijk=wijk, naam="Samen koken", slug="samen-koken", status=Status.ONTWIKKELING
                )
                Begroting.objects.create(initiatief=initiatief)
                DoeBoekjeItem.objects.create(wijk=wijk, naam="Koffie-ochtend", wanneer="dinsdag")
        User.objects.filter(username__startswith="mixload-").update(
            password=make_password(password)
        )
        wijken = []
        for wijk in Wijk.objects.filter(regio__slug=REGIO).order_by("slug"):
            komend = OpenKoffie.objects.filter(wijk=wijk, begin__gt=timezone.now()).first()
            if komend is None:
                komend = OpenKoffie.objects.create(
                    wijk=wijk,
                    begin=timezone.now() + datetime.timedelta(days=60),
                    adres="Buurthuis",
                )
            path = f"/{REGIO}/{wijk.slug}/"
            wijken.append(
                {
                    "path": path,
                    "editor": wijk.coordinatoren.get().username,
                    "open_koffie": f"{path}open-koffie/{komend.pk}/",
                }
            )
        return wijken


def reads(wijk: dict) -> dict[str, str]:
    w = wijk["path"]
    return {
        "home": "/",
        "regio": f"/{REGIO}/",
        "wijk": w,
        "wijkplan": f"{w}wijkplan/",
        "initiatieven": f"{w}initiatieven/",
        "initiatief": f"{w}initiatieven/samen-koken/",
        "alle initiatieven": "/initiatieven/?q=koken",
        "open koffie": "/open-koffie/",
        "open koffie wijk": f"{w}open-koffie/",
        "bijeenkomst": wijk["open_koffie"],
        "doe-boekje": "/doe-boekje/?zoek=koffie",
        "doe-boekje wijk": f"{w}doe-boekje/?zoek=koffie&dag=dinsdag",
    }


class Load:
    """The client threads and their record of every request and acknowledged write."""

    def __init__(self, urls: list[str], wijken: list[dict], password: str):
        self.urls, self.wijken, self.password = urls, wijken, password
        self.until = 0.0
        self.lock = threading.Lock()
        self.numbers = itertools.count(1)
        self.results: list[tuple[str, str, float]] = []  # kind, status, seconds
        self.acknowledged: dict[str, set[str]] = defaultdict(set)
        self.failures: list[str] = []

    def request(self, browser: Browser, kind: str, path: str, data=None, expect=(200,)):
        """GET (or POST `data`); records it; the response if its status was expected."""
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": browser.cookies.get("csrftoken", "")}
        start = time.monotonic()
        try:
            response = browser.request("GET" if data is None else "POST", path, data)
            status = str(response.status)
        except (OSError, http.client.HTTPException) as error:
            response, status = None, type(error).__name__
        with self.lock:
            self.results.append((kind, status, time.monotonic() - start))
            if response is None or response.status not in expect:
                self.failures.append(f"{kind} {path}: {status}")
                return None
        return response

    def reader(self, n: int) -> None:
        browser = Browser(self.urls[n % len(self.urls)])
        while time.monotonic() < self.until:
            kind, path = random.choice(list(reads(random.choice(self.wijken)).items()))
            self.request(browser, kind, path)

    def login(self, n: int) -> Browser:
        editor = Browser(self.urls[n % len(self.urls)])
        editor.login(self.wijken[n % len(self.wijken)]["editor"], self.password)
        return editor

    def editor(self, n: int, editor: Browser) -> None:
        url = editor.base_url
        wijk = self.wijken[n % len(self.wijken)]
        beheer = "/beheer" + wijk["path"]
        while time.monotonic() < self.until:
            kind = random.choice(["begrotingsregel", "actie", "bespreekpunt"])
            number = next(self.numbers)
            tekst = f"Mixload {kind} {number}"
            browser, expect = editor, (302,)
            if kind == "begrotingsregel":
                path = f"{beheer}initiatieven/samen-koken/begroting/regels/nieuw/"
                data = {"categorie": "overig", "omschrijving": tekst, "bedrag": "12,50"}
            elif kind == "actie":
                path = f"{beheer}wijkplan/acties/nieuw/"
                data = {"actie-omschrijving": tekst, "actie-token": uuid.uuid4()}
            else:  # a resident reads the meeting and brings in a point, from an address of its own
                address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
                browser, path = Browser(url, address=address), wijk["open_koffie"]
                self.request(browser, "bijeenkomst", path)
                data = {"tekst": tekst}
                expect = (302, 429)  # 429: a server without a trusted proxy sees one address
            response = self.request(browser, kind, path, data, expect)
            if response and response.status == 302:
                with self.lock:
                    self.acknowledged[kind].add(tekst)
                # Post, redirect, get: the editor sees the result (and its message).
                self.request(browser, "na opslaan", response.location)

    def run(self, seconds: float, readers: int, editors: int) -> float:
        """Logs the editors in, then loads for `seconds`; returns the seconds it took."""
        with ThreadPoolExecutor(editors) as pool:
            logged_in = list(pool.map(self.login, range(editors)))
        threads = [threading.Thread(target=self.reader, args=(n,)) for n in range(readers)]
        threads += [
            threading.Thread(target=self.editor, args=(n, editor))
            for n, editor in enumerate(logged_in)
        ]
        start = time.monotonic()
        self.until = start + seconds
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - start

    def lost(self) -> list[str]:
        """Acknowledged writes that are not in the database."""
        from initiatieven.models import Begrotingsregel
        from openkoffie.models import Bespreekpunt
        from wijken.wijkplan.models import Actie

        mixload = {"omschrijving__startswith": "Mixload"}
        saved = {
            "begrotingsregel": Begrotingsregel.objects.filter(**mixload).values_list(
                "omschrijving"
            ),
            "actie": Actie.objects.filter(**mixload).values_list("omschrijving"),
            "bespreekpunt": Bespreekpunt.objects.filter(tekst__startswith="Mixload").values_list(
                "tekst"
            ),
        }
        return sorted(
            tekst
            for kind, teksten in self.acknowledged.items()
            for tekst in teksten - {row[0] for row in saved[kind]}
        )

    def summary(self, seconds: float) -> None:
        count = len(self.results)
        print(f"\n{count} requests in {seconds:.0f} s ({count / seconds:.0f} per second)")
        print(f"{'kind':<20}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}")
        per_kind = defaultdict(list)
        for kind, _, duration in self.results:
            per_kind[kind].append(duration * 1000)
        per_kind_rows = sorted(per_kind.items()) + [("all", sum(per_kind.values(), []))]
        for kind, durations in per_kind_rows:
            p50, p95 = percentile(durations, 50), percentile(durations, 95)
            print(f"{kind:<20}{len(durations):>8}{p50:>10.0f}{p95:>10.0f}")
        print("statuses:", dict(sorted(Counter(status for _, status, _ in self.results).items())))
        print("acknowledged writes:", {k: len(v) for k, v in sorted(self.acknowledged.items())})


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--connections", type=int, default=32, help="client threads")
    parser.add_argument("--editors", type=int, default=8, help="of the connections")
    parser.add_argument("--url", help="a server already running on DATABASE_URL")
    parser.add_argument("--servers", type=int, default=1, help="app servers to start")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (scripts/with-postgres does).")

    env = production_env(os.environ["DATABASE_URL"])
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    if not args.url:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable")
        collectstatic(env)
    password = secrets.token_urlsafe(16)
    wijken = seed(password)

    def load(urls: list[str]) -> Load:
        load = Load(urls, wijken, password)
        seconds = load.run(args.seconds, args.connections - args.editors, args.editors)
        load.summary(seconds)
        return load

    if args.url:
        result = load([args.url.rstrip("/")])
    else:
        options = {"count": args.servers, "workers": args.workers, "threads": args.threads}
        with app_servers(env, **options) as servers:
            result = load([server.url for server in servers])

    lost = result.lost()
    for problem, items in [
        ("acknowledged writes lost", lost),
        ("failed requests", result.failures),
    ]:
        if items:
            print(f"FAILED: {len(items)} {problem}, e.g. {items[:5]}", file=sys.stderr)
    return 1 if lost or result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
