"""What follows from recruitment: a sign-up through the website mails the coördinatoren,
whichever path saved it (the public form, the API, a test), once it commits."""

from django.db.models.signals import post_save

from openkoffie import meldingen
from wijken.base.models import Bron, Wijkverbinder


def _aanmelding(sender, instance: Wijkverbinder, created: bool, raw: bool = False, **kwargs):
    if created and not raw and instance.bron == Bron.WEBSITE:
        meldingen.aanmelding(instance)


def connect() -> None:
    post_save.connect(_aanmelding, sender=Wijkverbinder, dispatch_uid="werving.aanmelding")
