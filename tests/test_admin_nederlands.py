"""The Django admin and the dates of the portal in Dutch, also where Django 6.1's own
nl catalogs fall short (locale/nl fills those gaps)."""

import datetime
import gettext
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from openkoffie.models import Bespreekpunt
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over

ENGELS = ["Search", "Filter by", "Select an option", "Logout", " Dec ", "December"]
LOCALE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"


def zonder_engels(html: str) -> list[str]:
    return [woord for woord in ENGELS if woord in html]


def test_changelist_with_search_and_filters_in_dutch(client_for, wijk_a):
    html = client_for("programmamanager").get("/admin/wijken/wijk/?q=Valkenburg").content.decode()
    assert 'value="Zoeken"' in html and 'alt="Zoeken"' in html
    assert "wijken zoeken</h2>" in html
    assert ">Filter</h2>" in html
    assert zonder_engels(html) == []


def test_date_hierarchy_and_dates_in_dutch(client_for, wijk_a):
    moment = datetime.datetime(2026, 12, 1, 13, 0, tzinfo=datetime.UTC)
    OpenKoffieFactory(wijk=wijk_a, begin=moment, einde=moment + datetime.timedelta(hours=2))
    html = client_for("programmamanager").get("/admin/openkoffie/openkoffie/").content.decode()
    assert "Filteren op begin" in html
    assert "1 december 2026 14:00" in html
    assert zonder_engels(html) == []


def test_change_form_in_dutch(client_for, wijk_a):
    html = client_for("programmamanager").get("/admin/wijken/huis/add/").content.decode()
    assert "- Kies een optie -" in html
    assert zonder_engels(html) == []


def test_history_of_the_admin_in_dutch(client_for, wijk_a):
    html = client_for("programmamanager").get(f"/admin/wijken/wijk/{wijk_a.pk}/history/")
    assert zonder_engels(html.content.decode()) == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext (msgfmt) is not installed")
@pytest.mark.parametrize("domein", ["django", "djangojs"])
def test_compiled_catalogs_match_their_po_files(tmp_path, domein):
    """`make messages` was run after the last change to the .po file."""
    vers = tmp_path / f"{domein}.mo"
    subprocess.run(["msgfmt", "-o", vers, LOCALE / f"{domein}.po"], check=True)
    with open(vers, "rb") as nieuw, open(LOCALE / f"{domein}.mo", "rb") as bewaard:
        assert gettext.GNUTranslations(bewaard)._catalog == gettext.GNUTranslations(nieuw)._catalog  # type: ignore[attr-defined]


def test_dates_in_dutch_on_the_meeting_page(client_for, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    punt = BespreekpuntFactory(open_koffie=open_koffie)
    moment = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.UTC)
    Bespreekpunt.objects.filter(pk=punt.pk).update(ingediend_op=moment)
    url = f"/beheer/heuvelland/valkenburg-oosterbeemd/open-koffie/{open_koffie.pk}/"
    html = client_for("coordinator_a").get(url).content.decode()
    assert "1 december 2026, 10:30 uur" in html
    assert " Dec " not in html
    assert timezone.localtime(moment).hour == 10
