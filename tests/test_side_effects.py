"""Side effects follow from the domain change, wherever it was made: the back office,
the admin or the ORM. Each PDF is rendered ahead once per transaction, after commit, never
after a rollback (initiatieven/effects.py, wijken/wijkplan/effects.py); each begroting
event sends one e-mail."""

import contextlib
import uuid

import pytest
from django.core import mail
from django.db import transaction
from django.tasks import Task

from initiatieven.models import Begroting, Begrotingsregel, InitiatiefIndicator
from initiatieven.tasks import render_beschrijving_pdf
from openkoffie.models import OpenKoffie
from tests.admin_forms import admin_post
from tests.factories import HuisFactory
from tests.factories_initiatieven import InitiatiefFactory, klaar_voor_actief
from tests.factories_openkoffie import OpenKoffieFactory, OverlegFactory, over
from tests.factories_wijkplan import ActieFactory, WijkplanFactory
from wijken.wijkplan.models import Wijkplan, nieuwe_actie, stel_vast
from wijken.wijkplan.tasks import render_wijkplan_pdf

WIJKPLAN_BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
INITIATIEVEN_BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/initiatieven/"
QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"


class Terugdraaien(Exception):
    pass


@pytest.fixture
def committed(settings, monkeypatch, django_capture_on_commit_callbacks):
    """`with committed() as renders:` the block's changes with pre-rendering on, its
    on-commit callbacks run at its end as a commit would; `renders` lists the PDF tasks
    enqueued, as (task, id). Data made before the block queues nothing."""
    renders: list[tuple[str, int]] = []
    enqueue = Task.enqueue

    def recording(task, *args, **kwargs):
        if task in (render_wijkplan_pdf, render_beschrijving_pdf):
            renders.append((task.name, *args))
            return None
        return enqueue(task, *args, **kwargs)

    monkeypatch.setattr(Task, "enqueue", recording)

    @contextlib.contextmanager
    def block():
        settings.PDF_VOORAF_RENDEREN = True
        try:
            with django_capture_on_commit_callbacks(execute=True):
                yield renders
        finally:
            settings.PDF_VOORAF_RENDEREN = False

    return block


def wijkplan(wijk) -> list:
    return [("render_wijkplan_pdf", wijk.pk)]


def beschrijving(initiatief) -> list:
    return [("render_beschrijving_pdf", initiatief.pk)]


def decide(client, begroting, action: str, **extra):
    data = {"action": action, "_selected_action": [begroting.pk], "bevestigd": "ja"}
    data[f"versie_{begroting.pk}"] = begroting.versie
    return client.post(QUEUE, {**data, **extra}, follow=True)


# --- the wijkplan PDF ------------------------------------------------------------------


def test_a_wijkplan_text_edited_in_the_back_office_renders_its_pdf_once(
    client_for, wijk_a, committed
):
    client = client_for("coordinator_a")
    with committed() as renders:
        response = client.post(
            WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Nieuwe tekst", "versie": 0}
        )
    assert response.status_code == 302
    assert renders == wijkplan(wijk_a)


def test_the_wijk_edited_in_the_admin_renders_its_wijkplan_once(client_for, wijk_a, committed):
    client = client_for("programmamanager")
    HuisFactory(wijk=wijk_a)  # an inline row saved with the wijk: still one render
    with committed() as renders:
        response = admin_post(
            client,
            f"/admin/wijken/wijk/{wijk_a.pk}/change/",
            contact_voor_vragen="Bel de receptie, 043 555 0110",
        )
    assert response.status_code == 302
    assert renders == wijkplan(wijk_a)


def test_an_open_koffie_planned_from_chapter_4_renders_the_wijkplan_once(
    client_for, wijk_a, committed
):
    client = client_for("coordinator_a")
    datum = over(14)
    with committed() as renders:
        client.post(
            WIJKPLAN_BEHEER + "planning/nieuw/",
            {
                "planning-soort": "open_koffie",
                "planning-datum": f"{datum:%Y-%m-%d}",
                "planning-tijd": "14:00",
                "planning-waar": "Buurthuis, Dorpsstraat 1",
            },
        )
    assert OpenKoffie.objects.filter(wijk=wijk_a).exists()
    assert renders == wijkplan(wijk_a)


@pytest.mark.parametrize(
    "wijziging",
    [
        pytest.param(lambda wijk, user: Wijkplan.objects.create(wijk=wijk), id="plan"),
        pytest.param(
            lambda wijk, user: nieuwe_actie(wijk, uuid.uuid4(), user, omschrijving="Flyers"),
            id="actie",
        ),
        pytest.param(lambda wijk, user: OverlegFactory(wijk=wijk), id="overleg"),
        pytest.param(lambda wijk, user: HuisFactory(wijk=wijk), id="huis"),
        pytest.param(lambda wijk, user: InitiatiefFactory(wijk=wijk), id="initiatief"),
        pytest.param(lambda wijk, user: wijk.coordinatoren.remove(user), id="coordinator"),
    ],
)
def test_every_change_the_wijkplan_shows_renders_it_once(
    wijziging, wijk_a, coordinator_a, committed
):
    with committed() as renders, transaction.atomic():
        wijziging(wijk_a, coordinator_a)
    # (A new initiative also renders its own description.)
    assert [r for r in renders if r[0] == "render_wijkplan_pdf"] == wijkplan(wijk_a)


def test_an_adoption_renders_the_wijkplan(wijk_a, coordinator_a, committed):
    plan = WijkplanFactory(wijk=wijk_a)
    versie = plan.history.first()
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=over(1), status="gehouden")
    OpenKoffie.objects.filter(pk=open_koffie.pk).update(begin=versie.history_date)
    open_koffie.refresh_from_db()
    with committed() as renders:
        vaststelling, nieuw = stel_vast(versie, open_koffie, coordinator_a)
    assert nieuw
    assert renders == wijkplan(wijk_a)


def test_many_edits_in_one_transaction_render_once(wijk_a, coordinator_a, committed):
    plan = WijkplanFactory(wijk=wijk_a)
    acties = [ActieFactory(wijkplan=plan) for _ in range(3)]
    with committed() as renders, transaction.atomic():
        for actie in acties:
            actie.bewaar(actie.versie, coordinator_a, wie="Iemand anders")
        OverlegFactory(wijk=wijk_a)
    assert renders == wijkplan(wijk_a)


def test_an_open_koffie_moved_to_another_wijk_renders_both_plans(wijk_a, wijk_b, committed):
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    with committed() as renders, transaction.atomic():
        open_koffie.wijk = wijk_b
        open_koffie.save()
    assert sorted(renders) == sorted(wijkplan(wijk_a) + wijkplan(wijk_b))


def test_a_rolled_back_wijkplan_edit_renders_nothing(wijk_a, coordinator_a, committed):
    plan = WijkplanFactory(wijk=wijk_a)
    actie = ActieFactory(wijkplan=plan)
    with committed() as renders, pytest.raises(Terugdraaien), transaction.atomic():
        actie.bewaar(actie.versie, coordinator_a, wie="Iemand anders")
        raise Terugdraaien
    assert renders == []


def test_edits_of_separate_transactions_render_each(client_for, wijk_a, committed):
    client = client_for("coordinator_a")
    for versie, tekst in enumerate(["Eerste", "Tweede"]):
        with committed() as renders:
            client.post(WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": tekst, "versie": versie})
    assert renders == wijkplan(wijk_a) * 2


# --- the beschrijving PDF (Bijlage 6) ----------------------------------------------------


@pytest.fixture
def initiatief(wijk_a):
    initiatief = InitiatiefFactory(wijk=wijk_a)
    Begroting.objects.create(initiatief=initiatief)
    return initiatief


def test_the_description_edited_in_the_back_office_renders_its_pdf_once(
    client_for, initiatief, committed
):
    client = client_for("coordinator_a")
    data = {"naam": initiatief.naam, "thema": "anders", "indicatoren": ["eenzaamheid"]}
    with committed() as renders:
        response = client.post(
            f"{INITIATIEVEN_BEHEER}{initiatief.slug}/beschrijving/",
            {**data, "globale_beschrijving": "Samen koken."},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    initiatief.refresh_from_db()
    assert initiatief.globale_beschrijving == "Samen koken."
    # The initiative is in the wijk's count too: its wijkplan is rendered as well.
    assert sorted(renders) == sorted(beschrijving(initiatief) + wijkplan(initiatief.wijk))


def test_the_initiative_edited_in_the_admin_renders_its_pdf_once(client_for, initiatief, committed):
    InitiatiefIndicator.objects.create(initiatief=initiatief, indicator="eenzaamheid")
    client = client_for("programmamanager")
    with committed() as renders:
        response = admin_post(
            client, f"/admin/initiatieven/initiatief/{initiatief.pk}/change/", naam="Nieuwe naam"
        )
    assert response.status_code == 302
    assert sorted(renders) == sorted(beschrijving(initiatief) + wijkplan(initiatief.wijk))


def test_a_begroting_line_added_in_the_back_office_renders_the_pdf_once(
    client_for, initiatief, committed
):
    client = client_for("coordinator_a")
    with committed() as renders:
        client.post(
            f"{INITIATIEVEN_BEHEER}{initiatief.slug}/begroting/regels/nieuw/",
            {"categorie": "overig", "omschrijving": "Koffie", "bedrag": "12,50"},
        )
    assert initiatief.begroting.regels.exists()
    assert renders == beschrijving(initiatief)


@pytest.mark.parametrize(
    "wijziging",
    [
        pytest.param(
            lambda i: InitiatiefIndicator.objects.create(initiatief=i, indicator="zelfredzaamheid"),
            id="indicator",
        ),
        pytest.param(
            lambda i: Begrotingsregel.objects.create(
                begroting=i.begroting, categorie="overig", omschrijving="x", bedrag=1
            ),
            id="regel",
        ),
        pytest.param(lambda i: i.begroting.regels.all().delete(), id="regel-weg"),
        pytest.param(lambda i: Begroting.objects.get(pk=i.begroting.pk).save(), id="begroting"),
    ],
)
def test_every_change_the_description_shows_renders_it_once(wijziging, initiatief, committed):
    Begrotingsregel.objects.create(
        begroting=initiatief.begroting, categorie="overig", omschrijving="x", bedrag=1
    )
    with committed() as renders, transaction.atomic():
        wijziging(initiatief)
    assert renders == beschrijving(initiatief)


def test_indicatoren_chosen_in_step_1_render_the_description_once(
    client_for, initiatief, committed
):
    client = client_for("coordinator_a")
    with committed() as renders:
        response = client.post(
            f"{INITIATIEVEN_BEHEER}{initiatief.slug}/stappen/1/",
            {"stap1-indicatoren": ["eenzaamheid", "zelfredzaamheid"], "stap1-antwoord": "Ja"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(initiatief.indicator_waarden) == ["eenzaamheid", "zelfredzaamheid"]
    assert renders == beschrijving(initiatief)


def test_an_approval_in_the_admin_renders_the_pdf_and_mails_once(
    client_for, wijk_a, coordinator_a, committed
):
    begroting = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting
    client = client_for("programmamanager")
    with committed() as renders:
        response = decide(client, begroting, "goedkeuren")
    assert "is goedgekeurd" in response.content.decode()
    assert renders == beschrijving(begroting.initiatief)
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]


def test_a_rolled_back_description_edit_renders_nothing(initiatief, committed):
    with committed() as renders, pytest.raises(Terugdraaien), transaction.atomic():
        initiatief.aanpak = "Anders"
        initiatief.save()
        Begrotingsregel.objects.create(
            begroting=initiatief.begroting, categorie="overig", omschrijving="x", bedrag=1
        )
        raise Terugdraaien
    assert renders == []


def test_an_evaluation_renders_no_pdf_ahead(client_for, wijk_a, coordinator_a, committed):
    """Bijlage 7 is laid out on download only; starting one changes nothing Bijlage 6 shows."""
    initiatief = klaar_voor_actief(wijk_a, coordinator_a)
    client = client_for("coordinator_a")
    with committed() as renders:
        client.post(
            f"{INITIATIEVEN_BEHEER}{initiatief.slug}/evaluaties/nieuw/", {"soort": "zes_maanden"}
        )
    assert initiatief.evaluaties.exists()
    assert renders == []


# --- e-mail: one per begroting event, whichever path ---------------------------------


@pytest.fixture
def met_regel(initiatief):
    Begrotingsregel.objects.create(
        begroting=initiatief.begroting, categorie="overig", omschrijving="x", bedrag=10
    )
    return initiatief.begroting


def test_submitting_in_the_back_office_mails_once(
    client_for, met_regel, programmamanager, django_capture_on_commit_callbacks
):
    client = client_for("coordinator_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INITIATIEVEN_BEHEER}{met_regel.initiatief.slug}/begroting/indienen/"
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[programmamanager.email]]
    assert "ter goedkeuring" in mail.outbox[0].subject


def test_submitting_through_the_domain_method_mails_once(
    met_regel, coordinator_a, programmamanager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        met_regel.indienen(coordinator_a)
    assert [m.to for m in mail.outbox] == [[programmamanager.email]]


def test_a_rolled_back_submission_mails_nobody(
    met_regel, coordinator_a, programmamanager, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Terugdraaien),
        transaction.atomic(),
    ):
        met_regel.indienen(coordinator_a)
        raise Terugdraaien
    assert mail.outbox == []


@pytest.fixture
def ingediend(wijk_a, coordinator_a):
    return klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False).begroting


@pytest.mark.parametrize("besluit", ["goedkeuren", "afwijzen"])
def test_a_decision_in_the_admin_mails_once(
    besluit, client_for, ingediend, coordinator_a, django_capture_on_commit_callbacks
):
    client = client_for("programmamanager")
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, ingediend, besluit, reden="Te duur")
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert ("goedgekeurd" if besluit == "goedkeuren" else "afgewezen") in mail.outbox[0].subject


@pytest.mark.parametrize("besluit", ["goedkeuren", "afwijzen"])
def test_a_decision_through_the_domain_method_mails_once(
    besluit, ingediend, programmamanager, coordinator_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        if besluit == "goedkeuren":
            ingediend.keur_goed(programmamanager, ingediend.versie)
        else:
            ingediend.wijs_af(programmamanager, ingediend.versie, "Te duur")
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]


def test_a_change_after_approval_mails_the_programmamanager_once_per_withdrawal(
    client_for, wijk_a, coordinator_a, programmamanager, django_capture_on_commit_callbacks
):
    begroting = klaar_voor_actief(wijk_a, coordinator_a).begroting
    regel = begroting.regels.first()
    client = client_for("coordinator_a")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{INITIATIEVEN_BEHEER}{begroting.initiatief.slug}/begroting/regels/{regel.pk}/",
            {"categorie": regel.categorie, "omschrijving": "Meer koffie", "bedrag": "300"},
        )
    assert mail.outbox == []  # the portal asks first; nothing changed yet
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{INITIATIEVEN_BEHEER}{begroting.initiatief.slug}/begroting/regels/{regel.pk}/",
            {"categorie": regel.categorie, "omschrijving": "Meer koffie", "bedrag": "300"}
            | {"bevestigd": "ja"},
        )
    assert len(mail.outbox) == 1 and programmamanager.email in mail.outbox[0].to
    assert "opnieuw ter goedkeuring" in mail.outbox[0].body
    # Already up for approval again: a second change tells nobody.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Begroting.objects.get(pk=begroting.pk).na_wijziging(coordinator_a)
    assert len(mail.outbox) == 1


def test_an_approval_withdrawn_through_the_domain_method_mails_once(
    wijk_a, coordinator_a, programmamanager, django_capture_on_commit_callbacks
):
    begroting = klaar_voor_actief(wijk_a, coordinator_a).begroting
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert begroting.na_wijziging(coordinator_a) is True
    assert len(mail.outbox) == 1 and programmamanager.email in mail.outbox[0].to
    assert "opnieuw ter goedkeuring" in mail.outbox[0].body
