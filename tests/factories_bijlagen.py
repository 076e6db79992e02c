"""Factories for Bijlage 2 (mogelijkheden in ons huis) and Bijlage 3 (the doe-boekje)."""

from datetime import time

import factory
from django.utils import timezone

from tests.factories import HuisFactory, WijkFactory
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte


class DoeBoekjeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DoeBoekjeItem

    wijk = factory.SubFactory(WijkFactory)
    naam = factory.Sequence(lambda n: f"Activiteit {n}")
    categorie = DoeBoekjeItem.Categorie.ACTIVITEIT
    beschrijving = "Iets gezelligs in de wijk."
    wanneer = "Elke dinsdag 14:00–16:00"
    dagen = "1"
    kosten = "Gratis"
    contact = "Buurthuis, 043 555 0199"
    laatst_gecontroleerd_op = factory.LazyFunction(timezone.localdate)


class HuisMogelijkhedenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HuisMogelijkheden

    huis = factory.SubFactory(HuisFactory)
    toegang = HuisMogelijkheden.Toegang.POOL
    koken_mogelijk = True
    koken_voorwaarden = "Alleen met een hygiënecursus."


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    huis = factory.SubFactory(HuisFactory)
    soort = Openingstijd.Soort.RECEPTIE
    dag = 0
    van = time(9, 0)
    tot = time(17, 0)


class RuimteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ruimte

    huis = factory.SubFactory(HuisFactory)
    naam = factory.Sequence(lambda n: f"Zaal {n}")
    capaciteit = 30
    beschikbaar = "Werkdagen"
    reserveren = "Bij de receptie"
