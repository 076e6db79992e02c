"""The yearly report (jaarverslag) of a wijk and of the whole programme.

One year's figures against the method's standard goals (wijken.base.doelen): Open
Koffies held and who came, wijkverbinders and volunteers, initiatives started and ended
(with the reasons), evaluations, money approved and spent, and the indicator trends.
Every figure is an annotation of the wijk queryset taken from the apps' programme
figures (they take (wijken, jaar)), so the programme's report of thousands of wijken
costs the same handful of queries as that of one wijk.

The public version shows counts, and names of public initiatives only: never the names
of residents, volunteers or wijkverbinders (SECURITY.md's consent rule).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, OuterRef, Prefetch, Q, QuerySet, Sum

from communitycare.lib.subqueries import aantal
from communitycare.portaal import programma
from initiatieven import programma as initiatief_figuren
from initiatieven.models import Evaluatie, Initiatief
from openkoffie import programma as openkoffie_figuren
from openkoffie.models import OpenKoffie
from wijken.base import doelen
from wijken.base.indicatoren import Indicator
from wijken.base.models import Regio, Wijk, Wijkverbinder, initiatiefdoel_geldt
from wijken.wijkdata import charts
from wijken.wijkdata.maten import LAGER_IS_BETER, Eenheid
from wijken.wijkdata.models import Wijkcijfer, beleefde_wijkdata_prefetch

# The years of the indicator trend of the programme: the report's year and four before.
TRENDJAREN = 5


def wijkverbinders_gestart_in(wijken: QuerySet, jaar: int) -> QuerySet:
    gestart = Wijkverbinder.objects.filter(startdatum__year=jaar, wijk=OuterRef("pk"))
    return wijken.annotate(wijkverbinders_gestart=aantal(gestart))


@dataclass(frozen=True)
class Cijfer:
    """One figure of the report: an annotation of the wijken, with its standard goal."""

    sleutel: str
    kop: str
    annoteer: Callable[[QuerySet, int], QuerySet]
    doel: int | None = None
    doel_tekst: str = ""
    soort: str = "aantal"  # or "euro"
    # The column header of the programme's tables per regio and per wijk; without one,
    # the figure is only in the totals and the download. Soft hyphens: the table fits
    # 1280 px.
    kort: str = ""
    # The annotation function sets more than one figure: only the first one annotates.
    mee_met: str = ""


CIJFERS = [
    Cijfer(
        "open_koffies_gehouden",
        "Open Koffies gehouden",
        openkoffie_figuren.gehouden_in,
        kort="Open Koffies",
        doel=doelen.OPEN_KOFFIES_PER_JAAR,
        doel_tekst=f"{doelen.OPEN_KOFFIES_PER_JAAR} per jaar",
    ),
    Cijfer(
        "open_koffies_voldaan",
        f"Open Koffies met iedereen erbij en minstens {doelen.BUURTBEWONERS_PER_OPEN_KOFFIE} "
        "buurtbewoners",
        openkoffie_figuren.opkomst_in,
        doel=doelen.OPEN_KOFFIES_PER_JAAR,
        doel_tekst=f"{doelen.OPEN_KOFFIES_PER_JAAR} per jaar",
    ),
    Cijfer(
        "buurtbewoners_open_koffie",
        "Buurtbewoners op de Open Koffies (samen)",
        openkoffie_figuren.opkomst_in,
        mee_met="open_koffies_voldaan",
    ),
    Cijfer(
        "actieve_wijkverbinders",
        "Wijkverbinders (nu actief)",
        programma.wijkverbinders,
        kort="Wijk\u00adverbinders",
        doel=doelen.WIJKVERBINDERS,
        doel_tekst=f"{doelen.WIJKVERBINDERS} in de wijk",
    ),
    Cijfer("wijkverbinders_gestart", "Nieuwe wijkverbinders", wijkverbinders_gestart_in),
    Cijfer(
        "vrijwilligers",
        "Nieuwe vrijwilligers in het huis",
        programma.vrijwilligers_in,
        kort="Vrijwil\u00adligers",
        doel=doelen.VRIJWILLIGERS_PER_JAAR,
        doel_tekst=f"{doelen.VRIJWILLIGERS_PER_JAAR} per jaar",
    ),
    Cijfer(
        "initiatieven_gestart",
        "Initiatieven gestart",
        initiatief_figuren.gestart_in,
        kort="Gestart",
        doel=doelen.INITIATIEVEN_PER_JAAR_MIN,
        doel_tekst=f"{doelen.INITIATIEVEN_PER_JAAR} per jaar, de eerste drie jaar",
    ),
    Cijfer(
        "initiatieven_beeindigd",
        "Initiatieven gestopt",
        initiatief_figuren.beeindigd_in,
        kort="Gestopt",
    ),
    Cijfer(
        "evaluaties",
        "Evaluaties gepubliceerd",
        initiatief_figuren.evaluaties_in,
        kort="Evalu\u00adaties",
    ),
    Cijfer(
        "bedrag_goedgekeurd",
        "Goedgekeurd (begrotingen)",
        initiatief_figuren.goedgekeurd_in,
        soort="euro",
        kort="Goed\u00adgekeurd",
    ),
    Cijfer(
        "bedrag_besteed",
        "Besteed (volgens de evaluaties)",
        initiatief_figuren.besteed_in,
        soort="euro",
        kort="Besteed",
    ),
]


def met_cijfers(wijken: QuerySet, jaar: int) -> QuerySet:
    """The wijken with every figure of `jaar`, in one query."""
    for cijfer in CIJFERS:
        if not cijfer.mee_met:
            wijken = cijfer.annoteer(wijken, jaar)
    return wijken


# --- one wijk ------------------------------------------------------------------------


@dataclass
class Regel:
    """A line of the table "the year against the goals"."""

    cijfer: Cijfer
    waarde: int | Decimal
    doel_tekst: str = ""
    gehaald: bool | None = None  # None: no goal (or it does not hold this year)
    toelichting: str = ""


def _regels(wijk: Wijk) -> list[Regel]:
    regels = []
    for cijfer in CIJFERS:
        waarde = getattr(wijk, cijfer.sleutel)
        regel = Regel(cijfer, waarde, cijfer.doel_tekst)
        if cijfer.doel is not None:
            regel.gehaald = waarde >= cijfer.doel
        if cijfer.sleutel == "initiatieven_gestart":
            regel.toelichting = wijk.initiatiefdoel_vervalt(wijk.verslagjaar)
            if regel.toelichting:
                regel.gehaald = None
        regels.append(regel)
    return regels


@dataclass
class WijkVerslag:
    wijk: Wijk
    jaar: int
    regels: list[Regel]
    open_koffies: list[OpenKoffie]
    gestart: list[Initiatief]
    beeindigd: list[Initiatief]
    evaluaties: list[Evaluatie]
    indicatorbeelden: list[charts.IndicatorBeeld]
    # Back office only: the names of the active wijkverbinders.
    wijkverbinders: list[Wijkverbinder] = field(default_factory=list)


def wijk_verslag(wijk: Wijk, jaar: int, *, publiek: bool) -> WijkVerslag:
    """The report of one wijk in `jaar`. Public: the wijkverbinders only as a count."""
    cijfers = Prefetch("wijkcijfers", queryset=Wijkcijfer.objects.filter(jaar__lte=jaar))
    wijk = (
        met_cijfers(Wijk.objects.filter(pk=wijk.pk), jaar)
        .select_related("regio")
        .prefetch_related(cijfers, beleefde_wijkdata_prefetch())
        .get()
    )
    wijk.verslagjaar = jaar
    initiatieven = Initiatief.objects.filter(wijk=wijk).select_related("wijk__regio")
    open_koffies = (
        OpenKoffie.objects.voor_wijk(wijk)
        .filter(status=OpenKoffie.Status.GEHOUDEN, begin__year=jaar)
        .select_related("wijk", "tweede_wijk")
        .order_by("begin")
    )
    evaluaties = (
        Evaluatie.objects.gepubliceerd_in(jaar)
        .filter(initiatief__wijk=wijk)
        .select_related("initiatief__wijk__regio")
        .order_by("datum", "pk")
    )
    return WijkVerslag(
        wijk=wijk,
        jaar=jaar,
        regels=_regels(wijk),
        open_koffies=list(open_koffies),
        gestart=list(initiatieven.gestart_in(jaar).order_by("startdatum", "naam")),
        beeindigd=list(initiatieven.beeindigd_in(jaar).order_by("einddatum", "naam")),
        evaluaties=list(evaluaties),
        indicatorbeelden=charts.indicatorbeelden(wijk),
        wijkverbinders=[] if publiek else list(wijk.wijkverbinders.actief().order_by("naam")),
    )


# --- the programme -------------------------------------------------------------------


def programma_wijken(jaar: int, regio: Regio | None = None) -> QuerySet:
    """Every wijk (of one regio) with its figures of `jaar`, by regio and name."""
    wijken = Wijk.objects.select_related("regio")
    if regio is not None:
        wijken = wijken.filter(regio=regio)
    return met_cijfers(wijken, jaar).order_by("regio__naam", "naam", "pk")


def _per_regio(wijken: QuerySet, jaar: int) -> list[dict]:
    """Per regio the sums of every figure and how many wijken reach each goal: one
    GROUP BY query, whose dozen rows add up to the programme's totals."""
    sommen = {f"som_{c.sleutel}": Sum(c.sleutel) for c in CIJFERS}
    gehaald = {
        f"gehaald_{c.sleutel}": Count("pk", filter=Q(**{f"{c.sleutel}__gte": c.doel}))
        for c in CIJFERS
        if c.doel is not None and c.sleutel != "initiatieven_gestart"
    }
    geldt = initiatiefdoel_geldt(jaar)
    rijen = (
        wijken.order_by()
        .values("regio__naam")
        .annotate(
            wijken=Count("pk"),
            initiatiefdoel_geldt=Count("pk", filter=geldt),
            gehaald_initiatieven_gestart=Count(
                "pk", filter=geldt & Q(initiatieven_gestart__gte=doelen.INITIATIEVEN_PER_JAAR_MIN)
            ),
            **sommen,
            **gehaald,
        )
        .order_by("regio__naam")
    )
    return list(rijen)


@dataclass
class Totaalregel:
    cijfer: Cijfer
    waarde: int | Decimal
    gehaald: int | None  # the number of wijken that reach the goal
    wijken_met_doel: int | None


@dataclass
class Trend:
    """One indicator across the wijken with figures, per year."""

    indicator: Indicator
    jaren: list[tuple[int, Decimal, int]]  # (year, average, number of wijken)

    @property
    def naam(self) -> str:
        return self.indicator.label

    @property
    def oordeel(self) -> str:
        """Plain words on the way it went from the first year shown to the last."""
        if len(self.jaren) < 2:
            return "Nog geen eerder jaar om mee te vergelijken."
        (eerste, van, _), (_, naar, _) = self.jaren[0], self.jaren[-1]
        if van == naar:
            return f"Gelijk gebleven sinds {eerste}."
        gestegen = naar > van
        goed = gestegen != (self.indicator.value in LAGER_IS_BETER)
        return (
            f"{'Gestegen' if gestegen else 'Gedaald'} sinds {eerste}: "
            f"dat is {'goed' if goed else 'minder goed'}."
        )


def trends(jaar: int, regio: Regio | None = None) -> list[Trend]:
    """The average of each indicator over the wijken with a figure that year, for the
    report's year and the years before it: one GROUP BY query."""
    cijfers = Wijkcijfer.objects.indicatoren().filter(
        jaar__lte=jaar, jaar__gt=jaar - TRENDJAREN, eenheid=Eenheid.PROCENT
    )
    if regio is not None:
        cijfers = cijfers.filter(wijk__regio=regio)
    rijen = (
        cijfers.order_by()
        .values("maat", "jaar")
        .annotate(gemiddeld=Avg("waarde"), wijken=Count("wijk", distinct=True))
        .order_by("maat", "jaar")
    )
    per_maat: dict[str, list[tuple[int, Decimal, int]]] = {}
    for rij in rijen:
        gemiddeld = Decimal(rij["gemiddeld"]).quantize(Decimal("0.1"))
        per_maat.setdefault(rij["maat"], []).append((rij["jaar"], gemiddeld, rij["wijken"]))
    return [Trend(i, per_maat[i.value]) for i in Indicator if i.value in per_maat]


@dataclass
class Regiorij:
    naam: str
    wijken: int
    waarden: list[tuple[Cijfer, int | Decimal]]


@dataclass
class ProgrammaVerslag:
    jaar: int
    regio: Regio | None
    aantal_wijken: int
    totalen: list[Totaalregel]
    kolommen: list[Cijfer]  # those of the tables per regio and per wijk
    per_regio: list[Regiorij]
    trends: list[Trend]


def programma_verslag(jaar: int, regio: Regio | None = None) -> ProgrammaVerslag:
    """Totals, goals reached, the regio's side by side and the trends: two queries,
    whatever the number of wijken (the wijken themselves: `programma_wijken`)."""
    rijen = _per_regio(programma_wijken(jaar, regio), jaar)
    totalen: dict[str, int | Decimal] = {}
    for rij in rijen:
        for sleutel, waarde in rij.items():
            if sleutel != "regio__naam":
                totalen[sleutel] = totalen.get(sleutel, 0) + (waarde or 0)
    regels = []
    for cijfer in CIJFERS:
        gehaald = totalen.get(f"gehaald_{cijfer.sleutel}")
        met_doel = totalen.get("wijken", 0) if f"gehaald_{cijfer.sleutel}" in totalen else None
        if cijfer.sleutel == "initiatieven_gestart":
            met_doel = totalen.get("initiatiefdoel_geldt", 0)
        som = totalen.get(f"som_{cijfer.sleutel}", 0)
        regels.append(Totaalregel(cijfer, som, gehaald, met_doel))
    kolommen = [c for c in CIJFERS if c.kort]
    per_regio = [
        Regiorij(
            rij["regio__naam"],
            rij["wijken"],
            [(c, rij[f"som_{c.sleutel}"] or 0) for c in kolommen],
        )
        for rij in rijen
    ]
    return ProgrammaVerslag(
        jaar=jaar,
        regio=regio,
        aantal_wijken=int(totalen.get("wijken", 0)),
        totalen=regels,
        kolommen=kolommen,
        per_regio=per_regio,
        trends=trends(jaar, regio),
    )


def rij_gehaald(wijk: Wijk, jaar: int) -> Iterator[tuple[Cijfer, int | Decimal, bool | None]]:
    """Each figure of an annotated wijk with whether it reaches its goal (None: none)."""
    for cijfer in CIJFERS:
        waarde = getattr(wijk, cijfer.sleutel)
        gehaald = None if cijfer.doel is None else waarde >= cijfer.doel
        if cijfer.sleutel == "initiatieven_gestart" and wijk.initiatiefdoel_vervalt(jaar):
            gehaald = None
        yield cijfer, waarde, gehaald
