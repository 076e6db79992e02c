"""A wijkverbinder in Chromium: from "Mijn wijk" on her dashboard to a step of the
initiative she coordinates, saved in place with JavaScript and as a page without."""

import os
import re

import pytest

from initiatieven.models import Startstap
from tests.conftest import PASSWORD, assert_accessible
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, OverlegFactory, over

VRAAG_4 = re.compile("Hoe evalueren we het")
SCHERMEN = os.environ.get("MIJN_WIJK_SCHERMEN")  # a folder: screenshots at 320, 390, 1280 px


@pytest.fixture
def haar_initiatief(wijk_a, wijkverbinder):
    OverlegFactory(wijk=wijk_a, datum=over(9).date())
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(20))
    punt = BespreekpuntFactory(open_koffie=open_koffie, tekst="Een bankje bij de bushalte")
    punt.status = "geaccepteerd"
    punt.save()
    return InitiatiefFactory(
        wijk=wijk_a, naam="Samen wandelen", wijkverbinder=wijkverbinder.wijkverbinder
    )


def inloggen(page, live_server, user) -> None:
    page.goto(live_server.url + "/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Mijn wijk: Valkenburg-Oosterbeemd").wait_for()


def test_she_completes_a_step_in_place(page, live_server, wijkverbinder, haar_initiatief):
    inloggen(page, live_server, wijkverbinder)
    assert page.get_by_text("Een bankje bij de bushalte").is_visible()
    assert_accessible(page)
    if SCHERMEN:
        for breedte in (320, 390, 1280):
            page.set_viewport_size({"width": breedte, "height": 900})
            page.screenshot(path=f"{SCHERMEN}/dashboard-{breedte}.png", full_page=True)
    page.get_by_role("link", name="Samen wandelen").click()
    assert page.get_by_role("button", name="Status wijzigen").count() == 0
    item = page.locator("#stap-4")
    item.get_by_label(VRAAG_4).fill("Na een half jaar, met de wandelaars.")
    url = page.url
    item.get_by_role("button", name="Stap 4 afronden").click()
    page.locator("#stap-4.stap--af").wait_for()
    assert page.url == url  # in place: no new page
    assert page.locator("#stappen-teller").inner_text() == "1 van 11 afgerond"
    assert_accessible(page)
    stap = Startstap.objects.get(initiatief=haar_initiatief, nummer=4)
    assert stap.antwoord == "Na een half jaar, met de wandelaars."
    assert stap.voltooid_door == wijkverbinder
    # What she reads of her wijk, without its controls: one h1 and no axe violation.
    page.goto(live_server.url + "/beheer/")
    for link in ["Initiatieven van de wijk", "Open Koffie en overleg", "Wijkplan"]:
        page.get_by_role("link", name=link, exact=True).click()
        assert page.locator("h1").count() == 1, link
        assert_accessible(page)
        page.go_back()
    page.locator("section[aria-labelledby=mijn-open-koffie-kop]").get_by_role("link").click()
    assert page.get_by_text("Een bankje bij de bushalte").is_visible()
    assert_accessible(page)


def test_she_completes_a_step_without_javascript(
    browser, live_server, wijkverbinder, haar_initiatief
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    inloggen(page, live_server, wijkverbinder)
    page.get_by_role("link", name="Samen wandelen").click()
    item = page.locator("#stap-4")
    item.get_by_label(VRAAG_4).fill("Zonder JavaScript vastgelegd.")
    item.get_by_role("button", name="Stap 4 afronden").click()
    page.get_by_text("Stap 4 is afgerond.").wait_for()
    assert page.url.endswith(haar_initiatief.get_beheer_url() + "#stap-4")
    assert page.locator("#stap-4.stap--af").count() == 1
    assert Startstap.objects.get(initiatief=haar_initiatief, nummer=4).antwoord == (
        "Zonder JavaScript vastgelegd."
    )
    context.close()
