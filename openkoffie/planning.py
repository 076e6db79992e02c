"""Planning a year of Open Koffies, and the signals when a wijk falls behind."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from communitycare.lib.dates import add_months
from openkoffie.models import OVERLEG_SIGNAAL, OpenKoffie, WijkverbinderOverleg
from wijken.base import doelen
from wijken.base.models import Huis, Wijk

# The first of the four must fall within three months, so the fourth is within a year.
EERSTE_BINNEN = datetime.timedelta(days=92)


def moment(datum: datetime.date, tijd: datetime.time) -> datetime.datetime:
    """A local date and time as an aware datetime in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(datum, tijd))


def voorstel_eerste_datum(wijk: Wijk) -> datetime.date:
    """Four weeks from now, or a quarter after the last planned one: the next year."""
    laatste = laatste_geplande(wijk)
    if laatste is None:
        return timezone.localdate() + datetime.timedelta(weeks=4)
    return add_months(laatste, 3)


def laatste_geplande(wijk: Wijk) -> datetime.date | None:
    laatste = OpenKoffie.objects.voor_wijk(wijk).komend().gepland().order_by("-begin").first()
    return timezone.localdate(laatste.begin) if laatste else None


def eerste_datum_uiterlijk(wijk: Wijk) -> datetime.date:
    """The first of four may lie up to a quarter after today or after the last planned
    Open Koffie, so a wijk that planned this year can plan the next one."""
    return (laatste_geplande(wijk) or timezone.localdate()) + EERSTE_BINNEN


def plan_open_koffie(wijk: Wijk, begin: datetime.datetime, huis: Huis | None, adres: str):
    """One Open Koffie with the standard agenda; never a second one on the same day."""
    open_koffie = OpenKoffie(wijk=wijk, begin=begin, huis=huis, adres="" if huis else adres)
    open_koffie.full_clean(exclude=["einde"])
    open_koffie.save()
    return open_koffie


def plan_overleg(
    wijk: Wijk, datum: datetime.date, tijd: datetime.time | None, waar: str
) -> WijkverbinderOverleg:
    overleg = WijkverbinderOverleg(wijk=wijk, datum=datum, tijd=tijd, waar=waar)
    overleg.full_clean()
    overleg.save()
    return overleg


def controleer_eerste_datum(wijk: Wijk, eerste: datetime.date) -> None:
    uiterlijk = eerste_datum_uiterlijk(wijk)
    if not timezone.localdate() < eerste <= uiterlijk:
        raise ValidationError(
            f"Kies een eerste datum na vandaag en uiterlijk {uiterlijk:%d-%m-%Y}: dan "
            "sluiten de vier Open Koffies aan op wat er al gepland is."
        )


def plan_jaar(
    wijk: Wijk, eerste: datetime.date, tijd: datetime.time, huis: Huis | None, adres: str
) -> tuple[list[OpenKoffie], list[datetime.date]]:
    """Four quarterly Open Koffies from `eerste`, two hours each, with the standard agenda.

    A day on which the wijk already has an Open Koffie is skipped (returned second), so
    planning twice never makes twins. Raises ValidationError for a first date outside
    the window of `eerste_datum_uiterlijk`, or when every day is taken already.
    """
    controleer_eerste_datum(wijk, eerste)
    gepland, overgeslagen = [], []
    with transaction.atomic():
        Wijk.objects.select_for_update().filter(pk=wijk.pk).first()  # two clicks queue here
        for kwartaal in range(doelen.OPEN_KOFFIES_PER_JAAR):
            datum = add_months(eerste, 3 * kwartaal)
            if OpenKoffie.objects.op_dag([wijk], datum).exists():
                overgeslagen.append(datum)
                continue
            gepland.append(plan_open_koffie(wijk, moment(datum, tijd), huis, adres))
    if not gepland:
        raise ValidationError("Deze vier Open Koffies staan al in de agenda.")
    return gepland, overgeslagen


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
        if gepland[wijk_id] < doelen.OPEN_KOFFIES_PER_JAAR:
            aantal = gepland[wijk_id]
            meldingen.append(
                f"{'Geen' if aantal == 0 else f'Maar {aantal}'} Open Koffie"
                f"{'' if aantal == 1 else 's'} gepland in de komende twaalf maanden "
                f"(de methode vraagt er {doelen.OPEN_KOFFIES_PER_JAAR})."
            )
        if wijk_id not in met_overleg:
            meldingen.append("Geen wijkverbinder-overleg in de afgelopen zes weken.")
        result[wijk_id] = meldingen
    return result
