"""E-mail about recruitment: each sign-up reaches the coördinatoren of the wijk, sent only
once it is committed; called by openkoffie.effects."""

from django.conf import settings
from django.urls import reverse

from communitycare.tasks import send_email_after_commit
from wijken.base.models import Wijkverbinder


def aanmelding(verbinder: Wijkverbinder) -> None:
    wijk = verbinder.wijk
    url = settings.SITE_URL + reverse(
        "openkoffie_beheer:wijkverbinders", args=[wijk.regio.slug, wijk.slug]
    )
    contact = ", ".join(deel for deel in (verbinder.email, verbinder.telefoon) if deel)
    regels = [
        f"{verbinder.naam} meldde zich aan als wijkverbinder in {wijk.naam}.",
        f"Contact: {contact}",
    ]
    if verbinder.bijdrage:
        regels.append(f"Wil bijdragen: {verbinder.bijdrage}")
    if verbinder.kanaal:
        regels.append(f"Hoorde ervan via: {verbinder.get_kanaal_display().lower()}")
    regels += ["", f"Plan een kennismakingsgesprek: {url}"]
    ontvangers = [
        coordinator.email
        for coordinator in wijk.coordinatoren.filter(is_active=True)
        if coordinator.email
    ]
    send_email_after_commit(
        f"Nieuwe aanmelding wijkverbinder: {verbinder.naam} ({wijk.naam})",
        "\n".join(regels) + "\n",
        ontvangers,
    )
