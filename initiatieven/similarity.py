"""Step 3: does something like this already exist in the wijk?"""

import re

from django.db import connection
from django.db.models import Q

from initiatieven.models import Initiatief
from wijken.models import Wijk

MAX_RESULTATEN = 5
# Short words and the commonest Dutch words say nothing about what an initiative is.
STOPWOORDEN = frozenset(
    {
        "aan",
        "als",
        "bij",
        "dat",
        "die",
        "dit",
        "een",
        "het",
        "hun",
        "met",
        "naar",
        "niet",
        "ook",
        "voor",
        "van",
        "wat",
        "wie",
        "wij",
        "zij",
        "zijn",
        "worden",
        "wordt",
        "waar",
        "want",
        "onze",
        "deze",
        "door",
        "over",
        "samen",
        "elke",
        "keer",
    }
)


def woorden(tekst: str) -> list[str]:
    gezien = []
    for woord in re.findall(r"\w+", tekst.lower()):
        nuttig = len(woord) >= 4 and woord not in STOPWOORDEN and not woord.isdigit()
        if nuttig and woord not in gezien:
            gezien.append(woord)
    return gezien[:20]


def lijkt_op(wijk: Wijk, tekst: str, *, exclude: Initiatief | None = None) -> dict[str, list]:
    """Initiatives of the same wijk whose name or description resembles `tekst`.

    "doe_boekje" holds the matching doe-boekje entries once that app is merged.
    """
    termen = woorden(tekst)
    resultaat: dict[str, list] = {"initiatieven": [], "doe_boekje": []}
    if not termen:
        return resultaat
    queryset = Initiatief.objects.filter(wijk=wijk)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    if connection.vendor == "postgresql":
        resultaat["initiatieven"] = _fulltext(queryset, termen)
    else:
        resultaat["initiatieven"] = _woorden(queryset, termen)
    return resultaat


def _fulltext(queryset, termen: list[str]) -> list[Initiatief]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("naam", weight="A", config="dutch") + SearchVector(
        "globale_beschrijving", weight="B", config="dutch"
    )
    # A prefix match on the stem also finds Dutch compounds: boodschap -> boodschappenhulp.
    # The terms are \w+ words, so they are safe in a raw tsquery.
    query = SearchQuery(f"{termen[0]}:*", config="dutch", search_type="raw")
    for term in termen[1:]:
        query |= SearchQuery(f"{term}:*", config="dutch", search_type="raw")
    return list(
        queryset.annotate(zoek=vector, rang=SearchRank(vector, query))
        .filter(zoek=query)
        .order_by("-rang", "naam")[:MAX_RESULTATEN]
    )


def _woorden(queryset, termen: list[str]) -> list[Initiatief]:
    """SQLite has no Dutch stemming: rank by the number of words found."""
    match = Q()
    for term in termen:
        match |= Q(naam__icontains=term) | Q(globale_beschrijving__icontains=term)
    kandidaten = list(queryset.filter(match)[:200])

    def score(initiatief: Initiatief) -> int:
        tekst = f"{initiatief.naam} {initiatief.globale_beschrijving}".lower()
        return sum(term in tekst for term in termen)

    return sorted(kandidaten, key=lambda i: (-score(i), i.naam))[:MAX_RESULTATEN]
