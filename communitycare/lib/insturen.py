"""Saving a public form: refuse spam and a submission that follows the last one too fast.

Shared by every public form (a bespreekpunt, "word wijkverbinder", an idea for the wijk),
so each refuses and thanks in the same words and meets the same rate limits
(`communitycare.lib.ratelimit`)."""

import datetime
from typing import Protocol

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from communitycare.lib.ratelimit import toegestaan

SPAM = (
    "Uw bericht is niet opgeslagen, omdat het lijkt alsof een computer het heeft ingevuld. "
    "Bent u wel een mens? Laat dan het veld 'Laat dit veld leeg' leeg en probeer het opnieuw."
)
TE_SNEL = (
    "U heeft net al iets ingestuurd. U kunt het om {tijd} opnieuw proberen ({wachten}). "
    "Uw tekst staat hieronder nog klaar. U kunt het ook persoonlijk aan de coördinator "
    "geven, bijvoorbeeld bij de Open Koffie. Dank u voor uw geduld!"
)


class PubliekForm(Protocol):
    """A public model form with a honeypot (openkoffie.forms.HoningpotForm)."""

    def is_spam(self) -> bool: ...

    def is_valid(self) -> bool: ...

    def save(self, commit: bool = ...) -> object: ...


def insturen(request: HttpRequest, form: PubliekForm, scope: str, bedankt: str) -> int | None:
    """Saves a public form unless it looks like spam or follows the last one too fast.

    Returns None once saved, else the status to show the form again with."""
    if form.is_spam():
        messages.error(request, SPAM)
        return 400
    if not form.is_valid():
        return 200
    # Only a valid submission uses up a turn, so a typo costs nothing.
    weer_vanaf = toegestaan(request, scope)
    if weer_vanaf:
        messages.error(request, te_snel(weer_vanaf))
        return 429
    with transaction.atomic():
        form.save()
    messages.success(request, bedankt)
    return None


def te_snel(weer_vanaf: float) -> str:
    """The kind refusal: when to try again, as a clock time and a wait."""
    moment = datetime.datetime.fromtimestamp(weer_vanaf, tz=datetime.UTC)
    minuten = max(1, round((weer_vanaf - timezone.now().timestamp()) / 60))
    wachten = "over 1 minuut" if minuten == 1 else f"over {minuten} minuten"
    return TE_SNEL.format(tijd=f"{timezone.localtime(moment):%H:%M}", wachten=wachten)
