"""Issue 18, "Ideas from the wijk": an initiative starts in the wijk. A resident proposes
an idea (or staff enter it for them), the coördinator reviews it and makes an initiative
of it, of a bespreekpunt or of another wijk's example; the initiative records who took
the initiative, and the step-10 gate holds on every path that the wijk did."""

import pytest
from django.urls import reverse

from initiatieven.models import NIET_UIT_DE_WIJK, Idee, Initiatief, Status
from tests.admin_forms import form_data
from tests.factories import WijkverbinderFactory
from tests.factories_initiatieven import (
    BESCHRIJVING,
    IdeeFactory,
    InitiatiefFactory,
    klaar_voor_actief,
)
from tests.factories_openkoffie import BespreekpuntFactory, OpenKoffieFactory, over
from wijken.base.models import Bron


def idee_url(wijk) -> str:
    return reverse("initiatieven:idee", args=[wijk.regio.slug, wijk.slug])


def beheer_url(name: str, wijk, *args) -> str:
    return reverse(f"initiatieven_beheer:{name}", args=[wijk.regio.slug, wijk.slug, *args])


# --- the public form -------------------------------------------------------------------


def test_the_wijk_page_and_its_initiatives_link_to_the_form(client, wijk_a):
    for pagina in (
        wijk_a.get_absolute_url(),
        reverse("initiatieven:wijk", args=[wijk_a.regio.slug, wijk_a.slug]),
    ):
        assert idee_url(wijk_a) in client.get(pagina).content.decode(), pagina


def test_an_idea_from_the_website_is_saved_for_review_and_never_shown(client, wijk_a):
    page = client.get(idee_url(wijk_a)).content.decode()
    assert "Heeft u een idee voor Valkenburg-Oosterbeemd?" in page
    assert "privacyregel" in page and 'name="website"' in page
    data = {"tekst": "Samen zingen op woensdag", "naam": "Mien", "contact": "06 1111 2222"}
    response = client.post(idee_url(wijk_a), data)
    assert response.status_code == 302 and response["Location"].endswith("#bevestiging")
    idee = Idee.objects.get()
    assert (idee.wijk, idee.status, idee.bron, idee.ingevoerd_door) == (
        wijk_a,
        Idee.Status.INGEDIEND,
        Bron.WEBSITE,
        None,
    )
    assert (idee.tekst, idee.naam, idee.contact) == (data["tekst"], "Mien", "06 1111 2222")
    bedankt = client.get(response["Location"]).content.decode()
    assert "Dank u wel voor uw idee!" in bedankt and 'id="bevestiging"' in bedankt
    for pagina in (wijk_a.get_absolute_url(), f"{wijk_a.get_absolute_url()}initiatieven/"):
        html = client.get(pagina).content.decode()
        assert "Samen zingen" not in html and "1111 2222" not in html


@pytest.mark.parametrize(
    "data, fout",
    [
        ({"tekst": "", "naam": "Mien"}, "Schrijf uw idee op."),
        ({"tekst": "x" * 1001}, "niet meer dan 1000 tekens"),
        ({"tekst": "Goed idee", "naam": "n" * 101}, "niet meer dan 100 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_saves_nothing(client, wijk_a, data, fout):
    response = client.post(idee_url(wijk_a), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert fout in html and "<title>Fout: " in html and 'id="foutoverzicht"' in html
    assert not Idee.objects.exists()


def test_spam_and_a_second_idea_too_soon_are_refused(client, wijk_a):
    spam = client.post(idee_url(wijk_a), {"tekst": "Koop nu", "website": "http://x"})
    assert spam.status_code == 400 and not Idee.objects.exists()
    assert client.post(idee_url(wijk_a), {"tekst": "Eerste idee"}).status_code == 302
    again = client.post(idee_url(wijk_a), {"tekst": "Tweede idee"})
    assert again.status_code == 429
    assert "U heeft net al iets ingestuurd" in again.content.decode()
    assert "Tweede idee" in again.content.decode()  # the text stays
    assert list(Idee.objects.values_list("tekst", flat=True)) == ["Eerste idee"]


def test_an_unknown_wijk_has_no_form(client, wijk_a):
    assert client.get("/heuvelland/bestaat-niet/idee/").status_code == 404


# --- assisted entry ----------------------------------------------------------------------


def test_staff_enter_an_idea_given_by_phone_without_rate_limit(client_for, wijk_a, coordinator_a):
    client = client_for("coordinator_a")
    for nummer in range(6):
        data = {"bron": "telefoon", "tekst": f"Idee {nummer}", "contact": "043 601 22 18"}
        response = client.post(beheer_url("idee_namens", wijk_a), data)
        assert response.status_code == 302 and response["Location"].endswith("#ideeen")
    assert Idee.objects.filter(bron=Bron.TELEFOON, ingevoerd_door=coordinator_a).count() == 6
    lijst = client.get(beheer_url("lijst", wijk_a)).content.decode()
    assert f"telefonisch, ingevoerd door {coordinator_a}" in lijst
    assert "contact (alleen voor u): 043 601 22 18" in lijst


def test_assisted_entry_is_never_from_the_website(client_for, wijk_a):
    client = client_for("coordinator_a")
    response = client.post(beheer_url("idee_namens", wijk_a), {"bron": "website", "tekst": "X"})
    assert response.status_code == 200 and "geldige keuze" in response.content.decode()
    response = client.post(beheer_url("idee_namens", wijk_a), {"bron": "briefje", "tekst": ""})
    assert "Schrijf het idee op." in response.content.decode()
    assert not Idee.objects.exists()


def test_the_model_wants_the_staff_member_for_an_idea_not_from_the_website(wijk_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="voert een medewerker in"):
        Idee(wijk=wijk_a, tekst="Via de receptie", bron=Bron.RECEPTIE).full_clean()


# --- review ------------------------------------------------------------------------------


def test_the_coordinator_takes_an_idea_up_or_rejects_it(client_for, wijk_a):
    IdeeFactory(wijk=wijk_a, tekst="Al afgewezen", status="afgewezen")
    idee = IdeeFactory(wijk=wijk_a, tekst="Een moestuin bij het huis")
    IdeeFactory(wijk=wijk_a, tekst="Wordt bekeken", status="in_behandeling")
    client = client_for("coordinator_a")
    lijst = client.get(beheer_url("lijst", wijk_a)).content.decode()
    assert "Nieuw:" in lijst
    # What is new to review comes first.
    volgorde = [lijst.index(t) for t in ("Een moestuin", "Wordt bekeken", "Al afgewezen")]
    assert volgorde == sorted(volgorde)
    url = beheer_url("idee_status", wijk_a, idee.pk)
    assert client.post(url, {"status": "in_behandeling"}).status_code == 302
    idee.refresh_from_db()
    assert idee.status == Idee.Status.IN_BEHANDELING
    client.post(url, {"status": "afgewezen"})
    idee.refresh_from_db()
    assert idee.status == Idee.Status.AFGEWEZEN
    # "Initiatief geworden" only follows from making one.
    response = client.post(url, {"status": "initiatief"}, follow=True)
    assert "er is niets veranderd" in response.content.decode()
    idee.refresh_from_db()
    assert idee.status == Idee.Status.AFGEWEZEN


def test_another_wijks_coordinator_finds_no_idea(client_for, wijk_a, coordinator_b):
    idee = IdeeFactory(wijk=wijk_a)
    client = client_for("coordinator_b")
    response = client.post(beheer_url("idee_status", wijk_a, idee.pk), {"status": "afgewezen"})
    assert response.status_code == 404
    # Nor through their own wijk.
    wijk_b = coordinator_b.wijken_als_coordinator.get()
    url = beheer_url("idee_status", wijk_b, idee.pk)
    assert client.post(url, {"status": "afgewezen"}).status_code == 404
    assert client.get(beheer_url("nieuw", wijk_b) + f"?idee={idee.pk}").status_code == 404
    idee.refresh_from_db()
    assert idee.status == Idee.Status.INGEDIEND


# --- "Maak hier een initiatief van" -------------------------------------------------------


def test_an_initiative_from_an_idea_is_prefilled_and_marks_the_idea(client_for, wijk_a):
    idee = IdeeFactory(wijk=wijk_a, tekst="Samen koken met de buren", naam="Truus")
    client = client_for("coordinator_a")
    lijst = client.get(beheer_url("lijst", wijk_a)).content.decode()
    nieuw = beheer_url("nieuw", wijk_a) + f"?idee={idee.pk}"
    assert nieuw in lijst
    form = client.get(nieuw).content.decode()
    assert "Samen koken met de buren</textarea>" in form
    assert 'value="Truus"' in form and '<option value="bewoner" selected>' in form
    data = {
        "naam": "Buurtkoken",
        "thema": "samen_aan_tafel",
        "initiatiefnemer_soort": "bewoner",
        "initiatiefnemer": "Truus",
        "globale_beschrijving": "Samen koken met de buren",
    }
    response = client.post(nieuw, data)
    initiatief = Initiatief.objects.get(naam="Buurtkoken")
    assert response["Location"] == initiatief.get_beheer_url()
    assert (initiatief.uit_idee, initiatief.initiatiefnemer, initiatief.initiatiefnemer_soort) == (
        idee,
        "Truus",
        "bewoner",
    )
    assert initiatief.globale_beschrijving == "Samen koken met de buren"
    assert initiatief.herkomst == "een idee uit de wijk"
    overzicht = client.get(initiatief.get_beheer_url()).content.decode()
    assert (
        "Wie nam het initiatief: een bewoner (Truus) · gemaakt uit een idee uit de wijk."
        in overzicht
    )
    idee.refresh_from_db()
    assert (idee.status, idee.initiatief) == (Idee.Status.INITIATIEF, initiatief)
    # Once only: the link now leads to the initiative, a second save makes none.
    again = client.get(nieuw)
    assert again.status_code == 302 and again["Location"] == initiatief.get_beheer_url()
    client.post(nieuw, data | {"naam": "Nog een keer"})
    assert not Initiatief.objects.filter(naam="Nog een keer").exists()
    assert initiatief.get_beheer_url() in client.get(beheer_url("lijst", wijk_a)).content.decode()


def test_an_initiative_from_a_bespreekpunt(client_for, wijk_a, wijk_b):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(10))
    punt = BespreekpuntFactory(open_koffie=open_koffie, tekst="Een klusjesdienst", naam="Jan")
    client = client_for("coordinator_a")
    nieuw = beheer_url("nieuw", wijk_a) + f"?bespreekpunt={punt.pk}"
    assert nieuw.replace("&", "&amp;") in client.get(open_koffie.get_beheer_url()).content.decode()
    form = client.get(nieuw).content.decode()
    assert "Een klusjesdienst</textarea>" in form and "Uit een bespreekpunt" in form
    data = {"naam": "Klusjesdienst", "thema": "helpende_hand", "initiatiefnemer": "Jan"}
    client.post(nieuw, data | {"initiatiefnemer_soort": "bewoner"})
    initiatief = Initiatief.objects.get(naam="Klusjesdienst")
    assert (initiatief.uit_bespreekpunt, initiatief.initiatiefnemer) == (punt, "Jan")
    # A point of another wijk's Open Koffie is not found here.
    ander = BespreekpuntFactory(open_koffie=OpenKoffieFactory(wijk=wijk_b, begin=over(5)))
    assert client.get(beheer_url("nieuw", wijk_a) + f"?bespreekpunt={ander.pk}").status_code == 404
    assert client.get(beheer_url("nieuw", wijk_a) + "?bespreekpunt=x").status_code == 404


def test_an_initiative_after_the_example_of_another_wijk(client_for, wijk_a, wijk_b, coordinator_b):
    voorbeeld = klaar_voor_actief(wijk_b, coordinator_b)
    voorbeeld.aanpak, voorbeeld.thema = "Elke maand samen plannen", "samen_op_stap"
    voorbeeld.save()
    client = client_for("coordinator_a")
    nieuw = beheer_url("nieuw", wijk_a) + f"?voorbeeld={voorbeeld.pk}"
    form = client.get(nieuw).content.decode()
    assert f'value="{voorbeeld.naam}"' in form and "Naar het voorbeeld van" in form
    data = {"naam": voorbeeld.naam, "thema": voorbeeld.thema, "initiatiefnemer": "Buren"}
    data |= {
        "initiatiefnemer_soort": "groep",
        "globale_beschrijving": BESCHRIJVING["globale_beschrijving"],
    }
    client.post(nieuw, data)
    kopie = Initiatief.objects.get(wijk=wijk_a)
    assert kopie.naar_voorbeeld == voorbeeld
    for veld in ("naam", "thema", "globale_beschrijving", "aanpak", "wanneer", "uitvoering"):
        assert getattr(kopie, veld) == getattr(voorbeeld, veld), veld
    assert kopie.indicator_waarden == voorbeeld.indicator_waarden
    # Its people and begroting stay in the other wijk.
    assert (kopie.contactpersoon, kopie.wijkverbinder) == ("", None)
    assert not kopie.begroting.regels.exists()
    # Only a public initiative of another wijk is an example.
    eigen = InitiatiefFactory(wijk=wijk_a)
    idee = InitiatiefFactory(wijk=wijk_b, status=Status.IDEE)
    for pk in (eigen.pk, idee.pk, 999999):
        assert client.get(beheer_url("nieuw", wijk_a) + f"?voorbeeld={pk}").status_code == 404


# --- who took the initiative -----------------------------------------------------------------


@pytest.mark.parametrize("soort", ["", "organisatie"])
def test_the_status_view_starts_only_what_the_wijk_initiated(
    client_for, wijk_a, coordinator_a, soort
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.initiatiefnemer_soort = soort
    initiatief.save()
    assert NIET_UIT_DE_WIJK in initiatief.ontbreekt_voor_actief()
    client = client_for("coordinator_a")
    response = client.post(initiatief.beheer_url("status"), {"status": "actief"})
    assert "Het initiatief komt nog niet uit de wijk" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ONTWIKKELING
    Initiatief.objects.filter(pk=initiatief.pk).update(initiatiefnemer_soort="partner")
    client.post(initiatief.beheer_url("status"), {"status": "actief"})
    initiatief.refresh_from_db()
    assert initiatief.status == Status.ACTIEF


def test_the_admin_does_not_make_an_active_initiative_the_organisations(
    client_for, wijk_a, coordinator_a
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    initiatief.wijzig_status(Status.ACTIEF)
    pm = client_for("programmamanager")
    url = f"/admin/initiatieven/initiatief/{initiatief.pk}/change/"
    page = pm.get(url).content.decode()
    response = pm.post(url, form_data(page, initiatiefnemer_soort="organisatie"))
    assert response.status_code == 200
    assert "Het initiatief komt nog niet uit de wijk" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.initiatiefnemer_soort == "groep"
    # Nor the back office's description form.
    beschrijving = initiatief.beheer_url("beschrijving")
    page = client_for("coordinator_a").get(beschrijving).content.decode()
    data = {"naam": initiatief.naam, "thema": initiatief.thema, **BESCHRIJVING}
    response = client_for("coordinator_a").post(
        beschrijving, data | {"initiatiefnemer_soort": "organisatie"}
    )
    assert "Het initiatief komt nog niet uit de wijk" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.initiatiefnemer_soort == "groep"
    # The provenance is recorded when it is made, never edited here.
    assert 'name="uit_idee"' not in page and 'name="uit_idee"' not in pm.get(url).content.decode()


@pytest.mark.parametrize(
    "soort, naam, toestemming, publiek, niet",
    [
        ("groep", "Buurtclub De Linde", False, "Een groep bewoners: Buurtclub De Linde", ""),
        ("partner", "Bibliotheek", False, "Een partner in de wijk: Bibliotheek", ""),
        ("bewoner", "Mien Ramakers", True, "Mien Ramakers, een bewoner uit de wijk", ""),
        ("bewoner", "Mien Ramakers", False, "Een bewoner uit de wijk", "Ramakers"),
        ("organisatie", "Zorggroep", False, "", "Zorggroep"),
    ],
)
def test_the_public_page_names_the_initiator_by_consent(
    client, wijk_a, soort, naam, toestemming, publiek, niet
):
    initiatief = InitiatiefFactory(
        wijk=wijk_a,
        initiatiefnemer_soort=soort,
        initiatiefnemer=naam,
        initiatiefnemer_toestemming=toestemming,
    )
    html = client.get(initiatief.get_absolute_url()).content.decode()
    if publiek:
        assert f"<dt>Het idee kwam van</dt><dd>{publiek}</dd>" in html
    else:
        assert "Het idee kwam van" not in html
    if niet:
        assert niet not in html


def test_the_description_form_records_the_initiator_and_warns_about_names(client_for, wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a, initiatiefnemer_soort="")
    zwijger = WijkverbinderFactory(wijk=wijk_a, naam="Sjef Zwijgers", toestemming_publiek=False)
    client = client_for("coordinator_a")
    url = initiatief.beheer_url("beschrijving")
    page = client.get(url).content.decode()
    assert 'name="initiatiefnemer_soort"' in page and "Wie had het idee?" in page
    data = {"naam": initiatief.naam, "thema": "anders", "initiatiefnemer_soort": "groep"}
    data["initiatiefnemer"] = f"{zwijger.naam} en buren"
    response = client.post(url, data)
    assert "Toch opslaan" in response.content.decode()
    client.post(url, data | {"initiatiefnemer": "Buren van de Kerkstraat"})
    initiatief.refresh_from_db()
    assert (initiatief.initiatiefnemer_soort, initiatief.initiatiefnemer) == (
        "groep",
        "Buren van de Kerkstraat",
    )


def test_an_idea_naming_a_wijkverbinder_asks_before_it_goes_public(client_for, wijk_a):
    WijkverbinderFactory(wijk=wijk_a, naam="Sjef Zwijgers", toestemming_publiek=False)
    idee = IdeeFactory(wijk=wijk_a, tekst="Sjef Zwijgers wil een kookclub")
    client = client_for("coordinator_a")
    nieuw = beheer_url("nieuw", wijk_a) + f"?idee={idee.pk}"
    data = {"naam": "Kookclub", "thema": "anders", "globale_beschrijving": idee.tekst}
    data |= {"initiatiefnemer_soort": "bewoner"}
    assert "Toch opslaan" in client.post(nieuw, data).content.decode()
    assert not Initiatief.objects.exists()
    client.post(nieuw, data | {"toch_opslaan": "on"})
    assert Initiatief.objects.get().uit_idee == idee
