"""The yearly report: per wijk (public and back office) and for the programme, as a page,
a PDF and an xlsx, its figures checked against the database of the demo data."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from communitycare.lib import dataversion
from communitycare.portaal import jaarverslag
from initiatieven import programma as initiatief_figuren
from initiatieven.models import Evaluatie, Initiatief
from openkoffie.models import OpenKoffie
from tests.factories import (
    HuisFactory,
    RegioFactory,
    UserFactory,
    WijkFactory,
    WijkverbinderFactory,
)
from tests.factories_initiatieven import InitiatiefFactory
from tests.factories_openkoffie import OpenKoffieFactory
from wijken.base import roles
from wijken.base.models import Vrijwilliger, Wijk, Wijkverbinder, initiatiefdoel_geldt

PROGRAMMA = "/beheer/programma/jaarverslag/"
NUM = 14  # the queries of the programme report, see below


def pdf_tekst(inhoud: bytes) -> str:
    return " ".join(
        " ".join((pagina.extract_text() or "").split())
        for pagina in PdfReader(io.BytesIO(inhoud)).pages
    )


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True, stdout=io.StringIO())
    return Wijk.objects.select_related("regio").get(slug="valkenburg-oosterbeemd")


def jaar_met_meeste(wijk: Wijk) -> int:
    """The demo's year with the most held Open Koffies in the wijk: a year with figures."""
    jaren = [ok.begin.year for ok in OpenKoffie.objects.voor_wijk(wijk).filter(status="gehouden")]
    return max(set(jaren), key=jaren.count) if jaren else timezone.localdate().year


def verwacht(wijk: Wijk, jaar: int) -> dict:
    """Each figure counted straight from the tables, not through the report's code."""
    gehouden = OpenKoffie.objects.voor_wijk(wijk).filter(status="gehouden", begin__year=jaar)
    beeindigd = Initiatief.objects.filter(wijk=wijk, status="beeindigd", einddatum__year=jaar)
    annotated = initiatief_figuren.besteed_in(
        initiatief_figuren.goedgekeurd_in(Wijk.objects.filter(pk=wijk.pk), jaar), jaar
    ).get()
    return {
        "open_koffies_gehouden": gehouden.count(),
        "open_koffies_voldaan": sum(1 for ok in gehouden if ok.voldoet_aan_opkomst()),
        "buurtbewoners_open_koffie": sum(ok.aantal_buurtbewoners or 0 for ok in gehouden),
        "actieve_wijkverbinders": Wijkverbinder.objects.filter(wijk=wijk, status="actief").count(),
        "wijkverbinders_gestart": Wijkverbinder.objects.filter(
            wijk=wijk, startdatum__year=jaar
        ).count(),
        "vrijwilligers": Vrijwilliger.objects.filter(
            huis__wijk=wijk, startdatum__year=jaar
        ).count(),
        "initiatieven_gestart": Initiatief.objects.filter(
            wijk=wijk, status__in=["actief", "beeindigd"], startdatum__year=jaar
        ).count(),
        "initiatieven_beeindigd": beeindigd.count(),
        "evaluaties": Evaluatie.objects.filter(
            initiatief__wijk=wijk, datum__year=jaar, gepubliceerd_op__isnull=False
        ).count(),
        "bedrag_goedgekeurd": annotated.bedrag_goedgekeurd,
        "bedrag_besteed": annotated.bedrag_besteed,
    }


def test_wijk_figures_match_the_database(demo):
    jaar = jaar_met_meeste(demo)
    verslag = jaarverslag.wijk_verslag(demo, jaar, publiek=True)
    waarden = {regel.cijfer.sleutel: regel.waarde for regel in verslag.regels}
    assert waarden == verwacht(demo, jaar)
    assert waarden["open_koffies_gehouden"] > 0
    assert len(verslag.open_koffies) == waarden["open_koffies_gehouden"]


def test_public_page_and_pdf_show_the_figures(demo, client):
    jaar = jaar_met_meeste(demo)
    url = f"/{demo.regio.slug}/{demo.slug}/jaarverslag/?jaar={jaar}"
    html = client.get(url).content.decode()
    cijfers = verwacht(demo, jaar)
    assert f"Jaarverslag {jaar} {demo.naam}" in html
    for ok in OpenKoffie.objects.voor_wijk(demo).filter(status="gehouden", begin__year=jaar):
        assert f"{ok.begin.day} " in html
    for initiatief in Initiatief.objects.filter(wijk=demo).beeindigd_in(jaar):
        assert initiatief.naam in html and initiatief.reden_einde in html
    # The wijkbeeld links to it.
    assert (
        f"/{demo.regio.slug}/{demo.slug}/jaarverslag/"
        in client.get(demo.get_absolute_url()).content.decode()
    )
    pdf = client.get(f"/{demo.regio.slug}/{demo.slug}/jaarverslag.pdf?jaar={jaar}")
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    assert f"Jaarverslag {jaar}" in tekst
    assert f"Open Koffies gehouden {cijfers['open_koffies_gehouden']} " in tekst
    assert f"Nieuwe vrijwilligers in het huis {cijfers['vrijwilligers']} " in tekst


def test_public_version_names_no_people_the_back_office_does(demo, client):
    jaar = jaar_met_meeste(demo)
    publiek = client.get(
        f"/{demo.regio.slug}/{demo.slug}/jaarverslag/?jaar={jaar}"
    ).content.decode()
    namen = [w.naam for w in Wijkverbinder.objects.filter(wijk=demo)]
    namen += [v.naam for v in Vrijwilliger.objects.filter(huis__wijk=demo)]
    assert namen
    assert not [naam for naam in namen if naam in publiek]
    client.force_login(UserFactory(rol=roles.PROGRAMMAMANAGER))
    beheer = client.get(f"/beheer/{demo.regio.slug}/{demo.slug}/jaarverslag/?jaar={jaar}")
    actief = Wijkverbinder.objects.filter(wijk=demo, status="actief").first()
    assert actief.naam in beheer.content.decode()


def test_programme_figures_match_the_database(demo, client):
    jaar = jaar_met_meeste(demo)
    verslag = jaarverslag.programma_verslag(jaar)
    totalen = {regel.cijfer.sleutel: regel.waarde for regel in verslag.totalen}
    per_wijk = [verwacht(wijk, jaar) for wijk in Wijk.objects.all()]
    assert totalen == {sleutel: sum(w[sleutel] for w in per_wijk) for sleutel in totalen}
    assert verslag.aantal_wijken == Wijk.objects.count()
    assert sum(r.wijken for r in verslag.per_regio) == Wijk.objects.count()
    for rij in verslag.per_regio:
        in_regio = [verwacht(w, jaar) for w in Wijk.objects.filter(regio__naam=rij.naam)]
        for cijfer, waarde in rij.waarden:
            assert waarde == sum(w[cijfer.sleutel] for w in in_regio), (rij.naam, cijfer.sleutel)
    client.force_login(UserFactory(rol=roles.PROGRAMMAMANAGER))
    html = client.get(PROGRAMMA, {"jaar": jaar}).content.decode()
    for wijk in Wijk.objects.all():
        assert wijk.naam in html
    tekst = pdf_tekst(client.get(PROGRAMMA.rstrip("/") + ".pdf", {"jaar": jaar}).content)
    assert f"Open Koffies gehouden {totalen['open_koffies_gehouden']} " in tekst
    boek = load_workbook(
        io.BytesIO(client.get(PROGRAMMA.rstrip("/") + ".xlsx", {"jaar": jaar}).content)
    )
    rijen = list(boek.active.iter_rows(values_only=True))
    koppen, rijen = rijen[0], rijen[1:]
    assert len(rijen) == Wijk.objects.count()
    valkenburg = dict(zip(koppen, next(r for r in rijen if r[1] == demo.naam), strict=True))
    cijfers = verwacht(demo, jaar)
    for cijfer in jaarverslag.CIJFERS:
        kop = f"{cijfer.kop} (doel {cijfer.doel_tekst})" if cijfer.doel_tekst else cijfer.kop
        assert Decimal(str(valkenburg[kop])) == Decimal(cijfers[cijfer.sleutel])


@pytest.mark.parametrize("waarde", ["tekst", "0", "99999", "-1", "２０２４", "2024abc", " "])
def test_a_bad_year_gives_the_default_year_with_a_dutch_message(demo, client, waarde):
    dit_jaar = timezone.localdate().year
    for url in (f"/{demo.regio.slug}/{demo.slug}/jaarverslag/",):
        response = client.get(url, {"jaar": waarde})
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Jaarverslag {dit_jaar}" in html
        if waarde.strip():
            assert "hebben we geen cijfers" in html
    assert (
        client.get(f"/{demo.regio.slug}/{demo.slug}/jaarverslag.pdf", {"jaar": waarde}).status_code
        == 200
    )
    client.force_login(UserFactory(rol=roles.PROJECTLEIDER))
    for url in (PROGRAMMA, PROGRAMMA.rstrip("/") + ".xlsx", PROGRAMMA.rstrip("/") + ".pdf"):
        assert client.get(url, {"jaar": waarde}).status_code == 200


def test_initiative_goal_rule_in_python_and_sql(db):
    """`Wijk.initiatiefdoel_vervalt` and its SQL twin agree on every kind of wijk."""
    regio = RegioFactory()
    jaar = 2024
    gevallen = [
        (None, None),
        (datetime.date(2024, 9, 1), None),  # starts this year
        (datetime.date(2025, 2, 1), None),  # not started yet
        (datetime.date(2021, 1, 1), None),  # on 1 January 2024 in year 4
        (datetime.date(2021, 1, 2), None),  # on 1 January 2024 still in year 3
        (datetime.date(2022, 5, 1), None),
        (datetime.date(2023, 5, 1), datetime.date(2024, 6, 1)),  # no more needed
        (datetime.date(2023, 5, 1), datetime.date(2025, 6, 1)),  # no more needed later
    ]
    wijken = []
    for gestart, geen in gevallen:
        wijken.append(
            WijkFactory(
                regio=regio,
                gestart_op=gestart,
                geen_nieuwe_initiatieven_op=geen,
                geen_nieuwe_initiatieven_reden="x" if geen else "",
            )
        )
    python = {w.pk for w in wijken if not w.initiatiefdoel_vervalt(jaar)}
    sql = set(Wijk.objects.filter(initiatiefdoel_geldt(jaar)).values_list("pk", flat=True))
    assert python == sql
    assert python == {wijken[i].pk for i in (0, 1, 4, 5, 7)}


def test_open_koffie_condition_in_python_and_sql(wijk_a):
    jaar = timezone.localdate().year - 1
    begin = timezone.make_aware(datetime.datetime(jaar, 3, 1, 14))
    aanwezig = {
        "coordinator_aanwezig": True,
        "wijkverbinders_aanwezig": True,
        "management_aanwezig": True,
    }
    for buurtbewoners, extra in [(10, aanwezig), (9, aanwezig), (12, {}), (None, aanwezig)]:
        OpenKoffieFactory(
            wijk=wijk_a, status="gehouden", begin=begin, aantal_buurtbewoners=buurtbewoners, **extra
        )
    sql = set(OpenKoffie.objects.voldoet_aan_opkomst().values_list("pk", flat=True))
    python = {ok.pk for ok in OpenKoffie.objects.all() if ok.voldoet_aan_opkomst()}
    assert sql == python and len(sql) == 1
    wijk = jaarverslag.programma_wijken(jaar).get(pk=wijk_a.pk)
    assert wijk.open_koffies_voldaan == 1
    assert wijk.buurtbewoners_open_koffie == 31


def _wijken(aantal: int) -> None:
    regio = RegioFactory()
    for _ in range(aantal - Wijk.objects.count()):
        WijkFactory(regio=regio)


@pytest.mark.parametrize("aantal", [3, 50])
def test_programme_report_has_a_constant_number_of_queries(
    db, client, django_assert_num_queries, aantal
):
    _wijken(aantal)
    client.force_login(UserFactory(rol=roles.PROGRAMMAMANAGER))
    dataversion.current()  # the uncommitted writes above bump their scopes here, not below
    # session, user and roles, the versions and the stored report, the regio's with the
    # totals, the trends, the report stored (five queries in the database cache), the
    # page count and its rows, and the regio's of the filter.
    with django_assert_num_queries(NUM):
        assert client.get(PROGRAMMA).status_code == 200
    # Again: the report from the cache, only the page of wijken is new.
    with django_assert_num_queries(NUM - 7):
        assert client.get(PROGRAMMA).status_code == 200
    # session, user and roles, and the one query of every wijk.
    with django_assert_num_queries(4):
        response = client.get(PROGRAMMA.rstrip("/") + ".xlsx")
    rijen = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rijen) == aantal + 1


def test_the_cached_public_report_follows_an_edit(wijk_a, client):
    """Cached per wijk and per ?jaar=: a new volunteer shows on the next request."""
    url = f"/{wijk_a.regio.slug}/{wijk_a.slug}/jaarverslag/"
    huis = HuisFactory(wijk=wijk_a)

    def vrijwilligers() -> int:
        verslag = client.get(url).context["verslag"]
        return next(r.waarde for r in verslag.regels if r.cijfer.sleutel == "vrijwilligers")

    assert vrijwilligers() == 0
    Vrijwilliger.objects.create(huis=huis, naam="Iemand Anders", startdatum=timezone.localdate())
    assert vrijwilligers() == 1
    vorig_jaar = client.get(url, {"jaar": timezone.localdate().year - 1})
    assert f"Jaarverslag {timezone.localdate().year - 1}" in vorig_jaar.content.decode()


def _meer_in_het_jaar(wijk: Wijk, jaar: int) -> None:
    for maand in (3, 6, 9):
        begin = timezone.make_aware(datetime.datetime(jaar, maand, 1, 14))
        OpenKoffieFactory(wijk=wijk, status="gehouden", begin=begin, aantal_buurtbewoners=11)
    for dag in (1, 2):
        initiatief = InitiatiefFactory(
            wijk=wijk, status="beeindigd", startdatum=datetime.date(jaar, 1, dag)
        )
        Initiatief.objects.filter(pk=initiatief.pk).update(
            einddatum=datetime.date(jaar, 2, dag), reden_einde="Geen deelnemers meer"
        )
        Evaluatie.objects.create(
            initiatief=initiatief,
            soort="zes_maanden",
            ingevuld_door="x",
            datum=datetime.date(jaar, 2, dag),
            gepubliceerd_op=timezone.now(),
        )


def test_the_wijk_report_has_a_constant_number_of_queries(
    wijk_a, client, no_page_cache, django_assert_num_queries
):
    jaar = timezone.localdate().year - 1
    url = f"/{wijk_a.regio.slug}/{wijk_a.slug}/jaarverslag/?jaar={jaar}"
    # The wijk, its figures with wijkdata and beleefde wijkdata, the Open Koffies, the
    # initiatives started and ended, the evaluations.
    with django_assert_num_queries(8):
        client.get(url)
    _meer_in_het_jaar(wijk_a, jaar)
    with django_assert_num_queries(8):
        html = client.get(url).content.decode()
    assert html.count("Geen deelnemers meer") == 2


def test_the_stored_programme_report_follows_an_edit(wijk_a, client):
    client.force_login(UserFactory(rol=roles.PROGRAMMAMANAGER))

    def wijkverbinders() -> int:
        verslag = client.get(PROGRAMMA).context["verslag"]
        return next(
            r.waarde for r in verslag.totalen if r.cijfer.sleutel == "actieve_wijkverbinders"
        )

    assert wijkverbinders() == 0
    WijkverbinderFactory(wijk=wijk_a, status="actief")
    assert wijkverbinders() == 1
