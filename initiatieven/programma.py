"""The initiative figures of the programme dashboard (see communitycare.portaal.programma)."""

from django.db.models import Exists, OuterRef, QuerySet

from communitycare.lib.subqueries import aantal, som
from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Besteding,
    Evaluatie,
    Initiatief,
    InitiatiefIndicator,
)


def gestart_in(wijken: QuerySet, jaar: int) -> QuerySet:
    gestart = Initiatief.objects.gestart_in(jaar)
    return wijken.annotate(initiatieven_gestart=aantal(gestart.filter(wijk=OuterRef("pk"))))


def beeindigd_in(wijken: QuerySet, jaar: int) -> QuerySet:
    beeindigd = Initiatief.objects.beeindigd_in(jaar).filter(wijk=OuterRef("pk"))
    return wijken.annotate(initiatieven_beeindigd=aantal(beeindigd))


def evaluaties_in(wijken: QuerySet, jaar: int) -> QuerySet:
    """The evaluations (after six months and yearly) published with a date in `jaar`."""
    evaluaties = Evaluatie.objects.gepubliceerd_in(jaar).filter(initiatief__wijk=OuterRef("pk"))
    return wijken.annotate(evaluaties=aantal(evaluaties))


def evaluaties_te_laat(wijken: QuerySet, jaar: int) -> QuerySet:
    """Late today, whatever `jaar`, like the queue below."""
    te_laat = Initiatief.objects.evaluatie_te_laat().filter(wijk=OuterRef("pk"))
    return wijken.annotate(evaluaties_te_laat=aantal(te_laat))


def begrotingen_ter_goedkeuring(wijken: QuerySet, jaar: int) -> QuerySet:
    wachtend = Begroting.objects.ter_goedkeuring().filter(initiatief__wijk=OuterRef("pk"))
    return wijken.annotate(begrotingen_wachtend=aantal(wachtend))


def goedgekeurd_bedrag(jaar: int) -> QuerySet:
    """Per approval in `jaar` its total, the last approval of each begroting that year
    only: a begroting approved again after a change counts once, at its new amount."""
    later = Begrotingsbesluit.objects.filter(
        begroting=OuterRef("begroting"),
        soort=Begrotingsbesluit.Soort.GOEDGEKEURD,
        op__year=jaar,
        pk__gt=OuterRef("pk"),
    )
    return Begrotingsbesluit.objects.filter(
        soort=Begrotingsbesluit.Soort.GOEDGEKEURD, op__year=jaar
    ).exclude(Exists(later))


def goedgekeurd_in(wijken: QuerySet, jaar: int) -> QuerySet:
    besluiten = goedgekeurd_bedrag(jaar).filter(begroting__initiatief__wijk=OuterRef("pk"))
    return wijken.annotate(bedrag_goedgekeurd=som(besluiten, "totaal"))


def besteed_in(wijken: QuerySet, jaar: int) -> QuerySet:
    """What the evaluations dated in `jaar` report as actually spent."""
    bestedingen = Besteding.objects.filter(
        evaluatie__datum__year=jaar, evaluatie__initiatief__wijk=OuterRef("pk")
    )
    return wijken.annotate(bedrag_besteed=som(bestedingen, "besteed"))


def indicatoren_met_actief_initiatief(wijk_ids: set[int]) -> set[tuple[int, str]]:
    """(wijk id, indicator) pairs that an active initiative of the wijk targets."""
    rijen = InitiatiefIndicator.objects.filter(
        initiatief__in=Initiatief.objects.actief().filter(wijk_id__in=wijk_ids)
    )
    return set(rijen.values_list("initiatief__wijk_id", "indicator"))
