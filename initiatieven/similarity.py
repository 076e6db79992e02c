"""Step 3: does something like this already exist in the wijk?"""

from initiatieven.models import Initiatief
from wijken.base import zoektermen
from wijken.base.models import Wijk
from wijken.doeboekje.models import DoeBoekjeItem

MAX_RESULTATEN = 5


def lijkt_op(wijk: Wijk, tekst: str, *, exclude: Initiatief | None = None) -> dict[str, list]:
    """Initiatives and doe-boekje entries of the same wijk that resemble `tekst`."""
    initiatieven = Initiatief.objects.filter(wijk=wijk)
    if exclude is not None:
        initiatieven = initiatieven.exclude(pk=exclude.pk)
    gelijk = zoektermen.lijkt_op(initiatieven, tekst, ["naam"], ["globale_beschrijving"])
    return {
        "initiatieven": list(gelijk[:MAX_RESULTATEN]),
        "doe_boekje": list(DoeBoekjeItem.objects.lijkt_op(wijk, tekst)[:MAX_RESULTATEN]),
    }
