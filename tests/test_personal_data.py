"""Residents' personal data stays off every public page, feed, PDF and API answer.

A wijk holds people in every state: wijkverbinders active with and without consent,
interested, in their first talk, stopped; volunteers in the huis; someone who signed up
through "word wijkverbinder"; bespreekpunten brought in, accepted and refused, each with a
contact. What may never be public is collected from the database itself, so a person
added to the world below is covered too. Public are only: the first name of an active
wijkverbinder who consented, and the name and text of an accepted bespreekpunt (the form
says so when it is brought in).
"""

import io
import json
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from initiatieven.models import Besteding, Evaluatie, Idee, Initiatief
from openkoffie.models import Bespreekpunt
from tests.factories import UserFactory, WijkverbinderFactory
from tests.factories_bijlagen import DoeBoekjeItemFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import BespreekpuntFactory
from tests.test_url_persona_matrix import EXPECTED, PUBLIEK, maak_inhoud, portal_urls, url_for
from wijken.base import roles
from wijken.base.models import User, Vrijwilliger, Wijkverbinder

ACTIEF = Wijkverbinder.Status.ACTIEF


@pytest.fixture
def wereld(wijk_a, coordinator_a, wijkverbinder, wijkverbinder_doeboekje):
    """Wijk A with everything, and people in every state with data of their own."""
    wereld = maak_inhoud(wijk_a, coordinator_a, "a")
    for status in Wijkverbinder.Status.values:
        for toestemming in (True, False):
            WijkverbinderFactory(wijk=wijk_a, status=status, toestemming_publiek=toestemming)
    zwijger = WijkverbinderFactory(wijk=wijk_a, toestemming_publiek=False)
    # The initiative is coordinated by someone without consent, who is also in step 8
    # and (below), by name, in the evaluation; others by one who consented and by one who
    # consented but stopped.
    wereld.initiatief.wijkverbinder = zwijger
    # Its idea came from a resident who did not agree to be named.
    wereld.initiatief.initiatiefnemer_soort = "bewoner"
    wereld.initiatief.initiatiefnemer = "Initiatiefnemer Zondertoestemming"
    wereld.initiatief.save()
    wereld.initiatief.startstappen.filter(nummer=8).update(overleg_wijkverbinder=zwijger)
    publiek = Wijkverbinder.objects.publiek().filter(wijk=wijk_a).first()
    InitiatiefFactory(wijk=wijk_a, status="actief", wijkverbinder=publiek)
    gestopt = Wijkverbinder.objects.filter(status="gestopt", toestemming_publiek=True).first()
    InitiatiefFactory(wijk=wijk_a, status="beeindigd", wijkverbinder=gestopt)
    overleg = wereld.overleg
    overleg.aanwezigen.set(Wijkverbinder.objects.all())
    overleg.notities = "Notitie over de thuissituatie van iemand"
    overleg.save()
    Vrijwilliger.objects.create(huis=wereld.huis, naam="Tweede Vrijwilliger", wat="Gasterie")
    # A doe-boekje entry checked by the wijkverbinder who keeps it: their name stays inside.
    item = DoeBoekjeItemFactory(wijk=wijk_a, huis=wereld.huis)
    item.markeer_gecontroleerd(wijkverbinder_doeboekje)
    # Bespreekpunten brought in through the real form, from two addresses.
    ok = wereld.open_koffie.get_absolute_url()
    for adres in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        punt = {"tekst": f"Punt van {adres}", "naam": f"Inbrenger {adres}", "contact": adres}
        assert Client().post(ok, punt, REMOTE_ADDR=adres).status_code == 302
    punten = list(Bespreekpunt.objects.order_by("pk"))
    punten[-1].zet_status(Bespreekpunt.Status.GEACCEPTEERD)
    punten[-2].zet_status(Bespreekpunt.Status.AFGEWEZEN)
    BespreekpuntFactory(open_koffie=wereld.open_koffie, status="geaccepteerd", contact="06 77")
    # Ideas for the wijk through the real form: never public, with or without a name.
    idee = reverse("initiatieven:idee", args=[wijk_a.regio.slug, wijk_a.slug])
    for adres in ("10.0.0.4", "10.0.0.5"):
        voorstel = {"tekst": f"Idee van {adres}", "naam": f"Bedenker {adres}", "contact": adres}
        assert Client().post(idee, voorstel, REMOTE_ADDR=adres).status_code == 302
    # And someone who signed up to become a wijkverbinder.
    aanmelding = {
        "naam": "Aanmelder Achternaam",
        "email": "aanmelder@example.net",
        "telefoon": "06 5555 6666",
        "bijdrage": "Ik kan goed luisteren",
        "wederkerigheid": "Minder eenzaam zijn",
        "talenten": "Koken voor velen",
    }
    word = f"{wijk_a.get_absolute_url()}word-wijkverbinder/"
    assert Client().post(word, aanmelding, REMOTE_ADDR="10.0.0.9").status_code == 302
    onderscheidbaar()
    zwijger.refresh_from_db()
    wereld.evaluatie.betrokken_wijkverbinder = zwijger.naam
    wereld.evaluatie.save()
    return wereld


def onderscheidbaar() -> None:
    """Gives every person a name, contact and story no page could contain by chance."""
    for verbinder in Wijkverbinder.objects.select_related("user"):
        n = verbinder.pk
        verbinder.naam = f"Voornaam{n}q Achternaam{n}q"
        verbinder.email = f"wijkverbinder{n}@prive.example"
        verbinder.telefoon = f"06 4242 {n:04d}"
        verbinder.bijdrage = f"Bijdrage{n}q"
        verbinder.wederkerigheid = f"Wederkerigheid{n}q"
        verbinder.talenten = f"Talent{n}q"
        verbinder.save()
        if verbinder.user:
            verbinder.user.first_name, verbinder.user.last_name = verbinder.naam.split()
            verbinder.user.email = f"login{n}@prive.example"
            verbinder.user.telefoon = f"06 4343 {n:04d}"
            verbinder.user.save()
    for vrijwilliger in Vrijwilliger.objects.all():
        n = vrijwilliger.pk
        vrijwilliger.naam = f"Vrijwilliger{n}q Familie{n}q"
        vrijwilliger.contact = f"vrijwilliger{n}@prive.example"
        vrijwilliger.save()
    for punt in Bespreekpunt.objects.all():
        punt.naam, punt.contact = f"Inbrenger{punt.pk}q", f"inbrenger{punt.pk}@prive.example"
        punt.tekst = f"Bespreekpunt{punt.pk}q"
        punt.save()
    for idee in Idee.objects.all():
        idee.naam, idee.contact = f"Bedenker{idee.pk}q", f"bedenker{idee.pk}@prive.example"
        idee.tekst = f"Idee{idee.pk}q"
        idee.save()


def geheimen() -> set[str]:
    """Everything about residents that may never be public, read from the database."""
    geheim = set()
    for verbinder in Wijkverbinder.objects.all():
        naam = verbinder.naam.split()
        zichtbaar = verbinder.status == ACTIEF and verbinder.toestemming_publiek
        geheim |= set(naam[1:] if zichtbaar else naam)
        velden = ["email", "telefoon", "bijdrage", "wederkerigheid", "talenten"]
        geheim |= {getattr(verbinder, veld) for veld in velden}
    for user in User.objects.filter(groups__name=roles.WIJKVERBINDER):
        geheim |= {user.last_name, user.email, user.telefoon}
    for vrijwilliger in Vrijwilliger.objects.all():
        geheim |= {*vrijwilliger.naam.split(), vrijwilliger.contact}
    for punt in Bespreekpunt.objects.all():
        geheim.add(punt.contact)
        if punt.status != Bespreekpunt.Status.GEACCEPTEERD:
            geheim |= {punt.naam, punt.tekst}
    for idee in Idee.objects.all():
        geheim |= {idee.naam, idee.contact, idee.tekst}
    for initiatief in Initiatief.objects.filter(
        initiatiefnemer_soort="bewoner", initiatiefnemer_toestemming=False
    ):
        geheim |= set(initiatief.initiatiefnemer.split())
    geheim |= {"thuissituatie", "prive.example"}
    return {tekst for tekst in geheim if tekst}


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


def publieke_antwoorden(client, wereld) -> dict[str, str]:
    """URL -> text of every public URL: pages, feeds, API answers and PDFs as text."""
    urls = portal_urls()
    antwoorden = {}
    for name, rij in sorted(EXPECTED.items()):
        if rij.toegang != PUBLIEK:
            continue
        url = url_for(name, urls[name], wereld)
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"] == "application/pdf":
            antwoorden[url] = pdf_tekst(response.content)
        else:
            antwoorden[url] = response.content.decode()
    # Every public initiative's own page: each shows its wijkverbinder by consent.
    for initiatief in Initiatief.objects.publiek():
        url = initiatief.get_absolute_url()
        antwoorden[url] = client.get(url).content.decode()
    return antwoorden


def test_no_resident_data_on_any_public_url(wereld, client):
    antwoorden = publieke_antwoorden(client, wereld)
    geheim = geheimen()
    assert len(geheim) > 50
    gelekt = [
        f"{url}: {tekst}"
        for url, inhoud in antwoorden.items()
        for tekst in geheim
        if tekst in inhoud
    ]
    assert not gelekt, "\n".join(gelekt)

    # What is public with consent is there: otherwise the scan above proves little.
    wijk = antwoorden[wereld.wijk.get_absolute_url()]
    for verbinder in Wijkverbinder.objects.publiek():
        assert verbinder.naam.split()[0] in wijk
    met_toestemming = Initiatief.objects.get(wijkverbinder__in=Wijkverbinder.objects.publiek())
    voornaam = met_toestemming.wijkverbinder.naam.split()[0]
    assert voornaam in antwoorden[met_toestemming.get_absolute_url()]
    # The resident who had the idea is there, but not by name.
    assert "Een bewoner uit de wijk" in antwoorden[wereld.initiatief.get_absolute_url()]
    bijeenkomst = antwoorden[wereld.open_koffie.get_absolute_url()]
    for punt in Bespreekpunt.objects.geaccepteerd():
        assert punt.naam in bijeenkomst and punt.tekst in bijeenkomst
    assert any("Voornaam" in tekst for url, tekst in antwoorden.items() if url.endswith(".pdf"))


def test_api_answers_hold_no_people(wereld, client):
    """The open-data API: public figures, never a person (not even a consenting one)."""
    publiek = {v.naam.split()[0] for v in Wijkverbinder.objects.publiek()}
    for url in ["/api/wijken/", "/api/wijken/heuvelland/valkenburg-oosterbeemd/"] + [
        "/api/wijkdata/",
        "/api/initiatieven/",
        "/api/open-koffie/",
    ]:
        tekst = client.get(url).content.decode()
        assert not [woord for woord in geheimen() | publiek if woord in tekst], url
    initiatieven = json.loads(client.get("/api/initiatieven/").content)["results"]
    goedgekeurd = [i for i in initiatieven if i["slug"] == wereld.initiatief.slug]
    assert goedgekeurd[0]["begroting_totaal"] == 330.0


def test_begroot_in_a_published_evaluation_is_the_approved_begroting_only(
    client, wijk_a, coordinator_a
):
    """An evaluation copies the begroting as it stands, approved or not: public pages
    and the evaluation PDF show the last approved version's amounts, never the copy."""
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)  # eten_drinken € 250 approved
    initiatief.status = "actief"
    initiatief.save()
    begroting = initiatief.begroting
    begroting.regels.filter(categorie="eten_drinken").update(bedrag=Decimal("987.65"))
    begroting.na_wijziging(coordinator_a)  # changed: ter goedkeuring again
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    evaluatie.gepubliceerd_op = timezone.now()
    evaluatie.save()
    assert evaluatie.bestedingen.get(categorie="eten_drinken").begroot == Decimal("987.65")
    pdf = f"{initiatief.get_absolute_url()}evaluaties/{evaluatie.pk}.pdf"

    def publiek() -> list[str]:
        return [
            client.get(initiatief.get_absolute_url()).content.decode(),
            pdf_tekst(client.get(pdf).content),
        ]

    for tekst in publiek():  # the change waits: still the approved € 250
        assert "987" not in tekst and ("250,00" in tekst or "250.00" in tekst)
    manager = UserFactory(username="pm-tweede", rol=roles.PROGRAMMAMANAGER)
    begroting.keur_goed(manager, begroting.versie)
    Besteding.objects.filter(categorie="eten_drinken").update(begroot=Decimal("12.34"))
    for tekst in publiek():
        assert "987,65" in tekst or "987.65" in tekst
        assert "12,34" not in tekst and "12.34" not in tekst
