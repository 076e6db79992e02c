"""Reads wijkdata from a CSV file, checks every row, and applies all of it or nothing.

The column format is documented in the README (`import_wijkdata`). A plan is made
first (what is new, what changes, what stays), so the back office can show it before
anything is written; applying it takes a handful of bulk queries, whatever the size.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO, TextIO

from django.db import transaction
from django.utils import timezone

from communitycare.lib.bedragen import GeenGetal, is_duizendtallen, lees_getal
from wijken.base.models import Wijk
from wijken.wijkdata.maten import EENHEID, MAAT_LABELS, Bron, Eenheid
from wijken.wijkdata.models import Wijkcijfer

VERPLICHTE_KOLOMMEN = ["cbs_code", "maat", "jaar", "waarde", "eenheid", "bron"]
VRIJE_KOLOMMEN = [
    "vergelijking_gemeente",
    "vergelijking_regio",
    "vergelijking_nederland",
    "demo",
]
KOLOMMEN = VERPLICHTE_KOLOMMEN + VRIJE_KOLOMMEN
# The fields a re-import may change; the rest is the row's identity.
VELDEN = ["waarde", "eenheid", *VRIJE_KOLOMMEN]
EERSTE_JAAR = 1990
BATCH = 1000
BLOK = 64 * 1024
# More errors than this are not read: the page shows them all, then the user fixes them.
MAX_FOUTEN = 200
MAX_REGEL = 2000
MAX_GETAL = Decimal("9999999999.99")
JA = {"ja", "j", "1", "true", "waar", "yes"}
NEE = {"", "nee", "n", "0", "false", "onwaar", "no"}
EENHEID_ALIASSEN = {"%": Eenheid.PROCENT}


class RegelFout(ValueError):
    """A row that cannot be imported; the message is the reason, in Dutch."""


@dataclass
class Fout:
    regel: int | None
    reden: str

    def __str__(self) -> str:
        return f"Regel {self.regel}: {self.reden}" if self.regel else self.reden


@dataclass
class Wijziging:
    regel: int
    wijk: Wijk
    cijfer: Wijkcijfer
    oud: Wijkcijfer | None = None

    @property
    def gewijzigde_velden(self) -> list[str]:
        if self.oud is None:
            return []
        return [
            str(Wijkcijfer._meta.get_field(naam).verbose_name)
            for naam in VELDEN
            if getattr(self.oud, naam) != getattr(self.cijfer, naam)
        ]


@dataclass
class Importplan:
    fouten: list[Fout] = field(default_factory=list)
    nieuw: list[Wijziging] = field(default_factory=list)
    gewijzigd: list[Wijziging] = field(default_factory=list)
    ongewijzigd: int = 0

    @property
    def is_geldig(self) -> bool:
        return not self.fouten

    @property
    def foute_regels(self) -> int:
        """Rows with one or more errors (the file as a whole counts as one)."""
        return len({fout.regel for fout in self.fouten})

    @property
    def samenvatting(self) -> str:
        return (
            f"{len(self.nieuw)} nieuw, {len(self.gewijzigd)} gewijzigd, "
            f"{self.ongewijzigd} ongewijzigd"
        )

    def toepassen(self) -> None:
        if not self.is_geldig:
            raise ValueError("Een plan met fouten wordt niet toegepast.")
        nu = timezone.now()
        for wijziging in [*self.nieuw, *self.gewijzigd]:
            wijziging.cijfer.gewijzigd_op = nu
        # A changed row is replaced: delete plus insert is a few bulk queries, where
        # bulk_update's CASE per field takes half a minute for 20,000 rows on SQLite.
        # Nothing refers to a Wijkcijfer's id, so it may change.
        vervangen = [w.oud.pk for w in self.gewijzigd if w.oud]
        with transaction.atomic():
            for begin in range(0, len(vervangen), BATCH):
                Wijkcijfer.objects.filter(pk__in=vervangen[begin : begin + BATCH]).delete()
            Wijkcijfer.objects.bulk_create(
                [w.cijfer for w in [*self.nieuw, *self.gewijzigd]], batch_size=BATCH
            )


def lees_bytes(data: bytes) -> str:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 as Dutch Excel saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _tekststroom(bron: str | BinaryIO) -> TextIO:
    """The file as seekable text, read a line at a time. Lines may end in CRLF, LF or a
    bare CR (Excel's "CSV (Macintosh)"): newline="" splits on all three and leaves the
    ends for csv, which keeps line breaks inside quoted fields."""
    if isinstance(bron, str):
        return io.StringIO(bron, newline="")
    # A file that is not UTF-8 is Windows-1252; finding out takes one pass in blocks.
    decoder = codecs.getincrementaldecoder("utf-8")()
    encoding = "utf-8-sig"
    try:
        while blok := bron.read(BLOK):
            decoder.decode(blok)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        encoding = "cp1252"
    bron.seek(0)
    return io.TextIOWrapper(bron, encoding=encoding, errors="replace", newline="")


def maak_plan(bron: str | BinaryIO, wijk: Wijk | None = None) -> Importplan:
    """Checks every row of `bron` (text, or a binary file read as it streams by); with
    `wijk`, only rows of that wijk are allowed. Memory grows with the valid rows only:
    after MAX_FOUTEN errors the reading stops."""
    plan = Importplan()
    if wijk is not None and not wijk.cbs_code:
        plan.fouten.append(
            Fout(None, f"{wijk.naam} heeft nog geen CBS-wijkcode. Vul die eerst in.")
        )
        return plan
    stroom = _tekststroom(bron)
    try:
        _controleer(stroom, plan, wijk)
    finally:
        if isinstance(stroom, io.TextIOWrapper):
            stroom.detach()  # the caller's file stays open
    return plan


def _controleer(stroom: TextIO, plan: Importplan, wijk: Wijk | None) -> None:
    # Two passes: the first only collects the CBS codes, so the wijken and their
    # current figures take two queries; the second checks each row as it is read and
    # reports every error, those the first pass met too (a row with a column too many
    # does not hide the mistakes below it: one upload shows them all).
    codes = {rij["cbs_code"].strip().upper() for _, rij in _lees_regels(stroom, Importplan())}
    wijken: dict[str, list[Wijk]] = {}
    for gevonden in Wijk.objects.filter(cbs_code__in=codes):
        wijken.setdefault(gevonden.cbs_code, []).append(gevonden)
    bestaand = {
        (c.wijk_id, c.maat, c.jaar, c.bron): c
        for c in Wijkcijfer.objects.filter(
            wijk__in=[w for lijst in wijken.values() for w in lijst]
        ).order_by()
    }

    stroom.seek(0)
    gezien: dict[tuple, int] = {}
    try:
        for regel, rij in _lees_regels(stroom, plan):
            try:
                cijfer = _cijfer(rij, wijken, wijk)
            except RegelFout as fout:
                for reden in fout.args:
                    _fout(plan, regel, reden)
                continue
            sleutel = (cijfer.wijk_id, cijfer.maat, cijfer.jaar, cijfer.bron)
            if sleutel in gezien:
                _fout(
                    plan,
                    regel,
                    f"dezelfde wijk, maat, jaar en bron staan al op regel {gezien[sleutel]}.",
                )
                continue
            gezien[sleutel] = regel
            oud = bestaand.get(sleutel)
            if oud is None:
                plan.nieuw.append(Wijziging(regel, cijfer.wijk, cijfer))
            elif any(getattr(oud, naam) != getattr(cijfer, naam) for naam in VELDEN):
                plan.gewijzigd.append(Wijziging(regel, cijfer.wijk, cijfer, oud))
            else:
                plan.ongewijzigd += 1
    except _Gestopt:
        pass


class _Gestopt(Exception):
    """Enough errors to show: reading on would only cost time and memory."""


def _fout(plan: Importplan, regel: int | None, reden: str) -> None:
    plan.fouten.append(Fout(regel, reden))
    if len(plan.fouten) >= MAX_FOUTEN:
        plan.fouten.append(
            Fout(None, f"Na {MAX_FOUTEN} fouten is het lezen gestopt. Verbeter deze eerst.")
        )
        raise _Gestopt


class _TeLang(Exception):
    """A line longer than any row of figures: csv would make a list of its every field."""


def _korte_regels(stroom: TextIO) -> Iterator[str]:
    for regel in stroom:
        if len(regel) > MAX_REGEL:
            raise _TeLang
        yield regel


def _lees_regels(stroom: TextIO, plan: Importplan) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column name) of every row with something in it; what cannot
    be read becomes an error of the plan with its line number, never an exception."""
    eerste_regel = stroom.readline()
    stroom.seek(0)
    scheiding = max([";", ",", "\t"], key=eerste_regel.count)
    lezer = csv.reader(_korte_regels(stroom), delimiter=scheiding)
    vorige = 0  # the last line of the previous row: a row may span lines (quoted)
    try:
        kop = [naam.strip().lower() for naam in next(lezer, [])]
        if not kop:
            plan.fouten.append(Fout(None, "Het bestand is leeg."))
            return
        onbekend = [naam for naam in kop if naam not in KOLOMMEN]
        ontbrekend = [naam for naam in VERPLICHTE_KOLOMMEN if naam not in kop]
        if onbekend:
            plan.fouten.append(Fout(1, f"onbekende kolom(men): {', '.join(onbekend)}."))
        if ontbrekend:
            plan.fouten.append(Fout(1, f"de kolom(men) {', '.join(ontbrekend)} ontbreken."))
        if plan.fouten:
            return
        leeg, vorige = True, lezer.line_num
        for rij in lezer:
            regel, vorige = vorige + 1, lezer.line_num
            if not any(cel.strip() for cel in rij):
                continue
            leeg = False
            if len(rij) != len(kop):
                _fout(plan, regel, f"{len(rij)} kolommen, de kopregel heeft er {len(kop)}.")
                continue
            yield regel, dict(zip(kop, rij, strict=True))
        if leeg:
            plan.fouten.append(Fout(None, "Het bestand bevat geen cijfers, alleen een kopregel."))
    except _TeLang:
        plan.fouten.append(
            Fout(
                lezer.line_num + 1,
                f"deze regel is langer dan {MAX_REGEL} tekens; zo ziet een regel met "
                "wijkcijfers er niet uit. Het lezen is hier gestopt.",
            )
        )
    except csv.Error:
        # Python's messages are English and technical; the line number is what helps.
        plan.fouten.append(
            Fout(
                vorige + 1,
                "deze regel is niet te lezen als CSV: kijk of de aanhalingstekens kloppen "
                "en of er geen heel lange tekst of vreemd teken in staat. "
                "Het lezen is hier gestopt.",
            )
        )
    except _Gestopt:
        pass


def _cijfer(rij: dict[str, str], wijken: dict[str, list[Wijk]], scope: Wijk | None) -> Wijkcijfer:
    """The row as a figure, or RegelFout with every reason the row is wrong: a file
    with three mistakes in a row is fixed in one go, not in three uploads."""
    redenen: list[str] = []

    def controleer(functie, *args):
        try:
            return functie(*args)
        except RegelFout as fout:
            redenen.extend(fout.args)
            return None

    wijk = controleer(_wijk, rij, wijken, scope)
    maat = controleer(_maat, rij)
    eenheid = controleer(_eenheid, rij, maat)
    bron = controleer(_bron, rij)
    jaar = controleer(_jaar, rij)
    waarde = controleer(_getal, rij["waarde"], "waarde", eenheid, True)
    vergelijkingen = {
        naam: controleer(_getal, rij.get(naam, ""), naam, eenheid, False)
        for naam in ["vergelijking_gemeente", "vergelijking_regio", "vergelijking_nederland"]
    }
    demo = controleer(_ja_nee, rij.get("demo", ""))
    if redenen:
        raise RegelFout(*redenen)
    return Wijkcijfer(
        wijk=wijk,
        maat=maat,
        jaar=jaar,
        eenheid=eenheid,
        bron=bron,
        waarde=waarde,
        demo=demo,
        **vergelijkingen,
    )


def _wijk(rij: dict[str, str], wijken: dict[str, list[Wijk]], scope: Wijk | None) -> Wijk:
    code = rij["cbs_code"].strip().upper()
    gevonden = wijken.get(code, [])
    if not gevonden:
        raise RegelFout(f"geen wijk met CBS-wijkcode '{code}' in het portaal.")
    if len(gevonden) > 1:
        namen = ", ".join(w.naam for w in gevonden)
        raise RegelFout(f"meerdere wijken hebben CBS-wijkcode {code} ({namen}).")
    wijk = gevonden[0]
    if scope is not None and wijk.pk != scope.pk:
        raise RegelFout(
            f"deze regel is voor {wijk.naam}; hier kunt u alleen cijfers van "
            f"{scope.naam} ({scope.cbs_code}) invoeren."
        )
    return wijk


def _maat(rij: dict[str, str]) -> str:
    maat = rij["maat"].strip().lower()
    if maat not in MAAT_LABELS:
        raise RegelFout(f"onbekende maat '{maat}'. Kies uit: {', '.join(MAAT_LABELS)}.")
    return maat


def _eenheid(rij: dict[str, str], maat: str | None) -> str:
    eenheid = rij["eenheid"].strip().lower()
    eenheid = EENHEID_ALIASSEN.get(eenheid, eenheid)
    if maat is not None and eenheid != EENHEID[maat]:
        raise RegelFout(f"de eenheid van {maat} is '{EENHEID[maat]}', niet '{eenheid}'.")
    if eenheid not in Eenheid.values:
        raise RegelFout(f"onbekende eenheid '{eenheid}'. Kies uit: {', '.join(Eenheid.values)}.")
    return eenheid


def _bron(rij: dict[str, str]) -> str:
    bron = rij["bron"].strip().lower()
    if bron not in Bron.values:
        raise RegelFout(f"onbekende bron '{bron}'. Kies uit: {', '.join(Bron.values)}.")
    return bron


def _jaar(rij: dict[str, str]) -> int:
    jaar_tekst = rij["jaar"].strip()
    laatste_jaar = timezone.localdate().year + 1
    # isdigit() alone lets "²" and very long numbers through to int(), which then fails.
    if not (
        jaar_tekst.isascii()
        and jaar_tekst.isdigit()
        and len(jaar_tekst) == 4
        and EERSTE_JAAR <= int(jaar_tekst) <= laatste_jaar
    ):
        raise RegelFout(f"jaar '{jaar_tekst}' is geen jaar tussen {EERSTE_JAAR} en {laatste_jaar}.")
    return int(jaar_tekst)


def _getal(tekst: str, kolom: str, eenheid: str | None, verplicht: bool) -> Decimal | None:
    """Read as the back office reads it (communitycare.lib.bedragen), except that a lone
    dot is a decimal point: data files write "53.4"."""
    try:
        getal = lees_getal(tekst, punt_duizendtal=False)
    except GeenGetal as fout:
        raise RegelFout(f"{kolom} {fout}") from None
    tekst = tekst.strip()
    if getal is None:
        if verplicht:
            raise RegelFout(f"{kolom} is leeg.")
        return None
    if -int(getal.as_tuple().exponent) > 2:  # lees_getal reads only finite numbers
        hint = ""
        if is_duizendtallen(tekst):
            # "1.000": a thousand to a Dutch reader, one to a data file; ask, never guess.
            hint = f" Bedoelt u {tekst.replace('.', '')}? Schrijf het dan zonder punt."
        raise RegelFout(f"{kolom} '{tekst}': hoogstens twee cijfers achter de komma.{hint}")
    if getal < 0 or getal > MAX_GETAL:
        raise RegelFout(f"{kolom} '{tekst}' mag niet negatief of zo groot zijn.")
    if eenheid == Eenheid.PROCENT and getal > 100:
        raise RegelFout(f"{kolom} '{tekst}' is een percentage boven de 100.")
    return getal


def _ja_nee(tekst: str) -> bool:
    tekst = tekst.strip().lower()
    if tekst in JA:
        return True
    if tekst in NEE:
        return False
    raise RegelFout(f"demo '{tekst}' moet ja of nee zijn.")
