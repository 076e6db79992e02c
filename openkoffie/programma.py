"""The Open Koffie figures of the programme dashboard (see communitycare.portaal.programma)."""

from django.db.models import OuterRef, Q, QuerySet

from communitycare.lib.subqueries import aantal, som
from openkoffie.models import OpenKoffie


def _van_wijk(meetings: QuerySet) -> QuerySet:
    """A combined Open Koffie counts for both of its wijken."""
    return meetings.filter(Q(wijk=OuterRef("pk")) | Q(tweede_wijk=OuterRef("pk")))


def _per_wijk(meetings: QuerySet):
    return aantal(_van_wijk(meetings))


def gehouden_in(wijken: QuerySet, jaar: int) -> QuerySet:
    gehouden = OpenKoffie.objects.filter(status=OpenKoffie.Status.GEHOUDEN, begin__year=jaar)
    return wijken.annotate(open_koffies_gehouden=_per_wijk(gehouden))


def opkomst_in(wijken: QuerySet, jaar: int) -> QuerySet:
    """Of the Open Koffies held in `jaar`: how many met the method's condition (everyone
    there, at least ten buurtbewoners) and how many buurtbewoners came in all."""
    gehouden = OpenKoffie.objects.filter(status=OpenKoffie.Status.GEHOUDEN, begin__year=jaar)
    return wijken.annotate(
        open_koffies_voldaan=_per_wijk(gehouden.voldoet_aan_opkomst()),
        buurtbewoners_open_koffie=som(_van_wijk(gehouden), "aantal_buurtbewoners", geheel=True),
    )


def gepland_komend_jaar(wijken: QuerySet, jaar: int) -> QuerySet:
    """The coming twelve months whatever `jaar`: planning ahead is about today."""
    return wijken.annotate(open_koffies_gepland=_per_wijk(OpenKoffie.objects.komend_jaar()))
