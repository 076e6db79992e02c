"""Dutch amounts (issue 17): typed as people write them, shown as "€ 1.234,56" on every
path: the back office, the admin, the page, the PDF, the e-mail and the exports."""

import codecs
import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from communitycare.lib.bedragen import BedragField, GeenGetal, euro, getal_nl, lees_getal
from initiatieven.models import Begroting, Begrotingsregel, Evaluatie, Status
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.test_begroting_wijziging import pdf_text


@pytest.mark.parametrize(
    ("tekst", "getal"),
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("1,5", "1.5"),
        ("1.000", "1000"),
        ("12.345.678,9", "12345678.9"),
        ("1,234.56", "1234.56"),
        ("€ 50", "50"),
        ("€50,-", "50"),
        ("50,--", "50"),
        ("EUR 12,50", "12.50"),
        ("12,50 €", "12.50"),
        (" 1 000 ", "1000"),
        ("1\u00a0000,50", "1000.50"),
        ("-12,50", "-12.50"),
        ("€ -5", "-5"),
        (",5", "0.5"),
        ("0", "0"),
    ],
)
def test_dutch_numbers_are_read(tekst, getal):
    assert lees_getal(tekst, euro=True) == Decimal(getal)


@pytest.mark.parametrize(
    "tekst",
    ["1,2,3", "abc", "€", "1.2.3", "1 2 3", "1.23,4", "1e5", "NaN", "inf", "١٢", "-", "12,34,5"],
)
def test_garbage_is_refused(tekst):
    with pytest.raises(GeenGetal, match="is geen getal"):
        lees_getal(tekst, euro=True)


def test_a_data_file_reads_a_lone_dot_as_the_decimal_point():
    assert lees_getal("53.4", punt_duizendtal=False) == Decimal("53.4")
    assert lees_getal("1.000", punt_duizendtal=False) == Decimal("1.000")
    assert lees_getal("1.234,5", punt_duizendtal=False) == Decimal("1234.5")
    with pytest.raises(GeenGetal):
        lees_getal("€ 5")  # a euro sign only where an amount is asked


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (Decimal("1160"), "€ 1.160,00"),
        (Decimal("1234.565"), "€ 1.234,57"),
        (Decimal("-25.5"), "€ -25,50"),
        (0, "€ 0,00"),
        (1234567, "€ 1.234.567,00"),
        (None, ""),
    ],
)
def test_amounts_are_shown_the_dutch_way(waarde, tekst):
    assert euro(waarde, spatie=" ") == tekst
    html = Template("{% load bedragen %}{{ w|euro }}").render(Context({"w": waarde}))
    assert html == tekst.replace("€ ", "€&nbsp;")


def test_the_filter_escapes_what_is_no_number():
    html = Template("{% load bedragen %}{{ w|euro }}").render(Context({"w": "<b>"}))
    assert html == "&lt;b&gt;"


def test_the_field_shows_what_it_reads():
    veld = BedragField(max_digits=8)
    assert veld.clean("1.234,56") == Decimal("1234.56")
    assert veld.prepare_value(Decimal("1234.5")) == getal_nl(Decimal("1234.5")) == "1.234,50"
    assert veld.clean(veld.prepare_value(Decimal("1234.5"))) == Decimal("1234.5")
    assert 'type="text"' in veld.widget.render("bedrag", "1,00")


# --- the begroting, end to end --------------------------------------------------------


@pytest.fixture
def lopend(wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)  # 0 + 250 + 80 approved
    initiatief.wijzig_status(Status.ACTIEF)
    return initiatief


def nieuwe_regel(client, initiatief, bedrag: str, **extra):
    return client.post(
        initiatief.beheer_url("begroting") + "regels/nieuw/",
        {"categorie": "overig", "omschrijving": "Tent", "bedrag": bedrag, **extra},
        follow=True,
    )


def test_a_dutch_amount_everywhere(
    client, client_for, lopend, programmamanager, django_capture_on_commit_callbacks
):
    coordinator = client_for("coordinator_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = nieuwe_regel(coordinator, lopend, "1.234,56", bevestigd="ja")
    regel = Begrotingsregel.objects.get(omschrijving="Tent")
    assert regel.bedrag == Decimal("1234.56")
    html = response.content.decode()
    assert "€&nbsp;1.234,56" in html and "€&nbsp;1.564,56" in html  # the line, the total
    # The e-mail to the programmamanager: plain text, a Dutch total.
    assert "Totaal: € 1.564,56" in mail.outbox[0].body

    begroting = Begroting.objects.get()
    begroting.keur_goed(programmamanager, begroting.versie)
    pdf = pdf_text(client.get(f"{lopend.get_absolute_url()}beschrijving.pdf").content)
    pdf = pdf.replace("\u00a0", " ")
    assert "€ 1.234,56" in pdf and "€ 1.564,56" in pdf and "€ 250,00" in pdf

    export = lopend.beheer_url("begroting") + "export/"
    blad = load_workbook(io.BytesIO(coordinator.get(export).content)).active
    rijen = {rij[1].value: rij[2] for rij in blad.iter_rows(min_row=2)}
    assert rijen["Tent"].value == Decimal("1234.56") or rijen["Tent"].value == 1234.56
    assert "€" in rijen["Tent"].number_format and "#,##0.00" in rijen["Tent"].number_format
    assert blad.cell(blad.max_row, 1).value == "Totaal"
    assert blad.cell(blad.max_row, 3).value == pytest.approx(1564.56)


def test_the_begroting_as_csv_for_dutch_excel(client_for, lopend):
    Begrotingsregel(
        begroting=lopend.begroting,
        categorie="overig",
        omschrijving="=1+1",
        bedrag=Decimal("1234.5"),
    ).save(bevestigd=True)
    response = client_for("coordinator_a").get(
        lopend.beheer_url("begroting") + "export/?formaat=csv"
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(codecs.BOM_UTF8 + b"Wat;")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["Wat", "Wat, welke, wie", "Kosten"]
    assert ["'=1+1", "1234,50"] in [rij[1:3] for rij in rijen]  # a formula stays text
    assert rijen[-1][:3] == ["Totaal", "", "1564,50"]


def test_the_export_of_an_empty_begroting(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    response = client_for("coordinator_a").get(initiatief.beheer_url("begroting") + "export/")
    blad = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in blad[2]][:3] == ["Totaal", None, 0]
    assert not Begroting.objects.exists()  # a GET writes nothing


@pytest.mark.parametrize("bedrag", ["1,2,3", "abc", "€", "12,345"])
def test_a_bad_amount_is_a_dutch_error_and_changes_nothing(client_for, lopend, bedrag):
    voor = list(Begrotingsregel.objects.values_list("pk", "bedrag"))
    html = nieuwe_regel(client_for("coordinator_a"), lopend, bedrag, bevestigd="ja")
    html = html.content.decode()
    assert (
        "Vul een bedrag in euro in, bijvoorbeeld 1.234,56." in html
        or "hoogstens twee cijfers achter de komma" in html
    )
    assert list(Begrotingsregel.objects.values_list("pk", "bedrag")) == voor
    assert Begroting.objects.get().is_goedgekeurd


def test_editing_a_line_shows_the_amount_as_typed(client_for, lopend):
    regel = lopend.begroting.regels.get(categorie="eten_drinken")
    regel.bedrag = Decimal("1234.5")
    regel.save(bevestigd=True)
    html = client_for("coordinator_a").get(lopend.beheer_url("begroting") + f"regels/{regel.pk}/")
    assert 'value="1.234,50"' in html.content.decode()


# --- the same field in the admin ------------------------------------------------------


def test_the_admin_reads_and_shows_dutch_amounts(client_for, lopend, coordinator_a):
    evaluatie = Evaluatie.start_uit_beschrijving(lopend, Evaluatie.Soort.ZES_MAANDEN, coordinator_a)
    bestedingen = list(evaluatie.bestedingen.all())
    url = f"/admin/initiatieven/evaluatie/{evaluatie.pk}/change/"
    admin = client_for("programmamanager")
    html = admin.get(url).content.decode()
    assert 'name="bestedingen-0-besteed"' in html and 'inputmode="decimal"' in html

    def post(bedrag: str):
        data = {
            "ingevuld_door": "Tester",
            "datum": "2026-01-05",
            "bestedingen-TOTAL_FORMS": str(len(bestedingen)),
            "bestedingen-INITIAL_FORMS": str(len(bestedingen)),
            "bestedingen-MIN_NUM_FORMS": "0",
            "bestedingen-MAX_NUM_FORMS": "1000",
        }
        for nummer, besteding in enumerate(bestedingen):
            data[f"bestedingen-{nummer}-id"] = str(besteding.pk)
            data[f"bestedingen-{nummer}-evaluatie"] = str(evaluatie.pk)
            data[f"bestedingen-{nummer}-besteed"] = bedrag if nummer == 0 else ""
        return admin.post(url, data)

    response = post("abc")
    assert response.status_code == 200
    assert "Vul een bedrag in euro in, bijvoorbeeld 1.234,56." in response.content.decode()
    assert evaluatie.bestedingen.get(pk=bestedingen[0].pk).besteed is None

    response = post("€ 1.234,56")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert evaluatie.bestedingen.get(pk=bestedingen[0].pk).besteed == Decimal("1234.56")
    html = admin.get(url).content.decode()
    assert 'value="1.234,56"' in html


def test_the_admin_shows_totals_in_euro(client_for, lopend):
    html = client_for("programmamanager").get("/admin/initiatieven/begroting/").content.decode()
    assert "€\u00a0330,00" in html
    detail = f"/admin/initiatieven/begroting/{lopend.begroting.pk}/change/"
    assert "€\u00a0250,00" in client_for("programmamanager").get(detail).content.decode()


def test_typing_a_dutch_amount_in_chromium(page, live_server, login, wijk_a, coordinator_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    login(page, coordinator_a)
    page.goto(live_server.url + initiatief.beheer_url("begroting"))
    form = page.locator("#begroting-regels form[aria-labelledby]")
    form.get_by_label("Categorie").select_option(label="Overig")
    form.get_by_label("Wat/welke/wie").fill("Tent")
    veld = form.get_by_label("Hoeveel kost het (€)")
    veld.press_sequentially("1.234,56")
    assert veld.input_value() == "1.234,56"  # a text field: the browser keeps it as typed
    form.get_by_role("button", name="Regel toevoegen").click()
    cel = page.locator("#begroting-regels").get_by_role("cell", name="€\u00a01.234,56").first
    cel.wait_for()
    assert Begrotingsregel.objects.get().bedrag == Decimal("1234.56")
    # A wrong amount: a Dutch message where it was typed, nothing saved.
    form = page.locator("#begroting-regels form[aria-labelledby]")
    form.get_by_label("Categorie").select_option(label="Overig")
    form.get_by_label("Wat/welke/wie").fill("Stoelen")
    form.get_by_label("Hoeveel kost het (€)").fill("1,2,3")
    form.get_by_role("button", name="Regel toevoegen").click()
    page.get_by_text("Vul een bedrag in euro in, bijvoorbeeld 1.234,56.").wait_for()
    assert Begrotingsregel.objects.count() == 1


def test_the_export_costs_the_same_queries_for_any_number_of_lines(client_for, lopend):
    client = client_for("coordinator_a")
    export = lopend.beheer_url("begroting") + "export/"
    client.get(export)  # the session and the user, warmed
    aantallen = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(export).status_code == 200
        aantallen.append(len(queries))
        for n in range(10):
            Begrotingsregel(
                begroting=lopend.begroting, categorie="overig", omschrijving=f"R{n}", bedrag=n
            ).save(bevestigd=True)
    assert aantallen[0] == aantallen[1]
