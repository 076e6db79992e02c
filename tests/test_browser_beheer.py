"""The back office in Chromium: login, dashboard, editing with and without htmx."""

import pytest
from django.core.management import call_command

from tests.conftest import PASSWORD, assert_accessible


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_coordinator_edits_wijk_in_place_with_htmx(page, live_server, login, coordinator_a):
    login(page, coordinator_a)
    assert_accessible(page)
    page.get_by_role("link", name="Valkenburg-Oosterbeemd", exact=True).click()
    assert_accessible(page)
    page.get_by_label("Behoeften en mogelijkheden").fill("Samen boodschappen doen")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Opgeslagen.").wait_for()
    # Saved in place: the page did not navigate away, the heading is still there.
    assert page.url.endswith("/beheer/heuvelland/valkenburg-oosterbeemd/")
    page.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/")
    assert page.get_by_text("Samen boodschappen doen").is_visible()


def test_everything_works_without_javascript(browser, live_server, coordinator_a):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/beheer/")
    page.get_by_label("Gebruikersnaam").fill(coordinator_a.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Valkenburg-Oosterbeemd", exact=True).click()
    page.get_by_role("link", name="Huis toevoegen").click()
    page.get_by_label("Naam").fill("Oosterbeemd")
    page.get_by_label("Adres").fill("Oosterbeemdweg 12")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Het huis is toegevoegd.").is_visible()
    page.get_by_label("Naam").fill("Oosterbeemd-Zuid")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De gegevens van de wijk zijn opgeslagen.").is_visible()
    context.close()


def test_demo_back_office_pages_pass_axe(page, live_server, login, demo):
    from wijken.base.models import User

    login(page, User.objects.get(username="coordinator-heuvelland"), password="demo")
    for path in [
        "/beheer/heuvelland/hulsberg-panhuys/",
        "/beheer/heuvelland/hulsberg-panhuys/huizen/nieuw/",
        "/beheer/heuvelland/hulsberg-panhuys/wijkverbinders/nieuw/",
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    assert (
        page.goto(live_server.url + "/beheer/heerlen/welten-benzenrade-douvenrade/").status == 404
    )
