"""What the programmamanager compares before deciding: the begroting line by line
against the last approved version."""

from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from django.utils.safestring import SafeString

from communitycare.lib.textdiff import inline_diff
from initiatieven.models import Begroting, Begrotingsregel


@dataclass(frozen=True)
class Regelverschil:
    """One line of the comparison: unchanged, changed, removed or new."""

    soort: str  # "gelijk", "gewijzigd", "weg" or "nieuw"
    oud: Begrotingsregel | None
    nieuw: Begrotingsregel | None

    @property
    def label(self) -> str:
        return {"gelijk": "", "gewijzigd": "gewijzigd", "weg": "vervallen", "nieuw": "nieuw"}[
            self.soort
        ]

    def _vergelijk(self, oud: str, nieuw: str) -> SafeString | str:
        if self.soort == "gewijzigd":
            return inline_diff(oud, nieuw)
        return nieuw or oud

    def _tekst(self, veld: str) -> SafeString | str:
        return self._vergelijk(
            getattr(self.oud, veld) if self.oud else "",
            getattr(self.nieuw, veld) if self.nieuw else "",
        )

    @property
    def categorie(self) -> SafeString | str:
        return self._vergelijk(
            self.oud.get_categorie_display() if self.oud else "",
            self.nieuw.get_categorie_display() if self.nieuw else "",
        )

    @property
    def omschrijving(self):
        return self._tekst("omschrijving")

    @property
    def betaler(self):
        return self._tekst("betaler")

    @property
    def looptijd(self):
        return self._tekst("looptijd")

    @property
    def bedrag_oud(self) -> Decimal | None:
        return self.oud.bedrag if self.oud else None

    @property
    def bedrag_nieuw(self) -> Decimal | None:
        return self.nieuw.bedrag if self.nieuw else None

    @property
    def bedrag_gewijzigd(self) -> bool:
        return self.soort == "gewijzigd" and self.bedrag_oud != self.bedrag_nieuw


def _sleutel(regel: Begrotingsregel) -> tuple:
    return tuple(getattr(regel, veld) for veld in Begrotingsregel.KOPIE_VELDEN)


def regelverschil(begroting: Begroting) -> list[Regelverschil] | None:
    """The current lines against the last approved version; None when no version was
    ever approved (then everything is new and a comparison says nothing).

    The approved copy keeps no line ids, so lines are matched by their content, as a
    text diff matches lines: a replaced run is paired up line by line as "changed",
    what is left over is removed or new.
    """
    goedgekeurd = begroting.laatst_goedgekeurd()
    if goedgekeurd is None:
        return None
    oud, nieuw = list(goedgekeurd.regels), begroting.regellijst()
    matcher = SequenceMatcher(a=[_sleutel(r) for r in oud], b=[_sleutel(r) for r in nieuw])
    verschil: list[Regelverschil] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            verschil += [
                Regelverschil("gelijk", o, n) for o, n in zip(oud[a1:a2], nieuw[b1:b2], strict=True)
            ]
            continue
        paren = min(a2 - a1, b2 - b1)
        verschil += [Regelverschil("gewijzigd", oud[a1 + i], nieuw[b1 + i]) for i in range(paren)]
        verschil += [Regelverschil("weg", o, None) for o in oud[a1 + paren : a2]]
        verschil += [Regelverschil("nieuw", None, n) for n in nieuw[b1 + paren : b2]]
    return verschil
