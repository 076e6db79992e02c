"""Hostile text in every free-text field stays text: in pages, feeds, exports, e-mail, PDFs.

Payloads go into every free-text field of every model of the portal (the fields are found
from the models, so a new one is covered without touching this file) and through the real
public forms. Per payload: the pages that render text in their own way (Markdown, a diff,
the admin, feeds, the API, the programme exports, the HTML that goes into WeasyPrint), the
pages that echo a search, and the e-mails of a begroting submitted and rejected. With all
payloads at once: every page the portal serves, the public ones anonymously and the back
office as the programmamanager, and the four PDFs laid out for real and read back.
"""

import csv
import io
import json
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core import mail
from django.core.validators import RegexValidator
from django.db import models
from django.utils.html import escape
from openpyxl import load_workbook
from pypdf import PdfReader

from communitycare.lib import pdf
from initiatieven.models import Begroting, Begrotingsregel
from openkoffie.models import Bespreekpunt
from tests.test_url_persona_matrix import (
    EXPECTED,
    PORTAAL_APPS,
    PUBLIEK,
    maak_inhoud,
    portal_urls,
    url_for,
)
from wijken.wijkplan.models import bewaar_deel

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribuut": '"><img src=x onerror=alert(1)>',
    "svg": "'><svg onload=alert(1)>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "link": '[klik](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">a</a>',
    "template": "{{ 7*7 }} {% debug %} {{ request.user.password }}",
    "sql": "'; DROP TABLE wijken_wijk; --",
    "rtl": "factuur\u202egnp.exe",
    "kopregel": "Koffie\r\nBcc: kwaad@example.org",
    "formule": '=HYPERLINK("https://kwaad.example","klik")',
}
# PostgreSQL cannot store a NUL, so it only goes through the forms, which must refuse it.
NUL = "koffie\x00<script>alert(1)</script>"

# Fields that hold no free text even though they are character fields.
GEEN_VRIJE_TEKST = {"username", "password"}
# Attributes whose value a browser follows or runs.
URL_ATTRIBUTEN = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
NOOIT_IN_EEN_PAGINA = {"iframe", "frame", "frameset", "object", "embed", "base"}


# --- filling every free-text field ---------------------------------------------------


def vrije_tekstvelden(model) -> list[models.Field]:
    return [
        veld
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.CharField | models.TextField)
        and not isinstance(veld, models.SlugField | models.EmailField | models.URLField)
        and not veld.choices
        and not any(isinstance(v, RegexValidator) for v in veld.validators)
        and veld.name not in GEEN_VRIJE_TEKST
    ]


def uniek(model) -> set[str]:
    velden = {veld.name for veld in model._meta.concrete_fields if veld.unique}
    for constraint in model._meta.constraints:
        velden |= set(getattr(constraint, "fields", ()))
    return velden


def vul_alles(tekst_voor) -> int:
    """Puts `tekst_voor(field)` in every free-text field of every row of the portal's models
    (history left as it is); returns how many fields it filled."""
    gevuld = 0
    for label in PORTAAL_APPS:
        for model in apps.get_app_config(label).get_models():
            velden = vrije_tekstvelden(model)
            if model.__name__.startswith("Historical") or not velden:
                continue
            for obj in model._default_manager.all():
                for veld in velden:
                    tekst = tekst_voor(veld)
                    if veld.name in uniek(model):
                        tekst = f"{tekst} {obj.pk}"
                    setattr(obj, veld.attname, tekst[: veld.max_length])
                    gevuld += 1
                # A line of an approved begroting changes only when confirmed (the domain
                # rule); here the corpus is the data, so it is confirmed.
                obj.save(**({"bevestigd": True} if model is Begrotingsregel else {}))
    return gevuld


# --- what inert means, per kind of response ---------------------------------------------


class Opmaak(HTMLParser):
    """Every element of a page with its attributes, and the text inside script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elementen: list[tuple[str, list]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elementen.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.elementen.append((tag, attrs))

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def eigen_pad(url: str) -> bool:
    """A path on the portal itself (not //elsewhere)."""
    return url.startswith("/") and not url.startswith("//")


def levende_opmaak(html: str) -> list[str]:
    """What in `html` a browser would run or load: handlers, script links, frames, scripts
    from elsewhere than the portal itself."""
    opmaak = Opmaak()
    opmaak.feed(html)
    fouten = [f"script: {tekst[:80]}" for tekst in opmaak.scripts if "alert" in tekst]
    for tag, attrs in opmaak.elementen:
        if tag in NOOIT_IN_EEN_PAGINA:
            fouten.append(f"<{tag}>")
        for naam, waarde in attrs:
            # Browsers ignore whitespace and control characters inside a scheme.
            schoon = "".join(c for c in (waarde or "") if c > " ").lower()
            if naam.startswith("on") or naam == "srcdoc":
                fouten.append(f"<{tag} {naam}=...>")
            elif naam in URL_ATTRIBUTEN and schoon.startswith(
                ("javascript:", "vbscript:", "data:")
            ):
                fouten.append(f"<{tag} {naam}={waarde}>")
            elif tag == "script" and naam == "src" and not eigen_pad(schoon):
                fouten.append(f"<script src={waarde}>")
    return fouten


def inert(response, url: str) -> list[str]:
    """Problems with one response; an empty list when the payload stayed text."""
    soort = response["Content-Type"].split(";")[0]
    inhoud = response.content
    if soort == "text/html":
        return [f"{url}: {fout}" for fout in levende_opmaak(inhoud.decode())]
    if soort == "application/json":
        json.loads(inhoud)  # well-formed whatever the text
        return [] if response["X-Content-Type-Options"] == "nosniff" else [f"{url}: sniffable"]
    if soort == "text/calendar":
        regels = inhoud.decode().replace("\r\n ", "").split("\r\n")
        return [f"{url}: {r}" for r in regels if r.lower().startswith("bcc")]
    if soort == "text/plain":  # security.txt: no field of any model reaches it
        return [f"{url}: {regel}" for regel in inhoud.decode().splitlines() if "<" in regel]
    if soort == "text/csv":
        tekst = io.StringIO(inhoud.decode("utf-8-sig"))
        cellen = [cel for rij in csv.reader(tekst, delimiter=";") for cel in rij]
        return [f"{url}: formula {cel}" for cel in cellen if cel[:1] in ("=", "+", "-", "@")]
    if soort.endswith("spreadsheetml.sheet"):
        blad = load_workbook(io.BytesIO(inhoud)).active
        cellen = [cel for rij in blad.iter_rows() for cel in rij]
        return [f"{url}: formula {cel.value}" for cel in cellen if cel.data_type == "f"]
    if soort == "application/pdf":
        return []  # the HTML that went into it is checked instead
    return [f"{url}: unexpected content type {soort}"]


@pytest.fixture
def pdf_html(monkeypatch):
    """The HTML every PDF is made from, in the order rendered; the layout itself is skipped
    (it is slow, and done for real in test_pdfs_print_every_payload_as_text)."""
    gezien = []

    def vastleggen(html: str) -> bytes:
        gezien.append(html)
        return b"%PDF-1.7 "

    monkeypatch.setattr(pdf, "html_to_pdf", vastleggen)
    return gezien


def get_pagina_urls() -> list[tuple[str, str]]:
    """(persona, name) of every page with something to show: the public ones anonymously,
    the back office and the approval queue as the programmamanager."""
    return [
        ("anonymous" if rij.toegang == PUBLIEK else "programmamanager", name)
        for name, rij in sorted(EXPECTED.items())
        if (rij.toegang == PUBLIEK or rij.toegang.get["programmamanager"] == 200)
        and name not in ("healthz", "readyz", "beheer:login")
    ]


# The headers of the portal's e-mail; a typed line break must never add one (Bcc:, ...).
MAILKOPPEN = {
    "Content-Type",
    "Content-Transfer-Encoding",
    "MIME-Version",
    "Subject",
    "From",
    "To",
    "Date",
    "Message-ID",
}


# --- the corpus --------------------------------------------------------------------------


@pytest.fixture
def wereld(wijk_a, coordinator_a):
    return maak_inhoud(wijk_a, coordinator_a, "a")


def controleer(clients: dict, wereld, namen) -> list[str]:
    """Renders the pages `namen` (every page when None) and lists what is not inert."""
    # Compare and show the version of the wijkplan that holds the payloads.
    wereld.versie = wereld.plan.history.order_by("-history_id").first().history_id
    fouten = []
    urls = portal_urls()
    for persona, name in get_pagina_urls():
        if namen is not None and name not in namen:
            continue
        url = url_for(name, urls[name], wereld)
        response = clients[persona].get(url)
        if response.status_code != 200:
            fouten.append(f"{url}: {response.status_code}")
        fouten += inert(response, url)
    return fouten


# Per payload: the pages that render text in their own way (Markdown, a diff, a feed, JSON,
# an export, the admin, PDFs), and the pages that echo a search or a link.
BIJZONDERE_PAGINAS = {
    "wijken:wijk",
    "wijkplan:publiek",
    "wijkplan:beheer",
    "wijkplan:vergelijk",
    "initiatieven:initiatief",
    "openkoffie:bijeenkomst",
    "openkoffie:wijk_ics",
    "api:wijk",
    "api:initiatieven",
    "beheer:programma_export_csv",
    "beheer:programma_export_xlsx",
    "initiatieven_beheer:begroting_export",
    "admin:initiatieven_begrotingtergoedkeuring_changelist",
    "wijken:doeboekje_pdf",
    "wijkplan:pdf",
    "initiatieven:beschrijving_pdf",
    "initiatieven:evaluatie_pdf",
}


def zoek_urls(wereld) -> list[tuple[str, str]]:
    wijk = wereld.wijk.get_absolute_url()
    return [
        ("anonymous", "/initiatieven/?q={}"),
        ("anonymous", "/doe-boekje/?zoek={}"),
        ("anonymous", wijk + "doe-boekje/?zoek={}&dag={}"),
        ("anonymous", "/beheer/inloggen/?next={}"),
        ("anonymous", "/api/wijkdata/?maat={}"),
        ("programmamanager", "/beheer/programma/?sorteer={}"),
    ]


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_payload_stays_text(
    payload, wereld, client_for, pdf_html, django_capture_on_commit_callbacks
):
    """One payload in every free-text field, the public forms, e-mail, feeds and exports."""
    clients = {p: client_for(p) for p in ("anonymous", "coordinator_a", "programmamanager")}
    punt = {"tekst": payload, "naam": payload, "contact": payload}
    response = clients["anonymous"].post(wereld.open_koffie.get_absolute_url(), punt)
    assert response.status_code == 302
    aanmelding = {"naam": payload, "email": "nieuw@example.org", "bijdrage": payload}
    word = f"{wereld.wijk.get_absolute_url()}word-wijkverbinder/"
    assert clients["anonymous"].post(word, aanmelding).status_code == 302
    Bespreekpunt.objects.update(status=Bespreekpunt.Status.GEACCEPTEERD)
    assert vul_alles(lambda veld: payload) > 100

    # A begroting submitted (e-mail to the programmamanagers), then rejected with the
    # payload as the reason (e-mail to the coördinator).
    with django_capture_on_commit_callbacks(execute=True):
        clients["coordinator_a"].post(wereld.concept.beheer_url("indienen"))
    begroting = Begroting.objects.get(initiatief=wereld.concept)
    besluit = {
        "action": "afwijzen",
        "_selected_action": [begroting.pk],
        "bevestigd": "ja",
        f"versie_{begroting.pk}": begroting.versie,
        "reden": payload,
    }
    with django_capture_on_commit_callbacks(execute=True):
        clients["programmamanager"].post("/admin/initiatieven/begrotingtergoedkeuring/", besluit)
    assert len(mail.outbox) == 2, [m.subject for m in mail.outbox]
    for bericht in mail.outbox:
        assert "\r" not in bericht.subject and "\n" not in bericht.subject
        koppen = set(bericht.message().keys())
        assert koppen <= MAILKOPPEN, koppen - MAILKOPPEN
        assert bericht.content_subtype == "plain"
        assert not getattr(bericht, "alternatives", None)
        assert bericht.bcc == [] and "kwaad@example.org" not in bericht.recipients()
    assert payload.replace("\r\n", "\n") in mail.outbox[1].body.replace("\r\n", "\n")

    fouten = controleer(clients, wereld, BIJZONDERE_PAGINAS)
    for persona, url in zoek_urls(wereld):
        url = url.format(*[payload] * url.count("{}"))
        response = clients[persona].get(url)
        if response.status_code >= 500:
            fouten.append(f"{url}: {response.status_code}")
        fouten += inert(response, url)
    assert len(pdf_html) == 4
    for html in pdf_html:
        fouten += [f"PDF: {fout}" for fout in levende_opmaak(html)]
    assert not fouten, "\n".join(fouten)
    # Template syntax is shown, never evaluated: the payload is there as text.
    publiek = clients["anonymous"].get(wereld.initiatief.get_absolute_url()).content.decode()
    assert escape(payload) in publiek
    assert all(escape(payload) in html for html in pdf_html)


# Short enough for every field (a telephone number holds 30 characters): breaks out of
# text and out of an attribute.
UITBRAAK = '"><svg onload=alert(1)>'


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


def vergelijkbaar(tekst: str) -> str:
    """Without whitespace and hyphens: line breaks and hyphenation may fall anywhere."""
    return "".join(c for c in tekst if not c.isspace() and c != "-")


def test_every_page_with_all_payloads(wereld, client_for, pdf_html):
    """All payloads in every long text at once, a break-out and one payload in every short
    one; every page of the portal rendered and checked, the HTML of the PDFs too."""
    alles = "\n\n".join(PAYLOADS.values())
    rij = iter(range(10_000))
    kort = list(PAYLOADS.values())
    vul_alles(
        lambda veld: (
            alles if isinstance(veld, models.TextField) else UITBRAAK + kort[next(rij) % len(kort)]
        )
    )
    clients = {p: client_for(p) for p in ("anonymous", "programmamanager")}
    fouten = controleer(clients, wereld, None)
    # Every kind of PDF: wijkplan, description, evaluation, doe-boekje, the wijkverbinder
    # flyer, the yearly report; in the back office the receptie card, the preparation pack,
    # the poster and the yearly reports of the wijk and of the programme.
    assert len(pdf_html) == 11
    for html in pdf_html:
        fouten += [f"PDF: {fout}" for fout in levende_opmaak(html)]
    assert not fouten, "\n".join(fouten)


def test_pdfs_print_every_payload_as_text(wereld, client):
    """Laid out for real (once per PDF): all payloads in a text of each document come out
    of the PDF as the very characters typed."""
    alles = "\n\n".join(PAYLOADS.values())
    wereld.wijk.beleefde_wijkdata.update(herkenning=alles)
    wereld.doe_boekje.beschrijving = alles
    wereld.doe_boekje.save()
    wereld.initiatief.globale_beschrijving = alles
    wereld.initiatief.save()
    wereld.evaluatie.opstart = alles
    wereld.evaluatie.save()
    bewaar_deel(wereld.wijk, "doel_overig", alles, 0, None)  # Markdown: reduced, not shown
    initiatief = wereld.initiatief.get_absolute_url()
    for url in [
        f"{wereld.wijk.get_absolute_url()}wijkplan.pdf",
        f"{wereld.wijk.get_absolute_url()}doe-boekje.pdf",
        f"{initiatief}beschrijving.pdf",
        f"{initiatief}evaluaties/{wereld.evaluatie.pk}.pdf",
    ]:
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        tekst = vergelijkbaar(pdf_tekst(response.content))
        for soort, payload in PAYLOADS.items():
            if soort != "rtl":  # laid out right to left, as the override asks: still text
                assert vergelijkbaar(payload) in tekst, (url, soort)


@pytest.mark.parametrize("naam", ["bespreekpunt", "wijkverbinder"])
def test_nul_bytes_are_refused_by_the_public_forms(wereld, client, naam):
    if naam == "bespreekpunt":
        url, data = wereld.open_koffie.get_absolute_url(), {"tekst": NUL, "naam": NUL}
    else:
        url = f"{wereld.wijk.get_absolute_url()}word-wijkverbinder/"
        data = {"naam": NUL, "email": "a@example.org", "bijdrage": NUL}
    voor = Bespreekpunt.objects.count(), wereld.wijk.wijkverbinders.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert (Bespreekpunt.objects.count(), wereld.wijk.wijkverbinders.count()) == voor
    assert not levende_opmaak(response.content.decode())


def test_website_of_a_doe_boekje_entry_must_be_a_web_address(wereld, client_for):
    """The one place text becomes a link on a public page: only http(s) addresses pass."""
    url = f"/beheer/{wereld.wijk.regio.slug}/{wereld.wijk.slug}/doe-boekje/nieuw/"
    data = {"naam": "Kwaad", "categorie": "overig", "website": "javascript:alert(1)"}
    response = client_for("coordinator_a").post(url, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["website"]
    assert not wereld.wijk.doe_boekje.filter(naam="Kwaad").exists()
