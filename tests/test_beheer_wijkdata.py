"""The wijkdata page of the back office: upload, preview, apply, beleefde wijkdata."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import PERSONAS, count_h1
from tests.factories_openkoffie import OpenKoffieFactory, over
from tests.factories_wijkdata import WijkcijferFactory
from tests.test_url_persona_matrix import BEHEER
from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer

BASE = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkdata/"
KOP = "cbs_code,maat,jaar,waarde,eenheid,bron,vergelijking_gemeente\n"
GOED = KOP + "WK099401,eenzaamheid,2022,53.4,procent,rivm,50.1\n"
EXPECTED = BEHEER.get  # the same rule as every wijk page


@pytest.fixture(autouse=True)
def codes(wijk_a, wijk_b):
    wijk_a.cbs_code = "WK099401"
    wijk_a.save()
    wijk_b.cbs_code = "WK091707"
    wijk_b.save()


@pytest.fixture
def gehouden(wijk_a):
    """The Open Koffie of wijk A where the figures were discussed."""
    return OpenKoffieFactory(wijk=wijk_a, begin=over(-40), status="gehouden")


def upload(client, tekst: str = GOED, url: str = BASE + "importeren/"):
    bestand = SimpleUploadedFile("cijfers.csv", tekst.encode(), content_type="text/csv")
    return client.post(url, {"bestand": bestand})


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_by_persona(client_for, persona):
    client = client_for(persona)
    for url in [BASE, BASE + "importeren/", BASE + "beleefd/eenzaamheid/"]:
        response = client.get(url)
        assert response.status_code == EXPECTED[persona], (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_outsiders_cannot_upload_or_apply(client_for, persona, gehouden):
    client = client_for(persona)
    upload(client)
    client.post(BASE + "toepassen/", {"token": "x"})
    client.post(
        BASE + "beleefd/eenzaamheid/",
        {"eenzaamheid-herkenning": "Hoi", "eenzaamheid-open_koffie": gehouden.pk},
    )
    assert not Wijkcijfer.objects.exists()
    assert BeleefdeWijkdata.objects.exists() is (EXPECTED[persona] == 200)


def test_page_lists_the_figures(client_for, wijk_a):
    WijkcijferFactory(wijk=wijk_a, waarde="53.4", demo=True)
    html = client_for("coordinator_a").get(BASE).content.decode()
    assert count_h1(html) == 1
    assert "53,4%" in html and "demo" in html
    assert 'enctype="multipart/form-data"' in html


def test_preview_shows_changes_and_writes_nothing(client_for, wijk_a):
    WijkcijferFactory(wijk=wijk_a, jaar=2020, waarde="49.8", vergelijking_gemeente="49.5")
    client = client_for("coordinator_a")
    tekst = GOED + "WK099401,eenzaamheid,2020,50.0,procent,rivm,49.5\n"
    html = upload(client, tekst).content.decode()
    assert "1 nieuw" in html and "1 gewijzigd" in html and "0 ongewijzigd" in html
    assert "49,8%" in html and "50%" in html
    assert str(Wijkcijfer.objects.get().waarde) == "49.80"  # nothing applied yet
    token = client.session["wijkdata_upload"]["token"]
    response = client.post(BASE + "toepassen/", {"token": token})
    assert response.status_code == 302 and response["Location"] == BASE
    assert sorted(Wijkcijfer.objects.values_list("jaar", "waarde")) == [
        (2020, Decimal("50")),
        (2022, Decimal("53.4")),
    ]
    assert "wijkdata_upload" not in client.session
    followed = client.get(BASE).content.decode()
    assert "cijfers.csv is ingelezen: 1 nieuw, 1 gewijzigd, 0 ongewijzigd." in followed


def test_bad_file_shows_line_numbers_and_changes_nothing(client_for):
    client = client_for("coordinator_a")
    html = upload(client, GOED + "WK099401,eenzaamheid,2023,vijftig,procent,rivm,\n")
    html = html.content.decode()
    assert "cijfers.csv is niet ingelezen" in html
    assert "Regel 3: waarde &#x27;vijftig&#x27; is geen getal." in html
    assert "Toepassen" not in html
    assert "wijkdata_upload" not in client.session
    assert not Wijkcijfer.objects.exists()


def test_a_coordinator_cannot_import_rows_of_another_wijk(client_for):
    client = client_for("coordinator_a")
    html = upload(client, KOP + "WK091707,eenzaamheid,2022,53.4,procent,rivm,\n").content.decode()
    assert "hier kunt u alleen cijfers van Valkenburg-Oosterbeemd" in html
    assert not Wijkcijfer.objects.exists()


def test_apply_needs_the_token_of_the_preview(client_for):
    client = client_for("coordinator_a")
    upload(client)
    response = client.post(BASE + "toepassen/", {"token": "verkeerd"}, follow=True)
    assert "Deze upload is verlopen" in response.content.decode()
    assert not Wijkcijfer.objects.exists()


def test_apply_checks_again_and_refuses_when_the_wijk_changed(client_for, wijk_a):
    client = client_for("coordinator_a")
    upload(client)
    token = client.session["wijkdata_upload"]["token"]
    wijk_a.cbs_code = "WK099499"
    wijk_a.save()
    html = client.post(BASE + "toepassen/", {"token": token}).content.decode()
    assert "niet ingelezen" in html
    assert not Wijkcijfer.objects.exists()


def test_an_upload_for_one_wijk_cannot_be_applied_on_another(client_for, wijk_b, coordinator_a):
    wijk_b.coordinatoren.add(coordinator_a)
    client = client_for("coordinator_a")
    upload(client)
    token = client.session["wijkdata_upload"]["token"]
    other = "/beheer/heerlen/welten-benzenrade-douvenrade/wijkdata/toepassen/"
    client.post(other, {"token": token})
    assert not Wijkcijfer.objects.exists()


def test_not_a_csv_file(client_for):
    client = client_for("coordinator_a")
    bestand = SimpleUploadedFile("foto.png", b"\x89PNG", content_type="image/png")
    html = client.post(BASE + "importeren/", {"bestand": bestand}).content.decode()
    assert "Kies een CSV-bestand" in html


def test_programme_upload_covers_all_wijken(client_for):
    client = client_for("programmamanager")
    tekst = GOED + "WK091707,eenzaamheid,2022,55,procent,rivm,\n"
    html = upload(client, tekst, url="/beheer/programma/wijkdata/").content.decode()
    assert "2 nieuw" in html
    token = client.session["wijkdata_upload"]["token"]
    response = client.post("/beheer/programma/wijkdata/toepassen/", {"token": token})
    assert response["Location"] == "/beheer/programma/"
    assert Wijkcijfer.objects.count() == 2


@pytest.mark.parametrize("persona", PERSONAS)
def test_programme_upload_by_persona(client_for, persona):
    response = client_for(persona).get("/beheer/programma/wijkdata/")
    expected = {"anonymous": 302, "projectleider": 200, "programmamanager": 200}
    assert response.status_code == expected.get(persona, 404)


def test_beleefde_wijkdata_saved_without_javascript(client_for, wijk_a, gehouden):
    client = client_for("coordinator_a")
    response = client.post(
        BASE + "beleefd/eenzaamheid/",
        {
            "eenzaamheid-herkenning": "Herkenbaar.",
            "eenzaamheid-open_koffie": gehouden.pk,
            "eenzaamheid-nadruk": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == BASE
    beleefd = BeleefdeWijkdata.objects.get(wijk=wijk_a, indicator="eenzaamheid")
    assert beleefd.nadruk and beleefd.open_koffie == gehouden


def test_beleefde_wijkdata_saved_in_place_with_htmx(client_for, wijk_a, gehouden):
    client = client_for("coordinator_a")
    response = client.post(
        BASE + "beleefd/samenredzaamheid/",
        {
            "samenredzaamheid-herkenning": "Buren helpen elkaar.",
            "samenredzaamheid-open_koffie": gehouden.pk,
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="beleefd-samenredzaamheid"')
    assert "Opgeslagen." in html
    assert BeleefdeWijkdata.objects.get(wijk=wijk_a).herkenning == "Buren helpen elkaar."


def test_a_later_open_koffie_keeps_the_history_and_shows_the_latest(
    client, client_for, wijk_a, gehouden
):
    """Issue 14: beleefde wijkdata refers to the Open Koffie, one row per meeting."""
    later = OpenKoffieFactory(wijk=wijk_a, begin=over(-5), status="gehouden")
    coordinator = client_for("coordinator_a")
    for open_koffie, tekst in [(gehouden, "Eerst stil."), (later, "Nu beter.")]:
        coordinator.post(
            BASE + "beleefd/eenzaamheid/",
            {"eenzaamheid-herkenning": tekst, "eenzaamheid-open_koffie": open_koffie.pk},
        )
    rijen = BeleefdeWijkdata.objects.filter(wijk=wijk_a, indicator="eenzaamheid")
    assert [r.herkenning for r in rijen] == ["Nu beter.", "Eerst stil."]  # latest first
    html = client.get("/heuvelland/valkenburg-oosterbeemd/").content.decode()
    assert "Nu beter." in html and "Eerst stil." not in html
    # The back office keeps the history in sight, below the form of the latest.
    html = coordinator.get(BASE).content.decode()
    assert "Eerder besproken (1)" in html and "Eerst stil." in html


@pytest.mark.parametrize("welke", ["komend", "andere wijk", "geannuleerd"])
def test_only_a_held_open_koffie_of_the_wijk_counts(client_for, wijk_a, wijk_b, welke):
    """The same rule through the back office and through model validation (the admin's)."""
    open_koffie = {
        "komend": lambda: OpenKoffieFactory(wijk=wijk_a, begin=over(10)),
        "andere wijk": lambda: OpenKoffieFactory(wijk=wijk_b, begin=over(-10)),
        "geannuleerd": lambda: OpenKoffieFactory(
            wijk=wijk_a, begin=over(-10), status="geannuleerd", reden_annulering="Ziek"
        ),
    }[welke]()
    html = (
        client_for("coordinator_a")
        .post(
            BASE + "beleefd/eenzaamheid/",
            {"eenzaamheid-herkenning": "Hoi", "eenzaamheid-open_koffie": open_koffie.pk},
        )
        .content.decode()
    )
    assert "Selecteer een geldige keuze" in html
    assert not BeleefdeWijkdata.objects.exists()
    rij = BeleefdeWijkdata(wijk=wijk_a, indicator="eenzaamheid", open_koffie=open_koffie)
    with pytest.raises(ValidationError) as fout:
        rij.full_clean()
    assert "open_koffie" in fout.value.message_dict


def test_without_an_open_koffie_nothing_is_saved(client_for):
    html = (
        client_for("coordinator_a")
        .post(BASE + "beleefd/eenzaamheid/", {"eenzaamheid-herkenning": "Hoi"})
        .content.decode()
    )
    assert "Dit veld is verplicht." in html
    assert not BeleefdeWijkdata.objects.exists()


def test_unknown_indicator_is_404(client_for):
    assert client_for("coordinator_a").get(BASE + "beleefd/geluk/").status_code == 404


# --- hostile and odd files (issue 13, finding 5) ----------------------------------------


@pytest.mark.parametrize("url", [BASE + "importeren/", "/beheer/programma/wijkdata/"])
def test_excel_mac_line_endings_preview_and_apply(client_for, url):
    """Excel's "CSV (Macintosh)" ends lines in a bare CR: it was a 500."""
    client = client_for("programmamanager")
    response = upload(client, GOED.replace("\n", "\r"), url=url)
    assert response.status_code == 200
    assert "1 nieuw" in response.content.decode()
    token = client.session["wijkdata_upload"]["token"]
    client.post(url.replace("wijkdata/importeren/", "wijkdata/") + "toepassen/", {"token": token})
    assert Wijkcijfer.objects.get().jaar == 2022


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (
            GOED.encode() + b'WK099401,"' + (b"x" * 1500 + b"\n") * 100,
            "Regel 3: deze regel is niet te lezen",
        ),
        (KOP.encode() + b";" * 100_000, "Regel 2: deze regel is langer dan 2000 tekens"),
        (b"\x89PNG\r\n\x1a\n\x00\x00" * 1000, "onbekende kolom"),
        (b"", "Het bestand is leeg."),
    ],
    ids=["open aanhalingsteken", "lange regel", "plaatje", "leeg"],
)
def test_a_file_that_cannot_be_read_is_a_dutch_message(client_for, inhoud, melding):
    bestand = SimpleUploadedFile("cijfers.csv", inhoud, content_type="text/csv")
    response = client_for("coordinator_a").post(BASE + "importeren/", {"bestand": bestand})
    assert response.status_code == 200
    html = response.content.decode()
    assert melding in html or "Het verstuurde bestand is leeg." in html
    assert "wijkdata_upload" not in client_for("coordinator_a").session
    assert not Wijkcijfer.objects.exists()


def test_the_size_limit_is_on_the_form_and_checked_before_reading(
    client_for, settings, monkeypatch
):
    settings.WIJKDATA_MAX_BYTES = 5 * 1024 * 1024
    client = client_for("coordinator_a")
    assert "Hoogstens 5 MB." in client.get(BASE + "importeren/").content.decode()

    def niet_lezen(*args, **kwargs):
        raise AssertionError("a file over the limit is parsed")

    monkeypatch.setattr("wijken.wijkdata.views.maak_plan", niet_lezen)
    te_groot = GOED + "x" * (5 * 1024 * 1024)
    html = upload(client, te_groot).content.decode()
    assert "Het bestand is groter dan 5 MB." in html
    assert not Wijkcijfer.objects.exists()


def test_an_upload_with_several_bad_rows_shows_them_all_and_changes_nothing(client_for):
    client = client_for("coordinator_a")
    html = upload(
        client,
        GOED
        + "WK099401,eenzaamheid,2021,veel,procent,rivm,\n"
        + "WK091707,eenzaamheid,2021,53.4,procent,rivm,\n"
        + "WK099401,eenzaamheid,2020,1.000,procent,rivm,\n"
        + "WK099401,eenzaamheid,2019,50,procent,rivm,50,1\n",
    ).content.decode()
    assert "cijfers.csv is niet ingelezen" in html
    assert "Regel 3: waarde &#x27;veel&#x27; is geen getal." in html
    assert "4 regels kloppen niet" in html
    assert "Regel 4: deze regel is voor Welten-Benzenrade-Douvenrade" in html
    assert "Regel 5: waarde &#x27;1.000&#x27;: hoogstens twee cijfers" in html
    assert "Regel 6: 8 kolommen, de kopregel heeft er 7." in html
    assert "wijkdata_upload" not in client.session
    assert not Wijkcijfer.objects.exists()
