"""Plain Dutch (B1) on every public page of the demo: no jargon of the method left
unexplained, short sentences and an easy Flesch-Douma score (tests/leesbaarheid.py)."""

import re
from urllib.parse import urlsplit

from django.core.management import call_command

from tests.leesbaarheid import Tekst, onverklaard, score, zichtbare_tekst

# The method's words a resident does not know. A pattern mapped to a term may stay when
# the page defines that term (`<dfn>`, the explanation beside it); None: never on a page.
JARGON = {
    r"\bindicator(en)?\b": "indicator",
    r"\bbijlage\s*\d": None,
    r"\bstartstap": None,
    r"\boptie\s*\d": None,
    r"\bpool\b": None,
    r"\bdruppels?\b": "druppel",
    r"\bBHV": None,
    r"\bfacilitair": None,
    r"\bgeborgd\b|\bborgen\b": "borgen",
    r"\bGWL\b": None,
}
# B1: sentences of about 15 words; Flesch-Douma 60 and up reads easily.
WOORDEN_PER_ZIN = 15
LANGSTE_ZIN = 30
FLESCH_DOUMA = 60
# Not pages to read: the back office, the API, files.
NIET_PUBLIEK = ("/beheer/", "/admin/", "/api/", "/static/", "/media/")
BESTANDEN = (".pdf", ".ics")
# One page of each kind at least: home, regio, wijk, initiative, meeting, doe-boekje, plan.
SOORTEN = [
    r"^/$",
    r"^/[^/]+/$",
    r"^/[^/]+/[^/]+/$",
    r"/initiatieven/[^/]+/$",
    r"/open-koffie/\d+/$",
    r"/doe-boekje/$",
    r"/wijkplan/$",
    r"/word-wijkverbinder/$",
]
# Pages no link leads to without a search: what the home search answers.
OOK = ["/?zoek=6301", "/?zoek=oosterbeemd", "/?zoek=heer", "/?zoek=atlantis", "/?zoek=63011"]


def publieke_paginas(client) -> dict[str, Tekst]:
    """Every public page a visitor reaches from the home page by following links."""
    te_doen, gezien, paginas = ["/", *OOK], set(), {}
    while te_doen:
        adres = te_doen.pop()
        if adres in gezien:
            continue
        gezien.add(adres)
        response = client.get(adres)
        assert response.status_code == 200, adres
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        paginas[adres] = zichtbare_tekst(html)
        for link in re.findall(r'href="([^"#]*)', html):
            deel = urlsplit(link)
            if (
                deel.path.startswith("/")
                and not (deel.scheme or deel.netloc or deel.query)
                and not deel.path.startswith(NIET_PUBLIEK)
                and not deel.path.endswith(BESTANDEN)
            ):
                te_doen.append(deel.path)
    return paginas


def test_every_public_page_of_the_demo_reads_in_plain_dutch(client, db):
    call_command("load_demo", force=True)
    paginas = publieke_paginas(client)
    for soort in SOORTEN:
        assert any(re.search(soort, adres) for adres in paginas), soort
    jargon = {
        adres: gevonden
        for adres, tekst in paginas.items()
        if (gevonden := onverklaard(tekst, JARGON))
    }
    assert jargon == {}
    moeilijk = {}
    for adres, tekst in paginas.items():
        zinnen = tekst.zinnen()
        uitkomst = score(zinnen)
        te_lang = [zin for zin in zinnen if len(zin.split()) > LANGSTE_ZIN]
        if uitkomst.woorden_per_zin > WOORDEN_PER_ZIN or uitkomst.flesch_douma < FLESCH_DOUMA:
            moeilijk[adres] = (uitkomst.woorden_per_zin, uitkomst.flesch_douma)
        elif te_lang:
            moeilijk[adres] = te_lang
    assert moeilijk == {}


def test_the_helper_counts_like_a_reader():
    tekst = zichtbare_tekst(
        "<main><h1>Welkom</h1><p>Dit is een zin. En dit is er nog een!</p>"
        "<script>var x = 'Bijlage 6.';</script><ul><li>Menu</li></ul>"
        "<p>Een <dfn>druppel</dfn> is een sleutel.</p><p hidden>Optie 1.</p></main>"
    )
    assert tekst.zinnen() == [
        "Dit is een zin.",
        "En dit is er nog een!",
        "Een druppel is een sleutel.",
    ]
    assert onverklaard(tekst, JARGON) == []
    assert onverklaard(zichtbare_tekst("<p>Vraag een druppel.</p>"), JARGON) == [r"\bdruppels?\b"]
    # Flesch-Douma: short words in short sentences score high, officialese low.
    makkelijk = score(["Wij gaan samen eten.", "Kom ook!"]).flesch_douma
    moeilijk = score(["De initiatiefbeschrijving inclusief begroting wordt geëvalueerd."])
    assert makkelijk > 80 > 20 > moeilijk.flesch_douma
