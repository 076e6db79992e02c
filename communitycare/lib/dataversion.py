"""Versions of what the public pages show, one per cache scope, changed by the writes to it.

A scope names a part of the public site (`communitycare.lib.scopes`): one wijk and all
under its address, or one cross-wijk list. A public page is cached under the versions of
its scopes and the global version (`pagecache.page_version`), all in the shared cache, so
an edit shows on the very next request through every app server, while the pages of
other wijken stay warm.

Which rows show where is the domain's to say: each portal app registers its models with
`register(model, scopes_of)`, or `register(model)` for rows no public page shows (users'
logins, volunteers' names, history). Receivers on every save, delete and m2m change,
whatever path made it (views, the admin, the API, commands), collect the scopes of the
row before and after (a row moved to another wijk, a renamed wijk, leaves its old pages
too) and bump them after commit, once per scope per transaction; a rollback bumps none.

The fallback, so nothing is ever stale: writes are also noticed below the ORM. A write to
a portal table that no save, delete or m2m change of a registered model explains
(queryset .update(), bulk_create, raw SQL: the wijkdata import, the benchmark seed) bumps
the global version, which every page includes. Domain code on a common path names the
row its bulk write shows with instead (`bulk_write`). A write outside both a request and a
transaction (a shell session) shows once the cached pages expire (`PAGINA_CACHE_SECONDEN`).
"""

import functools
import logging
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from communitycare.lib.scopes import met_alle_wijken

logger = logging.getLogger(__name__)

GLOBAL = "*"
KEY = "data-versie"  # the global version; a scope's is KEY:<scope>
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)

ScopesOf = Callable[[Any], Iterable[str]]
# Per model: the scopes a row shows in (None: no public page shows it), and the fields a
# page shows (None: all), so a save that changes none of them bumps nothing.
_registry: dict[type[Model], tuple[ScopesOf | None, frozenset[str] | None]] = {}


def register(
    model: type[Model], scopes_of: ScopesOf | None = None, *, fields: Iterable[str] = ()
) -> None:
    """`scopes_of(row)`: the scopes a row of `model` appears in, read from the row and
    the database (its parents still exist when it is deleted). Without it: never public."""
    _registry[model] = (scopes_of, frozenset(fields) or None)
    watched_tables.cache_clear()


@functools.cache
def watched_tables() -> frozenset[str]:
    """The tables of every app with a registered model, their m2m tables included: the
    portal's own apps, whose rows the public pages show. Derived, so a new app is
    watched the moment it registers a model."""
    labels = {model._meta.app_label for model in _registry}
    return frozenset(
        model._meta.db_table
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


def is_registered(model: type[Model]) -> bool:
    return model._meta.concrete_model in _registry


def _key(scope: str) -> str:
    return KEY if scope == GLOBAL else f"{KEY}:{scope}"


def bump(scopes: Iterable[str]) -> None:
    """Fresh, never reused values: concurrent bumps can never settle on an old one."""
    nieuw = {_key(scope): secrets.token_hex(8) for scope in met_alle_wijken(scopes)}
    if not nieuw:
        return
    try:
        cache.set_many(nieuw, timeout=None)
    except Exception:  # the write is committed: a cache outage must not fail its request
        logger.exception("Dataversie niet vernieuwd: de cache is niet bereikbaar")


def current(scope: str = GLOBAL) -> str:
    return read_with([] if scope == GLOBAL else [scope])[0]


def read_with(scopes: Iterable[str], key: str | None = None) -> tuple[str, Any]:
    """The version of the global data and `scopes` together, and the cached value under
    `key`, in one cache round trip."""
    _bump_for_own_writes()
    keys = [KEY, *(_key(scope) for scope in scopes)]
    values = cache.get_many([*keys, key] if key else keys)
    versies = []
    for versie_key in keys:
        versie = values.get(versie_key)
        if versie is None:  # evicted or never set: start afresh, old entries never match
            cache.add(versie_key, secrets.token_hex(8), timeout=None)
            versie = cache.get(versie_key)
        versies.append(versie)
    return "|".join(versies), values.get(key) if key else None


# --- bumps after commit ------------------------------------------------------------------


class _Bump:
    """The scopes one transaction changed at one savepoint level: Django drops this
    callback with a rolled-back savepoint or transaction, so its scopes are never bumped."""

    def __init__(self, gedaan: set[str]):
        self.scopes: set[str] = set()
        self.ongelezen: set[str] = set()  # not yet bumped by this thread's own read
        self.gedaan = gedaan  # shared by the transaction's callbacks: each scope once

    def add(self, scopes: set[str]) -> None:
        self.scopes |= scopes
        self.ongelezen |= scopes

    def __call__(self) -> None:
        nieuw = self.scopes - self.gedaan
        self.gedaan |= nieuw
        bump(nieuw)


def _bumps(connection: BaseDatabaseWrapper) -> list[tuple[set, _Bump]]:
    # Django keeps (savepoint ids, function, robust) per callback.
    return [
        (entry[0], entry[1]) for entry in connection.run_on_commit if isinstance(entry[1], _Bump)
    ]


def _pending(connection: BaseDatabaseWrapper, scopes: set[str], now: bool = True) -> None:
    """Bump `scopes` after the commit. Autocommit: committed already; `now=False` when the
    statement's cursor may still be open (SQLite steps INSERT ... RETURNING lazily): then
    the bump waits for the end of the request or this thread's next read of a version."""
    if not scopes:
        return
    if not connection.in_atomic_block:
        if now:
            bump(scopes)
        else:
            connection.data_versie_na_request = _na_request(connection) | scopes  # type: ignore[attr-defined]
        return
    bestaand = _bumps(connection)
    sids = set(connection.savepoint_ids)
    for callback_sids, func in bestaand:
        if callback_sids == sids:
            func.add(scopes)
            return
    func = _Bump(bestaand[0][1].gedaan if bestaand else set())
    func.add(scopes)
    transaction.on_commit(func, using=connection.alias)


def _na_request(connection: BaseDatabaseWrapper) -> set[str]:
    return getattr(connection, "data_versie_na_request", set())


def _bump_for_own_writes() -> None:
    """This thread wrote and has not committed yet (a test, or a view reading back)."""
    for connection in connections.all(initialized_only=True):
        scopes = _na_request(connection)
        connection.data_versie_na_request = set()  # type: ignore[attr-defined]
        for _, func in _bumps(connection):
            scopes |= func.ongelezen
            func.ongelezen = set()
        bump(scopes)


def bump_after_request(**kwargs) -> None:
    """The request wrote outside a transaction."""
    for connection in connections.all(initialized_only=True):
        bump(_na_request(connection))
        connection.data_versie_na_request = set()  # type: ignore[attr-defined]


# --- what a write shows in: receivers ------------------------------------------------------


# Per connection, the tables a save, delete or m2m change of a registered model is
# writing right now: their writes are explained by the receivers, not the fallback.
def _windows(connection: BaseDatabaseWrapper) -> Counter:
    if not hasattr(connection, "data_versie_vensters"):
        connection.data_versie_vensters = Counter()  # type: ignore[attr-defined]
    return connection.data_versie_vensters  # type: ignore[attr-defined]


def _tables(model: type[Model]) -> list[str]:
    return [m._meta.db_table for m in (model, *model._meta.get_parent_list())]


def _through_tables(model: type[Model]) -> list[str]:
    """The m2m tables whose rows a delete of `model` takes along (no signal tells)."""
    tables = []
    for field in model._meta.get_fields(include_hidden=True):
        if field.many_to_many:
            # A ManyToManyRel (the reverse side) holds it, a ManyToManyField its rel.
            through = getattr(field, "through", None) or field.remote_field.through  # type: ignore[union-attr]
            if through._meta.auto_created:
                tables.append(through._meta.db_table)
    return tables


def _entry(sender) -> tuple[type[Model], ScopesOf | None, frozenset[str] | None] | None:
    model = sender._meta.concrete_model  # proxies count as their model
    if model not in _registry:
        return None
    return model, *_registry[model]


STASH = "_data_versie_scopes"


def _before_save(sender, instance, raw=False, using=None, update_fields=None, **kwargs):
    entry = _entry(sender)
    if entry is None:
        return
    model, scopes_of, fields = entry
    _windows(connections[using]).update(_tables(model))
    stash: set[str] | None = None  # None: this save shows nowhere
    if raw:  # loaddata: the row's parents may not be there yet
        stash = {GLOBAL}
    elif scopes_of is not None and not (
        fields and update_fields and fields.isdisjoint(update_fields)
    ):
        vorige = None
        if not instance._state.adding and instance.pk is not None:
            vorige = model._base_manager.using(using).filter(pk=instance.pk).first()
        if vorige is None or not fields or _changed(model, fields, vorige, instance):
            stash = set(scopes_of(vorige)) if vorige is not None else set()
    instance.__dict__[STASH] = stash


def _changed(model: type[Model], fields: frozenset[str], vorige, instance) -> bool:
    attnames = (model._meta.get_field(name).attname for name in fields)  # type: ignore[union-attr]
    return any(getattr(vorige, name) != getattr(instance, name) for name in attnames)


def _after_save(sender, instance, raw=False, using=None, **kwargs):
    entry = _entry(sender)
    if entry is None:
        return
    model, scopes_of, _ = entry
    connection = connections[using]
    _windows(connection).subtract(_tables(model))
    stash = instance.__dict__.pop(STASH, None)
    if stash is not None and not raw and scopes_of is not None:
        stash |= set(scopes_of(instance))
    _pending(connection, stash or set())


def _before_delete(sender, instance, using=None, **kwargs):
    entry = _entry(sender)
    if entry is None:
        return
    model, scopes_of, _ = entry
    _windows(connections[using]).update(_tables(model) + _through_tables(model))
    instance.__dict__[STASH] = set(scopes_of(instance)) if scopes_of else set()


def _after_delete(sender, instance, using=None, **kwargs):
    entry = _entry(sender)
    if entry is None:
        return
    model, _, _ = entry
    connection = connections[using]
    _windows(connection).subtract(_tables(model) + _through_tables(model))
    _pending(connection, instance.__dict__.pop(STASH, set()))


def _m2m(sender, instance, action: str, using=None, **kwargs):
    """Either side of the relation: the instance's scopes before and after say where the
    relation shows (a wijk's coordinatoren; a user's wijken as coordinator)."""
    entry = _entry(type(instance))
    if entry is None:
        return
    _, scopes_of, _ = entry
    connection = connections[using]
    table = sender._meta.db_table
    scopes = set(scopes_of(instance)) if scopes_of else set()
    if action.startswith("pre_"):
        _windows(connection)[table] += 1
        instance.__dict__[STASH + "_m2m"] = scopes
    else:
        _windows(connection)[table] -= 1
        _pending(connection, scopes | instance.__dict__.pop(STASH + "_m2m", set()))


@contextmanager
def bulk_write(model: type[Model], *, shown_with: Model) -> Iterator[None]:
    """Bulk writes to `model`'s table (bulk_create, bulk_update, queryset .update()) of
    rows that show where `shown_with` shows: its scopes are bumped, not the global version."""
    connection = connections[router.db_for_write(model)]
    tables = _tables(model._meta.concrete_model or model)
    _windows(connection).update(tables)
    try:
        yield
    finally:
        _windows(connection).subtract(tables)
    entry = _entry(type(shown_with))
    scopes_of = entry[1] if entry else None
    _pending(connection, set(scopes_of(shown_with)) if scopes_of else {GLOBAL})


def connect() -> None:
    """Called from WijkenConfig.ready(). No senders named: one dispatch serves all models,
    and `_entry` passes over those nobody registered."""
    pre_save.connect(_before_save, dispatch_uid="dataversion.pre_save")
    post_save.connect(_after_save, dispatch_uid="dataversion.post_save")
    pre_delete.connect(_before_delete, dispatch_uid="dataversion.pre_delete")
    post_delete.connect(_after_delete, dispatch_uid="dataversion.post_delete")
    m2m_changed.connect(_m2m, dispatch_uid="dataversion.m2m_changed")


# --- the fallback: writes below the ORM ----------------------------------------------------


def watch_writes(execute, sql, params, many, context):
    connection = context["connection"]
    match = WRITE.match(sql)
    table = match.group(1).lower() if match else ""
    try:
        result = execute(sql, params, many, context)
    except Exception:  # the save or delete stops here: its window must not stay open
        _windows(connection).pop(table, None)
        raise
    if table in watched_tables() and _windows(connection)[table] <= 0:
        _pending(connection, {GLOBAL}, now=False)
    return result


def install(connection: BaseDatabaseWrapper, **kwargs) -> None:
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)
