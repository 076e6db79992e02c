"""The database setting from DATABASE_URL, with SQLite tuned for concurrent writers."""

from pathlib import Path

import dj_database_url

# WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at
# BEGIN so two writers queue on busy_timeout instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=20000;"
        "PRAGMA foreign_keys=ON;"
    ),
}


def database_from_url(url: str, default_sqlite_path: Path) -> dj_database_url.DBConfig:
    if not url:
        url = f"sqlite:///{default_sqlite_path}"
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    else:
        config["CONN_MAX_AGE"] = 60
        # JIT compiles a query whose estimated cost is high, and the portal's many small
        # correlated subqueries (the programme dashboard's figures) are estimated high:
        # measured on the national data set it spent ~100 ms compiling a query that runs in
        # 20, and made every uncached public page ~1.5-2x slower. A URL's own options win.
        config["OPTIONS"] = {"options": "-c jit=off", **config.get("OPTIONS", {})}
    config["ATOMIC_REQUESTS"] = False
    return config
