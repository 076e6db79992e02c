"""Dutch numbers and euro amounts: one way to read them, one way to show them.

Read: "1.234,56", "1234,56", "1234.56" (a dot before other than three digits is not a
Dutch thousands separator, so it is the decimal point), "1.000" (a thousand),
"€ 50", "€50,-", " 1 000 ". Anything else is refused with a Dutch message, never
guessed: "1,2,3" is no number. Shown: "€ 1.160,00", "€ -25,00".
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

# Spaces Excel and word processors put between thousands, plus the ordinary one.
SPATIES = re.compile(r"[\s\u00a0\u202f\u2009]+")
MINTEKENS = ("-", "\u2212", "\u2013")
EURO_VOOR = re.compile(r"^(€|eur\b|euro\b)", re.IGNORECASE)
EURO_NA = re.compile(r"(€|\beur|\beuro)$", re.IGNORECASE)
# Whole euros written "50,-" or "50,--" (or with a dot).
HELE_EUROS = re.compile(r"[,.]-{1,2}$")
# Thousands: one to three digits, then groups of exactly three, one separator throughout.
GROEPEN = re.compile(r"^[1-9][0-9]{0,2}(?P<s>[. ,])[0-9]{3}((?P=s)[0-9]{3})*$")
CIJFERS = re.compile(r"^[0-9]*$")


class GeenGetal(ValueError):
    """Text that is no number; the message says why, in Dutch."""


def is_duizendtallen(tekst: str) -> bool:
    """Whether "1.000" or "12.345.678": dots between groups of three, as Dutch writes thousands."""
    match = GROEPEN.match(tekst)
    return match is not None and match["s"] == "."


def lees_getal(tekst: str, *, euro: bool = False, punt_duizendtal: bool = True) -> Decimal | None:
    """The number in `tekst` as typed by a Dutch reader; None when it is empty.

    With `euro`, a euro sign (or "EUR") before or after, and "50,-", are allowed.
    Without `punt_duizendtal`, a lone dot is a decimal point ("53.4", as data files
    write it) even before three digits: "1.000" is then one, for the caller to doubt.
    """
    origineel = str(tekst).strip()
    fout = GeenGetal(f"'{origineel}' is geen getal.")
    schoon = SPATIES.sub(" ", origineel)
    if euro:
        schoon = HELE_EUROS.sub("", EURO_NA.sub("", EURO_VOOR.sub("", schoon).strip()).strip())
    negatief = schoon.startswith(MINTEKENS)
    if negatief:
        schoon = schoon[1:].lstrip()
        if euro:  # "-€ 5"
            schoon = EURO_VOOR.sub("", schoon).lstrip()
    if not schoon:
        if origineel:
            raise fout
        return None
    punten, kommas = schoon.count("."), schoon.count(",")
    if kommas > 1 and not punten:
        raise GeenGetal(f"'{origineel}' is geen getal: er staat meer dan één komma in.")
    if punten and kommas:
        decimaal = "," if schoon.rfind(",") > schoon.rfind(".") else "."  # the last one
    elif kommas:
        decimaal = ","
    elif punten == 1 and not (punt_duizendtal and is_duizendtallen(schoon)):
        decimaal = "."  # "1234.56"; "1.000" is a thousand
    else:
        decimaal = ""  # "1234", "1 000", "1.234.567"
    heel, _, fractie = schoon.rpartition(decimaal) if decimaal else (schoon, "", "")
    if not CIJFERS.match(heel):
        match = GROEPEN.match(heel)
        if match is None or match["s"] == decimaal:
            raise fout
        heel = heel.replace(match["s"], "")
    if not CIJFERS.match(fractie) or not (heel or fractie):
        raise fout
    getal = Decimal(f"{heel or 0}.{fractie}" if fractie else heel)
    return -getal if negatief else getal


def getal_nl(waarde, decimalen: int = 2) -> str:
    """1160 as "1.160,00": a Dutch number with thousands dots and a decimal comma."""
    getal = Decimal(waarde).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    tekst = f"{abs(getal):,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"-{tekst}" if getal < 0 else tekst


def euro(waarde, spatie: str = "\u00a0") -> str:
    """An amount as "€ 1.160,00" (a non-breaking space keeps it on one line in a table);
    "" for None, so a template can add `|default:"onbekend"`."""
    if waarde is None or waarde == "":
        return ""
    try:
        return f"€{spatie}{getal_nl(waarde)}"
    except (InvalidOperation, ValueError, TypeError):
        return str(waarde)


class BedragField(forms.DecimalField):
    """An amount in euro as people type it (see `lees_getal`), shown back as "1.234,56"."""

    default_error_messages = {
        "invalid": "Vul een bedrag in euro in, bijvoorbeeld 1.234,56.",
        "max_decimal_places": "Een bedrag heeft hoogstens twee cijfers achter de komma.",
    }

    # Text, not type=number: browsers refuse "1.234,56" in a number field.
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, **kwargs):
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            getal = lees_getal(str(value), euro=True)
        except GeenGetal:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return getal

    def prepare_value(self, value):
        """A stored amount back in the field as "1.234,56", which it reads again."""
        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            return getal_nl(value)
        return value
