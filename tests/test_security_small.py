"""Issue 13, findings 6 and 8: links from SITE_URL only, and the smaller promises."""

import datetime
import os
import re
import subprocess
import sys
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from initiatieven.models import Begroting
from tests import test_url_persona_matrix as matrix
from tests.factories import UserFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.base import roles
from wijken.base.models import Wijk

OTHER_HOST = "127.0.0.1:6666"


# --- absolute links come from SITE_URL, never from the Host header ----------------------


@pytest.mark.parametrize(
    "url",
    [
        "/open-koffie.ics",
        "/heuvelland/valkenburg-oosterbeemd/open-koffie.ics",
        "/api/",
        "/api/wijken/",
        "/api/open-koffie/",
    ],
)
def test_another_host_never_reaches_the_links_served_next(wijk_a, settings, url):
    """The calendar feed is cached: the first visitor's Host once went to the next one."""
    settings.SITE_URL = "https://wijkportaal.example.org"
    OpenKoffieFactory(wijk=wijk_a)
    first = Client(HTTP_HOST=OTHER_HOST).get(url)
    second = Client().get(url)
    for response in (first, second):
        assert response.status_code == 200
        text = response.content.decode()
        assert "6666" not in text
        assert "https://wijkportaal.example.org/" in text


def test_the_feed_of_one_open_koffie_links_to_its_page(wijk_a, settings):
    settings.SITE_URL = "https://wijkportaal.example.org"
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    url = f"{open_koffie.get_absolute_url().rstrip('/')}.ics"
    text = Client(HTTP_HOST=OTHER_HOST).get(url).content.decode().replace("\r\n ", "")
    assert f"URL:https://wijkportaal.example.org{open_koffie.get_absolute_url()}" in text


# --- a CBS code belongs to one wijk -------------------------------------------------------

BEHEER_WIJK = "/beheer/heuvelland/valkenburg-oosterbeemd/"
DUBBEL = "Een andere wijk heeft deze CBS-wijkcode al."


def test_a_coordinator_cannot_give_their_wijk_another_wijks_code(client_for, wijk_a, wijk_b):
    wijk_b.cbs_code = "WK091707"
    wijk_b.save()
    response = client_for("coordinator_a").post(
        BEHEER_WIJK, {"naam": wijk_a.naam, "cbs_code": "WK091707"}
    )
    assert response.status_code == 200
    assert DUBBEL in response.content.decode()
    wijk_a.refresh_from_db()
    assert wijk_a.cbs_code is None


def test_model_validation_and_the_database_both_refuse_a_second_wijk_with_a_code(wijk_a, wijk_b):
    """Every path (the admin's forms, commands) validates the model; the rest hits the
    database's unique index."""
    wijk_b.cbs_code = "WK091707"
    wijk_b.save()
    wijk_a.cbs_code = "WK091707"
    with pytest.raises(ValidationError) as error:
        wijk_a.full_clean()
    assert DUBBEL in error.value.message_dict["cbs_code"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        wijk_a.save()


@pytest.mark.parametrize("code", ["WK09940", "wk099401", "GM099401", "WK09940A", " "])
def test_a_badly_formed_code_is_refused_in_dutch(client_for, wijk_a, code):
    response = client_for("coordinator_a").post(
        BEHEER_WIJK, {"naam": wijk_a.naam, "cbs_code": code}
    )
    html = response.content.decode()
    if code.strip():
        assert "Een CBS-wijkcode is WK en zes cijfers." in html
    wijk_a.refresh_from_db()
    assert wijk_a.cbs_code is None


def test_any_number_of_wijken_may_have_no_code_yet(client_for, wijk_a, wijk_b):
    assert wijk_b.cbs_code is None
    response = client_for("coordinator_a").post(
        BEHEER_WIJK, {"naam": "Oosterbeemd", "cbs_code": ""}
    )
    assert response.status_code == 302
    wijk_a.refresh_from_db()
    assert (wijk_a.naam, wijk_a.cbs_code) == ("Oosterbeemd", None)


def test_the_demo_codes_are_unique_and_well_formed(db):
    call_command("load_demo", force=True, stdout=StringIO())
    codes = [wijk.cbs_code for wijk in Wijk.objects.all()]
    assert all(re.fullmatch(r"WK\d{6}", code) for code in codes)
    assert len(set(codes)) == len(codes)


# --- a GET in the back office never writes ------------------------------------------------


def row_counts() -> dict[str, int]:
    """Per table its number of rows; the cache aside (a PDF is kept there once laid out)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table != "django_cache":
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - own names
                counts[table] = cursor.fetchone()[0]
    return counts


def test_no_back_office_get_writes(client_for, wijk_a, monkeypatch):
    """Opening the begroting of an initiative without one created it on a plain GET."""
    monkeypatch.setattr("communitycare.lib.pdf.html_to_pdf", lambda html: b"%PDF-1.7 ")
    inhoud = matrix.maak_inhoud(wijk_a, UserFactory(rol=roles.COORDINATOR), "a")
    zonder = InitiatiefFactory(wijk=wijk_a, naam="Zonder begroting", slug="zonder-begroting")
    urls = [
        matrix.url_for(name, converters, inhoud)
        for name, converters in sorted(matrix.portal_urls().items())
        if name.split(":")[0].endswith("beheer") or name.startswith("admin:")
    ]
    urls.append(zonder.beheer_url("begroting"))
    clients = [client_for(persona) for persona in ("coordinator_a", "programmamanager")]
    voor_aantal, voor_rijen = row_counts(), matrix.stand()
    statussen = {client.get(url).status_code for url in urls for client in clients}
    assert row_counts() == voor_aantal
    assert matrix.stand() == voor_rijen
    assert 200 in statussen and 500 not in statussen
    assert client_for("coordinator_a").get(zonder.beheer_url("begroting")).status_code == 200
    assert not Begroting.objects.filter(initiatief=zonder).exists()


def test_the_first_line_creates_the_begroting(client_for, wijk_a):
    zonder = InitiatiefFactory(wijk=wijk_a, slug="zonder-begroting")
    response = client_for("coordinator_a").post(
        zonder.beheer_url("regel_nieuw"),
        {"categorie": "overig", "omschrijving": "Koffie", "bedrag": "12.50"},
    )
    assert response.status_code == 302
    assert zonder.begroting.regels.get().omschrijving == "Koffie"


# --- security.txt and the SMTP timeout -------------------------------------------------


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SITE_URL = "https://wijkportaal.example.org"
    response = client.get("/.well-known/security.txt", HTTP_HOST=OTHER_HOST)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    velden = dict(regel.split(": ", 1) for regel in response.content.decode().splitlines())
    assert velden["Contact"] == "mailto:security@example.org"
    assert velden["Preferred-Languages"] == "nl, en"
    assert velden["Canonical"] == "https://wijkportaal.example.org/.well-known/security.txt"
    verloopt = datetime.datetime.fromisoformat(velden["Expires"])
    assert timezone.now() < verloopt < timezone.now() + datetime.timedelta(days=365)


def test_without_a_contact_there_is_no_security_txt(client, settings):
    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404


def test_smtp_gives_up_after_a_timeout():
    show = "from django.core.mail import mailers; print(mailers.default.timeout)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    for extra, verwacht in (({}, "10"), ({"EMAIL_TIMEOUT": "3"}, "3")):
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", show],
            env={**env, "DJANGO_DEBUG": "1", "EMAIL_HOST": "smtp.example.org", **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.stdout.strip().splitlines()[-1] == verwacht, result.stderr
