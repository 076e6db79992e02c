"""deploy/nginx.conf on loopback, in front of an app server (tests/appserver.py).

    with app_servers(env) as (server,), nginx(tmp_path, server.port) as url:
        Browser(url).get("/")

The shipped configuration itself is started (Debian's nginx; as root it runs its workers
as root), with only its ports, paths and TLS changed for loopback. Used by
tests/test_proxy.py and the benchmark under writes (benchmarks/under_writes.py).
"""

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from tests.appserver import ROOT, Browser, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def installed() -> bool:
    return os.access(NGINX, os.X_OK)


def render(config: str, tmp_path: Path, port: int, app_port: int) -> str:
    """deploy/nginx.conf on loopback: each change must match once, so a changed config
    fails here instead of silently testing something else."""
    changes = [
        (r"^user www-data;$", "user root;" if os.geteuid() == 0 else ""),
        (r"^pid /run/nginx\.pid;$", f"daemon off;\npid {tmp_path}/nginx.pid;"),
        (r"^error_log /var/log/nginx/error\.log warn;$", f"error_log {tmp_path}/error.log warn;"),
        (
            r"^(\s+)access_log /var/log/nginx/access\.log",
            rf"\1client_body_temp_path {tmp_path}/body;\n\1proxy_temp_path {tmp_path}/proxy;\n"
            rf"\1fastcgi_temp_path {tmp_path}/fastcgi;\n\1uwsgi_temp_path {tmp_path}/uwsgi;\n"
            rf"\1scgi_temp_path {tmp_path}/scgi;\n\1access_log {tmp_path}/access.log",
        ),
        (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{app_port};"),
        (r"/var/cache/nginx/wijkportaal", f"{tmp_path}/cache"),
        (r"listen 80;", f"listen 127.0.0.1:{free_port()};"),
        (r"^\s+listen \[::\]:80;\n", ""),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{port};"),
        (r"^\s+listen \[::\]:443 ssl http2;\n", ""),
        (r"^\s+ssl_certificate .*\n\s+ssl_certificate_key .*\n\s+ssl_protocols .*\n", ""),
        (r"alias /srv/wijkportaal/staticfiles/;", f"alias {ROOT}/staticfiles/;"),
    ]
    for pattern, replacement in changes:
        config, count = re.subn(pattern, replacement, config, flags=re.MULTILINE)
        if count != 1:
            raise AssertionError(f"deploy/nginx.conf: {pattern!r} matched {count} times")
    return config


@contextlib.contextmanager
def nginx(tmp_path: Path, app_port: int) -> Iterator[str]:
    """nginx with the rendered config in `tmp_path`; yields its URL, stops it after."""
    port = free_port()
    config = tmp_path / "nginx.conf"
    config.write_text(render((ROOT / "deploy/nginx.conf").read_text(), tmp_path, port, app_port))
    command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {process.stderr.read().decode()}")
            with contextlib.suppress(OSError):
                if Browser(url).get("/healthz/").status == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("nginx did not answer within 20 s")
            time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
