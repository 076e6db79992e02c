"""Consent in free text: names that may not be public are found, and a coördinator is
warned before publishing them (SECURITY.md: a wijkverbinder appears only with consent,
then by first name only; volunteers never)."""

import html
import re
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from initiatieven.models import Initiatief
from openkoffie.models import OpenKoffie
from tests.conftest import assert_accessible
from tests.factories import HuisFactory, WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from wijken.base.models import Vrijwilliger, Wijk
from wijken.base.toestemming import waarschuwing, zonder_toestemming
from wijken.wijkplan.models import Actie, Wijkplan

BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/"
WIJKPLAN = BEHEER + "wijkplan/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def mensen(wijk_a, wijk_b):
    huis = HuisFactory(wijk=wijk_a)
    return {
        "zwijger": WijkverbinderFactory(wijk=wijk_a, naam="Lies Houben", toestemming_publiek=False),
        "publiek": WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen"),
        "gestopt": WijkverbinderFactory(wijk=wijk_a, naam="Sjef Vroemen", status="gestopt"),
        "accent": WijkverbinderFactory(wijk=wijk_a, naam="Özlem Çelik", toestemming_publiek=False),
        "vrijwilliger": Vrijwilliger.objects.create(huis=huis, naam="Guus van der Berg"),
        "elders": WijkverbinderFactory(wijk=wijk_b, naam="Bert Crutzen", toestemming_publiek=False),
    }


def namen(wijk, *teksten) -> list[str]:
    return [persoon.naam for persoon in zonder_toestemming(wijk, *teksten)]


@pytest.mark.parametrize(
    ("tekst", "gevonden"),
    [
        ("Lies belt de vereniging.", ["Lies Houben"]),
        ("Mevrouw HOUBEN belt.", ["Lies Houben"]),
        ("Anneke rijdt op dinsdag.", []),  # consent: the first name may be public
        ("Anneke Vliegen rijdt op dinsdag.", ["Anneke Vliegen"]),
        ("Mevrouw vliegen rijdt.", ["Anneke Vliegen"]),
        ("Sjef is gestopt.", ["Sjef Vroemen"]),  # consent ends with the work
        ("ozlem celik en Özlem", ["Özlem Çelik"]),
        ("Met Guus.", ["Guus van der Berg"]),
        ("Familie Van  der Berg helpt.", ["Guus van der Berg"]),
        ("Liesbeth en Houbenstraat", []),  # whole words only
        ("Bert Crutzen komt ook.", []),  # another wijk's wijkverbinder
        ("", []),
    ],
)
def test_names_without_consent_are_found(wijk_a, mensen, tekst, gevonden):
    assert namen(wijk_a, tekst) == gevonden


def test_several_texts_and_wijken_each_person_once(wijk_a, wijk_b, mensen):
    teksten = ["Lies en Bert", None, "Houben", "Crutzen"]
    assert namen([wijk_a, wijk_b], *teksten) == ["Bert Crutzen", "Lies Houben"]


def test_a_coordinator_is_not_taken_for_a_resident_with_her_name(wijk_a, coordinator_a, mensen):
    coordinator_a.first_name, coordinator_a.last_name = "Sandra", "Houben"
    coordinator_a.email = "s.houben@example.org"
    coordinator_a.save()
    assert namen(wijk_a, "Bel Sandra Houben: s.houben@example.org.") == []
    assert namen(wijk_a, "Sandra Houben en Lies") == ["Lies Houben"]


def test_the_warning_names_each_person_and_what_may_be_public(wijk_a, mensen):
    tekst = waarschuwing(zonder_toestemming(wijk_a, "Lies, Anneke Vliegen en Guus"))
    assert "Lies Houben (wijkverbinder zonder toestemming" in tekst
    assert "Anneke Vliegen (wijkverbinder: alleen de voornaam Anneke mag)" in tekst
    assert "Guus van der Berg (vrijwilliger" in tekst
    assert "Toch opslaan" in tekst


# --- the forms: a warning first, saving only after "Toch opslaan" -----------------------


def test_wijkplan_section_with_htmx_warns_then_saves_when_confirmed(client_for, wijk_a, mensen):
    client = client_for("coordinator_a")
    data = {"doel_wijkverbinders": "Lies zoekt nieuwe wijkverbinders.", "versie": 0}
    response = client.post(WIJKPLAN + "delen/doel_wijkverbinders/", data, **HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert "Lies Houben" in fragment and 'name="toch_opslaan"' in fragment
    assert not Wijkplan.objects.filter(wijk=wijk_a).exists()

    response = client.post(
        WIJKPLAN + "delen/doel_wijkverbinders/", {**data, "toch_opslaan": "on"}, **HTMX
    )
    assert response.status_code == 200 and "Opgeslagen." in response.content.decode()
    assert Wijkplan.objects.get(wijk=wijk_a).doel_wijkverbinders == data["doel_wijkverbinders"]


@pytest.mark.browser
def test_wijkplan_section_in_place_in_chromium(page, live_server, login, coordinator_a, mensen):
    login(page, coordinator_a)
    page.goto(live_server.url + WIJKPLAN)
    page.evaluate("document.body.dataset.geenReload = 'ja'")  # a page load would wipe it
    page.get_by_role("link", name=re.compile(r"^Bewerken\W+2\.1\.1")).click()
    page.get_by_role("textbox", name=re.compile("^2.1.1", re.IGNORECASE)).fill("Met Lies.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Lies Houben (wijkverbinder zonder toestemming")).to_be_visible()
    assert_accessible(page)
    assert not Wijkplan.objects.exists()
    page.get_by_role("checkbox", name="Toch opslaan").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen.")).to_be_visible()
    assert Wijkplan.objects.get().doel_wijkverbinders == "Met Lies."
    assert page.evaluate("document.body.dataset.geenReload") == "ja"


def test_wijkplan_section_without_javascript(client_for, wijk_a, mensen):
    client = client_for("coordinator_a")
    data = {"doel_wijkverbinders": "Anneke Vliegen zoekt mee.", "versie": 0}
    response = client.post(WIJKPLAN + "delen/doel_wijkverbinders/", data)
    assert response.status_code == 200
    assert "alleen de voornaam Anneke mag" in response.content.decode()
    assert not Wijkplan.objects.filter(wijk=wijk_a).exists()
    data["doel_wijkverbinders"] = "Anneke zoekt mee."  # what consent allows: saved at once
    assert client.post(WIJKPLAN + "delen/doel_wijkverbinders/", data).status_code == 302


def test_new_actie_warns_on_who(client_for, wijk_a, mensen):
    client = client_for("coordinator_a")
    data = {"actie-omschrijving": "Koffie", "actie-wie": "Guus", "actie-token": str(uuid.uuid4())}
    response = client.post(WIJKPLAN + "acties/nieuw/", data, **HTMX)
    assert "Guus van der Berg (vrijwilliger" in response.content.decode()
    assert not Actie.objects.exists()
    client.post(WIJKPLAN + "acties/nieuw/", {**data, "actie-toch_opslaan": "on"}, **HTMX)
    assert Actie.objects.get().wie == "Guus"


def test_wijk_introduction_with_and_without_javascript(client_for, wijk_a, mensen):
    client = client_for("coordinator_a")
    data = {"naam": wijk_a.naam, "introductie": "Welkom! Vraag het Lies."}
    for extra in ({}, {"headers": {"HX-Request": "true"}}):
        response = client.post(BEHEER, data, **extra)
        assert response.status_code == 200
        assert "Lies Houben" in response.content.decode()
        wijk_a.refresh_from_db()
        assert wijk_a.introductie == ""
    assert client.post(BEHEER, {**data, "toch_opslaan": "on"}).status_code == 302
    wijk_a.refresh_from_db()
    assert wijk_a.introductie == data["introductie"]


def test_verslag_of_a_combined_open_koffie_checks_both_wijken(client_for, wijk_a, wijk_b, mensen):
    geweest = OpenKoffieFactory(wijk=wijk_a, tweede_wijk=wijk_b, begin=over(-2))
    url = f"{BEHEER}open-koffie/{geweest.pk}/verslag/"
    data = {"aantal_buurtbewoners": "8", "verslag": "Bert Crutzen vertelde over klusjes."}
    response = client_for("coordinator_a").post(url, data)
    assert "Bert Crutzen (wijkverbinder zonder toestemming" in response.content.decode()
    geweest.refresh_from_db()
    assert geweest.verslag == ""


def test_initiative_description_warns(client_for, wijk_a, mensen):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    url = f"{BEHEER}initiatieven/{initiatief.slug}/beschrijving/"
    data = {"naam": initiatief.naam, "thema": "anders", "aanpak": "Sjef regelt het."}
    response = client_for("coordinator_a").post(url, data)
    assert "Sjef Vroemen" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.aanpak != data["aanpak"]
    client_for("coordinator_a").post(url, {**data, "toch_opslaan": "on"})
    initiatief.refresh_from_db()
    assert initiatief.aanpak == data["aanpak"]


# --- the demo names nobody it may not name ---------------------------------------------


def _publieke_teksten(client: Client, wijk: Wijk):
    """Every public page of the wijk as plain text."""
    urls = [wijk.get_absolute_url() + pad for pad in ("", "wijkplan/", "doe-boekje/")]
    urls += [wijk.get_absolute_url() + "initiatieven/"]
    urls += [i.get_absolute_url() for i in Initiatief.objects.publiek().filter(wijk=wijk)]
    urls += [o.get_absolute_url() for o in OpenKoffie.objects.voor_wijk(wijk)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_demo_names_nobody_without_consent(db, client):
    call_command("load_demo", force=True)
    gelekt = [
        f"{url}: {[persoon.naam for persoon in gevonden]}"
        for wijk in Wijk.objects.all()
        for url, tekst in _publieke_teksten(client, wijk)
        if (gevonden := zonder_toestemming(wijk, tekst))
    ]
    assert not gelekt, "\n".join(gelekt)
