"""Issue 18, recruitment towards ten wijkverbinders: a mail to the coördinator on each
sign-up, the channel each recruit came through, the intake and a check-in reminder,
wijk-acties against the goal of two a year, talents and load in step 8, the flyer."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from communitycare.lib.dates import add_months
from initiatieven.forms import StapForm
from initiatieven.models import Status
from openkoffie.models import Wervingsactie
from tests.factories import WijkverbinderFactory
from tests.factories_initiatieven import InitiatiefFactory
from wijken.base.models import Bron, Wijkverbinder

AANMELDEN = "/heuvelland/valkenburg-oosterbeemd/word-wijkverbinder/"


def test_a_sign_up_mails_the_coordinators_with_the_channel(
    client, wijk_a, coordinator_a, django_capture_on_commit_callbacks
):
    coordinator_a.email = "coordinator@example.org"
    coordinator_a.save()
    data = {"naam": "Greet Habets", "telefoon": "06 5550 7777", "kanaal": "wijkkrant"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(AANMELDEN, data | {"bijdrage": "Samen koken"})
    verbinder = wijk_a.wijkverbinders.get()
    assert (verbinder.bron, verbinder.kanaal) == (Bron.WEBSITE, "wijkkrant")
    [bericht] = mail.outbox
    assert bericht.to == ["coordinator@example.org"]
    assert "Greet Habets" in bericht.subject and "Wijkkrantje".lower() in bericht.body
    assert "/beheer/heuvelland/valkenburg-oosterbeemd/wijkverbinders/" in bericht.body


def test_staff_adding_a_wijkverbinder_sends_no_mail(
    client_for, wijk_a, coordinator_a, django_capture_on_commit_callbacks
):
    coordinator_a.email = "coordinator@example.org"
    coordinator_a.save()
    url = reverse("beheer:wijkverbinder_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"naam": "Jo", "status": "geinteresseerd", "uren_per_maand": "8"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator_a").post(url, data | {"kanaal": "deuren"})
    assert response.status_code == 302
    assert wijk_a.wijkverbinders.get().kanaal == "deuren"
    assert mail.outbox == []


def test_an_unknown_channel_is_refused_and_nothing_saved(client, wijk_a):
    response = client.post(AANMELDEN, {"naam": "Greet", "telefoon": "06", "kanaal": "duif"})
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Wijkverbinder.objects.exists()


def test_the_check_in_is_due_some_months_after_the_intake(wijk_a):
    vandaag = timezone.localdate()
    verbinder = WijkverbinderFactory(wijk=wijk_a, intake_op=add_months(vandaag, -4))
    assert verbinder.checkin_te_doen
    verbinder.laatste_checkin_op = vandaag
    assert not verbinder.checkin_te_doen
    assert verbinder.volgende_checkin == add_months(vandaag, 3)
    verbinder.status = Wijkverbinder.Status.GESTOPT
    assert verbinder.volgende_checkin is None


def test_the_werving_page_shows_check_ins_and_counts_actions(client_for, wijk_a, coordinator_a):
    vandaag = timezone.localdate()
    WijkverbinderFactory(wijk=wijk_a, naam="Anneke", intake_op=add_months(vandaag, -5))
    client = client_for("coordinator_a")
    url = reverse("openkoffie_beheer:wijkverbinders", args=[wijk_a.regio.slug, wijk_a.slug])
    html = client.get(url).content.decode()
    assert "Check-in te doen" in html and "0 van 2" in html
    nieuw = reverse("openkoffie_beheer:wervingsactie_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"datum": vandaag.isoformat(), "kanaal": "flyer", "wat": "Flyers in de Kerkstraat"}
    assert client.post(nieuw, data).status_code == 302
    actie = Wervingsactie.objects.get()
    assert (actie.wijk, actie.door) == (wijk_a, coordinator_a)
    assert "1 van 2" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"datum": "2026-13-01", "kanaal": "flyer", "wat": "Iets"},
        {"datum": "2026-06-01", "kanaal": "duif", "wat": "Iets"},
        {"datum": "2026-06-01", "kanaal": "flyer", "wat": ""},
    ],
)
def test_a_bad_action_gets_a_dutch_error_and_changes_nothing(client_for, wijk_a, data):
    nieuw = reverse("openkoffie_beheer:wervingsactie_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    response = client_for("coordinator_a").post(nieuw, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit veld is verplicht" in html or "geldige" in html
    assert not Wervingsactie.objects.exists()


def test_another_wijk_s_coordinator_records_no_action(client_for, wijk_a):
    nieuw = reverse("openkoffie_beheer:wervingsactie_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"datum": "2026-06-01", "kanaal": "flyer", "wat": "Iets"}
    assert client_for("coordinator_b").post(nieuw, data).status_code == 404
    assert not Wervingsactie.objects.exists()


def test_step_8_shows_talents_and_current_load(wijk_a):
    anneke = WijkverbinderFactory(wijk=wijk_a, naam="Anneke", talenten="Koken en fietsen")
    InitiatiefFactory(wijk=wijk_a, wijkverbinder=anneke, status=Status.ACTIEF)
    InitiatiefFactory(wijk=wijk_a, wijkverbinder=anneke, status=Status.BEEINDIGD)
    initiatief = InitiatiefFactory(wijk=wijk_a)
    form = StapForm(initiatief=initiatief, nummer=8)
    labels = [label for _, label in form.fields["overleg_wijkverbinder"].choices]
    assert "Anneke · talenten: Koken en fietsen · coördineert nu 1 initiatief" in labels


def test_the_flyer_explains_the_role_and_how_to_sign_up_without_internet(client, wijk_a):
    url = reverse("openkoffie:wijkverbinder_flyer", args=[wijk_a.regio.slug, wijk_a.slug])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    tekst = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1
    assert "8 uur per maand" in tekst and "Geen internet?" in tekst
    assert "word-wijkverbinder" in tekst.replace(" ", "")


def test_dates_stay_in_range(wijk_a):
    verbinder = WijkverbinderFactory.build(wijk=wijk_a, intake_op=datetime.date(1, 1, 1))
    with pytest.raises(ValidationError) as fout:
        verbinder.full_clean()
    assert "intake_op" in fout.value.message_dict


def test_the_wijkbeeld_and_the_home_page_invite_to_become_a_wijkverbinder(client, wijk_a):
    html = client.get(f"/{wijk_a.regio.slug}/{wijk_a.slug}/").content.decode()
    assert f'href="{AANMELDEN}">Word wijkverbinder</a>' in html
    assert "Word wijkverbinder" in client.get("/").content.decode()


def test_a_sign_up_by_phone_is_entered_with_its_source(client_for, wijk_a):
    url = reverse("beheer:wijkverbinder_nieuw", args=[wijk_a.regio.slug, wijk_a.slug])
    data = {"naam": "Mien", "status": "geinteresseerd", "uren_per_maand": "4"}
    client = client_for("coordinator_a")
    assert client.post(url, data | {"bron": "website"}).status_code == 200  # not a choice
    assert client.post(url, data | {"bron": "telefoon"}).status_code == 302
    assert wijk_a.wijkverbinders.get().bron == Bron.TELEFOON
    werving = reverse("openkoffie_beheer:wijkverbinders", args=[wijk_a.regio.slug, wijk_a.slug])
    assert "aangemeld: telefonisch" in client.get(werving).content.decode()
