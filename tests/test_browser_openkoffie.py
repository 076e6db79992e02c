"""The Open Koffie in Chromium: from a resident's point to the public agenda."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from openkoffie.models import OpenKoffie
from tests.conftest import assert_accessible
from tests.factories import HuisFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from wijken.base.models import User


@pytest.fixture(autouse=True)
def leeg_cache(transactional_db):
    # The cache table is not emptied between tests that use the live server.
    cache.clear()


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(14), onderwerp="Najaarskoffie")


def bring_in(page, tekst: str) -> None:
    page.get_by_label("Wat wilt u bespreken?").fill(tekst)
    page.get_by_label("Uw naam (mag leeg)").fill("Truus")
    page.get_by_label("Uw telefoon of e-mail (mag leeg)").fill("06 5550 4321")
    page.get_by_role("button", name="Bespreekpunt insturen").click()


def test_point_from_resident_to_public_agenda(
    page, browser, live_server, login, open_koffie, coordinator_a
):
    resident = browser.new_page()
    resident.goto(live_server.url + open_koffie.get_absolute_url())
    assert_accessible(resident)
    bring_in(resident, "Een bankje bij de bushalte")
    resident.get_by_text("Uw bespreekpunt is ontvangen").wait_for()
    assert resident.get_by_text("Een bankje bij de bushalte").count() == 0
    assert_accessible(resident)

    login(page, coordinator_a)
    page.goto(live_server.url + open_koffie.get_beheer_url())
    assert_accessible(page)
    assert page.get_by_text("06 5550 4321").is_visible()
    page.get_by_role("button", name="Accepteren").click()
    page.get_by_text("Op de agenda ·").wait_for()
    assert page.url.endswith(open_koffie.get_beheer_url())  # in place, through htmx

    resident.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/open-koffie/")
    assert resident.get_by_text("Een bankje bij de bushalte").is_visible()
    assert resident.get_by_text("06 5550 4321").count() == 0
    assert_accessible(resident)
    resident.close()


def test_second_rapid_submission_is_refused_kindly(page, live_server, open_koffie):
    page.goto(live_server.url + open_koffie.get_absolute_url())
    bring_in(page, "Eerste punt")
    page.get_by_text("Uw bespreekpunt is ontvangen").wait_for()
    bring_in(page, "Tweede punt")
    page.get_by_text("U heeft net al iets ingestuurd").wait_for()
    assert page.get_by_label("Wat wilt u bespreken?").input_value() == "Tweede punt"
    assert_accessible(page)
    assert list(open_koffie.bespreekpunten.values_list("tekst", flat=True)) == ["Eerste punt"]


def test_plan_a_year_at_once(page, live_server, login, wijk_a, coordinator_a):
    HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    login(page, coordinator_a)
    page.goto(live_server.url + "/beheer/heuvelland/valkenburg-oosterbeemd/")
    assert page.get_by_text("Geen Open Koffies gepland in de komende twaalf maanden").is_visible()
    page.get_by_role("link", name="Open Koffie en overleg").first.click()
    assert_accessible(page)
    eerste = timezone.localdate() + datetime.timedelta(days=21)
    page.get_by_label("Eerste datum").fill(eerste.isoformat())
    page.get_by_role("button", name="Plan vier Open Koffies").click()
    page.get_by_text("Vier Open Koffies gepland").wait_for()
    assert OpenKoffie.objects.voor_wijk(wijk_a).komend_jaar().count() == 4
    assert page.locator("#komend-kop + ul li").count() == 4
    assert page.get_by_text("Open Koffies gepland in de komende twaalf maanden").count() == 0


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_open_koffie_pages_pass_axe(page, live_server, login, demo):
    gecombineerd = OpenKoffie.objects.get(tweede_wijk__slug="hulsberg-panhuys")
    public = [
        "/open-koffie/",
        "/heuvelland/valkenburg-oosterbeemd/open-koffie/",
        "/heerlen/welten-benzenrade-douvenrade/open-koffie/",
        "/heuvelland/hulsberg-panhuys/open-koffie/",
        gecombineerd.get_absolute_url(),
        "/maastricht/heer/word-wijkverbinder/",
    ]
    for path in public:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    login(page, User.objects.get(username="coordinator-heuvelland"), password="demo")
    beheer = "/beheer/heuvelland/hulsberg-panhuys/"
    for path in [
        beheer + "open-koffie/",
        beheer + f"open-koffie/{gecombineerd.pk}/",
        beheer + f"open-koffie/{gecombineerd.pk}/agenda/",
        beheer + f"open-koffie/{gecombineerd.pk}/bewerken/",
        beheer + f"open-koffie/{gecombineerd.pk}/verslag/",
        beheer + "overleg/nieuw/",
        beheer + "wijkverbinders/",
    ]:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
