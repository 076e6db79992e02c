from django.core.management import call_command

from openkoffie.models import Bespreekpunt, OpenKoffie, Vervolgafspraak, WijkverbinderOverleg
from openkoffie.planning import signalen
from wijken.base.models import Wijk, Wijkverbinder


def counts():
    return tuple(
        model.objects.count()
        for model in (
            OpenKoffie,
            Bespreekpunt,
            Vervolgafspraak,
            WijkverbinderOverleg,
            Wijkverbinder,
        )
    )


def test_demo_open_koffie_is_idempotent_and_complete(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    for wijk in Wijk.objects.all():
        assert OpenKoffie.objects.voor_wijk(wijk).komend().exists(), wijk
        assert OpenKoffie.objects.voor_wijk(wijk).geweest().exists(), wijk
        assert wijk.overleggen.exists(), wijk
        statussen = set(wijk.wijkverbinders.values_list("status", flat=True))
        assert statussen == set(Wijkverbinder.Status), wijk
    gecombineerd = OpenKoffie.objects.get(tweede_wijk__isnull=False)
    assert {gecombineerd.wijk.slug, gecombineerd.tweede_wijk.slug} == {
        "valkenburg-oosterbeemd",
        "hulsberg-panhuys",
    }
    gehouden = OpenKoffie.objects.filter(status="gehouden")
    assert all(ok.verslag and ok.opkomst_bekend for ok in gehouden)
    assert [ok.voldoet_aan_opkomst() for ok in gehouden].count(False) == 1
    assert set(Bespreekpunt.objects.values_list("status", flat=True)) == set(Bespreekpunt.Status)
    assert OpenKoffie.objects.filter(status="geannuleerd").exists()
    # One wijk is behind on purpose, so the warnings show in the demo.
    per_wijk = signalen(list(Wijk.objects.all()))
    assert [wijk.slug for wijk in Wijk.objects.all() if per_wijk[wijk.pk]] == ["heer"]
