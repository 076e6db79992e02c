"""The figures of the programme dashboard: every wijk against the standard goals.

One function per figure annotates the wijk queryset, so each figure is computed from
the data in the same single query, whatever the number of wijken. Other apps add
their figures (initiatives started this year, Open Koffies, volunteers, evaluations,
begrotingen) by appending a `Figuur` to FIGUREN; a column appears with its figure.
Every count is a correlated subquery, so figures never multiply each other's joins.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from communitycare.lib.subqueries import aantal
from initiatieven import programma as initiatief_figuren
from openkoffie import programma as openkoffie_figuren
from wijken.base import doelen
from wijken.base.indicatoren import Indicator
from wijken.base.models import Regio, Vrijwilliger, Wijk, Wijkverbinder
from wijken.wijkdata.models import Wijkcijfer
from wijken.wijkplan.models import Vaststelling, themamatrices


@dataclass(frozen=True)
class Figuur:
    sleutel: str  # the annotation's name, also the GET value to sort on
    kop: str
    annoteer: Callable[[QuerySet, int], QuerySet]  # (wijken, the year asked for)
    doel: int | None = None  # with a goal the dashboard draws a progress bar
    lager_is_beter: bool = False
    # The back-office list behind the figure, a URL name taking (regio, wijk) slugs.
    lijst: str | None = None
    soort: str = "aantal"  # or "euro", "datum": how a cell shows the value
    # In the table that fits a laptop; the others show with "alle kolommen" and in the
    # exports (the wijkdata figures: the weak spots are listed below the table anyway).
    kern: bool = True


def _per_wijk(queryset: QuerySet, aggregaat) -> Subquery:
    rows = queryset.filter(wijk=OuterRef("pk")).order_by().values("wijk")
    return Subquery(rows.annotate(uitkomst=aggregaat).values("uitkomst"))


def wijkverbinders(wijken: QuerySet, jaar: int) -> QuerySet:
    actief = Wijkverbinder.objects.actief().filter(wijk=OuterRef("pk"))
    return wijken.annotate(actieve_wijkverbinders=aantal(actief))


def indicatoren_met_cijfers(wijken: QuerySet, jaar: int) -> QuerySet:
    cijfers = Wijkcijfer.objects.indicatoren()
    return wijken.annotate(
        indicatoren_met_cijfers=Coalesce(_per_wijk(cijfers, Count("maat", distinct=True)), Value(0))
    )


def zwakke_indicatoren(wijken: QuerySet, jaar: int) -> QuerySet:
    cijfers = Wijkcijfer.objects.indicatoren().laatste().zwak()
    return wijken.annotate(
        zwakke_indicatoren=Coalesce(_per_wijk(cijfers, Count("maat", distinct=True)), Value(0))
    )


def vrijwilligers_in(wijken: QuerySet, jaar: int) -> QuerySet:
    geworven = Vrijwilliger.objects.geworven_in(jaar)
    return wijken.annotate(vrijwilligers=aantal(geworven.filter(huis__wijk=OuterRef("pk"))))


def nieuwste_wijkdata(wijken: QuerySet, jaar: int) -> QuerySet:
    return wijken.annotate(nieuwste_wijkdata=_per_wijk(Wijkcijfer.objects.all(), Max("jaar")))


def laatst_vastgesteld(wijken: QuerySet, jaar: int) -> QuerySet:
    """The date the wijk last adopted its wijkplan at an Open Koffie (Vaststelling)."""
    vaststellingen = Vaststelling.objects.filter(wijkplan__wijk=OuterRef("pk"))
    return wijken.annotate(
        wijkplan_vastgesteld=Subquery(vaststellingen.order_by("-datum").values("datum")[:1])
    )


INITIATIEVEN_GESTART = "initiatieven_gestart"
FIGUREN = [
    Figuur(
        "actieve_wijkverbinders",
        "Wijkverbinders",
        wijkverbinders,
        doel=doelen.WIJKVERBINDERS,
        lijst="openkoffie_beheer:wijkverbinders",
    ),
    Figuur(
        "indicatoren_met_cijfers",
        "Indicatoren met cijfers",
        indicatoren_met_cijfers,
        doel=len(Indicator),
        lijst="beheer:wijkdata",
        kern=False,
    ),
    Figuur(
        INITIATIEVEN_GESTART,
        f"Initiatieven gestart (doel {doelen.INITIATIEVEN_PER_JAAR})",
        initiatief_figuren.gestart_in,
        doel=doelen.INITIATIEVEN_PER_JAAR_MIN,
        lijst="initiatieven_beheer:lijst",
    ),
    Figuur(
        "evaluaties_te_laat",
        "Evaluaties te laat",
        initiatief_figuren.evaluaties_te_laat,
        lager_is_beter=True,
        lijst="initiatieven_beheer:lijst",
    ),
    Figuur(
        "begrotingen_wachtend",
        "Begrotingen ter goedkeuring",
        initiatief_figuren.begrotingen_ter_goedkeuring,
        lager_is_beter=True,
        lijst="initiatieven_beheer:lijst",
    ),
    Figuur(
        "bedrag_goedgekeurd",
        "Goedgekeurd (€)",
        initiatief_figuren.goedgekeurd_in,
        lijst="initiatieven_beheer:lijst",
        soort="euro",
    ),
    Figuur(
        "bedrag_besteed",
        "Besteed (€)",
        initiatief_figuren.besteed_in,
        lijst="initiatieven_beheer:lijst",
        soort="euro",
    ),
    Figuur(
        "open_koffies_gehouden",
        "Open Koffies gehouden",
        openkoffie_figuren.gehouden_in,
        doel=doelen.OPEN_KOFFIES_PER_JAAR,
        lijst="openkoffie_beheer:overzicht",
    ),
    Figuur(
        "open_koffies_gepland",
        "Open Koffies gepland (12 maanden)",
        openkoffie_figuren.gepland_komend_jaar,
        doel=doelen.OPEN_KOFFIES_PER_JAAR,
        lijst="openkoffie_beheer:overzicht",
    ),
    Figuur(
        "vrijwilligers",
        "Vrijwilligers in het huis",
        vrijwilligers_in,
        doel=doelen.VRIJWILLIGERS_PER_JAAR,
        lijst="beheer:wijk",
    ),
    Figuur(
        "zwakke_indicatoren",
        "Zwakke indicatoren",
        zwakke_indicatoren,
        lager_is_beter=True,
        lijst="beheer:wijkdata",
        kern=False,
    ),
    Figuur(
        "nieuwste_wijkdata",
        "Nieuwste cijfers uit",
        nieuwste_wijkdata,
        lijst="beheer:wijkdata",
        kern=False,
    ),
    Figuur(
        "wijkplan_vastgesteld",
        "Wijkplan vastgesteld",
        laatst_vastgesteld,
        lijst="wijkplan:beheer",
        soort="datum",
    ),
]
KOLOMMEN = {"wijk": "naam", "regio": "regio__naam"} | {f.sleutel: f.sleutel for f in FIGUREN}


def overzicht(
    sorteer: str = "wijk",
    aflopend: bool = False,
    regio: Regio | None = None,
    jaar: int | None = None,
) -> QuerySet:
    """All wijken (of one regio) with every figure, sorted on the server (unknown keys
    sort by wijk). The figures "in a year" count `jaar`, this year when None; the others
    (planned, late, waiting, the latest) are about today."""
    jaar = jaar or timezone.localdate().year
    wijken = Wijk.objects.select_related("regio")
    if regio is not None:
        wijken = wijken.filter(regio=regio)
    for figuur in FIGUREN:
        wijken = figuur.annoteer(wijken, jaar)
    veld = F(KOLOMMEN.get(sorteer, "naam"))
    volgorde = veld.desc(nulls_last=True) if aflopend else veld.asc(nulls_last=True)
    return wijken.order_by(volgorde, "naam", "pk")


@dataclass(frozen=True)
class Themamerk:
    """One standard theme of a wijk, small enough to keep a page of wijken in the cache."""

    label: str
    merk: str  # "gestart", a Themastand.Stand or "" (not discussed yet)
    tekst: str


def met_jaar_en_themas(wijken: list[Wijk], jaar: int) -> list[Wijk]:
    """Sets on each wijk `jaar_cc` (its year of Community Care in `jaar`, None without a
    start date), `initiatiefdoel` (whether 4 to 6 new initiatives are its goal then) and
    `themamerken` (the five standard themes): two queries however many wijken."""
    vandaag = timezone.localdate()
    op = min(vandaag, datetime.date(jaar, 12, 31))
    matrices = themamatrices(wijken)
    for wijk in wijken:
        wijk.jaar_cc = wijk.jaar_van_community_care(op)  # type: ignore[attr-defined]
        wijk.initiatiefdoel = wijk.heeft_initiatiefdoel(jaar)  # type: ignore[attr-defined]
        wijk.themamerken = [  # type: ignore[attr-defined]
            Themamerk(rij.label, rij.merk, rij.merk_tekst) for rij in matrices[wijk.pk]
        ]
    return wijken


def doel_voor(figuur: Figuur, wijk: Wijk) -> int | None:
    """The figure's goal for this wijk (after `met_jaar_en_themas`): the initiatives'
    only in the years the method sets it."""
    if figuur.sleutel == INITIATIEVEN_GESTART and not wijk.initiatiefdoel:  # type: ignore[attr-defined]
        return None
    return figuur.doel


@dataclass
class ZwakkePlek:
    wijk: Wijk
    indicatoren: list[Indicator]


def zwak_zonder_initiatief(wijken: list[Wijk] | None = None) -> list[ZwakkePlek]:
    """Wijken (all, or those given) whose latest figure on an indicator is worse than its
    comparison value (see `WijkcijferQuerySet.zwak`), where no active initiative targets
    that indicator."""
    cijfers = Wijkcijfer.objects.indicatoren()
    if wijken is not None:
        cijfers = cijfers.filter(wijk__in=wijken)
    paren = set(cijfers.laatste().zwak().values_list("wijk_id", "maat").distinct())
    paren -= initiatief_figuren.indicatoren_met_actief_initiatief({wijk_id for wijk_id, _ in paren})
    per_wijk: dict[int, list[Indicator]] = {}
    for wijk_id, maat in paren:
        per_wijk.setdefault(wijk_id, []).append(Indicator(maat))
    wijken = (
        Wijk.objects.filter(pk__in=per_wijk).select_related("regio").order_by("regio__naam", "naam")
    )
    return [
        ZwakkePlek(wijk, sorted(per_wijk[wijk.pk], key=list(Indicator).index)) for wijk in wijken
    ]
