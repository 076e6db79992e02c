from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from communitycare.lib.dates import validate_date_range
from openkoffie.models import OpenKoffie
from wijken.base.indicatoren import Indicator
from wijken.base.models import Wijk
from wijken.wijkdata.maten import LAGER_IS_BETER, MAAT_CHOICES, MAAT_LABELS, Bron, Eenheid

# --- wijkdata (Bijlage 1 and the monitor of the four indicatoren) -------------


class WijkcijferQuerySet(models.QuerySet):
    def indicatoren(self) -> "WijkcijferQuerySet":
        return self.filter(maat__in=Indicator.values)

    def laatste(self) -> "WijkcijferQuerySet":
        """Only the most recent year of each measure of each wijk (any source)."""
        later = Wijkcijfer.objects.filter(
            wijk=OuterRef("wijk"), maat=OuterRef("maat"), jaar__gt=OuterRef("jaar")
        )
        return self.filter(~Exists(later))

    def zwak(self) -> "WijkcijferQuerySet":
        """Values worse than their comparison value; the SQL twin of `Wijkcijfer.is_zwak`."""
        qs = self.alias(
            vergelijking=Coalesce(
                "vergelijking_gemeente", "vergelijking_regio", "vergelijking_nederland"
            )
        )
        lager_is_beter = Q(maat__in=LAGER_IS_BETER)
        return qs.filter(
            (lager_is_beter & Q(waarde__gt=F("vergelijking")))
            | (~lager_is_beter & Q(waarde__lt=F("vergelijking")))
        )


class Wijkcijfer(models.Model):
    """One figure of a wijk in one year from one source, with what to compare it to."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="wijkcijfers")
    maat = models.CharField(max_length=30, choices=MAAT_CHOICES)
    jaar = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    waarde = models.DecimalField(max_digits=12, decimal_places=2)
    eenheid = models.CharField(max_length=10, choices=Eenheid)
    bron = models.CharField(max_length=20, choices=Bron)
    vergelijking_gemeente = models.DecimalField(
        "gemeente", max_digits=12, decimal_places=2, null=True, blank=True
    )
    vergelijking_regio = models.DecimalField(
        "regio", max_digits=12, decimal_places=2, null=True, blank=True
    )
    vergelijking_nederland = models.DecimalField(
        "Nederland", max_digits=12, decimal_places=2, null=True, blank=True
    )
    demo = models.BooleanField(
        "demowaarde", default=False, help_text="Verzonnen voorbeeldcijfer, geen echte meting."
    )
    gewijzigd_op = models.DateTimeField(default=timezone.now, validators=[validate_date_range])

    objects = WijkcijferQuerySet.as_manager()

    class Meta:
        verbose_name = "wijkcijfer"
        verbose_name_plural = "wijkcijfers"
        ordering = ["maat", "jaar", "bron"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijk", "maat", "jaar", "bron"], name="wijkcijfer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.maat_label} {self.jaar}: {self.waarde_tekst}"

    @property
    def maat_label(self) -> str:
        return MAAT_LABELS[self.maat]

    @property
    def is_procent(self) -> bool:
        return self.eenheid == Eenheid.PROCENT

    def opmaak(self, getal: Decimal) -> str:
        """Dutch notation: 12,5% or 2.400."""
        tekst = f"{getal.normalize():,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return f"{tekst}%" if self.is_procent else tekst

    @property
    def waarde_tekst(self) -> str:
        return self.opmaak(self.waarde)

    @property
    def vergelijkingen(self) -> list[tuple[str, Decimal]]:
        return [
            (label, getal)
            for label, getal in [
                ("gemeente", self.vergelijking_gemeente),
                ("regio", self.vergelijking_regio),
                ("Nederland", self.vergelijking_nederland),
            ]
            if getal is not None
        ]

    @property
    def vergelijkingen_tekst(self) -> str:
        return "; ".join(f"{soort} {self.opmaak(getal)}" for soort, getal in self.vergelijkingen)

    @property
    def vergelijking(self) -> tuple[str, Decimal] | None:
        """The nearest comparison there is: gemeente, else regio, else Nederland."""
        return next(iter(self.vergelijkingen), None)

    @property
    def lager_is_beter(self) -> bool:
        return self.maat in LAGER_IS_BETER

    @property
    def is_zwak(self) -> bool:
        """Worse than the nearest comparison value (see `WijkcijferQuerySet.zwak`)."""
        if self.vergelijking is None:
            return False
        _, getal = self.vergelijking
        return self.waarde > getal if self.lager_is_beter else self.waarde < getal


class BeleefdeWijkdata(models.Model):
    """How the wijk recognised the figures of one indicator at one Open Koffie (Bijlage 1,
    wijkplan 1.1.2). One row per Open Koffie, so the history stays; pages show the
    latest (the ordering puts it first per indicator)."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="beleefde_wijkdata")
    indicator = models.CharField(max_length=30, choices=Indicator)
    # PROTECT: a meeting where the wijk said this is part of its record, never deleted.
    open_koffie = models.ForeignKey(
        OpenKoffie,
        on_delete=models.PROTECT,
        related_name="beleefde_wijkdata",
        verbose_name="besproken op de Open Koffie",
    )
    herkenning = models.TextField(
        "herkent de wijk dit beeld?",
        blank=True,
        help_text="Wat buurtbewoners over deze cijfers zeiden, in hun eigen woorden.",
    )
    nadruk = models.BooleanField(
        "de wijk legt hier de nadruk op",
        default=False,
        help_text="Aanvinken als de wijk deze indicator belangrijk vindt om aan te werken.",
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "beleefde wijkdata"
        verbose_name_plural = "beleefde wijkdata"
        ordering = ["indicator", "-open_koffie__begin", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijk", "indicator", "open_koffie"],
                name="beleefde_wijkdata_per_open_koffie",
            )
        ]

    def __str__(self) -> str:
        return f"{self.wijk}: {self.get_indicator_display()}"

    def clean(self) -> None:
        if self.open_koffie_id is None or not self.wijk_id:
            return
        open_koffie = self.open_koffie
        if self.wijk_id not in (open_koffie.wijk_id, open_koffie.tweede_wijk_id):
            raise ValidationError({"open_koffie": "Kies een Open Koffie van deze wijk."})
        if open_koffie.is_geannuleerd or not open_koffie.is_geweest:
            raise ValidationError(
                {"open_koffie": "Kies een Open Koffie die al geweest is: daar sprak de wijk."}
            )


def beleefde_wijkdata_prefetch() -> Prefetch:
    """Every wijk's rows with their Open Koffie, the latest first per indicator."""
    return Prefetch(
        "beleefde_wijkdata", queryset=BeleefdeWijkdata.objects.select_related("open_koffie")
    )


def met_wijkdata(wijken: models.QuerySet[Wijk]) -> models.QuerySet[Wijk]:
    """The wijken with their figures and how the wijk recognises them, prefetched."""
    return wijken.prefetch_related(
        Prefetch("wijkcijfers", queryset=Wijkcijfer.objects.order_by("maat", "jaar", "bron")),
        beleefde_wijkdata_prefetch(),
    )
