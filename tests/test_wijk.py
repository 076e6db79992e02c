import pytest
from django.utils import timezone
from django.utils.formats import date_format

from initiatieven.models import Status
from openkoffie.models import OpenKoffie
from tests.conftest import count_h1
from tests.factories import HuisFactory, UserFactory, WijkFactory, WijkverbinderFactory
from tests.factories_bijlagen import (
    DoeBoekjeItemFactory,
    HuisMogelijkhedenFactory,
    OpeningstijdFactory,
    RuimteFactory,
)
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from tests.factories_wijkdata import BeleefdeWijkdataFactory, WijkcijferFactory
from wijken.base import roles
from wijken.base.indicatoren import Indicator
from wijken.base.models import Huis, Wijk, Wijkverbinder
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.mogelijkheden.models import Openingstijd
from wijken.wijkdata.models import Wijkcijfer

URL = "/heuvelland/valkenburg-oosterbeemd/"
SECTIONS = [
    "Wie leeft en werkt hier?",
    "Wat kan er in ons huis?",
    "Wat is er te doen in de wijk?",
    "Hoe gaat het in de wijk? De cijfers",
    "Wat is er nodig, en wie kan helpen?",
    "Onze plannen: het wijkplan",
]


def test_wijk_page_has_the_six_parts_of_the_wijkbeeld(client, wijk_a):
    html = client.get(URL).content.decode()
    assert count_h1(html) == 1
    for section in SECTIONS:
        assert section in html


def test_empty_sections_say_so_plainly(client, wijk_a):
    html = client.get(URL).content.decode()
    assert "staat hier nog niets" in html
    assert "Er staat nog geen huis" in html
    assert "nog geen cijfers" in html
    assert "Deze wijk heeft nog geen coördinator" in html


def test_contact_shows_the_coordinators_work_contact(client, wijk_a, coordinator_a):
    coordinator_a.telefoon = "06 1111 2222"
    coordinator_a.save()
    wijk_a.contact_voor_vragen = "Receptie, 043 555 0110"
    wijk_a.save()
    html = client.get(URL).content.decode()
    assert coordinator_a.email in html
    assert '<a href="tel:+31611112222">06 1111 2222</a>' in html
    assert 'Receptie, <a href="tel:+31435550110">043 555 0110</a>' in html


def test_wijkverbinders_only_with_consent_and_never_their_contact(client, wijk_a):
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", toestemming_publiek=True)
    WijkverbinderFactory(wijk=wijk_a, naam="Geheim Persoon", toestemming_publiek=False)
    WijkverbinderFactory(wijk=wijk_a, naam="Gestopt Iemand", status=Wijkverbinder.Status.GESTOPT)
    html = client.get(URL).content.decode()
    assert "Anneke" in html
    assert "Vliegen" not in html
    assert "Geheim" not in html and "Gestopt" not in html
    assert "verbinder" in html
    assert "@example.net" not in html
    assert "06 1234 5678" not in html


def test_text_is_escaped(client, wijk_a):
    wijk_a.behoeften = '<script>alert("x")</script>'
    wijk_a.save()
    html = client.get(URL).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_wijk_of_other_regio_is_404(client, wijk_a, wijk_b):
    assert client.get("/heerlen/valkenburg-oosterbeemd/").status_code == 404
    assert client.get("/heuvelland/bestaat-niet/").status_code == 404


def vul_bijlagen_in(wijk, huizen, aantal: int) -> None:
    """Bijlage 2 for every huis and a doe-boekje that grows with `aantal`."""
    for huis in huizen:
        HuisMogelijkhedenFactory(huis=huis)
        Openingstijd.objects.bulk_create(
            OpeningstijdFactory.build(huis=huis, soort=soort, dag=dag)
            for soort in Openingstijd.Soort.values
            for dag in range(7)
        )
        RuimteFactory.create_batch(2, huis=huis)
    DoeBoekjeItem.objects.bulk_create(
        DoeBoekjeItemFactory.build(wijk=wijk, categorie=DoeBoekjeItem.Categorie.values[i % 9])
        for i in range(min(aantal, 60))
    )


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [4, 300])
def test_wijk_query_count_does_not_grow(client, wijk_a, django_assert_num_queries, aantal):
    others = Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, slug=f"w-{i}") for i in range(aantal)
    )
    for wijk in [wijk_a, *others[:3]]:
        huizen = Huis.objects.bulk_create(HuisFactory.build(wijk=wijk) for _ in range(3))
        Wijkverbinder.objects.bulk_create(WijkverbinderFactory.build(wijk=wijk) for _ in range(8))
        wijk.coordinatoren.add(UserFactory(rol=roles.COORDINATOR))
        Wijkcijfer.objects.bulk_create(
            WijkcijferFactory.build(wijk=wijk, maat=indicator, jaar=jaar)
            for indicator in Indicator
            for jaar in range(2016, 2024)
        )
        for indicator in Indicator:
            BeleefdeWijkdataFactory(wijk=wijk, indicator=indicator)
        vul_bijlagen_in(wijk, huizen, aantal)
        for _ in range(aantal // 100 + 2):
            InitiatiefFactory(wijk=wijk, status=Status.ACTIEF).zet_indicatoren(list(Indicator))
    # wijk, huizen with Bijlage 2, openingstijden, ruimtes, coordinatoren, wijkverbinders,
    # doe-boekje per category, wijkcijfers, beleefde wijkdata, initiatives per status,
    # running initiatives with their indicatoren, the next Open Koffie
    with django_assert_num_queries(13):
        response = client.get(URL)
    assert response.status_code == 200


def test_the_next_open_koffie_is_near_the_top_of_the_wijk_page(client, wijk_a, wijk_b):
    huis = HuisFactory(wijk=wijk_b, naam="Douvenrade", adres="Douvenrade 1", postcode="6419 AA")
    OpenKoffieFactory(wijk=wijk_a, begin=over(-20))  # held
    OpenKoffieFactory(wijk=wijk_a, begin=over(3), status=OpenKoffie.Status.GEANNULEERD)
    # Combined, organised by the other wijk: the next one of this wijk too.
    volgende = OpenKoffieFactory(wijk=wijk_b, tweede_wijk=wijk_a, begin=over(10, 14), huis=huis)
    OpenKoffieFactory(wijk=wijk_a, begin=over(40))
    html = client.get(URL).content.decode()
    blok = html[html.index('id="volgende-ok-kop"') : html.index('id="inhoud-kop"')]
    dag = date_format(timezone.localtime(volgende.begin), "l j F Y")
    assert f"{dag}, 14:00 tot 16:00 uur" in blok
    assert "Douvenrade, Douvenrade 1, 6419 AA" in blok
    assert "Welten-Benzenrade-Douvenrade en Valkenburg-Oosterbeemd samen" in blok
    assert f'href="{volgende.get_absolute_url()}"' in blok
    assert "Gaat niet door" not in blok


def test_without_a_coming_open_koffie_the_wijk_page_says_so(client, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, begin=over(-20))
    html = client.get(URL).content.decode()
    assert "Er staat nog geen nieuwe Open Koffie op de agenda." in html
    assert 'href="/heuvelland/valkenburg-oosterbeemd/open-koffie/"' in html
