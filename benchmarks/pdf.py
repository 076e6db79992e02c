"""Benchmark: the wijkplan PDF (Bijlage 5): render seconds, peak memory, cached download.

Run against PostgreSQL as production does:
    scripts/with-postgres .venv/bin/python benchmarks/pdf.py
or on a throwaway SQLite file (the default when DATABASE_URL is not set). Seeds a regio
`benchpdf` with one wijk and a full wijkplan (every chapter written, 30 acties, 8 Open
Koffies, wijkdata for the charts), then prints the render time of a fresh PDF, the peak
Python memory of one render, and the time of a cached download. Exits non-zero when the
render takes over 2 s or the cached download over 50 ms.
"""

import datetime
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communitycare.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/benchmark.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from initiatieven.models import Begroting, Begrotingsregel, Categorie, Initiatief  # noqa: E402
from initiatieven.models import Status as InitiatiefStatus  # noqa: E402
from openkoffie.models import OpenKoffie  # noqa: E402
from wijken.base.indicatoren import Indicator  # noqa: E402
from wijken.base.models import Huis, Regio, Wijk, Wijkverbinder  # noqa: E402
from wijken.wijkdata.maten import Bron, Eenheid  # noqa: E402
from wijken.wijkdata.models import Wijkcijfer  # noqa: E402
from wijken.wijkplan.models import DELEN, Actie, Wijkplan  # noqa: E402

# Render targets in seconds per document, and for any cached download.
TARGETS = {"wijkplan": 2.0, "initiatiefbeschrijving": 1.0}
CACHED_TARGET = 0.050
TEKST = (
    "Op de Open Koffie van maart hebben we de cijfers besproken. Veel ouderen wonen "
    "alleen en willen graag vaker iemand zien; de bakker en de bibliotheek doen mee.\n\n"
    "- samen eten op zondag\n- een wandelclub op dinsdag\n- hulp bij klusjes\n\n"
)


def opruimen() -> None:
    Initiatief.objects.filter(wijk__regio__slug="benchpdf").delete()
    Wijk.objects.filter(regio__slug="benchpdf").delete()
    Regio.objects.filter(slug="benchpdf").delete()


def seed() -> dict[str, str]:
    opruimen()
    regio = Regio.objects.create(naam="Benchpdf", slug="benchpdf")
    wijk = Wijk.objects.create(
        regio=regio,
        naam="Bänchwijk-Oosterbeemd",
        slug="benchwijk",
        contact_voor_vragen="Receptie, 045 555 0000",
    )
    huis = Huis.objects.create(wijk=wijk, naam="Huize Bench", adres="Dorpsstraat 1")
    for i in range(12):
        Wijkverbinder.objects.create(wijk=wijk, naam=f"Verbinder {i}", toestemming_publiek=i % 2)
    Wijkcijfer.objects.bulk_create(
        Wijkcijfer(
            wijk=wijk,
            maat=indicator,
            jaar=jaar,
            waarde=40 + jaar % 7,
            eenheid=Eenheid.PROCENT,
            bron=Bron.RIVM,
            vergelijking_gemeente=44,
        )
        for indicator in Indicator.values
        for jaar in (2020, 2022, 2024)
    )
    plan = Wijkplan.objects.create(wijk=wijk, **{deel.veld: TEKST * 3 for deel in DELEN})
    vandaag = timezone.localdate()
    Actie.objects.bulk_create(
        Actie(
            wijkplan=plan,
            omschrijving=f"Actie {i}: flyers bij de huisarts en de apotheek leggen",
            wie="Sandra en Lies",
            voor_wanneer=vandaag + datetime.timedelta(days=14 * i - 60),
            afgerond=i % 4 == 0,
            volgorde=i,
        )
        for i in range(1, 31)
    )
    for i in range(8):
        begin = timezone.now() + datetime.timedelta(days=30 * i + 1)
        OpenKoffie.objects.create(
            wijk=wijk, huis=huis, begin=begin, einde=begin + datetime.timedelta(hours=2)
        )
    initiatief = Initiatief.objects.create(
        wijk=wijk,
        naam="Samen op stap voor 'n boodschap",
        slug="samen-op-stap",
        status=InitiatiefStatus.ACTIEF,
        globale_beschrijving=TEKST,
        aanpak=TEKST,
    )
    begroting = Begroting.objects.create(
        initiatief=initiatief,
        status=Begroting.Stand.GOEDGEKEURD,
        goedgekeurd_op=timezone.now(),
        goedgekeurde_versie=1,
    )
    Begrotingsregel.objects.bulk_create(
        Begrotingsregel(
            begroting=begroting,
            categorie=Categorie.values[i % len(Categorie.values)],
            omschrijving=f"Regel {i}: koffie, thee en vlaai voor de deelnemers",
            bedrag=25 * (i + 1),
            betaler=["Sevagram", "Gemeente", "Seniorenvereniging"][i % 3],
            looptijd="1 jaar",
        )
        for i in range(12)
    )
    return {
        "wijkplan": f"/{regio.slug}/{wijk.slug}/wijkplan.pdf",
        "initiatiefbeschrijving": (
            f"/{regio.slug}/{wijk.slug}/initiatieven/{initiatief.slug}/beschrijving.pdf"
        ),
    }


def measure(client: Client, naam: str, url: str) -> bool:
    renders = []
    for _ in range(3):
        cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        renders.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code

    cache.clear()
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    cached = []
    for _ in range(20):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        cached.append(time.perf_counter() - start)

    render, hit = statistics.median(renders), statistics.median(cached)
    print(f"{naam} PDF ({len(response.content) // 1024} kB)")
    print(f"  render: {render:.2f} s median of 3 (target <= {TARGETS[naam]} s)")
    print(f"  peak Python memory of one render: {peak / 2**20:.1f} MiB (tracemalloc)")
    print(f"  cached download: {hit * 1000:.1f} ms median of 20 (target <= 50 ms)")
    return render <= TARGETS[naam] and hit <= CACHED_TARGET


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    urls = seed()
    client = Client(HTTP_HOST="localhost")
    print(f"database: {django.db.connection.vendor}")
    gehaald = [measure(client, naam, url) for naam, url in urls.items()]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {rss:.0f} MiB (getrusage)")
    opruimen()
    return 0 if all(gehaald) else 1


if __name__ == "__main__":
    sys.exit(main())
