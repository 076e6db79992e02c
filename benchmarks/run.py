"""Benchmark: national-scale data, gunicorn with production settings, load from hey.

Run with `make bench` (a throwaway PostgreSQL) or, against a database of your own,
`DATABASE_URL=postgresql://... .venv/bin/python benchmarks/run.py`. Seeds the data
(benchmarks/seed.py) unless it is there already, then serves the portal twice, with the
public page cache on and off, and loads every key page beside a trivial view on the
same server in the same run. Prints requests per second and p50/p95/p99 latency per
page with the targets of the README's performance section, the PDF render times and
the workers' peak memory. Then the run under writes (benchmarks/under_writes.py):
readers of many wijken while coördinatoren of other wijken save and log in, straight and
through deploy/nginx.conf, beside the trivial view, with the cache hit rate, 304s and the
page cache off. `--part pages` or `--part writes` runs one of the two. Writes it all to
benchmarks/results/ (`--results`). Fails loudly when any response was not a success.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import under_writes  # noqa: E402
from tests.appserver import AppServer, app_servers, manage, production_env  # noqa: E402

PYTHON = sys.executable
RESULTS = ROOT / "benchmarks" / "results"
TRIVIAL = "trivial (healthz)"

# Targets, as the README states them.
CACHED_SHARE = 0.80  # of the trivial view's throughput, public page from cache
UNCACHED_SHARE = 0.25  # the same, rendered on every request
P95_FACTOR = 2.0  # public page p95 against the trivial view's p95
DASHBOARD_P95_MS = 300
SEARCH_P95_MS = 100


# In one process (each start costs seconds): the schema, the cache table, and the static
# files only when a source is newer than their manifest (tests/appserver.py's check).
PREPARE = """
import os
from django.core.management import call_command
from tests.appserver import collectstatic
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable")
collectstatic(dict(os.environ))
"""


def session_cookie(env: dict[str, str], username: str) -> str:
    code = (
        "from django.test import Client; from wijken.base.models import User; c = Client(); "
        f"c.force_login(User.objects.get(username={username!r})); "
        "print(c.cookies['sessionid'].value)"
    )
    return "sessionid=" + manage(env, "shell", "--no-imports", "-c", code).strip()


def hey(url: str, seconds: int, connections: int, headers: dict[str, str]) -> dict:
    command = ["hey", "-z", f"{seconds}s", "-c", str(connections)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", out))
    percentiles = dict(re.findall(r"(\d+)% in ([\d.]+) secs", out))
    errors = re.search(r"Error distribution:(.*)", out, re.S)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": float(percentiles.get("50", "nan")) * 1000,
        "p95_ms": float(percentiles.get("95", "nan")) * 1000,
        "p99_ms": float(percentiles.get("99", "nan")) * 1000,
        "statuses": {code: int(count) for code, count in statuses.items()},
        "errors": errors.group(1).strip() if errors else "",
    }


def peak_memory_mib(server: AppServer) -> float:
    """The largest resident set any gunicorn worker reached (VmHWM)."""
    peaks = []
    for worker in server.worker_pids():
        status = Path(f"/proc/{worker}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return max(peaks, default=0.0)


def fetch_seconds(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return time.perf_counter() - started


def measure(server: AppServer, pages: dict, args) -> dict[str, dict]:
    results = {}
    for name, (path, headers) in pages.items():
        hey(server.url + path, 2, args.connections, headers)  # warm up
        results[name] = {
            "path": path,
            **hey(server.url + path, args.seconds, args.connections, headers),
        }
        print(f"  {name:<24} {results[name]['rps']:>8.0f} req/s", flush=True)
    return results


def seed_if_needed(env: dict[str, str], wijken: int, results: Path) -> dict:
    manifest = results / "seed-manifest.json"
    count = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from wijken.base.models import Wijk; print(Wijk.objects.count())",
    )
    if int(count) == 0:
        subprocess.run(
            [PYTHON, "benchmarks/seed.py", "--wijken", str(wijken), "--manifest", str(manifest)],
            cwd=ROOT,
            env=env,
            check=True,
        )
    elif not manifest.exists():
        raise SystemExit("The database holds data but no seed manifest: use an empty database.")
    return json.loads(manifest.read_text())


def verdicts(run: dict) -> list[tuple[str, bool, str]]:
    """Each target with whether this run met it."""
    checks = []
    for mode, share in (("cached", CACHED_SHARE), ("uncached", UNCACHED_SHARE)):
        trivial = run[mode][TRIVIAL]
        for name, figures in run[mode].items():
            if name == TRIVIAL:
                continue
            ratio = figures["rps"] / trivial["rps"]
            checks.append(
                (
                    f"{name} {mode}: throughput >= {share:.0%} of trivial",
                    ratio >= share,
                    f"{ratio:.0%}",
                )
            )
            if mode == "cached":
                factor = figures["p95_ms"] / trivial["p95_ms"]
                checks.append(
                    (
                        f"{name} {mode}: p95 <= {P95_FACTOR:g}x trivial",
                        factor <= P95_FACTOR,
                        f"{factor:.1f}x",
                    )
                )
    dashboard = run["back office"]["programmadashboard"]["p95_ms"]
    checks.append(
        (
            f"programmadashboard p95 <= {DASHBOARD_P95_MS} ms",
            dashboard <= DASHBOARD_P95_MS,
            f"{dashboard:.0f} ms",
        )
    )
    search = run["uncached"]["zoeken (doe-boekje)"]["p95_ms"]
    checks.append(
        (
            f"zoeken p95 <= {SEARCH_P95_MS} ms (uncached)",
            search <= SEARCH_P95_MS,
            f"{search:.0f} ms",
        )
    )
    return checks


def print_table(title: str, results: dict[str, dict]) -> None:
    trivial = results.get(TRIVIAL)
    columns = ["req/s", "of trivial", "p50 ms", "p95 ms", "p99 ms"]
    header = f"{title:<26}" + "".join(f"{column:>11}" for column in columns)
    print("\n" + header + "\n" + "-" * len(header))
    for name, figures in results.items():
        share = f"{figures['rps'] / trivial['rps']:.0%}" if trivial else "-"
        print(
            f"{name:<26}{figures['rps']:>11.0f}{share:>11}"
            f"{figures['p50_ms']:>11.1f}{figures['p95_ms']:>11.1f}{figures['p99_ms']:>11.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wijken", type=int, default=3300)
    parser.add_argument("--seconds", type=int, default=10, help="per page (pages part)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--part",
        choices=["all", "pages", "writes"],
        default="all",
        help="pages: each key page alone; writes: the mixed run under writes",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the JSON goes")
    writes = parser.add_argument_group("the run under writes (benchmarks/under_writes.py)")
    writes.add_argument("--mixed-seconds", type=int, default=20, help="per phase")
    writes.add_argument("--read-wijken", type=int, default=100, help="wijken whose pages are read")
    writes.add_argument("--write-wijken", type=int, default=10, help="other wijken, edited")
    writes.add_argument("--writes-per-second", type=float, default=3)
    writes.add_argument("--logins-per-second", type=float, default=0.5)
    writes.add_argument("--client-processes", type=int, default=2)
    args = parser.parse_args()
    pages_part = args.part in ("all", "pages")
    if pages_part and not shutil.which("hey"):
        raise SystemExit("hey is not installed: apt-get install hey (make bench does it).")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to an empty PostgreSQL database (make bench does it).")

    args.results.mkdir(exist_ok=True)
    env = production_env(os.environ["DATABASE_URL"])
    if os.environ.get("CACHE_URL"):  # a Redis of the caller's: what the servers share
        env["CACHE_URL"] = os.environ["CACHE_URL"]
    manage(env, "shell", "--no-imports", "-c", PREPARE)
    started = time.monotonic()
    urls = seed_if_needed(env, args.wijken, args.results)
    seed_seconds = time.monotonic() - started
    manage(env, "shell", "--no-imports", "-c", "from django.core.cache import cache; cache.clear()")
    run: dict = {
        "args": {**vars(args), "results": str(args.results)},
        "seed_seconds": round(seed_seconds),
        "seed": urls,
    }
    targets, failed = [], []
    if pages_part:
        targets += measure_pages(env, urls, args, run)
        failed += [
            (mode, name, figures["statuses"], figures["errors"])
            for mode in ("cached", "uncached", "back office")
            for name, figures in run[mode].items()
            if set(figures["statuses"]) != {"200"} or figures["errors"]
        ]
    if args.part in ("all", "writes"):
        password = urls["logins"]["coordinator"]["password"]
        run["under writes"] = under_writes.run(
            env, args, password, hey=hey if shutil.which("hey") else None
        )
        print(f"\n{args.wijken} wijken, {args.mixed_seconds} s per phase")
        under_writes.print_result(run["under writes"])
        targets += under_writes.verdicts(run["under writes"])
        failed += under_writes.failures(run["under writes"])
    run["targets"] = [{"target": t, "met": met, "measured": m} for t, met, m in targets]
    print("\nTargets:")
    for target in run["targets"]:
        print(f"  {'met ' if target['met'] else 'MISS'}  {target['target']}: {target['measured']}")

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.results / f"{stamp}.json").write_text(json.dumps(run, indent=2))
    print(f"\nResults written to {args.results / stamp}.json")
    if failed:
        print(f"FAILED: responses that were not as expected: {failed}", file=sys.stderr)
        return 1
    return 0


def measure_pages(env: dict[str, str], urls: dict, args, run: dict) -> list:
    """Each key page alone, with the page cache on and off; fills `run`, returns the
    verdicts."""
    pages = urls["pages"]
    cookies = {key: session_cookie(env, login["username"]) for key, login in urls["logins"].items()}

    def page(key: str) -> tuple[str, dict[str, str]]:
        spec = pages[key]
        headers = dict(spec.get("headers", {}))
        if "login" in spec:
            headers["Cookie"] = cookies[spec["login"]]
        return spec["path"], headers

    public = {
        TRIVIAL: ("/healthz/", {}),
        "home": page("home"),
        "regio": page("regio"),
        "wijk": page("wijk"),
        "initiatieven van de wijk": page("initiatieven"),
        "initiatief": page("initiatief"),
        "open koffie agenda": page("open_koffie"),
        "wijkplan": page("wijkplan"),
        "zoeken (doe-boekje)": page("doe_boekje_zoek"),
    }
    back_office = {
        TRIVIAL: ("/healthz/", {}),
        "htmx-fragment": page("wijkplan_deel"),
        "programmadashboard": page("programma"),
    }
    wijk = pages["wijk"]["path"]
    initiatief = pages["initiatief"]["path"]
    print(
        f"\nServing with the page cache on ({args.workers} workers, {args.connections} connections)"
    )
    with app_servers(env, workers=args.workers) as [server]:
        run["cached"] = measure(server, public, args)
        run["back office"] = measure(server, back_office, args)
        run["peak_worker_memory_mib_cached"] = round(peak_memory_mib(server))
    print("\nServing with the page cache off")
    with app_servers(env | {"PAGINA_CACHE_SECONDEN": "0"}, workers=args.workers) as [server]:
        run["uncached"] = measure(server, public, args)
        run["pdf_seconds"] = {
            name: {
                "render": fetch_seconds(server.url + path),
                "cached": fetch_seconds(server.url + path),
            }
            for name, path in (
                ("wijkplan", wijk + "wijkplan.pdf"),
                ("initiatiefbeschrijving", initiatief + "beschrijving.pdf"),
            )
        }
        run["peak_worker_memory_mib_uncached"] = round(peak_memory_mib(server))

    print(f"\n{args.wijken} wijken (seeded in {run['seed_seconds']} s), {args.seconds} s per page")
    for mode in ("cached", "uncached", "back office"):
        print_table(mode, run[mode])
    print("\nPDF (rendered, then from the PDF cache):")
    for name, times in run["pdf_seconds"].items():
        print(f"  {name:<24} {times['render']:.2f} s, cached {times['cached'] * 1000:.0f} ms")
    print(
        f"Peak worker memory: {run['peak_worker_memory_mib_cached']} MiB (cache on), "
        f"{run['peak_worker_memory_mib_uncached']} MiB (cache off)"
    )
    return verdicts(run)


if __name__ == "__main__":
    sys.exit(main())
