"""Step 3: does something like this already exist in the wijk?"""

from django.db import connection
from django.db.models import Q

from initiatieven.models import Initiatief
from wijken import zoektermen
from wijken.models import DoeBoekjeItem, Wijk

MAX_RESULTATEN = 5
# "Samen" opens half of the method's themes: it says nothing about which activity.
ALGEMEEN = frozenset({"samen"})


def termen_voor(tekst: str) -> list[str]:
    """The words that say what the activity is, plus the words residents use for it."""
    woorden = [woord for woord in zoektermen.woorden(tekst) if woord not in ALGEMEEN]
    return zoektermen.met_verwante_woorden(woorden)[:20]


def lijkt_op(wijk: Wijk, tekst: str, *, exclude: Initiatief | None = None) -> dict[str, list]:
    """Initiatives and doe-boekje entries of the same wijk that resemble `tekst`."""
    termen = termen_voor(tekst)
    resultaat: dict[str, list] = {"initiatieven": [], "doe_boekje": []}
    if not termen:
        return resultaat
    resultaat["doe_boekje"] = list(DoeBoekjeItem.objects.lijkt_op(wijk, tekst)[:MAX_RESULTATEN])
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
