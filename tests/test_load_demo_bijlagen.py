"""The demo's Bijlage 2 and doe-boekje: complete, realistic in size, and idempotent."""

from django.core.management import call_command

from wijken.base.models import Huis, User, Wijk
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.mogelijkheden.models import Openingstijd, Ruimte


def test_demo_has_a_doe_boekje_and_bijlage_2_everywhere(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    tellingen = (
        DoeBoekjeItem.objects.count(),
        Openingstijd.objects.count(),
        Ruimte.objects.count(),
    )
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        DoeBoekjeItem.objects.count(),
        Openingstijd.objects.count(),
        Ruimte.objects.count(),
    ) == tellingen

    for wijk in Wijk.objects.all():
        items = wijk.doe_boekje.actueel()
        assert 15 <= items.count() <= 25, wijk
        assert len(items.per_categorie()) >= 5, wijk
        assert items.te_controleren().exists(), wijk  # some not checked for over a year
        assert items.exclude(pk__in=items.te_controleren()).exists(), wijk
    for huis in Huis.objects.all():
        assert huis.mogelijkheden.afgesproken_op, huis
        assert huis.openingstijden.filter(soort="receptie").exists(), huis
        assert huis.openingstijden.filter(soort="gasterie").exists(), huis
        assert huis.ruimtes.exists(), huis

    valkenburg = Wijk.objects.get(slug="valkenburg-oosterbeemd")
    assert valkenburg.doe_boekje.filter(naam="Samen eten").exists()
    assert DoeBoekjeItem.objects.lijkt_op(valkenburg, "Samen aan tafel")[0].naam == "Samen eten"


def test_demo_wijkverbinder_maintains_the_valkenburg_doe_boekje(db, client):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = User.objects.get(username="wijkverbinder-valkenburg")
    assert user.check_password("demo")
    assert user.wijkverbinder.naam == "Anneke Vliegen"
    assert user.wijkverbinder.mag_doe_boekje_bijwerken
    client.force_login(user)
    assert client.get("/beheer/heuvelland/valkenburg-oosterbeemd/doe-boekje/").status_code == 200
    assert client.get("/beheer/heuvelland/hulsberg-panhuys/doe-boekje/").status_code == 404
