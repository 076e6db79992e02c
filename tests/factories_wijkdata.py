import factory

from tests.factories import WijkFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from wijken.base.indicatoren import Indicator
from wijken.wijkdata.maten import Bron, Eenheid
from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer


class WijkcijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijkcijfer

    wijk = factory.SubFactory(WijkFactory)
    maat = Indicator.EENZAAMHEID
    jaar = 2022
    waarde = "50.0"
    eenheid = Eenheid.PROCENT
    bron = Bron.RIVM
    vergelijking_gemeente = "48.0"


class BeleefdeWijkdataFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BeleefdeWijkdata

    wijk = factory.SubFactory(WijkFactory)
    indicator = Indicator.EENZAAMHEID
    herkenning = "Dat herkennen we: op zondag is het stil."
    open_koffie = factory.LazyAttribute(
        lambda o: OpenKoffieFactory(wijk=o.wijk, begin=over(-30), status="gehouden")
    )
