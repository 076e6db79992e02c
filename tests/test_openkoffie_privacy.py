"""Scans every rendered public Open Koffie page for people who did not consent and
for private contact data."""

import pytest

from tests.factories import WijkverbinderFactory
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over
from wijken.base.models import Wijkverbinder

GEHEIM = ["Geheim", "Gestopt", "Nieuwsgierig", "geheim@example.net", "06 0000 1111", "0611112222"]


@pytest.fixture
def pages(client, wijk_a):
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", telefoon="06 0000 1111")
    WijkverbinderFactory(wijk=wijk_a, naam="Geheim Persoon", toestemming_publiek=False)
    WijkverbinderFactory(wijk=wijk_a, naam="Gestopt Iemand", status=Wijkverbinder.Status.GESTOPT)
    WijkverbinderFactory(
        wijk=wijk_a, naam="Nieuwsgierig Mens", status=Wijkverbinder.Status.GEINTERESSEERD
    )
    komend = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    geweest = OpenKoffieFactory(wijk=wijk_a, begin=over(-10), status="gehouden", verslag="Goed")
    for open_koffie in (komend, geweest):
        BespreekpuntFactory(
            open_koffie=open_koffie, status="geaccepteerd", contact="geheim@example.net"
        )
        BespreekpuntFactory(open_koffie=open_koffie, contact="0611112222")
    paths = [
        "/",
        "/open-koffie/",
        "/heuvelland/valkenburg-oosterbeemd/",
        "/heuvelland/valkenburg-oosterbeemd/open-koffie/",
        komend.get_absolute_url(),
        geweest.get_absolute_url(),
        "/heuvelland/valkenburg-oosterbeemd/word-wijkverbinder/",
        "/open-koffie.ics",
        "/heuvelland/valkenburg-oosterbeemd/open-koffie.ics",
        komend.get_ics_url(),
    ]
    return {path: client.get(path).content.decode() for path in paths}


def test_public_pages_hold_no_secret_people_or_contact_data(pages):
    for path, html in pages.items():
        for secret in GEHEIM:
            assert secret not in html, (path, secret)
        assert "@example.net" not in html, path
        assert "Vliegen" not in html, path  # first names only


def test_consenting_wijkverbinder_is_shown_by_first_name(pages):
    assert "Anneke" in pages["/heuvelland/valkenburg-oosterbeemd/open-koffie/"]
