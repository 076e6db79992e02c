from decimal import Decimal
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from wijken import roles
from wijken.indicatoren import Indicator
from wijken.maten import LAGER_IS_BETER, MAAT_CHOICES, MAAT_LABELS, Bron, Eenheid

# First path segments the site itself uses; a regio may not take one as its slug.
RESERVED_SLUGS = {
    "admin",
    "api",
    "beheer",
    "doe-boekje",
    "healthz",
    "initiatieven",
    "media",
    "open-koffie",
    "programma",  # /beheer/programma/ would shadow the back office of such a regio
    "readyz",
    "static",
}


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "'%(value)s' is een gereserveerd woord in de adressen van de site; kies een ander.",
            params={"value": value},
        )


class User(AbstractUser):
    """A member of staff or a resident with a login; roles are Django groups."""

    telefoon = models.CharField("telefoon (werk)", max_length=30, blank=True)
    functie = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    def has_role(self, role: str) -> bool:
        return role in self.role_names

    @property
    def is_programmamanager(self) -> bool:
        return self.has_role(roles.PROGRAMMAMANAGER)

    @property
    def sees_all_wijken(self) -> bool:
        return self.is_superuser or bool(self.role_names & roles.PROGRAMME_ROLES)


class Regio(models.Model):
    naam = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, validators=[validate_not_reserved])
    beschrijving = models.TextField(blank=True)

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("wijken:regio", args=[self.slug])


class WijkQuerySet(models.QuerySet):
    def editable_by(self, user) -> "WijkQuerySet":
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_wijken:
            return self
        if user.has_role(roles.COORDINATOR):
            return self.filter(coordinatoren=user)
        return self.none()

    def publiek(self) -> "WijkQuerySet":
        """A wijk with what every public page of it shows, in a fixed number of queries."""
        return self.select_related("regio").prefetch_related(
            "huizen",
            Prefetch("coordinatoren", queryset=User.objects.filter(is_active=True)),
            Prefetch(
                "wijkverbinders",
                queryset=Wijkverbinder.objects.publiek(),
                to_attr="publieke_wijkverbinders",
            ),
        )

    def met_wijkdata(self) -> "WijkQuerySet":
        return self.prefetch_related(
            Prefetch("wijkcijfers", queryset=Wijkcijfer.objects.order_by("maat", "jaar", "bron")),
            "beleefde_wijkdata",
        )

    def with_active_wijkverbinder_count(self) -> "WijkQuerySet":
        return self.annotate(
            actieve_wijkverbinders=models.Count(
                "wijkverbinders", filter=Q(wijkverbinders__status=Wijkverbinder.Status.ACTIEF)
            )
        )


class Wijk(models.Model):
    regio = models.ForeignKey(Regio, on_delete=models.PROTECT, related_name="wijken")
    naam = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150)
    cbs_code = models.CharField(
        "CBS-wijkcode",
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^WK\d{6}$", "Een CBS-wijkcode is WK en zes cijfers.")],
        help_text="Bijvoorbeeld WK099401: WK, de gemeentecode en het wijknummer.",
    )
    coordinatoren = models.ManyToManyField(
        User,
        blank=True,
        related_name="wijken_als_coordinator",
        verbose_name="coördinatoren",
        help_text="Coördinatoren die deze wijk bewerken; wie invalt, wordt hier ook gekoppeld.",
    )
    contact_voor_vragen = models.TextField(
        blank=True,
        help_text="Naam, telefoon of e-mail waar buurtbewoners met vragen terecht kunnen.",
    )
    introductie = models.TextField(
        blank=True, help_text="Een paar zinnen over de wijk, in gewone taal."
    )
    wie_leeft_hier = models.TextField(
        "wie leeft en werkt hier",
        blank=True,
        help_text="Wie er wonen en welke professionals in de wijk werken (Bijlage 1).",
    )
    behoeften = models.TextField(
        "behoeften en mogelijkheden",
        blank=True,
        help_text="Wat de wijk nodig heeft en wie wat kan oppakken, uit de Open Koffies.",
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = WijkQuerySet.as_manager()

    class Meta:
        verbose_name = "wijk"
        verbose_name_plural = "wijken"
        ordering = ["regio__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "slug"], name="wijk_slug_uniek_per_regio")
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("wijken:wijk", args=[self.regio.slug, self.slug])

    def get_beheer_url(self) -> str:
        return reverse("beheer:wijk", args=[self.regio.slug, self.slug])


class Huis(models.Model):
    """A house (location) of the care organisation in the wijk."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="huizen")
    naam = models.CharField(max_length=150)
    adres = models.CharField(max_length=200)
    postcode = models.CharField(
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(r"^\d{4} ?[A-Za-z]{2}$", "Een postcode is 4 cijfers en 2 letters.")
        ],
    )
    plaats = models.CharField(max_length=100, blank=True)
    telefoon = models.CharField("telefoon (receptie)", max_length=30, blank=True)

    class Meta:
        verbose_name = "huis"
        verbose_name_plural = "huizen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def volledig_adres(self) -> str:
        plaats = " ".join(part for part in [self.postcode, self.plaats] if part)
        return ", ".join(part for part in [self.adres, plaats] if part)


class WijkverbinderQuerySet(models.QuerySet):
    def actief(self) -> "WijkverbinderQuerySet":
        return self.filter(status=Wijkverbinder.Status.ACTIEF)

    def publiek(self) -> "WijkverbinderQuerySet":
        """Only active wijkverbinders who consented to be shown by name."""
        return self.actief().filter(toestemming_publiek=True)


class Wijkverbinder(models.Model):
    """A resident who gives about eight hours a month to connect the wijk."""

    class Status(models.TextChoices):
        GEINTERESSEERD = "geinteresseerd", "Geïnteresseerd"
        KENNISMAKING = "kennismaking", "Kennismakingsgesprek"
        ACTIEF = "actief", "Actief"
        GESTOPT = "gestopt", "Gestopt"

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="wijkverbinders")
    user = models.OneToOneField(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wijkverbinder",
        verbose_name="login",
    )
    naam = models.CharField(max_length=150)
    email = models.EmailField("e-mail", blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    uren_per_maand = models.PositiveSmallIntegerField(
        default=8, validators=[MinValueValidator(1), MaxValueValidator(80)]
    )
    startdatum = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.ACTIEF)
    bijdrage = models.TextField(
        "wat wil je bijdragen", blank=True, help_text="Wat iemand wil geven aan de wijk."
    )
    wederkerigheid = models.TextField(
        "wat hoop je terug te krijgen", blank=True, help_text="Wat iemand er zelf uit wil halen."
    )
    talenten = models.TextField(blank=True)
    toestemming_publiek = models.BooleanField(
        "toestemming om naam te tonen",
        default=False,
        help_text="Alleen met deze toestemming staat de voornaam op de openbare pagina's.",
    )
    toestemming_datum = models.DateField("datum toestemming", null=True, blank=True)

    objects = WijkverbinderQuerySet.as_manager()

    class Meta:
        verbose_name = "wijkverbinder"
        verbose_name_plural = "wijkverbinders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs):
        if self.toestemming_publiek and not self.toestemming_datum:
            self.toestemming_datum = timezone.localdate()
        if not self.toestemming_publiek:
            self.toestemming_datum = None
        super().save(*args, **kwargs)

    @property
    def is_actief(self) -> bool:
        return self.status == self.Status.ACTIEF

    @property
    def publieke_naam(self) -> str:
        """First name only: enough to recognise someone, not to find their address."""
        return self.naam.split()[0] if self.naam else ""


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
    gewijzigd_op = models.DateTimeField(default=timezone.now)

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
    """How the wijk recognises the figures of one indicator (Bijlage 1, wijkplan 1.1.2)."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="beleefde_wijkdata")
    indicator = models.CharField(max_length=30, choices=Indicator)
    herkenning = models.TextField(
        "herkent de wijk dit beeld?",
        blank=True,
        help_text="Wat buurtbewoners over deze cijfers zeiden, in hun eigen woorden.",
    )
    open_koffie_datum = models.DateField("besproken op de Open Koffie van", null=True, blank=True)
    open_koffie = models.CharField(
        "welke Open Koffie",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: Open Koffie in huis Oosterbeemd.",
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
        ordering = ["indicator"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "indicator"], name="beleefde_wijkdata_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.wijk}: {self.get_indicator_display()}"


from wijken.models_wijkplan import Actie, Bijeenkomst, Vaststelling, Wijkplan  # noqa: E402, F401
