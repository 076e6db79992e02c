"""Demo content of Bijlage 2 (mogelijkheden per huis), from fixtures/demo/mogelijkheden.toml."""

from datetime import time

from wijken.base.models import Huis, Wijk
from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte


def load(data: dict) -> None:
    for wijk_data in data["wijken"]:
        wijk = Wijk.objects.get(regio__slug=wijk_data["regio"], slug=wijk_data["wijk"])
        for huis_data in wijk_data.get("huizen", []):
            _huis(wijk.huizen.get(naam=huis_data["naam"]), huis_data)


def _huis(huis: Huis, data: dict) -> None:
    HuisMogelijkheden.objects.update_or_create(huis=huis, defaults=data["afspraken"])
    for soort in Openingstijd.Soort.values:
        for blok in data.get(soort, []):
            for dag in blok["dagen"]:
                Openingstijd.objects.update_or_create(
                    huis=huis,
                    soort=soort,
                    dag=dag,
                    van=time.fromisoformat(blok["van"]),
                    defaults={"tot": time.fromisoformat(blok["tot"])},
                )
    for ruimte in data.get("ruimtes", []):
        Ruimte.objects.update_or_create(
            huis=huis,
            naam=ruimte["naam"],
            defaults={k: v for k, v in ruimte.items() if k != "naam"},
        )
