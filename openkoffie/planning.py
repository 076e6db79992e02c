"""Planning a year of Open Koffies, and the signals when a wijk falls behind."""

import calendar
import datetime
from collections import Counter

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from openkoffie.models import OVERLEG_SIGNAAL, PER_JAAR, OpenKoffie, WijkverbinderOverleg
from wijken.models import Huis, Wijk

# The first of the four must fall within three months, so the fourth is within a year.
EERSTE_BINNEN = datetime.timedelta(days=92)


def moment(datum: datetime.date, tijd: datetime.time) -> datetime.datetime:
    """A local date and time as an aware datetime in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(datum, tijd))


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def voorstel_eerste_datum() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(weeks=4)


def plan_jaar(
    wijk: Wijk, eerste: datetime.date, tijd: datetime.time, huis: Huis | None, adres: str
) -> list[OpenKoffie]:
    """Four quarterly Open Koffies from `eerste`, two hours each, with the standard agenda."""
    with transaction.atomic():
        return [
            OpenKoffie.objects.create(
                wijk=wijk,
                begin=moment(plus_maanden(eerste, 3 * kwartaal), tijd),
                huis=huis,
                adres="" if huis else adres,
            )
            for kwartaal in range(PER_JAAR)
        ]


def signalen(wijken: list[Wijk]) -> dict[int, list[str]]:
    """Per wijk id, what needs attention; two queries whatever the number of wijken."""
    ids = [wijk.pk for wijk in wijken]
    gepland = Counter()
    komend = OpenKoffie.objects.komend_jaar().filter(Q(wijk_id__in=ids) | Q(tweede_wijk_id__in=ids))
    for eerste, tweede in komend.values_list("wijk_id", "tweede_wijk_id"):
        gepland.update(wijk_id for wijk_id in (eerste, tweede) if wijk_id)
    vandaag = timezone.localdate()
    met_overleg = set(
        WijkverbinderOverleg.objects.filter(
            wijk_id__in=ids, datum__gt=vandaag - OVERLEG_SIGNAAL, datum__lte=vandaag
        ).values_list("wijk_id", flat=True)
    )
    result = {}
    for wijk_id in ids:
        meldingen = []
        if gepland[wijk_id] < PER_JAAR:
            aantal = gepland[wijk_id]
            meldingen.append(
                f"{'Geen' if aantal == 0 else f'Maar {aantal}'} Open Koffie"
                f"{'' if aantal == 1 else 's'} gepland in de komende twaalf maanden "
                f"(de methode vraagt er {PER_JAAR})."
            )
        if wijk_id not in met_overleg:
            meldingen.append("Geen wijkverbinder-overleg in de afgelopen zes weken.")
        result[wijk_id] = meldingen
    return result
