"""The recruitment of wijkverbinders (phase 2): a pipeline per wijk towards ten."""

from django.utils import timezone

from wijken.base import doelen
from wijken.base.models import Wijk, Wijkverbinder

Status = Wijkverbinder.Status

# The step forward from each stage; anyone not stopped can also stop.
VOLGENDE = {
    Status.GEINTERESSEERD: (Status.KENNISMAKING, "Naar kennismaking"),
    Status.KENNISMAKING: (Status.ACTIEF, "Actief maken"),
    Status.GESTOPT: (Status.GEINTERESSEERD, "Opnieuw benaderen"),
}


def zet_status(verbinder: Wijkverbinder, status: str) -> None:
    verbinder.status = status
    if status == Status.ACTIEF and not verbinder.startdatum:
        verbinder.startdatum = timezone.localdate()
    verbinder.save(update_fields=["status", "startdatum"])


def bord(wijk: Wijk) -> dict:
    """The pipeline as columns, one per stage, with the progress towards the goal."""
    verbinders = list(wijk.wijkverbinders.order_by("naam"))
    kolommen = [
        {
            "status": status,
            "verbinders": [v for v in verbinders if v.status == status],
            "volgende": VOLGENDE.get(status),
        }
        for status in Status
    ]
    actief = sum(1 for v in verbinders if v.status == Status.ACTIEF)
    jaar = timezone.localdate().year
    return {
        "kolommen": kolommen,
        "actief": actief,
        "doel": doelen.WIJKVERBINDERS,
        "checkins": [v for v in verbinders if v.checkin_te_doen],
        "acties": list(wijk.wervingsacties.in_jaar(jaar)),
        "acties_doel": doelen.WERVINGSACTIES_PER_JAAR,
        "jaar": jaar,
    }
