"""E-mail about begrotingen, sent only once the decision is committed; called for each
event in the begroting's history by initiatieven.effects."""

from django.conf import settings
from django.urls import reverse

from communitycare.lib.bedragen import euro
from communitycare.tasks import send_email_after_commit
from initiatieven.models import Begroting, Begrotingsbesluit
from wijken.base import roles
from wijken.base.models import User


def _programmamanagers() -> list[str]:
    return list(
        User.objects.filter(groups__name=roles.PROGRAMMAMANAGER, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _coordinatoren(begroting: Begroting) -> list[str]:
    initiatief = begroting.initiatief
    mensen = [initiatief.coordinator, begroting.ingediend_door]
    if initiatief.coordinator is None:
        mensen += list(initiatief.wijk.coordinatoren.all())
    return [m.email for m in mensen if m is not None and m.email and m.is_active]


def ter_goedkeuring(begroting: Begroting, *, opnieuw: bool = False) -> None:
    initiatief = begroting.initiatief
    url = settings.SITE_URL + reverse("admin:initiatieven_begrotingtergoedkeuring_changelist")
    waarom = (
        "is na goedkeuring gewijzigd en staat opnieuw ter goedkeuring"
        if opnieuw
        else "is ingediend ter goedkeuring"
    )
    send_email_after_commit(
        f"Begroting ter goedkeuring: {initiatief} ({initiatief.wijk})",
        f"De begroting van “{initiatief}” in {initiatief.wijk} {waarom}.\n"
        f"Ingediend door: {begroting.ingediend_door}\n"
        f"Totaal: {euro(begroting.totaal(), spatie=' ')}\n\n"
        f"Bekijk de begrotingen ter goedkeuring: {url}\n",
        _programmamanagers(),
    )


def besluit(begroting: Begroting, besluit: Begrotingsbesluit) -> None:
    initiatief = begroting.initiatief
    url = settings.SITE_URL + initiatief.beheer_url("begroting")
    if besluit.soort == Begrotingsbesluit.Soort.GOEDGEKEURD:
        onderwerp = f"Begroting goedgekeurd: {initiatief}"
        tekst = f"{besluit.door} heeft de begroting van “{initiatief}” goedgekeurd.\n"
    else:
        onderwerp = f"Begroting afgewezen: {initiatief}"
        tekst = (
            f"{besluit.door} heeft de begroting van “{initiatief}” afgewezen.\n\n"
            f"Reden:\n{besluit.reden}\n"
        )
    send_email_after_commit(
        onderwerp, tekst + f"\nBekijk de begroting: {url}\n", _coordinatoren(begroting)
    )
