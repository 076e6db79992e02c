"""The Open Koffie preparation pack: what the coördinator takes into the room, read
from the records (the agenda, the accepted points, the state of each wijk, the figures
for a wijk's first meeting, the attendance list). The shell composes it: it needs the
meetings, the initiatives and the plan alike."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from initiatieven.models import (
    EVALUATIE_BINNENKORT_DAGEN,
    EvaluatieMoment,
    Initiatief,
    Status,
)
from openkoffie.models import OpenKoffie
from wijken.base import doelen
from wijken.base.models import Wijk
from wijken.wijkdata import charts
from wijken.wijkdata.models import met_wijkdata
from wijken.wijkplan.models import Actie

# Lines to sign on the attendance list: a full room, the method asks for ten at least.
HANDTEKENINGEN = 20


@dataclass(frozen=True)
class StandVanZaken:
    """Block 2 of the agenda, "welkom en stand van zaken", for one wijk."""

    wijk: Wijk
    wijkverbinders: int
    late_acties: list[Actie]
    per_status: list[tuple[str, int]]
    wachten_op_open_koffie: list[Initiatief]
    evaluaties: list[tuple[Initiatief, EvaluatieMoment]]
    wijkdata: list[charts.IndicatorBeeld] | None  # the first Open Koffie: "Herkent u dit?"

    @property
    def doel_wijkverbinders(self) -> int:
        return doelen.WIJKVERBINDERS


def stand_van_zaken(wijk: Wijk, open_koffie: OpenKoffie) -> StandVanZaken:
    vandaag = timezone.localdate()
    initiatieven = Initiatief.objects.filter(wijk=wijk)
    telling = initiatieven.status_telling()
    binnenkort = vandaag + datetime.timedelta(days=EVALUATIE_BINNENKORT_DAGEN)
    evaluaties = []
    for initiatief in initiatieven.actief().met_evaluatiestand().order_by("naam"):
        moment = initiatief.volgende_evaluatie()
        if moment is not None and moment.uiterlijk <= binnenkort:
            evaluaties.append((initiatief, moment))
    eerdere = OpenKoffie.objects.voor_wijk(wijk).gaat_door().filter(begin__lt=open_koffie.begin)
    return StandVanZaken(
        wijk=wijk,
        wijkverbinders=wijk.wijkverbinders.actief().count(),
        late_acties=list(
            Actie.objects.filter(
                wijkplan__wijk=wijk, afgerond=False, voor_wanneer__lt=vandaag
            ).order_by("voor_wanneer")
        ),
        per_status=[(Status(s).label, telling[s]) for s in Status.values if telling[s]],
        # Start step 9: a new initiative is presented at the next Open Koffie.
        wachten_op_open_koffie=list(
            initiatieven.filter(status__in=[Status.IDEE, Status.ONTWIKKELING])
            .exclude(startstappen__nummer=9)
            .order_by("naam")
        ),
        evaluaties=evaluaties,
        wijkdata=None
        if eerdere.exists()
        else charts.indicatorbeelden(met_wijkdata(Wijk.objects.filter(pk=wijk.pk)).get()),
    )


def pakket(open_koffie: OpenKoffie) -> dict:
    """Everything the pack shows, on screen and in the PDF."""
    return {
        "open_koffie": open_koffie,
        "agenda": open_koffie.agenda_met_tijden(),
        "bespreekpunten": list(open_koffie.bespreekpunten.geaccepteerd()),
        "standen": [stand_van_zaken(wijk, open_koffie) for wijk in open_koffie.wijken],
        "handtekeningen": range(HANDTEKENINGEN),
        "minimaal": doelen.BUURTBEWONERS_PER_OPEN_KOFFIE,
    }
