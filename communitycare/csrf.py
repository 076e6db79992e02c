"""The page for a form refused by the CSRF check (CSRF_FAILURE_VIEW).

It happens to residents whose browser blocks cookies or who left the page open for a
long time (the token changed, for instance after a login elsewhere). Django's own page
is bare English; this one explains it in Dutch and keeps what was typed, with a button
to send it again to the same address with a fresh token.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render

from communitycare.lib.uitkomst import ANKER_FOUT

# Never shown back: the token itself, passwords, the honeypot of the public forms
# (openkoffie.forms.HoningpotForm), which a person leaves empty, and the save button of
# wijken.base.forms.PortaalForm, which is no text.
WEGLATEN = {"csrfmiddlewaretoken", "website", "opslaan"}
PROBLEEM = (
    "We konden niet nagaan dat het formulier echt van deze site kwam. Er is niets opgeslagen."
)


def _getypt(request: HttpRequest) -> list[tuple[str, str]]:
    """The text fields as sent, in their order, without the secret ones."""
    try:
        data = request.POST
    except (OSError, RequestDataTooBig, TooManyFieldsSent):
        return []
    return [
        (naam, waarde)
        for naam, waarden in data.lists()
        if naam not in WEGLATEN and "password" not in naam
        for waarde in waarden
    ]


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    context = {
        "velden": _getypt(request),
        "actie": request.get_full_path(),
        "geen_cookie": reason == REASON_NO_CSRF_COOKIE,
        # The summary of templates/includes/_uitkomst.html, with the focus.
        "problemen": [PROBLEEM],
        "anker_fout": ANKER_FOUT,
        "fout": True,
    }
    return render(request, "403_csrf.html", context, status=403)
