"""The benchmark under writes: residents read public pages of many wijken while
coördinatoren of other wijken save at a steady rate and log in (part of benchmarks/run.py).

Readers (`--connections`, in `--client-processes` processes so the client is not held by
one core's GIL) pick a page kind at random, then a wijk of the read sample: the home
page, the regio, the wijk page, the wijkplan, the initiatives, the Open Koffie agenda
and the doe-boekje of the wijk. Editors are the seeded coördinatoren of other wijken,
logged in through the real login form; at `--writes-per-second` they save, in turn, a
wijkplan section (the form is read first for its version), a wijkplan actie and a
doe-boekje entry through the back-office forms with their session and CSRF token; at
`--logins-per-second` a coördinator logs in afresh.

Every figure comes from the same client, the trivial view (`/healthz/`) included, so the
shares compare like with like. A render is counted from outside: a public page stored in
the page cache carries a strong ETag of that stored entry, so the first response with a
new (path, ETag) pair, or without an ETag, was rendered; later ones came from the cache.
(Two workers rendering the same page under the same version at once count as one.)
"""

import asyncio
import contextlib
import http.client
import itertools
import json
import multiprocessing
import random
import re
import statistics
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests import proxyserver
from tests.appserver import Browser, app_servers, manage

TRIVIAL = "/healthz/"
READ_KINDS = ("home", "regio", "wijk", "wijkplan", "initiatieven", "open koffie", "doe-boekje")
WRITE_KINDS = ("wijkplan-deel", "actie", "doe-boekje")
# What a browser sends; the portal gzips shared pages (and then their ETag ends in -gz).
ACCEPT = {"Accept-Encoding": "gzip"}

# Targets of issue 15, as the README's performance section states them.
WITH_WRITES_SHARE = 0.80  # reads while other wijken are edited, of reads without
MIX_SHARE = 0.70  # public pages under that mix, of the trivial view
NOT_MODIFIED_SHARE = 0.90  # conditional GETs answered 304, of the trivial view
UNCACHED_SHARE = 0.25  # the read mix with the page cache off, of the trivial view
P95_FACTOR = 2.0  # the mix's p95 against the trivial view's


# --- the data: which wijken are read, which edited --------------------------------------

PLAN_CODE = """
import json, random
from django.urls import reverse
from wijken.base.models import Wijk
wijken = list(
    Wijk.objects.filter(coordinatoren__isnull=False).order_by("pk")
    .values_list("regio__slug", "slug", "coordinatoren__username").distinct("pk")
)
random.Random(2026).shuffle(wijken)
read, write = wijken[:{read}], wijken[{read}:{read} + {write}]
def pages(r, w):
    return {{
        "home": reverse("wijken:home"),
        "regio": reverse("wijken:regio", args=[r]),
        "wijk": reverse("wijken:wijk", args=[r, w]),
        "wijkplan": reverse("wijkplan:publiek", args=[r, w]),
        "initiatieven": reverse("initiatieven:wijk", args=[r, w]),
        "open koffie": reverse("openkoffie:wijk", args=[r, w]),
        "doe-boekje": reverse("wijken:doeboekje", args=[r, w]),
    }}
print(json.dumps({{
    "reads": [pages(r, w) for r, w, _ in read],
    "editors": [
        {{
            "username": user,
            "wijkplan-deel": reverse("wijkplan:deel", args=[r, w, "wijkdata"]),
            "actie": reverse("wijkplan:actie_nieuw", args=[r, w]),
            "doe-boekje": reverse("beheer:doeboekje_nieuw", args=[r, w]),
        }}
        for r, w, user in write
    ],
    "login": reverse("beheer:login"),
}}))
"""


def plan(env: dict[str, str], read: int, write: int) -> dict:
    """The pages of `read` wijken and the editors of `write` other ones, both at random
    (the same every run) from the seeded wijken."""
    found = json.loads(
        manage(env, "shell", "--no-imports", "-c", PLAN_CODE.format(read=read, write=write))
    )
    if not found["reads"] or not found["editors"]:
        raise SystemExit("Too few seeded wijken for the run under writes: seed more.")
    paths = defaultdict(set)
    for pages in found["reads"]:
        for kind, path in pages.items():
            paths[kind].add(path)
    found["paths"] = {kind: sorted(paths[kind]) for kind in READ_KINDS}
    return found


# --- readers ------------------------------------------------------------------------------


class Closed(Exception):
    """The server closed the connection before it answered."""


async def _exchange(host: str, port: int, request: bytes, streams) -> tuple[int, dict, object]:
    """One request on a kept-alive connection (a new one if none or closed); returns the
    status, the headers we read (lower-case names) and the streams to use next."""
    if streams is None:
        streams = await asyncio.open_connection(host, port)
    reader, writer = streams
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    elif status not in (204, 304):
        await reader.read()  # to the end: the server closes
        headers["connection"] = "close"
    if headers.get("connection", "").lower() == "close":
        writer.close()
        streams = None
    return status, headers, streams


def _read(base_url, paths, start_at, seconds, readers, seed, etags) -> dict:
    """One client process: `readers` concurrent readers for `seconds` from `start_at`
    (wall clock, the same for every process). asyncio and a small parser rather than
    http.client in threads: on 2 cores the client must not be what limits the trivial
    view. With `etags` (path → ETag) a reader revalidates as a browser does, keeping the
    ETag of each page it got last. Returns the records (kind, path, status, ms, ETag,
    proxy cache status) and the seconds they took."""
    host, port = base_url.removeprefix("http://").split(":")
    records = []

    async def reader(n: int, deadline: float) -> None:
        rng = random.Random(seed * 1000 + n)
        known, streams = dict(etags or {}), None
        kinds = list(paths)
        while time.monotonic() < deadline:
            kind = rng.choice(kinds)
            path = rng.choice(paths[kind])
            request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n"
            if etags is not None and path in known:
                request += f"If-None-Match: {known[path]}\r\n"
            begin = time.perf_counter()
            try:
                status, headers, streams = await _exchange(
                    host, int(port), (request + "\r\n").encode(), streams
                )
                status, etag = str(status), headers.get("etag", "")
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                status, etag, headers, streams = type(error).__name__, "", {}, None
            ms = (time.perf_counter() - begin) * 1000
            records.append((kind, path, status, ms, etag, headers.get("x-cache-status", "")))
            if status == "200" and etag:
                known[path] = etag
        if streams:
            streams[1].close()

    async def main() -> float:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        begin = time.monotonic()
        await asyncio.gather(*(reader(n, begin + seconds) for n in range(readers)))
        return time.monotonic() - begin

    return {"records": records, "seconds": asyncio.run(main())}


def read_load(pool, processes, base_url, paths, seconds, connections, etags=None) -> list[dict]:
    """`connections` readers spread over the `processes` of `pool`, for `seconds`."""
    per_process = [
        connections // processes + (i < connections % processes) for i in range(processes)
    ]
    start_at = time.time() + 0.5  # every process has its job by then
    jobs = [
        pool.apply_async(_read, (base_url, paths, start_at, seconds, readers, seed, etags))
        for seed, readers in enumerate(per_process)
        if readers
    ]
    return [job.get(timeout=seconds + 120) for job in jobs]


def visit_all(base_url: str, paths: dict[str, list[str]], threads: int) -> dict[str, str]:
    """Every page once (fills the page cache); returns each page's ETag."""
    host, port = base_url.removeprefix("http://").split(":")

    def visit(path: str) -> tuple[str, str]:
        connection = http.client.HTTPConnection(host, int(port), timeout=120)
        try:
            connection.request("GET", path, headers=ACCEPT)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status} before the run")
        return path, response.headers.get("ETag", "")

    every = sorted({path for kind in paths.values() for path in kind})
    with ThreadPoolExecutor(threads) as pool:
        return dict(pool.map(visit, every))


# --- editors --------------------------------------------------------------------------------


class Writes:
    """Saves by the coördinatoren of the write wijken at a steady rate, and logins, in
    threads beside the readers while the block runs."""

    def __init__(self, base_url: str, found: dict, password: str, per_second: float, logins: float):
        self.base_url, self.found, self.password = base_url, found, password
        self.per_second, self.logins_per_second = per_second, logins
        self.records: list[tuple[str, str, float]] = []  # kind, status, ms
        self.lock = threading.Lock()
        self.numbers = itertools.count(1)
        self.seconds = 0.0  # while running, over all blocks
        self.editors = []
        for editor in found["editors"]:
            browser = Browser(base_url)
            browser.login(editor["username"], password)
            self.editors.append((editor, browser, threading.Lock()))

    def _timed(self, kind: str, call, expect: int):
        begin = time.perf_counter()
        try:
            response = call()
            status = str(response.status)
        except (OSError, http.client.HTTPException) as error:
            response, status = None, type(error).__name__
        with self.lock:
            self.records.append(
                (
                    kind,
                    status if status == str(expect) else f"{status}!",
                    (time.perf_counter() - begin) * 1000,
                )
            )
        return response

    def save(self, n: int) -> None:
        editor, browser, busy = self.editors[n % len(self.editors)]
        kind = WRITE_KINDS[n % len(WRITE_KINDS)]
        tekst = f"Benchmark {kind} {n}"
        with busy:  # one browser's cookies, one request at a time
            path = editor[kind]
            if kind == "wijkplan-deel":  # the editor opens the section, then saves it
                form = self._timed("wijkplan-deel (formulier)", lambda: browser.get(path), 200)
                versie = re.search(r'name="versie" value="(\d+)"', form.text if form else "")
                data = {"wijkdata": tekst, "versie": versie.group(1) if versie else "0"}
            elif kind == "actie":
                data = {"actie-omschrijving": tekst, "actie-token": str(uuid.uuid4())}
            else:
                data = {"naam": tekst, "categorie": "club"}
            self._timed(kind, lambda: browser.post(path, data), 302)

    def login(self, n: int) -> None:
        editor = self.found["editors"][n % len(self.found["editors"])]
        form = {"username": editor["username"], "password": self.password}
        self._timed("login", lambda: Browser(self.base_url).post(self.found["login"], form), 302)

    @contextlib.contextmanager
    def running(self):
        stop = threading.Event()

        def steady(rate: float, job) -> None:
            if rate <= 0:
                return
            with ThreadPoolExecutor(4) as pool:  # a slow save does not slow the rate
                begin = time.monotonic()
                for n in itertools.count():
                    if stop.wait(max(0.0, begin + n / rate - time.monotonic())):
                        break
                    pool.submit(job, next(self.numbers))

        tickers = [
            threading.Thread(target=steady, args=(self.per_second, self.save)),
            threading.Thread(target=steady, args=(self.logins_per_second, self.login)),
        ]
        for ticker in tickers:
            ticker.start()
        begin = time.monotonic()
        try:
            yield
        finally:
            stop.set()
            for ticker in tickers:
                ticker.join()
            self.seconds += time.monotonic() - begin

    def summary(self) -> dict:
        per_kind = defaultdict(list)
        for kind, _, ms in self.records:
            per_kind[kind].append(ms)
        return {
            "per_second": round(
                sum(1 for kind, _, _ in self.records if kind in WRITE_KINDS) / self.seconds, 2
            ),
            "logins_per_second": round(
                sum(1 for kind, _, _ in self.records if kind == "login") / self.seconds, 2
            ),
            "statuses": dict(Counter(status for _, status, _ in self.records)),
            "p95_ms": {kind: round(percentile(ms, 95)) for kind, ms in sorted(per_kind.items())},
            "failures": [
                f"{kind}: {status}" for kind, status, _ in self.records if status.endswith("!")
            ],
        }


# --- figures ------------------------------------------------------------------------------


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def figures(results: list[dict], seen: set) -> dict:
    """Throughput, latency, renders and proxy hits of one phase; `seen` holds the (path,
    ETag) pairs of earlier responses and takes this phase's."""
    records = [record for result in results for record in result["records"]]
    rps = sum(len(result["records"]) / result["seconds"] for result in results)
    statuses = Counter(status for _, _, status, _, _, _ in records)
    rendered = 0
    for _, path, status, _, etag, _ in records:
        if status == "200":
            if not etag or (path, etag) not in seen:
                rendered += 1
            seen.add((path, etag))
    answered = statuses["200"] + statuses["304"]
    proxy = Counter(cache for *_, cache in records if cache)
    per_kind = defaultdict(list)
    for kind, _, _, ms, _, _ in records:
        per_kind[kind].append(ms)
    return {
        "requests": len(records),
        "rps": rps,
        "p50_ms": percentile([r[3] for r in records], 50),
        "p95_ms": percentile([r[3] for r in records], 95),
        "statuses": dict(statuses),
        "renders": rendered,
        "cache_hit_rate": 1 - rendered / answered if answered else float("nan"),
        "not_modified_share": statuses["304"] / answered if answered else float("nan"),
        "proxy": dict(proxy),
        "p95_ms_per_kind": {
            kind: round(percentile(ms, 95)) for kind, ms in sorted(per_kind.items())
        },
        "failures": sorted(
            {f"{path}: {status}" for _, path, status, *_ in records if status not in ("200", "304")}
        )[:10],
    }


def run(env: dict[str, str], args, password: str, hey=None) -> dict:
    """The whole run under writes on the seeded database of `env`; `hey` (run.py's) adds
    the trivial view and a conditional GET as hey measures them, for comparison."""
    found = plan(env, args.read_wijken, args.write_wijken)
    # Client processes, so the client is not held by one core's GIL; spawned, not forked
    # (this process has threads), once for all phases.
    pool = multiprocessing.get_context("spawn").Pool(args.client_processes)
    try:
        return _phases(env, args, found, password, pool, hey)
    finally:
        pool.terminate()


def _phases(env, args, found, password, pool, hey) -> dict:
    paths, seconds = found["paths"], args.mixed_seconds
    phases: dict[str, dict] = {}
    seen: set = set()
    trivial_paths = {"trivial": [TRIVIAL]}

    def phase(name: str, url: str, **options) -> dict:
        print(f"  {name}", flush=True)
        results = read_load(
            pool,
            args.client_processes,
            url,
            options.pop("paths", paths),
            seconds,
            args.connections,
            **options,
        )
        phases[name] = figures(results, seen)
        return phases[name]

    print(
        f"\nUnder writes: {sum(map(len, paths.values()))} pages of {len(found['reads'])} wijken "
        "read, "
        f"{len(found['editors'])} other wijken edited at {args.writes_per_second}/s, "
        f"{args.logins_per_second} logins/s; {args.connections} connections, {seconds} s per phase"
    )
    with app_servers(env, workers=args.workers) as [server]:
        writes = Writes(server.url, found, password, args.writes_per_second, args.logins_per_second)
        phase("trivial", server.url, paths=trivial_paths)
        etags = visit_all(server.url, paths, args.connections)
        seen.update(etags.items())  # rendered in the warm-up: a hit when seen again
        phase("reads", server.url)
        phase("conditional reads", server.url, etags=etags)
        with writes.running():
            phase("reads under writes", server.url)
            phase("conditional reads under writes", server.url, etags=etags)
        hey_figures = {}
        if hey:
            hey_figures["trivial"] = hey(server.url + TRIVIAL, seconds, args.connections, {})
            wijk = paths["wijk"][0]
            fresh = visit_all(server.url, {"wijk": [wijk]}, 1)[wijk]
            hey_figures["304"] = hey(
                server.url + wijk, seconds, args.connections, {"If-None-Match": fresh}
            )
        if proxyserver.installed():
            with (
                tempfile.TemporaryDirectory() as tmp,
                proxyserver.nginx(Path(tmp), server.port) as url,
            ):
                phase("nginx: trivial", url, paths=trivial_paths)
                seen.update(visit_all(url, paths, args.connections).items())
                phase("nginx: reads", url)
                with writes.running():
                    phase("nginx: reads under writes", url)
    with app_servers(env | {"PAGINA_CACHE_SECONDEN": "0"}, workers=args.workers) as [server]:
        phase("uncached reads", server.url)
    return {
        "read_pages": sum(map(len, paths.values())),
        "read_wijken": len(found["reads"]),
        "write_wijken": len(found["editors"]),
        "phases": phases,
        "writes": writes.summary(),
        "hey": hey_figures,
    }


def verdicts(result: dict) -> list[tuple[str, bool, str]]:
    """Each target of issue 15 with whether this run met it."""
    p = result["phases"]
    trivial = p["trivial"]
    checks = [
        (
            "reads under writes >= 80% of reads without",
            p["reads under writes"]["rps"] / p["reads"]["rps"],
            WITH_WRITES_SHARE,
        ),
        (
            "reads under writes >= 70% of trivial",
            p["reads under writes"]["rps"] / trivial["rps"],
            MIX_SHARE,
        ),
        (
            "conditional GETs (304) >= 90% of trivial",
            p["conditional reads"]["rps"] / trivial["rps"],
            NOT_MODIFIED_SHARE,
        ),
        (
            "uncached reads >= 25% of trivial",
            p["uncached reads"]["rps"] / trivial["rps"],
            UNCACHED_SHARE,
        ),
    ]
    if "nginx: reads" in p:
        checks += [
            (
                "nginx: reads under writes >= 80% of reads without",
                p["nginx: reads under writes"]["rps"] / p["nginx: reads"]["rps"],
                WITH_WRITES_SHARE,
            ),
            (
                "nginx: reads under writes >= 70% of trivial",
                p["nginx: reads under writes"]["rps"] / trivial["rps"],
                MIX_SHARE,
            ),
        ]
    results = [(target, ratio >= share, f"{ratio:.0%}") for target, ratio, share in checks]
    factor = p["reads under writes"]["p95_ms"] / trivial["p95_ms"]
    results.append(
        (
            f"reads under writes: p95 <= {P95_FACTOR:g}x trivial",
            factor <= P95_FACTOR,
            f"{factor:.1f}x",
        )
    )
    return results


def print_result(result: dict) -> None:
    trivial = result["phases"]["trivial"]["rps"]
    columns = ["req/s", "of trivial", "p50 ms", "p95 ms", "cache hits", "304", "proxy hits"]
    header = f"{'under writes':<32}" + "".join(f"{column:>11}" for column in columns)
    print("\n" + header + "\n" + "-" * len(header))
    for name, f in result["phases"].items():
        proxied = sum(f["proxy"].values())
        proxy = (
            f"{(f['proxy'].get('HIT', 0) + f['proxy'].get('UPDATING', 0)) / proxied:.0%}"
            if proxied
            else "-"
        )
        print(
            f"{name:<32}{f['rps']:>11.0f}{f['rps'] / trivial:>11.0%}"
            f"{f['p50_ms']:>11.1f}{f['p95_ms']:>11.1f}"
            f"{f['cache_hit_rate']:>11.0%}{f['not_modified_share']:>11.0%}{proxy:>11}"
        )
    w = result["writes"]
    print(
        f"Writes: {w['per_second']}/s saved, {w['logins_per_second']}/s logins; "
        f"statuses {w['statuses']}; p95 ms {w['p95_ms']}"
    )
    for name, f in result["hey"].items():
        print(
            f"hey {name}: {f['rps']:.0f} req/s, p95 {f['p95_ms']:.1f} ms, statuses {f['statuses']}"
        )
    slowest = result["phases"]["reads under writes"]["p95_ms_per_kind"]
    print(f"p95 per page under writes (ms): {slowest}")


def failures(result: dict) -> list[str]:
    found = [f"{name}: {f['failures']}" for name, f in result["phases"].items() if f["failures"]]
    if result["writes"]["failures"]:
        found.append(f"writes: {result['writes']['failures'][:10]}")
    return found
