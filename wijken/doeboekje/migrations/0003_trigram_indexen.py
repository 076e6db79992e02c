"""Trigram indexes for the doe-boekje's substring search (PostgreSQL only).

`DoeBoekjeItemQuerySet.zoek` filters with icontains, which PostgreSQL runs as
UPPER(field) LIKE UPPER('%word%'): GIN trigram indexes on exactly those expressions
turn a scan of every entry in the country into an index lookup. SQLite has no such
index and searches its (small) database as before.
"""

from django.db import migrations

VELDEN = ["naam", "beschrijving", "voor_wie", "waar", "wanneer"]


def maak(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for veld in VELDEN:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS doeboekje_{veld}_trgm "
            f"ON doeboekje_doeboekjeitem USING gin (UPPER({veld}::text) gin_trgm_ops)"
        )


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for veld in VELDEN:
        schema_editor.execute(f"DROP INDEX IF EXISTS doeboekje_{veld}_trgm")


class Migration(migrations.Migration):
    dependencies = [("doeboekje", "0002_initial")]

    operations = [migrations.RunPython(maak, verwijder)]
