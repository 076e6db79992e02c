"""The initiative figures of the programme dashboard (see communitycare.portaal.programma)."""

from django.db.models import OuterRef, QuerySet
from django.utils import timezone

from communitycare.lib.subqueries import aantal
from initiatieven.models import Begroting, Initiatief, InitiatiefIndicator


def gestart_dit_jaar(wijken: QuerySet) -> QuerySet:
    gestart = Initiatief.objects.gestart_in(timezone.localdate().year)
    return wijken.annotate(initiatieven_gestart=aantal(gestart.filter(wijk=OuterRef("pk"))))


def evaluaties_te_laat(wijken: QuerySet) -> QuerySet:
    te_laat = Initiatief.objects.evaluatie_te_laat().filter(wijk=OuterRef("pk"))
    return wijken.annotate(evaluaties_te_laat=aantal(te_laat))


def begrotingen_ter_goedkeuring(wijken: QuerySet) -> QuerySet:
    wachtend = Begroting.objects.ter_goedkeuring().filter(initiatief__wijk=OuterRef("pk"))
    return wijken.annotate(begrotingen_wachtend=aantal(wachtend))


def indicatoren_met_actief_initiatief(wijk_ids: set[int]) -> set[tuple[int, str]]:
    """(wijk id, indicator) pairs that an active initiative of the wijk targets."""
    rijen = InitiatiefIndicator.objects.filter(
        initiatief__in=Initiatief.objects.actief().filter(wijk_id__in=wijk_ids)
    )
    return set(rijen.values_list("initiatief__wijk_id", "indicator"))
