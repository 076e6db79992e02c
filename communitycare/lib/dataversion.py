"""One version of everything the public pages show, changed by every write to it.

Public pages are cached under this version (see `pagecache`), so an edit shows on the
very next request through every app server, without tracking which page shows which
row. The version lives in the shared cache; writes are noticed below the ORM, so bulk
updates and raw SQL count too. A write outside both a request and a transaction (a
shell session) shows once the cached pages expire (`PAGINA_CACHE_SECONDEN`).
"""

import logging
import re
import secrets
from typing import Any

from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

KEY = "data-versie"
# Tables whose rows the public pages show: those of the portal's own apps.
WATCHED_PREFIXES = (
    "wijken_",
    "mogelijkheden_",
    "openkoffie_",
    "wijkdata_",
    "doeboekje_",
    "initiatieven_",
    "wijkplan_",
)
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)


def bump() -> None:
    """A fresh, never reused value: concurrent bumps can never settle on an old one."""
    try:
        cache.set(KEY, secrets.token_hex(8), timeout=None)
    except Exception:  # the write is committed: a cache outage must not fail its request
        logger.exception("Dataversie niet vernieuwd: de cache is niet bereikbaar")


def current() -> str:
    return read_with(KEY)[0]


def read_with(key: str) -> tuple[str, Any]:
    """The data version and the cached value under `key`, in one cache round trip."""
    _bump_for_own_writes()
    values = cache.get_many([KEY, key])
    versie = values.get(KEY)
    if versie is None:  # evicted or never set: start afresh, old entries never match
        cache.add(KEY, secrets.token_hex(8), timeout=None)
        versie = cache.get(KEY)
    return versie, values.get(key)


def _take_flag(name: str) -> bool:
    """Whether any of this thread's connections has the flag; clears it on all."""
    gezet = False
    for connection in connections.all(initialized_only=True):
        gezet |= getattr(connection, name, False)
        setattr(connection, name, False)
    return gezet


def _bump_for_own_writes() -> None:
    """This thread wrote and has not committed yet (a test, or a view reading back)."""
    if _take_flag("data_versie_gewijzigd"):
        bump()


def _bump_after_commit() -> None:
    _take_flag("data_versie_gewijzigd")
    bump()


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match and match.group(1).lower().startswith(WATCHED_PREFIXES):
        _after_write(context["connection"])
    return result


def _after_write(connection: BaseDatabaseWrapper) -> None:
    connection.data_versie_gewijzigd = True  # type: ignore[attr-defined]  # our flag
    # In a transaction: bump after the commit, so no reader caches the old rows under the
    # new version; once per transaction (Django keeps pending callbacks on the connection).
    # Autocommit: committed already, but the statement's cursor may still be open (SQLite
    # steps INSERT ... RETURNING lazily), so the bump waits for the end of the request or
    # this thread's next read of the version.
    pending = connection.run_on_commit
    if not connection.in_atomic_block:
        connection.data_versie_na_request = True  # type: ignore[attr-defined]
    elif not any(entry[1] is _bump_after_commit for entry in pending):
        transaction.on_commit(_bump_after_commit, using=connection.alias)


def bump_after_request(**kwargs) -> None:
    """The request wrote outside a transaction (a login's last_login, say)."""
    if _take_flag("data_versie_na_request"):
        _bump_after_commit()


def install(connection: BaseDatabaseWrapper, **kwargs) -> None:
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)
