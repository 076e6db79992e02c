"""Demo content of Bijlage 3 (the doe-boekje), from fixtures/demo/doeboekje.toml."""

from datetime import timedelta

from django.utils import timezone

from wijken.base.models import User, Wijk
from wijken.doeboekje.models import DoeBoekjeItem

DOE_BOEKJE_VELDEN = ["categorie", "beschrijving", "voor_wie", "waar", "wanneer", "kosten"]
DOE_BOEKJE_VELDEN += ["contact", "website"]


def load(data: dict) -> None:
    for wijk_data in data["wijken"]:
        wijk = Wijk.objects.get(regio__slug=wijk_data["regio"], slug=wijk_data["wijk"])
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
