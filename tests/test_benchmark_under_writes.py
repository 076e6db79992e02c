"""The benchmark under writes (benchmarks/under_writes.py, via run.py) at a tiny scale:
it seeds, reads, writes, logs in and prints its figures, and every request succeeded."""

import os
import re
import subprocess
import sys

import pytest
from django.db import connection

from tests.appserver import ROOT, database_url

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL"
)


def test_the_run_under_writes_works_at_a_tiny_scale(transactional_db, tmp_path):
    command = [sys.executable, "benchmarks/run.py", "--part", "writes", "--wijken", "4"]
    command += ["--read-wijken", "2", "--write-wijken", "2", "--mixed-seconds", "1"]
    command += ["--connections", "4", "--results", str(tmp_path)]
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    for phase in ["trivial", "reads", "conditional reads", "reads under writes", "uncached reads"]:
        assert re.search(rf"^{phase} +\d+ +\d+%", run.stdout, re.M), run.stdout
    assert re.search(r"^conditional reads .* 100% +-$", run.stdout, re.M), run.stdout
    assert re.search(r"Writes: .*'302': [1-9]", run.stdout), run.stdout
    assert "reads under writes >= 80% of reads without" in run.stdout
    assert list(tmp_path.glob("2*.json"))
