"""Initiatives of a wijk, from idea to evaluation: the 11 start steps, Bijlage 6 and 7."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone

from communitycare.lib import dataversion
from communitycare.lib.dates import add_months, clamp_year, validate_date_range
from openkoffie.models import Bespreekpunt, OpenKoffie, WijkverbinderOverleg
from wijken.base import roles, zoektermen
from wijken.base.indicatoren import Indicator, met_uitleg
from wijken.base.models import Bron, User, Wijk, Wijkverbinder

MAX_BEDRAG = Decimal("100000")
# Step 11 is due at the wijk's first Open Koffie of the year; this day when none is planned.
JAARLIJKSE_EVALUATIE_UITERLIJK = (3, 31)
EVALUATIE_BINNENKORT_DAGEN = 30


class Thema(models.TextChoices):
    OPEN_KOFFIE = "open_koffie", "Open Koffie"
    DOE_BOEKJE = "doe_boekje", "Doe-boekje"
    SAMEN_AAN_TAFEL = "samen_aan_tafel", "Samen aan tafel"
    SAMEN_OP_STAP = "samen_op_stap", "Samen op stap voor een boodschap"
    HELPENDE_HAND = "helpende_hand", "De helpende hand"
    ANDERS = "anders", "Anders"


# The themes the method starts in every wijk where they are not there yet and are wanted.
STANDAARD_THEMAS = [thema for thema in Thema if thema != Thema.ANDERS]


def thema_slug(thema: str) -> str:
    """A theme in a public address, spelt like the other addresses: samen-aan-tafel."""
    return thema.replace("_", "-")


def thema_uit_slug(slug: str) -> Thema | None:
    """The standard theme `slug` names, None for any other."""
    return next((thema for thema in STANDAARD_THEMAS if thema_slug(thema) == slug), None)


def thema_paginas() -> list[tuple[str, str]]:
    """(label, address) of each standard theme's page: what the wijken learnt from it."""
    return [
        (thema.label, reverse("initiatieven:thema", args=[thema_slug(thema)]))
        for thema in STANDAARD_THEMAS
    ]


class Status(models.TextChoices):
    IDEE = "idee", "Idee"
    ONTWIKKELING = "ontwikkeling", "In ontwikkeling"
    ACTIEF = "actief", "Actief"
    BEEINDIGD = "beeindigd", "Beëindigd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


PUBLIEKE_STATUSSEN = [Status.ONTWIKKELING, Status.ACTIEF, Status.BEEINDIGD]


class Initiatiefnemer(models.TextChoices):
    """Who took the initiative: the method counts it only when the wijk did."""

    BEWONER = "bewoner", "Een bewoner"
    GROEP = "groep", "Een groep bewoners"
    PARTNER = "partner", "Een partner in de wijk"
    ORGANISATIE = "organisatie", "De organisatie alleen"


UIT_DE_WIJK = [Initiatiefnemer.BEWONER, Initiatiefnemer.GROEP, Initiatiefnemer.PARTNER]
NIET_UIT_DE_WIJK = (
    "Het initiatief komt nog niet uit de wijk. Vul in wie het idee had: een bewoner, een "
    "groep bewoners of een partner in de wijk. Een initiatief start nooit vanuit de "
    "organisatie alleen."
)

# What the search box looks in; "Anders" is no word anyone searches for. The fields (in
# this order) are those of the indexes of migration 0004.
ZOEKBAAR = zoektermen.Zoekbaar(
    teksten=("naam", "globale_beschrijving", "wanneer"),
    soort="thema",
    soorten=tuple(keuze for keuze in Thema.choices if keuze[0] != Thema.ANDERS),
)


class InitiatiefQuerySet(models.QuerySet):
    def publiek(self) -> "InitiatiefQuerySet":
        """Ideas and rejected initiatives stay in the back office."""
        return self.filter(status__in=PUBLIEKE_STATUSSEN)

    def actief(self) -> "InitiatiefQuerySet":
        return self.filter(status=Status.ACTIEF)

    def editable_by(self, user) -> "InitiatiefQuerySet":
        """Who may edit the wijk, plus the active wijkverbinder (a login with the role) who
        coordinates the initiative (step 8): she keeps its description, steps 1-9 and a
        draft evaluation up to date. The begroting, the status and publishing stay with
        the wijk's editors (`met_wijkrecht`)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.sees_all_wijken:
            return self
        wijk_recht = Q(wijk__in=Wijk.objects.editable_by(user).values("pk"))
        if not user.has_role(roles.WIJKVERBINDER):
            return self.filter(wijk_recht)
        zelf = Q(
            wijkverbinder__user=user,
            wijkverbinder__status=Wijkverbinder.Status.ACTIEF,
            wijkverbinder__wijk=F("wijk"),
        )
        return self.filter(wijk_recht | zelf)

    def met_wijkrecht(self, user) -> "InitiatiefQuerySet":
        """Annotates `wijkrecht`: whether `user` edits the initiative's wijk (a
        coördinator of it or the programme), so a page can leave out, and a view refuse,
        what is not a wijkverbinder's."""
        return self.annotate(
            wijkrecht=Exists(Wijk.objects.editable_by(user).filter(pk=OuterRef("wijk")))
        )

    def lopend(self) -> "InitiatiefQuerySet":
        """Public and not ended: what a resident can still join or follow."""
        return self.filter(status__in=[Status.ONTWIKKELING, Status.ACTIEF]).order_by("naam")

    def met_indicator(self, indicator: str) -> "InitiatiefQuerySet":
        return self.filter(
            Exists(
                InitiatiefIndicator.objects.filter(initiatief=OuterRef("pk"), indicator=indicator)
            )
        )

    def zoek(self, tekst: str) -> "InitiatiefQuerySet":
        """The initiatives matching any word of the search (a text or a thema), best
        first: see `zoektermen.zoek`."""
        return zoektermen.zoek(self, zoektermen.zoekwoorden(tekst), ZOEKBAAR)

    def met_evaluatiestand(self) -> "InitiatiefQuerySet":
        """Annotates what `volgende_evaluatie` needs, so a list costs one query."""
        gepubliceerd = Evaluatie.objects.filter(
            initiatief=OuterRef("pk"), gepubliceerd_op__isnull=False
        )
        laatste_jaar = gepubliceerd.filter(soort=Evaluatie.Soort.JAARLIJKS).order_by("-datum")
        return (
            self.annotate(
                zes_maanden_gedaan=Exists(gepubliceerd.filter(soort=Evaluatie.Soort.ZES_MAANDEN)),
                laatste_jaarevaluatie=Subquery(laatste_jaar.values("datum")[:1]),
            )
            .annotate(
                evaluatiejaar=Coalesce(
                    ExtractYear("laatste_jaarevaluatie"), ExtractYear("startdatum")
                )
                + 1
            )
            .annotate(
                eerste_open_koffie_begin=Subquery(
                    eerste_open_koffie(OuterRef("wijk"), OuterRef("evaluatiejaar")).values("begin")[
                        :1
                    ]
                )
            )
        )

    def gestart_in(self, jaar: int) -> "InitiatiefQuerySet":
        """Initiatives that started in `jaar` (the standard goal: 4 to 6 a year)."""
        return self.filter(status__in=[Status.ACTIEF, Status.BEEINDIGD], startdatum__year=jaar)

    def beeindigd_in(self, jaar: int) -> "InitiatiefQuerySet":
        """Initiatives that ended in `jaar` (each with its reason, see `wijzig_status`)."""
        return self.filter(status=Status.BEEINDIGD, einddatum__year=jaar)

    def evaluatie_te_laat(self) -> "InitiatiefQuerySet":
        """Active initiatives whose next evaluation is past its date, in SQL: the same
        rule as `Initiatief.volgende_evaluatie().te_laat`, for counting per wijk."""
        vandaag = timezone.localdate()
        gepubliceerd = Evaluatie.objects.filter(
            initiatief=OuterRef("pk"), gepubliceerd_op__isnull=False
        )
        zes_gedaan = Exists(gepubliceerd.filter(soort=Evaluatie.Soort.ZES_MAANDEN))
        # The yearly evaluation of year Y is due at the wijk's first Open Koffie of Y (31
        # March without one): the last year whose due day has passed, per wijk.
        vandaag_begin = timezone.make_aware(datetime.datetime.combine(vandaag, datetime.time()))
        verstreken = Q(eerste_dit_jaar__lt=vandaag_begin)
        if (vandaag.month, vandaag.day) > JAARLIJKSE_EVALUATIE_UITERLIJK:
            verstreken |= Q(eerste_dit_jaar__isnull=True)
        eerste = eerste_open_koffie(OuterRef("wijk"), vandaag.year).values("begin")[:1]
        jaar_gedaan = Exists(
            gepubliceerd.filter(
                soort=Evaluatie.Soort.JAARLIJKS, datum__year__gte=OuterRef("verstreken_jaar")
            )
        )
        zes_te_laat = Q(~zes_gedaan, startdatum__lt=add_months(vandaag, -6))
        jaar_te_laat = Q(zes_gedaan, ~jaar_gedaan, startdatum__year__lt=F("verstreken_jaar"))
        return (
            self.actief()
            .filter(startdatum__isnull=False)
            .annotate(eerste_dit_jaar=Subquery(eerste))
            .annotate(
                verstreken_jaar=Case(
                    When(verstreken, then=Value(vandaag.year)), default=Value(vandaag.year - 1)
                )
            )
            .filter(zes_te_laat | jaar_te_laat)
        )

    def status_telling(self) -> dict[str, int]:
        counts = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        return {status: counts.get(status, 0) for status in Status.values}


def evaluaties_te_doen(
    initiatieven: "InitiatiefQuerySet",
) -> list[tuple["Initiatief", "EvaluatieMoment"]]:
    """The active ones among `initiatieven` whose next evaluation is overdue or due within
    EVALUATIE_BINNENKORT_DAGEN, soonest first: the dashboards' rule, in one query."""
    grens = timezone.localdate() + datetime.timedelta(days=EVALUATIE_BINNENKORT_DAGEN)
    actief = (
        initiatieven.actief()
        .filter(startdatum__isnull=False)
        .select_related("wijk__regio", "begroting")
        .met_evaluatiestand()
        .order_by("startdatum", "pk")
    )
    te_doen = []
    for initiatief in actief:
        moment = initiatief.volgende_evaluatie()
        if moment and moment.uiterlijk <= grens:
            te_doen.append((initiatief, moment))
    te_doen.sort(key=lambda item: item[1].uiterlijk)
    return te_doen


def eerste_open_koffie(wijk, jaar) -> models.QuerySet:
    """The Open Koffies of `wijk` (a combined one counts for both) in local year `jaar`,
    not cancelled, first first: the first is where step 11 is due. Either argument may be
    an OuterRef, so a list gets the date in the same query."""
    return OpenKoffie.objects.voor_wijk(wijk).filter(begin__year=jaar).gaat_door().order_by("begin")


@dataclass(frozen=True)
class EvaluatieMoment:
    soort: str
    uiterlijk: datetime.date
    # The yearly evaluation: whether `uiterlijk` is a planned Open Koffie (or 31 March).
    bij_open_koffie: bool = False

    @classmethod
    def jaarlijks(cls, jaar: int, open_koffie: datetime.datetime | None) -> "EvaluatieMoment":
        if open_koffie is None:
            return cls(
                Evaluatie.Soort.JAARLIJKS, datetime.date(jaar, *JAARLIJKSE_EVALUATIE_UITERLIJK)
            )
        return cls(Evaluatie.Soort.JAARLIJKS, timezone.localdate(open_koffie), True)

    @property
    def toelichting(self) -> str:
        if self.soort != Evaluatie.Soort.JAARLIJKS:
            return ""
        if self.bij_open_koffie:
            return "de eerste Open Koffie van het jaar"
        return "er is dat jaar nog geen Open Koffie gepland"

    @property
    def te_laat(self) -> bool:
        return self.uiterlijk < timezone.localdate()

    @property
    def dagen(self) -> str:
        """How far off, in days, as the dashboard says it."""
        verschil = (self.uiterlijk - timezone.localdate()).days
        if verschil < 0:
            return f"{-verschil} dag{'en' if verschil != -1 else ''} te laat"
        if verschil == 0:
            return "vandaag"
        return f"nog {verschil} dag{'en' if verschil != 1 else ''}"

    @property
    def label(self) -> str:
        return Evaluatie.Soort(self.soort).label


class Initiatief(models.Model):
    """An initiative of the wijk; its fields are those of Bijlage 6."""

    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="initiatieven")
    naam = models.CharField("naam initiatief", max_length=150)
    slug = models.SlugField(max_length=150)
    thema = models.CharField(max_length=20, choices=Thema, default=Thema.ANDERS)
    status = models.CharField(max_length=20, choices=Status, default=Status.IDEE)
    coordinator = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatieven_als_coordinator",
        verbose_name="betrokken coördinator",
    )
    wijkverbinder = models.ForeignKey(
        Wijkverbinder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatieven",
        verbose_name="betrokken wijkverbinder",
        help_text="De wijkverbinder die de coördinatie op zich neemt (stap 8).",
    )
    overige_betrokkenen = models.TextField(blank=True)
    contactpersoon = models.CharField(
        "contactpersoon voor vragen",
        max_length=200,
        blank=True,
        help_text="Een werkadres of werktelefoon: dit staat op de openbare pagina.",
    )
    datum_ingevuld = models.DateField(
        "datum invullen", null=True, blank=True, validators=[validate_date_range]
    )
    startdatum = models.DateField(null=True, blank=True, validators=[validate_date_range])
    einddatum = models.DateField(null=True, blank=True, validators=[validate_date_range])
    reden_einde = models.TextField("reden van beëindigen", blank=True)

    # Bijlage 6, the initiatiefbeschrijving.
    globale_beschrijving = models.TextField(
        blank=True, help_text="Beschrijf het idee en welke indicatoren het gaat beïnvloeden."
    )
    aanpak = models.TextField(
        "aanpak tot stand komen",
        blank=True,
        help_text="Met wie kom je hoe vaak samen, wie beslist?",
    )
    wanneer = models.TextField("wanneer, hoe vaak en hoe laat", blank=True)
    deelnemers = models.TextField("voor hoeveel deelnemers, wie is welkom", blank=True)
    ruimte = models.TextField(
        "ruimte, veiligheid en toegang",
        blank=True,
        help_text="Welke ruimte is nodig? Moet er iets rond veiligheid (BHV) geregeld worden? "
        "Is de toegang geregeld?",
    )
    eten_drinken = models.TextField("faciliteiten eten en drinken", blank=True)
    communicatie = models.TextField("hoe gaat de communicatie", blank=True)
    uitvoering = models.TextField("wie voert het uit en voor hoe lang", blank=True)
    overige_afspraken = models.TextField("overige aandachtspunten en afspraken", blank=True)
    # Who had the idea, and where it came from (an idea of the wijk, a bespreekpunt of the
    # Open Koffie, or the example of another wijk's initiative).
    initiatiefnemer_soort = models.CharField(
        "wie nam het initiatief", max_length=20, choices=Initiatiefnemer, blank=True
    )
    initiatiefnemer = models.CharField(
        "naam van de initiatiefnemer",
        max_length=150,
        blank=True,
        help_text="De naam van een groep of partner staat op de openbare pagina. De naam "
        "van een bewoner alleen als die dat goed vindt.",
    )
    initiatiefnemer_toestemming = models.BooleanField(
        "de bewoner vindt het goed dat de naam op de site staat", default=False
    )
    uit_idee = models.ForeignKey(
        "Idee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uit het idee",
    )
    uit_bespreekpunt = models.ForeignKey(
        Bespreekpunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="uit het bespreekpunt",
    )
    naar_voorbeeld = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="naar het voorbeeld van",
    )
    niet_aanwezig_in_wijk = models.BooleanField(
        "is nog niet aanwezig in de wijk",
        null=True,
        blank=True,
        help_text="De check van stap 3 (Goedkeuring in Bijlage 6).",
    )

    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    objects = InitiatiefQuerySet.as_manager()

    # The fields a description needs before it counts as complete (step 7).
    VERPLICHT_IN_BESCHRIJVING = [
        "globale_beschrijving",
        "aanpak",
        "wanneer",
        "deelnemers",
        "ruimte",
        "eten_drinken",
        "communicatie",
        "uitvoering",
        "contactpersoon",
        "coordinator",
    ]

    class Meta:
        verbose_name = "initiatief"
        verbose_name_plural = "initiatieven"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "slug"], name="initiatief_slug_uniek_per_wijk")
        ]
        # A thema's name in the search is an OR beside the texts' GIN indexes (migration
        # 0004): without an index of its own the whole table would be read.
        indexes = [models.Index(fields=["thema"], name="initiatief_thema_idx")]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse(
            "initiatieven:initiatief", args=[self.wijk.regio.slug, self.wijk.slug, self.slug]
        )

    def get_beheer_url(self) -> str:
        return reverse(
            "initiatieven_beheer:initiatief",
            args=[self.wijk.regio.slug, self.wijk.slug, self.slug],
        )

    def beheer_url(self, name: str, *args) -> str:
        return reverse(
            f"initiatieven_beheer:{name}",
            args=[self.wijk.regio.slug, self.wijk.slug, self.slug, *args],
        )

    @property
    def is_publiek(self) -> bool:
        return self.status in PUBLIEKE_STATUSSEN

    @property
    def komt_uit_de_wijk(self) -> bool:
        return self.initiatiefnemer_soort in UIT_DE_WIJK

    @property
    def publieke_initiatiefnemer(self) -> str:
        """Who took the initiative, as a public page may say it: a group's or partner's
        name, a resident's only with their consent; nothing while the wijk did not."""
        soort = self.initiatiefnemer_soort
        if soort not in UIT_DE_WIJK:
            return ""
        naam = self.initiatiefnemer.strip()
        if soort == Initiatiefnemer.BEWONER:
            if naam and self.initiatiefnemer_toestemming:
                return f"{naam}, een bewoner uit de wijk"
            return "Een bewoner uit de wijk"
        label = Initiatiefnemer(soort).label
        return f"{label}: {naam}" if naam else label

    @property
    def indicator_waarden(self) -> list[str]:
        return [item.indicator for item in self.indicatoren.all()]

    @property
    def indicator_labels(self) -> list[str]:
        return [Indicator(value).label for value in sorted(self.indicator_waarden)]

    @property
    def indicatoren_met_uitleg(self) -> list[tuple[str, str]]:
        return met_uitleg(self.indicator_waarden)

    def zet_indicatoren(self, waarden) -> None:
        waarden = set(waarden)
        self.indicatoren.exclude(indicator__in=waarden).delete()
        bestaand = set(self.indicatoren.values_list("indicator", flat=True))
        with dataversion.bulk_write(InitiatiefIndicator, shown_with=self):
            InitiatiefIndicator.objects.bulk_create(
                InitiatiefIndicator(initiatief=self, indicator=w) for w in waarden - bestaand
            )

    def beschrijving_ontbreekt(self) -> list[str]:
        """The labels of the Bijlage 6 fields still empty, in the order of the form."""
        missing = []
        for name in self.VERPLICHT_IN_BESCHRIJVING:
            field = self._meta.get_field(name)
            assert isinstance(field, models.Field)  # a column, not a relation's other end
            if not getattr(self, field.attname):
                missing.append(str(field.verbose_name))
            if name == "globale_beschrijving" and not self.indicator_waarden:
                missing.append("indicatoren")
        return missing

    @property
    def beschrijving_compleet(self) -> bool:
        return not self.beschrijving_ontbreekt()

    @property
    def begroting_of_none(self) -> "Begroting | None":
        try:
            return self.begroting
        except Begroting.DoesNotExist:
            return None

    # --- the 11 start steps ------------------------------------------------

    def checklist(self) -> list["StapStand"]:
        gedaan = {stap.nummer: stap for stap in self.startstappen.all()}
        begroting = self.begroting_of_none
        stappen = []
        for nummer, (titel, uitleg) in STAPPEN.items():
            stap = gedaan.get(nummer)
            stand = StapStand(nummer, titel, uitleg, stap=stap)
            if nummer == 10:
                stand = StapStand.voor_goedkeuring(begroting)
            elif nummer == 11:
                stand = StapStand.voor_jaarevaluatie(self)
            stappen.append(stand)
        return stappen

    def ontbreekt_voor_actief(self) -> list[str]:
        """Exactly what stands between this initiative and the status actief."""
        missing = []
        gedaan = {stap.nummer: stap for stap in self.startstappen.all()}
        for nummer in range(1, 10):
            stap = gedaan.get(nummer)
            if stap is None:
                missing.append(f"Stap {nummer} is nog niet afgerond: {STAPPEN[nummer][0]}.")
            elif not stap.is_afgerond:
                missing.append(f"Stap {nummer} wacht nog: {stap.samenvatting}")
        if not self.komt_uit_de_wijk:
            missing.append(NIET_UIT_DE_WIJK)
        ontbreekt = self.beschrijving_ontbreekt()
        if ontbreekt:
            missing.append(
                "De beschrijving is nog niet compleet; nog leeg: " + ", ".join(ontbreekt) + "."
            )
        begroting = self.begroting_of_none
        if begroting is None or not begroting.regels.exists():
            missing.append("Er is nog geen begroting.")
        elif not begroting.is_goedgekeurd:
            missing.append(
                "De huidige begroting is niet goedgekeurd door de programmamanager "
                f"(stand: {begroting.stand_label})."
            )
        return missing

    def wijzig_status(self, status: str, *, einddatum=None, reden_einde: str = "") -> None:
        """Moves to another status or raises ValidationError listing what is missing."""
        if status not in Status.values:
            raise ValidationError("Kies een geldige status.")
        if self.status == Status.BEEINDIGD and status == Status.IDEE:
            # It ran, so it stays in the public archive; it can be restarted instead.
            raise ValidationError(
                "Een beëindigd initiatief wordt geen idee meer: het blijft in het archief. "
                "Start het zo nodig opnieuw (actief)."
            )
        if status == Status.ACTIEF:
            missing = self.ontbreekt_voor_actief()
            if missing:
                raise ValidationError(missing)
            if not self.startdatum:
                self.startdatum = max(timezone.localdate(), self._goedgekeurd_op())
            self._check_startdatum()
        if status == Status.BEEINDIGD:
            missing = []
            if not einddatum:
                missing.append("Vul de einddatum in.")
            if not reden_einde.strip():
                missing.append("Vul de reden van beëindigen in.")
            if missing:
                raise ValidationError(missing)
            validate_date_range(einddatum)
            self.einddatum, self.reden_einde = einddatum, reden_einde.strip()
        self.status = status
        self.save()

    def _goedgekeurd_op(self) -> datetime.date:
        begroting = self.begroting_of_none
        if begroting is None or begroting.goedgekeurd_op is None:
            return datetime.date.min
        return timezone.localdate(begroting.goedgekeurd_op)

    def _check_startdatum(self) -> None:
        goedgekeurd = self._goedgekeurd_op()
        if self.startdatum and self.startdatum < goedgekeurd:
            raise ValidationError(
                {
                    "startdatum": f"De startdatum ligt vóór het akkoord op de begroting "
                    f"({goedgekeurd:%d-%m-%Y}); een initiatief start pas na het akkoord."
                }
            )

    def clean(self) -> None:
        if self.status in (Status.ACTIEF, Status.BEEINDIGD):
            self._check_startdatum()
        # Not tied to a field: the admin and forms without these fields meet it too.
        if self.status == Status.ACTIEF and not self.komt_uit_de_wijk:
            raise ValidationError(NIET_UIT_DE_WIJK)

    def neem_herkomst_over(self, herkomst: "Idee | Bespreekpunt | Initiatief | None") -> None:
        """Records where a new initiative came from; the caller saves it after."""
        if isinstance(herkomst, Idee):
            self.uit_idee = herkomst
        elif isinstance(herkomst, Bespreekpunt):
            self.uit_bespreekpunt = herkomst
        elif isinstance(herkomst, Initiatief):
            self.naar_voorbeeld = herkomst
            for veld in VOORBEELD_VELDEN:
                if not getattr(self, veld):
                    setattr(self, veld, getattr(herkomst, veld))

    @property
    def herkomst(self) -> str:
        """Where it came from, for the back office."""
        if self.uit_idee_id:
            return "een idee uit de wijk"
        if self.uit_bespreekpunt_id:
            return "een bespreekpunt van de Open Koffie"
        if self.naar_voorbeeld_id:
            return "het voorbeeld van een andere wijk"
        return ""

    # --- evaluations -----------------------------------------------------

    def volgende_evaluatie(self) -> EvaluatieMoment | None:
        """The next evaluation due, for an active initiative with a start date.

        Needs `met_evaluatiestand()`, or computes the same from the database.
        """
        if self.status != Status.ACTIEF or not self.startdatum:
            return None
        open_koffie: datetime.datetime | None = None
        if (
            hasattr(self, "zes_maanden_gedaan")
            and hasattr(self, "laatste_jaarevaluatie")
            and hasattr(self, "eerste_open_koffie_begin")
        ):
            zes_gedaan, laatste_jaar = self.zes_maanden_gedaan, self.laatste_jaarevaluatie
            open_koffie, geannoteerd = self.eerste_open_koffie_begin, True
        else:
            klaar = self.evaluaties.exclude(gepubliceerd_op=None)
            zes_gedaan = klaar.filter(soort=Evaluatie.Soort.ZES_MAANDEN).exists()
            laatste_jaar = klaar.filter(soort=Evaluatie.Soort.JAARLIJKS).aggregate(m=Max("datum"))[
                "m"
            ]
            geannoteerd = False
        if not zes_gedaan:
            return EvaluatieMoment(Evaluatie.Soort.ZES_MAANDEN, add_months(self.startdatum, 6))
        jaar = clamp_year((laatste_jaar.year if laatste_jaar else self.startdatum.year) + 1)
        if not geannoteerd:
            open_koffie = (
                eerste_open_koffie(self.wijk_id, jaar).values_list("begin", flat=True).first()
            )
        return EvaluatieMoment.jaarlijks(jaar, open_koffie)


# What an example from another wijk gives a new initiative: its Bijlage 6 description,
# never its people (coördinator, wijkverbinder, contact) or its begroting.
VOORBEELD_VELDEN = (
    "thema",
    "globale_beschrijving",
    "aanpak",
    "wanneer",
    "deelnemers",
    "ruimte",
    "eten_drinken",
    "communicatie",
    "uitvoering",
    "overige_afspraken",
)


AL_EEN_INITIATIEF = "Van dit idee is al een initiatief gemaakt: “{}”."


class IdeeQuerySet(models.QuerySet):
    def te_bekijken_eerst(self) -> "IdeeQuerySet":
        """New ideas first, then those being looked into (the coördinator's to-do), then
        the rest; newest first within each."""
        volgorde = Case(
            When(status=Idee.Status.INGEDIEND, then=Value(0)),
            When(status=Idee.Status.IN_BEHANDELING, then=Value(1)),
            default=Value(2),
        )
        return self.alias(volgorde=volgorde).order_by("volgorde", "-ingediend_op", "-pk")


class Idee(models.Model):
    """An idea for an initiative from the wijk: the method's initiatives start there.

    Never public: the coördinator reviews it and may make an initiative of it. Residents
    without internet give theirs by phone, on a note, at the receptie or at the Open
    Koffie; staff enter it for them (`bron`, `ingevoerd_door`), as with a bespreekpunt."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", "Ingediend"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        INITIATIEF = "initiatief", "Initiatief geworden"

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="ideeen")
    tekst = models.TextField("het idee", max_length=1000)
    naam = models.CharField(max_length=100, blank=True)
    # Private: only the coördinator sees it, never a public page.
    contact = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.INGEDIEND)
    ingediend_op = models.DateTimeField(auto_now_add=True)
    bron = models.CharField(
        "hoe kwam het binnen", max_length=20, choices=Bron, default=Bron.WEBSITE
    )
    ingevoerd_door = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Wie het idee invoerde namens een bewoner.",
    )
    # Several ideas may lead to one initiative; the initiative keeps the one it began
    # with (`Initiatief.uit_idee`).
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideeen",
        verbose_name="initiatief geworden",
    )

    objects = IdeeQuerySet.as_manager()

    class Meta:
        verbose_name = "idee"
        verbose_name_plural = "ideeën"
        ordering = ["-ingediend_op", "-pk"]

    def __str__(self) -> str:
        return self.tekst[:60]

    def clean(self) -> None:
        errors = []
        if self.is_namens_bewoner and self.ingevoerd_door_id is None:
            errors.append("Een idee dat niet via de website kwam, voert een medewerker in.")
        if (self.status == self.Status.INITIATIEF) != (self.initiatief_id is not None):
            errors.append("Een idee is “initiatief geworden” precies als er een initiatief bij is.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_namens_bewoner(self) -> bool:
        return self.bron != Bron.WEBSITE

    # What the coördinator may set by hand; "initiatief geworden" follows from `wordt`.
    HANDMATIG = (Status.IN_BEHANDELING, Status.AFGEWEZEN, Status.INGEDIEND)

    def zet_status(self, status: str) -> None:
        if status not in self.HANDMATIG:
            raise ValidationError("Kies in behandeling nemen of afwijzen.")
        if self.initiatief_id is not None:
            raise ValidationError(AL_EEN_INITIATIEF.format(self.initiatief))
        self.status = status
        self.save(update_fields=["status"])

    def wordt(self, initiatief: Initiatief) -> None:
        """Marks the idea as having become `initiatief`."""
        if initiatief.wijk_id != self.wijk_id:
            raise ValidationError("Een idee wordt een initiatief van zijn eigen wijk.")
        self.initiatief, self.status = initiatief, self.Status.INITIATIEF
        self.save(update_fields=["initiatief", "status"])


def start_initiatief(
    initiatief: Initiatief, herkomst: Idee | Bespreekpunt | Initiatief | None = None
) -> Initiatief:
    """Saves a new initiative with its (empty) begroting and where it came from: an idea
    becomes "initiatief geworden", an example gives its description and indicatoren."""
    if isinstance(herkomst, Idee):
        # Two saves at once (a double submit, two coördinatoren) make one initiative.
        herkomst = Idee.objects.select_for_update().get(pk=herkomst.pk)
        if herkomst.initiatief_id is not None:
            raise ValidationError(AL_EEN_INITIATIEF.format(herkomst.initiatief))
    initiatief.neem_herkomst_over(herkomst)
    initiatief.save()
    Begroting.objects.create(initiatief=initiatief)
    if isinstance(herkomst, Initiatief):
        initiatief.zet_indicatoren(herkomst.indicator_waarden)
    if isinstance(herkomst, Idee):
        herkomst.wordt(initiatief)
    return initiatief


class InitiatiefIndicator(models.Model):
    """One of the four indicatoren an initiative targets; a table so lists filter on it."""

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="indicatoren")
    indicator = models.CharField(max_length=30, choices=Indicator)

    class Meta:
        verbose_name = "indicator van een initiatief"
        verbose_name_plural = "indicatoren van initiatieven"
        constraints = [
            models.UniqueConstraint(
                fields=["initiatief", "indicator"], name="indicator_eenmaal_per_initiatief"
            )
        ]

    def __str__(self) -> str:
        return self.get_indicator_display()


# The 11 start steps of the method: number -> (title, what to record).
STAPPEN = {
    1: ("Kiezen waar het initiatief aan werkt", "Kies de indicatoren."),
    2: (
        "Bepalen wie er mee gaat doen",
        "Wie doen er mee? Er moet minstens één buurtbewoner meedoen.",
    ),
    3: (
        "Checken of de activiteit er nog niet is in de wijk",
        "Kijk naar wat er al is in de wijk en leg uit waarom dit nieuw is.",
    ),
    4: (
        "Bepalen hoe we terugkijken en hoe het initiatief blijft bestaan",
        "Hoe evalueren we, en hoe blijft het bestaan?",
    ),
    5: ("Bepalen of het initiatief past bij het wijkplan", "Welk doel van het wijkplan dient het?"),
    6: ("Een begroting maken", "De begroting heeft minstens één regel."),
    7: (
        "Alles opschrijven in de beschrijving van het initiatief",
        "De beschrijving (Bijlage 6) is compleet.",
    ),
    8: (
        "Bespreken in het overleg van wijkverbinders en coördinator",
        "Het overleg waar het besproken is, en de wijkverbinder die de coördinatie op zich "
        "neemt. Een gepland overleg telt als het geweest is.",
    ),
    9: (
        "Bespreken op de eerstvolgende Open Koffie",
        "De Open Koffie waar het op de agenda staat. Een geplande Open Koffie telt als ze "
        "geweest is.",
    ),
    10: (
        "Akkoord van de programmamanager op de begroting",
        "De programmamanager keurt de huidige begroting goed.",
    ),
    11: (
        "Jaarlijks evalueren op de eerste Open Koffie van het jaar",
        "De jaarlijkse evaluatie (Bijlage 7).",
    ),
}
HANDMATIGE_STAPPEN = range(1, 10)


class Startstap(models.Model):
    """A completed start step: who, when and the answer. An open step has no row."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="startstappen"
    )
    nummer = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    antwoord = models.TextField(blank=True)
    voltooid_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voltooid_op = models.DateTimeField(default=timezone.now, validators=[validate_date_range])
    bewoner_doet_mee = models.BooleanField("minstens één buurtbewoner doet mee", default=False)
    # Step 8: the overleg where it was discussed. Deleting the overleg reopens the step.
    overleg = models.ForeignKey(
        WijkverbinderOverleg,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="startstappen",
        verbose_name="overleg",
    )
    overleg_wijkverbinder = models.ForeignKey(
        Wijkverbinder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangestelde wijkverbinder",
    )
    # Step 9: the Open Koffie whose agenda carries the initiative; likewise.
    open_koffie = models.ForeignKey(
        OpenKoffie,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="startstappen",
        verbose_name="Open Koffie",
    )

    class Meta:
        verbose_name = "startstap"
        verbose_name_plural = "startstappen"
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(fields=["initiatief", "nummer"], name="stap_eenmaal")
        ]

    def __str__(self) -> str:
        return f"Stap {self.nummer}: {STAPPEN[self.nummer][0]}"

    def clean(self) -> None:
        wijk_id = self.initiatief.wijk_id if self.initiatief_id else None
        overleg, open_koffie = self.overleg, self.open_koffie
        if overleg is not None and overleg.wijk_id != wijk_id:
            raise ValidationError({"overleg": "Kies een overleg van deze wijk."})
        if open_koffie is not None:
            if wijk_id not in (open_koffie.wijk_id, open_koffie.tweede_wijk_id):
                raise ValidationError({"open_koffie": "Kies een Open Koffie van deze wijk."})
            if open_koffie.is_geannuleerd:
                raise ValidationError({"open_koffie": "Deze Open Koffie gaat niet door."})

    @property
    def is_afgerond(self) -> bool:
        """Steps 8 and 9 point at a meeting: planned, the step waits until it was held."""
        if self.nummer == 8:
            return self.overleg is not None and self.overleg.is_gehouden
        if self.nummer == 9:
            return self.open_koffie is not None and self.open_koffie.is_geweest
        return True

    @property
    def samenvatting(self) -> str:
        if self.nummer == 8 and self.overleg:
            wie = self.overleg_wijkverbinder
            wanneer = "" if self.overleg.is_gehouden else " (gepland)"
            return f"Overleg van {self.overleg.datum:%d-%m-%Y}{wanneer}, wijkverbinder {wie}."
        if self.nummer == 9 and self.open_koffie:
            ok = self.open_koffie
            wanneer = "" if ok.is_geweest else " (gepland)"
            onderwerp = f": {ok.onderwerp}" if ok.onderwerp else ""
            datum = timezone.localtime(ok.begin)
            return f"Open Koffie van {datum:%d-%m-%Y}{wanneer}{onderwerp}."
        return self.antwoord


@dataclass
class StapStand:
    """How one step stands, whether recorded by hand (1–9) or derived (10, 11)."""

    nummer: int
    titel: str
    uitleg: str
    stap: Startstap | None = None
    afgerond_derived: bool = False
    door: object = None
    op: object = None
    antwoord: str = ""
    form: object = None

    @property
    def afgerond(self) -> bool:
        return (self.stap is not None and self.stap.is_afgerond) or self.afgerond_derived

    @property
    def wacht(self) -> bool:
        """Recorded, but the meeting it points at has yet to take place (steps 8, 9)."""
        return self.stap is not None and not self.stap.is_afgerond

    @property
    def handmatig(self) -> bool:
        return self.nummer in HANDMATIGE_STAPPEN

    def __post_init__(self):
        if self.stap is not None:
            self.door, self.op, self.antwoord = (
                self.stap.voltooid_door,
                self.stap.voltooid_op,
                self.stap.samenvatting,
            )

    @classmethod
    def voor_goedkeuring(cls, begroting: "Begroting | None") -> "StapStand":
        titel, uitleg = STAPPEN[10]
        if begroting is None:
            return cls(10, titel, uitleg, antwoord="Nog geen begroting.")
        if begroting.is_goedgekeurd:
            return cls(
                10,
                titel,
                uitleg,
                afgerond_derived=True,
                door=begroting.goedgekeurd_door,
                op=begroting.goedgekeurd_op,
                antwoord=f"Akkoord op versie {begroting.versie}.",
            )
        laatst = begroting.laatst_goedgekeurd()
        if laatst is not None and begroting.initiatief.status in (Status.ACTIEF, Status.BEEINDIGD):
            # It started on the approved version; a later change does not undo the step.
            return cls(
                10,
                titel,
                uitleg,
                afgerond_derived=True,
                door=laatst.door,
                op=laatst.op,
                antwoord=f"Akkoord op versie {laatst.versie}. De gewijzigde versie "
                f"{begroting.versie} is nu: {begroting.stand_label}.",
            )
        return cls(10, titel, uitleg, antwoord=f"Begroting: {begroting.stand_label}.")

    @classmethod
    def voor_jaarevaluatie(cls, initiatief: Initiatief) -> "StapStand":
        titel, uitleg = STAPPEN[11]
        jaarlijks = [
            e
            for e in initiatief.evaluaties.all()
            if e.soort == Evaluatie.Soort.JAARLIJKS and e.gepubliceerd_op
        ]
        if not jaarlijks:
            return cls(11, titel, uitleg, antwoord="Nog geen jaarlijkse evaluatie.")
        laatste = max(jaarlijks, key=lambda e: e.datum)
        return cls(
            11,
            titel,
            uitleg,
            afgerond_derived=True,
            door=laatste.ingevuld_door,
            op=laatste.datum,
            antwoord=f"Geëvalueerd op {laatste.datum:%d-%m-%Y}.",
        )


# --- Begroting --------------------------------------------------------------


class Categorie(models.TextChoices):
    RUIMTE = "ruimte", "Ruimte (incl. GWL/schoonmaak)"
    MEDEWERKERS = "medewerkers", "Betaalde medewerkers"
    ETEN_DRINKEN = "eten_drinken", "Eten/drinken"
    COMMUNICATIE = "communicatie", "Communicatie/gadgets"
    VRIJWILLIGERS = "vrijwilligers", "Inzet vrijwilligers"
    OVERIG = "overig", "Overig"


class RegelTotalen:
    """The totals Bijlage 6 shows, over `regellijst()`: the live lines or an approved copy."""

    def regellijst(self) -> "list[Begrotingsregel]":
        raise NotImplementedError

    def totaal(self) -> Decimal:
        return sum((regel.bedrag for regel in self.regellijst()), Decimal(0))

    def totaal_per_betaler(self) -> list[tuple[str, Decimal]]:
        totals: dict[str, Decimal] = {}
        for regel in self.regellijst():
            key = regel.betaler.strip() or "Nog niet bekend"
            totals[key] = totals.get(key, Decimal(0)) + regel.bedrag
        return sorted(totals.items())

    def totaal_per_categorie(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for regel in self.regellijst():
            totals[regel.categorie] = totals.get(regel.categorie, Decimal(0)) + regel.bedrag
        return totals


@dataclass(frozen=True)
class GoedgekeurdeBegroting(RegelTotalen):
    """The last approved version of a begroting: what the public page, the PDF and the
    API show, also while a change waits for approval."""

    begroting: "Begroting"
    regels: tuple["Begrotingsregel", ...]

    @property
    def versie(self) -> int | None:
        return self.begroting.goedgekeurde_versie

    @property
    def op(self) -> datetime.datetime | None:
        return self.begroting.goedgekeurd_op

    @property
    def door(self) -> User | None:
        return self.begroting.goedgekeurd_door

    def regellijst(self) -> "list[Begrotingsregel]":
        return list(self.regels)


class BegrotingQuerySet(models.QuerySet):
    def ter_goedkeuring(self) -> "BegrotingQuerySet":
        return self.filter(status=Begroting.Stand.INGEDIEND)

    def met_totaal(self) -> "BegrotingQuerySet":
        return self.annotate(totaal_bedrag=Sum("regels__bedrag"))


class GoedkeuringGeweigerd(Exception):
    """A programmamanager's decision that may not be taken; the message is Dutch."""


WIJZIGEN_NA_GOEDKEURING = (
    "Deze begroting is goedgekeurd. Als u haar wijzigt, moet de programmamanager haar "
    "opnieuw goedkeuren. Toch wijzigen?"
)
WACHT_OP_GOEDKEURING = "Begroting gewijzigd, wacht op goedkeuring"


class WijzigingNietBevestigd(ValidationError):
    """A change to an approved begroting that was not confirmed: nothing is saved."""


class Begroting(RegelTotalen, models.Model):
    """The budget of an initiative. Every change raises `versie`; an approval holds one,
    and keeps a copy of its lines so the public sees them while a change waits."""

    class Stand(models.TextChoices):
        CONCEPT = "concept", "Concept"
        INGEDIEND = "ingediend", "Ter goedkeuring"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    initiatief = models.OneToOneField(
        Initiatief, on_delete=models.CASCADE, related_name="begroting"
    )
    status = models.CharField(max_length=20, choices=Stand, default=Stand.CONCEPT)
    versie = models.PositiveIntegerField(default=1)
    ingediend_op = models.DateTimeField(
        "datum ingediend", null=True, blank=True, validators=[validate_date_range]
    )
    ingediend_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    goedgekeurde_versie = models.PositiveIntegerField(null=True, blank=True)
    goedgekeurd_op = models.DateTimeField(
        "datum akkoord", null=True, blank=True, validators=[validate_date_range]
    )
    goedgekeurd_door = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="programmamanager akkoord",
    )
    # The lines of `goedgekeurde_versie` as approved; the only place they survive a change.
    goedgekeurde_regels = models.JSONField(
        null=True, blank=True, editable=False, encoder=DjangoJSONEncoder
    )
    overige_financieel_akkoord = models.BooleanField(
        "overige betrokkenen financieel akkoord", default=False
    )
    overige_financieel_akkoord_datum = models.DateField(
        "datum akkoord overige", null=True, blank=True, validators=[validate_date_range]
    )

    objects = BegrotingQuerySet.as_manager()

    class Meta:
        verbose_name = "begroting"
        verbose_name_plural = "begrotingen"

    def __str__(self) -> str:
        return f"Begroting {self.initiatief}"

    def get_besluit_url(self) -> str:
        """The programme's review page, where it is approved or rejected."""
        wijk = self.initiatief.wijk
        return reverse(
            "beheer:begroting_besluit", args=[wijk.regio.slug, wijk.slug, self.initiatief.slug]
        )

    @property
    def is_goedgekeurd(self) -> bool:
        return self.status == self.Stand.GOEDGEKEURD and self.goedgekeurde_versie == self.versie

    @property
    def stand_label(self) -> str:
        return self.get_status_display().lower()

    @property
    def kan_ingediend_worden(self) -> bool:
        return self.status in (self.Stand.CONCEPT, self.Stand.AFGEWEZEN)

    @property
    def wacht_op_hergoedkeuring(self) -> bool:
        """Approved once, changed since, and back with the programmamanager."""
        return self.status == self.Stand.INGEDIEND and self.goedgekeurde_versie is not None

    @property
    def signaal(self) -> str:
        """The mark the back office and the programmamanager see while a change waits."""
        return WACHT_OP_GOEDKEURING if self.wacht_op_hergoedkeuring else ""

    def regellijst(self) -> "list[Begrotingsregel]":
        return list(self.regels.all())

    def laatst_goedgekeurd(self) -> GoedgekeurdeBegroting | None:
        """The last approved version, or None when no version was ever approved.

        While the current version is the approved one its lines are the approved lines
        (and cost no extra query where they are prefetched); after a change the copy
        taken at approval holds them."""
        if self.goedgekeurde_versie is None:
            return None
        if self.is_goedgekeurd:
            regels = tuple(self.regels.all())
        elif self.goedgekeurde_regels is not None:
            regels = tuple(
                Begrotingsregel(**{**regel, "bedrag": Decimal(regel["bedrag"])})
                for regel in self.goedgekeurde_regels
            )
        else:
            return None
        return GoedgekeurdeBegroting(self, regels)

    def controleer_wijziging(self, bevestigd: bool) -> None:
        """Refuses the first change of an approved begroting unless it was confirmed:
        it withdraws the approval, so whoever changes it must know."""
        if self.is_goedgekeurd and not bevestigd:
            raise WijzigingNietBevestigd(WIJZIGEN_NA_GOEDKEURING)

    def sla_regel_op(self, regel: "Begrotingsregel", door: User, *, bevestigd=False) -> bool:
        """Adds or changes one line; True when that withdrew an approval."""
        regel.begroting = self
        regel.save(bevestigd=bevestigd)
        return self.na_wijziging(door)

    def verwijder_regel(self, regel: "Begrotingsregel", door: User, *, bevestigd=False) -> bool:
        """Removes one line; True when that withdrew an approval."""
        regel.begroting = self
        regel.delete(bevestigd=bevestigd)
        return self.na_wijziging(door)

    def _log(self, soort: str, door: User | None, reden: str = "") -> "Begrotingsbesluit":
        return self.besluiten.create(
            soort=soort, door=door, versie=self.versie, totaal=self.totaal(), reden=reden
        )

    def na_wijziging(self, door: User) -> bool:
        """Every change to the lines comes here: a new version, and a pending approval.

        Returns True when an approval was withdrawn, so the caller can tell the
        programmamanager.
        """
        with dataversion.bulk_write(Begroting, shown_with=self):
            Begroting.objects.filter(pk=self.pk).update(versie=F("versie") + 1)
        self.refresh_from_db()
        if self.status not in (self.Stand.INGEDIEND, self.Stand.GOEDGEKEURD):
            return False
        was_goedgekeurd = self.status == self.Stand.GOEDGEKEURD
        # Whoever changed a submitted begroting is now its submitter: they may not approve it.
        self.status, self.ingediend_door, self.ingediend_op = (
            self.Stand.INGEDIEND,
            door,
            timezone.now(),
        )
        self.save(update_fields=["status", "ingediend_door", "ingediend_op"])
        self._log(Begrotingsbesluit.Soort.GEWIJZIGD, door)
        return was_goedgekeurd

    def indienen(self, door: User) -> None:
        if not self.kan_ingediend_worden:
            raise ValidationError(f"Deze begroting is al {self.stand_label}.")
        if not self.regels.exists():
            raise ValidationError("Een begroting zonder regels kan niet worden ingediend.")
        self.status, self.ingediend_door, self.ingediend_op = (
            self.Stand.INGEDIEND,
            door,
            timezone.now(),
        )
        self.save()
        self._log(Begrotingsbesluit.Soort.INGEDIEND, door)

    def bewerkers(self) -> set[int]:
        """The ids of whoever submitted, or changed the lines at any point since the last
        decision: what is now up for a decision is (partly) theirs."""
        log = self.besluiten.all()
        laatste = log.filter(soort__in=Begrotingsbesluit.BESLUITEN).order_by("-pk").first()
        if laatste is not None:
            log = log.filter(pk__gt=laatste.pk)
        ids = set(
            log.filter(soort__in=Begrotingsbesluit.BEWERKINGEN, door__isnull=False).values_list(
                "door_id", flat=True
            )
        )
        if self.ingediend_door_id is not None:
            ids.add(self.ingediend_door_id)
        return ids

    def heeft_bewerkt(self, door: User) -> bool:
        """Whether `door` submitted or changed what is now up for a decision.

        Four eyes are about people: whoever submitted, or changed the lines at any point
        since the last decision, is not the second pair of eyes for this version.
        """
        return door.pk in self.bewerkers()

    def vastgelopen(self) -> bool:
        """Whether every active programmamanager (at least one) edited this version, so
        none of them may decide on it."""
        managers = set(
            User.objects.filter(is_active=True, groups__name=roles.PROGRAMMAMANAGER).values_list(
                "pk", flat=True
            )
        )
        return bool(managers) and managers <= self.bewerkers()

    def mag_niet_beslissen(self, door: User) -> str:
        """Why `door` may not decide on this version ("" when they may).

        The four-eyes rule could deadlock: with one programmamanager, a begroting she
        edited herself (she changed a line while it waited, or submitted it for a wijk)
        would wait for ever. So when every active programmamanager edited it, the
        projectleider, who supports her (or a superuser), decides in her place. They stay
        a second pair of eyes: someone who edited it never decides, whatever their role.
        Without any programmamanager nobody decides: the programme first appoints one.
        """
        plaatsvervanger = door.is_superuser or door.has_role(roles.PROJECTLEIDER)
        if not (door.is_programmamanager or plaatsvervanger):
            return "Alleen een programmamanager beslist over een begroting."
        if self.heeft_bewerkt(door):
            if door.is_programmamanager and self.vastgelopen():
                return (
                    f"U heeft de begroting van “{self.initiatief}” zelf ingediend of "
                    "gewijzigd, en er is geen andere programmamanager; de projectleider "
                    "beslist nu in uw plaats."
                )
            return (
                f"U heeft de begroting van “{self.initiatief}” zelf ingediend of gewijzigd; "
                "een andere programmamanager moet erover beslissen."
            )
        if door.is_programmamanager or self.vastgelopen():
            return ""
        return (
            "Alleen een programmamanager beslist over deze begroting. De projectleider "
            "beslist alleen als iedere programmamanager haar zelf heeft ingediend of "
            "gewijzigd."
        )

    def _check_beslisser(self, door: User, versie: int) -> None:
        reden = self.mag_niet_beslissen(door)
        if reden:
            raise GoedkeuringGeweigerd(reden)
        if self.status != self.Stand.INGEDIEND:
            raise GoedkeuringGeweigerd(
                f"De begroting van “{self.initiatief}” staat niet ter goedkeuring "
                f"(stand: {self.stand_label})."
            )
        if versie != self.versie:
            raise GoedkeuringGeweigerd(
                f"De begroting van “{self.initiatief}” is gewijzigd sinds u haar bekeek; "
                "bekijk haar opnieuw."
            )

    def keur_goed(self, door: User, versie: int) -> "Begrotingsbesluit":
        """Approves exactly version `versie`, the one the programmamanager saw."""
        self._check_beslisser(door, versie)
        self.status, self.goedgekeurde_versie = self.Stand.GOEDGEKEURD, self.versie
        self.goedgekeurd_door, self.goedgekeurd_op = door, timezone.now()
        self.goedgekeurde_regels = [regel.als_dict() for regel in self.regels.all()]
        self.save()
        return self._log(Begrotingsbesluit.Soort.GOEDGEKEURD, door)

    def wijs_af(self, door: User, versie: int, reden: str) -> "Begrotingsbesluit":
        self._check_beslisser(door, versie)
        if not reden.strip():
            raise GoedkeuringGeweigerd("Geef een reden waarom de begroting is afgewezen.")
        self.status = self.Stand.AFGEWEZEN
        self.save(update_fields=["status"])
        return self._log(Begrotingsbesluit.Soort.AFGEWEZEN, door, reden.strip())


class BegrotingTerGoedkeuring(Begroting):
    """The programmamanager's queue in the admin."""

    class Meta:
        proxy = True
        verbose_name = "begroting ter goedkeuring"
        verbose_name_plural = "begrotingen ter goedkeuring"


class Begrotingsregel(models.Model):
    begroting = models.ForeignKey(Begroting, on_delete=models.CASCADE, related_name="regels")
    categorie = models.CharField(max_length=20, choices=Categorie)
    omschrijving = models.CharField("wat/welke/wie", max_length=200)
    bedrag = models.DecimalField(
        "hoeveel kost het (€)",
        max_digits=8,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal(0), "Een bedrag kan niet negatief zijn."),
            MaxValueValidator(MAX_BEDRAG, "Een regel is hoogstens € 100.000."),
        ],
    )
    betaler = models.CharField("wie gaat betalen/uitvoeren", max_length=150, blank=True)
    looptijd = models.CharField("voor hoe lang afgesproken", max_length=100, blank=True)

    class Meta:
        verbose_name = "begrotingsregel"
        verbose_name_plural = "begrotingsregels"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gte=0) & Q(bedrag__lte=MAX_BEDRAG),
                name="bedrag_tussen_0_en_100000",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()}: {self.omschrijving}"

    # Every path that writes a line (views, admin, shell) meets the confirmation rule.
    def save(self, *args, bevestigd: bool = False, **kwargs) -> None:
        self.begroting.controleer_wijziging(bevestigd)
        super().save(*args, **kwargs)

    def delete(self, *args, bevestigd: bool = False, **kwargs):
        self.begroting.controleer_wijziging(bevestigd)
        return super().delete(*args, **kwargs)

    KOPIE_VELDEN = ("categorie", "omschrijving", "bedrag", "betaler", "looptijd")

    def als_dict(self) -> dict:
        """The line as the approval keeps it (see `Begroting.goedgekeurde_regels`)."""
        return {veld: getattr(self, veld) for veld in self.KOPIE_VELDEN}


class Begrotingsbesluit(models.Model):
    """The history of a begroting: submitted, changed, approved, rejected."""

    class Soort(models.TextChoices):
        INGEDIEND = "ingediend", "Ingediend"
        GEWIJZIGD = "gewijzigd", "Gewijzigd, opnieuw ter goedkeuring"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    BEWERKINGEN = (Soort.INGEDIEND, Soort.GEWIJZIGD)
    BESLUITEN = (Soort.GOEDGEKEURD, Soort.AFGEWEZEN)

    begroting = models.ForeignKey(Begroting, on_delete=models.CASCADE, related_name="besluiten")
    soort = models.CharField(max_length=20, choices=Soort)
    door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(default=timezone.now, validators=[validate_date_range])
    versie = models.PositiveIntegerField()
    totaal = models.DecimalField(max_digits=10, decimal_places=2)
    reden = models.TextField(blank=True)

    class Meta:
        verbose_name = "besluit over een begroting"
        verbose_name_plural = "besluiten over begrotingen"
        ordering = ["-op", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} (versie {self.versie})"


# --- Evaluatie (Bijlage 7) ----------------------------------------------------


class EvaluatieQuerySet(models.QuerySet):
    def gepubliceerd_in(self, jaar: int) -> "EvaluatieQuerySet":
        """Published evaluations dated in `jaar`: a draft is no evaluation yet."""
        return self.filter(gepubliceerd_op__isnull=False, datum__year=jaar)


class Evaluatie(models.Model):
    class Soort(models.TextChoices):
        ZES_MAANDEN = "zes_maanden", "Evaluatie na 6 maanden"
        JAARLIJKS = "jaarlijks", "Jaarlijkse evaluatie"

    initiatief = models.ForeignKey(Initiatief, on_delete=models.CASCADE, related_name="evaluaties")
    soort = models.CharField(max_length=20, choices=Soort)
    ingevuld_door = models.CharField(max_length=150)
    datum = models.DateField(validators=[validate_date_range])
    startdatum_initiatief = models.DateField(
        null=True, blank=True, validators=[validate_date_range]
    )
    betrokken_wijkverbinder = models.CharField(max_length=150, blank=True)
    betrokken_coordinator = models.CharField("betrokken coördinator", max_length=150, blank=True)
    overige_betrokkenen = models.TextField(blank=True)
    beinvloeding_indicator = models.TextField("beïnvloeding van indicator", blank=True)
    contactpersoon = models.CharField("contactpersoon bij vragen", max_length=200, blank=True)
    opstart = models.TextField(
        blank=True,
        help_text="Wie kwam met het idee? Hoe zijn anderen betrokken? Hoe verliep de "
        "communicatie? Waren er knelpunten voor de start? Wat viel mee?",
    )
    voortgang = models.TextField(
        blank=True,
        help_text="Heeft het initiatief plaatsgevonden volgens de planning en begroting van "
        "de beschrijving?",
    )
    effect_beleving = models.TextField(
        "1. beleeft de wijk dat het initiatief de indicator verbetert?", blank=True
    )
    effect_gemeten = models.TextField("2. is het effect op een andere manier gemeten?", blank=True)
    voortzetten = models.TextField("3. wil de wijk het voortzetten, en waarom?", blank=True)
    reden_beeindigen = models.TextField("4. als het stopt: waarom?", blank=True)
    gepubliceerd_op = models.DateTimeField(null=True, blank=True, validators=[validate_date_range])
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = EvaluatieQuerySet.as_manager()

    class Meta:
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.initiatief} ({self.datum:%d-%m-%Y})"

    # Bijlage 7: what a published evaluation must answer; question 4 only when it ends.
    VERPLICHT_VOOR_PUBLICEREN = ["opstart", "voortgang", "effect_beleving", "voortzetten"]

    def ontbreekt_voor_publiceren(self) -> dict[str, str]:
        verplicht = list(self.VERPLICHT_VOOR_PUBLICEREN)
        if self.initiatief_id and self.initiatief.status == Status.BEEINDIGD:
            verplicht.append("reden_beeindigen")
        return {
            veld: f"Vul dit in voordat u de evaluatie publiceert "
            f"({self._meta.get_field(veld).verbose_name})."  # type: ignore[union-attr]
            for veld in verplicht
            if not getattr(self, veld).strip()
        }

    def clean(self) -> None:
        # An empty evaluation published would count as the six-month evaluation.
        if self.gepubliceerd_op is not None:
            ontbreekt = self.ontbreekt_voor_publiceren()
            if ontbreekt:
                raise ValidationError(ontbreekt)

    @classmethod
    def start_uit_beschrijving(cls, initiatief: Initiatief, soort: str, door: User) -> "Evaluatie":
        """A new evaluation pre-filled from the description and the approved begroting."""
        evaluatie = cls.objects.create(
            initiatief=initiatief,
            soort=soort,
            ingevuld_door=str(door),
            datum=timezone.localdate(),
            startdatum_initiatief=initiatief.startdatum,
            betrokken_wijkverbinder=str(initiatief.wijkverbinder or ""),
            betrokken_coordinator=str(initiatief.coordinator or ""),
            overige_betrokkenen=initiatief.overige_betrokkenen,
            beinvloeding_indicator=", ".join(initiatief.indicator_labels),
            contactpersoon=initiatief.contactpersoon,
        )
        begroting = initiatief.begroting_of_none
        begroot = begroting.totaal_per_categorie() if begroting else {}
        with dataversion.bulk_write(Besteding, shown_with=evaluatie):
            Besteding.objects.bulk_create(
                Besteding(evaluatie=evaluatie, categorie=categorie, begroot=bedrag)
                for categorie, bedrag in begroot.items()
            )
        return evaluatie


class Besteding(models.Model):
    """Budgeted against actually spent, per category, in an evaluation."""

    evaluatie = models.ForeignKey(Evaluatie, on_delete=models.CASCADE, related_name="bestedingen")
    categorie = models.CharField(max_length=20, choices=Categorie)
    begroot = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    besteed = models.DecimalField(
        "werkelijk besteed (€)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), "Een bedrag kan niet negatief zijn.")],
    )

    class Meta:
        verbose_name = "besteding"
        verbose_name_plural = "bestedingen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_categorie_display()

    @property
    def goedgekeurd_begroot(self) -> Decimal | None:
        """What the approved begroting holds for this category: the only budget amount
        that may be public. `begroot` is copied from the begroting as it stood when the
        evaluation began, approved or not. None while no version was ever approved."""
        begroting = self.evaluatie.initiatief.begroting_of_none
        goedgekeurd = begroting.laatst_goedgekeurd() if begroting else None
        if goedgekeurd is None:
            return None
        return goedgekeurd.totaal_per_categorie().get(self.categorie, Decimal(0))
