"""The benchmark's seed (benchmarks/seed.py) at a small volume: consistent rows in every
app, and the pages the benchmark measures render with them."""

import importlib.util

import pytest
from django.conf import settings
from django.db import connection

from initiatieven.models import Initiatief, Status
from openkoffie.models import AgendaOnderdeel, OpenKoffie
from wijken.base.models import User, Wijk
from wijken.doeboekje.models import DoeBoekjeItem
from wijken.wijkdata.models import Wijkcijfer
from wijken.wijkplan.models import Wijkplan

spec = importlib.util.spec_from_file_location(
    "benchmark_seed", settings.BASE_DIR / "benchmarks" / "seed.py"
)
benchmark_seed = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark_seed)


@pytest.fixture
def manifest(db):
    manifest = benchmark_seed.seed(wijken=3, regios=2)
    connection.check_constraints()  # the foreign keys, deferred until a commit
    return manifest


def test_counts(manifest):
    counts = manifest["counts"]
    assert (counts["Regio"], counts["Wijk"], counts["Huis"]) == (2, 3, 3)
    assert counts["Initiatief"] == Initiatief.objects.count() == 90
    assert counts["DoeBoekjeItem"] == DoeBoekjeItem.objects.count() == 60
    assert counts["Wijkverbinder"] == 24
    assert Wijkplan.objects.count() == 3
    assert Wijkcijfer.objects.indicatoren().count() == 3 * 4 * 4
    assert counts["AgendaOnderdeel"] == 4 * OpenKoffie.objects.count()
    assert AgendaOnderdeel.objects.count() == counts["AgendaOnderdeel"]
    assert set(Initiatief.objects.values_list("status", flat=True)) > {"actief", "idee"}


def test_the_rows_keep_the_models_rules(manifest):
    for initiatief in Initiatief.objects.filter(status=Status.ACTIEF):
        assert initiatief.ontbreekt_voor_actief() == [], initiatief
    wijk = Wijk.objects.get(slug="benchwijk-0")
    assert wijk.coordinatoren.get().username == "bench-coordinator"
    for login in manifest["logins"].values():
        assert User.objects.get(username=login["username"]).check_password(login["password"])
    # The ids were given by the seed: the sequences must carry on after them.
    assert Initiatief.objects.create(wijk=wijk, naam="Nieuw", slug="nieuw").pk > 90


def test_the_benchmarked_pages_render(client, manifest):
    users = {
        rol: User.objects.get(username=login["username"])
        for rol, login in manifest["logins"].items()
    }
    for naam, page in manifest["pages"].items():
        client.logout()
        if "login" in page:
            client.force_login(users[page["login"]])
        response = client.get(page["path"], headers=page.get("headers", {}))
        assert response.status_code == 200, naam
