"""Long public lists, a regio and a page at a time.

A page is read without counting the list: a count of a national list costs a query as
large as the list itself, and one row past the page tells whether there is a next one.
`templates/includes/_regio_keuze.html` and `_vorige_volgende.html` draw the links."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest

# Beyond any real list; keeps the OFFSET of a typed page number small.
MAX_PAGINA = 10_000


def paginanummer(request: HttpRequest) -> int:
    """`?pagina=`, and 1 for anything that is not a page number."""
    waarde = request.GET.get("pagina", "")
    if waarde.isascii() and waarde.isdigit() and 0 < int(waarde) <= MAX_PAGINA:
        return int(waarde)
    return 1


@dataclass
class Pagina:
    object_list: list
    number: int
    vorige: int | None
    volgende: int | None


def pagina(queryset: QuerySet, request: HttpRequest, per_pagina: int) -> Pagina:
    nummer = paginanummer(request)
    begin = (nummer - 1) * per_pagina
    rijen = list(queryset[begin : begin + per_pagina + 1])
    return Pagina(
        object_list=rijen[:per_pagina],
        number=nummer,
        vorige=nummer - 1 if nummer > 1 else None,
        volgende=nummer + 1 if len(rijen) > per_pagina else None,
    )


def gekozen[T](request: HttpRequest, opties: Sequence[T]) -> T | None:
    """The regio (or other option with a `slug`) `?regio=` names, else None: an unknown
    one shows the whole list, and `_regio_keuze.html` says so."""
    slug = request.GET.get("regio")
    return next((optie for optie in opties if optie.slug == slug), None)  # type: ignore[attr-defined]
