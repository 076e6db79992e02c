"""Issue 18 (assisted entry) and 19 (what the verslag records): a point a resident gave
by phone, on a note or at the receptie, entered by staff and moderated like any other;
the A5 card for the receptie; the verslag records the fixed agenda and professionals."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from openkoffie.models import Bespreekpunt
from tests.admin_forms import form_data
from tests.factories import UserFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from wijken.base.models import Bron


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(10))


def namens_url(open_koffie) -> str:
    wijk = open_koffie.wijk
    return reverse(
        "openkoffie_beheer:bespreekpunt_namens", args=[wijk.regio.slug, wijk.slug, open_koffie.pk]
    )


def test_a_point_given_by_phone_is_entered_and_moderated(client_for, open_koffie, coordinator_a):
    client = client_for("coordinator_a")
    data = {"bron": "telefoon", "tekst": "Een bankje bij de bus", "naam": "Mevr. Lemmens"}
    response = client.post(namens_url(open_koffie), data | {"contact": "043 601 22 18"})
    assert response.status_code == 302
    punt = Bespreekpunt.objects.get()
    assert (punt.bron, punt.ingevoerd_door, punt.status) == (
        Bron.TELEFOON,
        coordinator_a,
        Bespreekpunt.Status.INGEDIEND,
    )
    beheer = client.get(open_koffie.get_beheer_url()).content.decode()
    assert f"telefonisch, ingevoerd door {coordinator_a}" in beheer
    # Not public until accepted, like a point from the website; the phone never.
    publiek = client_for("anonymous").get(open_koffie.get_absolute_url()).content.decode()
    assert "Een bankje bij de bus" not in publiek
    punt.zet_status(Bespreekpunt.Status.GEACCEPTEERD)
    publiek = client_for("anonymous").get(open_koffie.get_absolute_url()).content.decode()
    assert "Een bankje bij de bus" in publiek and "601 22 18" not in publiek


def test_no_rate_limit_for_staff_entering_a_stack_of_notes(client_for, open_koffie):
    client = client_for("coordinator_a")
    for nummer in range(6):
        data = {"bron": "briefje", "tekst": f"Briefje {nummer}"}
        assert client.post(namens_url(open_koffie), data).status_code == 302
    assert Bespreekpunt.objects.filter(bron="briefje").count() == 6


@pytest.mark.parametrize(
    "data, fout",
    [
        ({"bron": "telefoon", "tekst": ""}, "Dit veld is verplicht."),
        ({"bron": "website", "tekst": "Iets"}, "Selecteer een geldige keuze."),
        ({"bron": "duif", "tekst": "Iets"}, "Selecteer een geldige keuze."),
        ({"bron": "telefoon", "tekst": "x" * 1001}, "1000"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_changes_nothing(client_for, open_koffie, data, fout):
    response = client_for("coordinator_a").post(namens_url(open_koffie), data)
    assert response.status_code == 200 and fout in response.content.decode()
    assert not Bespreekpunt.objects.exists()


def test_a_meeting_that_is_over_takes_no_points_on_any_path(client_for, wijk_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-3))
    response = client_for("coordinator_a").post(
        namens_url(geweest), {"bron": "receptie", "tekst": "Te laat"}
    )
    assert "neemt geen punten meer aan" in response.content.decode()
    # The admin (a superuser may add points there) keeps the same rule.
    admin = client_for("anonymous")
    admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = "/admin/openkoffie/bespreekpunt/add/"
    data = form_data(admin.get(url).content.decode(), open_koffie=str(geweest.pk), tekst="Te laat")
    assert "neemt geen punten meer aan" in admin.post(url, data).content.decode()
    assert not Bespreekpunt.objects.exists()


def test_only_the_wijk_s_own_staff_enter_points(client_for, open_koffie):
    for persona in ("coordinator_b", "anonymous"):
        response = client_for(persona).post(namens_url(open_koffie), {"tekst": "x"})
        assert response.status_code in (302, 404), persona
    assert not Bespreekpunt.objects.exists()


def test_the_card_for_the_receptie_names_the_next_meetings(client_for, open_koffie, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, begin=over(-20), status="gehouden")
    url = reverse("openkoffie_beheer:kaart", args=[wijk_a.regio.slug, wijk_a.slug])
    response = client_for("coordinator_a").get(url)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    tekst = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1
    assert "Uw punt voor de Open Koffie" in tekst
    assert f"{open_koffie.begin.day}" in tekst and "uur" in tekst
    breedte, hoogte = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(breedte), round(hoogte)) == (420, 595)  # A5 in points


def test_the_verslag_records_the_fixed_agenda_and_the_professionals(client_for, wijk_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-2))
    url = reverse("openkoffie_beheer:verslag", args=[wijk_a.regio.slug, wijk_a.slug, geweest.pk])
    data = {"aantal_buurtbewoners": "14", "aantal_professionals": "3", "verslag": "Goed"}
    data |= {"wijkbeeld_besproken": "on", "wijkplan_besproken": "on"}
    assert client_for("coordinator_a").post(url, data).status_code == 302
    geweest.refresh_from_db()
    assert geweest.aantal_professionals == 3
    assert geweest.niet_besproken() == ["de cijfers van de wijk"]
    html = client_for("anonymous").get(geweest.get_absolute_url()).content.decode()
    assert "14 buurtbewoners en 3 professionals" in html
    assert "Niet besproken: de cijfers van de wijk." in html


def test_the_demo_has_a_point_that_came_in_by_phone(db):
    from django.core.management import call_command

    call_command("load_demo", force=True)
    punt = Bespreekpunt.objects.get(bron=Bron.TELEFOON)
    assert punt.ingevoerd_door.username == "coordinator-heuvelland"
    assert punt.status == Bespreekpunt.Status.INGEDIEND


def test_a_wijkverbinder_enters_a_point_she_was_told_and_the_coordinator_reviews(
    client_for, open_koffie, wijkverbinder
):
    response = client_for("wijkverbinder").post(
        namens_url(open_koffie), {"bron": "open_koffie", "tekst": "Meer bankjes in het park"}
    )
    assert response.status_code == 302
    punt = Bespreekpunt.objects.get()
    assert (punt.status, punt.ingevoerd_door) == (Bespreekpunt.Status.INGEDIEND, wijkverbinder)
    assert (
        "Meer bankjes"
        in client_for("coordinator_a").get(open_koffie.get_beheer_url()).content.decode()
    )
