"""The wijkdata pages in Chromium: charts readable by screen readers, no axe violations."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import assert_accessible
from wijken.base.models import User

WIJK = "/heuvelland/valkenburg-oosterbeemd/"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_charts_have_text_alternatives_and_tables(page, live_server, demo):
    page.goto(live_server.url + WIJK)
    grafiek = page.get_by_role("img", name="Eenzaamheid in Valkenburg-Oosterbeemd")
    assert grafiek.is_visible()
    beschrijving = grafiek.evaluate(
        "el => document.getElementById(el.getAttribute('aria-labelledby').split(' ')[1])"
        ".textContent"
    )
    assert "2020: 49,8%; 2022: 53,4%" in beschrijving
    tabel = page.get_by_role("table", name=re.compile("Eenzaamheid in Valkenburg-Oosterbeemd"))
    assert tabel.get_by_role("row").count() == 3
    assert page.get_by_role("img", name="Wie wonen er in Valkenburg-Oosterbeemd").is_visible()
    assert_accessible(page)
    box = grafiek.bounding_box()
    assert box["width"] > 250 and box["height"] > 150


def test_charts_print(page, live_server, demo):
    page.goto(live_server.url + WIJK)
    page.emulate_media(media="print")
    assert page.get_by_role("img", name="Zelfredzaamheid in Valkenburg-Oosterbeemd").is_visible()
    assert page.get_by_text("Bron: RIVM modelschatting, 2020 en 2022.").first.is_visible()


def test_back_office_wijkdata_upload_and_preview(page, live_server, demo, login, tmp_path):
    login(page, User.objects.get(username="coordinator-heuvelland"), "demo")
    page.goto(live_server.url + "/beheer" + WIJK + "wijkdata/")
    assert_accessible(page)
    bestand = tmp_path / "cijfers.csv"
    bestand.write_text(
        "cbs_code,maat,jaar,waarde,eenheid,bron\nWK099401,eenzaamheid,2022,52,procent,rivm\n"
    )
    page.get_by_label("CSV-bestand met wijkcijfers").set_input_files(str(bestand))
    page.get_by_role("button", name="Bekijk wat er verandert").click()
    assert page.get_by_role("heading", name="Dit verandert er").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Toepassen").click()
    page.wait_for_url(re.compile(r"/wijkdata/$"))
    expect(page.get_by_text("0 nieuw, 1 gewijzigd")).to_be_visible()


def test_beleefde_wijkdata_saves_in_place(page, live_server, demo, login):
    login(page, User.objects.get(username="coordinator-heuvelland"), "demo")
    page.goto(live_server.url + "/beheer" + WIJK + "wijkdata/")
    blok = page.locator("#beleefd-zelfredzaamheid")
    blok.get_by_label("Herkent de wijk dit beeld?").fill("Ja, klopt.")
    blok.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#beleefd-zelfredzaamheid").get_by_text("Opgeslagen.")).to_be_visible()
    assert page.url.endswith("/wijkdata/")  # saved in place: no page load
    assert page.get_by_label("Herkent de wijk dit beeld?").first.input_value() == "Ja, klopt."


def test_programme_dashboard(page, live_server, demo, login):
    login(page, User.objects.get(username="programmamanager"), "demo")
    page.get_by_role("link", name="Alle wijken naast elkaar").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Alle wijken naast elkaar"
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Wijkverbinders")).click()
    page.get_by_role("link", name=re.compile("^Wijkverbinders")).click()
    assert "volgorde=af" in page.url
    eerste = page.locator("tbody tr").first.get_by_role("rowheader").inner_text()
    # The demo wijk with the most wijkverbinders, its regio under its name.
    assert eerste.splitlines()[0] == "Valkenburg-Oosterbeemd"
