"""The history of the wijkplan: versions, a readable diff, restore, vastgesteld."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from tests.conftest import count_h1
from tests.factories import UserFactory
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.base import roles
from wijken.wijkplan.models import Vaststelling, Wijkplan, bewaar_deel, stel_vast

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"


@pytest.fixture
def plan(wijk_a, coordinator_a):
    other = UserFactory(username="projectleider-x", rol=roles.PROJECTLEIDER)
    bewaar_deel(wijk_a, "wijkdata", "De oude tekst over de wijk.", 0, coordinator_a)
    bewaar_deel(wijk_a, "doel_huis", "Het huis is open.", 0, other)
    return bewaar_deel(wijk_a, "wijkdata", "De nieuwe tekst over de wijk.", 1, other)


def ids(plan):
    return list(plan.history.order_by("history_date").values_list("history_id", flat=True))


def test_history_lists_versions_with_author_and_what_changed(client_for, plan):
    response = client_for("coordinator_a").get(BASE + "versies/")
    html = response.content.decode()
    assert response.status_code == 200 and count_h1(html) == 1
    assert html.count('name="van"') == 3
    assert "projectleider-x" in html or str(plan.history.first().history_user) in html
    assert "1.1.1 Wijkdata" in html and "2.1.3 Ons huis als ontmoetingsplek" in html


def test_diff_between_two_versions(client_for, plan):
    first, _, last = ids(plan)
    response = client_for("coordinator_a").get(BASE + f"versies/vergelijk/?van={last}&naar={first}")
    html = response.content.decode()
    assert response.status_code == 200 and count_h1(html) == 1
    assert '<del><span class="visually-hidden">[weg: </span>oude<' in html
    assert '<ins><span class="visually-hidden">[nieuw: </span>nieuwe<' in html
    assert "Niet veranderd." in html


@pytest.mark.parametrize("query", ["", "?van=x&naar=1", "?van=999999&naar=999998"])
def test_bad_diff_parameters(client_for, plan, query):
    response = client_for("coordinator_a").get(BASE + f"versies/vergelijk/{query}")
    assert response.status_code in (302, 404)


def test_restore_a_section_creates_a_new_version(client_for, plan):
    first = ids(plan)[0]
    client = client_for("coordinator_a")
    page = client.get(BASE + f"versies/{first}/").content.decode()
    assert "Deze tekst terugzetten" in page
    response = client.post(BASE + f"versies/{first}/herstellen/wijkdata/", {"versie": 2})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.wijkdata == "De oude tekst over de wijk."
    assert plan.doel_huis == "Het huis is open."
    assert plan.history.count() == 4


def test_restore_message_tells_the_time_in_the_netherlands(client_for, plan):
    first = plan.history.order_by("history_date").first()
    # 12:00 UTC in January is 13:00 in the Netherlands.
    first.history_date = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    first.save()
    response = client_for("coordinator_a").post(
        BASE + f"versies/{first.history_id}/herstellen/wijkdata/", {"versie": 2}, follow=True
    )
    assert "teruggezet naar de tekst van 15-01-2026 13:00." in response.content.decode()


def test_restore_over_a_newer_edit_is_refused(client_for, plan):
    first = ids(plan)[0]
    response = client_for("coordinator_a").post(
        BASE + f"versies/{first}/herstellen/wijkdata/", {"versie": 1}, follow=True
    )
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    plan.refresh_from_db()
    assert plan.wijkdata == "De nieuwe tekst over de wijk."


def test_vaststellen_at_an_open_koffie_once_and_shown_publicly(client_for, client, plan, wijk_a):
    """'Vastgesteld bij' is the Open Koffie where the wijk adopted it, not free text."""
    last = ids(plan)[-1]
    coordinator = client_for("coordinator_a")
    begin = timezone.now() - datetime.timedelta(hours=1)
    open_koffie = OpenKoffieFactory(
        wijk=wijk_a,
        onderwerp="Open Koffie maart",
        begin=begin,
        einde=begin + datetime.timedelta(hours=2),
    )
    later = OpenKoffieFactory(wijk=wijk_a, begin=timezone.now() - datetime.timedelta(days=400))
    coordinator.post(BASE + f"versies/{last}/vaststellen/", {"open_koffie": open_koffie.pk})
    coordinator.post(BASE + f"versies/{last}/vaststellen/", {"open_koffie": later.pk})
    vaststelling = Vaststelling.objects.get()
    assert vaststelling.open_koffie == open_koffie
    datum = date_format(timezone.localdate(open_koffie.begin), "j F Y")
    assert (
        f"{datum} op de Open Koffie “Open Koffie maart”"
        in client.get("/heuvelland/valkenburg-oosterbeemd/wijkplan/").content.decode()
    )
    assert f"Ja, {datum}" in coordinator.get(BASE + "versies/").content.decode()


def test_vaststellen_needs_a_held_open_koffie_of_the_wijk(client_for, plan, wijk_a, wijk_b):
    last = ids(plan)[-1]
    client = client_for("coordinator_a")
    komend = OpenKoffieFactory(wijk=wijk_a)
    elders = OpenKoffieFactory(wijk=wijk_b, begin=timezone.now() - datetime.timedelta(days=2))
    for data in [{}, {"open_koffie": komend.pk}, {"open_koffie": elders.pk}, {"open_koffie": "x"}]:
        response = client.post(BASE + f"versies/{last}/vaststellen/", data, follow=True)
        assert response.status_code == 200
    assert not Vaststelling.objects.exists()


def test_stel_vast_refuses_a_version_newer_than_the_meeting(plan, wijk_a):
    """The same rule outside the view (the admin, the demo): the domain function."""
    oud = OpenKoffieFactory(wijk=wijk_a, begin=timezone.now() - datetime.timedelta(days=400))
    with pytest.raises(ValidationError, match="van na die Open Koffie"):
        stel_vast(plan.history.order_by("-history_id").first(), oud, None)


def test_version_of_another_wijk_is_404(client_for, plan, wijk_b, coordinator_b):
    bewaar_deel(wijk_b, "wijkdata", "B", 0, coordinator_b)
    other = Wijkplan.objects.get(wijk=wijk_b).history.first().history_id
    client = client_for("coordinator_a")
    assert client.get(BASE + f"versies/{other}/").status_code == 404
    assert (
        client.post(BASE + f"versies/{other}/herstellen/wijkdata/", {"versie": 2}).status_code
        == 404
    )
