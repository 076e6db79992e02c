import datetime

from tests.factories import WijkverbinderFactory
from wijken.base.models import Wijkverbinder

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkverbinders/"


def test_add_wijkverbinder_with_intake(client_for, wijk_a):
    response = client_for("coordinator_a").post(
        BASE + "nieuw/",
        {
            "naam": "Anneke Vliegen",
            "status": "actief",
            "uren_per_maand": "8",
            "startdatum": "2026-01-15",
            "bijdrage": "Boodschappen",
            "wederkerigheid": "Contact",
            "toestemming_publiek": "on",
        },
    )
    assert response.status_code == 302
    verbinder = wijk_a.wijkverbinders.get()
    assert verbinder.startdatum == datetime.date(2026, 1, 15)
    assert verbinder.toestemming_datum is not None


def test_hours_out_of_range_are_refused(client_for, wijk_a):
    response = client_for("coordinator_a").post(
        BASE + "nieuw/", {"naam": "X", "status": "actief", "uren_per_maand": "500"}
    )
    assert "Zorg ervoor dat deze waarde hoogstens 80 is." in response.content.decode()
    assert not Wijkverbinder.objects.exists()


def test_withdrawn_consent_clears_its_date(client_for, wijk_a):
    verbinder = WijkverbinderFactory(wijk=wijk_a, toestemming_publiek=True)
    assert verbinder.toestemming_datum is not None
    client_for("coordinator_a").post(
        f"{BASE}{verbinder.pk}/",
        {"naam": verbinder.naam, "status": "actief", "uren_per_maand": "8"},
    )
    verbinder.refresh_from_db()
    assert verbinder.toestemming_publiek is False
    assert verbinder.toestemming_datum is None
