"""The names of the cache scopes: the parts of the public site one write can change.

A public page is cached under the versions of the scopes it shows (`pagecache`), and a
write bumps the scopes of the rows it changed (`dataversion`). Named by slug, as the
addresses are, so a page names its scopes without asking the database.
"""

from collections.abc import Iterable

# The cross-wijk lists.
HOME = "home"  # /
INITIATIEVEN = "initiatieven"  # /initiatieven/
OPEN_KOFFIE = "open-koffie"  # /open-koffie/ and /open-koffie.ics
DOE_BOEKJE = "doe-boekje"  # /doe-boekje/
API = "api"  # the answers under /api/
LISTS = (HOME, INITIATIEVEN, OPEN_KOFFIE, DOE_BOEKJE, API)
# Every wijk at once: the programme dashboard's figures. Follows from any wijk's scope.
ALLE_WIJKEN = "alle-wijken"
WIJK = "wijk:"


def wijk_scope(regio: str, wijk: str) -> str:
    """Everything under /<regio>/<wijk>/: wijkbeeld, wijkplan, initiatives, Open Koffie,
    doe-boekje."""
    return f"{WIJK}{regio}/{wijk}"


def regio_scope(regio: str) -> str:
    """/<regio>/: the list of its wijken."""
    return f"regio:{regio}"


def of_wijk(regio: str, wijk: str, **kwargs) -> Iterable[str]:
    """The scopes of a page under /<regio>/<wijk>/, from its view's arguments."""
    return (wijk_scope(regio, wijk),)


def of_regio(regio: str, **kwargs) -> Iterable[str]:
    return (regio_scope(regio),)


def met_alle_wijken(scopes: Iterable[str]) -> set[str]:
    """`scopes`, and ALLE_WIJKEN when one of them is a wijk's."""
    gezet = set(scopes)
    if any(scope.startswith(WIJK) for scope in gezet):
        gezet.add(ALLE_WIJKEN)
    return gezet
