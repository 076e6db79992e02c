"""Background tasks of the portal as a whole (Django's tasks framework).

With the default ImmediateBackend a task runs at once, in the process that enqueues it;
with TASKS_BACKEND=database it is stored in the database and `manage.py db_worker` runs
it. Arguments are stored as JSON: strings, numbers and lists, never model instances.
"""

from django.core.mail import EmailMessage
from django.tasks import task


@task
def send_email(subject: str, body: str, to: list[str]) -> None:
    """One plain-text message from DEFAULT_FROM_EMAIL."""
    EmailMessage(subject, body, to=to).send()
