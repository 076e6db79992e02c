"""Loads a year of Open Koffies, bespreekpunten, overleggen and werving for the demo wijken."""

import datetime

from django.utils import timezone

from communitycare.lib.dates import add_months
from openkoffie.models import (
    Bespreekpunt,
    OpenKoffie,
    Vervolgafspraak,
    Wervingsactie,
    WijkverbinderOverleg,
)
from openkoffie.planning import moment
from wijken.base.models import User, Wijk, Wijkverbinder

OPEN_KOFFIE_VELDEN = [
    "status",
    "reden_annulering",
    "verslag",
    "aantal_buurtbewoners",
    "coordinator_aanwezig",
    "wijkverbinders_aanwezig",
    "management_aanwezig",
    "aantal_professionals",
    "wijkbeeld_besproken",
    "wijkdata_besproken",
    "wijkplan_besproken",
    "adres",
]


def load(data: dict) -> list[User]:
    """Dates are relative to today; natural keys keep a second run from adding rows."""
    vandaag = timezone.localdate()
    for wijk_data in data["wijken"]:
        wijk = Wijk.objects.get(regio__slug=wijk_data["regio"], slug=wijk_data["slug"])
        for verbinder in wijk_data.get("wijkverbinders", []):
            Wijkverbinder.objects.update_or_create(
                wijk=wijk,
                naam=verbinder["naam"],
                defaults={k: v for k, v in verbinder.items() if k != "naam"},
            )
        for open_koffie in wijk_data.get("open_koffies", []):
            _open_koffie(wijk, open_koffie, vandaag)
        _overleggen(wijk, wijk_data, vandaag)
        for actie in wijk_data.get("wervingsacties", []):
            Wervingsactie.objects.update_or_create(
                wijk=wijk,
                wat=actie["wat"],
                defaults={
                    "datum": vandaag + datetime.timedelta(days=actie["dagen"]),
                    "kanaal": actie["kanaal"],
                    "door": User.objects.get(username=actie["door"]),
                },
            )
    return []


def _open_koffie(wijk: Wijk, data: dict, vandaag: datetime.date) -> OpenKoffie:
    tijd = datetime.time.fromisoformat(data["tijd"])
    begin = moment(vandaag + datetime.timedelta(days=data["dagen"]), tijd)
    tweede = data.get("tweede_wijk")
    open_koffie, _ = OpenKoffie.objects.update_or_create(
        wijk=wijk,
        onderwerp=data["onderwerp"],
        defaults={
            "begin": begin,
            "einde": begin + datetime.timedelta(hours=2),
            "tweede_wijk": Wijk.objects.get(regio=wijk.regio, slug=tweede) if tweede else None,
            "huis": wijk.huizen.get(naam=data["huis"]) if "huis" in data else None,
            **{field: data[field] for field in OPEN_KOFFIE_VELDEN if field in data},
        },
    )
    for punt in data.get("bespreekpunten", []):
        velden = {k: v for k, v in punt.items() if k != "tekst"}
        if "ingevoerd_door" in velden:
            velden["ingevoerd_door"] = User.objects.get(username=velden["ingevoerd_door"])
        Bespreekpunt.objects.update_or_create(
            open_koffie=open_koffie, tekst=punt["tekst"], defaults=velden
        )
    for afspraak in data.get("vervolgafspraken", []):
        Vervolgafspraak.objects.update_or_create(
            open_koffie=open_koffie,
            wat=afspraak["wat"],
            defaults={
                "wie": afspraak.get("wie", ""),
                "voor_wanneer": vandaag + datetime.timedelta(days=afspraak["dagen"]),
            },
        )
    return open_koffie


def _overleggen(wijk: Wijk, data: dict, vandaag: datetime.date) -> None:
    """Monthly, newest first; keyed on the notes, since the dates move with today."""
    laatste = vandaag - datetime.timedelta(days=data["overleg_dagen_geleden"])
    actief = list(wijk.wijkverbinders.actief())
    for maanden_terug, notities in enumerate(data.get("overleggen", [])):
        overleg, _ = WijkverbinderOverleg.objects.update_or_create(
            wijk=wijk,
            notities=notities,
            defaults={"datum": add_months(laatste, -maanden_terug)},
        )
        # Someone misses a meeting now and then.
        overleg.aanwezigen.set(actief[: len(actief) - maanden_terug % 2] or actief)
    # The next one is planned: it shows in the wijkplan's planning (chapter 4).
    volgende = add_months(laatste, 1)
    if data.get("overleggen") and volgende > vandaag:
        WijkverbinderOverleg.objects.update_or_create(
            wijk=wijk,
            notities="",
            defaults={
                "datum": volgende,
                "tijd": datetime.time(10),
                "waar": data.get("overleg_waar", ""),
            },
        )
