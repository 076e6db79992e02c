"""Editing the wijkplan: sections, acties, planning; optimistic locking and double submits."""

import datetime
import uuid

import pytest

from openkoffie.models import OpenKoffie, WijkverbinderOverleg
from tests.conftest import count_h1
from tests.factories import UserFactory
from tests.factories_openkoffie import OverlegFactory
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from tests.html_checks import assert_harmless
from wijken.base import roles
from wijken.wijkplan.models import Actie, Wijkplan, bewaar_deel

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def coordinator_a2(wijk_a):
    """A second coördinator of wijk A: they stand in for each other."""
    user = UserFactory(username="coordinator-a2", rol=roles.COORDINATOR)
    wijk_a.coordinatoren.add(user)
    return user


def test_overview_page(client_for, wijk_a):
    response = client_for("coordinator_a").get(BASE)
    assert response.status_code == 200
    html = response.content.decode()
    assert count_h1(html) == 1
    assert 'hx-get="' + BASE + 'delen/wijkdata/"' in html
    assert 'href="' + BASE + 'delen/wijkdata/"' in html


def test_back_office_wijk_page_links_to_the_wijkplan(client_for, wijk_a):
    html = client_for("coordinator_a").get("/beheer/heuvelland/valkenburg-oosterbeemd/").content
    assert BASE.encode() in html


def test_edit_section_without_javascript(client_for, wijk_a, coordinator_a):
    client = client_for("coordinator_a")
    form = client.get(BASE + "delen/wijkdata/")
    assert form.status_code == 200 and count_h1(form.content.decode()) == 1
    response = client.post(BASE + "delen/wijkdata/", {"wijkdata": "Nieuwe tekst", "versie": 0})
    assert response.status_code == 302
    assert response["Location"].endswith("#deel-wijkdata")
    plan = Wijkplan.objects.get(wijk=wijk_a)
    assert plan.wijkdata == "Nieuwe tekst" and plan.versie("wijkdata") == 1
    record = plan.history.first()
    assert record.history_user == coordinator_a


def test_edit_section_with_htmx_returns_the_fragment_and_the_new_date(client_for, wijk_a):
    client = client_for("coordinator_a")
    fragment = client.get(BASE + "delen/wijkdata/", **HTMX).content.decode()
    assert "<html" not in fragment and 'name="wijkdata"' in fragment
    response = client.post(
        BASE + "delen/wijkdata/", {"wijkdata": "*Met* htmx", "versie": 0}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "<em>Met</em> htmx" in html
    assert 'id="wijkplan-kop" hx-swap-oob="true"' in html
    assert "Nog niet gewijzigd" not in html


def test_outdated_save_never_overwrites_and_shows_both_texts(client_for, wijk_a, coordinator_a2):
    bewaar_deel(wijk_a, "wijkdata", "Tekst van de ander", 0, coordinator_a2)
    client = client_for("coordinator_a")
    for headers in ({}, HTMX):
        response = client.post(
            BASE + "delen/wijkdata/", {"wijkdata": "Mijn eigen tekst", "versie": 0}, **headers
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "iemand anders heeft deze tekst opgeslagen" in html
        assert "Mijn eigen tekst" in html and "Tekst van de ander" in html
        assert str(coordinator_a2) in html
        assert 'name="versie" value="1"' in html
    plan = Wijkplan.objects.get(wijk=wijk_a)
    assert plan.wijkdata == "Tekst van de ander"
    # After merging, the save based on the current version goes through.
    client.post(BASE + "delen/wijkdata/", {"wijkdata": "Samen", "versie": 1})
    plan.refresh_from_db()
    assert plan.wijkdata == "Samen" and plan.history.count() == 2


def test_double_submit_makes_one_version(client_for, wijk_a):
    client = client_for("coordinator_a")
    for _ in range(2):
        client.post(BASE + "delen/wijkdata/", {"wijkdata": "Een keer", "versie": 0})
    plan = Wijkplan.objects.get(wijk=wijk_a)
    assert plan.history.count() == 1 and plan.versie("wijkdata") == 1


@pytest.mark.parametrize(
    "data", [{}, {"wijkdata": "x"}, {"wijkdata": "x", "versie": "abc"}, {"versie": "-1"}]
)
def test_bad_section_input_changes_nothing(client_for, wijk_a, data):
    response = client_for("coordinator_a").post(BASE + "delen/wijkdata/", data)
    assert response.status_code == 200
    assert not Wijkplan.objects.filter(wijk=wijk_a).exists()


def test_unknown_section_is_404(client_for, wijk_a):
    assert client_for("coordinator_a").get(BASE + "delen/bestaat-niet/").status_code == 404


def test_back_office_renders_user_text_harmlessly(client_for, wijk_a):
    evil = (
        '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a><script>alert(1)</script>'
    )
    plan = WijkplanFactory(wijk=wijk_a, wijkdata=evil, doel_overig=evil)
    ActieFactory(wijkplan=plan, omschrijving=evil, wie=evil)
    OverlegFactory(wijk=wijk_a, waar=evil)
    client = client_for("coordinator_a")
    for url in [BASE, BASE + "versies/", BASE + f"versies/{plan.history.first().history_id}/"]:
        assert_harmless(client.get(url).content.decode())


# --- acties -----------------------------------------------------------------------


def nieuwe_actie(client, token, omschrijving="Flyers rondbrengen", **headers):
    data = {
        "actie-omschrijving": omschrijving,
        "actie-wie": "Jo",
        "actie-voor_wanneer": "2030-01-31",
        "actie-token": str(token),
    }
    return client.post(BASE + "acties/nieuw/", data, **headers)


def test_add_actie_twice_with_one_token_creates_one(client_for, wijk_a):
    client = client_for("coordinator_a")
    token = uuid.uuid4()
    assert nieuwe_actie(client, token).status_code == 302
    response = nieuwe_actie(client, token, **HTMX)
    assert "stond er al" in response.content.decode()
    assert Actie.objects.count() == 1
    nieuwe_actie(client, uuid.uuid4(), "Tweede")
    assert list(Actie.objects.values_list("omschrijving", "volgorde")) == [
        ("Flyers rondbrengen", 1),
        ("Tweede", 2),
    ]


def test_add_actie_with_htmx_returns_the_table_with_a_fresh_token(client_for, wijk_a):
    token = uuid.uuid4()
    html = nieuwe_actie(client_for("coordinator_a"), token, **HTMX).content.decode()
    assert "<html" not in html and 'id="acties"' in html
    assert "Flyers rondbrengen" in html and str(token) not in html
    assert 'hx-swap-oob="true"' in html


def test_add_actie_without_text_is_refused(client_for, wijk_a):
    client = client_for("coordinator_a")
    data = {"actie-omschrijving": "", "actie-token": str(uuid.uuid4())}
    response = client.post(BASE + "acties/nieuw/", data)
    assert response.status_code == 200 and "Dit veld is verplicht" in response.content.decode()
    assert not Actie.objects.exists()


def test_complete_and_reopen(client_for, wijk_a):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a))
    client = client_for("coordinator_a")
    url = BASE + f"acties/{actie.pk}/afronden/"
    client.post(url, {"versie": 1, "afgerond": "on"}, **HTMX)
    client.post(url, {"versie": 1, "afgerond": "on"}, **HTMX)  # double submit
    actie.refresh_from_db()
    assert actie.afgerond and actie.afgerond_op == datetime.date.today() and actie.versie == 2
    client.post(url, {"versie": 2})
    actie.refresh_from_db()
    assert not actie.afgerond and actie.afgerond_op is None


def test_move_up_and_down_and_double_submit(client_for, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    a, b, c = (ActieFactory(wijkplan=plan, omschrijving=n, volgorde=i) for i, n in enumerate("abc"))
    client = client_for("coordinator_a")
    url = BASE + f"acties/{c.pk}/verplaatsen/"
    client.post(url, {"versie": c.versie, "richting": "omhoog"}, **HTMX)
    response = client.post(url, {"versie": c.versie, "richting": "omhoog"}, **HTMX)
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    assert [x.omschrijving for x in plan.acties.all()] == ["a", "c", "b"]
    c.refresh_from_db()
    client.post(url, {"versie": c.versie, "richting": "omlaag"})
    assert [x.omschrijving for x in plan.acties.all()] == ["a", "b", "c"]


def test_edit_actie_conflict_keeps_both(client_for, wijk_a, coordinator_a2):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a), omschrijving="Oud")
    actie.bewaar(1, coordinator_a2, omschrijving="Van de ander")
    client = client_for("coordinator_a")
    url = BASE + f"acties/{actie.pk}/"
    assert client.get(url).status_code == 200
    data = {"omschrijving": "Van mij", "wie": "Jo", "voor_wanneer": "", "versie": 1}
    html = client.post(url, data).content.decode()
    assert "iemand anders heeft deze actie gewijzigd" in html
    assert "Van mij" in html and "Van de ander" in html
    actie.refresh_from_db()
    assert actie.omschrijving == "Van de ander"
    assert client.post(url, {**data, "versie": 2}).status_code == 302
    actie.refresh_from_db()
    assert actie.omschrijving == "Van mij"


def test_edit_actie_conflict_shows_only_what_each_changed_and_keeps_the_others_edit(
    client_for, wijk_a, coordinator_a2
):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a), omschrijving="Oud", wie="Jo")
    client = client_for("coordinator_a")
    url = BASE + f"acties/{actie.pk}/"
    geladen = client.get(url).context["form"]
    data = {name: geladen[name].value() or "" for name in geladen.fields}
    actie.bewaar(1, coordinator_a2, omschrijving="Van de ander")
    response = client.post(url, {**data, "wie": "Kim"})
    rijen = response.context["conflict"]
    assert rijen == [
        ("Actie", "(niet gewijzigd)", "Van de ander"),
        ("Wie", "Kim", "(niet gewijzigd)"),
    ]
    html = response.content.decode()
    assert "Voor wanneer</th>" not in html  # untouched by both: not in the table
    form = response.context["form"]
    assert form["omschrijving"].value() == "Van de ander" and form["wie"].value() == "Kim"
    data = {name: form[name].value() or "" for name in form.fields}
    assert client.post(url, data).status_code == 302
    actie.refresh_from_db()
    assert (actie.omschrijving, actie.wie) == ("Van de ander", "Kim")


def test_edit_actie_after_a_move_by_someone_else_is_no_conflict(client_for, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    a, b = (ActieFactory(wijkplan=plan, omschrijving=n, volgorde=i) for i, n in enumerate("ab"))
    client = client_for("coordinator_a")
    url = BASE + f"acties/{b.pk}/"
    geladen = client.get(url).context["form"]
    data = {name: geladen[name].value() or "" for name in geladen.fields}
    b.verplaats(b.versie, True, None)
    assert client.post(url, {**data, "wie": "Kim"}).status_code == 302
    b.refresh_from_db()
    assert (b.wie, b.volgorde) == ("Kim", 1)


def test_move_actie_to_a_place(client_for, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    acties = [ActieFactory(wijkplan=plan, omschrijving=n, volgorde=i) for i, n in enumerate("abcd")]
    client = client_for("coordinator_a")
    d = acties[3]
    url = BASE + f"acties/{d.pk}/verplaatsen/"
    response = client.post(url, {"versie": d.versie, "plaats": 1}, **HTMX)
    assert "“d” staat nu op plaats 1." in response.content.decode()
    assert [x.omschrijving for x in plan.acties.all()] == ["d", "a", "b", "c"]
    assert [x.volgorde for x in plan.acties.all()] == [1, 2, 3, 4]
    # An outdated version moves nothing; a place past the end puts it last.
    client.post(url, {"versie": d.versie, "plaats": 3})
    assert [x.omschrijving for x in plan.acties.all()] == ["d", "a", "b", "c"]
    d.refresh_from_db()
    response = client.post(url, {"versie": d.versie, "plaats": 99})
    assert response.status_code == 302
    assert [x.omschrijving for x in plan.acties.all()] == ["a", "b", "c", "d"]
    html = client.get(BASE).content.decode()
    assert f'id="plaats-{d.pk}" name="plaats" min="1" max="4" value="4"' in html


def test_move_actie_to_a_place_through_the_model(wijk_a, coordinator_a):
    plan = WijkplanFactory(wijk=wijk_a)
    a, b, c = (ActieFactory(wijkplan=plan, omschrijving=n, volgorde=i) for i, n in enumerate("abc"))
    assert b.verplaats_naar(b.versie, 3, coordinator_a) == 3
    assert [x.omschrijving for x in plan.acties.all()] == ["a", "c", "b"]
    assert Actie.history.filter(id=b.pk).first().history_user == coordinator_a


@pytest.mark.parametrize("plaats", ["0", "-1", "x", "100000"])
def test_move_actie_to_a_bad_place_changes_nothing(client_for, wijk_a, plaats):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a))
    url = BASE + f"acties/{actie.pk}/verplaatsen/"
    response = client_for("coordinator_a").post(url, {"versie": 1, "plaats": plaats}, **HTMX)
    assert "Dat lukte niet" in response.content.decode()
    actie.refresh_from_db()
    assert actie.versie == 1


def test_delete_actie_needs_the_current_version(client_for, wijk_a):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a))
    client = client_for("coordinator_a")
    client.post(BASE + f"acties/{actie.pk}/verwijderen/", {"versie": 7})
    assert Actie.objects.filter(pk=actie.pk).exists()
    client.post(BASE + f"acties/{actie.pk}/verwijderen/", {"versie": 1})
    assert not Actie.objects.filter(pk=actie.pk).exists()
    assert Actie.history.filter(id=actie.pk, history_type="-").exists()


@pytest.mark.parametrize("data", [{}, {"versie": "x"}, {"versie": 1, "richting": "zijwaarts"}])
def test_bad_actie_input_changes_nothing(client_for, wijk_a, data):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_a))
    client = client_for("coordinator_a")
    for stap in ["afronden", "verplaatsen", "verwijderen"]:
        assert client.post(BASE + f"acties/{actie.pk}/{stap}/", data).status_code in (200, 302)
    actie.refresh_from_db()
    assert actie.versie == 1 and not actie.afgerond


def test_actie_of_another_wijk_is_404(client_for, wijk_a, wijk_b):
    actie = ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_b))
    client = client_for("coordinator_a")
    assert client.get(BASE + f"acties/{actie.pk}/").status_code == 404
    assert client.post(BASE + f"acties/{actie.pk}/afronden/", {"versie": 1}).status_code == 404


# --- planning ---------------------------------------------------------------------


def test_planning_adds_to_the_agenda_once_per_day(client_for, wijk_a):
    """Chapter 4 is the agenda: an Open Koffie planned here is one of the agenda's, and a
    second one on the same day (a double submit) is refused with a Dutch error."""
    client = client_for("coordinator_a")
    dag = datetime.date.today() + datetime.timedelta(days=40)
    data = {
        "planning-soort": "open_koffie",
        "planning-datum": dag.isoformat(),
        "planning-tijd": "14:00",
        "planning-waar": "Gasterie",
    }
    client.post(BASE + "planning/nieuw/", data)
    html = client.post(BASE + "planning/nieuw/", data, **HTMX).content.decode()
    assert OpenKoffie.objects.voor_wijk(wijk_a).count() == 1
    assert "staat al een Open Koffie" in html and 'id="planning"' in html
    open_koffie = OpenKoffie.objects.get()
    assert open_koffie.agendaonderdelen.count() == 4  # the standard agenda
    publiek = client_for("anonymous").get(f"/{wijk_a.regio.slug}/{wijk_a.slug}/wijkplan/")
    assert open_koffie.get_absolute_url() in publiek.content.decode()


def test_planning_adds_an_overleg(client_for, wijk_a):
    dag = datetime.date.today() + datetime.timedelta(days=10)
    data = {
        "planning-soort": "overleg",
        "planning-datum": dag.isoformat(),
        "planning-tijd": "10:00",
    }
    client_for("coordinator_a").post(BASE + "planning/nieuw/", data)
    overleg = WijkverbinderOverleg.objects.get(wijk=wijk_a)
    assert overleg.datum == dag and not overleg.is_gehouden


def test_planning_without_date_is_refused(client_for, wijk_a):
    data = {"planning-soort": "open_koffie"}
    response = client_for("coordinator_a").post(BASE + "planning/nieuw/", data)
    assert response.status_code == 200 and "Dit veld is verplicht" in response.content.decode()
    assert not OpenKoffie.objects.exists()


def test_a_token_of_another_wijk_reveals_nothing(client_for, wijk_a, wijk_b):
    token = uuid.uuid4()
    ActieFactory(wijkplan=WijkplanFactory(wijk=wijk_b), omschrijving="Geheim van B", token=token)
    html = nieuwe_actie(client_for("coordinator_a"), token, "Van A", **HTMX).content.decode()
    assert "Geheim van B" not in html and "Van A" in html
    assert Actie.objects.count() == 2
