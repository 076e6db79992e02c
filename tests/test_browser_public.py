"""Every public page of the demo, in Chromium: it answers, has one h1, and passes axe."""

import pytest
from django.core.management import call_command

from tests.conftest import assert_accessible
from wijken.base.models import Regio, Wijk


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def public_paths() -> list[str]:
    # The home page with each answer of its search: one wijk, several, none, an error.
    paths = ["/", "/?zoek=6301", "/?zoek=heer", "/?zoek=63011", "/?zoek=" + "x" * 101]
    paths += ["/methode/", "/contact/", "/privacy/", "/toegankelijkheid/"]
    paths += [regio.get_absolute_url() for regio in Regio.objects.all()]
    paths += [wijk.get_absolute_url() for wijk in Wijk.objects.select_related("regio")]
    return paths


def test_every_public_page_of_the_demo(page, live_server, demo):
    paths = public_paths()
    assert len(paths) >= 8
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_unknown_pages_are_the_styled_404(page, live_server, demo):
    for path in ["/onbekend/", "/heuvelland/onbekend/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 404
        assert page.get_by_role("heading", level=1).inner_text() == "Deze pagina bestaat niet"
        assert_accessible(page)


def test_skip_link_moves_focus_to_the_content(page, live_server, demo):
    page.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_base_font_is_at_least_18px(page, live_server, demo):
    page.goto(live_server.url + "/")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 18


def test_wijk_page_prints_without_navigation(page, live_server, demo):
    page.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/")
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.get_by_role("heading", name="Wie leeft en werkt hier?").is_visible()


@pytest.mark.parametrize("breedte, hoogte", [(390, 700), (1280, 800)])
def test_kies_uw_wijk_and_the_next_open_koffie_are_above_the_fold(
    page, live_server, demo, breedte, hoogte
):
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(live_server.url + "/")
    knop = page.get_by_role("button", name="Zoeken").bounding_box()
    assert knop["y"] + knop["height"] <= hoogte
    # The plain GET form answers with the wijk, one click away.
    page.get_by_label("Uw wijk, plaats of postcode").fill("6301")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Naar de pagina van Valkenburg-Oosterbeemd").click()
    kop = page.get_by_role("heading", name="De volgende Open Koffie").bounding_box()
    assert kop["y"] + kop["height"] <= hoogte
