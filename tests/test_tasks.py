"""Background tasks: e-mail and PDFs rendered ahead, at once or through the database queue.

The suite runs with Django's ImmediateBackend (tests/settings.py). The tests of the
database backend switch to django-tasks-db's backend and run its worker command once,
in batch mode, as `manage.py db_worker --batch` would. They use transactional_db: the
worker commits its own transactions and checks its connection between tasks, which a
test wrapped in one transaction would not survive.
"""

import io
import signal

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from communitycare.lib import pdf as pdf_lib
from communitycare.tasks import send_email
from initiatieven.tasks import render_beschrijving_pdf
from tests.factories_initiatieven import klaar_voor_actief
from wijken.wijkplan.tasks import render_wijkplan_pdf

WIJKPLAN_BEHEER = "/beheer/heuvelland/valkenburg-oosterbeemd/wijkplan/"
WIJKPLAN_PDF = "/heuvelland/valkenburg-oosterbeemd/wijkplan.pdf"
QUEUE = "/admin/initiatieven/begrotingtergoedkeuring/"


@pytest.fixture
def layouts(monkeypatch):
    """Counts the PDF layouts, the expensive step the cache saves."""
    calls = []
    real = pdf_lib.html_to_pdf

    def counting(html):
        calls.append(html)
        return real(html)

    monkeypatch.setattr(pdf_lib, "html_to_pdf", counting)
    return calls


@pytest.fixture
def database_backend(settings, transactional_db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> str:
    """The package's worker command: runs every queued task, then exits."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    output = io.StringIO()
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=output)
    finally:
        # The worker installs its own shutdown handlers; give pytest back its own.
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return output.getvalue()


def queued() -> list[str]:
    return sorted(
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).values_list(
            "task_path", flat=True
        )
    )


def approve(client, begroting):
    data = {"action": "goedkeuren", "_selected_action": [begroting.pk], "bevestigd": "ja"}
    data[f"versie_{begroting.pk}"] = begroting.versie
    return client.post(QUEUE, data, follow=True)


# --- the immediate backend: the default, no worker ------------------------------------


def test_immediate_backend_sends_the_mail_at_once(db):
    result = send_email.enqueue("Onderwerp", "Tekst", ["a@example.org", "b@example.org"])
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Onderwerp", "Tekst", ["a@example.org", "b@example.org"])
    ]
    assert not DBTaskResult.objects.exists()


def test_by_default_edits_render_no_pdf_ahead(client_for, layouts):
    client_for("coordinator_a").post(
        WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Nieuwe tekst", "versie": 0}
    )
    assert layouts == []


def test_with_prerendering_on_an_edit_warms_the_pdf_at_once(
    client_for, settings, layouts, django_capture_on_commit_callbacks
):
    settings.PDF_VOORAF_RENDEREN = True
    with django_capture_on_commit_callbacks(execute=True):
        client_for("coordinator_a").post(
            WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Voorgerenderd", "versie": 0}
        )
    assert len(layouts) == 1
    assert "Voorgerenderd" in layouts[0]
    response = client_for("anonymous").get(WIJKPLAN_PDF)
    assert response["Content-Type"] == "application/pdf"
    assert len(layouts) == 1  # the download was a cache hit


# --- the database backend: queued, run by the worker -------------------------------


def test_database_backend_stores_the_mail_until_the_worker_runs(database_backend):
    result = send_email.enqueue("Onderwerp", "Tekst", ["a@example.org"])
    assert result.status == TaskResultStatus.READY
    assert queued() == ["communitycare.tasks.send_email"]
    assert mail.outbox == []

    run_worker()

    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert queued() == []


def test_approval_mail_and_description_pdf_go_through_the_queue(
    database_backend, settings, client_for, wijk_a, coordinator_a, layouts
):
    initiatief = klaar_voor_actief(wijk_a, coordinator_a, goedgekeurd=False)
    DBTaskResult.objects.all().delete()  # the submission's mail to the programmamanagers
    settings.PDF_VOORAF_RENDEREN = True

    response = approve(client_for("programmamanager"), initiatief.begroting)

    assert "is goedgekeurd" in response.content.decode()
    assert mail.outbox == []  # committed, queued, not sent yet
    assert queued() == [
        "communitycare.tasks.send_email",
        "initiatieven.tasks.render_beschrijving_pdf",
    ]
    assert layouts == []

    run_worker()

    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert "goedgekeurd" in mail.outbox[0].subject
    assert len(layouts) == 1
    assert queued() == []
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    url = f"/heuvelland/valkenburg-oosterbeemd/initiatieven/{initiatief.slug}/beschrijving.pdf"
    assert client_for("anonymous").get(url)["Content-Type"] == "application/pdf"
    assert len(layouts) == 1  # the download after the approval was a cache hit


def test_wijkplan_edit_queues_its_pdf_and_the_worker_fills_the_cache(
    database_backend, settings, client_for, layouts
):
    client = client_for("coordinator_a")
    settings.PDF_VOORAF_RENDEREN = True
    client.post(WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Eerste versie", "versie": 0})
    client.post(WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Tweede versie", "versie": 1})
    assert queued() == ["wijken.wijkplan.tasks.render_wijkplan_pdf"] * 2
    assert layouts == []

    run_worker()

    # The first task lays out the plan as it is now; the second finds it in the cache.
    assert len(layouts) == 1 and "Tweede versie" in layouts[0]
    assert client_for("anonymous").get(WIJKPLAN_PDF)["Content-Type"] == "application/pdf"
    assert len(layouts) == 1


def test_without_prerendering_an_edit_queues_nothing(database_backend, client_for):
    client_for("coordinator_a").post(
        WIJKPLAN_BEHEER + "delen/wijkdata/", {"wijkdata": "Nieuwe tekst", "versie": 0}
    )
    assert queued() == []


def test_a_task_for_something_gone_or_not_public_does_nothing(database_backend, layouts):
    render_wijkplan_pdf.enqueue(999_999)
    render_beschrijving_pdf.enqueue(999_999)
    run_worker()
    assert layouts == []
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 2
