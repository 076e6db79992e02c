import datetime

import factory
from django.utils import timezone

from openkoffie.models import Bespreekpunt, OpenKoffie, WijkverbinderOverleg
from tests.factories import WijkFactory


def over(dagen: int, uur: int = 14) -> datetime.datetime:
    """A local moment `dagen` days from today at `uur` o'clock."""
    datum = timezone.localdate() + datetime.timedelta(days=dagen)
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(uur)))


class OpenKoffieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpenKoffie

    wijk = factory.SubFactory(WijkFactory)
    begin = factory.LazyFunction(lambda: over(30))
    adres = "Buurthuis, Dorpsstraat 1"


class BespreekpuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bespreekpunt

    open_koffie = factory.SubFactory(OpenKoffieFactory)
    tekst = factory.Sequence(lambda n: f"Bespreekpunt nummer {n}")


class OverlegFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WijkverbinderOverleg

    wijk = factory.SubFactory(WijkFactory)
    datum = factory.LazyFunction(timezone.localdate)
