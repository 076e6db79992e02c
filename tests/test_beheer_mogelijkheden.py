"""Bijlage 2 in the back office: the agreements, opening hours and rooms of a huis."""

import pytest

from tests.conftest import PERSONAS, count_h1
from tests.factories import HuisFactory
from tests.factories_bijlagen import OpeningstijdFactory, RuimteFactory
from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte

EXPECTED = {
    "anonymous": 302,
    "bewoner": 404,
    "wijkverbinder": 404,
    "wijkverbinder_doeboekje": 404,  # the right covers the doe-boekje only
    "coordinator_b": 404,
    "coordinator_a": 200,
    "projectleider": 200,
    "programmamanager": 200,
}


@pytest.fixture
def huis(wijk_a):
    return HuisFactory(wijk=wijk_a, naam="Oosterbeemd")


def url(huis) -> str:
    return f"/beheer/heuvelland/valkenburg-oosterbeemd/huizen/{huis.pk}/mogelijkheden/"


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def post_data(tijden=(), ruimtes=(), bestaande_tijden: int = 0, **afspraken) -> dict:
    """The whole page as posted; a row of `tijden` is (soort, dag, van, tot) plus, for
    the first `bestaande_tijden` rows, a dict of extra fields such as the id."""
    data = {
        **management("tijden", len(tijden), bestaande_tijden),
        **management("ruimtes", len(ruimtes)),
        "afspraken-toegang": "pool",
        "afspraken-financiele_afspraken": "Vooraf afspreken.",
        **{f"afspraken-{k}": v for k, v in afspraken.items()},
    }
    for i, (soort, dag, van, tot, *extra) in enumerate(tijden):
        data |= {
            f"tijden-{i}-soort": soort,
            f"tijden-{i}-dag": dag,
            f"tijden-{i}-van": van,
            f"tijden-{i}-tot": tot,
        }
        data |= {f"tijden-{i}-{k}": v for k, v in (extra[0] if extra else {}).items()}
    for i, (naam, capaciteit) in enumerate(ruimtes):
        data |= {f"ruimtes-{i}-naam": naam, f"ruimtes-{i}-capaciteit": capaciteit}
    return data


@pytest.mark.parametrize("persona", [*PERSONAS, "wijkverbinder_doeboekje"])
def test_page_by_persona(client_for, huis, persona):
    response = client_for(persona).get(url(huis))
    assert response.status_code == EXPECTED[persona]


@pytest.mark.parametrize("persona", [*PERSONAS, "wijkverbinder_doeboekje"])
def test_posts_by_outsiders_change_nothing(client_for, huis, persona):
    client_for(persona).post(url(huis), post_data(ruimtes=[("Zaal", "20")]))
    assert Ruimte.objects.exists() is (EXPECTED[persona] == 200)


def test_huis_of_another_wijk_is_404(client_for, wijk_b):
    huis_b = HuisFactory(wijk=wijk_b)
    assert client_for("coordinator_a").get(url(huis_b)).status_code == 404


def test_save_everything_at_once(client_for, huis):
    client = client_for("coordinator_a")
    page = client.get(url(huis)).content.decode()
    assert count_h1(page) == 1
    response = client.post(
        url(huis),
        post_data(
            tijden=[("receptie", "0", "08:30", "12:00"), ("receptie", "0", "13:00", "17:00")],
            ruimtes=[("Geulzaal", "30")],
            koken_mogelijk="on",
            koken_voorwaarden="Met hygiënecursus.",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == url(huis)
    assert huis.openingstijden.count() == 2
    assert huis.ruimtes.get().capaciteit == 30
    assert HuisMogelijkheden.objects.get(huis=huis).koken_mogelijk


def refused(client, huis, data, melding: str) -> None:
    response = client.post(url(huis), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert melding in html, html
    assert "Er is nog niets opgeslagen" in html
    assert not HuisMogelijkheden.objects.exists()
    assert not Ruimte.objects.exists()


@pytest.mark.parametrize(
    ("tijd", "melding"),
    [
        (
            ("receptie", "1", "17:00", "09:00"),
            "De eindtijd (09:00) moet na de begintijd (17:00) liggen.",
        ),
        (("receptie", "1", "09:00", "09:00"), "moet na de begintijd"),
        (("gasterie", "7", "09:00", "12:00"), "Kies een dag van maandag tot en met zondag."),
        (("gasterie", "-1", "09:00", "12:00"), "Kies een dag van maandag tot en met zondag."),
        (("gasterie", "maandag", "09:00", "12:00"), "Kies een dag van maandag tot en met zondag."),
        (("gasterie", "2", "25:00", "26:00"), "Voer een geldige tijd in."),
        (("bar", "2", "09:00", "12:00"), "Selecteer een geldige keuze."),
    ],
)
def test_invalid_opening_hours_are_refused(client_for, huis, tijd, melding):
    data = post_data(tijden=[tijd], ruimtes=[("Zaal", "20")])
    refused(client_for("coordinator_a"), huis, data, melding)
    assert not Openingstijd.objects.exists()


def test_overlapping_opening_hours_are_refused(client_for, huis):
    data = post_data(
        tijden=[("receptie", "1", "09:00", "12:00"), ("receptie", "1", "11:30", "17:00")]
    )
    melding = "Receptie op dinsdag: 09:00–12:00 overlapt met 11:30–17:00."
    refused(client_for("coordinator_a"), huis, data, melding)


def test_overlap_with_a_saved_block_is_refused(client_for, huis):
    saved = OpeningstijdFactory(huis=huis, soort="gasterie", dag=4)  # 09:00–17:00
    data = post_data(
        tijden=[
            ("gasterie", "4", "09:00", "17:00", {"id": saved.pk}),
            ("gasterie", "4", "16:00", "18:00"),
        ],
        bestaande_tijden=1,
    )
    response = client_for("coordinator_a").post(url(huis), data)
    assert "Gasterie op vrijdag: 09:00–17:00 overlapt met 16:00–18:00." in response.content.decode()
    assert huis.openingstijden.count() == 1


def test_same_hours_of_receptie_and_gasterie_or_other_days_do_not_overlap(client_for, huis):
    data = post_data(
        tijden=[
            ("receptie", "1", "09:00", "12:00"),
            ("gasterie", "1", "09:00", "12:00"),
            ("receptie", "2", "09:00", "12:00"),
            ("receptie", "1", "12:00", "17:00"),  # touching is not overlapping
        ]
    )
    assert client_for("coordinator_a").post(url(huis), data).status_code == 302
    assert huis.openingstijden.count() == 4


def test_deleting_a_block_and_changing_another_in_one_go(client_for, huis):
    a = OpeningstijdFactory(huis=huis, dag=0, van="09:00", tot="12:00")
    b = OpeningstijdFactory(huis=huis, dag=0, van="13:00", tot="17:00")
    data = post_data(
        tijden=[
            ("receptie", "0", "09:00", "12:00", {"id": a.pk, "DELETE": "on"}),
            ("receptie", "0", "10:00", "17:00", {"id": b.pk}),  # overlaps only the deleted one
        ],
        bestaande_tijden=2,
    )
    assert client_for("coordinator_a").post(url(huis), data).status_code == 302
    assert [(t.van.hour, t.tot.hour) for t in huis.openingstijden.all()] == [(10, 17)]


@pytest.mark.parametrize(
    ("capaciteit", "melding"),
    [
        ("0", "minstens 1"),
        ("-5", "minstens 1"),
        ("501", "Meer dan 500 personen in één ruimte is niet aannemelijk"),
        ("40000", "Meer dan 500 personen"),
        ("veel", "Voer een geheel getal in."),
        ("", "Dit veld is verplicht."),
    ],
)
def test_invalid_capacity_is_refused(client_for, huis, capaciteit, melding):
    data = post_data(ruimtes=[("Zaal", capaciteit)])
    refused(client_for("coordinator_a"), huis, data, melding)


def test_two_rooms_with_the_same_name_are_refused(client_for, huis):
    data = post_data(ruimtes=[("Zaal", "10"), ("Zaal", "20")])
    refused(client_for("coordinator_a"), huis, data, "Zaal")


def test_option_3_needs_a_description(client_for, huis):
    data = post_data(toegang="anders")
    refused(
        client_for("coordinator_a"),
        huis,
        data,
        "Beschrijf hoe de toegang buiten openingstijden geregeld is.",
    )
    data = post_data(toegang="anders", toegang_anders="De nachtdienst doet open.")
    assert client_for("coordinator_a").post(url(huis), data).status_code == 302


def test_existing_data_is_shown_for_editing(client_for, huis):
    OpeningstijdFactory(huis=huis, dag=2, van="08:15", tot="16:45")
    RuimteFactory(huis=huis, naam="Geulzaal", capaciteit=42)
    html = client_for("coordinator_a").get(url(huis)).content.decode()
    assert 'value="08:15"' in html and 'value="16:45"' in html
    assert 'value="Geulzaal"' in html and 'value="42"' in html
