"""Counting related rows as an annotation, without joins that multiply each other."""

from decimal import Decimal

from django.db.models import Count, DecimalField, IntegerField, QuerySet, Subquery, Sum, Value
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


def som(rows: QuerySet, veld: str, *, geheel: bool = False) -> Coalesce:
    """The sum of `veld` over `rows` (filtered on an OuterRef) in euro, 0 for none;
    `geheel` for a count of people (an integer field) instead of an amount."""
    rows = rows.order_by().annotate(groep=Value(1)).values("groep").annotate(som=Sum(veld))
    soort = IntegerField() if geheel else DecimalField(max_digits=14, decimal_places=2)
    nul = Value(0) if geheel else Value(Decimal(0))
    return Coalesce(Subquery(rows.values("som"), output_field=soort), nul, output_field=soort)
