"""The whole lifecycle in Chromium: create, steps, description, begroting, approval, actief."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from initiatieven.models import Begroting, Initiatief, Status
from tests.conftest import PASSWORD, assert_accessible
from tests.factories import WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory, over

BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/"


def stap(page, nummer: int, **velden) -> None:
    item = page.locator(f"#stap-{nummer}")
    for label, waarde in velden.items():
        # Crispy marks required fields with an asterisk in the label.
        veld = item.get_by_label(re.compile(r"^\s*" + re.escape(label) + r"\s*\*?\s*$"))
        if waarde is True:
            veld.check()
        elif veld.evaluate("el => el.tagName") == "SELECT":
            # An option may say more after the name (a wijkverbinder's talents and load).
            optie = veld.evaluate(
                "(el, tekst) => [...el.options].find("
                "o => o.label === tekst || o.label.startsWith(tekst + ' · ')).value",
                waarde,
            )
            veld.select_option(value=optie)
        else:
            veld.fill(waarde)
    item.get_by_role("button", name=f"Stap {nummer} afronden").click()
    page.locator(f"#stap-{nummer}.stap--af").wait_for()


def regel(page, categorie: str, omschrijving: str, bedrag: str, betaler: str) -> None:
    form = page.locator("#begroting-regels form[aria-labelledby]")
    form.get_by_label("Categorie").select_option(label=categorie)
    form.get_by_label("Wat/welke/wie").fill(omschrijving)
    form.get_by_label("Hoeveel kost het (€)").fill(bedrag)
    form.get_by_label("Wie gaat betalen/uitvoeren").fill(betaler)
    form.get_by_role("button", name="Regel toevoegen").click()
    page.locator("#begroting-regels").get_by_role("cell", name=omschrijving, exact=True).wait_for()


def test_whole_path_from_idea_to_public_and_back_to_pending(
    page, browser, live_server, login, wijk_a, coordinator_a, programmamanager
):
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen")
    # Steps 8 and 9 point at meetings that took place (a planned one leaves them pending).
    overleg = OverlegFactory(wijk=wijk_a, datum=timezone.localdate() - datetime.timedelta(days=9))
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(-5), status="gehouden")
    login(page, coordinator_a)
    page.get_by_role("link", name="Valkenburg-Oosterbeemd", exact=True).click()
    page.get_by_role("main").get_by_role("link", name="Initiatieven", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw initiatief").click()
    page.get_by_label("Naam initiatief").fill("Samen op stap")
    page.get_by_label("Thema").select_option(label="Samen op stap voor een boodschap")
    page.get_by_label("Wie had het idee?").select_option(label="Een groep bewoners")
    page.get_by_label("Naam van de initiatiefnemer").fill("Buren van de Kerkstraat")
    page.get_by_role("button", name="Initiatief aanmaken").click()
    page.wait_for_url(re.compile(r"/initiatieven/samen-op-stap/$"))
    assert_accessible(page)

    stap(page, 1, Eenzaamheid=True)
    stap(
        page, 2, **{"Wie doen er mee?": "Zes bewoners", "Minstens één buurtbewoner doet mee": True}
    )
    stap(
        page,
        3,
        **{
            "Wat is er al in de wijk, en waarom is dit nieuw?": "Niets vergelijkbaars",
            "Dit is nog niet aanwezig in de wijk": True,
        },
    )
    stap(page, 4, **{"Hoe evalueren we het, en hoe blijft het bestaan?": "Na zes maanden"})
    stap(page, 5, **{"Welk doel van het wijkplan dient het?": "2.1.2"})
    stap(page, 8, **{"Overleg": str(overleg), "Aangestelde wijkverbinder": "Anneke Vliegen"})
    stap(page, 9, **{"Open Koffie": str(open_koffie)})

    page.get_by_role("link", name="Beschrijving bewerken").click()
    assert_accessible(page)
    page.get_by_label("Betrokken coördinator").select_option(label=str(coordinator_a))
    page.get_by_label("Contactpersoon voor vragen").fill("Receptie, 043 555 0110")
    page.get_by_label("Globale beschrijving").fill("Samen boodschappen doen.")
    for label in [
        "Aanpak tot stand komen",
        "Wanneer, hoe vaak en hoe laat",
        "Voor hoeveel deelnemers, wie is welkom",
        "Ruimte, veiligheid en toegang",
        "Faciliteiten eten en drinken",
        "Hoe gaat de communicatie",
        "Wie voert het uit en voor hoe lang",
    ]:
        page.get_by_label(label).fill("Afgesproken.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De beschrijving is opgeslagen en compleet.").wait_for()

    page.get_by_role("link", name="Begroting bekijken en bewerken").click()
    assert_accessible(page)
    regel(page, "Eten/drinken", "Koffie en thee", "260", "Sevagram")
    regel(page, "Inzet vrijwilligers", "Kilometervergoeding", "780,00", "Community Care")
    regel(page, "Communicatie/gadgets", "Flyers", "120", "Seniorenvereniging")
    assert page.locator("#begroting-regels tbody tr").count() == 3
    assert page.url.endswith("/begroting/")  # added in place
    page.get_by_text("€\u00a01.160,00").first.wait_for()
    page.get_by_role("button", name="Indienen ter goedkeuring").click()
    page.get_by_text("De begroting is ingediend.").wait_for()
    page.get_by_role("link", name="Samen op stap").first.click()
    stap(page, 6)
    stap(page, 7)

    # The programmamanager approves in the admin queue.
    manager = browser.new_context().new_page()
    login(manager, programmamanager)
    manager.goto(live_server.url + "/admin/initiatieven/begrotingtergoedkeuring/")
    manager.get_by_role("checkbox", name=re.compile("Samen op stap")).check()
    manager.locator("select[name=action]").select_option("goedkeuren")
    manager.locator("button[name=index], input[name=index]").first.click()
    manager.get_by_role("button", name="Ja, goedkeuren").click()
    manager.get_by_text("is goedgekeurd").wait_for()

    page.reload()
    page.get_by_label("Nieuwe status").select_option("actief")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("De status is nu: actief.").wait_for()

    page.goto(live_server.url + "/heuvelland/valkenburg-oosterbeemd/initiatieven/?status=actief")
    assert page.get_by_role("link", name="Samen op stap").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Samen op stap").click()
    assert page.get_by_text("€\u00a01.160,00").first.is_visible()
    assert_accessible(page)

    # A change afterwards: pending again, and the gate holds until approved again.
    page.goto(live_server.url + BEHEER + "initiatieven/samen-op-stap/begroting/")
    page.get_by_role("link", name=re.compile(r"Wijzigen\s*: Flyers")).click()
    assert_accessible(page)
    page.get_by_label("Hoeveel kost het (€)").fill("150")
    page.get_by_role("button", name="Regel opslaan").click()
    page.get_by_text("Toch wijzigen?").wait_for()  # asks first: nothing saved yet
    assert Begroting.objects.get().is_goedgekeurd
    assert_accessible(page)
    page.get_by_role("button", name="Ja, toch wijzigen").click()
    page.get_by_text("staat ze opnieuw ter goedkeuring").wait_for()
    assert Begroting.objects.get().status == Begroting.Stand.INGEDIEND
    page.goto(live_server.url + BEHEER + "initiatieven/samen-op-stap/")
    page.get_by_label("Nieuwe status").select_option("ontwikkeling")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("De status is nu: in ontwikkeling.").wait_for()
    page.get_by_label("Nieuwe status").select_option("actief")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("De status is niet gewijzigd.").wait_for()
    assert page.get_by_text("niet goedgekeurd door de programmamanager").is_visible()
    assert_accessible(page)
    assert Initiatief.objects.get().status == Status.ONTWIKKELING

    manager.goto(live_server.url + "/admin/initiatieven/begrotingtergoedkeuring/")
    manager.get_by_role("checkbox", name=re.compile("Samen op stap")).check()
    manager.locator("select[name=action]").select_option("goedkeuren")
    manager.locator("button[name=index], input[name=index]").first.click()
    manager.get_by_role("button", name="Ja, goedkeuren").click()
    manager.get_by_text("is goedgekeurd").wait_for()
    manager.context.close()
    page.get_by_label("Nieuwe status").select_option("actief")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("De status is nu: actief.").wait_for()


def test_begroting_and_steps_work_without_javascript(browser, live_server, wijk_a, coordinator_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, naam="Zonder JS", slug="zonder-js")
    Begroting.objects.create(initiatief=initiatief)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/beheer/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(coordinator_a.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + BEHEER + "initiatieven/zonder-js/begroting/")
    form = page.locator("#begroting-regels form[aria-labelledby]")
    form.get_by_label("Categorie").select_option(label="Eten/drinken")
    form.get_by_label("Wat/welke/wie").fill("Koffie")
    form.get_by_label("Hoeveel kost het (€)").fill("-3")
    form.get_by_role("button", name="Regel toevoegen").click()
    page.get_by_text("Een bedrag kan niet negatief zijn.").wait_for()
    form = page.locator("#begroting-regels form[aria-labelledby]")
    form.get_by_label("Hoeveel kost het (€)").fill("12,50")
    form.get_by_role("button", name="Regel toevoegen").click()
    page.get_by_text("De regel is toegevoegd.").wait_for()
    page.get_by_role("button", name=re.compile(r"Verwijderen\s*: Koffie")).click()
    page.get_by_text("De regel is verwijderd.").wait_for()
    page.goto(live_server.url + BEHEER + "initiatieven/zonder-js/")
    page.locator("#stap-4").get_by_label(re.compile("Hoe evalueren")).fill("Na zes maanden")
    page.locator("#stap-4").get_by_role("button", name="Stap 4 afronden").click()
    page.get_by_text("Stap 4 is afgerond.").wait_for()
    # axe needs JavaScript; the same page is checked in test_demo_pages_pass_axe.
    assert page.locator("h1").count() == 1
    context.close()


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_pages_pass_axe(page, live_server, login, demo):
    from wijken.base.models import User

    paths = ["/initiatieven/", "/initiatieven/?indicator=eenzaamheid&status=actief"]
    for initiatief in Initiatief.objects.publiek().select_related("wijk__regio"):
        paths += [
            initiatief.get_absolute_url(),
            initiatief.get_absolute_url().rsplit("/", 2)[0] + "/",
        ]
    for path in dict.fromkeys(paths):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    login(page, User.objects.get(username="coordinator-heuvelland"), password="demo")
    assert_accessible(page)  # the dashboard with its evaluations
    boodschap = Initiatief.objects.get(slug="samen-op-stap-voor-n-boodschap")
    evaluatie = boodschap.evaluaties.get()
    for path in [
        "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/",
        boodschap.get_beheer_url(),
        boodschap.beheer_url("beschrijving"),
        boodschap.beheer_url("begroting"),
        boodschap.beheer_url("evaluatie", evaluatie.pk),
        boodschap.beheer_url("regel", boodschap.begroting.regels.first().pk),
        boodschap.beheer_url("stap", 1),
        Initiatief.objects.get(slug="doe-boekje-oosterbeemd").get_beheer_url(),
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
