"""The doe-boekje and Bijlage 2 in Chromium: axe on every new page, print, htmx and no-JS."""

import pytest
from django.core.management import call_command

from tests.conftest import assert_accessible
from wijken.base.models import User, Wijk

DOE_BOEKJE = "/heuvelland/valkenburg-oosterbeemd/doe-boekje/"
BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/doe-boekje/"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_public_doe_boekje_pages_pass_axe(page, live_server, demo):
    paths = [
        f"{wijk.get_absolute_url()}doe-boekje/" for wijk in Wijk.objects.select_related("regio")
    ]
    paths += [
        f"{DOE_BOEKJE}?dag=donderdag&zoek=eten",
        f"{DOE_BOEKJE}?dag=onzin",
        f"{DOE_BOEKJE}?zoek=paardrijden",
        "/doe-boekje/",
        "/doe-boekje/?zoek=wandel",
        "/heuvelland/valkenburg-oosterbeemd/",
    ]
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_search_and_filter_with_the_form(page, live_server, demo):
    page.goto(live_server.url + DOE_BOEKJE)
    page.get_by_label("Op welke dag?").select_option("donderdag")
    page.get_by_label("Zoek op woord").fill("eten")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_role("heading", name="Samen eten").is_visible()
    assert page.get_by_role("heading", name="Stoelyoga").count() == 0
    assert page.get_by_text("1 resultaat voor “eten” op donderdag.").is_visible()


def test_doe_boekje_prints_cleanly(page, live_server, demo):
    page.goto(live_server.url + DOE_BOEKJE)
    page.emulate_media(media="print")
    assert page.locator("form.doe-zoek").is_hidden()
    assert page.locator(".site-nav").is_hidden()
    assert page.get_by_role("heading", name="Samen eten").is_visible()
    assert page.get_by_role("heading", name="Activiteiten").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_quick_update_in_place_with_htmx(page, live_server, login, demo):
    login(page, User.objects.get(username="wijkverbinder-valkenburg"), password="demo")
    page.get_by_role("link", name="Doe-boekje van Valkenburg-Oosterbeemd bijwerken").click()
    assert_accessible(page)
    rij = page.locator("li.doe-item", has=page.get_by_role("link", name="Samen eten"))
    rij.get_by_role("link", name="Snel bijwerken").click()
    rij = page.locator("li.doe-item", has=page.get_by_role("link", name="Samen eten"))
    rij.get_by_label("Kosten").fill("€ 8 voor drie gangen")
    assert_accessible(page)
    rij.get_by_role("button", name="Opslaan").click()
    page.get_by_text("“Samen eten” is bijgewerkt.").wait_for()
    assert page.url == live_server.url + BEHEER  # in place: no navigation
    page.goto(live_server.url + DOE_BOEKJE)
    assert page.get_by_text("€ 8 voor drie gangen").is_visible()


def test_back_office_pages_pass_axe(page, live_server, login, demo):
    login(page, User.objects.get(username="coordinator-heuvelland"), password="demo")
    huis = Wijk.objects.get(slug="valkenburg-oosterbeemd").huizen.get()
    item = Wijk.objects.get(slug="valkenburg-oosterbeemd").doe_boekje.get(naam="Samen eten")
    for path in [
        BEHEER,
        BEHEER + "?toon=te-controleren",
        BEHEER + "?toon=archief",
        BEHEER + "nieuw/",
        f"{BEHEER}{item.pk}/",
        f"{BEHEER}{item.pk}/snel/",
        f"/beheer/heuvelland/valkenburg-oosterbeemd/huizen/{huis.pk}/mogelijkheden/",
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    # The Bijlage 2 page with its error messages (axe needs JavaScript, so not in the no-JS test).
    page.get_by_label("Van, regel 1", exact=True).fill("18:00")
    page.get_by_label("Aantal personen (BHV), regel 1", exact=True).fill("0")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Er is nog niets opgeslagen.").is_visible()
    assert page.get_by_text("moet na de begintijd (18:00) liggen").is_visible()
    assert_accessible(page)


def login_without_javascript(browser, live_server, username: str):
    """A page without JavaScript (axe cannot run there), logged in with the demo password."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    return context, page


def test_bijlage_2_without_javascript_and_its_errors(browser, live_server, demo):
    context, page = login_without_javascript(browser, live_server, "coordinator-heuvelland")
    page.get_by_role("link", name="Valkenburg-Oosterbeemd", exact=True).click()
    page.get_by_role("link", name="Mogelijkheden in Oosterbeemd (Bijlage 2)").click()
    page.get_by_label("Naam, regel 4", exact=True).fill("Grote zaal")
    page.get_by_label("Aantal personen (BHV), regel 4", exact=True).fill("900")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Er is nog niets opgeslagen.").is_visible()
    assert page.get_by_text("Meer dan 500 personen in één ruimte").is_visible()
    page.get_by_label("Aantal personen (BHV), regel 4", exact=True).fill("90")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("De mogelijkheden van Oosterbeemd zijn opgeslagen.").is_visible()
    page.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/")
    assert page.get_by_role("rowheader", name="Grote zaal").is_visible()
    context.close()


def test_quick_update_without_javascript(browser, live_server, demo):
    context, page = login_without_javascript(browser, live_server, "wijkverbinder-valkenburg")
    page.goto(live_server.url + BEHEER)
    rij = page.locator("li.doe-item", has=page.get_by_role("link", name="Stoelyoga"))
    rij.get_by_role("link", name="Snel bijwerken").click()
    rij = page.locator("li.doe-item", has=page.get_by_role("link", name="Stoelyoga"))
    rij.get_by_label("Wanneer").fill("Elke woensdag 11:00–11:45")
    rij.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("“Stoelyoga” is bijgewerkt.").is_visible()
    rij = page.locator("li.doe-item", has=page.get_by_role("link", name="Stoelyoga"))
    rij.get_by_role("button", name="Archiveren").click()
    assert page.get_by_text("“Stoelyoga” is gearchiveerd.").is_visible()
    context.close()
