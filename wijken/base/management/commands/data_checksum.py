"""Row counts and checksums of the portal's tables, to check a backup against its restore.

The checksum of a table is a SHA-256 over its rows, each serialised through the ORM as
JSON, in an order that does not depend on where the database keeps them: by primary key,
or by the whole row where the id is no part of the data. Those are the link tables of
many-to-many fields, and the users, groups, permissions and content types: a restore of a
dumpdata export with natural keys gives these new ids, and every reference to them is
therefore read as their natural key (username, group name, app label and codename).
Every other table is compared with its ids, which the portal's URLs show. Two databases
with the same data give the same checksums, whichever way they were filled.
"""

import datetime
import decimal
import hashlib
import json
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, models

# The portal's own apps, and Django's auth (groups and their permissions).
DEFAULT_APPS = ["auth", "wijken", "initiatieven", "openkoffie"]


def natural_key_lookups() -> dict[type[models.Model], list[str]]:
    """The models identified by their natural key, and the lookups that read it."""
    user = get_user_model()
    return {
        user: [user.USERNAME_FIELD],
        Group: ["name"],
        Permission: ["content_type__app_label", "content_type__model", "codename"],
        ContentType: ["app_label", "model"],
    }


def _json_default(value):
    if isinstance(value, datetime.datetime | datetime.time):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | datetime.timedelta):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _to_milliseconds(value):
    if isinstance(value, datetime.datetime | datetime.time):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def _serialise(row, milliseconds: bool = False) -> bytes:
    if milliseconds:
        row = [_to_milliseconds(value) for value in row]
    return json.dumps(
        row, default=_json_default, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode()


def checksum_models(app_labels: list[str] | None = None) -> list[type[models.Model]]:
    """Every model with its own table in these apps, the many-to-many link tables included."""
    result, seen = [], set()
    for label in app_labels or DEFAULT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            meta = model._meta
            if meta.proxy or not meta.managed or meta.db_table in seen:
                continue
            seen.add(meta.db_table)
            result.append(model)
    return sorted(result, key=lambda model: model._meta.db_table)


def _columns(model: type[models.Model], with_pk: bool) -> list[str]:
    """The lookups that read each column; a reference to a model with a natural key reads
    that key (through a join that cannot drop the row: the column is nullable, an outer
    join, or a real foreign key)."""
    natural = natural_key_lookups()
    lookups = []
    for field in model._meta.concrete_fields:
        if field.primary_key and not with_pk:
            continue
        target = field.related_model if field.is_relation else None
        if target in natural and (field.null or field.db_constraint):
            lookups += [f"{field.name}__{part}" for part in natural[target]]
        else:
            lookups.append(field.attname)
    return lookups


def table_checksum(
    model: type[models.Model], using: str = DEFAULT_DB_ALIAS, milliseconds: bool = False
) -> dict:
    """{"rows": n, "sha256": hex} of one table, independent of the rows' physical order.

    `milliseconds` compares times to the millisecond: Django's JSON serialiser (dumpdata)
    keeps no more than that."""
    by_pk = not (model._meta.auto_created or model in natural_key_lookups())
    lookups = _columns(model, with_pk=by_pk)
    # Integer keys sort the same in every database, which can then stream the rows;
    # anything else is sorted here, independent of the database's collation.
    stream = by_pk and isinstance(model._meta.pk, models.IntegerField)
    queryset = model._base_manager.using(using).values_list(*lookups)
    digest = hashlib.sha256(_serialise(lookups) + b"\n")
    rows = 0
    if stream:
        rows_in_order = queryset.order_by("pk").iterator(2000)
        serialised = (_serialise(row, milliseconds) for row in rows_in_order)
    else:
        serialised = sorted(_serialise(row, milliseconds) for row in queryset.order_by())
    for line in serialised:
        digest.update(line + b"\n")
        rows += 1
    return {"rows": rows, "sha256": digest.hexdigest()}


def table_checksums(
    app_labels: list[str] | None = None,
    using: str = DEFAULT_DB_ALIAS,
    milliseconds: bool = False,
) -> dict[str, dict]:
    """Per table name: the model, its row count and checksum."""
    return {
        model._meta.db_table: {
            "model": model._meta.label,
            **table_checksum(model, using, milliseconds),
        }
        for model in checksum_models(app_labels)
    }


def total_checksum(tables: dict[str, dict]) -> str:
    """One checksum over all the tables, to compare two databases at a glance."""
    digest = hashlib.sha256()
    for name in sorted(tables):
        digest.update(f"{name} {tables[name]['rows']} {tables[name]['sha256']}\n".encode())
    return digest.hexdigest()


class Command(BaseCommand):
    help = (
        "Prints per table the number of rows and a checksum of the data that does not depend "
        "on the physical order of the rows: run it before a backup and after the restore, "
        "the output must be the same."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "app_label",
            nargs="*",
            help=f"Only the tables of these apps (default: {', '.join(DEFAULT_APPS)}).",
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help="Output as JSON.")
        parser.add_argument(
            "--milliseconds",
            action="store_true",
            help="Compare times to the millisecond, the precision of a dumpdata "
            "JSON export (pg_dump keeps microseconds: compare those without this option).",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="The database alias to read."
        )

    def handle(self, *args, app_label, as_json, milliseconds, database, **options):
        try:
            tables = table_checksums(app_label or None, database, milliseconds)
        except LookupError as error:
            raise CommandError(str(error)) from error
        total = {"rows": sum(t["rows"] for t in tables.values()), "sha256": total_checksum(tables)}
        if as_json:
            self.stdout.write(json.dumps({"tables": tables, "total": total}, indent=2))
            return
        width = max(len(name) for name in tables)
        for name, table in tables.items():
            self.stdout.write(f"{name:<{width}}  {table['rows']:>8}  {table['sha256']}")
        self.stdout.write(f"{'total':<{width}}  {total['rows']:>8}  {total['sha256']}")
