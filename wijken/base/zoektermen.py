"""Turns Dutch text into search terms, and the one "lijkt op" search built on them.

Shared by the doe-boekje search, and by start step 3, which asks whether a proposed
activity resembles an initiative or a doe-boekje entry of the wijk: the same words must
count as "the same" everywhere.
"""

import operator
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import reduce

from django.db import connections, models
from django.db.models import Case, Q, Value, When
from django.db.models.lookups import Contains

from wijken.base.models import Dag

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
    'wandelen' also finds 'wandelclub', 'tafels' also finds 'tafel', 'boodschappen'
    also finds 'boodschap'."""
    for uitgang in ("ingen", "ing", "en", "s", "e"):
        if woord.endswith(uitgang) and len(woord) - len(uitgang) >= 4:
            woord = woord[: -len(uitgang)]
            # Dutch doubles a consonant before -en: klussen -> klus, boodschappen -> boodschap.
            if len(woord) >= 5 and woord[-1] == woord[-2] and woord[-1] not in "aeiou":
                woord = woord[:-1]
            return woord
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


# --- The search box ---------------------------------------------------------------
#
# Residents type one or a few words, a part of a word, a category or a day, with or
# without accents, sometimes misspelt. A search finds what matches any of the words,
# the rows that match most words first. PostgreSQL stems Dutch words, folds accents
# and forgives typos (the text search configuration, folding function and indexes of
# the doeboekje and initiatieven migrations 0004); SQLite, for development and quick
# tests, folds accents and matches parts of words and crude stems.

# Of migration doeboekje 0004: the Dutch configuration that first folds accents, and
# an immutable lower(unaccent(text)) that indexes can be built on.
CONFIG = "dutch_unaccent"
VOUW_FUNCTIE = "zoek_vouw"
# Enough for what a resident types; a longer text is not a search.
MAX_ZOEKWOORDEN = 8
# Shorter words give too many look-alikes to forgive a typo in them.
TYPFOUT_VANAF = 5
# Words for days that are not a day's name.
DAGWOORDEN = {"weekend": (5, 6)}


def vouw(tekst: str) -> str:
    """Lower case without accents: 'Café' and 'cafe' are the same word to a resident."""
    ontleed = unicodedata.normalize("NFKD", tekst.lower())
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def zoekwoorden(tekst: str) -> list[str]:
    """The folded words of a search; a general word only when nothing else is asked
    ('Samen aan tafel' searches for 'tafel', 'samen' alone for 'samen')."""
    alle = woorden(vouw(tekst))[:MAX_ZOEKWOORDEN]
    return [woord for woord in alle if woord not in ALGEMEEN] or alle


def _lijkt_op_woord(term: str, woord: str) -> bool:
    """`term` names the same as `woord` (a category's or a day's name): the same stem,
    the start of it ('dins', 'vereniging'), or nearly the same ('buurthuis', 'kofie')."""
    a, b = stam(term), stam(woord)
    if a == b or (len(a) >= 4 and b.startswith(a)):
        return True
    return len(term) >= TYPFOUT_VANAF and SequenceMatcher(None, term, woord).ratio() >= 0.8


def keuzes_voor(term: str, keuzes: tuple[tuple[str, str], ...]) -> list[str]:
    """The values of the choices whose label (or value) `term` names."""
    return [
        waarde
        for waarde, label in keuzes
        if any(
            _lijkt_op_woord(term, woord)
            for woord in woorden(vouw(f"{label} {waarde.replace('_', ' ')}"))
            if woord not in ALGEMEEN
        )
    ]


def dagen_voor(term: str) -> list[int]:
    """The day numbers (0 = maandag) `term` names: 'dinsdag', 'dinsdags', 'weekend'."""
    if term in DAGWOORDEN:
        return list(DAGWOORDEN[term])
    return [dag for dag, label in Dag.choices if _lijkt_op_woord(term, label)]


@dataclass(frozen=True)
class Zoekbaar:
    """Where the search box looks in one model."""

    # The text fields, the name first: a word in the name ranks higher.
    teksten: tuple[str, ...]
    # A choice field whose labels are words too, and its choices (catch-alls left out).
    soort: str = ""
    soorten: tuple[tuple[str, str], ...] = ()
    # A field of day digits (wijken.base.models.Dag), so 'dinsdag' finds Tuesday's rows.
    dagen: str = ""


def zoek[QS: models.QuerySet](
    queryset: QS, termen: list[str], waar: Zoekbaar, extra: dict[str, Q] | None = None
) -> QS:
    """The rows matching any of the terms (from `zoekwoorden`), those matching most
    terms first, then those with most terms in the name, then the queryset's own order.
    `extra` adds a match per term (e.g. the name of a related row). No terms: all rows."""
    if not termen:
        return queryset
    pg = connections[queryset.db].vendor == "postgresql"
    extra = extra or {}
    # The cheap comparisons first: ranking evaluates them in this order for every match.
    per_term = [extra.get(term, Q()) | _treffer(term, waar, pg) for term in termen]
    in_naam = [_in_naam(term, waar.teksten[0], pg) for term in termen]
    volgorde = queryset.query.order_by or queryset.model._meta.ordering
    return (
        queryset.filter(reduce(operator.or_, per_term))
        .annotate(treffers=_aantal(per_term), in_naam=_aantal(in_naam))
        .order_by("-treffers", "-in_naam", *volgorde)
    )


def per_term(queryset: models.QuerySet, veld: str, termen: list[str]) -> dict[str, list]:
    """For each term, the pks of the rows whose `veld` holds a part of it, in one query:
    a related name (a huis) then matches by id, which the indexes can combine."""
    if not termen:
        return {}
    pg = connections[queryset.db].vendor == "postgresql"
    gevonden = reduce(operator.or_, (_deel_van(veld, term, pg) for term in termen))
    rijen = list(queryset.filter(gevonden).values_list("pk", veld))
    return {term: [pk for pk, tekst in rijen if stam(term) in vouw(tekst)] for term in termen}


def suggesties(tekst: str, aantal: int = 3) -> list[str]:
    """Other words to try when a search finds nothing: the words residents use for the
    same kind of activity, and shorter forms of long words."""
    termen = zoekwoorden(tekst)
    korter = [stam(term) for term in termen if stam(term) != term]
    verwant = [woord for woord in met_verwante_woorden(termen) if woord not in termen]
    return list(dict.fromkeys([*korter, *verwant]))[:aantal]


def _aantal(voorwaarden: list[Q]):
    return reduce(
        operator.add,
        (Case(When(voorwaarde, then=Value(1)), default=Value(0)) for voorwaarde in voorwaarden),
    )


def _treffer(term: str, waar: Zoekbaar, pg: bool) -> Q:
    """Where one term matches: a category's name, a day's name, a text."""
    gevonden = Q()
    if waar.soort and (soorten := keuzes_voor(term, waar.soorten)):
        gevonden |= Q(**{f"{waar.soort}__in": soorten})
    for dag in dagen_voor(term) if waar.dagen else ():
        gevonden |= Q(**{f"{waar.dagen}__contains": str(dag)})
    if pg:
        return gevonden | _pg_tekst(term, waar.teksten)
    return reduce(operator.or_, (_deel_van(veld, term, pg) for veld in waar.teksten), gevonden)


def _in_naam(term: str, naam: str, pg: bool) -> Q:
    """The term is (a part of, or on PostgreSQL nearly) a word of the name."""
    gevonden = _deel_van(naam, term, pg)
    if pg and len(term) >= TYPFOUT_VANAF:
        from django.contrib.postgres.lookups import TrigramWordSimilar

        gevonden |= Q(TrigramWordSimilar(_Gevouwen(naam), term))
    return gevonden


class _Gevouwen(models.Func):
    """PostgreSQL: the fields as one folded text, exactly as the trigram indexes hold it."""

    function = VOUW_FUNCTIE
    arg_joiner = " || ' ' || "
    output_field = models.TextField()


def index_sql(tabel: str, prefix: str, velden: list[str]) -> list[str]:
    """PostgreSQL: the GIN indexes on exactly the expressions `zoek` filters on (its
    tsvector and its folded text), named `<prefix>_zoek_fts` and `<prefix>_zoek_trgm`,
    for a migration; `velden` are `Zoekbaar.teksten`, in that order."""
    # As Django writes SearchVector(*velden, config=CONFIG) and _Gevouwen(*velden).
    vector = " || ' ' || ".join(f"COALESCE({veld}, '')" for veld in velden)
    tekst = " || ' ' || ".join(velden)
    return [
        f"CREATE INDEX IF NOT EXISTS {prefix}_zoek_fts ON {tabel} "
        f"USING gin (to_tsvector('{CONFIG}'::regconfig, {vector}))",
        f"CREATE INDEX IF NOT EXISTS {prefix}_zoek_trgm ON {tabel} "
        f"USING gin ({VOUW_FUNCTIE}({tekst}) gin_trgm_ops)",
    ]


def _pg_tekst(term: str, teksten: tuple[str, ...]) -> Q:
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

    # The Dutch stem as a prefix: 'wandeling' finds 'wandelen' and 'wandelclub'.
    # Terms are folded \w+ words, so they are safe in a raw tsquery.
    # A part of a word: 'club' in 'Biljartclub', 'cafe' in 'Mantelzorgcafé'.
    tekst = _Gevouwen(*teksten)
    gevonden = Q(Contains(tekst, stam(term)))
    vector = SearchVector(*teksten, config=CONFIG)
    gevonden |= Q(
        SearchVectorExact(vector, SearchQuery(f"{term}:*", config=CONFIG, search_type="raw"))
    )
    if len(term) >= TYPFOUT_VANAF:
        # A typo: 'kofie' is close to the word 'koffie' (pg_trgm's word similarity).
        gevonden |= Q(TrigramWordSimilar(tekst, term))
    return gevonden


def _deel_van(veld: str, term: str, pg: bool) -> Q:
    """`veld`, folded, holds the crude stem of `term`."""
    deel = stam(term)
    if pg:
        return Q(Contains(_Gevouwen(veld), deel))
    return Q(**{f"{veld}__iregex": _zonder_accenten(deel)})


# SQLite has no unaccent: a pattern that accepts each letter with or without accent.
_ACCENTEN = {
    "a": "aàáâäã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iìíîï",
    "n": "nñ",
    "o": "oòóôöõ",
    "u": "uùúûü",
    "y": "yýÿ",
}


def _zonder_accenten(deel: str) -> str:
    return "".join(
        f"[{_ACCENTEN[teken]}]" if teken in _ACCENTEN else re.escape(teken) for teken in deel
    )
