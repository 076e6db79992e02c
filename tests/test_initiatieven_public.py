"""The public pages: per wijk with status filter, one initiative, and all wijken."""

import datetime

import pytest

from initiatieven.models import (
    Evaluatie,
    Initiatief,
    InitiatiefIndicator,
    Status,
)
from tests.conftest import count_h1
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief

WIJK = "/heuvelland/valkenburg-oosterbeemd/initiatieven/"


def maak(wijk, aantal: int) -> list[Initiatief]:
    statussen = [Status.ACTIEF, Status.ONTWIKKELING, Status.BEEINDIGD, Status.IDEE]
    initiatieven = Initiatief.objects.bulk_create(
        InitiatiefFactory.build(
            wijk=wijk, slug=f"i-{i}", naam=f"Initiatief {i}", status=statussen[i % 4]
        )
        for i in range(aantal)
    )
    InitiatiefIndicator.objects.bulk_create(
        InitiatiefIndicator(initiatief=i, indicator="eenzaamheid") for i in initiatieven
    )
    return initiatieven


def test_wijk_list_filters_on_status_and_counts(client, wijk_a):
    InitiatiefFactory(wijk=wijk_a, naam="Loopt", status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, naam="Komt eraan", status=Status.ONTWIKKELING)
    InitiatiefFactory(wijk=wijk_a, naam="Gestopt", status=Status.BEEINDIGD)
    InitiatiefFactory(wijk=wijk_a, naam="Geheim idee", status=Status.IDEE)
    InitiatiefFactory(wijk=wijk_a, naam="Nee", status=Status.AFGEWEZEN)
    html = client.get(WIJK).content.decode()
    assert count_h1(html) == 1
    assert "Alle (3)" in html and "Actief (1)" in html
    assert "Geheim idee" not in html and ">Nee<" not in html
    html = client.get(WIJK + "?status=actief").content.decode()
    assert "Loopt" in html and "Komt eraan" not in html
    html = client.get(WIJK + "?status=ontwikkeling").content.decode()
    assert "Komt eraan" in html and "Loopt" not in html
    html = client.get(WIJK + "?status=beeindigd").content.decode()
    assert "Gestopt" in html
    html = client.get(WIJK + "?status=idee").content.decode()
    assert "Geheim idee" not in html and "Loopt" in html


def test_empty_wijk_says_so(client, wijk_a):
    assert "nog geen initiatieven op de site" in client.get(WIJK).content.decode()


def test_detail_shows_description_begroting_evaluation_and_progress(client, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    evaluatie = Evaluatie.start_uit_beschrijving(initiatief, "zes_maanden", coordinator_a)
    evaluatie.opstart = "Het idee kwam van Anneke."
    evaluatie.gepubliceerd_op = evaluatie.aangemaakt_op
    evaluatie.save()
    Evaluatie.objects.create(
        initiatief=initiatief,
        soort="jaarlijks",
        ingevuld_door="x",
        datum=datetime.date.today(),
        opstart="Nog geheim concept",
    )
    html = client.get(initiatief.get_absolute_url()).content.decode()
    assert count_h1(html) == 1
    assert "Samen boodschappen doen met buren." in html
    assert "Eenzaamheid" in html
    assert 'Receptie, <a href="tel:+31435550110">043 555 0110</a>' in html
    assert "€&nbsp;330" in html
    assert "Het idee kwam van Anneke." in html
    assert "Nog geheim concept" not in html
    assert "10 van de 11 stappen" in html
    # Wijkverbinders appear by first name only, and only with consent.
    assert initiatief.wijkverbinder.naam not in html


def test_detail_hides_totals_of_an_unapproved_begroting(client, wijk_a, coordinator_a):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False)
    html = client.get(initiatief.get_absolute_url()).content.decode()
    assert "De begroting is nog niet goedgekeurd." in html


@pytest.mark.parametrize("status", [Status.IDEE, Status.AFGEWEZEN])
def test_ideas_and_rejected_are_not_public(client, wijk_a, status):
    initiatief = InitiatiefFactory(wijk=wijk_a, status=status)
    assert client.get(initiatief.get_absolute_url()).status_code == 404


def test_ended_initiative_stays_as_archive_with_its_reason(client, wijk_a):
    initiatief = InitiatiefFactory(
        wijk=wijk_a, status=Status.BEEINDIGD, reden_einde="Gaat zelfstandig verder."
    )
    assert "Gaat zelfstandig verder." in client.get(initiatief.get_absolute_url()).content.decode()


def test_overview_filters(client, wijk_a, wijk_b):
    a = InitiatiefFactory(
        wijk=wijk_a,
        naam="Kookclub",
        thema="samen_aan_tafel",
        status=Status.ACTIEF,
        globale_beschrijving="Koken met buren",
    )
    InitiatiefIndicator.objects.create(initiatief=a, indicator="eenzaamheid")
    InitiatiefFactory(wijk=wijk_b, naam="Heerlens Heitje", thema="helpende_hand")
    InitiatiefFactory(wijk=wijk_b, naam="Verborgen idee", status=Status.IDEE)

    def namen(query: str) -> set[str]:
        html = client.get("/initiatieven/" + query).content.decode()
        return {n for n in ["Kookclub", "Heerlens Heitje", "Verborgen idee"] if n in html}

    assert namen("") == {"Kookclub", "Heerlens Heitje"}
    assert namen("?thema=helpende_hand") == {"Heerlens Heitje"}
    assert namen("?indicator=eenzaamheid") == {"Kookclub"}
    assert namen("?status=actief") == {"Kookclub"}
    assert namen(f"?wijk={wijk_b.pk}") == {"Heerlens Heitje"}
    assert namen("?q=koken") == {"Kookclub"}
    assert namen("?status=idee") == {"Kookclub", "Heerlens Heitje"}  # ignored


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [5, 500])
def test_public_query_counts_are_pinned(
    client, wijk_a, coordinator_a, django_assert_num_queries, aantal
):
    maak(wijk_a, aantal)
    detail = klaar_voor_actief(wijk_a, coordinator_a)
    detail.wijzig_status(Status.ACTIEF)
    for _ in range(3):
        Evaluatie.start_uit_beschrijving(detail, "zes_maanden", coordinator_a)
    Evaluatie.objects.update(gepubliceerd_op=datetime.datetime.now(datetime.UTC))
    with django_assert_num_queries(4):
        assert client.get(WIJK + "?status=actief").status_code == 200
    with django_assert_num_queries(6):
        assert client.get(detail.get_absolute_url()).status_code == 200
    with django_assert_num_queries(4):
        assert client.get("/initiatieven/?indicator=eenzaamheid").status_code == 200
    with django_assert_num_queries(4):
        response = client.get("/initiatieven/?q=initiatief&pagina=2")
    assert response.status_code == 200
    if aantal > 40:  # the page links keep the search
        assert 'href="?q=initiatief&amp;pagina=3"' in response.content.decode()


def test_wijk_page_summarises_the_initiatives(client, wijk_a):
    InitiatiefFactory(wijk=wijk_a, status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, status=Status.IDEE)
    html = client.get("/heuvelland/valkenburg-oosterbeemd/").content.decode()
    assert "Initiatieven in deze wijk" in html
    assert "1 actief" in html
    assert WIJK in html
