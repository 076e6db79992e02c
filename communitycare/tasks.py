"""Background tasks of the portal as a whole (Django's tasks framework).

With the default ImmediateBackend a task runs at once, in the process that enqueues it;
with TASKS_BACKEND=database it is stored in the database and `manage.py db_worker` runs
it. Arguments are stored as JSON: strings, numbers and lists, never model instances.
"""

from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task


@task
def send_email(subject: str, body: str, to: list[str]) -> None:
    """One plain-text message from DEFAULT_FROM_EMAIL."""
    EmailMessage(subject, body, to=to).send()


def send_email_after_commit(subject: str, body: str, to: list[str]) -> None:
    """Enqueues the message once the change it reports commits (sent at once with the
    default backend, by the worker with TASKS_BACKEND=database); nothing when rolled back."""
    # A name with a line break (typed or pasted) would make the subject an invalid header:
    # the mail would fail after the change was saved. One line, whatever the names hold.
    subject = " ".join(subject.split())
    if to:
        recipients = sorted(set(to))
        transaction.on_commit(lambda: send_email.enqueue(subject, body, recipients))
