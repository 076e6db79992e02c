import datetime
import re
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from communitycare.lib.dates import add_months, validate_date_range
from wijken.base import doelen, roles

# First path segments the site itself uses; a regio may not take one as its slug.
RESERVED_SLUGS = {
    "admin",
    "api",
    "beheer",
    "contact",
    "doe-boekje",
    "healthz",
    "initiatieven",
    "media",
    "methode",
    "open-koffie",
    "privacy",
    "programma",  # /beheer/programma/ would shadow the back office of such a regio
    "readyz",
    "static",
    "toegankelijkheid",
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

    @cached_property
    def actieve_wijkverbinder(self) -> "Wijkverbinder | None":
        """This login as an active wijkverbinder: "Mijn wijk" on the dashboard, and the
        initiatives she coordinates (`Initiatief.objects.editable_by`). Only with the
        role: the login is linked in the admin, the role says it is in use."""
        if not self.has_role(roles.WIJKVERBINDER):
            return None
        verbinders = Wijkverbinder.objects.actief().filter(user=self)
        return verbinders.select_related("wijk__regio").first()


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


# A postcode as people type it: the four digits of its area, the two letters optional.
POSTCODE_ZOEK = re.compile(r"(\d{4}) ?(?:[A-Za-z]{2})?")
POSTCODEGEBIEDEN = RegexValidator(
    r"^\d{4}(?:[ ,;]+\d{4})*$",
    "Vul de postcodegebieden in als 4 cijfers, gescheiden door komma's. Bijvoorbeeld: 6301, 6305.",
)


class WijkQuerySet(models.QuerySet):
    def editable_by(self, user) -> "WijkQuerySet":
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_wijken:
            return self
        if user.has_role(roles.COORDINATOR):
            return self.filter(coordinatoren=user)
        return self.none()

    def viewable_by(self, user) -> "WijkQuerySet":
        """Who may edit the wijk, plus its active wijkverbinders (a login with the role
        Wijkverbinder, linked to them): they read
        the back office of their wijk (its initiatives, Open Koffies and wijkplan), the
        pages themselves offer them only what is theirs to change."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_wijken or not user.has_role(roles.WIJKVERBINDER):
            return self.editable_by(user)
        verbinder_wijken = Wijkverbinder.objects.actief().filter(user=user).values("wijk")
        bewerkbaar = self.editable_by(user).values("pk")
        return self.filter(Q(pk__in=bewerkbaar) | Q(pk__in=verbinder_wijken))

    def zoek(self, tekst: str) -> "WijkQuerySet":
        """Wijken whose name, their regio's name or the plaats of one of their huizen holds
        the text (any case); a postcode (its four digits, letters optional) finds the wijk
        that lists the area, or whose huis has a postcode in it."""
        huizen = Huis.objects.filter(plaats__icontains=tekst)
        gevonden = Q(naam__icontains=tekst) | Q(regio__naam__icontains=tekst)
        postcode = POSTCODE_ZOEK.fullmatch(tekst.strip())
        if postcode:
            gebied = postcode[1]
            # Four digits never match inside a longer number: the list holds only groups of four.
            gevonden |= Q(postcodes__contains=gebied)
            huizen = Huis.objects.filter(
                Q(plaats__icontains=tekst) | Q(postcode__startswith=gebied)
            )
        return self.filter(gevonden | Q(pk__in=huizen.values("wijk")))

    def publiek(self, huizen: "models.QuerySet[Huis] | None" = None) -> "WijkQuerySet":
        """A wijk with what every public page of it shows, in a fixed number of queries;
        `huizen` with more of each huis (the wijkbeeld: what it offers, Bijlage 2)."""
        return self.select_related("regio").prefetch_related(
            Prefetch("huizen", queryset=Huis.objects.all() if huizen is None else huizen),
            Prefetch("coordinatoren", queryset=User.objects.filter(is_active=True)),
            Prefetch(
                "wijkverbinders",
                queryset=Wijkverbinder.objects.publiek(),
                to_attr="publieke_wijkverbinders",
            ),
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
    # So a resident finds the wijk by postcode on the home page; the huizen' own postcodes
    # cover only the streets they stand in.
    postcodes = models.CharField(
        "postcodegebieden",
        max_length=300,
        blank=True,
        validators=[POSTCODEGEBIEDEN],
        help_text="De 4 cijfers van de postcodes in de wijk, gescheiden door komma's. "
        "Bijvoorbeeld: 6301, 6305.",
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
    # The method's first three years set the pace (4 to 6 new initiatives a year); the
    # wijk may also decide, with a reason, that no more are needed.
    gestart_op = models.DateField(
        "Community Care gestart op", null=True, blank=True, validators=[validate_date_range]
    )
    geen_nieuwe_initiatieven_op = models.DateField(
        "geen nieuwe initiatieven nodig sinds",
        null=True,
        blank=True,
        validators=[validate_date_range],
        help_text="Als de wijkdata of de wijk zeggen dat er geen behoefte meer is.",
    )
    geen_nieuwe_initiatieven_reden = models.TextField("waarom geen nieuwe initiatieven", blank=True)
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

    def clean(self) -> None:
        # One spelling, whatever separators were typed: "6305;6301 6301" -> "6301, 6305".
        self.postcodes = ", ".join(sorted(set(re.findall(r"\d{4}", self.postcodes))))
        if self.geen_nieuwe_initiatieven_op and not self.geen_nieuwe_initiatieven_reden.strip():
            raise ValidationError(
                {
                    "geen_nieuwe_initiatieven_reden": "Schrijf kort op waarom er geen nieuwe "
                    "initiatieven nodig zijn."
                }
            )

    def jaar_van_community_care(self, op: "datetime.date | None" = None) -> int | None:
        """1 in the first year from the start date, 2 in the second...; None unknown."""
        if self.gestart_op is None:
            return None
        op = op or timezone.localdate()
        jaren = op.year - self.gestart_op.year
        if (op.month, op.day) < (self.gestart_op.month, self.gestart_op.day):
            jaren -= 1
        return max(jaren, 0) + 1

    def initiatiefdoel_vervalt(self, jaar: int) -> str:
        """Why the goal of 4 to 6 new initiatives a year does not hold in `jaar`; "" when it
        does: in the first three years of Community Care in the wijk (counted on 1 January,
        a wijk starting during the year included), until the wijk decides no more are
        needed. Without a start date the standard goal holds. Its SQL twin, for counting
        wijken: `initiatiefdoel_geldt`."""
        gestopt = self.geen_nieuwe_initiatieven_op
        if gestopt and gestopt.year <= jaar:
            return f"Geen nieuwe initiatieven nodig sinds {gestopt:%d-%m-%Y}."
        if self.gestart_op is None:
            return ""
        if self.gestart_op.year > jaar:
            return f"Community Care begon hier pas in {self.gestart_op.year}."
        if (
            self.jaar_van_community_care(datetime.date(jaar, 1, 1)) or 1
        ) > doelen.JAREN_MET_INITIATIEFDOEL:
            return "Na de eerste drie jaar geldt dit doel niet meer."
        return ""

    def heeft_initiatiefdoel(self, jaar: int | None = None) -> bool:
        return not self.initiatiefdoel_vervalt(jaar or timezone.localdate().year)


def initiatiefdoel_geldt(jaar: int) -> Q:
    """The wijken for which `Wijk.initiatiefdoel_vervalt(jaar)` is "", in SQL."""
    eerste_jaren = Q(
        gestart_op__gt=datetime.date(jaar - doelen.JAREN_MET_INITIATIEFDOEL, 1, 1),
        gestart_op__year__lte=jaar,
    )
    return ~Q(geen_nieuwe_initiatieven_op__year__lte=jaar) & (
        Q(gestart_op__isnull=True) | eerste_jaren
    )


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


class Bron(models.TextChoices):
    """How something a resident brought in reached the portal: many have no internet,
    and staff enter what came by phone, on a note, at the receptie or in the room."""

    WEBSITE = "website", "Via de website"
    TELEFOON = "telefoon", "Telefonisch"
    BRIEFJE = "briefje", "Op een briefje"
    RECEPTIE = "receptie", "Bij de receptie"
    OPEN_KOFFIE = "open_koffie", "Op de Open Koffie"


class Wervingskanaal(models.TextChoices):
    """The ways into the wijk that the method lists for finding wijkverbinders (phase 2)."""

    MOND_TOT_MOND = "mond_tot_mond", "Via via, mond-tot-mond"
    OPEN_KOFFIE = "open_koffie", "Op de Open Koffie"
    VERENIGING = "vereniging", "Verenigingen, winkels, bijeenkomsten"
    WIJKKRANT = "wijkkrant", "Wijkkrantje"
    PRIKBORD = "prikbord", "Prikbord"
    FLYER = "flyer", "Flyer"
    DEUREN = "deuren", "Langs de deuren"
    ONLINE = "online", "Online"
    ANDERS = "anders", "Anders"


# After the intake, and every so often after: how is it going, what does the wijkverbinder
# want to give and get back now?
CHECKIN_NA_MAANDEN = 3


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
    # Recruitment: how the sign-up came in, and through which channel they heard of it.
    bron = models.CharField("aanmelding kwam binnen", max_length=20, choices=Bron, blank=True)
    kanaal = models.CharField(
        "hoe gehoord van de rol", max_length=20, choices=Wervingskanaal, blank=True
    )
    intake_op = models.DateField(
        "datum kennismakingsgesprek", null=True, blank=True, validators=[validate_date_range]
    )
    intake_notities = models.TextField(
        "notities kennismakingsgesprek",
        blank=True,
        help_text="Wat iemand wil geven en terugkrijgen, talenten, uren: hoe het gesprek ging.",
    )
    laatste_checkin_op = models.DateField(
        "laatste check-in", null=True, blank=True, validators=[validate_date_range]
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
    def volgende_checkin(self) -> "datetime.date | None":
        """Some months after the intake (or the start, or the last check-in): an active
        wijkverbinder's check-in with the coördinator."""
        sinds = self.laatste_checkin_op or self.intake_op or self.startdatum
        if not self.is_actief or sinds is None:
            return None
        return add_months(sinds, CHECKIN_NA_MAANDEN)

    @property
    def checkin_te_doen(self) -> bool:
        volgende = self.volgende_checkin
        return volgende is not None and volgende <= timezone.localdate()

    @property
    def publieke_naam(self) -> str:
        """First name only: enough to recognise someone, not to find their address."""
        return self.naam.split()[0] if self.naam else ""


# --- days, for opening hours and the doe-boekje -----------------------------


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
