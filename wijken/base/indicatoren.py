"""The four indicatoren every initiative and every wijk figure is measured against."""

from django.db import models


class Indicator(models.TextChoices):
    ZELFREDZAAMHEID = "zelfredzaamheid", "Zelfredzaamheid"
    SAMENREDZAAMHEID = "samenredzaamheid", "Samenredzaamheid"
    SOCIALE_PARTICIPATIE = "sociale_participatie", "Sociale participatie"
    EENZAAMHEID = "eenzaamheid", "Eenzaamheid"


# Plain-language (B1) explanations shown to residents beside each indicator.
UITLEG = {
    Indicator.ZELFREDZAAMHEID: (
        "Zelf je dagelijks leven kunnen regelen: boodschappen doen, koken, je huis bijhouden."
    ),
    Indicator.SAMENREDZAAMHEID: (
        "Elkaar helpen: buren, familie en vrienden die samen dingen oplossen."
    ),
    Indicator.SOCIALE_PARTICIPATIE: (
        "Meedoen in de wijk: naar een club gaan, vrijwilligerswerk doen, mensen ontmoeten."
    ),
    Indicator.EENZAAMHEID: (
        "Je alleen voelen of te weinig contact hebben. Hiervan willen we juist minder."
    ),
}


def met_uitleg(waarden=None) -> list[tuple[str, str]]:
    """Each indicator's name with its explanation; only those of `waarden` when given."""
    return [
        (indicator.label, UITLEG[indicator])
        for indicator in Indicator
        if waarden is None or indicator in waarden
    ]
