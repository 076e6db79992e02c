"""Personas, browser and accessibility fixtures shared by every test module."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from tests.factories import RegioFactory, UserFactory, WijkFactory, WijkverbinderFactory
from wijken.base import roles

# Debian's Chromium: Playwright cannot download its own browser on these machines.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The CSP keywords that must never appear (spelled in parts so a grep for them in the
# code finds only real uses).
UNSAFE_CSP = ("'unsafe-" + "inline'", "'unsafe-" + "eval'")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "geheim"

# Who may do what: the personas the access tests walk through.
PERSONAS = [
    "anonymous",
    "bewoner",
    "wijkverbinder",
    "coordinator_b",
    "coordinator_a",
    "projectleider",
    "programmamanager",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Transactional tests (live server) commit, so the database cache outlives them."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """Query-count pins measure rendering; tests/test_pagecache.py pins the cached path."""
    settings.PAGINA_CACHE_SECONDEN = 0


# --- places -----------------------------------------------------------------


@pytest.fixture
def wijk_a(db):
    regio = RegioFactory(naam="Heuvelland", slug="heuvelland")
    return WijkFactory(regio=regio, naam="Valkenburg-Oosterbeemd", slug="valkenburg-oosterbeemd")


@pytest.fixture
def wijk_b(db):
    regio = RegioFactory(naam="Heerlen", slug="heerlen")
    return WijkFactory(
        regio=regio, naam="Welten-Benzenrade-Douvenrade", slug="welten-benzenrade-douvenrade"
    )


# --- people -----------------------------------------------------------------


@pytest.fixture
def bewoner(db):
    return UserFactory(username="bewoner")


@pytest.fixture
def wijkverbinder(wijk_a):
    user = UserFactory(username="wijkverbinder", rol=roles.WIJKVERBINDER)
    WijkverbinderFactory(wijk=wijk_a, user=user, naam=user.get_full_name())
    return user


@pytest.fixture
def coordinator_a(wijk_a):
    user = UserFactory(username="coordinator-a", rol=roles.COORDINATOR)
    wijk_a.coordinatoren.add(user)
    return user


@pytest.fixture
def coordinator_b(wijk_b):
    user = UserFactory(username="coordinator-b", rol=roles.COORDINATOR)
    wijk_b.coordinatoren.add(user)
    return user


@pytest.fixture
def projectleider(db):
    return UserFactory(username="projectleider", rol=roles.PROJECTLEIDER)


@pytest.fixture
def programmamanager(db):
    return UserFactory(username="programmamanager", rol=roles.PROGRAMMAMANAGER, is_staff=True)


@pytest.fixture
def anonymous(db):
    return None


@pytest.fixture
def client_for(request, wijk_a, wijk_b):
    """client_for("coordinator_a") gives a Django test client logged in as that persona."""

    def make(persona: str) -> Client:
        user = request.getfixturevalue(persona)
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


# --- browser ----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture
def login(live_server):
    """Logs a user in through the real login form."""

    def do_login(page, user, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/beheer/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(re.compile(r"/beheer/$"))

    return do_login


def assert_accessible(page) -> None:
    """Fails on any axe-core violation of WCAG 2.x A/AA on the current page."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
    assert not violations, f"axe violations on {page.url}:\n{report}"


def count_h1(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


# --- doe-boekje (issue 8) ---------------------------------------------------------


@pytest.fixture
def wijkverbinder_doeboekje(wijk_a):
    """A wijkverbinder of wijk A with the right to maintain its doe-boekje."""
    user = UserFactory(username="wijkverbinder-doeboekje", rol=roles.WIJKVERBINDER)
    WijkverbinderFactory(
        wijk=wijk_a, user=user, naam=user.get_full_name(), mag_doe_boekje_bijwerken=True
    )
    return user
