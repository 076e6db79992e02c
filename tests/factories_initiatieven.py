import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from initiatieven.models import (
    Begroting,
    Begrotingsregel,
    Idee,
    Initiatief,
    InitiatiefIndicator,
    Startstap,
    Status,
)
from tests.factories import UserFactory, WijkFactory, WijkverbinderFactory
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory
from wijken.base import roles


class InitiatiefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiatief

    wijk = factory.SubFactory(WijkFactory)
    naam = factory.Sequence(lambda n: f"Initiatief {n}")
    slug = factory.Sequence(lambda n: f"initiatief-{n}")
    status = Status.ONTWIKKELING
    # From the wijk, as the method wants; tests of that rule set it otherwise.
    initiatiefnemer_soort = "groep"
    initiatiefnemer = "Buurtgroep"


class IdeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idee

    wijk = factory.SubFactory(WijkFactory)
    tekst = factory.Sequence(lambda n: f"Idee {n}: samen koken")
    naam = "Bewoner"


class BegrotingsregelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingsregel

    begroting = factory.LazyAttribute(
        lambda o: Begroting.objects.get_or_create(initiatief=InitiatiefFactory())[0]
    )
    categorie = "eten_drinken"
    omschrijving = factory.Sequence(lambda n: f"Koffie {n}")
    bedrag = Decimal("100.00")
    betaler = "Community Care"
    looptijd = "1 jaar"


BESCHRIJVING = {
    "globale_beschrijving": "Samen boodschappen doen met buren.",
    "aanpak": "Elke maand overleg.",
    "wanneer": "Dinsdag 10 uur",
    "deelnemers": "Tien mensen",
    "ruimte": "Ontmoetingsruimte, BHV geregeld",
    "eten_drinken": "Koffie",
    "communicatie": "Flyers",
    "uitvoering": "Drie vrijwilligers, een jaar",
    "contactpersoon": "Receptie, 043 555 0110",
    "initiatiefnemer_soort": "groep",
    "initiatiefnemer": "Buurtgroep",
}


def klaar_voor_actief(wijk, coordinator, *, goedgekeurd: bool = True) -> Initiatief:
    """An initiative with steps 1–9, a complete description and (approved) begroting."""
    verbinder = WijkverbinderFactory(wijk=wijk)
    initiatief = InitiatiefFactory(
        wijk=wijk, coordinator=coordinator, wijkverbinder=verbinder, **BESCHRIJVING
    )
    InitiatiefIndicator.objects.create(initiatief=initiatief, indicator="eenzaamheid")
    # Steps 8 and 9 point at meetings that took place.
    # One overleg a day per wijk: each initiative its own day.
    dag = datetime.date.today() - datetime.timedelta(days=30 + initiatief.pk % 300)
    overleg = OverlegFactory(wijk=wijk, datum=dag)
    open_koffie = OpenKoffieFactory(
        wijk=wijk, begin=timezone.now() - datetime.timedelta(days=20), status="gehouden"
    )
    for nummer in range(1, 10):
        Startstap.objects.create(
            initiatief=initiatief,
            nummer=nummer,
            antwoord=f"Antwoord {nummer}",
            voltooid_door=coordinator,
            overleg=overleg if nummer == 8 else None,
            overleg_wijkverbinder=verbinder if nummer == 8 else None,
            open_koffie=open_koffie if nummer == 9 else None,
        )
    begroting = Begroting.objects.create(initiatief=initiatief)
    for categorie, bedrag in [("ruimte", "0"), ("eten_drinken", "250"), ("communicatie", "80")]:
        BegrotingsregelFactory(begroting=begroting, categorie=categorie, bedrag=Decimal(bedrag))
    begroting.indienen(coordinator)
    if goedgekeurd:
        manager = UserFactory(username="pm-fixture", rol=roles.PROGRAMMAMANAGER)
        begroting.keur_goed(manager, begroting.versie)
    return initiatief
