"""Loads the demo initiatives: one of each stage of the lifecycle."""

import datetime
from decimal import Decimal

from django.utils import timezone

from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Begrotingsregel,
    Besteding,
    Evaluatie,
    Idee,
    Initiatief,
    Startstap,
    Status,
)
from openkoffie.models import OpenKoffie, WijkverbinderOverleg
from wijken.base.models import User, Wijk

FIELDS = [
    "naam",
    "thema",
    "overige_betrokkenen",
    "contactpersoon",
    "datum_ingevuld",
    "startdatum",
    "globale_beschrijving",
    "aanpak",
    "wanneer",
    "deelnemers",
    "ruimte",
    "eten_drinken",
    "communicatie",
    "uitvoering",
    "overige_afspraken",
    "initiatiefnemer_soort",
    "initiatiefnemer",
]


def load(data: dict) -> list[User]:
    for entry in data["initiatieven"]:
        _initiatief(entry)
    for entry in data.get("ideeen", []):
        _idee(entry)
    return []


def _idee(data: dict) -> Idee:
    """An idea from the wijk, as it came in: by website, or entered by staff."""
    regio, wijk_slug = data["wijk"].split("/")
    wijk = Wijk.objects.get(regio__slug=regio, slug=wijk_slug)
    door = data.get("ingevoerd_door")
    idee, _ = Idee.objects.update_or_create(
        wijk=wijk,
        tekst=data["tekst"],
        defaults={
            "naam": data.get("naam", ""),
            "contact": data.get("contact", ""),
            "bron": data["bron"],
            "ingevoerd_door": User.objects.get(username=door) if door else None,
        },
    )
    idee.full_clean()
    return idee


def _dag(dagen: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=dagen)


def _initiatief(data: dict) -> Initiatief:
    regio, wijk_slug = data["wijk"].split("/")
    wijk = Wijk.objects.get(regio__slug=regio, slug=wijk_slug)
    coordinator = User.objects.get(username=data["coordinator"])
    initiatief, _ = Initiatief.objects.update_or_create(
        wijk=wijk,
        slug=data["slug"],
        defaults={
            **{
                field: _dag(data[field]) if field in data else None
                for field in FIELDS
                if "datum" in field
            },
            **{field: data.get(field, "") for field in FIELDS if "datum" not in field},
            "initiatiefnemer_toestemming": data.get("initiatiefnemer_toestemming", False),
            "coordinator": coordinator,
            "wijkverbinder": (
                wijk.wijkverbinders.get(naam=data["wijkverbinder"])
                if "wijkverbinder" in data
                else None
            ),
        },
    )
    initiatief.zet_indicatoren(data["indicatoren"])
    for nummer, antwoord in data.get("stappen", {}).items():
        _stap(initiatief, int(nummer), antwoord, coordinator)
    if "begroting" in data:
        _begroting(initiatief, data["begroting"])
    _status(initiatief, data)
    for evaluatie in data.get("evaluaties", []):
        _evaluatie(initiatief, evaluatie)
    return initiatief


def _stap(initiatief: Initiatief, nummer: int, antwoord, door: User) -> None:
    fields = {"voltooid_door": door, "antwoord": antwoord if isinstance(antwoord, str) else ""}
    if nummer == 2:
        fields["bewoner_doet_mee"] = True
    if nummer == 3:
        initiatief.niet_aanwezig_in_wijk = True
        initiatief.save(update_fields=["niet_aanwezig_in_wijk"])
    if nummer == 8:
        verbinder = initiatief.wijk.wijkverbinders.get(naam=antwoord["wijkverbinder"])
        fields["overleg"], _ = WijkverbinderOverleg.objects.get_or_create(
            wijk=initiatief.wijk,
            datum=_dag(antwoord["overleg"]),
            defaults={"notities": f"{initiatief.naam} besproken; {verbinder} coördineert."},
        )
        fields["overleg"].aanwezigen.add(verbinder)
        fields["overleg_wijkverbinder"] = verbinder
    if nummer == 9:
        fields["open_koffie"] = OpenKoffie.objects.voor_wijk(initiatief.wijk).get(
            onderwerp=antwoord["open_koffie"]
        )
    Startstap.objects.update_or_create(initiatief=initiatief, nummer=nummer, defaults=fields)


def _begroting(initiatief: Initiatief, data: dict) -> None:
    begroting, _ = Begroting.objects.get_or_create(initiatief=initiatief)
    if begroting.is_goedgekeurd:
        return  # loaded before: an approved begroting changes only with confirmation
    for regel in data["regels"]:
        Begrotingsregel.objects.update_or_create(
            begroting=begroting,
            categorie=regel["categorie"],
            omschrijving=regel["omschrijving"],
            defaults={
                "bedrag": Decimal(regel["bedrag"]),
                "betaler": regel.get("betaler", ""),
                "looptijd": regel.get("looptijd", ""),
            },
        )
    if begroting.status == data["stand"]:
        return
    if data["stand"] in (Begroting.Stand.INGEDIEND, Begroting.Stand.GOEDGEKEURD):
        begroting.indienen(User.objects.get(username=data["ingediend_door"]))
    if data["stand"] == Begroting.Stand.GOEDGEKEURD:
        besluit = begroting.keur_goed(
            User.objects.get(username=data["goedgekeurd_door"]), begroting.versie
        )
        # Submitted and approved in the story's past, so the start date can follow it.
        moment = timezone.now() + datetime.timedelta(days=data["goedgekeurd"])
        ingediend = moment - datetime.timedelta(days=7)
        Begroting.objects.filter(pk=begroting.pk).update(
            goedgekeurd_op=moment, ingediend_op=ingediend
        )
        besluiten = Begrotingsbesluit.objects.filter(begroting=begroting)
        besluiten.filter(pk=besluit.pk).update(op=moment)
        besluiten.exclude(pk=besluit.pk).filter(op__gt=moment).update(op=ingediend)


def _status(initiatief: Initiatief, data: dict) -> None:
    initiatief = Initiatief.objects.get(pk=initiatief.pk)  # with the backdated approval
    if initiatief.status == data["status"]:
        return
    if data["status"] == Status.BEEINDIGD and initiatief.status != Status.ACTIEF:
        # An ended initiative was active once: the demo checks its steps were complete.
        initiatief.wijzig_status(Status.ACTIEF)
    # Goes through the same gate as the back office, so the demo cannot be inconsistent.
    initiatief.wijzig_status(
        data["status"],
        einddatum=_dag(data["einddatum"]) if "einddatum" in data else None,
        reden_einde=data.get("reden_einde", ""),
    )


def _evaluatie(initiatief: Initiatief, data: dict) -> None:
    begroot = initiatief.begroting.totaal_per_categorie()
    evaluatie, _ = Evaluatie.objects.update_or_create(
        initiatief=initiatief,
        soort=data["soort"],
        defaults={
            "datum": _dag(data["datum"]),
            "ingevuld_door": data["ingevuld_door"],
            "startdatum_initiatief": initiatief.startdatum,
            "betrokken_wijkverbinder": str(initiatief.wijkverbinder or ""),
            "betrokken_coordinator": str(initiatief.coordinator or ""),
            "overige_betrokkenen": initiatief.overige_betrokkenen,
            "beinvloeding_indicator": ", ".join(initiatief.indicator_labels),
            "contactpersoon": initiatief.contactpersoon,
            "opstart": data.get("opstart", ""),
            "voortgang": data.get("voortgang", ""),
            "effect_beleving": data.get("effect_beleving", ""),
            "effect_gemeten": data.get("effect_gemeten", ""),
            "voortzetten": data.get("voortzetten", ""),
            "gepubliceerd_op": timezone.make_aware(
                datetime.datetime.combine(_dag(data["datum"]), datetime.time(12))
            ),
        },
    )
    for categorie, besteed in data.get("besteed", {}).items():
        Besteding.objects.update_or_create(
            evaluatie=evaluatie,
            categorie=categorie,
            defaults={"begroot": begroot.get(categorie, 0), "besteed": Decimal(besteed)},
        )
