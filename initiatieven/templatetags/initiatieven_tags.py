"""Small blocks other pages include: the wijk page's summary, the dashboard's to-do, the
yearly evaluation on an Open Koffie page (here, not in openkoffie, which sits below)."""

from django import template
from django.db.models import Count, Q

from initiatieven.models import (
    PUBLIEKE_STATUSSEN,
    Begroting,
    Initiatief,
    Status,
    evaluaties_te_doen,
)
from openkoffie.models import OpenKoffie
from wijken.base.models import Wijk

register = template.Library()


@register.inclusion_tag("initiatieven/wijk_samenvatting.html")
def initiatieven_in_wijk(wijk: Wijk) -> dict:
    """One query: the number of public initiatives of the wijk per status."""
    telling = Initiatief.objects.filter(wijk=wijk).publiek().status_telling()
    return {
        "wijk": wijk,
        "statussen": [(s, Status(s).label, telling[s]) for s in PUBLIEKE_STATUSSEN if telling[s]],
        "totaal": sum(telling[s] for s in PUBLIEKE_STATUSSEN),
    }


@register.inclusion_tag("initiatieven/beheer/dashboard_blok.html", takes_context=True)
def initiatieven_te_doen(context, wijken) -> dict:
    """Evaluations due or overdue in the user's wijken; the queue for a programmamanager."""
    user = context["user"]
    return {
        "te_doen": evaluaties_te_doen(Initiatief.objects.filter(wijk__in=wijken)),
        "wachtrij": (
            Begroting.objects.ter_goedkeuring().aggregate(
                totaal=Count("pk"),
                gewijzigd=Count("pk", filter=Q(goedgekeurde_versie__isnull=False)),
            )
            if user.is_programmamanager
            else None
        ),
    }


@register.inclusion_tag("initiatieven/_jaarevaluatie.html")
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


@register.inclusion_tag("initiatieven/_op_de_agenda.html")
def op_de_agenda(open_koffie: OpenKoffie, beheer: bool = False) -> dict:
    """Start step 9: the initiatives this Open Koffie discusses (the step points at it).
    The public page shows only initiatives that are public; ideas stay in the back office."""
    initiatieven = Initiatief.objects.filter(
        startstappen__nummer=9, startstappen__open_koffie=open_koffie
    ).select_related("wijk__regio")
    if not beheer:
        initiatieven = initiatieven.filter(status__in=PUBLIEKE_STATUSSEN)
    return {"initiatieven": list(initiatieven.order_by("naam")), "beheer": beheer}


@register.inclusion_tag("initiatieven/_in_doe_boekje.html")
def in_het_doe_boekje(wijk: Wijk, pdf: bool = False) -> dict:
    """The wijk's running initiatives in its doe-boekje, web and large print: exactly what
    there is to do, with when and where (here, since the doe-boekje sits below)."""
    lopend = Initiatief.objects.actief().filter(wijk=wijk).select_related("wijk__regio")
    return {"initiatieven": list(lopend.order_by("naam")), "pdf": pdf}
