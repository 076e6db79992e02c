"""Issue 18: "Heeft u een idee?" in a real browser, with and without JavaScript: the
thanks or the error summary in view with the focus, accessible, at phone and desktop
widths."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from initiatieven.models import Idee
from tests.conftest import assert_accessible

SCREENSHOTS = "/tmp/idee"


@pytest.fixture(autouse=True)
def leeg_cache(transactional_db):
    # The cache table (and so the rate limits) is not emptied between live-server tests.
    cache.clear()


@pytest.fixture(params=[True, False], ids=["met-js", "zonder-js"])
def met_js(request):
    return request.param


@pytest.fixture
def bezoeker(browser, met_js):
    context = browser.new_context(java_script_enabled=met_js)
    yield context.new_page()
    context.close()


def in_beeld_met_focus(locator) -> None:
    expect(locator).to_be_in_viewport()
    expect(locator).to_be_focused()


def test_an_idea_from_the_wijk_page_to_the_thanks(bezoeker, met_js, live_server, wijk_a):
    page = bezoeker
    page.goto(live_server.url + wijk_a.get_absolute_url())
    page.get_by_role("link", name="Vertel ons uw idee").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("initiatieven:idee", args=[wijk_a.regio.slug, wijk_a.slug]))
    page.get_by_label("Wat is uw idee?").fill("Samen zingen op woensdagmiddag")
    page.get_by_label("Uw telefoon of e-mail (mag leeg)").fill("06 1234 5678")
    page.get_by_role("button", name="Idee insturen").click()
    page.wait_for_load_state()
    assert page.url.endswith("#bevestiging")
    assert "Dank u wel voor uw idee!" in page.locator("#bevestiging").inner_text()
    in_beeld_met_focus(page.locator("#bevestiging"))
    assert not page.title().startswith("Fout")
    assert Idee.objects.get().tekst == "Samen zingen op woensdagmiddag"
    if met_js:
        assert_accessible(page)


def test_an_empty_idea_gets_the_error_summary(bezoeker, met_js, live_server, wijk_a):
    page = bezoeker
    url = live_server.url + reverse("initiatieven:idee", args=[wijk_a.regio.slug, wijk_a.slug])
    page.goto(url)
    if met_js:
        assert_accessible(page)
    page.get_by_label("Uw naam (mag leeg)").fill("Truus")
    # The browser's own check would stop an empty required field before it is sent.
    page.locator("#id_tekst").evaluate("el => el.removeAttribute('required')")
    page.get_by_role("button", name="Idee insturen").click()
    page.wait_for_load_state()
    summary = page.locator("#foutoverzicht")
    in_beeld_met_focus(summary)
    assert page.title().startswith("Fout: ")
    link = summary.get_by_role("link", name="Schrijf uw idee op.")
    assert link.get_attribute("href") == "#id_tekst"
    assert page.get_by_label("Uw naam (mag leeg)").input_value() == "Truus"
    assert not Idee.objects.exists()
    if met_js:
        assert_accessible(page)
    for breedte in (320, 390, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        # Nothing wider than the screen (WCAG 1.4.10 at 320 px).
        assert page.evaluate("document.documentElement.scrollWidth") <= breedte
        naam = "met-js" if met_js else "zonder-js"
        page.screenshot(path=f"{SCREENSHOTS}/idee-fout-{breedte}-{naam}.png", full_page=True)
