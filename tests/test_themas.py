"""Issue 19: the five standard themes per wijk (there, wanted, started, not needed, and
Samen aan tafel's form) in wijkplan 2.1.2; the Community Care start date with "jaar
1/2/3" and the 4-6 initiatives a year measured against it; "no new initiatives needed"
recorded with date and reason."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from initiatieven.models import Status, Thema
from tests.factories_initiatieven import InitiatiefFactory
from wijken.wijkplan.inhoud import voortgang_initiatieven
from wijken.wijkplan.models import Themastand, themamatrix, zet_themastanden


def themas_url(wijk) -> str:
    return reverse("wijkplan:themas", args=[wijk.regio.slug, wijk.slug])


def test_the_matrix_shows_stand_form_and_started_initiatives(client, wijk_a):
    zet_themastanden(
        wijk_a,
        {
            Thema.SAMEN_AAN_TAFEL: ("gewenst", "koken", "Liefst op donderdag"),
            Thema.DOE_BOEKJE: ("aanwezig", "", "De gemeente heeft er een"),
        },
    )
    InitiatiefFactory(
        wijk=wijk_a, naam="Boodschappenritjes", thema=Thema.SAMEN_OP_STAP, status=Status.ACTIEF
    )
    InitiatiefFactory(
        wijk=wijk_a, naam="Geheim idee", thema=Thema.HELPENDE_HAND, status=Status.IDEE
    )
    rijen = {rij.thema: rij for rij in themamatrix(wijk_a)}
    assert list(rijen) == [t for t in Thema.values if t != "anders"]
    assert rijen[Thema.SAMEN_OP_STAP].gestart and not rijen[Thema.HELPENDE_HAND].gestart
    html = client.get(f"/{wijk_a.regio.slug}/{wijk_a.slug}/wijkplan/").content.decode()
    assert "Samen koken en eten. Liefst op donderdag" in html
    assert "Is er al in de wijk" in html and "Boodschappenritjes" in html
    assert "Geheim idee" not in html and "Nog niet besproken" in html


def test_the_coordinator_sets_the_themes_in_the_back_office(client_for, wijk_a):
    data = {
        "samen_aan_tafel-stand": "gewenst",
        "samen_aan_tafel-vorm": "eten",
        "samen_aan_tafel-toelichting": "",
        "helpende_hand-stand": "niet_nodig",
        "helpende_hand-toelichting": "Heerlens Heitje werkt al",
    }
    response = client_for("coordinator_a").post(themas_url(wijk_a), data)
    assert response.status_code == 302
    assert dict(wijk_a.themastanden.values_list("thema", "stand")) == {
        "samen_aan_tafel": "gewenst",
        "helpende_hand": "niet_nodig",
    }
    # Back to "not discussed": the row goes.
    client_for("coordinator_a").post(themas_url(wijk_a), data | {"helpende_hand-stand": ""})
    assert not wijk_a.themastanden.filter(thema="helpende_hand").exists()


def test_bad_input_changes_nothing(client_for, wijk_a):
    data = {"samen_aan_tafel-stand": "gewenst", "open_koffie-stand": "misschien"}
    response = client_for("coordinator_a").post(themas_url(wijk_a), data)
    assert (
        response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    )
    assert not Themastand.objects.exists()


def test_only_samen_aan_tafel_has_a_form_on_every_path(wijk_a):
    with pytest.raises(ValidationError):
        zet_themastanden(wijk_a, {Thema.OPEN_KOFFIE: ("gewenst", "koken", "")})
    assert not Themastand.objects.exists()


def test_another_wijk_s_coordinator_gets_404(client_for, wijk_a):
    assert client_for("coordinator_b").get(themas_url(wijk_a)).status_code == 404


@pytest.mark.parametrize(
    "gestart, jaar",
    [
        (datetime.date(2026, 6, 1), 1),
        (datetime.date(2025, 12, 2), 2),
        (datetime.date(2025, 12, 3), 1),
        (datetime.date(2022, 1, 1), 5),
    ],
)
def test_the_year_of_community_care(wijk_a, gestart, jaar):
    wijk_a.gestart_op = gestart
    assert wijk_a.jaar_van_community_care(datetime.date(2026, 12, 2)) == jaar


def test_the_pace_follows_the_year_and_the_wijk_s_decision(wijk_a):
    from django.utils import timezone

    vandaag = timezone.localdate()
    wijk_a.gestart_op = vandaag.replace(year=vandaag.year - 1)
    assert "jaar 2 van 3" in voortgang_initiatieven(wijk_a).tekst
    wijk_a.gestart_op = vandaag.replace(year=vandaag.year - 5)
    assert "na de eerste drie jaar" in voortgang_initiatieven(wijk_a).tekst
    wijk_a.geen_nieuwe_initiatieven_op = vandaag
    assert "geen nieuwe initiatieven nodig sinds" in voortgang_initiatieven(wijk_a).tekst


def test_no_new_initiatives_needs_a_reason_in_the_back_office(client_for, wijk_a):
    url = reverse("beheer:wijk", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"naam": wijk_a.naam, "geen_nieuwe_initiatieven_op": "2026-11-01"}
    response = client_for("coordinator_a").post(url, data)
    assert "Schrijf kort op waarom" in response.content.decode()
    wijk_a.refresh_from_db()
    assert wijk_a.geen_nieuwe_initiatieven_op is None
    data["geen_nieuwe_initiatieven_reden"] = "Alles wat de wijk wilde, loopt"
    assert client_for("coordinator_a").post(url, data).status_code == 302
    wijk_a.refresh_from_db()
    assert wijk_a.geen_nieuwe_initiatieven_op == datetime.date(2026, 11, 1)
