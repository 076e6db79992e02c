"""Issue 18: running initiatives are what there is to do, so the doe-boekje shows them,
on the web and in large print, with when and where; ideas and ended ones stay out."""

import io

from pypdf import PdfReader

from initiatieven.models import Status
from tests.factories_initiatieven import InitiatiefFactory

URL = "/heuvelland/valkenburg-oosterbeemd/doe-boekje/"


def _initiatieven(wijk):
    InitiatiefFactory(
        wijk=wijk,
        naam="Samen aan tafel",
        status=Status.ACTIEF,
        wanneer="Elke donderdag om 17:30 uur",
        ruimte="Het restaurant van Panhuys",
    )
    InitiatiefFactory(wijk=wijk, naam="Nog een idee", status=Status.IDEE)
    InitiatiefFactory(wijk=wijk, naam="Gestopte wandelgroep", status=Status.BEEINDIGD)


def test_the_web_doe_boekje_lists_running_initiatives_with_when_and_where(client, wijk_a):
    _initiatieven(wijk_a)
    html = client.get(URL).content.decode()
    assert "Initiatieven in de wijk" in html
    assert "Samen aan tafel" in html and "Elke donderdag om 17:30 uur" in html
    assert "Het restaurant van Panhuys" in html
    assert "Nog een idee" not in html and "Gestopte wandelgroep" not in html


def test_the_large_print_doe_boekje_lists_them_too(client, wijk_a):
    _initiatieven(wijk_a)
    response = client.get("/heuvelland/valkenburg-oosterbeemd/doe-boekje.pdf")
    pdf = PdfReader(io.BytesIO(response.content))
    tekst = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Samen aan tafel" in tekst and "Elke donderdag om 17:30 uur" in tekst
    assert "Nog een idee" not in tekst


def test_a_search_shows_only_what_it_found(client, wijk_a):
    _initiatieven(wijk_a)
    html = client.get(URL, {"zoek": "breien"}).content.decode()
    assert "Initiatieven in de wijk" not in html


def test_a_tip_by_phone_is_marked_in_the_back_office_and_its_giver_never_public(
    client, client_for, wijk_a
):
    from django.urls import reverse

    url = reverse("beheer:doeboekje_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"naam": "Koersbal", "categorie": "activiteit", "tip_bron": "telefoon"}
    beheer = client_for("coordinator_a")
    assert beheer.post(url, data | {"tip_van": "Mevr. Smeets 043 999 12 34"}).status_code == 302
    lijst = beheer.get(reverse("beheer:doeboekje", args=[wijk_a.regio.slug, wijk_a.slug]))
    assert "Tip van een bewoner, telefonisch: Mevr. Smeets" in lijst.content.decode()
    for pad in (URL, "/doe-boekje/?zoek=koersbal"):
        assert "Smeets" not in client.get(pad).content.decode(), pad
    # Nor does a search on the name find the entry.
    assert "Koersbal" not in client.get(URL + "?zoek=Smeets").content.decode()
