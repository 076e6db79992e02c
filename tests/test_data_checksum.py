"""data_checksum: per table a row count and a checksum that sees every change of the data
and nothing of the order the database keeps the rows in."""

import io
import json

from django.core.management import call_command

from openkoffie.models import Bespreekpunt
from tests.factories import UserFactory, WijkFactory
from tests.factories_openkoffie import BespreekpuntFactory
from wijken.base.management.commands.data_checksum import table_checksums


def _json(*args) -> dict:
    out = io.StringIO()
    call_command("data_checksum", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_lists_the_portal_tables_with_counts(db):
    WijkFactory.create_batch(3)
    tables = _json()["tables"]
    assert tables["wijken_wijk"]["rows"] == 3
    assert tables["wijken_wijk"]["model"] == "wijken.Wijk"
    # Link tables of many-to-many fields, the user and the groups are in; sessions are not.
    assert {"wijken_wijk_coordinatoren", "wijken_user", "auth_group"} <= set(tables)
    assert "django_session" not in tables
    assert set(_json("openkoffie")["tables"]) == {n for n in tables if n.startswith("openkoffie_")}


def test_any_change_changes_the_checksum_and_undoing_it_restores_it(db):
    punt = BespreekpuntFactory(tekst="Bankje bij de bushalte")
    BespreekpuntFactory(open_koffie=punt.open_koffie)
    voor = table_checksums(["openkoffie"])

    Bespreekpunt.objects.filter(pk=punt.pk).update(tekst="Bankje bij de bushalte.")
    na = table_checksums(["openkoffie"])
    assert na["openkoffie_bespreekpunt"]["rows"] == voor["openkoffie_bespreekpunt"]["rows"]
    assert na["openkoffie_bespreekpunt"]["sha256"] != voor["openkoffie_bespreekpunt"]["sha256"]
    assert na["openkoffie_openkoffie"] == voor["openkoffie_openkoffie"]

    # Updating back moves the row in the table (PostgreSQL writes a new version at the end)
    # but the data is the same again.
    Bespreekpunt.objects.filter(pk=punt.pk).update(tekst="Bankje bij de bushalte")
    assert table_checksums(["openkoffie"]) == voor


def test_many_to_many_links_do_not_depend_on_their_own_ids(db):
    wijk = WijkFactory()
    eerste, tweede = UserFactory(), UserFactory()
    wijk.coordinatoren.add(eerste, tweede)
    voor = table_checksums(["wijken"])["wijken_wijk_coordinatoren"]
    wijk.coordinatoren.clear()
    wijk.coordinatoren.add(tweede)
    wijk.coordinatoren.add(eerste)
    assert table_checksums(["wijken"])["wijken_wijk_coordinatoren"] == voor


def test_milliseconds_ignores_only_the_microseconds(db):
    punt = BespreekpuntFactory()
    begin = punt.ingediend_op.replace(microsecond=123_000)
    Bespreekpunt.objects.filter(pk=punt.pk).update(ingediend_op=begin)
    voor = table_checksums(["openkoffie"], milliseconds=True)
    Bespreekpunt.objects.filter(pk=punt.pk).update(ingediend_op=begin.replace(microsecond=123_456))
    assert table_checksums(["openkoffie"], milliseconds=True) == voor
    Bespreekpunt.objects.filter(pk=punt.pk).update(ingediend_op=begin.replace(microsecond=124_000))
    assert table_checksums(["openkoffie"], milliseconds=True) != voor


def test_text_output_has_a_line_per_table_and_a_total(db):
    out = io.StringIO()
    call_command("data_checksum", "wijken", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[-1].split()[0] == "total"
    assert any(line.split()[:2] == ["wijken_regio", "0"] for line in lines)
    assert all(len(line.split()[-1]) == 64 for line in lines)
