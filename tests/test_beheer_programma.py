"""The programme dashboard: all wijken side by side, sortable, exportable."""

import codecs
import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from communitycare.lib import dataversion
from communitycare.portaal import programma
from initiatieven.models import Status, Thema
from tests.conftest import PERSONAS, count_h1
from tests.factories import WijkFactory, WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_wijkdata import WijkcijferFactory
from wijken.base.indicatoren import Indicator
from wijken.base.models import Regio, Wijk, Wijkverbinder
from wijken.wijkdata.models import Wijkcijfer
from wijken.wijkplan.models import Themastand, zet_themastanden

URL = "/beheer/programma/"
URLS = [URL, URL + "export.csv", URL + "export.xlsx"]


@pytest.fixture
def voortgang(wijk_a, wijk_b):
    """wijk A: 3 active wijkverbinders, weak on eenzaamheid; wijk B: 1, nothing weak."""
    for _ in range(3):
        WijkverbinderFactory(wijk=wijk_a)
    WijkverbinderFactory(wijk=wijk_a, status=Wijkverbinder.Status.GESTOPT)
    WijkverbinderFactory(wijk=wijk_b)
    WijkcijferFactory(wijk=wijk_a, jaar=2020, waarde="40", vergelijking_gemeente="50")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, waarde="55", vergelijking_gemeente="50")
    WijkcijferFactory(wijk=wijk_b, maat=Indicator.ZELFREDZAAMHEID, waarde="90")
    WijkcijferFactory(wijk=wijk_b, waarde="40", vergelijking_gemeente="50")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_programme_roles_get_in(client_for, persona):
    expected = {"anonymous": 302, "projectleider": 200, "programmamanager": 200}
    client = client_for(persona)
    for url in URLS:
        response = client.get(url)
        assert response.status_code == expected.get(persona, 404), (persona, url)
        if persona == "anonymous":
            assert response["Location"].startswith("/beheer/inloggen/?next=")


def test_figures_are_computed_from_the_data(voortgang):
    rijen = {w.naam: w for w in programma.overzicht()}
    a, b = rijen["Valkenburg-Oosterbeemd"], rijen["Welten-Benzenrade-Douvenrade"]
    assert (a.actieve_wijkverbinders, b.actieve_wijkverbinders) == (3, 1)
    assert (a.indicatoren_met_cijfers, b.indicatoren_met_cijfers) == (1, 2)
    assert (a.zwakke_indicatoren, b.zwakke_indicatoren) == (1, 0)
    assert (a.nieuwste_wijkdata, b.nieuwste_wijkdata) == (2022, 2022)


def test_dashboard_shows_progress_bars_with_text(client_for, voortgang):
    html = client_for("programmamanager").get(URL).content.decode()
    assert count_h1(html) == 1
    assert "3 van 10" in html and "1 van 10" in html
    assert '<meter min="0" max="10" optimum="10" value="3"' in html
    # The wijkdata columns show with all columns (the table that fits 1280 px leaves them out).
    html = client_for("programmamanager").get(URL + "?kolommen=alle").content.decode()
    assert "2 van 4" in html


@pytest.mark.parametrize(
    ("query", "eerste"),
    [
        ("", "Valkenburg-Oosterbeemd"),
        ("?sorteer=wijk&volgorde=af", "Welten-Benzenrade-Douvenrade"),
        ("?sorteer=actieve_wijkverbinders", "Welten-Benzenrade-Douvenrade"),
        ("?sorteer=actieve_wijkverbinders&volgorde=af", "Valkenburg-Oosterbeemd"),
        ("?sorteer=indicatoren_met_cijfers&volgorde=af", "Welten-Benzenrade-Douvenrade"),
        ("?sorteer=regio", "Welten-Benzenrade-Douvenrade"),
        ("?sorteer=onzin", "Valkenburg-Oosterbeemd"),
    ],
)
def test_sorting_by_get_parameter(client_for, voortgang, query, eerste):
    html = client_for("projectleider").get(URL + query).content.decode()
    tbody = html[html.index("<tbody>") :]
    namen = ["Valkenburg-Oosterbeemd", "Welten-Benzenrade-Douvenrade"]
    assert min(namen, key=tbody.index) == eerste


def test_sorted_column_is_marked_and_its_link_reverses(client_for, voortgang):
    html = client_for("programmamanager").get(URL + "?sorteer=regio").content.decode()
    assert 'aria-sort="ascending"' in html
    assert 'href="?sorteer=regio&amp;volgorde=af"' in html


def test_csv_export(client_for, voortgang):
    response = client_for("programmamanager").get(URL + "export.csv?sorteer=wijk&volgorde=af")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    # As Dutch Excel opens it with a double click: a BOM for UTF-8, semicolons.
    assert response.content.startswith(codecs.BOM_UTF8 + b"Regio;Wijk;")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:4] == ["Regio", "Wijk", "CBS-wijkcode", "Wijkverbinders (doel 10)"]
    assert rijen[1][1] == "Welten-Benzenrade-Douvenrade"
    valkenburg = dict(zip(rijen[0], rijen[2], strict=True))
    assert valkenburg["Wijk"] == "Valkenburg-Oosterbeemd"
    assert valkenburg["Wijkverbinders (doel 10)"] == "3"
    assert valkenburg["Zwakke indicatoren"] == "1"


def test_xlsx_export(client_for, voortgang):
    response = client_for("programmamanager").get(URL + "export.xlsx")
    blad = load_workbook(io.BytesIO(response.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][1] == "Wijk"
    assert rijen[1][1] == "Valkenburg-Oosterbeemd" and rijen[1][3] == 3


def test_weak_indicators_without_an_initiative(client_for, voortgang):
    plekken = programma.zwak_zonder_initiatief()
    assert [(p.wijk.naam, p.indicatoren) for p in plekken] == [
        ("Valkenburg-Oosterbeemd", [Indicator.EENZAAMHEID])
    ]
    html = client_for("programmamanager").get(URL).content.decode()
    zwak = html[html.index('id="zwak-kop"') :]
    assert "Valkenburg-Oosterbeemd" in zwak and "Eenzaamheid" in zwak
    assert "Welten" not in zwak


def test_an_active_initiative_on_the_indicator_covers_it(voortgang):
    from initiatieven.models import Status
    from tests.factories_initiatieven import InitiatiefFactory

    wijk = Wijk.objects.get(slug="valkenburg-oosterbeemd")
    idee = InitiatiefFactory(wijk=wijk, status=Status.ONTWIKKELING)
    idee.zet_indicatoren([Indicator.EENZAAMHEID])
    assert len(programma.zwak_zonder_initiatief()) == 1  # only an active one counts
    actief = InitiatiefFactory(wijk=wijk, status=Status.ACTIEF)
    actief.zet_indicatoren([Indicator.EENZAAMHEID])
    assert programma.zwak_zonder_initiatief() == []


@pytest.mark.parametrize("aantal", [2, 60])
def test_query_count_does_not_grow_with_the_wijken(
    client_for, wijk_a, django_assert_num_queries, aantal
):
    client = client_for("programmamanager")
    wijken = Wijk.objects.bulk_create(
        WijkFactory.build(regio=wijk_a.regio, slug=f"w-{i}") for i in range(aantal)
    )
    for wijk in wijken:
        WijkverbinderFactory(wijk=wijk)
        Themastand.objects.create(wijk=wijk, thema=Thema.DOE_BOEKJE, stand="gewenst")
        InitiatiefFactory(wijk=wijk, thema=Thema.OPEN_KOFFIE, slug=f"ok-{wijk.pk}")
        Wijkcijfer.objects.bulk_create(
            WijkcijferFactory.build(wijk=wijk, maat=indicator, waarde="60")
            for indicator in Indicator
        )
    dataversion.current()  # the uncommitted writes above bump their scopes here, not below
    # the versions and the cached table, a page of wijken with every figure, their count,
    # the regio's, the weak pairs, ..., the table stored (three queries in the database
    # cache; none with Redis), the queue of begrotingen beside it (a page and its count),
    # and the theme matrix of the page (its Themastand rows and its initiatives)
    with django_assert_num_queries(19):
        response = client.get(URL)
    assert response.status_code == 200
    # every wijk has two goals out of 10: wijkverbinders and volunteers in the huis
    assert response.content.decode().count("van 10") == 2 * min(aantal + 2, 50)


def test_a_page_at_a_time_and_one_regio_at_a_time(client_for, voortgang):
    client = client_for("programmamanager")
    Wijk.objects.bulk_create(
        WijkFactory.build(
            regio=Regio.objects.get(slug="heerlen"), naam=f"Heerlen {i:02}", slug=f"h-{i}"
        )
        for i in range(55)
    )
    html = client.get(URL + "?sorteer=wijk").content.decode()
    assert "57 wijken; hieronder 1 tot en met 50." in html
    assert 'href="?sorteer=wijk&amp;pagina=2"' in html
    assert ">Welten-Benzenrade-Douvenrade</a>" not in html
    html = client.get(URL + "?sorteer=wijk&pagina=2").content.decode()
    assert ">Welten-Benzenrade-Douvenrade</a>" in html
    html = client.get(URL + "?regio=heuvelland").content.decode()
    assert "1 wijk in Heuvelland." in html
    assert "Valkenburg-Oosterbeemd" in html and "Heerlen 00" not in html
    assert client.get(URL + "?regio=onbekend&pagina=999").status_code == 200


def test_open_koffie_figures_count_combined_meetings_for_both_wijken(wijk_a, wijk_b):
    from openkoffie.models import OpenKoffie
    from tests.factories_openkoffie import OpenKoffieFactory, over

    samen = wijk_b.regio.wijken.create(naam="Buurwijk", slug="buurwijk")
    OpenKoffieFactory(wijk=wijk_b, tweede_wijk=samen, begin=over(20))
    OpenKoffieFactory(wijk=wijk_b, begin=over(200))
    OpenKoffieFactory(wijk=wijk_b, begin=over(400))  # beyond twelve months
    OpenKoffieFactory(wijk=wijk_a, begin=over(10), status=OpenKoffie.Status.GEANNULEERD)
    figuren = {wijk.naam: wijk for wijk in programma.overzicht()}
    assert figuren[wijk_b.naam].open_koffies_gepland == 2
    assert figuren["Buurwijk"].open_koffies_gepland == 1
    assert figuren[wijk_a.naam].open_koffies_gepland == 0
    assert figuren[wijk_a.naam].open_koffies_gehouden == 0


def test_the_table_is_computed_once_per_version_of_the_data(
    client_for, wijk_a, wijk_b, django_assert_num_queries
):
    """Sixteen programme staff at once cost one computation; an edit in any wijk shows."""
    client = client_for("programmamanager")
    client.get(URL)
    dataversion.current()
    with django_assert_num_queries(5):  # session, user, versions + table, regio's, ...
        html = client.get(URL).content.decode()
    assert wijk_b.naam in html
    WijkverbinderFactory(wijk=wijk_b, status="actief")
    html = client.get(URL).content.decode()
    rij = html[html.index(wijk_b.naam) :]
    assert "1 van 10" in rij[: rij.index("</tr>")]


@pytest.fixture
def themas(wijk_a, wijk_b):
    """wijk A in its second year, Open Koffie started, Doe-boekje wanted, Samen op stap not
    needed; wijk B in its fifth year, nothing discussed."""
    vandaag = timezone.localdate()
    wijk_a.gestart_op = vandaag.replace(year=vandaag.year - 1) - datetime.timedelta(days=1)
    wijk_a.save()
    wijk_b.gestart_op = vandaag.replace(year=vandaag.year - 4) - datetime.timedelta(days=1)
    wijk_b.save()
    zet_themastanden(
        wijk_a,
        {
            Thema.DOE_BOEKJE: ("gewenst", "", ""),
            Thema.SAMEN_OP_STAP: ("niet_nodig", "", "De buurtbus rijdt al"),
            Thema.OPEN_KOFFIE: ("gewenst", "", ""),  # started wins
        },
    )
    InitiatiefFactory(wijk=wijk_a, thema=Thema.OPEN_KOFFIE, status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, thema=Thema.HELPENDE_HAND, status=Status.IDEE)  # not public


def _rij(html: str, wijk) -> str:
    rij = html[html.index(f">{wijk.naam}</a>") :]
    return rij[: rij.index("</tr>")]


def test_dashboard_shows_year_and_theme_marks(client_for, wijk_a, wijk_b, themas):
    html = client_for("programmamanager").get(URL).content.decode()
    a, b = _rij(html, wijk_a), _rij(html, wijk_b)
    assert '<span class="visually-hidden">jaar </span>2</td>' in a
    assert '<span class="visually-hidden">jaar </span>5</td>' in b
    assert "Open Koffie: gestart" in a and "Doe-boekje: gewenst" in a
    assert "Samen op stap voor een boodschap: niet nodig" in a
    assert "De helpende hand: nog niet besproken" in a
    assert b.count(': nog niet besproken"') == 5  # the marks' titles
    # The 4 to 6 a year: a goal in year 2, none in year 5.
    gestart = 'data-label="Initiatieven gestart (doel 4 tot 6)'
    assert f'{gestart} (doel 4)"' in a and f'{gestart}"' in b and "geen doel" in b


def test_no_goal_after_the_wijk_decided_no_more_are_needed(client_for, wijk_a, themas):
    wijk_a.geen_nieuwe_initiatieven_op = timezone.localdate()
    wijk_a.geen_nieuwe_initiatieven_reden = "Genoeg te doen"
    wijk_a.save()
    assert not wijk_a.heeft_initiatiefdoel()
    html = client_for("programmamanager").get(URL).content.decode()
    assert 'data-label="Initiatieven gestart (doel 4 tot 6)"' in _rij(html, wijk_a)


def test_exports_carry_year_and_themes(client_for, wijk_a, themas):
    response = client_for("programmamanager").get(URL + "export.csv")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    valkenburg = dict(zip(rijen[0], rijen[1], strict=True))
    assert valkenburg["Jaar van Community Care"] == "2"
    assert valkenburg["Doel nieuwe initiatieven"] == "4 tot 6"
    assert valkenburg["Thema Open Koffie"] == "Gestart"
    assert valkenburg["Thema Doe-boekje"] == "Gewenst"
    assert valkenburg["Thema De helpende hand"] == "Nog niet besproken"
    welten = dict(zip(rijen[0], rijen[2], strict=True))
    assert (welten["Jaar van Community Care"], welten["Doel nieuwe initiatieven"]) == ("5", "geen")
    blad = load_workbook(
        io.BytesIO(client_for("programmamanager").get(URL + "export.xlsx").content)
    )
    xlsx = list(blad.active.iter_rows(values_only=True))
    assert dict(zip(xlsx[0], xlsx[1], strict=True))["Thema Samen op stap voor een boodschap"] == (
        "Niet nodig"
    )
