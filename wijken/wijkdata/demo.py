"""The demo wijkdata, from fixtures/demo/wijkdata.toml, after the Open Koffies where the
wijken talked about their figures."""

from django.conf import settings

from openkoffie.models import OpenKoffie
from wijken.base.models import Wijk
from wijken.wijkdata.importer import lees_bytes, maak_plan
from wijken.wijkdata.models import BeleefdeWijkdata


def load(data: dict) -> None:
    """The figures go through the real importer, from the README's example file."""
    plan = maak_plan(
        lees_bytes((settings.BASE_DIR / "fixtures" / "wijkdata-demo.csv").read_bytes())
    )
    if not plan.is_geldig:
        raise ValueError("fixtures/wijkdata-demo.csv: " + "; ".join(map(str, plan.fouten)))
    plan.toepassen()
    for entry in data["beleefde_wijkdata"]:
        wijk = Wijk.objects.get(slug=entry["wijk"])
        BeleefdeWijkdata.objects.update_or_create(
            wijk=wijk,
            indicator=entry["indicator"],
            open_koffie=OpenKoffie.objects.voor_wijk(wijk).get(onderwerp=entry["open_koffie"]),
            defaults={"herkenning": entry["herkenning"], "nadruk": entry.get("nadruk", False)},
        )
