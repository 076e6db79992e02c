"""Where the outcome of a form is shown: the anchors of templates/includes/_uitkomst.html.

A form's action ends in `#foutoverzicht`, so a page shown again with errors opens at the
summary; a redirect after success ends in `#bevestiging`, so the page opens at the
confirmation. Both work without JavaScript (and the element takes the focus on load).
"""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect

ANKER_FOUT = "foutoverzicht"
ANKER_BEVESTIGING = "bevestiging"
ACTIE = "#" + ANKER_FOUT


def naar_bevestiging(path: str) -> HttpResponseRedirect:
    return redirect(f"{path}#{ANKER_BEVESTIGING}")
