"""What the wijkdata measures (Bijlage 1), in which unit, and from which source.

The four indicatoren come from `wijken.base.indicatoren`; the social profile and the care
provision of the wijk are a small fixed set of codes, so an import can check them.
"""

from django.db import models

from wijken.base.indicatoren import Indicator


class Profielmaat(models.TextChoices):
    INWONERS = "inwoners", "Inwoners"
    AANDEEL_65_PLUS = "aandeel_65_plus", "Inwoners van 65 jaar en ouder"
    AANDEEL_75_PLUS = "aandeel_75_plus", "Inwoners van 75 jaar en ouder"
    EENPERSOONSHUISHOUDENS = "eenpersoonshuishoudens", "Eenpersoonshuishoudens"
    MANTELZORGERS = "mantelzorgers", "Ouderen die mantelzorg geven"
    VRIJWILLIGERS = "vrijwilligers", "Ouderen die vrijwilligerswerk doen"
    ZORGVOORZIENINGEN = "zorgvoorzieningen", "Zorgvoorzieningen in de wijk"


class Eenheid(models.TextChoices):
    PROCENT = "procent", "%"
    AANTAL = "aantal", "aantal"


class Bron(models.TextChoices):
    CBS = "cbs", "CBS Kerncijfers wijken en buurten"
    GGD = "ggd", "GGD Gezondheidsmonitor"
    RIVM = "rivm", "RIVM modelschatting"
    EIGEN_PEILING = "eigen_peiling", "Eigen peiling"


MAAT_CHOICES = [*Indicator.choices, *Profielmaat.choices]
MAAT_LABELS = dict(MAAT_CHOICES)

# One unit per measure, so every chart of a measure has one scale.
EENHEID = {
    **dict.fromkeys(Indicator.values, Eenheid.PROCENT),
    Profielmaat.INWONERS: Eenheid.AANTAL,
    Profielmaat.AANDEEL_65_PLUS: Eenheid.PROCENT,
    Profielmaat.AANDEEL_75_PLUS: Eenheid.PROCENT,
    Profielmaat.EENPERSOONSHUISHOUDENS: Eenheid.PROCENT,
    Profielmaat.MANTELZORGERS: Eenheid.PROCENT,
    Profielmaat.VRIJWILLIGERS: Eenheid.PROCENT,
    Profielmaat.ZORGVOORZIENINGEN: Eenheid.AANTAL,
}

# Less is better only for eenzaamheid; the rule for "weak" turns on this.
LAGER_IS_BETER = frozenset({Indicator.EENZAAMHEID.value})

# When a wijk has the same measure and year from several sources, the first wins.
BRON_VOORKEUR = [Bron.GGD, Bron.RIVM, Bron.CBS, Bron.EIGEN_PEILING]
