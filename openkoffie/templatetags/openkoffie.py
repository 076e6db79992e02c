"""Small, self-contained Open Koffie panels for the pages of the wijken app."""

from django import template

from openkoffie import ical, planning
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


@register.filter
def webcal(path: str) -> str:
    """A feed's path as the link that subscribes a calendar app to it."""
    return ical.webcal_url(path)
