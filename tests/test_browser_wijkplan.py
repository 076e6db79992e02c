"""The wijkplan in Chromium: editing in place, acties, conflicts, history."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, assert_accessible
from tests.factories import UserFactory
from tests.factories_wijkplan import ActieFactory
from wijken.base import roles
from wijken.wijkplan.models import Wijkplan, bewaar_deel

pytestmark = pytest.mark.browser

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
PUBLIEK = "/heuvelland/valkenburg-oosterbeemd/wijkplan/"
WIJKDATA = re.compile(r"^1\.1\.1 wijkdata", re.IGNORECASE)


@pytest.fixture
def oud_plan(wijk_a, coordinator_a):
    plan = Wijkplan(wijk=wijk_a, wijkdata="Oude tekst.", versies={"wijkdata": 1})
    plan._history_user = coordinator_a
    plan._history_date = datetime.datetime(2025, 1, 15, 12, 0, tzinfo=datetime.UTC)
    plan.save()
    return plan


@pytest.fixture
def coordinator_a2(wijk_a):
    user = UserFactory(username="coordinator-a2", rol=roles.COORDINATOR)
    wijk_a.coordinatoren.add(user)
    return user


def mark_page(page) -> None:
    """A marker that a full page load would wipe: proves htmx swapped in place."""
    page.evaluate("document.body.dataset.geenReload = 'ja'")


def assert_not_reloaded(page) -> None:
    assert page.evaluate("document.body.dataset.geenReload") == "ja"


def test_edit_a_section_in_place_and_see_the_date_change(page, live_server, login, oud_plan):
    login(page, oud_plan.wijk.coordinatoren.get())
    page.goto(live_server.url + BASE)
    assert_accessible(page)
    datum = page.locator("#laatste-wijziging")
    expect(datum).to_contain_text("15 januari 2025")
    mark_page(page)
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+1\.1\.1 Wijkdata")).click()
    veld = page.get_by_role("textbox", name=WIJKDATA)
    expect(veld).to_be_focused()
    assert_accessible(page)
    veld.fill("Nieuwe **tekst** over de wijk.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    expect(page.locator("#deel-wijkdata strong")).to_have_text("tekst")
    expect(datum).not_to_contain_text("2025")
    expect(datum).to_contain_text(str(datetime.date.today().year))
    assert_not_reloaded(page)
    assert page.url.endswith(BASE)
    # The same form as a page of its own, for browsers without JavaScript (axe needs JS).
    page.goto(live_server.url + BASE + "delen/wijkdata/")
    assert_accessible(page)
    page.goto(live_server.url + PUBLIEK)
    expect(page.locator("#deel-wijkdata")).to_contain_text("Nieuwe tekst over de wijk.")
    expect(page.locator("#laatste-wijziging")).not_to_contain_text("2025")
    assert_accessible(page)


def test_add_reorder_and_complete_an_actie_without_reload(page, live_server, login, oud_plan):
    ActieFactory(wijkplan=oud_plan, omschrijving="Bestaande actie", volgorde=1)
    login(page, oud_plan.wijk.coordinatoren.get())
    page.goto(live_server.url + BASE)
    mark_page(page)
    page.locator("#id_actie-omschrijving").fill("Flyers rondbrengen")
    page.locator("#id_actie-wie").fill("Jo")
    page.get_by_role("button", name="Actie toevoegen").click()
    rijen = page.locator("#acties tbody tr")
    expect(rijen).to_have_count(2)
    expect(rijen.nth(1)).to_contain_text("Flyers rondbrengen")
    expect(page.locator("#id_actie-omschrijving")).to_have_value("")

    page.get_by_role("button", name="Een plek omhoog: Flyers rondbrengen").click()
    expect(rijen.nth(0)).to_contain_text("Flyers rondbrengen")
    expect(rijen.nth(1)).to_contain_text("Bestaande actie")

    page.get_by_role("button", name=re.compile(r"^Afronden\W+Flyers rondbrengen")).click()
    expect(rijen.nth(0)).to_contain_text("Ja")
    expect(
        page.get_by_role("button", name=re.compile(r"^Heropenen\W+Flyers rondbrengen"))
    ).to_be_visible()
    assert_not_reloaded(page)
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+Bestaande actie")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actie bewerken")
    assert_accessible(page)
    assert [a.omschrijving for a in oud_plan.acties.all()] == [
        "Flyers rondbrengen",
        "Bestaande actie",
    ]
    assert oud_plan.acties.get(omschrijving="Flyers rondbrengen").afgerond


def test_move_an_actie_to_a_place_with_the_keyboard(page, live_server, login, oud_plan):
    for volgorde, naam in enumerate(["Eerste", "Tweede", "Derde"], start=1):
        ActieFactory(wijkplan=oud_plan, omschrijving=naam, volgorde=volgorde)
    login(page, oud_plan.wijk.coordinatoren.get())
    page.goto(live_server.url + BASE)
    mark_page(page)
    plaats = page.get_by_role("spinbutton", name=re.compile(r"^Naar plaats.*: Derde$"))
    expect(plaats).to_have_value("3")
    plaats.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    expect(page.get_by_text("“Derde” staat nu op plaats 1.")).to_be_visible()
    rijen = page.locator("#acties tbody tr")
    expect(rijen.nth(0)).to_contain_text("Derde")
    expect(rijen.nth(1)).to_contain_text("Eerste")
    assert_not_reloaded(page)
    assert_accessible(page)
    # The button does the same, also by keyboard (Tab to it, then Space).
    plaats = page.get_by_role("spinbutton", name=re.compile(r"^Naar plaats.*: Eerste$"))
    plaats.fill("3")
    plaats.press("Tab")
    expect(page.get_by_role("button", name=re.compile(r"^Verplaats\W+Eerste$"))).to_be_focused()
    page.keyboard.press("Space")
    expect(rijen.nth(2)).to_contain_text("Eerste")
    assert [a.omschrijving for a in oud_plan.acties.all()] == ["Derde", "Tweede", "Eerste"]


def _logged_in_page(browser, live_server, user):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/beheer/$"))
    return context, page


def test_two_users_save_the_same_section(browser, live_server, oud_plan, coordinator_a2):
    context_a, page_a = _logged_in_page(browser, live_server, oud_plan.wijk.coordinatoren.first())
    context_b, page_b = _logged_in_page(browser, live_server, coordinator_a2)
    for page in (page_a, page_b):
        page.goto(live_server.url + BASE)
        page.get_by_role("link", name=re.compile(r"^Bewerken\W+1\.1\.1 Wijkdata")).click()
    page_a.get_by_role("textbox", name=WIJKDATA).fill("Tekst van A.")
    page_a.get_by_role("button", name="Opslaan").click()
    expect(page_a.get_by_text("Opgeslagen.")).to_be_visible()

    page_b.get_by_role("textbox", name=WIJKDATA).fill("Tekst van B.")
    page_b.get_by_role("button", name="Opslaan").click()
    expect(page_b.get_by_role("alert")).to_contain_text("iemand anders heeft deze tekst opgeslagen")
    expect(page_b.get_by_role("textbox", name=WIJKDATA)).to_have_value("Tekst van B.")
    expect(page_b.locator("#deel-wijkdata-huidig")).to_have_text("Tekst van A.")
    assert_accessible(page_b)
    oud_plan.refresh_from_db()
    assert oud_plan.wijkdata == "Tekst van A."

    page_b.get_by_role("textbox", name=WIJKDATA).fill("Tekst van A.\n\nTekst van B.")
    page_b.get_by_role("button", name="Opslaan").click()
    expect(page_b.get_by_text("Opgeslagen.")).to_be_visible()
    oud_plan.refresh_from_db()
    assert oud_plan.wijkdata == "Tekst van A.\n\nTekst van B."
    context_a.close()
    context_b.close()


def test_history_diff_and_restore(page, live_server, login, oud_plan):
    coordinator = oud_plan.wijk.coordinatoren.get()
    bewaar_deel(oud_plan.wijk, "wijkdata", "Nieuwe tekst.", 1, coordinator)
    login(page, coordinator)
    page.goto(live_server.url + BASE)
    page.get_by_role("link", name="Versies, verschillen en vaststellen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Vergelijk de gekozen versies").click()
    expect(page.locator("#deel-wijkdata-verschil, .verschil").first).to_be_visible()
    expect(page.locator(".verschil del").first).to_contain_text("Oude")
    expect(page.locator(".verschil ins").first).to_contain_text("Nieuwe")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("De tekst van 15 januari 2025")).first.click()
    assert_accessible(page)
    page.get_by_role(
        "button", name=re.compile(r"^Deze tekst terugzetten\W+1\.1\.1 Wijkdata")
    ).click()
    expect(page.get_by_text("is teruggezet")).to_be_visible()
    expect(page.locator("#deel-wijkdata")).to_contain_text("Oude tekst.")
    oud_plan.refresh_from_db()
    assert oud_plan.wijkdata == "Oude tekst." and oud_plan.history.count() == 3


def test_without_javascript_a_section_is_a_normal_form(browser, live_server, oud_plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(oud_plan.wijk.coordinatoren.get().username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + BASE)
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+1\.1\.1 Wijkdata")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("1.1.1 Wijkdata bewerken")
    page.get_by_role("textbox", name=WIJKDATA).fill("Zonder JavaScript.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("1.1.1 is opgeslagen.")).to_be_visible()
    page.locator("#id_actie-omschrijving").fill("Actie zonder JavaScript")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("#acties tbody")).to_contain_text("Actie zonder JavaScript")
    context.close()


def test_demo_wijkplannen_pass_axe(page, live_server, login, transactional_db):
    from django.core.management import call_command

    from wijken.base.models import User, Wijk

    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for wijk in Wijk.objects.select_related("regio"):
        page.goto(f"{live_server.url}/{wijk.regio.slug}/{wijk.slug}/wijkplan/")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    login(page, User.objects.get(username="coordinator-heerlen"), password="demo")
    page.goto(live_server.url + "/beheer/heerlen/welten-benzenrade-douvenrade/wijkplan/")
    assert_accessible(page)
    assert page.goto(live_server.url + BASE).status == 404
