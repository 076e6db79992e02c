"""Reflow (WCAG 1.4.10): every HTML page of the portal fits a 320 px wide screen.

Every URL of the URL × persona matrix is loaded in Chromium at 320 px, as the persona that
may see it: anonymous for public pages, the wijk's coördinator for its back office, the
programmamanager for the programme. Nothing may be wider than the viewport: not the page
(no sideways scrolling) and no element inside it (not even in a scroll box, which a
keyboard cannot scroll). Wider, at 800 and 1280 px, the page still fits and only a box the
keyboard can focus may scroll sideways. Pages with tables pass axe at 320 px. The Django
admin, POST-only URLs and answers that are not HTML (PDFs, calendars, JSON, CSV) are left
out.
"""

from types import SimpleNamespace

import pytest

from tests.conftest import assert_accessible
from tests.factories import UserFactory
from tests.test_url_persona_matrix import EXPECTED, maak_inhoud, portal_urls, url_for
from wijken.base import roles

pytestmark = pytest.mark.browser

BREEDTE = 320
# Wider screens, where tables are tables again: still no sideways scrolling of the page,
# and a box that scrolls sideways (the programme's table) must take keyboard focus.
BREDER = [800, 1280]
# The personas who see the pages, in the order they are tried: the first with a 200 wins.
KIJKERS = ["anonymous", "coordinator_a", "programmamanager"]
# Answers that are not an HTML page (besides the open-data API): files and feeds.
NIET_HTML = {
    "healthz",
    "readyz",
    "security_txt",
    "wijken:doeboekje_pdf",
    "wijkplan:pdf",
    "initiatieven:beschrijving_pdf",
    "initiatieven:evaluatie_pdf",
    "openkoffie_beheer:kaart",
    "initiatieven_beheer:begroting_export",
    "beheer:ok_voorbereiding_pdf",
    "beheer:ok_poster",
    "openkoffie:wijkverbinder_flyer",
    "openkoffie:alle_ics",
    "openkoffie:wijk_ics",
    "openkoffie:bijeenkomst_ics",
    "beheer:programma_export_csv",
    "beheer:programma_export_xlsx",
    "wijken:jaarverslag_pdf",
    "beheer:jaarverslag_pdf",
    "beheer:programma_jaarverslag_pdf",
    "beheer:programma_jaarverslag_xlsx",
}
# Pages that look different to the programmamanager as well: seen by both.
OOK_PROGRAMMAMANAGER = {"beheer:dashboard"}

# Text as people paste it: a word and a link too long for any phone screen.
LANG_WOORD = "Buurtbewonersondersteuningsvrijwilligersnetwerkbijeenkomstverslag"
LANGE_URL = "https://www.voorbeeld-gemeente.nl/" + "/".join(["wijkvoorzieningen"] * 6)

# The outermost elements whose right edge lies beyond the viewport (their children,
# which stick out with them, are not repeated), each as a short CSS selector; and the
# elements whose own text runs out of them beyond the viewport (a long word or URL).
# What is visually hidden (for screen readers only) is clipped to 1 px and never seen.
TE_BREED = """(breedte) => {
  const uit = (r) => r.width > 0 && r.height > 0 && r.right > breedte + 0.5;
  // Visually hidden: inside a box of at most 1 px that clips what overflows it.
  const geheim = new Map();
  const verborgen = (el) => {
    if (!el || el === document.body) return false;
    if (!geheim.has(el)) {
      const r = el.getBoundingClientRect();
      const clipt = getComputedStyle(el).overflow !== "visible" && r.width <= 1 && r.height <= 1;
      geheim.set(el, clipt || verborgen(el.parentElement));
    }
    return geheim.get(el);
  };
  const naam = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map((c) => "." + c).join("");
  const pad = (el) => {
    const delen = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) delen.unshift(naam(e));
    return delen.slice(-3).join(" > ");
  };
  const rechts = (r) => ` (rechts ${Math.round(r.right)} px)`;
  const elementen = [...document.body.querySelectorAll("*")].filter((el) => !verborgen(el));
  const te_breed = new Set(elementen.filter((el) => uit(el.getBoundingClientRect())));
  const gemeld = [...te_breed]
    .filter((el) => !te_breed.has(el.parentElement))
    .map((el) => pad(el) + rechts(el.getBoundingClientRect()));
  const teksten = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bereik = document.createRange();
  for (let t = teksten.nextNode(); t; t = teksten.nextNode()) {
    const el = t.parentElement;
    if (!el || verborgen(el) || te_breed.has(el) || !t.textContent.trim()) continue;
    bereik.selectNodeContents(t);
    const r = bereik.getBoundingClientRect();
    if (uit(r)) gemeld.push(`tekst in ${pad(el)}` + rechts(r));
  }
  return gemeld;
}"""


# Boxes that scroll sideways but cannot be focused: a keyboard cannot scroll them.
SCHUIFT = """() => [...document.body.querySelectorAll("*")]
  .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
  .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0)
  .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} zonder focus`)"""


def lange_teksten(obj: SimpleNamespace) -> None:
    """Fill free-text fields with what does not fit a line, so wrapping is tested too."""
    tekst = f"Zie {LANGE_URL} voor het {LANG_WOORD}."
    velden = {
        obj.wijk: ["introductie", "contact_voor_vragen"],
        obj.doe_boekje: ["beschrijving", "contact"],
        obj.actie: ["omschrijving"],
        obj.initiatief: ["globale_beschrijving", "contactpersoon"],
    }
    for rij, namen in velden.items():
        for naam in namen:  # cut to the column (PostgreSQL refuses more, SQLite does not)
            lengte = rij._meta.get_field(naam).max_length
            setattr(rij, naam, tekst[:lengte] if lengte else tekst)
        rij.save()


def kijker(name: str) -> list[str]:
    """Who loads the URL: the first persona with a 200, and the programmamanager besides."""
    if name.startswith(("admin:", "api:")) or name in NIET_HTML:
        return []
    get = EXPECTED[name].toegang.get
    eerste = [p for p in KIJKERS if get[p] == 200][:1]
    if eerste and name in OOK_PROGRAMMAMANAGER:
        return [*eerste, "programmamanager"]
    return eerste


def pagina_fouten(page, label: str) -> list[str]:
    """What does not fit at 320 px; wider, what scrolls sideways without a keyboard."""
    fouten = []
    breed = page.evaluate("document.documentElement.scrollWidth")
    uitstekers = page.evaluate(TE_BREED, BREEDTE)
    if breed > BREEDTE or uitstekers:
        fouten.append(f"{label}: {breed} px breed op {BREEDTE} px")
        fouten.extend(f"    {u}" for u in uitstekers[:8])
    for breedte in BREDER:
        page.set_viewport_size({"width": breedte, "height": 800})
        breed = page.evaluate("document.documentElement.scrollWidth")
        if breed > breedte:
            fouten.append(f"{label}: {breed} px breed op {breedte} px")
        fouten.extend(f"{label} op {breedte} px: {d}" for d in page.evaluate(SCHUIFT))
    page.set_viewport_size({"width": BREEDTE, "height": 800})
    return fouten


def test_every_page_fits_320_px(
    browser, live_server, wijk_a, wijk_b, coordinator_a, programmamanager, login
):
    hulp = UserFactory(username="coordinator-hulp-a", rol=roles.COORDINATOR)
    obj = maak_inhoud(wijk_a, hulp, "a")
    lange_teksten(obj)
    gebruikers = {"coordinator_a": coordinator_a, "programmamanager": programmamanager}

    per_persona: dict[str, list[tuple[str, str]]] = {p: [] for p in KIJKERS}
    for name, converters in sorted(portal_urls().items()):
        for persona in kijker(name):
            per_persona[persona].append((name, url_for(name, converters, obj)))
    assert sum(map(len, per_persona.values())) > 60  # the matrix, not a few pages

    fouten = []
    for persona, urls in per_persona.items():
        context = browser.new_context(viewport={"width": BREEDTE, "height": 800})
        page = context.new_page()
        if persona in gebruikers:
            login(page, gebruikers[persona])
        for name, url in urls:
            response = page.goto(live_server.url + url)
            soort = response.headers.get("content-type", "")
            if response.status != 200 or not soort.startswith("text/html"):
                fouten.append(f"{persona} {url}: {response.status} {soort}")
                continue
            fouten += pagina_fouten(page, f"{persona} {url} ({name})")
            # Tables stacked as blocks keep their meaning for axe as well.
            if page.locator("table.tabel, table.formset-tabel").count():
                try:
                    assert_accessible(page)
                except AssertionError as fout:
                    fouten.append(str(fout))
        context.close()
    assert not fouten, "Niet passend:\n" + "\n".join(fouten)
