"""The public wijkplan: readable by everyone, derived header, safe text, pinned queries."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests.conftest import count_h1
from tests.factories import HuisFactory, UserFactory, WijkverbinderFactory
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from tests.html_checks import assert_harmless
from wijken.base import roles
from wijken.base.models import Wijkverbinder
from wijken.wijkplan.models import DELEN, Vaststelling, bewaar_deel, stel_vast

URL = "/heuvelland/valkenburg-oosterbeemd/wijkplan/"


def test_empty_wijkplan_says_so_plainly(client, wijk_a):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert count_h1(html) == 1
    for deel in DELEN:
        assert f"{deel.nummer}</span> {deel.titel}" in html
    assert "Nog niet gewijzigd" in html
    assert "Nog niet vastgesteld" in html
    assert "nog geen acties" in html
    assert "nog geen overleg in de planning" in html
    assert "Nog niets bekend" in html


def test_header_is_derived_from_the_data(client, wijk_a, coordinator_a):
    wijk_a.contact_voor_vragen = "Receptie, 043 555 0110"
    wijk_a.save()
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", toestemming_publiek=True)
    WijkverbinderFactory(wijk=wijk_a, naam="Geheim Persoon", toestemming_publiek=False)
    WijkverbinderFactory(wijk=wijk_a, naam="Gestopt Iemand", status=Wijkverbinder.Status.GESTOPT)
    HuisFactory(wijk=wijk_a, naam="Oosterbeemd")
    bewaar_deel(wijk_a, "wijkdata", "Tekst van de wijk", 0, coordinator_a)
    html = client.get(URL).content.decode()
    assert str(coordinator_a) in html
    assert 'Receptie, <a href="tel:+31435550110">043 555 0110</a>' in html
    assert "2 actief: Anneke" in html
    assert "Vliegen" not in html and "Geheim" not in html and "Gestopt" not in html
    assert "@example.net" not in html
    assert "2 van 10 wijkverbinders" in html
    assert "Oosterbeemd" in html
    assert "Tekst van de wijk" in html
    assert timezone.localdate().strftime("%Y") in html


def test_overdue_acties_are_marked_and_order_is_kept(client, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    ActieFactory(wijkplan=plan, omschrijving="Tweede", volgorde=2)
    ActieFactory(
        wijkplan=plan,
        omschrijving="Eerste",
        volgorde=1,
        voor_wanneer=datetime.date.today() - datetime.timedelta(days=3),
    )
    ActieFactory(
        wijkplan=plan,
        omschrijving="Klaar",
        volgorde=3,
        afgerond=True,
        voor_wanneer=datetime.date.today() - datetime.timedelta(days=3),
    )
    html = client.get(URL).content.decode()
    assert html.index("Eerste") < html.index("Tweede") < html.index("Klaar")
    assert html.count("Te laat") == 1


def test_last_adopted_version_is_shown(client, wijk_a, coordinator_a):
    plan = bewaar_deel(wijk_a, "wijkdata", "Versie een", 0, coordinator_a)
    # Adopted at the meeting going on right now (it began an hour ago).
    begin = timezone.now() - datetime.timedelta(hours=1)
    open_koffie = OpenKoffieFactory(
        wijk=wijk_a,
        begin=begin,
        einde=begin + datetime.timedelta(hours=2),
        onderwerp="Open Koffie maart",
    )
    stel_vast(plan.history.first(), open_koffie, coordinator_a)
    html = client.get(URL).content.decode()
    datum = date_format(timezone.localdate(begin), "j F Y")
    assert datum in html and "Open Koffie maart" in html


EVIL = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<p style="position:fixed" onclick="alert(1)" hx-post="/x">Word</p></div></section>',
]


@pytest.mark.parametrize("evil", EVIL)
def test_every_text_field_renders_harmlessly(client, wijk_a, coordinator_a, evil):
    wijk_a.contact_voor_vragen = evil
    wijk_a.save()
    plan = WijkplanFactory(wijk=wijk_a, **{deel.veld: evil for deel in DELEN})
    ActieFactory(wijkplan=plan, omschrijving=evil, wie=evil)
    OverlegFactory(wijk=wijk_a, waar=evil)
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=timezone.now(), onderwerp=evil)
    Vaststelling.objects.create(
        wijkplan=plan,
        versie=plan.history.first(),
        datum=datetime.date.today(),
        open_koffie=open_koffie,
    )
    assert_harmless(client.get(URL).content.decode())


def _fill(wijk, coordinator, aantal: int) -> None:
    plan = WijkplanFactory(wijk=wijk)
    for i in range(aantal):
        bewaar_deel(wijk, DELEN[i % len(DELEN)].veld, f"Versie {i}", i // len(DELEN), coordinator)
        ActieFactory(wijkplan=plan)
        OverlegFactory(wijk=wijk, datum=datetime.date.today() + datetime.timedelta(days=i))
    Vaststelling.objects.create(
        wijkplan=plan, versie=plan.history.first(), datum=datetime.date.today()
    )
    for _ in range(aantal // 5 + 1):
        WijkverbinderFactory(wijk=wijk)
        HuisFactory(wijk=wijk)
        wijk.coordinatoren.add(UserFactory(rol=roles.COORDINATOR))


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [2, 40])
def test_query_count_does_not_grow(
    client, wijk_a, coordinator_a, django_assert_num_queries, aantal
):
    _fill(wijk_a, coordinator_a, aantal)
    # Two of them for the standard themes of 2.1.2 (their stand, the initiatives per theme).
    with django_assert_num_queries(16):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.content.decode().count('<tr id="actie-') == aantal


def test_unknown_wijk_is_404(client, wijk_a):
    assert client.get("/heuvelland/bestaat-niet/wijkplan/").status_code == 404
    assert client.get("/heerlen/valkenburg-oosterbeemd/wijkplan/").status_code == 404


def test_wijk_page_links_to_the_wijkplan(client, wijk_a):
    assert URL in client.get("/heuvelland/valkenburg-oosterbeemd/").content.decode()
