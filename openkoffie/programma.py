"""The Open Koffie figures of the programme dashboard (see communitycare.portaal.programma)."""

from django.db.models import OuterRef, Q, QuerySet

from communitycare.lib.subqueries import aantal
from openkoffie.models import OpenKoffie


def _per_wijk(meetings: QuerySet):
    """A combined Open Koffie counts for both of its wijken."""
    return aantal(meetings.filter(Q(wijk=OuterRef("pk")) | Q(tweede_wijk=OuterRef("pk"))))


def gehouden_in(wijken: QuerySet, jaar: int) -> QuerySet:
    gehouden = OpenKoffie.objects.filter(status=OpenKoffie.Status.GEHOUDEN, begin__year=jaar)
    return wijken.annotate(open_koffies_gehouden=_per_wijk(gehouden))


def gepland_komend_jaar(wijken: QuerySet, jaar: int) -> QuerySet:
    """The coming twelve months whatever `jaar`: planning ahead is about today."""
    return wijken.annotate(open_koffies_gepland=_per_wijk(OpenKoffie.objects.komend_jaar()))
