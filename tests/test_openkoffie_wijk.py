import pytest

from openkoffie.models import Bespreekpunt, OpenKoffie, Vervolgafspraak
from tests.conftest import count_h1
from tests.factories import WijkFactory, WijkverbinderFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over

URL = "/heuvelland/valkenburg-oosterbeemd/open-koffie/"


def test_upcoming_with_agenda_and_only_accepted_points(client, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(20), onderwerp="Voorjaarskoffie")
    BespreekpuntFactory(
        open_koffie=open_koffie, tekst="Bankje bij de bushalte", status="geaccepteerd"
    )
    BespreekpuntFactory(open_koffie=open_koffie, tekst="Nog niet bekeken")
    BespreekpuntFactory(open_koffie=open_koffie, tekst="Reclame", status="afgewezen")
    html = client.get(URL).content.decode()
    assert count_h1(html) == 1
    assert "Voorjaarskoffie" in html
    assert "Informeel bijkletsen met koffie" in html
    assert "Wijkplan-aanpassingen en vervolgafspraken" in html
    assert "Bankje bij de bushalte" in html
    assert "Nog niet bekeken" not in html and "Reclame" not in html
    assert open_koffie.get_ics_url() in html and "Download deze ene Open Koffie" in html
    assert "Breng een bespreekpunt in" in html


def test_past_with_verslag_and_attendance_flag(client, wijk_a):
    OpenKoffieFactory(
        wijk=wijk_a,
        begin=over(-30),
        status="gehouden",
        verslag="Het was druk en gezellig.",
        aantal_buurtbewoners=7,
        coordinator_aanwezig=True,
        wijkverbinders_aanwezig=True,
    )
    OpenKoffieFactory(
        wijk=wijk_a, begin=over(-120), status="geannuleerd", reden_annulering="Zaal dicht"
    )
    html = client.get(URL).content.decode()
    assert "Het was druk en gezellig." in html
    assert "Niet voldaan aan de voorwaarde van de methode" in html
    assert "er waren 7 buurtbewoners (minimaal 10)" in html
    assert "het management van het huis was er niet" in html
    assert "Ging niet door: Zaal dicht" in html


def test_empty_sections_say_so(client, wijk_a):
    html = client.get(URL).content.decode()
    assert "Er staat nog geen Open Koffie gepland voor deze wijk." in html
    assert "Er zijn nog geen eerdere Open Koffies." in html


def test_combined_meeting_shows_in_both_wijken_and_other_wijken_not(client, wijk_a, wijk_b):
    buur = WijkFactory(regio=wijk_a.regio, naam="Hulsberg", slug="hulsberg")
    OpenKoffieFactory(wijk=buur, tweede_wijk=wijk_a, onderwerp="Samen met Hulsberg")
    OpenKoffieFactory(wijk=wijk_b, onderwerp="Alleen Heerlen")
    html = client.get(URL).content.decode()
    assert "Samen met Hulsberg" in html
    assert "Alleen Heerlen" not in html
    assert "Samen met Hulsberg" in client.get("/heuvelland/hulsberg/open-koffie/").content.decode()
    assert client.get("/heerlen/valkenburg-oosterbeemd/open-koffie/").status_code == 404


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [2, 40])
def test_query_count_does_not_grow(client, wijk_a, django_assert_num_queries, aantal):
    WijkverbinderFactory(wijk=wijk_a)
    for i in range(aantal):
        open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(-300 + i * 20))
        Bespreekpunt.objects.bulk_create(
            BespreekpuntFactory.build(open_koffie=open_koffie, status="geaccepteerd")
            for _ in range(3)
        )
        Vervolgafspraak.objects.create(open_koffie=open_koffie, wat="Iets doen")
    assert OpenKoffie.objects.count() == aantal
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert response.status_code == 200
