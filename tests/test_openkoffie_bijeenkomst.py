import pytest
from django.test import Client

from openkoffie.models import Bespreekpunt
from tests.conftest import count_h1
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(14))


def url(open_koffie) -> str:
    return f"/heuvelland/valkenburg-oosterbeemd/open-koffie/{open_koffie.pk}/"


def test_page_shows_agenda_and_the_form(client, open_koffie):
    html = client.get(url(open_koffie)).content.decode()
    assert count_h1(html) == 1
    assert "Ingebrachte bespreekpunten" in html
    assert "Breng een bespreekpunt in" in html
    assert "Abonneer in uw agenda (wordt vanzelf bijgewerkt)" in html
    assert "Download deze ene Open Koffie" in html


def test_bringing_in_a_point_keeps_it_private_until_accepted(client, open_koffie):
    data = {"tekst": "Meer bankjes in het park", "naam": "Truus", "contact": "06 9999 0000"}
    response = client.post(url(open_koffie), data, follow=True)
    html = response.content.decode()
    assert "Uw bespreekpunt is ontvangen" in html
    punt = open_koffie.bespreekpunten.get()
    assert punt.status == Bespreekpunt.Status.INGEDIEND and punt.contact == "06 9999 0000"
    assert "Meer bankjes in het park" not in html
    punt.zet_status(Bespreekpunt.Status.GEACCEPTEERD)
    html = client.get(url(open_koffie)).content.decode()
    assert "Meer bankjes in het park" in html and "Truus" in html
    assert "06 9999 0000" not in html


def test_second_rapid_submission_is_refused_kindly(client, open_koffie):
    client.post(url(open_koffie), {"tekst": "Eerste punt"})
    response = client.post(url(open_koffie), {"tekst": "Tweede punt"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "U heeft net al iets ingestuurd" in html and "Dank u voor uw geduld" in html
    assert "Tweede punt" in html  # the text is kept for a later try
    assert list(open_koffie.bespreekpunten.values_list("tekst", flat=True)) == ["Eerste punt"]


def test_another_browser_on_the_same_address_may_submit(client, open_koffie):
    client.post(url(open_koffie), {"tekst": "Eerste punt"})
    response = Client().post(url(open_koffie), {"tekst": "Tweede punt"})
    assert response.status_code == 302
    assert open_koffie.bespreekpunten.count() == 2


def test_invalid_submission_does_not_use_up_the_turn(client, open_koffie):
    response = client.post(url(open_koffie), {"tekst": ""})
    assert "Dit veld is verplicht." in response.content.decode()
    assert client.post(url(open_koffie), {"tekst": "Nu wel"}).status_code == 302


def test_honeypot_is_refused_with_a_friendly_message(client, open_koffie):
    response = client.post(url(open_koffie), {"tekst": "Koop nu!", "website": "http://spam"})
    assert response.status_code == 400
    assert "lijkt alsof een computer het heeft ingevuld" in response.content.decode()
    assert not Bespreekpunt.objects.exists()


def test_no_points_for_a_past_or_cancelled_meeting(client, wijk_a):
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-3), status="gehouden", verslag="Fijn")
    geannuleerd = OpenKoffieFactory(
        wijk=wijk_a, begin=over(3), status="geannuleerd", reden_annulering="Zaal dicht"
    )
    for open_koffie in (geweest, geannuleerd):
        assert "Breng een bespreekpunt in" not in client.get(url(open_koffie)).content.decode()
        response = client.post(url(open_koffie), {"tekst": "Te laat"}, follow=True)
        assert "kunt u geen punten meer inbrengen" in response.content.decode()
    assert not Bespreekpunt.objects.exists()
    assert "Fijn" in client.get(url(geweest)).content.decode()
    assert "Gaat niet door: Zaal dicht" in client.get(url(geannuleerd)).content.decode()


def test_meeting_of_another_wijk_is_404(client, wijk_a, wijk_b):
    elders = OpenKoffieFactory(wijk=wijk_b)
    assert client.get(url(elders)).status_code == 404


@pytest.mark.parametrize("aantal", [1, 30])
def test_query_count_does_not_grow(client, open_koffie, django_assert_num_queries, aantal):
    Bespreekpunt.objects.bulk_create(
        BespreekpuntFactory.build(open_koffie=open_koffie, status="geaccepteerd")
        for _ in range(aantal)
    )
    # ..., the initiatives it discusses (start step 9), and the first-of-the-year check
    # with the running initiatives (start step 11)
    with django_assert_num_queries(8):
        response = client.get(url(open_koffie))
    assert response.content.decode().count("Bespreekpunt nummer") == aantal


def test_the_initiatives_of_step_9_are_on_its_agenda(client, client_for, open_koffie, wijk_a):
    """Step 9 points at the Open Koffie; its page shows the initiative, an idea only to
    the back office (ideas are never public)."""
    from initiatieven.models import Startstap, Status
    from tests.factories_initiatieven import InitiatiefFactory

    for naam, status in [("Samen koken", Status.ONTWIKKELING), ("Geheim idee", Status.IDEE)]:
        initiatief = InitiatiefFactory(wijk=wijk_a, naam=naam, status=status)
        Startstap.objects.create(initiatief=initiatief, nummer=9, open_koffie=open_koffie)
    html = client.get(url(open_koffie)).content.decode()
    assert "Nieuwe initiatieven op deze Open Koffie" in html
    assert "Samen koken" in html and "Geheim idee" not in html
    beheer = f"/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/{open_koffie.pk}/"
    html = client_for("coordinator_a").get(beheer).content.decode()
    assert "Samen koken" in html and "Geheim idee" in html
