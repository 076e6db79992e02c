"""Public pages come from the cache per data version; an edit shows on the next request."""

import gzip
import re
import string
from random import Random
from urllib.parse import urlencode

import pytest
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.utils.http import parse_http_date

from communitycare.lib import dataversion
from communitycare.lib.pagecache import SharedPageMiddleware, public_page
from initiatieven.models import Status
from tests.factories import WijkFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.base.models import Wijk

URL = "/heuvelland/valkenburg-oosterbeemd/"
BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/"


def test_a_cached_page_costs_one_cache_read(client, wijk_a, django_assert_num_queries):
    first = client.get(URL)
    with django_assert_num_queries(1):
        second = client.get(URL)
    assert second.content == first.content


def test_an_orm_edit_shows_on_the_very_next_request(client, wijk_a):
    client.get(URL)
    wijk_a.behoeften = "Een moestuin bij het huis"
    wijk_a.save()
    assert "Een moestuin bij het huis" in client.get(URL).content.decode()


def test_a_bulk_update_shows_on_the_very_next_request(client, wijk_a):
    """Writes are noticed below the ORM: no signal is needed."""
    client.get(URL)
    Wijk.objects.filter(pk=wijk_a.pk).update(behoeften="Samen fietsen")
    assert "Samen fietsen" in client.get(URL).content.decode()


def test_a_back_office_edit_shows_on_the_public_page(client, client_for, wijk_a):
    client.get(URL)
    coordinator = client_for("coordinator_a")
    coordinator.post(BEHEER, {"naam": "Valkenburg-Oosterbeemd", "behoeften": "Een jeu de boules"})
    assert "Een jeu de boules" in client.get(URL).content.decode()


def test_pages_do_not_vary_on_the_logged_in_user(client, client_for, wijk_a, settings):
    settings.PAGINA_CACHE_SECONDEN = 0
    logged_in = [client_for(persona) for persona in ("coordinator_a", "programmamanager")]
    anonymous = client.get(URL).content
    for other in logged_in:
        assert other.get(URL).content == anonymous


def test_a_coordinators_visit_fills_the_cache_with_the_public_page(client, client_for, wijk_a):
    client_for("coordinator_a").get(URL)
    html = client.get(URL).content.decode()
    assert "Uitloggen" not in html
    assert ">Beheer<" not in html


def test_a_page_with_a_form_is_rendered_per_visitor(client, wijk_a):
    """The CSRF token belongs to one visitor: such a page is never stored."""
    bijeenkomst = OpenKoffieFactory(wijk=wijk_a)
    url = f"{URL}open-koffie/{bijeenkomst.pk}/"
    first = client.get(url)
    other = type(client)().get(url)
    token = 'name="csrfmiddlewaretoken" value="'
    assert token in first.content.decode()
    assert first.content != other.content


def test_back_office_pages_are_never_cached(client_for, wijk_a):
    response = client_for("coordinator_a").get(BEHEER)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_switched_off_renders_every_time(client, wijk_a, settings, django_assert_max_num_queries):
    settings.PAGINA_CACHE_SECONDEN = 0
    client.get(URL)
    with django_assert_max_num_queries(20) as context:
        client.get(URL)
    assert len(context.captured_queries) > 1


def test_the_version_changes_after_commit_not_before(transactional_db):
    """A reader in between must not store the old rows under the new version."""
    wijk = WijkFactory()
    before = dataversion.current()
    seen_inside = []
    with transaction.atomic():
        Wijk.objects.filter(pk=wijk.pk).update(behoeften="Nieuw")
        Wijk.objects.filter(pk=wijk.pk).update(behoeften="Nieuwer")
        seen_inside.append(connection.run_on_commit[:])
    assert len(seen_inside[0]) == 1
    after = dataversion.current()
    assert after != before
    assert dataversion.current() == after


def test_a_rolled_back_write_is_harmless(transactional_db):
    wijk = WijkFactory(behoeften="Zo")
    with pytest.raises(RuntimeError), transaction.atomic():
        Wijk.objects.filter(pk=wijk.pk).update(behoeften="Nooit")
        raise RuntimeError
    versie = dataversion.current()
    assert dataversion.current() == versie
    wijk.refresh_from_db()
    assert wijk.behoeften == "Zo"


def test_a_lost_version_starts_afresh(transactional_db):
    from django.core.cache import cache

    before = dataversion.current()
    cache.delete(dataversion.KEY)
    assert dataversion.current() not in (None, before)


def test_a_missing_cache_neither_fails_a_committed_write_nor_a_page(transactional_db, settings):
    """Restoring a backup into a database without the cache table, say."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "geen_cache_tabel",
        }
    }
    wijk = WijkFactory(behoeften="Zo")
    with transaction.atomic():
        Wijk.objects.filter(pk=wijk.pk).update(behoeften="Samen eten")
    response = Client().get(wijk.get_absolute_url())
    assert response.status_code == 200
    assert "Samen eten" in response.content.decode()


# --- the key holds only what a view reads (issue 13, finding 4) -------------------------

LIJST = "/initiatieven/"


def cache_entries() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_cache")
        return cursor.fetchone()[0]


def test_random_query_strings_neither_bypass_nor_grow_the_cache(client, wijk_a):
    """`?x=<random>` once rendered every time and stored a page per request."""
    random = Random(13)
    client.get(LIJST)
    client.get(URL)
    before = cache_entries()
    for _ in range(500):
        for page in (LIJST, URL):
            name = "x" + "".join(random.choices(string.ascii_letters, k=random.randint(0, 12)))
            value = "".join(random.choices(string.printable, k=random.randint(0, 30)))
            response = client.get(f"{page}?{urlencode({name: value})}")
            assert response.status_code == 200
    assert cache_entries() == before


def test_an_unknown_parameter_is_served_from_the_cache(client, wijk_a, django_assert_num_queries):
    first = client.get(LIJST)
    with django_assert_num_queries(1):
        second = client.get(f"{LIJST}?utm_source=nieuwsbrief&x=3f9a")
    assert second.content == first.content


def test_known_filters_vary_the_page_and_are_normalised(client, wijk_a):
    InitiatiefFactory(wijk=wijk_a, naam="Samen koken", status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, naam="Jeu de boules", status=Status.BEEINDIGD)
    lijst = f"{URL}initiatieven/"
    actief = client.get(f"{lijst}?status=actief").content.decode()
    beeindigd = client.get(f"{lijst}?status=beeindigd").content.decode()
    assert "Samen koken" in actief and "Jeu de boules" not in actief
    assert "Jeu de boules" in beeindigd and "Samen koken" not in beeindigd
    entries = cache_entries()
    spaced = client.get(f"{lijst}?status=actief%20&x=1&status=beeindigd").content.decode()
    assert spaced == beeindigd  # the last of a repeated parameter counts, as in the view
    assert cache_entries() == entries


def test_the_order_of_parameters_does_not_make_a_new_key(client, wijk_a):
    client.get(f"{LIJST}?q=koken&status=actief")
    entries = cache_entries()
    client.get(f"{LIJST}?status=actief&q=koken")
    assert cache_entries() == entries


def test_a_left_out_parameter_never_shows_in_the_stored_page(client, wijk_a):
    """The pagination copies the query string: it must not copy what the key left out."""
    InitiatiefFactory.create_batch(25, wijk=wijk_a, status=Status.ACTIEF)
    client.get(f"{LIJST}?status=actief&evil=%22%3E%3Cscript%3E")
    html = type(client)().get(f"{LIJST}?status=actief").content.decode()
    assert "pagina=2" in html
    assert "evil" not in html


def test_free_text_searches_stay_within_the_configured_bound(client, wijk_a, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2},
        }
    }
    random = Random(4)
    for _ in range(200):
        zoek = "".join(random.choices(string.ascii_lowercase, k=8))
        assert client.get(f"/?zoek={zoek}").status_code == 200
    assert cache_entries() <= 21


# --- over HTTP: revalidation, shared caches, compression (issue 15) ---------------------


def test_a_public_page_may_be_kept_and_revalidated_by_a_shared_cache(client, wijk_a, settings):
    settings.PAGINA_PROXY_SECONDEN = 7
    settings.PAGINA_STALE_SECONDEN = 40
    response = client.get(URL)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=7, stale-while-revalidate=40"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])  # strong
    assert parse_http_date(response["Last-Modified"])
    # The same for every visitor: no Vary on Cookie (nor on the only language).
    assert response["Vary"] == "Accept-Encoding, HX-Request"
    assert client.get(URL)["ETag"] == response["ETag"]


@pytest.mark.parametrize("backend", ["db", "locmem"])
def test_a_conditional_get_is_answered_from_the_one_cache_read(
    client, wijk_a, settings, django_assert_num_queries, backend
):
    """No rendering: with the database cache its one read, with Redis (here locmem) none."""
    if backend == "locmem":
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    first = client.get(URL)
    for headers in (
        {"If-None-Match": first["ETag"]},
        {"If-Modified-Since": first["Last-Modified"]},
    ):
        with django_assert_num_queries(1 if backend == "db" else 0):
            response = client.get(URL, headers=headers)
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == first["ETag"]
        assert response["Cache-Control"] == first["Cache-Control"]


def test_after_an_edit_a_conditional_get_gets_the_new_page(client, wijk_a):
    first = client.get(URL)
    wijk_a.behoeften = "Een moestuin bij het huis"
    wijk_a.save()
    for headers in ({"If-None-Match": first["ETag"]}, {"If-Modified-Since": "Fri, 1 Jan 2100"}):
        response = client.get(URL, headers=headers)
        assert response.status_code == 200
        assert "Een moestuin bij het huis" in response.content.decode()
        assert response["ETag"] != first["ETag"]


def test_a_shared_page_is_compressed_with_an_etag_of_its_own(client, wijk_a):
    plain = client.get(URL)
    gzipped = client.get(URL, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.content) == plain.content
    assert gzipped["ETag"] == plain["ETag"][:-1] + '-gz"'
    assert client.get(URL, headers={"Accept-Encoding": "gzip"}).content == gzipped.content
    again = {"Accept-Encoding": "gzip", "If-None-Match": gzipped["ETag"]}
    assert client.get(URL, headers=again).status_code == 304
    # The other representation's ETag does not match this one.
    other = {"Accept-Encoding": "gzip", "If-None-Match": plain["ETag"]}
    assert client.get(URL, headers=other).status_code == 200


def test_a_page_with_a_csrf_token_is_neither_shared_nor_compressed(client, wijk_a, rf):
    """BREACH reads a secret out of compressed responses that also reflect input."""
    bijeenkomst = OpenKoffieFactory(wijk=wijk_a)
    form = client.get(f"{URL}open-koffie/{bijeenkomst.pk}/", headers={"Accept-Encoding": "gzip"})
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    # A public page that starts to show a form is rendered per visitor from then on.
    page = public_page(scopes=())(
        lambda request: HttpResponse(f"<form>{get_token(request)}</form>" * 20)
    )
    rendered = SharedPageMiddleware(page)(rf.get("/", headers={"Accept-Encoding": "gzip"}))
    assert rendered["Cache-Control"] == "private, no-cache"
    for response in (form, rendered):
        assert "Content-Encoding" not in response
        assert "public" not in response.get("Cache-Control", "")
        assert "ETag" not in response


def test_a_page_with_a_message_for_one_visitor_is_not_shared(client, wijk_a):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Bedankt")])
    response = client.get(URL, headers={"Accept-Encoding": "gzip"})
    assert "Bedankt" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "Content-Encoding" not in response


def test_the_back_office_is_never_compressed(client_for, wijk_a):
    response = client_for("coordinator_a").get(BEHEER, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert "public" not in response["Cache-Control"]


def test_the_switched_off_cache_shares_nothing(client, wijk_a, settings):
    settings.PAGINA_CACHE_SECONDEN = 0
    response = client.get(URL, headers={"Accept-Encoding": "gzip"})
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response
    assert "Content-Encoding" not in response


def test_every_portal_table_is_watched():
    """A table of any portal app (the wijkplan's, the doe-boekje's...) moves the version."""
    from django.apps import apps

    from tests.test_url_persona_matrix import PORTAAL_APPS

    tabellen = {
        model._meta.db_table
        for label in PORTAAL_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }
    assert tabellen <= dataversion.watched_tables()
