"""Benchmark: `import_wijkdata` with 1,000 wijken x 20 values must take at most 10 s.

Run against PostgreSQL as production does:
    scripts/with-postgres .venv/bin/python benchmarks/import_wijkdata.py
or on a throwaway SQLite file (the default when DATABASE_URL is not set). The script
migrates the database, adds a regio `benchimport` with 1,000 wijken, writes the CSV,
and times three imports: all new, all unchanged (idempotent), and all changed. It
removes its regio afterwards and exits non-zero when any import takes over 10 s.
"""

import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communitycare.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from wijken.base.models import Regio, Wijk  # noqa: E402
from wijken.wijkdata.maten import EENHEID, MAAT_CHOICES, Bron, Eenheid  # noqa: E402
from wijken.wijkdata.models import Wijkcijfer  # noqa: E402

WIJKEN = 1000
JAREN = [2022, 2024]
LIMIET_SECONDEN = 10.0
MATEN = [code for code, _ in MAAT_CHOICES]  # 11 measures x 2 years, cut to 20 values


def schrijf_csv(pad: Path, codes: list[str], verschuiving: int) -> int:
    waarden = [(maat, jaar) for maat in MATEN for jaar in JAREN][:20]
    with pad.open("w", newline="") as handle:
        schrijver = csv.writer(handle)
        schrijver.writerow(
            ["cbs_code", "maat", "jaar", "waarde", "eenheid", "bron", "vergelijking_gemeente"]
        )
        for i, code in enumerate(codes):
            for j, (maat, jaar) in enumerate(waarden):
                eenheid = EENHEID[maat]
                waarde = (i + j + verschuiving) % 100 if eenheid == Eenheid.PROCENT else 1000 + i
                schrijver.writerow([code, maat, jaar, waarde, eenheid, Bron.CBS, 50])
    return len(codes) * len(waarden)


def importeer(pad: Path, wat: str) -> float:
    begin = time.perf_counter()
    call_command("import_wijkdata", str(pad))
    duur = time.perf_counter() - begin
    print(f"  {wat:<28} {duur:6.2f} s")
    return duur


def main() -> int:
    call_command("migrate", verbosity=0)
    regio, _ = Regio.objects.get_or_create(slug="benchimport", defaults={"naam": "Benchimport"})
    Wijk.objects.filter(regio=regio).delete()
    Wijk.objects.bulk_create(
        Wijk(regio=regio, naam=f"Wijk {i}", slug=f"wijk-{i}", cbs_code=f"WK9{i:05d}")
        for i in range(WIJKEN)
    )
    codes = list(Wijk.objects.filter(regio=regio).values_list("cbs_code", flat=True))
    try:
        with tempfile.TemporaryDirectory() as map_:
            eerste, tweede = Path(map_) / "eerste.csv", Path(map_) / "tweede.csv"
            regels = schrijf_csv(eerste, codes, verschuiving=0)
            schrijf_csv(tweede, codes, verschuiving=7)
            print(f"import_wijkdata: {WIJKEN} wijken, {regels} regels")
            tijden = [
                importeer(eerste, "eerste keer (alles nieuw)"),
                importeer(eerste, "nog eens (niets verandert)"),
                importeer(tweede, "alles gewijzigd"),
            ]
        assert Wijkcijfer.objects.filter(wijk__regio=regio).count() == regels
    finally:
        Wijk.objects.filter(regio=regio).delete()
        regio.delete()
    if max(tijden) > LIMIET_SECONDEN:
        print(f"TE TRAAG: de limiet is {LIMIET_SECONDEN:.0f} s.", file=sys.stderr)
        return 1
    print(f"Binnen de limiet van {LIMIET_SECONDEN:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
