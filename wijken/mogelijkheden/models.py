from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from communitycare.lib.dates import validate_date_range
from wijken.base.models import DAG_FOUT, Dag, Huis

# --- Bijlage 2: mogelijkheden in ons huis -----------------------------------------

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Openingstijd(models.Model):
    """One block of opening hours of the receptie or the Gasterie of a huis."""

    class Soort(models.TextChoices):
        RECEPTIE = "receptie", "Receptie"
        GASTERIE = "gasterie", "Gasterie"

    huis = models.ForeignKey(Huis, on_delete=models.CASCADE, related_name="openingstijden")
    soort = models.CharField(max_length=10, choices=Soort)
    dag = models.PositiveSmallIntegerField(
        choices=Dag,
        validators=[MaxValueValidator(6, DAG_FOUT)],
        error_messages={"invalid_choice": DAG_FOUT},
    )
    van = models.TimeField()
    tot = models.TimeField()

    class Meta:
        verbose_name = "openingstijd"
        verbose_name_plural = "openingstijden"
        ordering = ["soort", "dag", "van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__gt=F("van")),
                name="openingstijd_tot_na_van",
                violation_error_message="De eindtijd moet na de begintijd liggen.",
            ),
            models.CheckConstraint(
                condition=Q(dag__gte=0, dag__lte=6),
                name="openingstijd_geldige_dag",
                violation_error_message=DAG_FOUT,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.get_dag_display()} {self.tijdvak}"

    def clean(self) -> None:
        if self.van is not None and self.tot is not None and self.tot <= self.van:
            fout = f"De eindtijd ({self.tot:%H:%M}) moet na de begintijd ({self.van:%H:%M}) liggen."
            raise ValidationError({"tot": fout})

    @property
    def tijdvak(self) -> str:
        return f"{self.van:%H:%M}–{self.tot:%H:%M}"

    def overlapt(self, ander: "Openingstijd") -> bool:
        return (
            (self.soort, self.dag) == (ander.soort, ander.dag)
            and self.van < ander.tot
            and ander.van < self.tot
        )

    @staticmethod
    def overlap_fouten(tijden: list["Openingstijd"]) -> list[str]:
        """A Dutch message for every pair of blocks of one huis that overlap."""
        return [
            f"{a.get_soort_display()} op {a.get_dag_display()}: {a.tijdvak} overlapt met "
            f"{b.tijdvak}. Maak er één blok van of pas de tijden aan."
            for i, a in enumerate(tijden)
            for b in tijden[i + 1 :]
            if a.overlapt(b)
        ]


@dataclass
class Rooster:
    """The opening hours of one kind (receptie or Gasterie) of a huis, for display."""

    soort: Openingstijd.Soort
    tijden: list[Openingstijd]

    def __bool__(self) -> bool:
        return bool(self.tijden)

    def per_dag(self) -> list[tuple[str, list[str]]]:
        """(days, time blocks), with following days that have the same hours taken together:
        ("maandag tot en met vrijdag", ["08:30–12:00", "13:00–17:00"])."""
        rijen: list[tuple[list[str], list[str]]] = []
        vorige_dag = None
        for dag, label in Dag.choices:
            blokken = [t.tijdvak for t in sorted(self.tijden, key=lambda t: t.van) if t.dag == dag]
            if not blokken:
                continue
            if rijen and vorige_dag == dag - 1 and rijen[-1][1] == blokken:
                rijen[-1][0].append(label)
            else:
                rijen.append(([label], blokken))
            vorige_dag = dag
        return [(self._dagen_tekst(dagen), blokken) for dagen, blokken in rijen]

    @staticmethod
    def _dagen_tekst(dagen: list[str]) -> str:
        if len(dagen) == 1:
            return dagen[0]
        if len(dagen) == 2:
            return f"{dagen[0]} en {dagen[1]}"
        return f"{dagen[0]} tot en met {dagen[-1]}"

    def is_open(self, moment: datetime | None = None) -> bool:
        """Open now (or at `moment`), in Dutch local time whatever the server's zone."""
        lokaal = timezone.localtime(moment or timezone.now(), AMSTERDAM)
        nu: time = lokaal.time()
        return any(t.dag == lokaal.weekday() and t.van <= nu < t.tot for t in self.tijden)

    @property
    def nu_open(self) -> bool:
        return self.is_open()


class HuisMogelijkheden(models.Model):
    """What the huis offers the wijk (Bijlage 2), agreed by coördinator and management."""

    class Toegang(models.TextChoices):
        POOL = "pool", "Optie 1: een pool van Community Care-vrijwilligers"
        DRUPPEL = "druppel", "Optie 2: een deelnemer krijgt een druppel en toegang tot drinken"
        ANDERS = "anders", "Optie 3: anders"

    class Bezetting(models.TextChoices):
        ALTIJD = "altijd", "Er is altijd personeel"
        SOMS = "soms", "Soms is er alleen een vrijwilliger"

    huis = models.OneToOneField(Huis, on_delete=models.CASCADE, related_name="mogelijkheden")
    receptie_uitbreiden = models.BooleanField(
        "receptie uitbreiden met vrijwilligers",
        default=False,
        help_text="Is er de wens om de receptie met vrijwilligers langer open te houden?",
    )
    receptie_toelichting = models.TextField("toelichting receptie", blank=True)
    gasterie_bezetting = models.CharField(
        "bezetting Gasterie", max_length=10, choices=Bezetting, blank=True
    )
    toegang = models.CharField(
        "toegang buiten openingstijden", max_length=10, choices=Toegang, blank=True
    )
    toegang_anders = models.TextField(
        "toegang: anders, namelijk", blank=True, help_text="Alleen bij optie 3."
    )
    druppel_voor_vrijwilligers = models.BooleanField(
        "vrijwilligers kunnen een druppel krijgen", default=False
    )
    extra_maatregelen = models.TextField("extra maatregelen bij grotere activiteiten", blank=True)
    koken_mogelijk = models.BooleanField("koken op locatie mogelijk", default=False)
    koken_voorwaarden = models.TextField("voorwaarden voor koken", blank=True)
    financiele_afspraken = models.TextField(
        "financiële afspraken",
        blank=True,
        default=(
            "Initiatieven kosten de locatie niets extra, tenzij eigen bewoners meedoen en het "
            "past in hun welzijnsaanbod. Dat spreken we altijd vooraf af."
        ),
    )
    afgesproken_met = models.CharField(
        "afgesproken met",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld de teammanager zorg of facilitair van het huis.",
    )
    afgesproken_op = models.DateField(null=True, blank=True, validators=[validate_date_range])
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mogelijkheden in ons huis (Bijlage 2)"
        verbose_name_plural = "mogelijkheden in ons huis (Bijlage 2)"

    def __str__(self) -> str:
        return f"Mogelijkheden in {self.huis}"

    def clean(self) -> None:
        if self.toegang == self.Toegang.ANDERS and not self.toegang_anders.strip():
            raise ValidationError(
                {"toegang_anders": "Beschrijf hoe de toegang buiten openingstijden geregeld is."}
            )


CAPACITEIT_MAX = 500


class Ruimte(models.Model):
    """A room of the huis that the wijk may use."""

    huis = models.ForeignKey(Huis, on_delete=models.CASCADE, related_name="ruimtes")
    naam = models.CharField(max_length=100)
    capaciteit = models.PositiveSmallIntegerField(
        "aantal personen (BHV)",
        validators=[
            MinValueValidator(1, "Vul het aantal personen in dat er mag zijn: minstens 1."),
            MaxValueValidator(
                CAPACITEIT_MAX,
                f"Meer dan {CAPACITEIT_MAX} personen in één ruimte is niet aannemelijk; "
                "controleer het aantal volgens de BHV-regels.",
            ),
        ],
        help_text="Hoeveel mensen er volgens de BHV-regels tegelijk in mogen.",
    )
    beschikbaar = models.CharField(
        "wanneer beschikbaar",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: werkdagen na 14:00.",
    )
    reserveren = models.CharField("hoe reserveren", max_length=200, blank=True)

    class Meta:
        verbose_name = "ruimte"
        verbose_name_plural = "ruimtes"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["huis", "naam"],
                name="ruimte_naam_uniek_per_huis",
                violation_error_message="Dit huis heeft al een ruimte met deze naam.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


def huizen_met_mogelijkheden() -> models.QuerySet[Huis]:
    """Huizen with what each offers (Bijlage 2), for `Wijk.objects.publiek(huizen=...)`."""
    return Huis.objects.select_related("mogelijkheden").prefetch_related(
        "openingstijden", "ruimtes"
    )


def rooster(huis: Huis, soort: str) -> Rooster:
    """Opening hours of the receptie or Gasterie; uses prefetched openingstijden."""
    return Rooster(
        soort=Openingstijd.Soort(soort),
        tijden=[tijd for tijd in huis.openingstijden.all() if tijd.soort == soort],
    )
