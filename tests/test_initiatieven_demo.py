from django.core.management import call_command

from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Evaluatie,
    Idee,
    Initiatief,
    Startstap,
    Status,
)


def counts():
    return tuple(
        model.objects.count()
        for model in [Initiatief, Startstap, Begroting, Begrotingsbesluit, Evaluatie, Idee]
    )


def test_demo_initiatives_are_idempotent_and_tell_the_story(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first

    boodschap = Initiatief.objects.get(slug="samen-op-stap-voor-n-boodschap")
    assert boodschap.wijk.slug == "valkenburg-oosterbeemd"
    assert boodschap.status == Status.ACTIEF
    assert boodschap.begroting.is_goedgekeurd
    assert boodschap.evaluaties.get().soort == "zes_maanden"
    assert Initiatief.objects.get(slug="doe-boekje-oosterbeemd").thema == "doe_boekje"

    heitje = Initiatief.objects.get(slug="heerlens-heitje")
    assert heitje.status == Status.ONTWIKKELING
    assert heitje.begroting.status == Begroting.Stand.INGEDIEND
    assert heitje.begroting.ingediend_door.username == "coordinator-heerlen"
    assert 0 < heitje.startstappen.count() < 9

    tafel = Initiatief.objects.get(slug="samen-aan-tafel")
    assert tafel.wijk.slug == "hulsberg-panhuys"
    assert tafel.volgende_evaluatie().te_laat

    gestopt = Initiatief.objects.get(status=Status.BEEINDIGD)
    assert gestopt.reden_einde and gestopt.einddatum

    # Every initiative came from the wijk (the step-10 gate), and ideas keep coming in.
    assert all(i.komt_uit_de_wijk for i in Initiatief.objects.all())
    assert heitje.publieke_initiatiefnemer == "Een bewoner uit de wijk"  # no consent
    ideeen = Idee.objects.order_by("bron")
    assert [(i.bron, i.status) for i in ideeen] == [
        ("telefoon", "ingediend"),
        ("website", "ingediend"),
    ]
    assert ideeen[0].ingevoerd_door.username == "coordinator-heuvelland"
