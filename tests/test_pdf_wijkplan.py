"""The wijkplan as a PDF (Bijlage 5): content, freshness, safety, layout, queries."""

import datetime
import io
import shutil
import socket
import subprocess

import pytest
from django.utils import timezone
from pypdf import PdfReader

from communitycare.lib import pdf as pdf_lib
from openkoffie.models import OpenKoffie
from tests.factories import HuisFactory, UserFactory, WijkverbinderFactory
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory, over
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from wijken.base import roles
from wijken.wijkplan.models import DELEN, bewaar_deel

URL = "/heuvelland/valkenburg-oosterbeemd/wijkplan.pdf"


def vandaag_plus(dagen: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=dagen)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def get_pdf(client) -> bytes:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_pdf_has_the_chapters_header_and_footer(client, wijk_a, coordinator_a):
    wijk_a.contact_voor_vragen = "Receptie Oosterbeemd, 043 555 0110"
    wijk_a.save()
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", toestemming_publiek=True)
    HuisFactory(wijk=wijk_a, naam="Huize Oosterbeemd")
    bewaar_deel(wijk_a, "doel_huis", "Koffie op zondag in de Gasterie.", 0, coordinator_a)
    plan = wijk_a.wijkplan
    ActieFactory(wijkplan=plan, omschrijving="Flyers bij de bakker", wie="Jo")
    ActieFactory(
        wijkplan=plan,
        omschrijving="Rooster voor de zondag",
        voor_wanneer=datetime.date.today() - datetime.timedelta(days=3),
    )
    OverlegFactory(wijk=wijk_a, waar="Kantoor Oosterbeemd", datum=vandaag_plus(9))
    OpenKoffieFactory(wijk=wijk_a, begin=over(14), einde=over(14, 16))

    response = client.get(URL)
    vandaag = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'inline; filename="wijkplan-heuvelland-valkenburg-oosterbeemd-{vandaag:%Y-%m-%d}.pdf"'
    )
    text = pdf_text(response.content)
    for kop in ["Wijkplan Valkenburg-Oosterbeemd", "1 Wijkbeeld", "2 Doelen"]:
        assert kop in text
    assert "3 Plan van aanpak" in text and "4 Planning" in text
    for deel in DELEN:
        assert f"{deel.nummer} {deel.titel}" in text
    assert str(coordinator_a) in text
    assert "1 actief: Anneke" in text
    assert "Receptie Oosterbeemd, 043 555 0110" in text
    assert "Huize Oosterbeemd" in text
    assert "Koffie op zondag in de Gasterie." in text
    assert "Flyers bij de bakker" in text and "Jo" in text
    assert "Te laat" in text
    assert "Kantoor Oosterbeemd" in text
    assert "Buurthuis, Dorpsstraat 1" in text
    assert "1 van 10 wijkverbinders" in text
    assert "Stand van de gegevens" in text
    assert f"{vandaag.year}" in text
    assert "pagina 1 van" in text
    assert "Sevagram" in text


def test_public_page_links_to_the_pdf(client, wijk_a):
    html = client.get("/heuvelland/valkenburg-oosterbeemd/wijkplan/").content.decode()
    assert f'href="{URL}"' in html
    assert "Download als PDF" in html


def test_unknown_wijk_is_404(client, wijk_a):
    assert client.get("/heuvelland/bestaat-niet/wijkplan.pdf").status_code == 404


def test_wijkverbinders_without_consent_and_contact_data_are_absent(client, wijk_a):
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen", toestemming_publiek=True)
    WijkverbinderFactory(wijk=wijk_a, naam="Geheim Persoon", toestemming_publiek=False)
    text = pdf_text(get_pdf(client))
    assert "2 actief: Anneke" in text
    assert "Vliegen" not in text and "Geheim" not in text
    assert "@example.net" not in text and "06 1234 5678" not in text


def test_a_change_gives_a_new_pdf_at_once(client, wijk_a, coordinator_a):
    plan = WijkplanFactory(wijk=wijk_a)
    verbinder = WijkverbinderFactory(wijk=wijk_a, naam="Anneke Vliegen")
    eerste = get_pdf(client)
    assert get_pdf(client) == eerste  # unchanged: the cached document

    bewaar_deel(wijk_a, "locaties", "Nieuw: de tuin van het huis.", 0, coordinator_a)
    assert "Nieuw: de tuin van het huis." in pdf_text(get_pdf(client))

    ActieFactory(wijkplan=plan, omschrijving="Nieuwe actie")
    assert "Nieuwe actie" in pdf_text(get_pdf(client))

    # No timestamp on a wijkverbinder: the shown values are part of the version.
    verbinder.naam = "Marieke Vliegen"
    verbinder.save()
    assert "Marieke" in pdf_text(get_pdf(client))

    verbinder.toestemming_publiek = False
    verbinder.save()
    assert "Marieke" not in pdf_text(get_pdf(client))

    huis = HuisFactory(wijk=wijk_a, naam="Huize Nieuw")
    assert "Huize Nieuw" in pdf_text(get_pdf(client))

    huis.telefoon = "043 555 9876"
    huis.save()
    assert "043 555 9876" in pdf_text(get_pdf(client))

    OpenKoffie.objects.create(wijk=wijk_a, begin=over(7), einde=over(7, 16), adres="De Kerk")
    assert "De Kerk" in pdf_text(get_pdf(client))

    wijk_a.coordinatoren.add(UserFactory(rol=roles.COORDINATOR, first_name="Coby"))
    assert "Coby" in pdf_text(get_pdf(client))

    from tests.factories_bijlagen import DoeBoekjeItemFactory, RuimteFactory

    DoeBoekjeItemFactory(wijk=wijk_a, categorie="vervoer")
    assert "1 vervoer" in pdf_text(get_pdf(client)).lower()

    RuimteFactory(huis=wijk_a.huizen.get(naam="Huize Nieuw"), naam="Tuinkamer")
    assert "Tuinkamer" in pdf_text(get_pdf(client))


HOSTILE = [
    '<img src="file:///etc/passwd">',
    "![geheim](file:///etc/passwd)",
    '<img src="https://example.org/volg.png"> <link rel="stylesheet" href="http://127.0.0.1/">',
    "[klik](https://example.org/) ![foto](https://example.org/foto.jpg)",
    '<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hostname"></object>',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_reads_no_files_and_reaches_no_network(client, wijk_a, monkeypatch, hostile):
    wijk_a.contact_voor_vragen = hostile
    wijk_a.save()
    plan = WijkplanFactory(wijk=wijk_a, **{deel.veld: hostile for deel in DELEN})
    ActieFactory(wijkplan=plan, omschrijving=hostile, wie=hostile)
    OverlegFactory(wijk=wijk_a, waar=hostile)

    asked = []
    real_fetch = pdf_lib.LocalFilesFetcher.fetch

    def fetch(self, url, headers=None):
        asked.append(url)
        return real_fetch(self, url, headers)

    def no_network(*args, **kwargs):
        raise AssertionError(f"network during rendering: {args}")

    monkeypatch.setattr(pdf_lib.LocalFilesFetcher, "fetch", fetch)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)

    rendered = []
    real_layout = pdf_lib.html_to_pdf

    def layout(html):
        rendered.append(html)
        return real_layout(html)

    monkeypatch.setattr(pdf_lib, "html_to_pdf", layout)
    content = get_pdf(client)
    html = rendered[-1]

    assert asked == [pdf_lib.base_url() + "static/css/document.css"]
    assert "<img" not in html and "<iframe" not in html and "<object" not in html
    assert 'src="file:' not in html and '<link rel="stylesheet" href="http' not in html
    text = pdf_text(content)
    with open("/etc/passwd") as handle:
        passwd = handle.read()
    assert "root:" not in text and passwd[:20] not in html
    assert "root:" not in content.decode("latin-1")


def test_special_characters_and_long_words_wrap(client, wijk_a, coordinator_a, tmp_path):
    lang = "Kinderboerderijvrijwilligerscoördinatieondersteuningsbijeenkomstverslagen" * 2
    tekst = f"Café Ĳssel, ë é ï ĳ € 12,50 per maand. {lang} en verder. " * 4
    plan = WijkplanFactory(wijk=wijk_a, **{deel.veld: tekst for deel in DELEN})
    wijk_a.contact_voor_vragen = lang
    wijk_a.save()
    ActieFactory(wijkplan=plan, omschrijving=tekst[:300], wie=lang[:150])
    content = get_pdf(client)
    text = pdf_text(content)
    assert "Café Ĳssel, ë é ï ĳ € 12,50" in text
    (tmp_path / "wijkplan.pdf").write_bytes(content)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "wijkplan.pdf", "pagina"], cwd=tmp_path, check=True
        )
        assert (tmp_path / "pagina-1.png").stat().st_size > 0


def _fill(wijk, coordinator, aantal: int) -> None:
    plan = WijkplanFactory(wijk=wijk)
    for i in range(aantal):
        bewaar_deel(wijk, DELEN[i % len(DELEN)].veld, f"Versie {i}", i // len(DELEN), coordinator)
        ActieFactory(wijkplan=plan)
        OverlegFactory(wijk=wijk, datum=vandaag_plus(i))
    for i in range(aantal // 5 + 1):
        WijkverbinderFactory(wijk=wijk)
        HuisFactory(wijk=wijk)
        wijk.coordinatoren.add(UserFactory(rol=roles.COORDINATOR))
        OpenKoffieFactory(wijk=wijk, begin=over(10 + i), einde=over(10 + i, 16))


@pytest.mark.parametrize("aantal", [2, 30])
def test_query_count_does_not_grow(
    client, wijk_a, coordinator_a, django_assert_num_queries, aantal
):
    _fill(wijk_a, coordinator_a, aantal)
    # Two of them for the standard themes of 2.1.2 (their stand, the initiatives per theme).
    with django_assert_num_queries(22):
        content = get_pdf(client)
    assert pdf_text(content).count("Sandra") >= aantal
    with django_assert_num_queries(17):
        assert get_pdf(client) == content
