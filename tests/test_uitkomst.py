"""The outcome of public forms (issue 16): the summary and confirmation in place, the
Dutch CSRF page that keeps what was typed, rate limits that fit a shared tablet."""

import re

import pytest
from django.test import Client

from communitycare.lib.env import env_limits
from openkoffie.models import Bespreekpunt
from tests.factories_openkoffie import OpenKoffieFactory, over

PRIVACY = "Lees hoe we met uw gegevens omgaan"


@pytest.fixture
def open_koffie(wijk_a):
    return OpenKoffieFactory(wijk=wijk_a, begin=over(14))


def url(open_koffie) -> str:
    return f"/heuvelland/valkenburg-oosterbeemd/open-koffie/{open_koffie.pk}/"


WIJKVERBINDER = "/heuvelland/valkenburg-oosterbeemd/word-wijkverbinder/"


def titel(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


# --- the outcome in place -----------------------------------------------------------


def test_success_lands_on_the_confirmation_at_the_form(client, open_koffie):
    response = client.post(url(open_koffie), {"tekst": "Een bankje"})
    assert response["Location"] == url(open_koffie) + "#bevestiging"
    html = client.get(response["Location"]).content.decode()
    bevestiging = html.index('id="bevestiging"')
    # In the form region, under its heading, not at the top of the page.
    assert html.index("Breng een bespreekpunt in") < bevestiging < html.index("id_tekst")
    assert "Uw bespreekpunt is ontvangen" in html[bevestiging:]
    assert 'tabindex="-1" autofocus' in html[bevestiging - 200 : bevestiging + 200]
    assert not titel(html).startswith("Fout")


@pytest.mark.parametrize(
    ("pad", "data", "veld", "fout"),
    [
        ("bespreekpunt", {"tekst": "", "naam": "Truus"}, "id_tekst", "Dit veld is verplicht."),
        # An error of the whole form points at its first field.
        ("wijkverbinder", {"naam": "Truus"}, "id_naam", "Vul een e-mailadres"),
    ],
)
def test_errors_are_summed_up_at_the_form(client, open_koffie, pad, data, veld, fout):
    pad = url(open_koffie) if pad == "bespreekpunt" else WIJKVERBINDER
    html = client.post(pad, data).content.decode()
    assert titel(html).startswith("Fout: ")
    summary = html[html.index('id="foutoverzicht"') :]
    assert "Er is een probleem" in summary
    assert re.search(rf'<a href="#{veld}">{fout}', summary)
    # The form sends the page back opening at the summary, without script too.
    assert 'action="#foutoverzicht"' in html
    assert "Truus" in html


def test_the_form_pages_say_what_happens_with_the_data(client, open_koffie):
    for pad in [url(open_koffie), WIJKVERBINDER]:
        html = client.get(pad).content.decode()
        assert PRIVACY in html and 'href="/privacy/"' in html


def test_a_back_office_form_sums_up_its_errors(client, coordinator_a):
    client.force_login(coordinator_a)
    pad = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/nieuw/"
    html = client.post(pad, {"naam": ""}).content.decode()
    assert titel(html).startswith("Fout: ")
    assert '<a href="#id_naam">Dit veld is verplicht.' in html


# --- the CSRF page --------------------------------------------------------------------


def test_a_refused_token_gets_a_dutch_page_that_keeps_the_text(open_koffie):
    client = Client(enforce_csrf_checks=True)
    data = {
        "tekst": "Een bankje <script>alert(1)</script> bij de bus",
        "naam": "Truus",
        "website": "",
        "csrfmiddlewaretoken": "verlopen-token-123",
    }
    response = client.post(url(open_koffie), data)
    html = response.content.decode()
    assert response.status_code == 403
    assert titel(html).startswith("Fout: ")
    assert "Uw formulier is nog niet verstuurd" in html and "cookies" in html
    assert "DEBUG" not in html
    # What was typed, escaped, in a form to the same address with a fresh token.
    assert "Een bankje &lt;script&gt;alert(1)&lt;/script&gt; bij de bus" in html
    assert "<script>alert" not in html
    assert "verlopen-token-123" not in html
    assert f'action="{url(open_koffie)}#foutoverzicht"' in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert not Bespreekpunt.objects.exists()

    # Sent again from that page: saved.
    again = {"tekst": data["tekst"], "naam": "Truus", "csrfmiddlewaretoken": token}
    assert client.post(url(open_koffie), again).status_code == 302
    assert Bespreekpunt.objects.get().tekst == data["tekst"]


# --- rate limits that fit a shared device ----------------------------------------------


def test_a_room_of_people_on_one_address_all_get_through(open_koffie):
    for i in range(15):
        response = Client().post(url(open_koffie), {"tekst": f"Punt {i}"})
        assert response.status_code == 302, i
    assert open_koffie.bespreekpunten.count() == 15


def test_one_browser_twice_in_a_row_is_told_when_to_try_again(client, open_koffie):
    assert client.post(url(open_koffie), {"tekst": "Eerste punt"}).status_code == 302
    response = client.post(url(open_koffie), {"tekst": "Tweede punt"})
    html = response.content.decode()
    assert response.status_code == 429
    assert titel(html).startswith("Fout: ")
    melding = html[html.index('id="foutoverzicht"') :]
    assert "U heeft net al iets ingestuurd" in melding
    assert re.search(r"om \d\d:\d\d opnieuw proberen \(over 2 minuten\)", melding)
    assert "coördinator" in melding
    assert "Tweede punt" in html
    assert open_koffie.bespreekpunten.count() == 1


def test_the_address_budget_holds_for_many_browsers(settings, open_koffie):
    settings.RATELIMIT_PER_ADRES = ((3, 3600),)
    statuses = [
        Client().post(url(open_koffie), {"tekst": f"Punt {i}"}).status_code for i in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    # A refusal by the session's budget gives the address's turn back.
    settings.RATELIMIT_PER_ADRES = ((2, 3600),)
    client = Client(REMOTE_ADDR="10.0.0.9")
    assert client.post(url(open_koffie), {"tekst": "Een"}).status_code == 302
    assert client.post(url(open_koffie), {"tekst": "Twee"}).status_code == 429
    assert (
        Client(REMOTE_ADDR="10.0.0.9").post(url(open_koffie), {"tekst": "Drie"}).status_code == 302
    )


def test_limits_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("LIMIET", "1/120, 5/3600")
    assert env_limits("LIMIET", "9/9") == ((1, 120), (5, 3600))
    monkeypatch.delenv("LIMIET")
    assert env_limits("LIMIET", "20/3600") == ((20, 3600),)
    for fout in ["20", "x/60", "0/60"]:
        monkeypatch.setenv("LIMIET", fout)
        with pytest.raises(Exception, match="LIMIET"):
            env_limits("LIMIET", "1/1")


def test_a_form_no_view_checked_is_not_checked_for_the_title(client, coordinator_a):
    # The wijkplan's conflict page shows a fresh form built from the typed text: asking
    # its errors for the title would validate it outside the view.
    client.force_login(coordinator_a)
    pad = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/delen/doel_overig/"
    assert client.post(pad, {"doel_overig": "Eerste tekst", "versie": 0}).status_code == 302
    response = client.post(pad, {"doel_overig": "Tweede tekst", "versie": 0})
    assert response.status_code == 200
    assert "Tweede tekst" in response.content.decode()
