"""Every PDF the portal makes is accessible (issue 16): PDF/UA-1 with language, title and
XMP metadata, headings in order, the chart figures as text, large print of at least 16 pt
and addresses that are never hyphenated."""

import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from communitycare.lib import pdf as pdf_lib
from initiatieven.models import Begroting, Evaluatie, Status
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_initiatieven import BegrotingsregelFactory, InitiatiefFactory
from tests.factories_wijkdata import WijkcijferFactory
from wijken.base.indicatoren import Indicator

WIJK = "/heuvelland/valkenburg-oosterbeemd/"
EMAIL = "secretariaat@seniorenvereniging-valkenburg-oost.example"


@pytest.fixture
def documenten(wijk_a, programmamanager):
    """One of each document, with content that exercises what issue 16 is about."""
    for jaar, waarde, gemeente in [(2020, "41.3", "40.7"), (2022, "86.2", "85.3")]:
        WijkcijferFactory(
            wijk=wijk_a,
            maat=Indicator.ZELFREDZAAMHEID,
            jaar=jaar,
            waarde=waarde,
            vergelijking_gemeente=gemeente,
        )
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Seniorenvereniging", contact=f"Secretariaat, {EMAIL}")
    initiatief = InitiatiefFactory(wijk=wijk_a, naam="Samen op stap", slug="samen-op-stap")
    initiatief.status = Status.ACTIEF
    initiatief.save()
    begroting = Begroting.objects.create(initiatief=initiatief)
    BegrotingsregelFactory(begroting=begroting, bedrag=Decimal("260.00"))
    Begroting.objects.filter(pk=begroting.pk).update(
        status=Begroting.Stand.GOEDGEKEURD,
        goedgekeurd_door=programmamanager,
        goedgekeurd_op=timezone.now(),
        goedgekeurde_versie=1,
    )
    evaluatie = Evaluatie.objects.create(
        initiatief=initiatief,
        soort=Evaluatie.Soort.ZES_MAANDEN,
        ingevuld_door="Sandra Lemmens",
        datum=timezone.localdate(),
        opstart="Het idee kwam op de Open Koffie.",
        gepubliceerd_op=timezone.now(),
    )
    initiatieven = WIJK + "initiatieven/samen-op-stap/"
    return {
        "wijkplan": (WIJK + "wijkplan.pdf", "Wijkplan Valkenburg-Oosterbeemd"),
        "doeboekje": (WIJK + "doe-boekje.pdf", "Doe-boekje Valkenburg-Oosterbeemd"),
        "jaarverslag": (WIJK + "jaarverslag.pdf", "Jaarverslag"),
        "initiatief": (initiatieven + "beschrijving.pdf", "Samen op stap"),
        "evaluatie": (
            f"{initiatieven}evaluaties/{evaluatie.pk}.pdf",
            "Evaluatie Samen op stap",
        ),
    }


@pytest.fixture
def html_erbij(monkeypatch):
    """Keeps the HTML each PDF is laid out from, so the tests can read its structure."""
    gezien: list[str] = []
    echt = pdf_lib.html_to_pdf

    def vastleggen(html: str) -> bytes:
        gezien.append(html)
        return echt(html)

    monkeypatch.setattr(pdf_lib, "html_to_pdf", vastleggen)
    return gezien


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    "soort", ["wijkplan", "doeboekje", "jaarverslag", "initiatief", "evaluatie"]
)
def test_every_pdf_is_pdf_ua_with_language_title_and_ordered_headings(
    client, documenten, html_erbij, soort
):
    url, titel = documenten[soort]
    response = client.get(url)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert reader.metadata.title.startswith(titel)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]  # a reader shows the title
    # Headings go down one level at a time: h1, h2, h3, never h1 then h3.
    niveaus = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html_erbij[-1])]
    assert niveaus[0] == 1
    assert all(later <= eerder + 1 for eerder, later in zip(niveaus, niveaus[1:], strict=False))


def test_wijkplan_pdf_holds_the_chart_figures_as_text(client, documenten):
    reader = PdfReader(io.BytesIO(client.get(documenten["wijkplan"][0]).content))
    text = " ".join(pdf_text(reader).split())
    # Every value of the chart and its comparison (2020's only in the table under it).
    for getal in ["41,3%", "86,2%", "40,7%", "85,3%"]:
        assert getal in text
    # The table's caption and a row (year, wijk, gemeente), wherever the lines wrap.
    aaneen = text.replace(" ", "")
    assert "ZelfredzaamheidinValkenburg-Oosterbeemdperjaar" in aaneen
    assert "202041,3%40,7%" in aaneen


def test_large_print_is_at_least_16_pt_and_e_mail_is_never_hyphenated(client, documenten):
    reader = PdfReader(io.BytesIO(client.get(documenten["doeboekje"][0]).content))
    groottes: list[float] = []

    def bekijk(text, cm, tm, font, size):
        if text.strip():
            groottes.append(size * (tm[3] or 1) * (cm[3] or 1))

    for page in reader.pages:
        page.extract_text(visitor_text=bekijk)
    assert groottes and min(groottes) >= 15.99  # WeasyPrint writes 16 pt as 15.9998
    text = pdf_text(reader)
    # Wrapped where the line ends, the address is still one word: no hyphen inside it.
    samengevoegd = re.sub(r"\s+", "", text)
    assert EMAIL in samengevoegd
    assert "secretari-" not in text and "seniorenver-" not in text
