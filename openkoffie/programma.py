"""The Open Koffie figures of the programme dashboard (see wijken.programma)."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from openkoffie.models import OpenKoffie


def _aantal_per_wijk(meetings: QuerySet) -> Coalesce:
    """A combined Open Koffie counts for both of its wijken."""
    rows = (
        meetings.filter(Q(wijk=OuterRef("pk")) | Q(tweede_wijk=OuterRef("pk")))
        .order_by()
        .annotate(groep=Value(1))
        .values("groep")
        .annotate(aantal=Count("pk"))
        .values("aantal")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def gehouden_dit_jaar(wijken: QuerySet) -> QuerySet:
    gehouden = OpenKoffie.objects.filter(
        status=OpenKoffie.Status.GEHOUDEN, begin__year=timezone.localdate().year
    )
    return wijken.annotate(open_koffies_gehouden=_aantal_per_wijk(gehouden))


def gepland_komend_jaar(wijken: QuerySet) -> QuerySet:
    return wijken.annotate(open_koffies_gepland=_aantal_per_wijk(OpenKoffie.objects.komend_jaar()))
