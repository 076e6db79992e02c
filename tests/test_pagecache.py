"""Public pages come from the cache per data version; an edit shows on the next request."""

import pytest
from django.db import connection, transaction
from django.test import Client

from communitycare.lib import dataversion
from tests.factories import WijkFactory
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.models import Wijk

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
