"""Real app servers for tests and benchmarks: gunicorn with the production settings.

    env = production_env(database_url(connection.settings_dict))
    collectstatic(env)
    with app_servers(env, count=2) as (one, two):
        browser = Browser(one.url)
        browser.login("coordinator", "geheim")
        browser.post("/beheer/…", {...})

Each server is its own gunicorn (its own process group, killed when the block ends) on a
free loopback port, pointed at the given database and sharing one cache with the test
process (its cache table, or the Redis of CACHE_URL: scripts/with-redis), exactly as
several app servers behind a load balancer share one PostgreSQL.
"""

import contextlib
import functools
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOGIN_PATH = "/beheer/inloggen/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """DATABASE_URL for a Django database setting (e.g. connection.settings_dict)."""
    user = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        user += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict["HOST"] or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgresql://{user}@{host}{port}/{quote(settings_dict['NAME'], safe='')}"


def production_env(database: str) -> dict[str, str]:
    """The environment of a production app server on loopback, on `database`.

    Everything else stays at its production default, CACHE_URL as the caller has it (so
    the test process bumps the data version where the servers read it); the secret key
    is new per call, shared by the servers started with this env. Two choices for
    loopback: no redirect to HTTPS (there is no TLS here), and one trusted proxy, so a
    test can speak for several visitors through X-Forwarded-For as a reverse proxy would.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="communitycare.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Production refuses a loopback address here: links name the public site.
        SITE_URL="https://wijkportaal.example.org",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_PROXY_COUNT="1",
        DATABASE_URL=database,
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Runs a management command; returns what it printed (its errors go to stderr)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout


def collectstatic(env: dict[str, str]) -> None:
    """The production static storage needs its manifest. Collecting (and compressing)
    takes a minute, so only when a source file is newer than the manifest.

    Needs Django set up (the finders list the sources); both settings list the same ones.
    """
    from django.contrib.staticfiles import finders

    manifest = ROOT / "staticfiles" / "staticfiles.json"
    newest = max(
        os.stat(storage.path(path)).st_mtime
        for finder in finders.get_finders()
        for path, storage in finder.list(["CVS", ".*", "*~"])
    )
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        manage(env, "collectstatic", "--noinput", "-v0")


@functools.cache
def _password_hash(password: str) -> str:
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt())


def give_password(user, password: str) -> None:
    """A password the production settings check (the tests' own settings hash with MD5)."""
    user.password = _password_hash(password)
    user.save(update_fields=["password"])


class AppServer:
    """One gunicorn master with its workers, in a process group of its own."""

    def __init__(
        self, env: dict[str, str], *, workers: int = 2, threads: int = 1, preload: bool = False
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "communitycare.wsgi"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
        command += ["--threads", str(threads), "--log-level", "warning"]
        # Loads the app in the master, so a replaced worker is up at once (a fork).
        command += ["--preload"] if preload else []
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)

    def wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn on {self.url} exited with {self.process.returncode}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if Browser(self.url).get("/healthz/").status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {timeout} s")

    def worker_pids(self) -> list[int]:
        """The master's children (from /proc: no psutil needed)."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError):
                # pid (comm) state ppid …; comm may hold spaces, so split after ")".
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
        return pids

    def kill(self, pid: int) -> bool:
        """SIGKILLs one worker (gunicorn starts a new one); False if it was gone already."""
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        return True

    def stop(self) -> None:
        """Stops the whole process group: gracefully, and after 15 s for good."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@contextlib.contextmanager
def app_servers(env: dict[str, str], count: int = 1, **options) -> Iterator[list[AppServer]]:
    """`count` app servers, started side by side, stopped (whole process groups) after."""
    servers: list[AppServer] = []
    try:
        for _ in range(count):
            servers.append(AppServer(env, **options))
        for server in servers:
            server.wait_until_up()
        yield servers
    finally:
        for server in servers:
            server.stop()


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class Browser:
    """A small HTTP client that keeps its cookies itself and sends them back explicitly.

    The production settings mark the session and CSRF cookies Secure (TLS ends at the
    proxy in front); these servers speak plain HTTP on loopback, where a standard cookie
    jar would hold such cookies back. `address` is the visitor's address, passed as the
    one trusted proxy passes it (X-Forwarded-For).
    """

    def __init__(self, base_url: str, *, cookies: dict | None = None, address: str = ""):
        self.base_url = base_url
        self.cookies: dict[str, str] = dict(cookies or {})
        self.address = address

    def on(self, base_url: str) -> "Browser":
        """The same visitor (a copy of the cookies) on another server."""
        return Browser(base_url, cookies=self.cookies, address=self.address)

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        url = urlsplit(self.base_url)
        headers = {"Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.address:
            headers["X-Forwarded-For"] = self.address
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(response.status, response.headers, text)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        """A form POST with the CSRF token (fetched from the login page if none yet)."""
        if "csrftoken" not in self.cookies:
            self.get(LOGIN_PATH)
        return self.request(
            "POST", path, {**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        )

    def login(self, username: str, password: str) -> None:
        response = self.post(LOGIN_PATH, {"username": username, "password": password})
        if response.status != 302 or "sessionid" not in self.cookies:
            raise AssertionError(f"login as {username} failed: {response.status}")
