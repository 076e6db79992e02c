import operator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import cached_property, reduce
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from communitycare.lib.dates import validate_date_range
from wijken import roles, zoektermen
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

    @cached_property
    def doe_boekje_verbinder(self) -> "Wijkverbinder | None":
        """This login as an active wijkverbinder who may maintain the wijk's doe-boekje."""
        return (
            Wijkverbinder.objects.actief()
            .filter(user=self, mag_doe_boekje_bijwerken=True)
            .select_related("wijk__regio")
            .first()
        )


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

    def zoek(self, tekst: str) -> "WijkQuerySet":
        """Wijken whose name, or their regio's name, holds the text (any case)."""
        return self.filter(Q(naam__icontains=tekst) | Q(regio__naam__icontains=tekst))

    def publiek(self, met_mogelijkheden: bool = False) -> "WijkQuerySet":
        """A wijk with what every public page of it shows, in a fixed number of queries;
        the wijkbeeld also shows what each huis offers (Bijlage 2)."""
        huizen = Huis.objects.all()
        if met_mogelijkheden:
            huizen = huizen.select_related("mogelijkheden").prefetch_related(
                "openingstijden", "ruimtes"
            )
        return self.select_related("regio").prefetch_related(
            Prefetch("huizen", queryset=huizen),
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

    def doe_boekje_editable_by(self, user) -> "WijkQuerySet":
        """Who may edit the wijk, plus active wijkverbinders given the doe-boekje right."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_wijken:
            return self
        verbinder_wijken = Wijkverbinder.objects.actief().filter(
            user=user, mag_doe_boekje_bijwerken=True
        )
        rechten = Q(pk__in=verbinder_wijken.values("wijk"))
        if user.has_role(roles.COORDINATOR):
            rechten |= Q(pk__in=Wijk.coordinatoren.through.objects.filter(user=user).values("wijk"))
        return self.filter(rechten)

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
    # One wijk per code, or the figures of two wijken mix in the API and the import.
    # Optional: no code is NULL (Django's way for a unique, optional text field).
    cbs_code = models.CharField(
        "CBS-wijkcode",
        max_length=8,
        blank=True,
        null=True,
        unique=True,
        validators=[RegexValidator(r"^WK\d{6}$", "Een CBS-wijkcode is WK en zes cijfers.")],
        error_messages={
            "unique": "Een andere wijk heeft deze CBS-wijkcode al. Elke wijk heeft een "
            "eigen code: kijk de code van uw wijk na bij het CBS."
        },
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

    def rooster(self, soort: str) -> "Rooster":
        """Opening hours of the receptie or Gasterie; uses prefetched openingstijden."""
        return Rooster(
            soort=Openingstijd.Soort(soort),
            tijden=[tijd for tijd in self.openingstijden.all() if tijd.soort == soort],
        )

    @property
    def receptie(self) -> "Rooster":
        return self.rooster(Openingstijd.Soort.RECEPTIE)

    @property
    def gasterie(self) -> "Rooster":
        return self.rooster(Openingstijd.Soort.GASTERIE)


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
    startdatum = models.DateField(null=True, blank=True, validators=[validate_date_range])
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
    toestemming_datum = models.DateField(
        "datum toestemming", null=True, blank=True, validators=[validate_date_range]
    )
    mag_doe_boekje_bijwerken = models.BooleanField(
        "mag het doe-boekje bijwerken",
        default=False,
        help_text="Met een login kan deze wijkverbinder het doe-boekje van de wijk bijhouden.",
    )

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
    """How the wijk recognises the figures of one indicator (Bijlage 1, wijkplan 1.1.2)."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="beleefde_wijkdata")
    indicator = models.CharField(max_length=30, choices=Indicator)
    herkenning = models.TextField(
        "herkent de wijk dit beeld?",
        blank=True,
        help_text="Wat buurtbewoners over deze cijfers zeiden, in hun eigen woorden.",
    )
    open_koffie_datum = models.DateField(
        "besproken op de Open Koffie van", null=True, blank=True, validators=[validate_date_range]
    )
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


# --- Bijlage 3: het doe-boekje ------------------------------------------------


class Dag(models.IntegerChoices):
    """Days as Python's weekday() numbers them."""

    MAANDAG = 0, "maandag"
    DINSDAG = 1, "dinsdag"
    WOENSDAG = 2, "woensdag"
    DONDERDAG = 3, "donderdag"
    VRIJDAG = 4, "vrijdag"
    ZATERDAG = 5, "zaterdag"
    ZONDAG = 6, "zondag"


DAG_FOUT = "Kies een dag van maandag tot en met zondag."
ORGANISATIE_CONTACT = (
    "Alleen het contact van de organisatie of vereniging, nooit het privénummer of "
    "-adres van een bewoner: deze gegevens staan op de openbare site."
)
# Entries older than this are flagged: the method keeps the doe-boekje current at every
# Open Koffie, so a year without a check means it has probably changed.
CONTROLE_TERMIJN = timedelta(days=365)


def _niet_recent_gecontroleerd() -> Q:
    grens = timezone.localdate() - CONTROLE_TERMIJN
    return Q(laatst_gecontroleerd_op__isnull=True) | Q(laatst_gecontroleerd_op__lt=grens)


def groepeer(items: list["DoeBoekjeItem"]) -> list[tuple[str, str, list["DoeBoekjeItem"]]]:
    """(category value, label, entries) in the order of the categories, empty ones left out."""
    return [
        (waarde, label, groep)
        for waarde, label in DoeBoekjeItem.Categorie.choices
        if (groep := [item for item in items if item.categorie == waarde])
    ]


class DoeBoekjeItemQuerySet(models.QuerySet["DoeBoekjeItem"]):
    def actueel(self) -> "DoeBoekjeItemQuerySet":
        return self.filter(gearchiveerd=False)

    def te_controleren(self) -> "DoeBoekjeItemQuerySet":
        return self.filter(_niet_recent_gecontroleerd())

    def telling(self) -> dict[str, int]:
        """How many entries, and how many of them are due for a check, in one query."""
        return self.aggregate(
            aantal=Count("pk"), te_controleren=Count("pk", filter=_niet_recent_gecontroleerd())
        )

    def op_dag(self, dag: int) -> "DoeBoekjeItemQuerySet":
        return self.filter(dagen__contains=str(int(dag)))

    def zoek(self, tekst: str) -> "DoeBoekjeItemQuerySet":
        """Every meaningful word must occur in one of the texts (substring, any case)."""
        velden = ["naam", "beschrijving", "voor_wie", "waar", "wanneer"]
        queryset = self
        for woord in zoektermen.woorden(tekst):
            # The huizen first and by id: an OR over a joined column would keep PostgreSQL
            # from combining the trigram indexes on the texts (migration 0007).
            huizen = list(Huis.objects.filter(naam__icontains=woord).values_list("pk", flat=True))
            gevonden = [Q(**{f"{veld}__icontains": woord}) for veld in velden]
            queryset = queryset.filter(reduce(operator.or_, [*gevonden, Q(huis__in=huizen)]))
        return queryset

    def lijkt_op(self, wijk: "Wijk", tekst: str) -> "DoeBoekjeItemQuerySet":
        """Current entries of this wijk that resemble a proposed activity, best match first
        (annotated `gelijkenis`); start step 3 checks the activity is not there already."""
        termen = zoektermen.met_verwante_woorden(zoektermen.woorden(tekst))
        kandidaten = self.actueel().filter(wijk=wijk)
        if not termen:
            return kandidaten.none()
        if connections[self.db].vendor == "postgresql":
            return kandidaten._lijkt_op_volledige_tekst(termen)
        return kandidaten._lijkt_op_woorden(termen)

    def _lijkt_op_volledige_tekst(self, termen: list[str]) -> "DoeBoekjeItemQuerySet":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("naam", weight="A", config="dutch") + SearchVector(
            "beschrijving", "voor_wie", weight="B", config="dutch"
        )
        query = reduce(operator.or_, (SearchQuery(term, config="dutch") for term in termen))
        return (
            self.annotate(zoekvector=vector, gelijkenis=SearchRank(vector, query))
            .filter(zoekvector=query)
            .order_by("-gelijkenis", "naam")
        )

    def _lijkt_op_woorden(self, termen: list[str]) -> "DoeBoekjeItemQuerySet":
        # No Dutch stemmer here: match the start of a word with a crude stem instead.
        def score(term: str):
            begin = rf"\b{zoektermen.stam(term)}"
            return Case(
                When(naam__iregex=begin, then=Value(3)),
                When(Q(beschrijving__iregex=begin) | Q(voor_wie__iregex=begin), then=Value(1)),
                default=Value(0),
                output_field=models.IntegerField(),
            )

        return (
            self.annotate(gelijkenis=reduce(operator.add, map(score, termen)))
            .filter(gelijkenis__gt=0)
            .order_by("-gelijkenis", "naam")
        )

    def gegroepeerd(self) -> list[tuple[str, str, list["DoeBoekjeItem"]]]:
        return groepeer(list(self))

    def per_categorie(self) -> list[tuple[str, str, int]]:
        """(category value, label, number of entries) in the order of the categories."""
        aantallen = dict(
            self.order_by()
            .values_list("categorie")
            .annotate(aantal=Count("pk"))
            .values_list("categorie", "aantal")
        )
        return [
            (waarde, label, aantallen[waarde])
            for waarde, label in DoeBoekjeItem.Categorie.choices
            if waarde in aantallen
        ]


class DoeBoekjeItem(models.Model):
    """One entry of the doe-boekje (Bijlage 3): something to do in the wijk."""

    class Categorie(models.TextChoices):
        ACTIVITEIT = "activiteit", "Activiteiten"
        CLUB = "club", "Clubs"
        VERENIGING = "vereniging", "Verenigingen"
        SPORT = "sport", "Sport en bewegen"
        BUURTHUIS = "buurthuis", "Buurthuizen en ontmoeting"
        ZORG = "zorg", "Zorg en welzijn"
        HULP = "hulp", "Hulp en klussen"
        VERVOER = "vervoer", "Vervoer"
        OVERIG = "overig", "Overig"

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="doe_boekje")
    naam = models.CharField(max_length=150)
    categorie = models.CharField(max_length=20, choices=Categorie, default=Categorie.ACTIVITEIT)
    beschrijving = models.TextField("wat is het", blank=True, help_text="In gewone woorden.")
    voor_wie = models.CharField("voor wie", max_length=200, blank=True)
    huis = models.ForeignKey(
        Huis,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doe_boekje",
        help_text="Als het in een huis van de organisatie is.",
    )
    waar = models.CharField(
        "adres", max_length=200, blank=True, help_text="Als het ergens anders is."
    )
    wanneer = models.CharField(
        max_length=200, blank=True, help_text="Bijvoorbeeld: elke dinsdag 14:00–16:00."
    )
    dagen = models.CharField(
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^[0-6]*$", DAG_FOUT)],
        help_text="De vaste dagen, om op te kunnen zoeken.",
    )
    kosten = models.CharField(max_length=200, blank=True, help_text="Bijvoorbeeld: gratis.")
    contact = models.CharField(max_length=200, blank=True, help_text=ORGANISATIE_CONTACT)
    website = models.URLField(blank=True)
    laatst_gecontroleerd_op = models.DateField(
        null=True, blank=True, validators=[validate_date_range]
    )
    gecontroleerd_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gearchiveerd = models.BooleanField(default=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = DoeBoekjeItemQuerySet.as_manager()

    class Meta:
        verbose_name = "doe-boekje-item"
        verbose_name_plural = "doe-boekje"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijk", "naam"],
                condition=Q(gearchiveerd=False),
                name="doeboekje_naam_uniek_per_wijk",
                violation_error_message="Er staat al iets met deze naam in het doe-boekje.",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        # Checked here too: forms leave out `wijk`, so the constraint alone would not run.
        if self.naam_bezet():
            raise ValidationError({"naam": "Er staat al iets met deze naam in het doe-boekje."})
        if self.huis and self.wijk_id and self.huis.wijk_id != self.wijk_id:
            raise ValidationError({"huis": "Kies een huis in deze wijk."})

    def naam_bezet(self) -> bool:
        """Another current entry of the wijk has this name (archived ones may share it)."""
        if self.gearchiveerd or not self.wijk_id:
            return False
        andere = DoeBoekjeItem.objects.actueel().filter(wijk_id=self.wijk_id, naam=self.naam)
        return andere.exclude(pk=self.pk).exists()

    @property
    def dag_nummers(self) -> list[int]:
        return sorted({int(dag) for dag in self.dagen})

    @property
    def adres(self) -> str:
        if self.waar:
            return self.waar
        return f"{self.huis.naam}, {self.huis.volledig_adres}" if self.huis else ""

    @property
    def te_controleren(self) -> bool:
        gecontroleerd = self.laatst_gecontroleerd_op
        return gecontroleerd is None or gecontroleerd < timezone.localdate() - CONTROLE_TERMIJN

    def markeer_gecontroleerd(self, user: User) -> None:
        self.laatst_gecontroleerd_op = timezone.localdate()
        self.gecontroleerd_door = user
        self.save(update_fields=["laatst_gecontroleerd_op", "gecontroleerd_door", "gewijzigd_op"])


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


# --- vrijwilligers in het huis (standard goal: 10 buurtbewoners a year) -------


class VrijwilligerQuerySet(models.QuerySet):
    def geworven_in(self, jaar: int) -> "VrijwilligerQuerySet":
        return self.filter(startdatum__year=jaar)


class Vrijwilliger(models.Model):
    """A buurtbewoner who helps in the daily work of a huis. Never shown publicly:
    the public pages and the wijkplan only count them."""

    huis = models.ForeignKey(Huis, on_delete=models.CASCADE, related_name="vrijwilligers")
    naam = models.CharField(max_length=150)
    contact = models.CharField(
        max_length=150, blank=True, help_text="Telefoon of e-mail; alleen voor de coördinator."
    )
    wat = models.CharField("wat doet hij of zij", max_length=200, blank=True)
    startdatum = models.DateField(default=timezone.localdate, validators=[validate_date_range])
    gestopt_op = models.DateField(
        "gestopt op", null=True, blank=True, validators=[validate_date_range]
    )

    objects = VrijwilligerQuerySet.as_manager()

    class Meta:
        verbose_name = "vrijwilliger"
        verbose_name_plural = "vrijwilligers"
        ordering = ["-startdatum", "naam"]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if self.gestopt_op and self.startdatum and self.gestopt_op < self.startdatum:
            raise ValidationError({"gestopt_op": "Iemand kan niet stoppen voordat hij begon."})


from wijken.models_wijkplan import Actie, Vaststelling, Wijkplan  # noqa: E402, F401
