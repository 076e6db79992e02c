"""Issue 13, findings 1 and 2: least privilege in the admin, and the admin keeps the rules.

Every rule is tried through the admin (GET and POST) and, where the back office has
the same change, through the back office too.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from initiatieven.models import Begroting, Begrotingsregel, GoedkeuringGeweigerd, Status
from openkoffie.models import Bespreekpunt, OpenKoffie
from tests.admin_forms import admin_post
from tests.factories import UserFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over
from tests.factories_wijkplan import ActieFactory
from wijken.base import roles
from wijken.base.models import User
from wijken.wijkplan.models import Wijkplan, bewaar_deel

# --- 1. least privilege -----------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def pm(client_for):
    return client_for("programmamanager")


def test_every_listed_permission_exists_and_roles_get_exactly_their_list(db):
    for rol, lijst in [
        (roles.PROGRAMMAMANAGER, roles.PROGRAMMAMANAGER_PERMISSIONS),
        (roles.PROJECTLEIDER, roles.PROJECTLEIDER_PERMISSIONS),
    ]:
        verwacht = roles.permission_codes(lijst)
        gegeven = set(
            Group.objects.get(name=rol).permissions.values_list(
                "content_type__app_label", "codename"
            )
        )
        assert gegeven == verwacht, rol
    for rol in (roles.COORDINATOR, roles.WIJKVERBINDER):
        assert not Group.objects.get(name=rol).permissions.exists()


@pytest.mark.parametrize("rol", [roles.PROGRAMMAMANAGER, roles.PROJECTLEIDER])
def test_no_programme_role_may_manage_logins_groups_or_permissions(db, rol):
    user = UserFactory(rol=rol, is_staff=True)
    for perm in ["add_user", "change_user", "delete_user"]:
        assert not user.has_perm(f"wijken.{perm}")
    for model in ["group", "permission"]:
        for actie in ["view", "add", "change", "delete"]:
            assert not user.has_perm(f"auth.{actie}_{model}")
    assert not Permission.objects.filter(group__name=rol, codename__startswith="delete_").exclude(
        content_type__model__in=[
            "huismogelijkheden",
            "openingstijd",
            "ruimte",
            "initiatiefindicator",
            "vervolgafspraak",
        ]
    )


def test_the_programmamanager_sees_who_has_which_role_but_no_user_page(
    pm, programmamanager, coordinator_a
):
    html = pm.get("/admin/wijken/user/").content.decode()
    assert "coordinator-a" in html and roles.COORDINATOR in html
    assert f"/admin/wijken/user/{coordinator_a.pk}/change/" not in html
    assert "/admin/wijken/user/add/" not in html
    assert pm.get(f"/admin/wijken/user/{coordinator_a.pk}/change/").status_code == 403


def test_a_programmamanager_cannot_make_themselves_superuser(pm, programmamanager):
    url = f"/admin/wijken/user/{programmamanager.pk}/change/"
    assert pm.get(url).status_code == 403
    data = {
        "username": "programmamanager",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [g.pk for g in Group.objects.all()],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    assert pm.post(url, data).status_code == 403
    programmamanager.refresh_from_db()
    assert not programmamanager.is_superuser
    assert programmamanager.role_names == {roles.PROGRAMMAMANAGER}


def test_a_programmamanager_cannot_reset_another_password(pm, coordinator_a):
    url = f"/admin/wijken/user/{coordinator_a.pk}/password/"
    assert pm.get(url).status_code == 403
    data = {"password1": "Een heel nieuw wachtwoord 1", "password2": "Een heel nieuw wachtwoord 1"}
    assert pm.post(url, data).status_code == 403
    coordinator_a.refresh_from_db()
    assert coordinator_a.check_password("geheim")


def test_a_programmamanager_cannot_add_a_second_login(pm):
    aantal = User.objects.count()
    assert pm.get("/admin/wijken/user/add/").status_code == 403
    data = {
        "username": "tweede-ik",
        "password1": "Een heel nieuw wachtwoord 1",
        "password2": "Een heel nieuw wachtwoord 1",
        "usable_password": "true",
    }
    assert pm.post("/admin/wijken/user/add/", data).status_code == 403
    assert User.objects.count() == aantal


def test_a_programmamanager_cannot_change_groups(pm, programmamanager):
    groep = Group.objects.get(name=roles.COORDINATOR)
    assert pm.get("/admin/auth/group/").status_code == 403
    assert pm.get("/admin/auth/group/add/").status_code == 403
    url = f"/admin/auth/group/{groep.pk}/change/"
    assert pm.get(url).status_code == 403
    alles = list(Permission.objects.values_list("pk", flat=True))
    assert pm.post(url, {"name": groep.name, "permissions": alles}).status_code == 403
    assert pm.post("/admin/auth/group/add/", {"name": "Baas"}).status_code == 403
    assert not groep.permissions.exists()
    assert not Group.objects.filter(name="Baas").exists()
    # And deleting one's own group away (to dodge four eyes) is refused too.
    assert pm.post(f"/admin/auth/group/{groep.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Group.objects.filter(pk=groep.pk).exists()


def test_a_superuser_still_manages_users_and_groups(client, superuser, coordinator_a):
    client.force_login(superuser)
    for url in [
        "/admin/wijken/user/",
        "/admin/wijken/user/add/",
        f"/admin/wijken/user/{coordinator_a.pk}/change/",
        f"/admin/wijken/user/{coordinator_a.pk}/password/",
        "/admin/auth/group/",
    ]:
        assert client.get(url).status_code == 200, url


# --- staff logins by command ----------------------------------------------------------------


def maak(*args, **opties) -> str:
    out = io.StringIO()
    call_command("maak_medewerker", *args, stdout=out, stderr=io.StringIO(), **opties)
    return out.getvalue()


def test_maak_medewerker_makes_a_coordinator_of_a_wijk(wijk_a):
    uit = maak(
        "nieuwe-coordinator",
        "--rol",
        "coordinator",
        "--wijk",
        wijk_a.slug,
        "--email",
        "c@example.org",
        "--voornaam",
        "Noor",
        "--geen-invoer",
    )
    wachtwoord = uit.split("Wachtwoord: ")[1].split()[0]
    user = User.objects.get(username="nieuwe-coordinator")
    assert user.check_password(wachtwoord) and len(wachtwoord) >= 20
    assert user.role_names == {roles.COORDINATOR}
    assert not user.is_staff and not user.is_superuser
    assert list(user.wijken_als_coordinator.all()) == [wijk_a]


def test_maak_medewerker_links_a_wijkverbinder_and_programme_roles_are_staff(wijk_a):
    maak("wv", "--rol", "wijkverbinder", "--wijk", f"heuvelland/{wijk_a.slug}",
         "--email", "wv@example.org", "--geen-invoer")  # fmt: skip
    assert User.objects.get(username="wv").wijkverbinder.wijk == wijk_a
    maak("pm2", "--rol", "programmamanager", "--email", "pm2@example.org", "--geen-invoer")
    pm2 = User.objects.get(username="pm2")
    assert pm2.is_staff and not pm2.is_superuser and pm2.is_programmamanager


def test_maak_medewerker_asks_the_password_twice(wijk_a, monkeypatch):
    antwoorden = iter(["kort", "kort", "Lange zin als wachtwoord 7", "Lange zin als wachtwoord 7"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(antwoorden))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    uit = maak("pl", "--rol", "projectleider", "--email", "pl@example.org")
    assert "Wachtwoord" not in uit
    assert User.objects.get(username="pl").check_password("Lange zin als wachtwoord 7")


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["bewoner", "--rol", "projectleider", "--email", "x@example.org"], "bestaat al"),
        (["x", "--rol", "coordinator", "--email", "x@example.org"], "geef --wijk op"),
        (["x", "--rol", "coordinator", "--wijk", "nergens", "--email", "x@e.org"], "geen wijk"),
        (["x", "--rol", "projectleider", "--email", "geen-adres"], "geen geldig e-mailadres"),
        (["x", "--rol", "projectleider", "--email", "x@example.org"], "--geen-invoer"),
    ],
)
def test_maak_medewerker_refuses_in_dutch_and_makes_nothing(bewoner, wijk_a, args, melding):
    aantal = User.objects.count()
    with pytest.raises(CommandError, match=melding):
        maak(*args)
    assert User.objects.count() == aantal


# --- four eyes are about people -------------------------------------------------------------

QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"


@pytest.fixture
def tweede_pm(db):
    return UserFactory(username="tweede-pm", rol=roles.PROGRAMMAMANAGER, is_staff=True)


@pytest.fixture
def ingediend(wijk_a, coordinator_a):
    begroting = Begroting.objects.create(initiatief=InitiatiefFactory(wijk=wijk_a))
    Begrotingsregel.objects.create(
        begroting=begroting, categorie="overig", omschrijving="x", bedrag=5
    )
    begroting.indienen(coordinator_a)
    return begroting


def test_who_edited_the_version_may_not_approve_it_even_after_another_edit(
    ingediend, programmamanager, coordinator_a, tweede_pm, pm
):
    ingediend.na_wijziging(programmamanager)
    ingediend.na_wijziging(coordinator_a)  # now the coördinator is the submitter again
    with pytest.raises(GoedkeuringGeweigerd, match="zelf ingediend of gewijzigd"):
        ingediend.keur_goed(programmamanager, ingediend.versie)
    with pytest.raises(GoedkeuringGeweigerd, match="zelf ingediend of gewijzigd"):
        ingediend.wijs_af(programmamanager, ingediend.versie, "Nee")
    # Through the admin's queue: the same refusal, nothing decided.
    data = {"action": "goedkeuren", "_selected_action": [ingediend.pk], "bevestigd": "ja"}
    data[f"versie_{ingediend.pk}"] = ingediend.versie
    response = pm.post(QUEUE, data, follow=True)
    assert "zelf ingediend of gewijzigd" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.status == Begroting.Stand.INGEDIEND
    # A second person may.
    ingediend.keur_goed(tweede_pm, ingediend.versie)
    assert ingediend.is_goedgekeurd


def test_an_edit_before_the_last_decision_no_longer_counts(
    ingediend, programmamanager, coordinator_a, tweede_pm
):
    ingediend.na_wijziging(programmamanager)
    ingediend.na_wijziging(coordinator_a)
    ingediend.wijs_af(tweede_pm, ingediend.versie, "Te duur")
    ingediend.indienen(coordinator_a)
    ingediend.keur_goed(programmamanager, ingediend.versie)
    assert ingediend.is_goedgekeurd


# --- 2. the admin keeps the domain rules ---------------------------------------------------


def test_the_admin_cannot_make_an_initiative_actief(pm, client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)  # no steps, no begroting
    voor = initiatief.status
    url = f"/admin/initiatieven/initiatief/{initiatief.pk}/change/"
    html = pm.get(url).content.decode()
    assert initiatief.get_beheer_url() in html  # the way to the status
    response = admin_post(pm, url, status="actief", startdatum="2026-01-01", naam="Nieuw")
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.naam == "Nieuw"  # the rest of the form does save
    assert (initiatief.status, initiatief.startdatum) == (voor, None)
    # The back office, the path that has the rule, refuses with what is missing.
    response = client_for("coordinator_a").post(
        initiatief.beheer_url("status"), {"status": "actief"}
    )
    assert "Stap 1 is nog niet afgerond" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.status == voor


def test_the_admin_does_not_end_an_initiative_without_the_back_office(pm, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    url = f"/admin/initiatieven/initiatief/{initiatief.pk}/change/"
    admin_post(pm, url, status="idee", einddatum="2026-02-01", reden_einde="Zomaar")
    initiatief.refresh_from_db()
    assert (initiatief.status, initiatief.einddatum, initiatief.reden_einde) == ("actief", None, "")


@pytest.mark.parametrize("persona", ["programmamanager", "superuser"])
def test_the_wijkplan_is_only_shown_in_the_admin(client_for, client, superuser, wijk_a, persona):
    """A save or a revert in the admin would skip the version check of the back office."""
    c = client_for(persona) if persona != "superuser" else client
    if persona == "superuser":
        c.force_login(superuser)
    coordinator = UserFactory(rol=roles.COORDINATOR)
    bewaar_deel(wijk_a, "wijkdata", "Eerste", 0, coordinator)
    plan = bewaar_deel(wijk_a, "wijkdata", "Tweede", 1, coordinator)
    actie = ActieFactory(wijkplan=plan)
    eerste = plan.history.order_by("history_id").first()
    url = f"/admin/wijkplan/wijkplan/{plan.pk}/change/"
    html = c.get(url).content.decode()
    assert plan.get_beheer_url() in html
    assert 'name="wijkdata"' not in html
    assert c.post(url, {"wijkdata": "Van de admin"}).status_code == 403
    # simple_history's revert form saves an old version on POST: refused here.
    revert = f"/admin/wijkplan/wijkplan/{plan.pk}/history/{eerste.history_id}/"
    assert c.get(revert).status_code == 200
    assert c.post(revert, {}).status_code == 403
    actie_url = f"/admin/wijkplan/actie/{actie.pk}/change/"
    assert c.post(actie_url, {"omschrijving": "X"}).status_code == 403
    assert c.get("/admin/wijkplan/wijkplan/add/").status_code == 403
    plan.refresh_from_db()
    actie.refresh_from_db()
    assert (plan.wijkdata, plan.versie("wijkdata")) == ("Tweede", 2)
    assert actie.omschrijving != "X"


def test_a_correction_in_the_back_office_moves_the_version(client_for, wijk_a, coordinator_a):
    """The programmamanager corrects through the back office (the admin's link): a
    coördinator's stale save afterwards is refused, not silently applied."""
    plan = bewaar_deel(wijk_a, "wijkdata", "Eerste", 0, coordinator_a)
    gezien = plan.versie("wijkdata")
    url = reverse("wijkplan:deel", args=[wijk_a.regio.slug, wijk_a.slug, "wijkdata"])
    pm = client_for("programmamanager")
    assert pm.post(url, {"wijkdata": "Correctie", "versie": gezien}).status_code == 302
    response = client_for("coordinator_a").post(url, {"wijkdata": "Oud", "versie": gezien})
    assert response.status_code in (200, 409)
    assert Wijkplan.objects.get(wijk=wijk_a).wijkdata == "Correctie"


def test_the_admin_does_not_publish_an_evaluation(pm, wijk_a, coordinator_a):
    from initiatieven.models import Evaluatie

    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    url = f"/admin/initiatieven/evaluatie/{evaluatie.pk}/change/"
    assert initiatief.beheer_url("evaluatie", evaluatie.pk) in pm.get(url).content.decode()
    admin_post(pm, url, gepubliceerd_op_0="2026-01-01", gepubliceerd_op_1="10:00:00")
    evaluatie.refresh_from_db()
    assert evaluatie.gepubliceerd_op is None
    assert pm.get("/admin/initiatieven/evaluatie/add/").status_code == 403


def test_the_admin_writes_no_verslag_for_a_meeting_still_to_come(pm, client_for, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    url = f"/admin/openkoffie/openkoffie/{open_koffie.pk}/change/"
    admin_post(pm, url, verslag="Het was gezellig", aantal_buurtbewoners="40")
    open_koffie.refresh_from_db()
    assert (open_koffie.verslag, open_koffie.aantal_buurtbewoners) == ("", None)
    # The back office refuses it with its own message.
    verslag = reverse(
        "openkoffie_beheer:verslag", args=[wijk_a.regio.slug, wijk_a.slug, open_koffie.pk]
    )
    response = client_for("coordinator_a").post(
        verslag, {"verslag": "Het was gezellig", "aantal_buurtbewoners": "40"}
    )
    assert "als de Open Koffie geweest is" in response.content.decode()
    open_koffie.refresh_from_db()
    assert open_koffie.status == OpenKoffie.Status.GEPLAND and not open_koffie.verslag


def test_the_admin_does_not_put_a_bespreekpunt_on_the_agenda(pm, wijk_a):
    punt = BespreekpuntFactory(open_koffie=OpenKoffieFactory(wijk=wijk_a))
    url = f"/admin/openkoffie/bespreekpunt/{punt.pk}/change/"
    assert punt.open_koffie.get_beheer_url() in pm.get(url).content.decode()
    admin_post(pm, url, status="geaccepteerd", volgorde="1", tekst="Anders")
    punt.refresh_from_db()
    assert (punt.status, punt.tekst) == (Bespreekpunt.Status.INGEDIEND, "Anders")
    # Nor through the inline of its Open Koffie.
    ok_url = f"/admin/openkoffie/openkoffie/{punt.open_koffie.pk}/change/"
    html = pm.get(ok_url).content.decode()
    assert 'name="bespreekpunten-0-status"' not in html
    assert 'name="agendaonderdelen-0-soort"' not in html


def test_the_projectleider_looks_and_changes_nothing(client_for, projectleider, wijk_a):
    projectleider.is_staff = True
    projectleider.save()
    client = client_for("projectleider")
    initiatief = InitiatiefFactory(wijk=wijk_a)
    url = f"/admin/initiatieven/initiatief/{initiatief.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"naam": "Anders"}).status_code == 403
    initiatief.refresh_from_db()
    assert initiatief.naam != "Anders"
