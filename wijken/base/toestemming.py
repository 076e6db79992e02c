"""Who may be named in public free text: SECURITY.md's consent rule applied to what the
coördinator writes.

Public pages show a wijkverbinder only when active and consenting, and then by first
name only; volunteers never. Free text (the wijkplan, the introduction, a verslag, an
initiative) can undo that by writing a name out. This finds such names so a form can
warn before they are published: whole words, ignoring case and accents, on the surname
(and so the full name) of everyone, and on the first name of whoever may not be shown at
all. The wijk's coördinatoren are public by their role: their names and e-mail addresses
are not taken for a resident who happens to share a name.
"""

import re
import unicodedata
from collections.abc import Iterable

from wijken.base.models import User, Vrijwilliger, Wijk, Wijkverbinder

Persoon = Wijkverbinder | Vrijwilliger


def _vorm(tekst: str) -> str:
    """Lower case without accents, one space between words: "Özlem" is "ozlem"."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder = "".join(teken for teken in ontleed if not unicodedata.combining(teken))
    return " ".join(zonder.casefold().split())


def _woord(woorden: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(_vorm(" ".join(woorden))) + r"(?!\w)")


def mag_voornaam(persoon: Persoon) -> bool:
    """Whether the first name may be public: an active wijkverbinder who consented."""
    return isinstance(persoon, Wijkverbinder) and persoon.is_actief and persoon.toestemming_publiek


def _verboden(persoon: Persoon) -> list[re.Pattern[str]]:
    """The parts of a name that may not be public; a full name holds its surname."""
    woorden = persoon.naam.split()
    delen = [woorden[1:]] if mag_voornaam(persoon) else [woorden[:1], woorden[1:]]
    return [_woord(deel) for deel in delen if deel]


def _zonder_coordinatoren(tekst: str, wijken: list[Wijk]) -> str:
    for user in User.objects.filter(wijken_als_coordinator__in=wijken).distinct():
        for naam in (user.get_full_name(), user.first_name, user.email):
            if naam.strip():
                tekst = _woord([naam]).sub(" ", tekst)
    return tekst


def zonder_toestemming(wijken: Wijk | Iterable[Wijk], *teksten: str | None) -> list[Persoon]:
    """The wijkverbinders and volunteers of `wijken` whose name appears in `teksten` in a
    form their consent does not allow: wijkverbinders first, each once."""
    wijken = [wijken] if isinstance(wijken, Wijk) else list(wijken)
    tekst = _vorm("\n".join(t for t in teksten if t))
    if not tekst:
        return []
    tekst = _zonder_coordinatoren(tekst, wijken)
    personen: list[Persoon] = [
        *Wijkverbinder.objects.filter(wijk__in=wijken).order_by("naam", "pk"),
        *Vrijwilliger.objects.filter(huis__wijk__in=wijken).order_by("naam", "pk"),
    ]
    return [p for p in personen if any(patroon.search(tekst) for patroon in _verboden(p))]


def waarschuwing(personen: list[Persoon]) -> str:
    """The Dutch warning for the coördinator: who was found, and what may be public."""
    regels = []
    for persoon in personen:
        if isinstance(persoon, Vrijwilliger):
            regels.append(f"{persoon.naam} (vrijwilliger: nooit met naam openbaar)")
        elif mag_voornaam(persoon):
            regels.append(
                f"{persoon.naam} (wijkverbinder: alleen de voornaam {persoon.publieke_naam} mag)"
            )
        else:
            regels.append(f"{persoon.naam} (wijkverbinder zonder toestemming om genoemd te worden)")
    return (
        "Deze tekst komt op de openbare pagina's en noemt: "
        + "; ".join(regels)
        + ". Haal de naam weg of schrijf alleen wat mag. Weet u zeker dat het zo mag, "
        "vink dan “Toch opslaan” aan en sla opnieuw op."
    )
