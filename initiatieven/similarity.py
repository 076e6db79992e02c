"""Step 3: does something like this already exist in the wijk? And what did other
wijken learn from something like it?"""

from django.db.models import Exists, OuterRef, Prefetch

from initiatieven.models import Evaluatie, Initiatief
from wijken.base import zoektermen
from wijken.base.models import Wijk
from wijken.doeboekje.models import DoeBoekjeItem

MAX_RESULTATEN = 5
# A handful to learn from, not a second overview of every initiative.
MAX_ANDERE_WIJKEN = 4


def lijkt_op(wijk: Wijk, tekst: str, *, exclude: Initiatief | None = None) -> dict[str, list]:
    """Initiatives and doe-boekje entries of the same wijk that resemble `tekst`, and the
    public initiatives of other wijken like it (see `in_andere_wijken`)."""
    initiatieven = Initiatief.objects.filter(wijk=wijk)
    if exclude is not None:
        initiatieven = initiatieven.exclude(pk=exclude.pk)
    gelijk = zoektermen.lijkt_op(initiatieven, tekst, ["naam"], ["globale_beschrijving"])
    return {
        "initiatieven": list(gelijk[:MAX_RESULTATEN]),
        "doe_boekje": list(DoeBoekjeItem.objects.lijkt_op(wijk, tekst)[:MAX_RESULTATEN]),
        "andere_wijken": in_andere_wijken(wijk, tekst),
    }


def in_andere_wijken(wijk: Wijk, tekst: str) -> list[Initiatief]:
    """Public initiatives of other wijken that resemble `tekst`, each with its published
    evaluations (`evaluaties`, newest first): the most alike first and, as alike, those
    with an evaluation to learn from. Two queries."""
    if not zoektermen.termen_voor(tekst):
        return []  # nothing to compare (and no `gelijkenis` to order on)
    gepubliceerd = Evaluatie.objects.exclude(gepubliceerd_op=None)
    kandidaten = (
        Initiatief.objects.publiek()
        .exclude(wijk=wijk)
        .annotate(geevalueerd=Exists(gepubliceerd.filter(initiatief=OuterRef("pk"))))
    )
    gelijk = zoektermen.lijkt_op(kandidaten, tekst, ["naam"], ["globale_beschrijving"])
    return list(
        gelijk.order_by("-gelijkenis", "-geevalueerd", "naam", "pk")
        .select_related("wijk__regio")
        .prefetch_related(Prefetch("evaluaties", queryset=gepubliceerd))[:MAX_ANDERE_WIJKEN]
    )
