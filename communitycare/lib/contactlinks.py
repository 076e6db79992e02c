"""Phone numbers and e-mail addresses in a text as links: tap to call, tap to mail.

Contact fields are free text ("Receptie, 043 555 0110", "Bel Henk op 06 9999 0000"), so
the numbers are found in the text; what does not normalise to a real number (a date, a
postcode, an opening time) stays text.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# A run of digits with the separators people type: "043 123 45 67", "(043) 1234567",
# "+31 (0)6-1234 5678". Not the dot, so "09.00-17.00" stays an opening time; a leading
# "(" only when it closes ("(043) ..."), a digit or letter right before or after is part
# of something else (a code, an address in a URL).
_NUMMER = r"(?<![\w+/@])(?:\((?=\+?[\d ]+\)))?\+?\d[\d \u00a0()\-]{6,20}\d(?![\w@])"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_LINKBAAR = re.compile(f"(?P<email>{_EMAIL})|(?P<nummer>{_NUMMER})")

NEDERLAND = "31"
# Dutch service numbers (0800 gratis, 090x betaald) have 4 or 7 digits after the prefix;
# every other Dutch number has 9 digits after the 0.
SERVICENUMMERS = ("800", "900", "906", "909")


def tel_uri(tekst: str) -> str | None:
    """`tel:` in international form for a Dutch (or +-prefixed foreign) phone number:
    "043 123 45 67" -> "tel:+31431234567"; None when `tekst` is not a phone number."""
    tekst = tekst.strip().replace("(0)", "")  # "+31 (0)43 ...": the 0 is dialled at home
    if not re.fullmatch(r"\+?[\d \u00a0()\-]+", tekst):
        return None
    cijfers = re.sub(r"\D", "", tekst)
    if tekst.startswith("+"):
        pass
    elif cijfers.startswith("00"):
        cijfers = cijfers[2:]
    elif cijfers.startswith("0"):
        cijfers = NEDERLAND + cijfers[1:]
    else:  # no trunk or country prefix: not a number anyone can dial from anywhere
        return None
    if cijfers.startswith(NEDERLAND):
        nationaal = cijfers[len(NEDERLAND) :]
        if nationaal.startswith(SERVICENUMMERS):
            geldig = len(nationaal) in (7, 10)
        else:
            geldig = len(nationaal) == 9 and not nationaal.startswith("0")
    else:  # E.164: at most 15 digits, the country code included
        geldig = 8 <= len(cijfers) <= 15 and not cijfers.startswith("0")
    return f"tel:+{cijfers}" if geldig else None


def contact_links(tekst: str) -> SafeString:
    """`tekst` escaped, with every phone number a `tel:` link and every e-mail address a
    `mailto:` link. For plain text (a model field), not for HTML."""
    tekst = str(tekst)
    delen = []
    positie = 0
    for gevonden in _LINKBAAR.finditer(tekst):
        href = f"mailto:{gevonden['email']}" if gevonden["email"] else tel_uri(gevonden[0])
        if href is None:
            continue
        delen.append(escape(tekst[positie : gevonden.start()]))
        delen.append(format_html('<a href="{}">{}</a>', href, gevonden[0]))
        positie = gevonden.end()
    delen.append(escape(tekst[positie:]))
    return mark_safe("".join(delen))  # noqa: S308  # every part escaped above
