"""Pasting from Word or a web page: HTML and plain text become the Markdown subset."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from communitycare.lib.markdown import render_markdown
from communitycare.lib.plakken import html_to_markdown, tidy_pasted_text
from openkoffie.models import OpenKoffie
from tests.factories_openkoffie import OpenKoffieFactory, over
from wijken.wijkplan.models import Wijkplan

WORD_HTML = (Path(__file__).parent / "data" / "word_plakken.html").read_text()
WORD_MARKDOWN = """\
**Afspraken**

We spraken af om *elke* maand samen te koken.

- Boodschappen **samen** doen
  - op dinsdag
- Koffie in [het huis](https://example.org/huis)

1. Eerst bellen
2. Dan klikken \\* sterretje

## Tussenkop"""
# What Word puts on the clipboard as plain text: its markers, a tab, no-break spaces.
WORD_PLAIN = (
    "Afspraken\r\n·\tBoodschappen samen doen\r\no\top dinsdag\r\n·\tKoffie\xa0in het huis\r\n"
    "\r\n1.\tEerst bellen\r\n2.\tDan\tklikken"
)
PLAIN_MARKDOWN = (
    "Afspraken\n- Boodschappen samen doen\n  - op dinsdag\n- Koffie in het huis\n\n"
    "1. Eerst bellen\n2. Dan klikken"
)
WIJKPLAN = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
OPEN_KOFFIE = "/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/"


def test_word_html_becomes_the_markdown_subset():
    markdown = html_to_markdown(WORD_HTML)
    assert markdown == WORD_MARKDOWN
    for gone in ["mso", "Normal", "javascript", "alert", "<", "·", "\t", "\xa0"]:
        assert gone not in markdown


def test_word_html_renders_as_lists_and_bold():
    html = render_markdown(html_to_markdown(WORD_HTML))
    assert "<p><strong>Afspraken</strong></p>" in html
    assert "<li>Boodschappen <strong>samen</strong> doen\n<ul>\n<li>op dinsdag</li>" in html
    assert "<ol>\n<li>Eerst bellen</li>" in html
    assert "* sterretje" in html  # Word's own asterisk stays an asterisk


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        # Google Docs: the whole copy in <b style="font-weight:normal">, bold as a style.
        (
            '<b style="font-weight:normal" id="docs-internal-guid-1"><p><span '
            'style="font-weight:700">Vet</span> en <span style="font-style:italic">schuin'
            "</span></p></b>",
            "**Vet** en *schuin*",
        ),
        # A web page: real lists, a heading, a link to keep and one to drop.
        (
            '<h1>Kop</h1><ul><li>een</li><li><a href="https://example.org">twee</a></li></ul>'
            '<p><a href="data:text/html,x">drie</a><img src="x.png" alt="plaatje"></p>',
            "# Kop\n\n- een\n- [twee](https://example.org)\n\ndrie",
        ),
        ("<table><tr><td>cel</td></tr></table>", "cel"),
    ],
)
def test_html_of_other_sources(html, markdown):
    assert html_to_markdown(html) == markdown


def test_plain_word_text_becomes_lists():
    assert tidy_pasted_text(WORD_PLAIN) == PLAIN_MARKDOWN
    html = render_markdown(tidy_pasted_text(WORD_PLAIN))
    assert "<ul>\n<li>Boodschappen samen doen\n<ul>\n<li>op dinsdag</li>" in html
    assert "<ol>\n<li>Eerst bellen</li>" in html


def test_a_line_of_many_tabs_is_quick():
    started = time.monotonic()
    assert tidy_pasted_text("·" + "\t " * 100_000 + "x") == "- x"
    assert tidy_pasted_text("1." + " \t" * 100_000) == "1."
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    "text", [WORD_MARKDOWN, PLAIN_MARKDOWN, "# Kop\n\n- een\n    - twee\n\n3. drie *vier*"]
)
def test_markdown_stays_as_it_is(text):
    assert tidy_pasted_text(text) == text


def test_paste_endpoint_converts_and_stores_nothing(client_for, django_assert_num_queries):
    client = client_for("coordinator_a")
    with django_assert_num_queries(2):  # the session and its user
        response = client.post("/beheer/plakken/", {"html": WORD_HTML})
    assert response.json() == {"markdown": WORD_MARKDOWN}


@pytest.mark.parametrize("html", ["", "   ", "x" * 2_000_001])
def test_paste_endpoint_refuses_nothing_or_too_much(client_for, html):
    response = client_for("coordinator_a").post("/beheer/plakken/", {"html": html})
    assert response.status_code == 400
    assert response.json() == {"fout": "Dit kon niet worden omgezet."}


def test_paste_endpoint_needs_a_login(client_for):
    response = client_for("anonymous").post("/beheer/plakken/", {"html": "<b>x</b>"})
    assert response.status_code == 302


def test_wijkplan_textarea_carries_the_paste_endpoint(client_for, wijk_a):
    html = client_for("coordinator_a").get(WIJKPLAN + "delen/doel_overig/").content.decode()
    assert 'data-plakken="/beheer/plakken/"' in html
    assert "/static/js/plakken.js" in html


def test_plain_word_text_in_the_wijkplan_without_javascript(client_for, wijk_a):
    client = client_for("coordinator_a")
    client.post(WIJKPLAN + "delen/doel_overig/", {"doel_overig": WORD_PLAIN, "versie": 0})
    assert Wijkplan.objects.get(wijk=wijk_a).doel_overig == PLAIN_MARKDOWN
    html = client.get("/heuvelland/valkenburg-oosterbeemd/wijkplan/").content.decode()
    assert "<li>Boodschappen samen doen\n<ul>\n<li>op dinsdag</li>" in html


def test_verslag_renders_markdown_on_the_public_and_beheer_pages(client_for, wijk_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-2))
    client = client_for("coordinator_a")
    data = {"aantal_buurtbewoners": "12", "verslag": "**Afspraken**\n" + WORD_PLAIN}
    client.post(f"{OPEN_KOFFIE}{geweest.pk}/verslag/", data)
    verslag = OpenKoffie.objects.get(pk=geweest.pk).verslag
    assert verslag == "**Afspraken**\n" + PLAIN_MARKDOWN
    for url in [
        geweest.get_absolute_url(),
        "/heuvelland/valkenburg-oosterbeemd/open-koffie/",
        f"{OPEN_KOFFIE}{geweest.pk}/",
    ]:
        html = client.get(url).content.decode()
        assert "<strong>Afspraken</strong>" in html and "**" not in html, url
        assert "<li>op dinsdag</li>" in html, url
    form = client.get(f"{OPEN_KOFFIE}{geweest.pk}/verslag/").content.decode()
    assert 'data-plakken="/beheer/plakken/"' in form


@pytest.mark.browser
def test_paste_word_html_into_a_wijkplan_textarea_and_save(
    page, live_server, login, wijk_a, coordinator_a
):
    login(page, coordinator_a)
    page.goto(live_server.url + WIJKPLAN)
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+2\.1\.4 Overige doelen")).click()
    veld = page.get_by_role("textbox", name=re.compile(r"^2\.1\.4 overige doelen", re.I))
    veld.fill("Voor. ")
    # What the browser does when one pastes from Word: both flavours on the clipboard.
    veld.evaluate(
        """(textarea, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Afspraken ...");
            textarea.setSelectionRange(textarea.value.length, textarea.value.length);
            textarea.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        WORD_HTML,
    )
    expect(veld).to_have_value("Voor. " + WORD_MARKDOWN)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    deel = page.locator("#deel-doel-overig")
    expect(deel.locator("strong").first).to_have_text("Afspraken")
    expect(deel.locator("ul ul li")).to_have_text("op dinsdag")
    assert Wijkplan.objects.get(wijk=wijk_a).doel_overig == "Voor. " + WORD_MARKDOWN
