"""Issue 19: the Open Koffie preparation pack, one PDF per meeting and the same on screen:
the agenda with times, accepted points, the state of the wijk, the figures for a first
meeting, an attendance list; and the A4 poster. Numbers checked against the records."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from initiatieven.models import Status
from openkoffie.models import Bespreekpunt
from tests.factories import WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over
from wijken.wijkplan.models import Actie, Wijkplan


@pytest.fixture
def open_koffie(wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    BespreekpuntFactory(
        open_koffie=open_koffie, tekst="Een bankje bij de bus", status="geaccepteerd"
    )
    BespreekpuntFactory(open_koffie=open_koffie, tekst="Nog niet beoordeeld")
    WijkverbinderFactory.create_batch(3, wijk=wijk_a)
    InitiatiefFactory(wijk=wijk_a, naam="Samen koken", status=Status.ONTWIKKELING)
    InitiatiefFactory(wijk=wijk_a, naam="Wandelgroep", status=Status.ACTIEF)
    plan = Wijkplan.objects.create(wijk=wijk_a)
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    Actie.objects.create(wijkplan=plan, omschrijving="Flyers rondbrengen", voor_wanneer=gisteren)
    return open_koffie


def url(name: str, open_koffie) -> str:
    wijk = open_koffie.wijk
    return reverse(name, args=[wijk.regio.slug, wijk.slug, open_koffie.pk])


def _tekst(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pack_on_screen_and_in_the_pdf_shows_the_same_records(client_for, open_koffie):
    client = client_for("coordinator_a")
    scherm = client.get(url("beheer:ok_voorbereiding", open_koffie)).content.decode()
    pdf = _tekst(client.get(url("beheer:ok_voorbereiding_pdf", open_koffie)))
    for tekst in (scherm, pdf):
        assert "Een bankje bij de bus" in tekst and "Nog niet beoordeeld" not in tekst
        assert "3 van 10" in tekst
        assert "Flyers rondbrengen" in tekst
        assert "Samen koken" in tekst  # awaits its Open Koffie (step 9)
        assert "1 in ontwikkeling" in tekst and "1 actief" in tekst
        assert "Presentielijst" in tekst and "minstens 10 buurtbewoners" in tekst
        # The first Open Koffie of the wijk brings the figures: "Herkent u dit?"
        assert "herkent u dit?" in tekst.lower()
    begin = timezone.localtime(open_koffie.begin)
    assert f"{begin:%H:%M}" in pdf  # the agenda's first block starts at the meeting


def test_a_later_meeting_brings_no_first_meeting_sheet(client_for, open_koffie, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, begin=over(-60), status="gehouden")
    scherm = client_for("coordinator_a").get(url("beheer:ok_voorbereiding", open_koffie))
    assert "herkent u dit?" not in scherm.content.decode().lower()


def test_the_poster_says_when_where_and_how_to_bring_a_point(client_for, open_koffie):
    response = client_for("coordinator_a").get(url("beheer:ok_poster", open_koffie))
    tekst = _tekst(response)
    assert "Kom naar de Open Koffie!" in tekst and "Geen internet?" in tekst
    assert open_koffie.adres.split(",")[0] in tekst
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_only_the_wijk_s_staff_prepare(client_for, open_koffie):
    for persona in ("coordinator_b", "wijkverbinder"):
        assert (
            client_for(persona).get(url("beheer:ok_voorbereiding", open_koffie)).status_code == 404
        )
    assert Bespreekpunt.objects.count() == 2
