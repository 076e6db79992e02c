"""`manage.py import_wijkdata`: every row checked, all or nothing, idempotent."""

import time
import tracemalloc
from decimal import Decimal
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from tests.factories import WijkFactory
from wijken.wijkdata.importer import lees_bytes, maak_plan
from wijken.wijkdata.maten import MAAT_LABELS
from wijken.wijkdata.models import Wijkcijfer

KOP = "cbs_code,maat,jaar,waarde,eenheid,bron,vergelijking_gemeente,demo\n"


@pytest.fixture
def wijken(wijk_a, wijk_b):
    wijk_a.cbs_code = "WK099401"
    wijk_a.save()
    wijk_b.cbs_code = "WK091707"
    wijk_b.save()
    return wijk_a, wijk_b


def bestand(tmp_path: Path, tekst: str, encoding: str = "utf-8") -> str:
    pad = tmp_path / "wijkdata.csv"
    pad.write_bytes(tekst.encode(encoding))
    return str(pad)


def importeer(pad: str) -> str:
    uit = StringIO()
    call_command("import_wijkdata", pad, stdout=uit)
    return uit.getvalue()


def snapshot():
    return list(Wijkcijfer.objects.order_by("pk").values())


def test_imports_and_reports_counts(wijken, tmp_path):
    pad = bestand(
        tmp_path,
        KOP
        + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja\n"
        + "WK091707,inwoners,2024,6875,aantal,cbs,,nee\n",
    )
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd" in importeer(pad)
    cijfer = Wijkcijfer.objects.get(wijk=wijken[0])
    assert (cijfer.maat, cijfer.jaar, str(cijfer.waarde), cijfer.demo) == (
        "eenzaamheid",
        2022,
        "53.40",
        True,
    )
    assert str(cijfer.vergelijking_gemeente) == "50.10"


def test_importing_the_same_file_twice_changes_nothing(wijken, tmp_path):
    pad = bestand(tmp_path, KOP + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja\n")
    importeer(pad)
    voor = snapshot()
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in importeer(pad)
    assert snapshot() == voor


def test_a_changed_value_is_updated(wijken, tmp_path):
    importeer(bestand(tmp_path, KOP + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja\n"))
    uit = importeer(bestand(tmp_path, KOP + "WK099401,eenzaamheid,2022,54,procent,rivm,50.1,ja\n"))
    assert "0 nieuw, 1 gewijzigd, 0 ongewijzigd" in uit
    assert Wijkcijfer.objects.get().waarde == 54


def test_one_bad_row_refuses_the_file_with_its_line_number(wijken, tmp_path):
    importeer(bestand(tmp_path, KOP + "WK099401,eenzaamheid,2020,49.8,procent,rivm,49.5,ja\n"))
    voor = snapshot()
    pad = bestand(
        tmp_path,
        KOP
        + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja\n"
        + "WK099401,eenzaamheid,2020,50.0,procent,rivm,49.5,ja\n"
        + "WK099401,geluk,2022,7,procent,rivm,,ja\n",
    )
    fouten = StringIO()
    with pytest.raises(CommandError, match="1 foute regel"):
        call_command("import_wijkdata", pad, stdout=StringIO(), stderr=fouten)
    assert "Regel 4: onbekende maat 'geluk'" in fouten.getvalue()
    assert snapshot() == voor


@pytest.mark.parametrize(
    ("regel", "reden"),
    [
        ("WK999999,eenzaamheid,2022,50,procent,rivm,,", "geen wijk met CBS-wijkcode 'WK999999'"),
        ("WK099401,eenzaamheid,2022,50,aantal,rivm,,", "de eenheid van eenzaamheid is 'procent'"),
        ("WK099401,eenzaamheid,2022,50,procent,buurman,,", "onbekende bron 'buurman'"),
        ("WK099401,eenzaamheid,1850,50,procent,rivm,,", "'1850' is geen jaar"),
        ("WK099401,eenzaamheid,2022,veel,procent,rivm,,", "waarde 'veel' is geen getal"),
        ("WK099401,eenzaamheid,2022,,procent,rivm,,", "waarde is leeg"),
        ("WK099401,eenzaamheid,2022,101,procent,rivm,,", "percentage boven de 100"),
        ("WK099401,eenzaamheid,2022,-1,procent,rivm,,", "mag niet negatief"),
        ("WK099401,eenzaamheid,2022,50.123,procent,rivm,,", "hoogstens twee cijfers"),
        ("WK099401,inwoners,2022,2,400,aantal,cbs,,", "9 kolommen, de kopregel heeft er 8"),
        ("WK099401,eenzaamheid,2022,50,procent,rivm,,misschien", "demo 'misschien'"),
        ("WK099401,eenzaamheid,²⁰²²,50,procent,rivm,,", "'²⁰²²' is geen jaar"),
        ("WK099401,eenzaamheid," + "9" * 50 + ",50,procent,rivm,,", "geen jaar tussen"),
    ],
)
def test_every_reason_is_given_in_dutch(wijken, regel, reden):
    plan = maak_plan(KOP + regel + "\n")
    assert not plan.is_geldig
    assert [f.regel for f in plan.fouten] == [2]
    assert reden in str(plan.fouten[0])


def test_duplicate_rows_in_one_file_are_refused(wijken):
    plan = maak_plan(
        KOP
        + "WK099401,eenzaamheid,2022,53.4,procent,rivm,,\n"
        + "WK099401,eenzaamheid,2022,54.0,procent,rivm,,\n"
    )
    assert [str(f) for f in plan.fouten] == [
        "Regel 3: dezelfde wijk, maat, jaar en bron staan al op regel 2."
    ]


def test_header_must_have_the_required_columns(wijken):
    plan = maak_plan("cbs_code;maat;jaar;waarde;kleur\nWK099401;eenzaamheid;2022;5;rood\n")
    assert [str(f) for f in plan.fouten] == [
        "Regel 1: onbekende kolom(men): kleur.",
        "Regel 1: de kolom(men) eenheid, bron ontbreken.",
    ]


def test_semicolons_decimal_commas_and_excel_encoding(wijken, tmp_path):
    tekst = "cbs_code;maat;jaar;waarde;eenheid;bron\nwk099401;Eenzaamheid;2022;53,4;%;RIVM\n"
    pad = bestand(tmp_path, tekst, encoding="cp1252")
    importeer(pad)
    assert str(Wijkcijfer.objects.get().waarde) == "53.40"
    assert lees_bytes("\ufeffcbs_code".encode()) == "cbs_code"
    bom = BytesIO(("\ufeff" + KOP + GOEDE_REGEL).encode())
    assert maak_plan(bom).is_geldig


def test_a_wijk_scope_refuses_rows_of_other_wijken(wijken):
    wijk_a, _ = wijken
    plan = maak_plan(KOP + "WK091707,eenzaamheid,2022,50,procent,rivm,,\n", wijk=wijk_a)
    assert "hier kunt u alleen cijfers van Valkenburg-Oosterbeemd (WK099401)" in str(plan.fouten[0])


def test_two_wijken_with_one_code_cannot_exist(wijken):
    """The import can trust a code to name one wijk (tests/test_security_small.py)."""
    with pytest.raises(IntegrityError):
        WijkFactory(cbs_code="WK099401", naam="Dubbel")


def test_unreadable_file(db):
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        call_command("import_wijkdata", "/bestaat/niet.csv")


def test_the_readme_example_file_imports_into_the_demo(db):
    call_command("load_demo", force=True, stdout=StringIO())
    pad = str(settings.BASE_DIR / "fixtures" / "wijkdata-demo.csv")
    assert "0 nieuw, 0 gewijzigd, 76 ongewijzigd" in importeer(pad)


def test_dry_run_writes_nothing(wijken, tmp_path):
    pad = bestand(tmp_path, KOP + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja\n")
    uit = StringIO()
    call_command("import_wijkdata", pad, "--proef", stdout=uit)
    assert "Proef, niets opgeslagen: 1 nieuw" in uit.getvalue()
    assert not Wijkcijfer.objects.exists()


# --- what no parser error may do: a 500, or a worker's memory ---------------------------

GOEDE_REGEL = "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1,ja"


@pytest.mark.parametrize("einde", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_every_line_ending_excel_writes(wijken, einde):
    """Excel's "CSV (Macintosh)" ends lines in a bare CR."""
    tekst = KOP.strip() + einde + GOEDE_REGEL + einde + GOEDE_REGEL.replace("2022", "2021")
    for bron in (tekst, BytesIO(tekst.encode("cp1252"))):
        plan = maak_plan(bron)
        assert plan.is_geldig, plan.fouten
        assert len(plan.nieuw) == 2
        assert [w.regel for w in plan.nieuw] == [2, 3]


@pytest.mark.parametrize(
    ("inhoud", "regel", "reden"),
    [
        # A quote that is never closed: the field grows past what csv accepts.
        (KOP + GOEDE_REGEL + '\nWK099401,"' + ("x" * 1500 + "\n") * 100, 3, "niet te lezen"),
        (KOP + "," * 5_000_000, 2, "langer dan 2000 tekens"),
        ("," * 5_000_000, 1, "langer dan 2000 tekens"),
    ],
    ids=["open aanhalingsteken", "duizenden kolommen", "kopregel"],
)
def test_a_file_csv_cannot_read_is_an_error_with_its_line(wijken, inhoud, regel, reden):
    plan = maak_plan(BytesIO(inhoud.encode()))
    assert not plan.is_geldig
    assert plan.fouten[-1].regel == regel
    assert reden in str(plan.fouten[-1])


@pytest.mark.parametrize(
    "inhoud", [b"", b"\x00" * 100, b"\x89PNG\r\n\x1a\n\x00\x00" * 1000, b"\xff\xfe" * 10]
)
def test_empty_or_binary_files_are_errors(wijken, inhoud):
    plan = maak_plan(BytesIO(inhoud))
    assert not plan.is_geldig


def gemeten(data: bytes) -> tuple:
    """The plan, the peak of memory allocated while making it, and the seconds it took
    (timed apart: tracemalloc makes Python several times slower)."""
    begin = time.perf_counter()
    maak_plan(BytesIO(data))
    seconden = time.perf_counter() - begin
    tracemalloc.start()
    try:
        plan = maak_plan(BytesIO(data))
        return plan, tracemalloc.get_traced_memory()[1], seconden
    finally:
        tracemalloc.stop()


MB = 1024 * 1024


@pytest.mark.parametrize(
    "regel",
    [
        "WK099401,geluk,2022,50,procent,rivm,,",  # every row a reason
        "WK099401,eenzaamheid,2022,50,procent,rivm",  # every row a column short
        GOEDE_REGEL,  # every row after the first a duplicate
    ],
)
def test_a_5_mb_bad_file_costs_little_memory_and_time(wijken, regel):
    data = (KOP + (regel + "\n") * (5 * MB // (len(regel) + 1))).encode()
    assert len(data) > 4.9 * MB
    plan, piek, seconden = gemeten(data)
    assert 200 <= len(plan.fouten) <= 201
    assert "Na 200 fouten is het lezen gestopt" in str(plan.fouten[-1])
    assert piek < 2 * MB, f"{piek / MB:.1f} MB"
    assert seconden < 5


def test_a_large_valid_file_costs_memory_by_its_rows_not_its_bytes(wijken):
    """Every figure of a wijk for 38 years from four sources, once: the most one wijk has."""
    regels = [
        f"WK099401,{maat},{jaar},50,{eenheid},{bron},,"
        for maat, eenheid in [("eenzaamheid", "procent"), ("inwoners", "aantal")]
        for jaar in range(1990, 2026)
        for bron in ["cbs", "ggd", "rivm", "eigen_peiling"]
    ]
    plan, piek, _ = gemeten((KOP + "\n".join(regels)).encode())
    assert plan.is_geldig and len(plan.nieuw) == len(regels) == 288
    assert piek < 4 * MB, f"{piek / MB:.1f} MB"


def test_eight_bad_rows_are_reported_at_once_with_their_fields(wijken):
    goed = "WK099401,eenzaamheid,2022,53.4,procent,rivm,,\n"
    fout = [
        "WK099401,eenzaamheid,2021,veel,procent,rivm,,\n",
        "WK099401,eenzaamheid,1850,50,procent,rivm,,\n",
        "WK099401,geluk,2022,50,procent,rivm,,\n",
        "WK099401,eenzaamheid,2020,50,procent,buurman,,\n",
        "WK999999,eenzaamheid,2022,50,procent,rivm,,\n",
        "WK099401,eenzaamheid,2019,1,2,3,procent,rivm\n",
        "WK099401,eenzaamheid,2018,50,procent,rivm,1,2,3\n",
        "WK099401,eenzaamheid,2017,50,procent,rivm,,misschien\n",
    ]
    plan = maak_plan(KOP + goed + "".join(fout))
    assert sorted({f.regel for f in plan.fouten}) == list(range(3, 11))  # one upload
    twee = maak_plan(KOP + goed + fout[0] + fout[2])
    assert [str(f) for f in twee.fouten] == [
        "Regel 3: waarde 'veel' is geen getal.",
        f"Regel 4: onbekende maat 'geluk'. Kies uit: {', '.join(MAAT_LABELS)}.",
    ]


def test_every_mistake_of_one_row_is_reported(wijken):
    plan = maak_plan(KOP + "WK099401,eenzaamheid,1850,veel,procent,buurman,1.2.3,misschien\n")
    redenen = [str(f) for f in plan.fouten]
    assert all(reden.startswith("Regel 2: ") for reden in redenen)
    assert len(redenen) == 5
    for stuk in [
        "bron 'buurman'",
        "jaar '1850'",
        "waarde 'veel'",
        "vergelijking_gemeente '1.2.3'",
        "demo 'misschien'",
    ]:
        assert any(stuk in reden for reden in redenen), stuk


def test_a_thousand_with_a_dot_is_asked_about_not_misread(wijken):
    plan = maak_plan(KOP + "WK099401,inwoners,2022,1.000,aantal,cbs,,\n")
    assert [str(f) for f in plan.fouten] == [
        "Regel 2: waarde '1.000': hoogstens twee cijfers achter de komma. "
        "Bedoelt u 1000? Schrijf het dan zonder punt."
    ]
    dutch = maak_plan(
        "cbs_code;maat;jaar;waarde;eenheid;bron\nWK099401;inwoners;2022;1.234,00;aantal;cbs\n"
    )
    assert dutch.is_geldig, dutch.fouten
    assert dutch.nieuw[0].cijfer.waarde == Decimal("1234")


def test_the_command_lists_every_bad_row_and_imports_nothing(wijken, tmp_path):
    regels = "".join(f"WK099401,eenzaamheid,{2010 + n},veel,procent,rivm,,\n" for n in range(8))
    pad = bestand(tmp_path, KOP + "WK099401,eenzaamheid,2022,53.4,procent,rivm,,\n" + regels)
    fouten = StringIO()
    with pytest.raises(CommandError):
        call_command("import_wijkdata", pad, stdout=StringIO(), stderr=fouten)
    assert all(f"Regel {n}: waarde 'veel'" in fouten.getvalue() for n in range(3, 11))
    assert fouten.getvalue().count("is geen getal") == 8
    assert not Wijkcijfer.objects.exists()
