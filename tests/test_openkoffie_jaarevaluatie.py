"""Start step 11: the first Open Koffie of a year lists the running initiatives."""

import datetime

from django.utils import timezone

from initiatieven.models import Status
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory


def moment(maand: int, dag: int) -> datetime.datetime:
    jaar = timezone.localdate().year + 1
    return timezone.make_aware(datetime.datetime(jaar, maand, dag, 14))


def test_first_open_koffie_of_the_year_lists_running_initiatives(client_for, wijk_a, wijk_b):
    InitiatiefFactory(wijk=wijk_a, naam="Samen aan tafel", status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, naam="Nog een idee", status=Status.ONTWIKKELING)
    InitiatiefFactory(wijk=wijk_b, naam="Heerlens Heitje", status=Status.ACTIEF)
    eerste = OpenKoffieFactory(wijk=wijk_a, begin=moment(1, 20))
    tweede = OpenKoffieFactory(wijk=wijk_a, begin=moment(4, 20))
    base = "/heuvelland/valkenburg-oosterbeemd/open-koffie/"
    html = client_for("anonymous").get(f"{base}{eerste.pk}/").content.decode()
    assert "Jaarlijkse evaluatie van de initiatieven" in html
    assert "Samen aan tafel" in html
    assert "Nog een idee" not in html and "Heerlens Heitje" not in html
    later = client_for("anonymous").get(f"{base}{tweede.pk}/").content.decode()
    assert "Jaarlijkse evaluatie" not in later
    beheer = client_for("coordinator_a").get(f"/beheer{base}{eerste.pk}/").content.decode()
    assert "evaluatie invullen" in beheer and "/evaluaties/nieuw/" in beheer
