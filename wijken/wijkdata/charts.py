"""Server-drawn SVG charts of the wijkdata: geometry here, markup in templates/wijken/grafiek/.

No JavaScript: every chart is a plain inline SVG with a title and description, and
the template puts a table with the same figures beside it for screen readers.
Bars always start at zero, so a small difference looks small, and every percentage
stands on the same 0-100 % scale, so 41 % never looks as tall as 86 % in the chart beside it.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from wijken.base.indicatoren import UITLEG, Indicator
from wijken.base.models import Wijk
from wijken.wijkdata.maten import BRON_VOORKEUR, Eenheid, Profielmaat
from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer

MAX_JAREN = 6  # the most recent years in a chart; the table shows them all


def _schaal_max(getallen: list[Decimal], procent: bool) -> float:
    """The top of the axis: 100 for a percentage (one scale for every chart), otherwise
    a round number a little above the highest bar."""
    if procent:
        return 100
    hoogste = float(max(getallen, default=0)) * 1.15 or 10
    stap = 10 ** max(0, math.floor(math.log10(hoogste)))
    return math.ceil(hoogste / stap) * stap


def _reeks(cijfers: list[Wijkcijfer]) -> tuple[list[Wijkcijfer], list[Wijkcijfer]]:
    """Splits one measure's values into the chart's series (one source) and the rest.

    The series follows the source of the most recent value; with several sources in
    that year, BRON_VOORKEUR decides.
    """
    if not cijfers:
        return [], []
    laatste = max(cijfers, key=lambda c: (c.jaar, -BRON_VOORKEUR.index(c.bron)))
    reeks = sorted((c for c in cijfers if c.bron == laatste.bron), key=lambda c: c.jaar)
    return reeks, [c for c in cijfers if c.bron != laatste.bron]


# --- one indicator over the years (vertical bars) ------------------------------------


@dataclass
class Staaf:
    jaar: int
    x: float
    y: float
    breedte: float
    hoogte: float
    tekst: str
    laatste: bool
    vergelijking_y: float | None

    @property
    def midden(self) -> float:
        return round(self.x + self.breedte / 2, 1)

    @property
    def vergelijking_x(self) -> tuple[float, float]:
        """The comparison line reaches a little past both sides of the bar."""
        return round(self.x - 6, 1), round(self.x + self.breedte + 6, 1)

    @property
    def tekst_binnen(self) -> bool:
        """The value sits inside the bar at its foot, clear of the comparison line."""
        return self.hoogte >= 28

    @property
    def tekst_y(self) -> float:
        return round(self.y + self.hoogte - 9, 1) if self.tekst_binnen else round(self.y - 6, 1)


@dataclass
class Staafgrafiek:
    id: str
    titel: str
    beschrijving: str
    staven: list[Staaf]
    rasterlijnen: list[tuple[float, str]]
    breedte: int = 320
    hoogte: int = 210
    links: int = 44
    as_x: int = 38  # the axis labels, right-aligned left of the bars
    jaar_y: float = 202  # the years under the bars


def staafgrafiek(id_: str, titel: str, reeks: list[Wijkcijfer]) -> Staafgrafiek:
    reeks = reeks[-MAX_JAREN:]
    links, boven, basis, breedte = 44, 16, 180, 320
    getallen = [c.waarde for c in reeks] + [c.vergelijking[1] for c in reeks if c.vergelijking]
    top = _schaal_max(getallen, reeks[0].is_procent)
    schaal = (basis - boven - 16) / top  # room above the highest bar for its label
    vak = (breedte - links) / len(reeks)
    staafbreedte = min(56, vak * 0.6)
    staven = []
    for i, cijfer in enumerate(reeks):
        hoogte = float(cijfer.waarde) * schaal
        vergelijking = cijfer.vergelijking
        staven.append(
            Staaf(
                jaar=cijfer.jaar,
                x=round(links + i * vak + (vak - staafbreedte) / 2, 1),
                y=round(basis - hoogte, 1),
                breedte=round(staafbreedte, 1),
                hoogte=round(hoogte, 1),
                tekst=cijfer.waarde_tekst,
                laatste=i == len(reeks) - 1,
                vergelijking_y=(
                    round(basis - float(vergelijking[1]) * schaal, 1) if vergelijking else None
                ),
            )
        )
    rasterlijnen = [
        (round(basis - waarde * schaal, 1), reeks[0].opmaak(Decimal(waarde)))
        for waarde in (0, top / 2, top)
    ]
    return Staafgrafiek(id_, titel, _beschrijving(titel, reeks), staven, rasterlijnen)


def _beschrijving(titel: str, reeks: list[Wijkcijfer]) -> str:
    wijk = "; ".join(f"{c.jaar}: {c.waarde_tekst}" for c in reeks)
    tekst = f"Staafdiagram {titel}. Per jaar: {wijk}."
    vergelijk = [(c.jaar, c.vergelijking) for c in reeks if c.vergelijking]
    if vergelijk:
        soort = vergelijk[-1][1][0]
        tekst += f" De streepjeslijn is de {soort}: " + "; ".join(
            f"{jaar}: {reeks[0].opmaak(getal)}" for jaar, (_, getal) in vergelijk
        )
        tekst += "."
    return tekst


@dataclass
class IndicatorBeeld:
    """What the wijk page shows about one indicator: figures, chart and the wijk's view."""

    indicator: Indicator
    reeks: list[Wijkcijfer]
    andere_bronnen: list[Wijkcijfer]
    beleefd: BeleefdeWijkdata | None
    grafiek: Staafgrafiek | None = None
    # The wijk's public, running initiatives that target this indicator (set by the view).
    initiatieven: list = field(default_factory=list)

    @property
    def naam(self) -> str:
        return self.indicator.label

    @property
    def uitleg(self) -> str:
        return UITLEG[self.indicator]

    @property
    def laatste(self) -> Wijkcijfer | None:
        return self.reeks[-1] if self.reeks else None

    @property
    def jaren(self) -> str:
        jaren = [str(c.jaar) for c in self.reeks]
        return " en ".join([", ".join(jaren[:-1]), jaren[-1]] if len(jaren) > 1 else jaren)

    @property
    def is_demo(self) -> bool:
        return any(c.demo for c in self.reeks)

    @property
    def vorige(self) -> Wijkcijfer | None:
        return self.reeks[-2] if len(self.reeks) > 1 else None

    @property
    def is_zwak(self) -> bool:
        return bool(self.laatste and self.laatste.is_zwak)

    @property
    def nadruk(self) -> bool:
        return bool(self.beleefd and self.beleefd.nadruk)

    @property
    def vergelijkingskolommen(self) -> list[str]:
        return [
            soort
            for soort in ["gemeente", "regio", "Nederland"]
            if any(soort == label for c in self.reeks for label, _ in c.vergelijkingen)
        ]

    @property
    def tabelrijen(self) -> list[tuple[Wijkcijfer, list[str]]]:
        rijen = []
        for cijfer in self.reeks:
            per_soort = dict(cijfer.vergelijkingen)
            rijen.append(
                (
                    cijfer,
                    [
                        cijfer.opmaak(per_soort[soort]) if soort in per_soort else "–"
                        for soort in self.vergelijkingskolommen
                    ],
                )
            )
        return rijen

    @property
    def oordeel(self) -> str:
        """Plain words: better or worse than the comparison, and which way it went."""
        laatste, zinnen = self.laatste, []
        if laatste is None:
            return ""
        if laatste.vergelijking:
            soort, getal = laatste.vergelijking
            if laatste.waarde == getal:
                zinnen.append(f"Dat is net zo veel als in de {soort}.")
            else:
                woord = "minder goed" if laatste.is_zwak else "beter"
                zinnen.append(f"Dat is {woord} dan in de {soort} ({laatste.opmaak(getal)}).")
        if self.vorige:
            vorige = self.vorige
            if vorige.waarde == laatste.waarde:
                zinnen.append(f"In {vorige.jaar} was het ook {vorige.waarde_tekst}.")
            else:
                gestegen = laatste.waarde > vorige.waarde
                goed = gestegen != laatste.lager_is_beter
                zinnen.append(
                    f"In {vorige.jaar} was het {vorige.waarde_tekst}: het is "
                    f"{'gestegen' if gestegen else 'gedaald'}, en dat is "
                    f"{'goed' if goed else 'minder goed'}."
                )
        return " ".join(zinnen)


def indicatorbeelden(wijk: Wijk) -> list[IndicatorBeeld]:
    """Uses only the prefetched `wijkcijfers` and `beleefde_wijkdata` of the wijk."""
    cijfers = list(wijk.wijkcijfers.all())
    beleefd: dict[str, BeleefdeWijkdata] = {}
    for rij in wijk.beleefde_wijkdata.all():  # the latest Open Koffie first per indicator
        beleefd.setdefault(rij.indicator, rij)
    beelden = []
    for indicator in Indicator:
        reeks, andere = _reeks([c for c in cijfers if c.maat == indicator])
        beeld = IndicatorBeeld(indicator, reeks, andere, beleefd.get(indicator))
        if reeks:
            beeld.grafiek = staafgrafiek(
                f"grafiek-{indicator.value}", f"{indicator.label} in {wijk.naam}", reeks
            )
        beelden.append(beeld)
    return beelden


# --- the social profile (horizontal bars, latest year beside the one before) ---------


PROFIEL_LETTER = 16  # px: the chart is 340 wide, so on a 320 px phone still ~14 px


def _tekstbreedte(tekst: str) -> float:
    """A generous estimate of a bold label's width (DejaVu Sans Bold digits are 0.7 em)."""
    return len(tekst) * PROFIEL_LETTER * 0.7


@dataclass
class Profielbalk:
    y: float
    breedte: float
    tekst: str
    laatste: bool
    tekst_x: float
    # Where the value does not fit beside the bar (a share near 100 %), it goes inside.
    binnen: bool = False

    @property
    def achtergrond(self) -> tuple[float, float]:
        """x and width of the white patch under a label beside the bar: a grid line
        behind it stops short of the text."""
        return round(self.tekst_x - 3, 1), round(_tekstbreedte(self.tekst) + 6, 1)


@dataclass
class Profielrij:
    """A label line above two bars, the comparison (if any) on a small line below them;
    the grid lines run only beside the bars, never through a label line."""

    label: str
    label_y: float
    balken: list[Profielbalk]
    vergelijking_x: float | None
    vergelijking_tekst: str
    vergelijking_y: float
    lijn_y: tuple[float, float]
    raster_y: tuple[float, float]


@dataclass
class Profielgrafiek:
    id: str
    titel: str
    beschrijving: str
    rijen: list[Profielrij]
    rasterlijnen: list[tuple[float, str]]
    hoogte: float
    breedte: int = 340
    balk_x: int = 14  # room for the centred 0% on the axis
    balk_hoogte: int = 18


@dataclass
class Profiel:
    """Section 1 of the wijk page: key counts, and the shares as one chart."""

    kerncijfers: list[tuple[Wijkcijfer, Wijkcijfer | None]] = field(default_factory=list)
    aandelen: list[list[Wijkcijfer]] = field(default_factory=list)
    grafiek: Profielgrafiek | None = None

    @property
    def bronnen(self) -> list[str]:
        jaren: dict[str, set[int]] = {}
        for reeks in self.aandelen:
            for cijfer in reeks[-2:]:
                jaren.setdefault(cijfer.get_bron_display(), set()).add(cijfer.jaar)
        return [f"{bron} ({', '.join(map(str, sorted(j)))})" for bron, j in sorted(jaren.items())]

    @property
    def is_demo(self) -> bool:
        return any(c.demo for reeks in self.aandelen for c in reeks) or any(
            c.demo for c, _ in self.kerncijfers
        )


def profiel(wijk: Wijk) -> Profiel:
    cijfers = list(wijk.wijkcijfers.all())
    resultaat = Profiel()
    for maat in Profielmaat:
        reeks, _ = _reeks([c for c in cijfers if c.maat == maat])
        if not reeks:
            continue
        if reeks[-1].eenheid == Eenheid.AANTAL:
            resultaat.kerncijfers.append((reeks[-1], reeks[-2] if len(reeks) > 1 else None))
        else:
            resultaat.aandelen.append(reeks)
    if resultaat.aandelen:
        resultaat.grafiek = _profielgrafiek(wijk, resultaat.aandelen)
    return resultaat


def _profielgrafiek(wijk: Wijk, aandelen: list[list[Wijkcijfer]]) -> Profielgrafiek:
    # Labels above the bars, not beside them: the chart stays legible on a phone.
    breedte, balk_x, ruimte, balk, boven = 340, 14, 300, 18, 28
    top = 100  # shares: the one 0-100 % scale of every percentage chart
    schaal = ruimte / top
    rijen, beschrijving = [], []
    y = boven  # each row as high as its bars and comparison line need
    for reeks in aandelen:
        getoond = reeks[-2:]
        laatste = reeks[-1]
        vergelijking = laatste.vergelijking
        # The value label starts right of both the bar and the comparison line.
        lijn_x = float(vergelijking[1]) * schaal if vergelijking else 0
        balken = []
        for j, c in enumerate(getoond):
            lengte = float(c.waarde) * schaal
            tekst = f"{c.waarde_tekst} ({c.jaar})"
            tekst_x = balk_x + max(lengte, lijn_x) + 7
            binnen = tekst_x + _tekstbreedte(tekst) > breedte
            balken.append(
                Profielbalk(
                    y=y + 22 + j * (balk + 2),
                    breedte=round(lengte, 1),
                    tekst=tekst,
                    laatste=c is reeks[-1],
                    tekst_x=round(balk_x + lengte - 6 if binnen else tekst_x, 1),
                    binnen=binnen,
                )
            )
        onder = y + 22 + len(getoond) * (balk + 2)
        rijen.append(
            Profielrij(
                label=laatste.maat_label,
                label_y=y + 14,
                lijn_y=(y + 18, onder + 2),
                raster_y=(y + 22, onder - 2),
                vergelijking_y=onder + 15,
                balken=balken,
                vergelijking_x=(
                    round(balk_x + float(vergelijking[1]) * schaal, 1) if vergelijking else None
                ),
                vergelijking_tekst=(
                    f"{vergelijking[0]} {laatste.opmaak(vergelijking[1])}" if vergelijking else ""
                ),
            )
        )
        y = onder + (32 if vergelijking else 14)
        zin = f"{laatste.maat_label}: " + ", ".join(
            f"{c.waarde_tekst} in {c.jaar}" for c in getoond
        )
        if vergelijking:
            zin += f" ({vergelijking[0]}: {laatste.opmaak(vergelijking[1])})"
        beschrijving.append(zin)
    titel = f"Wie wonen er in {wijk.naam}"
    rasterlijnen = [
        (round(balk_x + waarde * schaal, 1), f"{waarde:g}%") for waarde in (0, top / 2, top)
    ]
    return Profielgrafiek(
        id="grafiek-profiel",
        titel=titel,
        beschrijving=f"Staafdiagram {titel}. " + ". ".join(beschrijving) + ".",
        rijen=rijen,
        rasterlijnen=rasterlijnen,
        hoogte=y,
        breedte=breedte,
    )
