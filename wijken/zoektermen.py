"""Turns Dutch text into search terms: for the doe-boekje search and the similarity check.

Shared with other apps (initiatives): the same words must count as "the same" everywhere.
"""

import re

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
