"""What follows from a change the wijkplan (Bijlage 5) shows: its PDF rendered ahead, and
the cached public pages that show the row made stale (the cache scopes, see the end).

Receivers, not calls from each view or domain function: the plan shows rows of three
apps (the plan's texts, acties and vaststellingen; the wijk, its huizen, wijkverbinders,
wijkdata and doe-boekje; the Open Koffies, overleggen and initiatives that chapters 2 and
4 count or list), edited through the back office, the admin, the API and management
commands. A receiver on each model sees every save and delete whatever path made it;
`prerender_after_commit` queues the render once per wijk per transaction, after commit.

What a receiver cannot see: queryset .update() and bulk_create (the wijkdata import);
the PDF's version still changes then, so its next download renders it afresh.
"""

from django.conf import settings
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from communitycare.lib import dataversion
from communitycare.lib.pdf import prerender_after_commit
from communitycare.lib.scopes import (
    API,
    DOE_BOEKJE,
    HOME,
    INITIATIEVEN,
    LISTS,
    OPEN_KOFFIE,
    regio_scope,
    wijk_scope,
)
from initiatieven import effects as initiatieven_effects
from initiatieven.models import Besteding, Evaluatie, Idee, Initiatief
from openkoffie.models import (
    AgendaOnderdeel,
    Bespreekpunt,
    OpenKoffie,
    Vervolgafspraak,
    Wervingsactie,
    WijkverbinderOverleg,
)
from wijken.base.models import Huis, Regio, User, Vrijwilliger, Wijk, Wijkverbinder
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte
from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer
from wijken.wijkplan.models import Actie, Themastand, Vaststelling, Wijkplan
from wijken.wijkplan.tasks import render_wijkplan_pdf


def _via_huis(huis_id) -> list[int]:
    return list(Huis.objects.filter(pk=huis_id).values_list("wijk_id", flat=True))


def _via_wijkplan(wijkplan_id) -> list[int]:
    return list(Wijkplan.objects.filter(pk=wijkplan_id).values_list("wijk_id", flat=True))


# Per model: the wijken whose plan shows a row. Queries, not related objects: in a
# cascading delete the row's parents may be gone already.
WIJKEN = {
    Wijk: lambda wijk: [wijk.pk],
    Regio: lambda regio: list(regio.wijken.values_list("pk", flat=True)),
    Wijkplan: lambda plan: [plan.wijk_id],
    Actie: lambda actie: _via_wijkplan(actie.wijkplan_id),
    Vaststelling: lambda vaststelling: _via_wijkplan(vaststelling.wijkplan_id),
    Huis: lambda huis: [huis.wijk_id],
    HuisMogelijkheden: lambda mogelijkheden: _via_huis(mogelijkheden.huis_id),
    Openingstijd: lambda tijd: _via_huis(tijd.huis_id),
    Ruimte: lambda ruimte: _via_huis(ruimte.huis_id),
    Vrijwilliger: lambda vrijwilliger: _via_huis(vrijwilliger.huis_id),
    Wijkverbinder: lambda wijkverbinder: [wijkverbinder.wijk_id],
    Wijkcijfer: lambda cijfer: [cijfer.wijk_id],
    BeleefdeWijkdata: lambda item: [item.wijk_id],
    DoeBoekjeItem: lambda item: [item.wijk_id],
    OpenKoffie: lambda open_koffie: [open_koffie.wijk_id, open_koffie.tweede_wijk_id],
    WijkverbinderOverleg: lambda overleg: [overleg.wijk_id],
    Initiatief: lambda initiatief: [initiatief.wijk_id],
    Themastand: lambda stand: [stand.wijk_id],
    # The header names the coordinators.
    User: lambda user: list(user.wijken_als_coordinator.values_list("pk", flat=True)),
}


def wijkplan_pdf_na_commit(wijk_ids) -> None:
    """Also for a change no receiver sees (bulk_create, queryset .update())."""
    for wijk_id in set(wijk_ids) - {None}:
        prerender_after_commit(render_wijkplan_pdf, wijk_id)


def _lookup(instance: Model, update_fields=None):
    """How to find the wijken a saved or deleted row shows in; None: not shown, not now."""
    if not settings.PDF_VOORAF_RENDEREN:
        return None
    if isinstance(instance, User) and update_fields and set(update_fields) <= {"last_login"}:
        return None  # a login: nothing the plan shows
    return WIJKEN.get(type(instance)._meta.concrete_model)  # proxies count as their model


def _before_save(sender, instance: Model, raw: bool = False, update_fields=None, **kwargs):
    """The wijken the row belonged to: an Open Koffie moved to another wijk leaves the
    first wijk's plan too."""
    lookup = _lookup(instance, update_fields)
    if lookup is not None and not raw and instance.pk is not None:
        vorige = type(instance)._base_manager.filter(pk=instance.pk).first()
        if vorige is not None:
            wijkplan_pdf_na_commit(lookup(vorige))


def _after_change(sender, instance: Model, raw: bool = False, update_fields=None, **kwargs):
    lookup = _lookup(instance, update_fields)
    if lookup is not None and not raw:
        wijkplan_pdf_na_commit(lookup(instance))


def _coordinatoren(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    """wijk.coordinatoren changed, or from the other side user.wijken_als_coordinator
    (then pk_set names the wijken; a clear names none, so they are read before it)."""
    if not settings.PDF_VOORAF_RENDEREN:
        return
    if not reverse and action.startswith("post_"):
        wijkplan_pdf_na_commit([instance.pk])
    elif reverse and action in ("post_add", "post_remove"):
        wijkplan_pdf_na_commit(pk_set or [])
    elif reverse and action == "pre_clear":
        wijkplan_pdf_na_commit(instance.wijken_als_coordinator.values_list("pk", flat=True))


# --- cache scopes --------------------------------------------------------------------
# A row shows on the pages of the wijken WIJKEN names (the plan shows nearly all a wijk
# has), or, for the parts of an initiative, of the initiatives' wijken
# (initiatieven.effects.INITIATIEVEN); the maps below add what neither names.


def _via_open_koffie(open_koffie_id) -> list[int]:
    wijken = OpenKoffie.objects.filter(pk=open_koffie_id).values_list("wijk_id", "tweede_wijk_id")
    return [wijk_id for paar in wijken for wijk_id in paar]


def _via_evaluatie(evaluatie_id) -> list[int]:
    return list(Evaluatie.objects.filter(pk=evaluatie_id).values_list("initiatief_id", flat=True))


OOK_WIJKEN = {
    AgendaOnderdeel: lambda onderdeel: _via_open_koffie(onderdeel.open_koffie_id),
    Vervolgafspraak: lambda afspraak: _via_open_koffie(afspraak.open_koffie_id),
    # Residents send them in: the agenda shows only the accepted ones.
    Bespreekpunt: lambda punt: (
        _via_open_koffie(punt.open_koffie_id)
        if punt.status == Bespreekpunt.Status.GEACCEPTEERD
        else []
    ),
}
OOK_INITIATIEVEN = {
    Evaluatie: lambda evaluatie: [evaluatie.initiatief_id],
    Besteding: lambda besteding: _via_evaluatie(besteding.evaluatie_id),
}
REGIO = "regio"  # in LIJSTEN: the regio page of the row's wijken, which counts them
INITIATIEF_LIJSTEN = (INITIATIEVEN, API)
# Per model: the cross-wijk lists a row appears in.
LIJSTEN = {
    **dict.fromkeys(initiatieven_effects.INITIATIEVEN, INITIATIEF_LIJSTEN),
    **dict.fromkeys(OOK_INITIATIEVEN, INITIATIEF_LIJSTEN),
    Regio: (*LISTS, REGIO),
    Wijk: (*LISTS, REGIO),
    Huis: (HOME, OPEN_KOFFIE, DOE_BOEKJE, API, REGIO),
    Wijkverbinder: (REGIO,),
    Wijkcijfer: (API,),
    BeleefdeWijkdata: (API,),
    DoeBoekjeItem: (DOE_BOEKJE,),
    OpenKoffie: (HOME, OPEN_KOFFIE, API),
    Initiatief: INITIATIEF_LIJSTEN,
}
# A page shows only these fields: a login (last_login), a volunteer's name or contact
# line changes nothing public. The plan names the coordinators and counts the volunteers
# who started per year.
VELDEN = {
    User: ("username", "first_name", "last_name"),
    Vrijwilliger: ("huis", "startdatum"),
}


def _wijk_scopes(wijk_ids, regio: bool) -> list[str]:
    slugs = Wijk.objects.filter(pk__in=set(wijk_ids) - {None}).values_list("regio__slug", "slug")
    return [
        scope
        for regio_slug, wijk_slug in slugs
        for scope in (
            wijk_scope(regio_slug, wijk_slug),
            *([regio_scope(regio_slug)] if regio else []),
        )
    ]


def _scopes_of(model):
    wijken = WIJKEN.get(model) or OOK_WIJKEN.get(model)
    initiatieven = OOK_INITIATIEVEN.get(model) or initiatieven_effects.INITIATIEVEN.get(model)
    lijsten = LIJSTEN.get(model, ())

    def scopes_of(row) -> list[str]:
        wijk_ids = set(wijken(row)) if wijken else set()
        if not wijken and initiatieven:
            initiatief_ids = set(initiatieven(row))
            wijk_ids |= set(
                Initiatief.objects.filter(pk__in=initiatief_ids).values_list("wijk_id", flat=True)
            )
        eigen = [regio_scope(row.slug)] if model is Regio else []  # also without wijken
        lists = [lijst for lijst in lijsten if lijst != REGIO]
        return [*_wijk_scopes(wijk_ids, regio=REGIO in lijsten), *eigen, *lists]

    return scopes_of


def register_cache_scopes() -> None:
    """Every model of the portal apps, public or not (a test holds that)."""
    publiek = {*WIJKEN, *OOK_WIJKEN, *initiatieven_effects.INITIATIEVEN, *OOK_INITIATIEVEN}
    for model in publiek:
        dataversion.register(model, _scopes_of(model), fields=VELDEN.get(model, ()))
    # History: written along with the row it records, which bumps its pages. Recruitment
    # actions and ideas from the wijk: the back office's only (an idea that becomes an
    # initiative bumps that initiative's pages through it).
    for model in (Wijkplan.history.model, Actie.history.model, Wervingsactie, Idee):
        dataversion.register(model)


def connect() -> None:
    """Called from WijkenConfig.ready(). Senders not named: proxies of these models save
    as themselves, and one dispatch serves them all."""
    register_cache_scopes()
    pre_save.connect(_before_save, dispatch_uid="wijkplan_pdf.pre_save")
    post_save.connect(_after_change, dispatch_uid="wijkplan_pdf.post_save")
    post_delete.connect(_after_change, dispatch_uid="wijkplan_pdf.post_delete")
    m2m_changed.connect(
        _coordinatoren, sender=Wijk.coordinatoren.through, dispatch_uid="wijkplan_pdf.m2m"
    )
