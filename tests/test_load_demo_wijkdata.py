from io import StringIO

from django.core.management import call_command

from wijken.base.indicatoren import Indicator
from wijken.base.models import Wijk
from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer


def test_every_demo_wijk_has_two_years_per_indicator_marked_as_demo(db):
    call_command("load_demo", force=True, stdout=StringIO())
    eerst = (Wijkcijfer.objects.count(), BeleefdeWijkdata.objects.count())
    call_command("load_demo", force=True, stdout=StringIO())
    assert (Wijkcijfer.objects.count(), BeleefdeWijkdata.objects.count()) == eerst
    assert not Wijkcijfer.objects.filter(demo=False).exists()
    for wijk in Wijk.objects.all():
        for indicator in Indicator:
            jaren = wijk.wijkcijfers.filter(maat=indicator).values_list("jaar", flat=True)
            assert len(set(jaren)) >= 2, (wijk, indicator)
        assert wijk.wijkcijfers.filter(maat="inwoners").exists()
        assert wijk.beleefde_wijkdata.filter(nadruk=True).exists()
