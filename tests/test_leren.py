"""Issue 19, learning between wijken: step 3 shows like initiatives of other wijken with
their evaluations and a "Begin met dit voorbeeld" link; a public page per standard theme
gathers the effects and lessons of the published evaluations of all wijken."""

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatieven.models import STANDAARD_THEMAS, Evaluatie, Status, Thema, thema_slug
from initiatieven.similarity import MAX_ANDERE_WIJKEN, in_andere_wijken
from tests.factories import WijkFactory
from tests.factories_initiatieven import InitiatiefFactory

# The back-office page of an initiative (session, user, the initiative with its steps,
# the checklist, ...) with the look-alikes in the wijk, and in other wijken: two of them.
PAGINA_QUERIES = 15


def evaluatie(initiatief, *, gepubliceerd=True, **velden) -> Evaluatie:
    return Evaluatie.objects.create(
        initiatief=initiatief,
        soort=Evaluatie.Soort.ZES_MAANDEN,
        ingevuld_door="Els Evaluator",
        datum=timezone.localdate(),
        opstart=velden.pop("opstart", "Eerst een proefmiddag gehouden."),
        voortgang="Volgens plan.",
        effect_beleving=velden.pop("effect_beleving", "Mensen voelen zich minder alleen."),
        voortzetten="Ja, iedereen wil door.",
        gepubliceerd_op=timezone.now() if gepubliceerd else None,
        **velden,
    )


def thema_url(thema: str) -> str:
    return reverse("initiatieven:thema", args=[thema_slug(thema)])


# --- step 3: other wijken -------------------------------------------------------------


def test_step_3_shows_another_wijks_public_initiative_with_its_evaluation(
    client_for, wijk_a, wijk_b
):
    eigen = InitiatiefFactory(wijk=wijk_a, naam="Samen koken", status=Status.IDEE)
    elders = InitiatiefFactory(wijk=wijk_b, naam="Kookclub Welten", status=Status.ACTIEF)
    evaluatie(elders, effect_beleving="De kookclub brengt buren bij elkaar.")
    evaluatie(elders, gepubliceerd=False, effect_beleving="Geheim concept.")
    verborgen = InitiatiefFactory(wijk=wijk_b, naam="Kookidee Douvenrade", status=Status.IDEE)
    html = client_for("coordinator_a").get(eigen.get_beheer_url()).content.decode()
    andere = html[html.index('id="andere-wijken-kop"') :]
    andere = andere[: andere.index("</div>")]
    assert "Kookclub Welten" in andere and wijk_b.naam in andere and "actief" in andere
    assert "De kookclub brengt buren bij elkaar." in andere
    assert "Eerst een proefmiddag gehouden." in andere
    assert "Geheim concept." not in html
    assert verborgen.naam not in html
    nieuw = reverse("initiatieven_beheer:nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    assert f'href="{nieuw}?voorbeeld={elders.pk}"' in andere
    assert elders.get_absolute_url() in andere


def test_own_wijk_stays_in_its_own_list(wijk_a, wijk_b):
    InitiatiefFactory(wijk=wijk_a, naam="Kookclub Valkenburg")
    elders = InitiatiefFactory(wijk=wijk_b, naam="Kookclub Welten")
    assert in_andere_wijken(wijk_a, "kookclub") == [elders]
    assert in_andere_wijken(wijk_a, "de en het") == []


def test_alike_first_then_those_with_an_evaluation(wijk_a, wijk_b):
    zonder = InitiatiefFactory(wijk=wijk_b, naam="Kookclub A")
    met = InitiatiefFactory(wijk=wijk_b, naam="Kookclub B")
    evaluatie(met)
    beter = InitiatiefFactory(wijk=wijk_b, naam="Kookclub koken")
    assert in_andere_wijken(wijk_a, "kookclub koken") == [beter, met, zonder]


@pytest.mark.parametrize("aantal", [1, 8])
def test_other_wijken_cost_two_queries(wijk_a, wijk_b, django_assert_num_queries, aantal):
    for i in range(aantal):
        wijk = WijkFactory(regio=wijk_b.regio, slug=f"w-{i}")
        evaluatie(InitiatiefFactory(wijk=wijk, naam=f"Kookclub {i}"))
    with django_assert_num_queries(2):  # the initiatives, their published evaluations
        gevonden = in_andere_wijken(wijk_a, "kookclub")
        assert all(len(i.evaluaties.all()) == 1 for i in gevonden)
    assert len(gevonden) == min(aantal, MAX_ANDERE_WIJKEN)


# --- the theme pages ------------------------------------------------------------------


def test_theme_page_gathers_published_lessons_of_all_wijken(client, wijk_a, wijk_b):
    a = InitiatiefFactory(wijk=wijk_a, naam="Eettafel", thema=Thema.SAMEN_AAN_TAFEL)
    b = InitiatiefFactory(
        wijk=wijk_b, naam="Kookclub", thema=Thema.SAMEN_AAN_TAFEL, status=Status.BEEINDIGD
    )
    evaluatie(a, effect_beleving="Minder eenzaam aan tafel.")
    evaluatie(b, reden_beeindigen="De kok verhuisde.", effect_gemeten="Telling: 12 gasten.")
    evaluatie(a, gepubliceerd=False, effect_beleving="Nog een concept.")
    idee = InitiatiefFactory(wijk=wijk_a, thema=Thema.SAMEN_AAN_TAFEL, status=Status.IDEE)
    evaluatie(idee, effect_beleving="Van een idee.")
    evaluatie(InitiatiefFactory(wijk=wijk_b, thema=Thema.OPEN_KOFFIE), effect_beleving="Koffie.")
    html = client.get(thema_url(Thema.SAMEN_AAN_TAFEL)).content.decode()
    assert "Minder eenzaam aan tafel." in html and "De kok verhuisde." in html
    assert "Telling: 12 gasten." in html and "Eerst een proefmiddag gehouden." in html
    assert a.get_absolute_url() in html and b.get_absolute_url() in html
    assert wijk_a.naam in html and wijk_b.naam in html
    for niet in ("Nog een concept.", "Van een idee.", "Koffie.", "Els Evaluator"):
        assert niet not in html


@pytest.mark.parametrize("thema", STANDAARD_THEMAS)
def test_every_standard_theme_has_its_page(client, db, thema):
    # open-koffie and doe-boekje are also words in the addresses of a wijk's pages.
    response = client.get(thema_url(thema))
    assert response.status_code == 200
    assert f"<h1>{thema.label}: wat de wijken leerden</h1>" in response.content.decode()


@pytest.mark.parametrize("slug", ["onbekend", "anders", "samen_aan_tafel"])
def test_unknown_theme_is_404(client, db, slug):
    assert client.get(f"/initiatieven/thema/{slug}/").status_code == 404


def test_theme_page_pages(client, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, thema=Thema.HELPENDE_HAND)
    for i in range(12):
        evaluatie(initiatief, effect_beleving=f"Les nummer {i:02}.")
    url = thema_url(Thema.HELPENDE_HAND)
    eerste = client.get(url).content.decode()
    assert eerste.count("Les nummer") == 10 and "?pagina=2" in eerste
    tweede = client.get(url + "?pagina=2").content.decode()
    assert tweede.count("Les nummer") == 2 and "Nieuwere lessen" in tweede


@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("aantal", [1, 15])
def test_theme_page_query_count(client, wijk_a, wijk_b, django_assert_num_queries, aantal):
    for i in range(aantal):
        wijk = (wijk_a, wijk_b)[i % 2]
        evaluatie(InitiatiefFactory(wijk=wijk, naam=f"Tafel {i}", thema=Thema.SAMEN_AAN_TAFEL))
    url = thema_url(Thema.SAMEN_AAN_TAFEL)
    with django_assert_num_queries(1):  # a page of evaluations with their initiatives
        assert client.get(url).status_code == 200


def test_an_evaluation_published_shows_on_the_cached_theme_page(client, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, thema=Thema.DOE_BOEKJE)
    url = thema_url(Thema.DOE_BOEKJE)
    assert "Het boekje helpt." not in client.get(url).content.decode()
    concept = evaluatie(initiatief, gepubliceerd=False, effect_beleving="Het boekje helpt.")
    assert "Het boekje helpt." not in client.get(url).content.decode()
    concept.gepubliceerd_op = timezone.now()
    concept.save()
    assert "Het boekje helpt." in client.get(url).content.decode()


def test_theme_pages_are_linked_from_the_overview_and_the_method(client, db):
    for adres in (reverse("initiatieven:overzicht"), reverse("methode")):
        html = client.get(adres).content.decode()
        for thema in STANDAARD_THEMAS:
            assert f'href="{thema_url(thema)}"' in html, (adres, thema)


@pytest.mark.parametrize("aantal", [1, 8])
def test_step_3_page_query_count_does_not_grow_with_the_examples(
    client_for, wijk_a, wijk_b, django_assert_num_queries, aantal
):
    client = client_for("coordinator_a")
    eigen = InitiatiefFactory(wijk=wijk_a, naam="Kookclub Valkenburg", status=Status.IDEE)
    for i in range(aantal):
        wijk = WijkFactory(regio=wijk_b.regio, slug=f"w-{i}")
        evaluatie(InitiatiefFactory(wijk=wijk, naam=f"Kookclub {i}"))
    with django_assert_num_queries(PAGINA_QUERIES):
        html = client.get(eigen.get_beheer_url()).content.decode()
    assert html.count("Begin met dit voorbeeld<") == min(aantal, MAX_ANDERE_WIJKEN)
