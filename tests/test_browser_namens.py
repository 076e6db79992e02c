"""Issue 18 in Chromium, with and without JavaScript: a coördinator enters a point a
resident gave by phone, accepts it, and it shows on the public agenda without the phone
number; she records a wijk-actie for recruitment."""

import pytest
from django.core.cache import cache

from tests.conftest import assert_accessible
from tests.factories_openkoffie import OpenKoffieFactory, over

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def leeg_cache(transactional_db):
    cache.clear()


@pytest.fixture(params=[True, False], ids=["met-js", "zonder-js"])
def met_js(request):
    return request.param


@pytest.fixture
def medewerker(browser, met_js):
    context = browser.new_context(java_script_enabled=met_js)
    yield context.new_page()
    context.close()


def test_a_point_by_phone_reaches_the_agenda(
    medewerker, met_js, live_server, login, wijk_a, coordinator_a
):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(14), onderwerp="Najaarskoffie")
    login(medewerker, coordinator_a)
    medewerker.goto(live_server.url + open_koffie.get_beheer_url())
    medewerker.get_by_role("link", name="Punt invoeren voor een bewoner").click()
    if met_js:
        assert_accessible(medewerker)
    medewerker.get_by_label("Hoe kwam het punt binnen?").select_option("telefoon")
    medewerker.get_by_label("Wat wil de bewoner bespreken?").fill("De bus op zondag")
    medewerker.get_by_label("Telefoon of adres van de bewoner (mag leeg)").fill("043 601 22 18")
    medewerker.get_by_role("button", name="Punt opslaan").click()
    medewerker.get_by_text("telefonisch, ingevoerd door").wait_for()
    medewerker.get_by_role("button", name="Accepteren").click()
    medewerker.get_by_text("Op de agenda ·").wait_for()

    publiek = medewerker.context.browser.new_page()
    publiek.goto(live_server.url + open_koffie.get_absolute_url())
    assert publiek.get_by_text("De bus op zondag").is_visible()
    assert publiek.get_by_text("601 22 18").count() == 0
    publiek.close()


def test_a_wijk_actie_is_recorded_against_the_goal(
    medewerker, met_js, live_server, login, wijk_a, coordinator_a
):
    login(medewerker, coordinator_a)
    medewerker.goto(f"{live_server.url}/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/wijkverbinders/")
    assert medewerker.get_by_text("0 van 2").is_visible()
    medewerker.get_by_label("Hoe").select_option("flyer")
    medewerker.get_by_label("Wat is er gedaan?").fill("Flyers in de Kerkstraat")
    medewerker.get_by_role("button", name="Actie vastleggen").click()
    medewerker.get_by_text("1 van 2").wait_for()
    assert medewerker.locator("#wervingsacties li", has_text="Flyers in de Kerkstraat").is_visible()
    if met_js:
        assert_accessible(medewerker)
