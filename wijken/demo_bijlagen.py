"""Demo content of Bijlage 2 (mogelijkheden per huis) and Bijlage 3 (the doe-boekje),
read from fixtures/demo/wijken_bijlagen.toml after the wijken themselves are loaded."""

import tomllib
from datetime import time, timedelta

from django.conf import settings
from django.utils import timezone

from wijken.models import DoeBoekjeItem, Huis, HuisMogelijkheden, Openingstijd, Ruimte, User, Wijk

BESTAND = settings.BASE_DIR / "fixtures" / "demo" / "wijken_bijlagen.toml"
DOE_BOEKJE_VELDEN = ["categorie", "beschrijving", "voor_wie", "waar", "wanneer", "kosten"]
DOE_BOEKJE_VELDEN += ["contact", "website"]


def load() -> None:
    with BESTAND.open("rb") as handle:
        data = tomllib.load(handle)
    for wijk_data in data["wijken"]:
        wijk = Wijk.objects.get(regio__slug=wijk_data["regio"], slug=wijk_data["wijk"])
        for huis_data in wijk_data.get("huizen", []):
            _huis(wijk.huizen.get(naam=huis_data["naam"]), huis_data)
        for item in wijk_data.get("doe_boekje", []):
            _doe_boekje_item(wijk, item)


def _doe_boekje_item(wijk: Wijk, data: dict) -> None:
    # Relative dates, so "not checked for over a year" stays true whenever the demo is loaded.
    gecontroleerd = timezone.localdate() - timedelta(days=data["gecontroleerd"])
    DoeBoekjeItem.objects.update_or_create(
        wijk=wijk,
        naam=data["naam"],
        gearchiveerd=False,
        defaults={
            **{veld: data.get(veld, "") for veld in DOE_BOEKJE_VELDEN},
            "huis": wijk.huizen.get(naam=data["huis"]) if "huis" in data else None,
            "dagen": "".join(str(dag) for dag in sorted(data.get("dagen", []))),
            "laatst_gecontroleerd_op": gecontroleerd,
            "gecontroleerd_door": User.objects.get(username=data["door"]),
        },
    )


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
