"""benchmarks/mixed_load.py in short: readers and editors on two app servers, nothing lost."""

import os
import re
import subprocess
import sys

import pytest
from django.db import connection

from tests.appserver import ROOT, database_url

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the app servers share a PostgreSQL database"
)


def test_a_short_mixed_load_loses_nothing(transactional_db):
    command = [sys.executable, "benchmarks/mixed_load.py", "--seconds", "20"]
    command += ["--servers", "2", "--workers", "2"]
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    writes = re.search(r"acknowledged writes: (\{.*\})", run.stdout).group(1)
    for kind in ["begrotingsregel", "actie", "bespreekpunt"]:
        assert re.search(rf"'{kind}': [1-9]", writes), run.stdout
    assert re.search(r"statuses: \{'200': \d+, '302': \d+\}", run.stdout), run.stdout
