"""The large-print doe-boekje as a PDF: the wijk's current entries and the next Open Koffies."""

import io

from pypdf import PdfReader

from tests.factories import HuisFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_openkoffie import OpenKoffieFactory, over

URL = "/heuvelland/valkenburg-oosterbeemd/doe-boekje.pdf"


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_booklet_lists_current_entries_and_next_open_koffie(client, wijk_a, wijk_b):
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen eten", wanneer="Elke donderdag 12:00")
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Oude klaverjasclub", gearchiveerd=True)
    DoeBoekjeItemFactory(wijk=wijk_b, naam="Heerlens koor")
    OpenKoffieFactory(wijk=wijk_a, begin=over(10), adres="Buurthuis De Beemd")
    response = client.get(URL)
    assert response["Content-Type"] == "application/pdf"
    assert "doe-boekje-heuvelland-valkenburg-oosterbeemd-" in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert "Wat is er te doen in" in text
    assert "Samen eten" in text and "Elke donderdag 12:00" in text
    assert "Oude klaverjasclub" not in text and "Heerlens koor" not in text
    assert "Kom naar de Open Koffie" in text and "Buurthuis De Beemd" in text
    assert "pagina 1 van" in text


def test_a_change_gives_a_new_booklet_at_once(client, wijk_a):
    item = DoeBoekjeItemFactory(wijk=wijk_a, naam="Wandelclub")
    assert "Wandelclub" in pdf_text(client.get(URL).content)
    item.naam = "Wandelgroep De Geul"
    item.save()
    assert "Wandelgroep De Geul" in pdf_text(client.get(URL).content)

    # The entry shows its huis's address: a change there has no timestamp on the entry.
    huis = HuisFactory(wijk=wijk_a, adres="Dorpsstraat 1")
    item.huis = huis
    item.waar = ""
    item.save()
    assert "Dorpsstraat 1" in pdf_text(client.get(URL).content)
    huis.adres = "Kerkstraat 9"
    huis.save()
    assert "Kerkstraat 9" in pdf_text(client.get(URL).content)


def test_linked_from_the_public_doe_boekje(client, wijk_a):
    DoeBoekjeItemFactory(wijk=wijk_a)
    html = client.get("/heuvelland/valkenburg-oosterbeemd/doe-boekje/").content.decode()
    assert URL in html


def test_unknown_wijk_is_404(client, wijk_a):
    assert client.get("/heuvelland/nergens/doe-boekje.pdf").status_code == 404
