"""Benchmark: seed volume, serve under gunicorn with production settings, load with hey.

Run with `make bench` (a throwaway PostgreSQL) or, against an empty database of your
own, `DATABASE_URL=postgresql://... .venv/bin/python benchmarks/run.py`. Prints, per
page, requests per second and p50/p95/p99 latency beside a trivial view served by the
same server in the same run, and writes them to benchmarks/results/. Fails loudly when
any response was not a success.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")

PAGES = {
    "trivial (healthz)": "/healthz/",
    "home": "/",
    "regio": "/benchregio-0/",
    "wijk": "/benchregio-0/benchwijk-0/",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on {url} within {timeout} s")


def hey(url: str, seconds: int, connections: int) -> dict:
    result = subprocess.run(
        ["hey", "-z", f"{seconds}s", "-c", str(connections), url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", out))
    percentiles = dict(re.findall(r"(\d+)%% in ([\d.]+) secs".replace("%%", "%"), out))
    errors = re.search(r"Error distribution:(.*)", out, re.S)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": float(percentiles["50"]) * 1000,
        "p95_ms": float(percentiles["95"]) * 1000,
        "p99_ms": float(percentiles["99"]) * 1000,
        "statuses": {code: int(count) for code, count in statuses.items()},
        "errors": errors.group(1).strip() if errors else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wijken", type=int, default=3300)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("hey"):
        raise SystemExit("hey is not installed: apt-get install hey (make bench does it).")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to an empty PostgreSQL database (make bench does it).")

    env = production_env()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    subprocess.run(
        [PYTHON, "benchmarks/seed.py", "--wijken", str(args.wijken)], cwd=ROOT, env=env, check=True
    )

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [GUNICORN, "communitycare.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    results: dict[str, dict] = {}
    try:
        wait_until_up(base + "/healthz/")
        for name, path in PAGES.items():
            hey(base + path, 2, args.connections)  # warm up
            results[name] = {"path": path, **hey(base + path, args.seconds, args.connections)}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    trivial = results["trivial (healthz)"]
    print(
        f"\n{args.wijken} wijken, {args.workers} gunicorn workers, "
        f"{args.connections} connections, {args.seconds} s per page\n"
    )
    columns = ["req/s", "of trivial", "p50 ms", "p95 ms", "p99 ms"]
    header = f"{'page':<20}" + "".join(f"{column:>12}" for column in columns)
    print(header)
    print("-" * len(header))
    failed = []
    for name, figures in results.items():
        share = figures["rps"] / trivial["rps"] * 100
        print(
            f"{name:<20}{figures['rps']:>12.0f}{share:>11.0f}%"
            f"{figures['p50_ms']:>12.1f}{figures['p95_ms']:>12.1f}{figures['p99_ms']:>12.1f}"
        )
        if set(figures["statuses"]) != {"200"} or figures["errors"]:
            failed.append((name, figures["statuses"], figures["errors"]))

    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out_dir / f"{stamp}.json").write_text(json.dumps({"args": vars(args), "results": results}))
    print(f"\nResults written to benchmarks/results/{stamp}.json")
    if failed:
        print(f"FAILED: responses that were not 200: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
