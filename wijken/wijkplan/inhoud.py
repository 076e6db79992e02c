"""What the wijkplan shows, for its public page, the back office and the PDF alike."""

from django.utils import timezone

from initiatieven.models import Initiatief
from openkoffie.models import OpenKoffie, WijkverbinderOverleg
from wijken.base import doelen
from wijken.base.models import Vrijwilliger, Wijk
from wijken.wijkdata import charts
from wijken.wijkplan.models import (
    Voortgang,
    Wijkplan,
    laatste_wijziging,
    themamatrix,
    voortgang_wijkverbinders,
)


def voortgang_initiatieven(wijk: Wijk) -> Voortgang:
    """Measured against the method's pace (`Wijk.initiatiefdoel_vervalt`): 4 to 6 a year in
    the first three years from the wijk's start, until the wijk decides no more are needed."""
    dit_jaar = timezone.localdate().year
    gestart = Initiatief.objects.gestart_in(dit_jaar).filter(wijk=wijk).count()
    woord = "initiatief" if gestart == 1 else "initiatieven"
    jaar = wijk.jaar_van_community_care()
    vervalt = wijk.initiatiefdoel_vervalt(dit_jaar)
    if vervalt:
        doel = f"geen vast doel: {vervalt[0].lower()}{vervalt[1:].rstrip('.')}"
    else:
        doel = f"doel {doelen.INITIATIEVEN_PER_JAAR}" + (f", jaar {jaar} van 3" if jaar else "")
    return Voortgang(
        f"{gestart} {woord} gestart dit jaar, {doel}", gestart, doelen.INITIATIEVEN_PER_JAAR_MIN
    )


def voortgang_vrijwilligers(wijk: Wijk) -> Voortgang:
    jaar = timezone.localdate().year
    geworven = Vrijwilliger.objects.geworven_in(jaar).filter(huis__wijk=wijk).count()
    doel = doelen.VRIJWILLIGERS_PER_JAAR
    return Voortgang(f"{geworven} van {doel} vrijwilligers in het huis dit jaar", geworven, doel)


def plan_context(wijk: Wijk) -> dict:
    """What both the public page and the back office show; `wijk` from wijkplan_wijk_queryset."""
    plan = Wijkplan.voor(wijk)
    indicatorbeelden = charts.indicatorbeelden(wijk)
    return {
        "indicatorbeelden": indicatorbeelden,
        "heeft_wijkdata": any(beeld.reeks for beeld in indicatorbeelden),
        "profiel": charts.profiel(wijk),
        "wijk": wijk,
        "regio": wijk.regio,
        "plan": plan,
        "hoofdstuk1": plan.delen(1),
        "hoofdstuk2": plan.delen(2),
        "acties": plan.acties.all() if plan.pk else [],
        "open_koffies": OpenKoffie.objects.voor_wijk(wijk).voor_planning().met_plaats(),
        "overleggen": WijkverbinderOverleg.objects.filter(wijk=wijk).voor_planning(),
        "laatste_wijziging": laatste_wijziging(wijk),
        "voortgang_wijkverbinders": voortgang_wijkverbinders(wijk),
        "voortgang_initiatieven": voortgang_initiatieven(wijk),
        "themamatrix": themamatrix(wijk),
        "voortgang_vrijwilligers": voortgang_vrijwilligers(wijk),
        "doe_boekje": wijk.doe_boekje.actueel().per_categorie(),
        "publieke_wijkverbinders": [
            v for v in wijk.actieve_wijkverbinders if v.toestemming_publiek
        ],
    }
