"""Counting related rows as an annotation, without joins that multiply each other."""

from django.db.models import Count, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce


def aantal(rows: QuerySet) -> Coalesce:
    """The number of `rows` (already filtered on an OuterRef) as an integer, 0 for none."""
    rows = (
        rows.order_by()
        .annotate(groep=Value(1))
        .values("groep")
        .annotate(aantal=Count("pk"))
        .values("aantal")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))
