"""The outcome of a public form where the person is: in view, with the focus, with and
without JavaScript (issue 16)."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.conftest import assert_accessible
from tests.factories_openkoffie import OpenKoffieFactory, over

SCREENSHOTS = "/tmp/uitkomst"


@pytest.fixture(autouse=True)
def leeg_cache(transactional_db):
    # The cache table (and so the rate limits) is not emptied between live-server tests.
    cache.clear()


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(14), onderwerp="Najaarskoffie")


@pytest.fixture(params=[True, False], ids=["met-js", "zonder-js"])
def met_js(request):
    return request.param


@pytest.fixture
def bezoeker(browser, met_js):
    context = browser.new_context(java_script_enabled=met_js)
    yield context.new_page()
    context.close()


def toegankelijk(page, met_js: bool) -> None:
    # axe-core runs as a page script, which a page without JavaScript does not run.
    if met_js:
        assert_accessible(page)


def in_beeld_met_focus(locator) -> None:
    # Polled: the browser scrolls to the fragment a moment after the load event.
    expect(locator).to_be_in_viewport()
    expect(locator).to_be_focused()


def test_the_thanks_is_in_view_with_the_focus(bezoeker, met_js, live_server, open_koffie):
    page = bezoeker
    page.goto(live_server.url + open_koffie.get_absolute_url())
    page.get_by_label("Wat wilt u bespreken?").fill("Een bankje bij de bushalte")
    page.get_by_role("button", name="Bespreekpunt insturen").click()
    page.wait_for_load_state()
    assert page.url.endswith("#bevestiging")
    assert "Uw bespreekpunt is ontvangen" in page.locator("#bevestiging").inner_text()
    in_beeld_met_focus(page.locator("#bevestiging"))
    assert not page.title().startswith("Fout")
    toegankelijk(page, met_js)


def test_errors_are_summed_up_in_view_with_the_focus(bezoeker, met_js, live_server, open_koffie):
    page = bezoeker
    page.goto(live_server.url + open_koffie.get_absolute_url())
    page.get_by_label("Uw naam (mag leeg)").fill("Truus")
    # The browser's own check would stop an empty required field before it is sent.
    page.locator("#id_tekst").evaluate("el => el.removeAttribute('required')")
    page.get_by_role("button", name="Bespreekpunt insturen").click()
    page.wait_for_load_state()
    summary = page.locator("#foutoverzicht")
    assert "Er is een probleem" in summary.inner_text()
    in_beeld_met_focus(summary)
    assert page.title().startswith("Fout: ")
    link = summary.get_by_role("link", name="Dit veld is verplicht.")
    assert link.get_attribute("href") == "#id_tekst"
    assert page.get_by_label("Uw naam (mag leeg)").input_value() == "Truus"
    toegankelijk(page, met_js)
    # The link takes the person to the field.
    link.click()
    expect(page.locator("#id_tekst")).to_be_focused()
