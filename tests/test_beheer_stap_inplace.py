"""Start steps completed in place (htmx): the counter and the status panel follow out of
band, and a step's error shows once."""

from initiatieven.models import Startstap
from tests.factories_initiatieven import InitiatiefFactory

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"
HTMX = {"HX-Request": "true"}


def test_a_step_in_place_updates_the_counter_and_status_out_of_band(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    html = (
        client_for("coordinator_a")
        .post(
            BASE + f"{initiatief.slug}/stappen/4/",
            {"stap4-antwoord": "Na zes maanden, met de wijk."},
            headers=HTMX,
        )
        .content.decode()
    )
    assert html.lstrip().startswith('<li id="stap-4"')
    assert '<span class="teller" id="stappen-teller" hx-swap-oob="true">1 van 11 afgerond' in html
    status = html[html.index('id="status-paneel"') :]
    assert 'hx-swap-oob="true"' in status[:200]
    # The status panel's list no longer names step 4.
    assert "Stap 4 is nog niet afgerond" not in status
    assert "Stap 5 is nog niet afgerond" in status


def test_the_full_page_has_no_out_of_band_marks(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    html = client_for("coordinator_a").get(BASE + f"{initiatief.slug}/").content.decode()
    assert 'id="stappen-teller"' in html and 'id="status-paneel"' in html
    assert "hx-swap-oob" not in html


def test_step_6_without_a_begroting_shows_its_error_once(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    fout = "Maak eerst een begroting met minstens één regel."
    client = client_for("coordinator_a")
    for headers in (HTMX, {}):
        html = client.post(
            BASE + f"{initiatief.slug}/stappen/6/", {"stap6-antwoord": ""}, headers=headers
        ).content.decode()
        assert html.count(fout) == 1, headers
    assert not Startstap.objects.exists()
