import datetime

import factory

from tests.factories import WijkFactory
from wijken.wijkplan.models import Actie, Wijkplan


class WijkplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijkplan

    wijk = factory.SubFactory(WijkFactory)
    wijkdata = "Veel ouderen wonen alleen."


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    wijkplan = factory.SubFactory(WijkplanFactory)
    omschrijving = factory.Sequence(lambda n: f"Actie {n}")
    wie = "Sandra"
    voor_wanneer = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    volgorde = factory.Sequence(lambda n: n + 1)
