""" "Mijn wijk" (issue 18): a wijkverbinder opens and edits the initiatives she coordinates
(description, steps 1-9, a draft evaluation), reads her wijk's initiatives, Open Koffies
and wijkplan, and her dashboard shows her week. The begroting, the status and publishing
stay with the coördinator; everything of another initiative or wijk stays a 404."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from communitycare.portaal.mijn_wijk import mijn_wijk, noemt
from initiatieven.models import Evaluatie, Initiatief, Startstap, Status
from tests.factories import UserFactory, WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, OverlegFactory, over
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from wijken.base import roles
from wijken.base.models import User
from wijken.wijkplan.models import Wijkplan

HTMX = {"HX-Request": "true"}


@pytest.fixture
def eigen(wijk_a, wijkverbinder, coordinator_a):
    """Wijk A's initiative that the wijkverbinder persona coordinates (ready, approved)."""
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijkverbinder = wijkverbinder.wijkverbinder
    initiatief.save()
    return initiatief


@pytest.fixture
def verbinder(client_for):
    return client_for("wijkverbinder")


# --- her own initiative -----------------------------------------------------------


def test_she_edits_the_description_of_her_own_initiative(verbinder, eigen, coordinator_a):
    url = eigen.beheer_url("beschrijving")
    html = verbinder.get(url).content.decode()
    # Who coordinates and when it started are not hers to change: not in her form.
    assert 'name="globale_beschrijving"' in html
    assert 'name="coordinator"' not in html and 'name="startdatum"' not in html
    ander = WijkverbinderFactory(wijk=eigen.wijk)
    data = {
        "naam": "Samen boodschappen",
        "thema": "samen_op_stap",
        "globale_beschrijving": "Elke dinsdag samen naar de winkel.",
        "indicatoren": ["eenzaamheid"],
        # Sent anyway: ignored, the form has no such fields for her.
        "wijkverbinder": ander.pk,
        "coordinator": "",
        "startdatum": "2020-01-01",
    }
    response = verbinder.post(url, data)
    assert response.status_code == 302
    eigen.refresh_from_db()
    assert eigen.naam == "Samen boodschappen"
    assert eigen.globale_beschrijving == "Elke dinsdag samen naar de winkel."
    assert eigen.wijkverbinder.user.username == "wijkverbinder"
    assert eigen.coordinator == coordinator_a and eigen.startdatum is None


def test_she_completes_a_step_with_and_without_htmx(verbinder, wijk_a, wijkverbinder):
    initiatief = InitiatiefFactory(wijk=wijk_a, wijkverbinder=wijkverbinder.wijkverbinder)
    url = initiatief.beheer_url("stap", 4)
    response = verbinder.post(url, {"stap4-antwoord": "Na zes maanden, met de wijk."})
    assert response.status_code == 302
    assert response["Location"].endswith("#stap-4")
    stap = Startstap.objects.get(initiatief=initiatief, nummer=4)
    assert stap.voltooid_door == wijkverbinder
    response = verbinder.post(
        initiatief.beheer_url("stap", 2),
        {"stap2-antwoord": "Zes buren.", "stap2-bewoner_doet_mee": "on"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<li id="stap-2"')
    assert initiatief.startstappen.count() == 2


def test_her_page_offers_no_status_or_begroting(verbinder, eigen):
    html = verbinder.get(eigen.get_beheer_url()).content.decode()
    assert "Beschrijving bewerken" in html
    assert "Status wijzigen" not in html
    assert eigen.beheer_url("status") not in html
    assert eigen.beheer_url("begroting") not in html
    assert "De coördinator wijzigt de status." in html


def test_begroting_and_status_are_refused_and_change_nothing(verbinder, wijk_a, wijkverbinder):
    """Her own initiative, ready to start, with a begroting still a draft."""
    initiatief = klaar_voor_actief(wijk_a, UserFactory(rol=roles.COORDINATOR), goedgekeurd=False)
    initiatief.wijkverbinder = wijkverbinder.wijkverbinder
    initiatief.save()
    begroting = initiatief.begroting
    stand = (begroting.status, begroting.versie, begroting.regels.count())
    for naam in ("begroting", "begroting_export"):
        assert verbinder.get(initiatief.beheer_url(naam)).status_code == 404, naam
    for naam, data in [
        ("indienen", {}),
        ("status", {"status": Status.ACTIEF}),
        ("status", {"status": Status.AFGEWEZEN}),
        ("regel_nieuw", {"categorie": "overig", "omschrijving": "Thee", "bedrag": "5"}),
        ("regel_verwijderen", {}),
    ]:
        args = [begroting.regels.first().pk] if naam == "regel_verwijderen" else []
        response = verbinder.post(initiatief.beheer_url(naam, *args), data)
        assert response.status_code == 404, naam
    begroting.refresh_from_db()
    assert (begroting.status, begroting.versie, begroting.regels.count()) == stand
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ONTWIKKELING


def test_she_drafts_an_evaluation_but_does_not_publish(verbinder, eigen):
    eigen.wijzig_status(Status.ACTIEF)
    response = verbinder.post(eigen.beheer_url("evaluatie_nieuw"), {"soort": "jaarlijks"})
    assert response.status_code == 302
    evaluatie = eigen.evaluaties.get()
    url = eigen.beheer_url("evaluatie", evaluatie.pk)
    html = verbinder.get(url).content.decode()
    assert 'name="opstart"' in html and 'name="publiceren"' not in html
    data = {
        "ingevuld_door": "Anneke",
        "datum": timezone.localdate().isoformat(),
        "opstart": "Goed.",
        "voortgang": "Volgens plan.",
        "effect_beleving": "Ja.",
        "voortzetten": "Ja.",
        "publiceren": "on",  # sent anyway: ignored
        "besteding-TOTAL_FORMS": "0",
        "besteding-INITIAL_FORMS": "0",
    }
    data |= {
        f"besteding-{i}-{k}": v
        for i, b in enumerate(evaluatie.bestedingen.all())
        for k, v in (("id", b.pk), ("besteed", "1"))
    }
    data["besteding-TOTAL_FORMS"] = data["besteding-INITIAL_FORMS"] = str(
        evaluatie.bestedingen.count()
    )
    assert verbinder.post(url, data).status_code == 302
    evaluatie.refresh_from_db()
    assert evaluatie.opstart == "Goed." and evaluatie.gepubliceerd_op is None
    # Once the coördinator published it, it is hers no more: 404, and nothing changes.
    Evaluatie.objects.filter(pk=evaluatie.pk).update(gepubliceerd_op=timezone.now())
    assert verbinder.get(url).status_code == 404
    assert verbinder.post(url, data | {"opstart": "Anders."}).status_code == 404
    evaluatie.refresh_from_db()
    assert evaluatie.opstart == "Goed."


# --- what is not hers ----------------------------------------------------------------


def test_another_initiative_of_her_wijk_is_a_404_for_edit(verbinder, wijk_a, eigen):
    ander = InitiatiefFactory(wijk=wijk_a, naam="Van een ander", globale_beschrijving="Oud")
    for naam, args in [("initiatief", []), ("beschrijving", []), ("stap", [1])]:
        url = ander.get_beheer_url() if naam == "initiatief" else ander.beheer_url(naam, *args)
        assert verbinder.get(url).status_code == 404, naam
    data = {"naam": "Overgenomen", "thema": "anders", "globale_beschrijving": "Nieuw"}
    assert verbinder.post(ander.beheer_url("beschrijving"), data).status_code == 404
    assert verbinder.post(ander.beheer_url("stap", 4), {"stap4-antwoord": "x"}).status_code == 404
    nieuw = verbinder.post(ander.beheer_url("evaluatie_nieuw"), {"soort": "jaarlijks"})
    assert nieuw.status_code == 404
    ander.refresh_from_db()
    assert ander.naam == "Van een ander" and ander.globale_beschrijving == "Oud"
    assert not ander.startstappen.exists() and not ander.evaluaties.exists()
    # She sees it in the wijk's list, linked to its public page, not to its back office.
    html = verbinder.get(f"/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/initiatieven/").content
    assert eigen.get_beheer_url().encode() in html
    assert b"Van een ander" in html and ander.get_beheer_url().encode() not in html
    assert b"Nieuw initiatief" not in html


def test_another_wijk_is_a_404(verbinder, wijk_b, wijkverbinder):
    # Even an initiative of wijk B that names her (bad data): never through wijk B.
    initiatief = InitiatiefFactory(wijk=wijk_b, wijkverbinder=wijkverbinder.wijkverbinder)
    open_koffie = OpenKoffieFactory(wijk=wijk_b)
    base = f"/beheer/{wijk_b.regio.slug}/{wijk_b.slug}/"
    for url in [
        initiatief.get_beheer_url(),
        initiatief.beheer_url("beschrijving"),
        base + "initiatieven/",
        base + "open-koffie/",
        base + f"open-koffie/{open_koffie.pk}/",
        base + "wijkplan/",
    ]:
        assert verbinder.get(url).status_code == 404, url


def test_a_stopped_wijkverbinder_or_one_without_the_role_has_nothing(client_for, eigen):
    user = eigen.wijkverbinder.user
    url = eigen.get_beheer_url()
    assert client_for("wijkverbinder").get(url).status_code == 200
    user.groups.clear()
    client = Client()
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get(url).status_code == 404
    assert "Mijn wijk" not in client.get("/beheer/").content.decode()
    user.groups.add(Group.objects.get(name=roles.WIJKVERBINDER))
    assert client.get(url).status_code == 200
    eigen.wijkverbinder.status = "gestopt"
    eigen.wijkverbinder.save()
    assert client_for("wijkverbinder").get(url).status_code == 404
    assert "Mijn wijk" not in client_for("wijkverbinder").get("/beheer/").content.decode()


# --- reading her wijk -----------------------------------------------------------------


def test_she_reads_the_open_koffie_without_its_controls_or_submitted_points(verbinder, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    BespreekpuntFactory(open_koffie=open_koffie, tekst="Een bankje bij de bushalte")
    punt = BespreekpuntFactory(open_koffie=open_koffie, tekst="Graag geheim", contact="06 1")
    open_koffie.bespreekpunten.filter(tekst__startswith="Een bankje").update(status="geaccepteerd")
    base = f"/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/open-koffie/"
    html = verbinder.get(base + f"{open_koffie.pk}/").content.decode()
    assert "Een bankje bij de bushalte" in html
    assert "Graag geheim" not in html and "06 1" not in html
    assert "Accepteren" not in html and "Agenda aanpassen" not in html
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0]
    response = verbinder.post(
        base + f"{open_koffie.pk}/bespreekpunten/{punt.pk}/status/", {"status": "geaccepteerd"}
    )
    assert response.status_code == 404
    punt.refresh_from_db()
    assert punt.status == "ingediend"
    overzicht = verbinder.get(base).content.decode()
    assert "Een jaar vooruit plannen" not in overzicht and "Overleg vastleggen" not in overzicht


def test_she_reads_the_wijkplan_without_its_controls(verbinder, wijk_a):
    plan = WijkplanFactory(wijk=wijk_a)
    actie = ActieFactory(wijkplan=plan, omschrijving="Flyers rondbrengen")
    html = verbinder.get(Wijkplan(wijk=wijk_a).get_beheer_url()).content.decode()
    assert "Flyers rondbrengen" in html
    assert "Nieuwe actie" not in html and "Versies, verschillen" not in html
    url = f"/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/wijkplan/acties/{actie.pk}/"
    assert verbinder.post(url, {"omschrijving": "Weg", "versie": 1}).status_code == 404
    actie.refresh_from_db()
    assert actie.omschrijving == "Flyers rondbrengen"


# --- her dashboard ---------------------------------------------------------------------


def _week(wijk, verbinder_obj, coordinator, aantal: int):
    """Her wijk with `aantal` of each: initiatives she coordinates (one overdue), acties,
    accepted points; besides, what is not hers."""
    plan = WijkplanFactory(wijk=wijk)
    for n in range(aantal):
        InitiatiefFactory(wijk=wijk, wijkverbinder=verbinder_obj, naam=f"Mijn idee {n}")
        ActieFactory(wijkplan=plan, omschrijving=f"Actie van de wijk {n}", wie="Jo")
    te_laat = klaar_voor_actief(wijk, coordinator)
    te_laat.wijkverbinder = verbinder_obj
    te_laat.naam = "Koffie bij de huisarts"
    te_laat.save()
    te_laat.wijzig_status(Status.ACTIEF)
    # Started two years ago, the six-month evaluation published: the yearly one is late.
    Initiatief.objects.filter(pk=te_laat.pk).update(
        startdatum=timezone.localdate() - datetime.timedelta(days=730)
    )
    Evaluatie.objects.create(
        initiatief=te_laat,
        soort="zes_maanden",
        ingevuld_door="x",
        datum=timezone.localdate() - datetime.timedelta(days=540),
        gepubliceerd_op=timezone.now(),
    )
    ActieFactory(wijkplan=plan, omschrijving="Rooster maken", wie=verbinder_obj.naam.split()[0])
    ActieFactory(wijkplan=plan, omschrijving="Al gedaan", afgerond=True)
    InitiatiefFactory(wijk=wijk, naam="Niet van mij")
    OverlegFactory(wijk=wijk, datum=timezone.localdate() - datetime.timedelta(days=3))
    OverlegFactory(wijk=wijk, datum=timezone.localdate() + datetime.timedelta(days=9))
    open_koffie = OpenKoffieFactory(wijk=wijk, begin=over(20))
    OpenKoffieFactory(wijk=wijk, begin=over(50))
    for n in range(aantal):
        punt = BespreekpuntFactory(open_koffie=open_koffie, tekst=f"Geaccepteerd punt {n}")
        punt.status = "geaccepteerd"
        punt.save()
    BespreekpuntFactory(open_koffie=open_koffie, tekst="Nog te beoordelen")
    return open_koffie


@pytest.mark.parametrize("aantal", [1, 5])
def test_her_dashboard_shows_her_week_in_a_pinned_number_of_queries(
    client_for, wijk_a, wijkverbinder, coordinator_a, django_assert_num_queries, aantal
):
    verbinder_obj = wijkverbinder.wijkverbinder
    open_koffie = _week(wijk_a, verbinder_obj, coordinator_a, aantal)
    client = client_for("wijkverbinder")
    # Session and user, her role, the doe-boekje right, her wijkverbinder, and six for
    # "Mijn wijk" (mijn_wijk.py), whatever the number of items.
    with django_assert_num_queries(11):
        html = client.get("/beheer/").content.decode()
    assert "Mijn wijk: Valkenburg-Oosterbeemd" in html
    mijn = html[html.index("Mijn wijk:") :]
    assert "Koffie bij de huisarts" in mijn and "Mijn idee 0" in mijn
    assert "Niet van mij" not in mijn
    evaluaties = mijn[mijn.index("Evaluaties te doen") : mijn.index("Initiatieven die u")]
    assert "Jaarlijkse evaluatie" in evaluaties and "te laat" in evaluaties
    overleg = timezone.localdate() + datetime.timedelta(days=9)
    assert f"{overleg.day} " in mijn[mijn.index("Volgend overleg") :][:300]
    assert f"/open-koffie/{open_koffie.pk}/" in mijn
    assert "Geaccepteerd punt 0" in mijn and "Nog te beoordelen" not in mijn
    acties = mijn[mijn.index("Open acties in het wijkplan") :]
    assert acties.index("Rooster maken") < acties.index("Actie van de wijk 0")
    assert "<strong>Uw actie:</strong> Rooster maken" in acties
    assert "Al gedaan" not in acties


def test_mijn_wijk_orders_her_acties_first_and_evaluations_by_date(
    wijk_a, wijkverbinder, coordinator_a
):
    _week(wijk_a, wijkverbinder.wijkverbinder, coordinator_a, 2)
    week = mijn_wijk(wijkverbinder.wijkverbinder)
    assert [van_mij for _actie, van_mij in week.acties] == [True, False, False]
    assert [i.naam for i, _m in week.evaluaties] == ["Koffie bij de huisarts"]
    assert week.evaluaties[0][1].te_laat
    assert week.overleg.datum > timezone.localdate()


@pytest.mark.parametrize(
    ("wie", "naam", "verwacht"),
    [
        ("Anneke", "Anneke Vliegen", True),
        ("anneke en Jo", "Anneke Vliegen", True),
        ("Annekes buurvrouw", "Anneke Vliegen", False),
        ("Sandra en een wijkverbinder", "Anneke Vliegen", False),
        ("", "Anneke Vliegen", False),
        ("Anneke", "", False),
        ("(a+b)", "(a+b) x", False),
    ],
)
def test_an_actie_names_her_by_her_first_name(wie, naam, verwacht):
    assert noemt(wie, naam) is verwacht


# --- the demo ------------------------------------------------------------------------


def test_the_demo_wijkverbinder_sees_her_late_yearly_evaluation(db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client()
    client.force_login(User.objects.get(username="wijkverbinder-valkenburg"))
    html = client.get("/beheer/").content.decode()
    mijn = html[html.index("Mijn wijk: Valkenburg-Oosterbeemd") :]
    evaluaties = mijn[mijn.index("Evaluaties te doen") : mijn.index("Initiatieven die u")]
    assert "Koffieochtend bij de huisarts" in evaluaties
    assert "Jaarlijkse evaluatie" in evaluaties and "te laat" in evaluaties
    assert "geen evaluaties te doen" not in evaluaties
    assert "Er is nog geen overleg gepland" not in mijn
    assert "Er is nog geen Open Koffie gepland" not in mijn
    assert "<strong>Uw actie:</strong>" in mijn
    koffie = Initiatief.objects.get(slug="koffieochtend-bij-de-huisarts")
    assert client.get(koffie.get_beheer_url()).status_code == 200
    assert client.get(koffie.beheer_url("begroting")).status_code == 404
