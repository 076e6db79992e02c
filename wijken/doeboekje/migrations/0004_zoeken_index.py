"""The search box on PostgreSQL: Dutch stems without accents, parts of words, typos.

`zoektermen.zoek` matches a word against the entry's texts three ways: its Dutch stem
in a tsvector (text search configuration `dutch_unaccent`: the Dutch one, after
folding accents), a part of the folded text (LIKE) and a word close to it (pg_trgm's
word similarity). The two GIN indexes hold exactly those expressions, so searching the
doe-boekjes of every wijk is an index lookup; a category's name is an OR on
`categorie`, which gets a B-tree index for it. The GIN indexes replace the per-field
trigram indexes of 0003, which nothing uses any more. The text search configuration
and the folding function are shared: the initiatives' migration 0004 builds on them.

SQLite has none of this and searches its (small) database with patterns.
"""

from django.db import migrations, models

from wijken.base import zoektermen

# ZOEKBAAR of the model, in this order; 0003 indexed the same fields one by one.
VELDEN = ["naam", "beschrijving", "voor_wie", "waar", "wanneer"]
TABEL = "doeboekje_doeboekjeitem"


def maak(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # unaccent() is only STABLE (its rules file could change); an index needs IMMUTABLE.
    execute(
        f"CREATE OR REPLACE FUNCTION {zoektermen.VOUW_FUNCTIE}(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        "AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$"
    )
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [zoektermen.CONFIG])
        bestaat = cursor.fetchone()
    if not bestaat:
        execute(f"CREATE TEXT SEARCH CONFIGURATION {zoektermen.CONFIG} (COPY = dutch)")
        # Words with an accent are not "ascii" words: fold them before stemming.
        execute(
            f"ALTER TEXT SEARCH CONFIGURATION {zoektermen.CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem"
        )
    for sql in zoektermen.index_sql(TABEL, "doeboekje", VELDEN):
        execute(sql)
    for veld in VELDEN:
        execute(f"DROP INDEX IF EXISTS doeboekje_{veld}_trgm")


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    for veld in VELDEN:
        execute(
            f"CREATE INDEX IF NOT EXISTS doeboekje_{veld}_trgm "
            f"ON {TABEL} USING gin (UPPER({veld}::text) gin_trgm_ops)"
        )
    execute("DROP INDEX IF EXISTS doeboekje_zoek_fts")
    execute("DROP INDEX IF EXISTS doeboekje_zoek_trgm")
    execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {zoektermen.CONFIG}")
    execute(f"DROP FUNCTION IF EXISTS {zoektermen.VOUW_FUNCTIE}(text)")


class Migration(migrations.Migration):
    dependencies = [("doeboekje", "0003_trigram_indexen")]

    operations = [
        migrations.RunPython(maak, verwijder),
        migrations.AddIndex(
            model_name="doeboekjeitem",
            index=models.Index(fields=["categorie"], name="doeboekje_categorie_idx"),
        ),
    ]
