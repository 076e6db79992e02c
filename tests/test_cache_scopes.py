"""A write makes stale only the cached pages that show it: its wijk and the lists it is in."""

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from communitycare.lib import dataversion, scopes
from tests.factories import HuisFactory, UserFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_openkoffie import OpenKoffieFactory
from tests.test_url_persona_matrix import PORTAAL_APPS
from wijken.base.models import Vrijwilliger, Wijk
from wijken.doeboekje.models import DoeBoekjeItem

A = "/heuvelland/valkenburg-oosterbeemd/"
B = "/heerlen/welten-benzenrade-douvenrade/"
PAGINAS_VAN_B = [B, B + "wijkplan/", B + "open-koffie/", B + "doe-boekje/", B + "initiatieven/"]
LIJSTEN = ["/", "/heuvelland/", "/heerlen/", "/initiatieven/", "/open-koffie/", "/doe-boekje/"]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def hit(client, url: str) -> bool:
    """A hit costs the one cache read, nothing else."""
    return queries(client, url) == 1


def written() -> None:
    """The test's writes are not committed: the first read bumps their scopes (and costs
    the cache writes that a commit would make)."""
    dataversion.current()


@pytest.fixture
def warm(client, wijk_a, wijk_b):
    """Every page of both wijken and every list cached, B's pages checked warm."""
    HuisFactory(wijk=wijk_a)
    HuisFactory(wijk=wijk_b)
    pages = [A, A + "wijkplan/", A + "open-koffie/", *PAGINAS_VAN_B, *LIJSTEN]
    for url in pages:
        client.get(url)
    assert all(hit(client, url) for url in pages)
    return pages


def test_an_edit_in_wijk_a_leaves_wijk_b_warm_and_renders_a_afresh(
    client, warm, wijk_a, django_assert_num_queries
):
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen jeu de boules")
    written()
    for url in PAGINAS_VAN_B:
        with django_assert_num_queries(1):
            client.get(url)
    assert not hit(client, A)
    assert "Samen jeu de boules" in client.get(A + "doe-boekje/").content.decode()
    assert not hit(client, "/doe-boekje/")
    # Lists without doe-boekje items, and the other wijken's lists, stay warm.
    assert all(hit(client, url) for url in ["/", "/heerlen/", "/open-koffie/", "/initiatieven/"])


def test_an_open_koffie_shows_in_its_wijk_and_on_the_lists(client, warm, wijk_a):
    OpenKoffieFactory(wijk=wijk_a)
    written()
    for url in [A + "open-koffie/", A + "wijkplan/", "/", "/open-koffie/"]:
        assert not hit(client, url), url
    assert all(hit(client, url) for url in PAGINAS_VAN_B)
    assert hit(client, "/doe-boekje/")


def test_a_renamed_wijk_leaves_its_old_address_and_its_lists(client, warm, wijk_a):
    wijk_a.slug = "oosterbeemd"
    wijk_a.save()
    assert client.get(A).status_code == 404
    assert client.get("/heuvelland/oosterbeemd/").status_code == 200
    assert "/heuvelland/oosterbeemd/" in client.get("/heuvelland/").content.decode()
    written()
    assert all(hit(client, url) for url in PAGINAS_VAN_B + ["/heerlen/"])


def test_a_renamed_regio_leaves_the_old_addresses_of_its_wijken(client, warm, wijk_a):
    regio = wijk_a.regio
    regio.slug = "zuid"
    regio.save()
    assert client.get(A).status_code == 404
    assert client.get("/heuvelland/").status_code == 404
    assert client.get("/zuid/valkenburg-oosterbeemd/").status_code == 200


def test_an_open_koffie_moved_to_another_wijk_leaves_the_first(client, warm, wijk_a, wijk_b):
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    client.get(A + "open-koffie/")
    client.get(B + "open-koffie/")
    open_koffie.wijk = wijk_b
    open_koffie.save()
    assert not hit(client, A + "open-koffie/")
    assert not hit(client, B + "open-koffie/")


def test_a_login_a_session_and_a_volunteer_invalidate_nothing(client, warm, wijk_a, client_for):
    bezoeker = client_for("coordinator_a")
    vrijwilliger = Vrijwilliger.objects.create(huis=wijk_a.huizen.get(), naam="Ans")
    for url in warm:
        client.get(url)
    globaal = dataversion.current()
    bezoeker.force_login(bezoeker.session and UserFactory())  # a login: last_login
    bezoeker.get("/beheer/")  # a session row
    vrijwilliger.naam = "Ans Pelzer"
    vrijwilliger.contact = "06 1234 5678"
    vrijwilliger.save()
    user = UserFactory()
    user.first_name = "Nieuw"
    user.save()  # coordinates no wijk
    written()
    assert all(hit(client, url) for url in warm)
    assert dataversion.current() == globaal


def test_a_new_volunteer_changes_the_count_on_the_wijkplan(client, warm, wijk_a):
    Vrijwilliger.objects.create(huis=wijk_a.huizen.get(), naam="Ans")
    written()
    assert not hit(client, A + "wijkplan/")
    assert all(hit(client, url) for url in PAGINAS_VAN_B + LIJSTEN)


def test_a_bespreekpunt_shows_once_accepted(client, warm, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    client.get(A + "open-koffie/")
    punt = open_koffie.bespreekpunten.create(tekst="Een bankje bij de bushalte")
    written()
    assert hit(client, A + "open-koffie/")
    punt.status = punt.Status.GEACCEPTEERD
    punt.save()
    assert "Een bankje bij de bushalte" in client.get(A + "open-koffie/").content.decode()


def test_a_back_office_post_shows_on_the_next_request(client, warm, client_for):
    coordinator = client_for("coordinator_a")
    beheer = "/beheer/heuvelland/valkenburg-oosterbeemd/"
    coordinator.post(beheer, {"naam": "Valkenburg-Oosterbeemd", "behoeften": "Een jeu de boules"})
    assert "Een jeu de boules" in client.get(A).content.decode()
    written()
    assert all(hit(client, url) for url in PAGINAS_VAN_B)


def test_an_admin_edit_shows_on_the_next_request(client, warm, wijk_a):
    item = DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen breien")
    client.get(A + "doe-boekje/")
    beheerder = UserFactory(is_staff=True, is_superuser=True)
    admin = type(client)()
    admin.force_login(beheerder)
    url = f"/admin/doeboekje/doeboekjeitem/{item.pk}/change/"
    form = admin.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["naam"] = "Samen haken"
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Samen haken" in client.get(A + "doe-boekje/").content.decode()
    written()
    assert all(hit(client, url) for url in PAGINAS_VAN_B)


def test_a_bulk_update_still_shows(client, warm, wijk_a):
    """No signal sees it: the global version moves, every page renders afresh."""
    DoeBoekjeItemFactory(wijk=wijk_a, naam="Samen breien")
    client.get(A + "doe-boekje/")
    DoeBoekjeItem.objects.filter(wijk=wijk_a).update(naam="Samen haken")
    assert "Samen haken" in client.get(A + "doe-boekje/").content.decode()
    assert not hit(client, B)


def test_a_rolled_back_write_bumps_nothing(transactional_db):
    wijk = Wijk.objects.create(
        regio=Wijk._meta.get_field("regio").related_model.objects.create(naam="R", slug="r"),
        naam="W",
        slug="w",
    )
    betrokken = [scopes.wijk_scope("r", "w"), scopes.regio_scope("r"), *scopes.LISTS]
    voor = {scope: dataversion.current(scope) for scope in betrokken}
    globaal = dataversion.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        wijk.behoeften = "Nooit"
        wijk.save()
        DoeBoekjeItem.objects.filter(wijk=wijk).update(naam="Nooit")
        raise RuntimeError
    assert {scope: dataversion.current(scope) for scope in betrokken} == voor
    assert dataversion.current() == globaal


def test_a_committed_save_bumps_its_scopes_once_and_not_the_global_version(transactional_db):
    from tests.factories import WijkFactory

    wijk = WijkFactory()
    scope = scopes.wijk_scope(wijk.regio.slug, wijk.slug)
    voor, globaal = dataversion.current(scope), dataversion.current()
    with transaction.atomic():
        wijk.behoeften = "Samen eten"
        wijk.save()
        wijk.save()
        assert len(connection.run_on_commit) == 1
    assert dataversion.current(scope) != voor
    assert dataversion.current() == globaal


def test_every_portal_model_says_where_it_shows():
    """A new model must be registered, public or not, else its writes bump everything."""
    models = [
        model
        for label in PORTAAL_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    ]
    assert [model for model in models if not dataversion.is_registered(model)] == []


def test_a_delete_takes_its_m2m_rows_along_without_the_global_version(transactional_db):
    """An overleg's aanwezigen live in an m2m table: its delete explains their rows."""
    from tests.factories import WijkverbinderFactory
    from tests.factories_openkoffie import OverlegFactory

    overleg = OverlegFactory()
    overleg.aanwezigen.add(WijkverbinderFactory(wijk=overleg.wijk))
    wijk = overleg.wijk
    scope = scopes.wijk_scope(wijk.regio.slug, wijk.slug)
    voor, globaal = dataversion.current(scope), dataversion.current()
    overleg.delete()
    assert dataversion.current(scope) != voor
    assert dataversion.current() == globaal


def test_a_coordinator_added_from_either_side_shows_in_the_wijk(transactional_db):
    from tests.factories import WijkFactory

    wijk = WijkFactory()
    user = UserFactory()
    scope = scopes.wijk_scope(wijk.regio.slug, wijk.slug)
    voor, globaal = dataversion.current(scope), dataversion.current()
    user.wijken_als_coordinator.add(wijk)
    na = dataversion.current(scope)
    assert na != voor
    wijk.coordinatoren.remove(user)
    assert dataversion.current(scope) != na
    assert dataversion.current() == globaal
