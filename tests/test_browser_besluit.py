"""In Chromium: both decisions from the queue on the review page, the programme dashboard
at 1280 px, and a start step completed in place updating the counter without a reload."""

import pytest

from initiatieven.models import Begroting
from tests.conftest import assert_accessible
from tests.factories import WijkFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief

QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"
SCHERM = "/tmp/besluit"


@pytest.fixture
def twee_ingediend(wijk_a, coordinator_a):
    return [klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False) for _ in range(2)]


def test_approve_and_reject_from_the_queue(
    page, live_server, login, twee_ingediend, programmamanager
):
    eerste, tweede = twee_ingediend
    login(page, programmamanager)
    page.goto(live_server.url + QUEUE)
    page.get_by_role("link", name=eerste.naam, exact=True).click()
    page.get_by_role("heading", name=eerste.naam, level=1).wait_for()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=f"{SCHERM}/besluit-1280.png", full_page=True)
    page.get_by_role("button", name="Goedkeuren").click()
    page.get_by_text(f"De begroting van “{eerste.naam}” is goedgekeurd.").wait_for()
    assert page.url.endswith(QUEUE)

    page.get_by_role("link", name=tweede.naam, exact=True).click()
    page.get_by_role("button", name="Afwijzen").click()  # no reason: refused
    page.get_by_text("Geef een reden waarom de begroting is afgewezen.").wait_for()
    assert Begroting.objects.get(initiatief=tweede).status == Begroting.Stand.INGEDIEND
    page.get_by_label("Reden").fill("Zoek eerst een sponsor.")
    page.get_by_role("button", name="Afwijzen").click()
    page.get_by_text(f"De begroting van “{tweede.naam}” is afgewezen.").wait_for()

    assert Begroting.objects.get(initiatief=eerste).is_goedgekeurd
    afgewezen = Begroting.objects.get(initiatief=tweede)
    assert afgewezen.status == Begroting.Stand.AFGEWEZEN
    assert afgewezen.besluiten.first().reden == "Zoek eerst een sponsor."


def test_programme_dashboard_fits_1280(page, live_server, login, wijk_a, programmamanager):
    regio = wijk_a.regio
    for i in range(12):
        WijkFactory(regio=regio, naam=f"Wijk met een tamelijk lange naam {i}", slug=f"lang-{i}")
    login(page, programmamanager)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/beheer/programma/?jaar=2025")
    doos = page.locator(".table-responsive:has(table.programma-tabel)")
    tabel, zichtbaar = doos.evaluate("el => [el.scrollWidth, el.clientWidth]")
    pagina = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=f"{SCHERM}/programma-1280.png", full_page=True)
    # The whole table in view: no scrolling in its box, nor of the page.
    assert tabel <= zichtbaar and pagina <= 1280, (tabel, zichtbaar, pagina)
    # All columns scroll in their box, the wijk's column staying in view.
    page.get_by_role("link", name="Alle kolommen, ook de wijkcijfers en de regio").click()
    page.get_by_role("link", name="Minder kolommen").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    wijk = page.locator("table.programma-tabel tbody th").first
    assert wijk.evaluate("el => getComputedStyle(el).position") == "sticky"
    assert page.locator("#id_jaar").input_value() == "2025"
    assert_accessible(page)


def test_a_step_in_place_updates_the_counter_without_a_reload(
    page, live_server, login, wijk_a, coordinator_a
):
    initiatief = InitiatiefFactory(wijk=wijk_a, naam="Samen koken", slug="samen-koken")
    login(page, coordinator_a)
    page.goto(live_server.url + initiatief.get_beheer_url())
    page.evaluate("window.zelfdePagina = true")  # gone after a reload
    teller = page.locator("#stappen-teller")
    assert teller.inner_text() == "0 van 11 afgerond"
    stap = page.locator("#stap-4")
    stap.get_by_label("Hoe evalueren we het, en hoe blijft het bestaan?").fill(
        "Na zes maanden met de wijk."
    )
    stap.get_by_role("button", name="Stap 4 afronden").click()
    page.locator("#stap-4.stap--af").wait_for()
    assert teller.inner_text() == "1 van 11 afgerond"
    assert "Stap 4 is nog niet afgerond" not in page.locator("#status-paneel").inner_text()
    assert page.evaluate("window.zelfdePagina") is True
