"""Small, self-contained Open Koffie panels for the pages of the wijken app."""

from django import template

from initiatieven.models import Initiatief
from openkoffie import planning
from openkoffie.models import OpenKoffie

register = template.Library()


@register.inclusion_tag("openkoffie/beheer/_dashboard.html")
def openkoffie_signalen(wijken) -> dict:
    """The Open Koffie and overleg signals of every wijk on the dashboard, in two queries."""
    wijken = list(wijken)
    per_wijk = planning.signalen(wijken)
    return {"signalen": [(wijk, per_wijk[wijk.pk]) for wijk in wijken if per_wijk[wijk.pk]]}


@register.inclusion_tag("openkoffie/beheer/_wijk_paneel.html")
def openkoffie_wijkpaneel(wijk) -> dict:
    return {
        "wijk": wijk,
        "signalen": planning.signalen([wijk])[wijk.pk],
        "volgende": OpenKoffie.objects.voor_wijk(wijk).komend().met_plaats().first(),
    }


@register.inclusion_tag("openkoffie/_jaarevaluatie.html")
def jaarevaluatie(open_koffie: OpenKoffie, beheer: bool = False) -> dict:
    """Start step 11: the first Open Koffie of a year evaluates every running initiative."""
    if not open_koffie.is_eerste_van_het_jaar():
        return {"initiatieven": None}
    lopend = (
        Initiatief.objects.actief()
        .filter(wijk__in=open_koffie.wijken)
        .select_related("wijk__regio")
        .order_by("wijk__naam", "naam")
    )
    return {"initiatieven": list(lopend), "beheer": beheer, "jaar": open_koffie.begin.year}
