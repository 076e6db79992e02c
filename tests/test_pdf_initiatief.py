"""Bijlage 6 (description with begroting and goedkeuring) and Bijlage 7 as public PDFs."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from initiatieven.models import Begroting, Begrotingsregel, Evaluatie, Status
from tests.factories_initiatieven import BegrotingsregelFactory, InitiatiefFactory

BASE = "/heuvelland/valkenburg-oosterbeemd/initiatieven/"


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def initiatief(wijk_a, programmamanager):
    initiatief = InitiatiefFactory(
        wijk=wijk_a,
        naam="Samen op stap",
        slug="samen-op-stap",
        status=Status.ACTIEF,
        globale_beschrijving="Boodschappen doen met buren, café-bezoek inbegrepen.",
    )
    begroting = Begroting.objects.create(initiatief=initiatief)
    BegrotingsregelFactory(begroting=begroting, bedrag=Decimal("260.00"), betaler="Sevagram")
    BegrotingsregelFactory(begroting=begroting, bedrag=Decimal("780.00"), betaler="Gemeente")
    # Approved as it stands (lines added to an approved begroting would need confirmation).
    Begroting.objects.filter(pk=begroting.pk).update(
        status=Begroting.Stand.GOEDGEKEURD,
        goedgekeurd_door=programmamanager,
        goedgekeurd_op=timezone.now(),
        goedgekeurde_versie=1,
    )
    return initiatief


def test_description_with_begroting_and_goedkeuring(client, initiatief):
    response = client.get(BASE + "samen-op-stap/beschrijving.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in ["Samen op stap", "Het idee", "café-bezoek", "Financiën", "Goedkeuring"]:
        assert expected in text
    assert "€ 1.040,00" in text.replace("\u00a0", " ")  # Dutch, with a thousands dot
    assert "Betaald of uitgevoerd door Gemeente" in " ".join(text.split())
    assert "Programmamanager akkoord" in text and "begroting goedgekeurd op" in text


def test_unapproved_begroting_shows_no_amounts(client, initiatief):
    initiatief.begroting.status = Begroting.Stand.INGEDIEND
    initiatief.begroting.save()
    text = pdf_text(client.get(BASE + "samen-op-stap/beschrijving.pdf").content)
    assert "nog niet goedgekeurd" in text and "780" not in text


@pytest.mark.parametrize("status", [Status.IDEE, Status.AFGEWEZEN])
def test_ideas_and_rejected_initiatives_have_no_public_pdf(client, initiatief, status):
    initiatief.status = status
    initiatief.save()
    assert client.get(BASE + "samen-op-stap/beschrijving.pdf").status_code == 404


def test_published_evaluation_only(client, initiatief):
    def evaluatie(gepubliceerd):
        return Evaluatie.objects.create(
            initiatief=initiatief,
            soort=Evaluatie.Soort.ZES_MAANDEN,
            ingevuld_door="Sandra Lemmens",
            datum=timezone.localdate(),
            opstart="Het idee kwam op de Open Koffie.",
            gepubliceerd_op=timezone.now() if gepubliceerd else None,
        )

    klaar, concept = evaluatie(True), evaluatie(False)
    text = pdf_text(client.get(f"{BASE}samen-op-stap/evaluaties/{klaar.pk}.pdf").content)
    assert "Evaluatie na 6 maanden" in text and "Het idee kwam op de Open Koffie." in text
    assert client.get(f"{BASE}samen-op-stap/evaluaties/{concept.pk}.pdf").status_code == 404


def test_linked_from_the_public_page(client, initiatief):
    html = client.get(BASE + "samen-op-stap/").content.decode()
    assert BASE + "samen-op-stap/beschrijving.pdf" in html


def test_a_long_begroting_repeats_its_header_on_every_page(client, initiatief):
    Begrotingsregel.objects.bulk_create(  # arranged as approved, so past the confirmation
        BegrotingsregelFactory.build(
            begroting=initiatief.begroting,
            omschrijving=f"Regel {n}: huur van de ontmoetingsruimte en schoonmaak",
        )
        for n in range(60)
    )
    response = client.get(BASE + "samen-op-stap/beschrijving.pdf")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    with_lines = [text for text in pages if "Regel " in text]
    assert len(with_lines) >= 2
    assert all("Wat, welke, wie" in text for text in with_lines)
    assert "Totaal" in pages[-1] or "Totaal" in pages[-2]
