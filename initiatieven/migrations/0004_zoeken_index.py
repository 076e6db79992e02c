"""The search box on PostgreSQL: the indexes of the initiatives' search.

The same expressions as the doe-boekje's (doeboekje migration 0004, which creates the
text search configuration and the folding function they use), over the initiative's
texts; a thema's name is an OR on `thema`, which gets a B-tree index for it. SQLite has
none of this and searches with patterns.
"""

from django.db import migrations, models

from wijken.base import zoektermen

# initiatieven.models.ZOEKBAAR, in this order.
VELDEN = ["naam", "globale_beschrijving", "wanneer"]


def maak(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in zoektermen.index_sql("initiatieven_initiatief", "initiatief", VELDEN):
        schema_editor.execute(sql)


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS initiatief_zoek_fts")
    schema_editor.execute("DROP INDEX IF EXISTS initiatief_zoek_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatieven", "0003_goedgekeurde_regels"),
        ("doeboekje", "0004_zoeken_index"),
    ]

    operations = [
        migrations.RunPython(maak, verwijder),
        migrations.AddIndex(
            model_name="initiatief",
            index=models.Index(fields=["thema"], name="initiatief_thema_idx"),
        ),
    ]
