from tests.factories import HuisFactory
from wijken.base.models import Huis

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/huizen/"


def test_add_huis(client_for, wijk_a):
    response = client_for("coordinator_a").post(
        BASE + "nieuw/",
        {"naam": "Oosterbeemd", "adres": "Oosterbeemdweg 12", "postcode": "6301 AB"},
    )
    assert response.status_code == 302
    assert wijk_a.huizen.get().naam == "Oosterbeemd"


def test_bad_postcode_is_refused(client_for, wijk_a):
    response = client_for("coordinator_a").post(
        BASE + "nieuw/", {"naam": "X", "adres": "Y 1", "postcode": "ABCD 12"}
    )
    assert "Een postcode is 4 cijfers en 2 letters." in response.content.decode()
    assert not Huis.objects.exists()


def test_edit_and_delete_huis(client_for, wijk_a):
    huis = HuisFactory(wijk=wijk_a)
    client = client_for("coordinator_a")
    page = client.get(f"{BASE}{huis.pk}/").content.decode()
    assert f"{BASE}{huis.pk}/verwijderen/" in page
    client.post(f"{BASE}{huis.pk}/", {"naam": "Nieuwe naam", "adres": "Straat 1"})
    huis.refresh_from_db()
    assert huis.naam == "Nieuwe naam"
    confirm = client.get(f"{BASE}{huis.pk}/verwijderen/")
    assert "Dit kunt u niet ongedaan maken." in confirm.content.decode()
    assert Huis.objects.filter(pk=huis.pk).exists()
    client.post(f"{BASE}{huis.pk}/verwijderen/")
    assert not Huis.objects.filter(pk=huis.pk).exists()
