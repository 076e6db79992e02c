""" "Mijn wijk": a wijkverbinder's week on the dashboard. What she coordinates, the open
acties of her wijk, the next overleg and Open Koffie, and the evaluations due. Here, in
the shell, as it reads the initiatives, the meetings and the wijkplan together."""

import re
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from initiatieven.models import EvaluatieMoment, Initiatief, evaluaties_te_doen
from openkoffie.models import Bespreekpunt, OpenKoffie, WijkverbinderOverleg
from wijken.base.models import Wijkverbinder
from wijken.wijkplan.models import Actie


@dataclass
class MijnWijk:
    verbinder: Wijkverbinder
    initiatieven: list[Initiatief]
    evaluaties: list[tuple[Initiatief, EvaluatieMoment]]
    # (actie, whether its `wie` names her): the wijk's open acties, hers first.
    acties: list[tuple[Actie, bool]]
    overleg: WijkverbinderOverleg | None
    open_koffie: OpenKoffie | None


def noemt(wie: str, naam: str) -> bool:
    """Whether the free text `wie` of an actie names this wijkverbinder: her first name as
    a whole word, any case ("Maria en Jan", "maria"). The whole name is rarely typed, so
    matching on it would miss most; a namesake is marked too, which costs nothing, as
    every open actie of the wijk is shown anyway."""
    woorden = naam.split()
    if not woorden:
        return False
    return re.search(rf"\b{re.escape(woorden[0])}\b", wie, re.IGNORECASE) is not None


def mijn_wijk(verbinder: Wijkverbinder) -> MijnWijk:
    """Six queries, whatever the number of initiatives, acties or bespreekpunten."""
    wijk = verbinder.wijk
    eigen = Initiatief.objects.filter(wijk=wijk, wijkverbinder=verbinder)
    evaluaties = evaluaties_te_doen(eigen)
    initiatieven = list(eigen.select_related("wijk__regio").order_by("naam"))
    acties = [
        (actie, noemt(actie.wie, verbinder.naam))
        for actie in Actie.objects.filter(wijkplan__wijk=wijk, afgerond=False).order_by(
            "volgorde", "pk"
        )
    ]
    acties.sort(key=lambda item: not item[1])  # stable: hers first, each in the plan's order
    overleg = wijk.overleggen.filter(datum__gte=timezone.localdate()).order_by("datum").first()
    open_koffie = (
        OpenKoffie.objects.voor_wijk(wijk)
        .gaat_door()
        .komend()
        .met_plaats()
        .prefetch_related(
            Prefetch(
                "bespreekpunten",
                queryset=Bespreekpunt.objects.geaccepteerd(),
                to_attr="geaccepteerde_punten",
            )
        )
        .first()
    )
    return MijnWijk(verbinder, initiatieven, evaluaties, acties, overleg, open_koffie)
