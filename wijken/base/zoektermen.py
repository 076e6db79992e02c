"""Turns Dutch text into search terms, and the one "lijkt op" search built on them.

Shared by the doe-boekje search, and by start step 3, which asks whether a proposed
activity resembles an initiative or a doe-boekje entry of the wijk: the same words must
count as "the same" everywhere.
"""

import operator
import re
from functools import reduce

from django.db import connections, models
from django.db.models import Case, Q, Value, When

# Function words that say nothing about an activity (after PostgreSQL's dutch.stop list).
STOPWOORDEN = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens elke en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iedere iemand iets ik in is ja je kan keer kon kunnen maar me meer men met mij mijn moet na
    naar niet niets nog nu of om omdat onder ons ook op over per reeds te tegen toch toen tot u
    uit uw van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf
    zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Words residents use for the same kind of activity. The method's standard themes
# ("Samen aan tafel", "Samen op stap voor een boodschap", "De helpende hand") are
# named differently in every wijk, so a proposal must find the existing variant.
VERWANTE_WOORDEN = [
    {"eten", "tafel", "maaltijd", "koken", "kookclub", "lunch", "diner", "eettafel", "eetpunt"},
    {"boodschap", "boodschappen", "winkelen", "supermarkt", "markt"},
    {"klus", "klusjes", "klussen", "helpende", "hand", "heitje"},
    {"wandelen", "wandeling", "wandelclub", "lopen"},
    {"koffie", "koffieochtend", "inloop", "ontmoeting"},
    {"vervoer", "rijden", "chauffeur", "buurtbus", "taxi"},
    {"computer", "tablet", "smartphone", "digitaal", "internet"},
    {"zingen", "koor", "muziek", "harmonie", "fanfare"},
    {"bewegen", "gym", "gymnastiek", "fitness", "sport", "yoga"},
]
_VERWANT = {woord: groep for groep in VERWANTE_WOORDEN for woord in groep}

_WOORD = re.compile(r"\w+", re.UNICODE)


def woorden(tekst: str) -> list[str]:
    """The meaningful words of a text, lower case, each once, in order of appearance."""
    gezien: dict[str, None] = {}
    for woord in _WOORD.findall(tekst.lower()):
        if len(woord) > 1 and woord not in STOPWOORDEN and not woord.isdigit():
            gezien.setdefault(woord, None)
    return list(gezien)


def met_verwante_woorden(termen: list[str]) -> list[str]:
    """The terms plus the words residents use for the same kind of activity."""
    uitgebreid = dict.fromkeys(termen)
    for term in termen:
        uitgebreid.update(dict.fromkeys(sorted(_VERWANT.get(term, ()))))
    return list(uitgebreid)


def stam(woord: str) -> str:
    """A crude Dutch stem for substring matching where no real stemmer is available:
    'wandelen' also finds 'wandelclub', 'tafels' also finds 'tafel'."""
    for uitgang in ("en", "s", "e"):
        if woord.endswith(uitgang) and len(woord) - len(uitgang) >= 4:
            return woord[: -len(uitgang)]
    return woord


# "Samen" opens half of the method's themes: it says nothing about which activity.
ALGEMEEN = frozenset({"samen"})


def termen_voor(tekst: str) -> list[str]:
    """The words that say what an activity is, plus the words residents use for it."""
    termen = [woord for woord in woorden(tekst) if woord not in ALGEMEEN]
    return met_verwante_woorden(termen)[:20]


def lijkt_op[QS: models.QuerySet](
    queryset: QS, tekst: str, sterk: list[str], zwak: list[str]
) -> QS:
    """The rows of `queryset` that resemble `tekst`, best first, annotated `gelijkenis`:
    a match in a `sterk` field (a name) counts more than one in a `zwak` field."""
    termen = termen_voor(tekst)
    if not termen:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _volledige_tekst(queryset, termen, sterk, zwak)
    return _woordbegin(queryset, termen, sterk, zwak)


def _volledige_tekst(queryset, termen: list[str], sterk: list[str], zwak: list[str]):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*sterk, weight="A", config="dutch") + SearchVector(
        *zwak, weight="B", config="dutch"
    )
    # A prefix match on the stem also finds Dutch compounds: boodschap -> boodschappenhulp.
    # The terms are \w+ words, so they are safe in a raw tsquery.
    query = reduce(
        operator.or_,
        (SearchQuery(f"{term}:*", config="dutch", search_type="raw") for term in termen),
    )
    return (
        queryset.annotate(zoekvector=vector, gelijkenis=SearchRank(vector, query))
        .filter(zoekvector=query)
        .order_by("-gelijkenis", "naam")
    )


def _woordbegin(queryset, termen: list[str], sterk: list[str], zwak: list[str]):
    # No Dutch stemmer here (SQLite): match the start of a word with a crude stem.
    def score(term: str):
        begin = rf"\b{stam(term)}"
        return Case(
            When(reduce(operator.or_, (Q(**{f"{veld}__iregex": begin}) for veld in sterk)), then=3),
            When(reduce(operator.or_, (Q(**{f"{veld}__iregex": begin}) for veld in zwak)), then=1),
            default=Value(0),
            output_field=models.IntegerField(),
        )

    return (
        queryset.annotate(gelijkenis=reduce(operator.add, map(score, termen)))
        .filter(gelijkenis__gt=0)
        .order_by("-gelijkenis", "naam")
    )
