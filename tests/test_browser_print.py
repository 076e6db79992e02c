"""The public pages printed from Chromium on A4 (issue 16): few pages, no heading alone at
the foot of a page, nothing that only works on a screen, an e-mail address once."""

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

WIJK = "/heuvelland/valkenburg-oosterbeemd/"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def printed(page, url: str) -> tuple[list[str], list[str]]:
    """The text of each printed A4 page, and the page's headings as they print."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    page.emulate_media(media="print")
    koppen = [
        " ".join(kop.inner_text().split())
        for kop in page.locator("h1, h2, h3, h4, h5").all()
        if kop.is_visible()
    ]
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [p.extract_text() for p in reader.pages], koppen


def last_line(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.mark.parametrize(("pad", "hoogstens"), [("", 4), ("wijkplan/", 6)])
def test_printed_page_is_short_and_no_heading_ends_a_page(page, live_server, demo, pad, hoogstens):
    paginas, koppen = printed(page, live_server.url + WIJK + pad)
    assert len(paginas) <= hoogstens
    for nummer, tekst in enumerate(paginas[:-1], start=1):
        assert last_line(tekst) not in koppen, f"kop onderaan pagina {nummer}"


def test_nothing_stray_on_paper(page, live_server, demo):
    paginas, _ = printed(page, live_server.url + WIJK)
    tekst = "\n".join(paginas)
    for scherm in ["Direct naar de inhoud", "Hoofdmenu", "Op deze pagina", "Voor medewerkers"]:
        assert scherm not in tekst
    # The address is the link's text: printing the href after it would say it twice.
    assert tekst.count("s.lemmens@example.org") == 1
    assert "mailto:" not in tekst
    for selector in [".site-nav", ".skiplink", ".inhoudsopgave", ".btn", "form"]:
        assert all(not el.is_visible() for el in page.locator(selector).all()), selector

    paginas, _ = printed(page, live_server.url + WIJK + "wijkplan/")
    tekst = " ".join("\n".join(paginas).split())
    assert "Download als PDF" not in tekst and "om te printen of door te sturen" not in tekst


def test_calendar_links_and_forms_stay_off_paper(page, live_server, demo):
    page.goto(live_server.url + WIJK + "open-koffie/")
    assert page.get_by_text(re.compile("Abonneer in uw agenda")).first.is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_text(re.compile("Abonneer in uw agenda")).first.is_visible()
    assert all(not form.is_visible() for form in page.locator("main form").all())


def test_a_link_whose_text_is_its_address_prints_once(page, live_server, demo):
    paginas, _ = printed(page, live_server.url + WIJK + "doe-boekje/")
    assert "\n".join(paginas).count("https://seniorenvalkenburg.example/") == 1
    paginas, _ = printed(
        page, live_server.url + WIJK + "initiatieven/samen-op-stap-voor-n-boodschap/"
    )
    tekst = " ".join("\n".join(paginas).split())
    assert "Samen op stap" in tekst and "Download" not in tekst
    paginas, _ = printed(page, live_server.url + WIJK + "open-koffie/")
    assert "iCalendar" not in "\n".join(paginas)
