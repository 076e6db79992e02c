"""The Open Koffie (Bijlage 4), its bespreekpunten, and the monthly wijkverbinder-overleg."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from communitycare.lib import dataversion
from communitycare.lib.dates import start_of_local_year, validate_date_range
from wijken.base import doelen
from wijken.base.models import Bron, Huis, User, Wervingskanaal, Wijk, Wijkverbinder

DUUR = datetime.timedelta(hours=2)
# The method: Open Koffies planned at least a year ahead.
VOORUIT = datetime.timedelta(days=365)
# The method: coördinator and wijkverbinders meet monthly; six weeks without is a signal.
OVERLEG_SIGNAAL = datetime.timedelta(weeks=6)


class OpenKoffieQuerySet(models.QuerySet):
    def voor_wijk(self, wijk: Wijk) -> "OpenKoffieQuerySet":
        return self.filter(Q(wijk=wijk) | Q(tweede_wijk=wijk))

    def op_dag(self, wijken: list[Wijk], dag: datetime.date) -> "OpenKoffieQuerySet":
        """The Open Koffies that are not cancelled on `dag` (local) of any of `wijken`."""
        begin = timezone.make_aware(datetime.datetime.combine(dag, datetime.time()))
        return self.filter(
            Q(wijk__in=wijken) | Q(tweede_wijk__in=wijken),
            begin__gte=begin,
            begin__lt=begin + datetime.timedelta(days=1),
        ).gaat_door()

    def gaat_door(self) -> "OpenKoffieQuerySet":
        """Planned or held: every Open Koffie that is not cancelled."""
        return self.exclude(status=OpenKoffie.Status.GEANNULEERD)

    def komend(self) -> "OpenKoffieQuerySet":
        # The bound on `begin` (no meeting lasts a day) lets the index on it skip the past.
        now = timezone.now()
        return self.filter(begin__gt=now - datetime.timedelta(days=1), einde__gte=now).order_by(
            "begin"
        )

    def geweest(self) -> "OpenKoffieQuerySet":
        return self.filter(einde__lt=timezone.now()).order_by("-begin")

    def gepland(self) -> "OpenKoffieQuerySet":
        return self.filter(status=OpenKoffie.Status.GEPLAND)

    def voldoet_aan_opkomst(self) -> "OpenKoffieQuerySet":
        """Held with everyone the method asks for: the SQL twin of
        `OpenKoffie.voldoet_aan_opkomst` (nothing in `ontbreekt_voor_opkomst`)."""
        return self.filter(
            aantal_buurtbewoners__gte=doelen.BUURTBEWONERS_PER_OPEN_KOFFIE,
            coordinator_aanwezig=True,
            wijkverbinders_aanwezig=True,
            management_aanwezig=True,
        )

    def komend_jaar(self) -> "OpenKoffieQuerySet":
        now = timezone.now()
        return self.gepland().filter(begin__gte=now, begin__lt=now + VOORUIT)

    def voor_planning(self) -> "OpenKoffieQuerySet":
        """From the start of this year until twelve months ahead: the wijkplan's chapter 4."""
        begin_jaar = timezone.localdate().replace(month=1, day=1)
        return self.filter(
            begin__date__gte=begin_jaar, begin__lt=timezone.now() + VOORUIT
        ).order_by("begin")

    def met_plaats(self) -> "OpenKoffieQuerySet":
        return self.select_related("wijk__regio", "tweede_wijk__regio", "huis")

    def met_agenda(self) -> "OpenKoffieQuerySet":
        """Everything a public agenda shows, in a fixed number of queries."""
        return self.met_plaats().prefetch_related(
            "agendaonderdelen",
            "vervolgafspraken",
            Prefetch(
                "bespreekpunten",
                queryset=Bespreekpunt.objects.geaccepteerd(),
                to_attr="geaccepteerde_bespreekpunten",
            ),
        )


class OpenKoffie(models.Model):
    """One Open Koffie: for one wijk, or two nearby wijken combined."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", "Gepland"
        GEHOUDEN = "gehouden", "Gehouden"
        GEANNULEERD = "geannuleerd", "Geannuleerd"

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="open_koffies")
    tweede_wijk = models.ForeignKey(
        Wijk,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="gecombineerde_open_koffies",
        verbose_name="samen met wijk",
        help_text="Alleen voor een gecombineerde Open Koffie van twee wijken die dicht bij "
        "elkaar liggen.",
    )
    onderwerp = models.CharField(
        max_length=150,
        blank=True,
        help_text="Een thema of naam, bijvoorbeeld 'Nieuwjaarskoffie'. Mag leeg.",
    )
    begin = models.DateTimeField(validators=[validate_date_range])
    einde = models.DateTimeField(validators=[validate_date_range])
    huis = models.ForeignKey(
        Huis,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="open_koffies",
        verbose_name="in huis",
    )
    adres = models.CharField(
        "of op een ander adres",
        max_length=250,
        blank=True,
        help_text="Naam en adres, als de Open Koffie niet in een huis is.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.GEPLAND)
    reden_annulering = models.TextField("reden van annuleren", blank=True)
    verslag = models.TextField(blank=True)
    aantal_buurtbewoners = models.PositiveSmallIntegerField(
        "aantal buurtbewoners aanwezig",
        null=True,
        blank=True,
        validators=[MaxValueValidator(2000)],
    )
    coordinator_aanwezig = models.BooleanField("coördinator was er", default=False)
    wijkverbinders_aanwezig = models.BooleanField("wijkverbinders waren er", default=False)
    management_aanwezig = models.BooleanField("management van het huis was er", default=False)
    aantal_professionals = models.PositiveSmallIntegerField(
        "aantal professionals aanwezig",
        null=True,
        blank=True,
        validators=[MaxValueValidator(200)],
        help_text="Medewerkers van het huis, de gemeente, de huisarts, het welzijnswerk...",
    )
    # The method puts these three on every agenda; the verslag records that they were.
    wijkbeeld_besproken = models.BooleanField("het wijkbeeld is besproken", default=False)
    wijkdata_besproken = models.BooleanField("de wijkdata zijn besproken", default=False)
    wijkplan_besproken = models.BooleanField("het wijkplan is besproken", default=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # The feeds' SEQUENCE: a calendar app takes an update only when it is higher.
    volgnummer = models.PositiveIntegerField(default=0, editable=False)

    objects = OpenKoffieQuerySet.as_manager()

    # What a calendar shows of the meeting: time, place, status and title.
    IN_AGENDA = (
        "wijk",
        "tweede_wijk",
        "onderwerp",
        "begin",
        "einde",
        "huis",
        "adres",
        "status",
        "reden_annulering",
    )

    class Meta:
        verbose_name = "Open Koffie"
        verbose_name_plural = "Open Koffies"
        ordering = ["begin"]
        # The coming Open Koffies of all wijken (home page, agenda) without a scan.
        indexes = [models.Index(fields=["begin"], name="open_koffie_begin")]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__gt=models.F("begin")), name="open_koffie_einde_na_begin"
            ),
            models.CheckConstraint(
                condition=~Q(tweede_wijk=models.F("wijk")), name="open_koffie_twee_andere_wijken"
            ),
        ]

    def __str__(self) -> str:
        datum = timezone.localtime(self.begin).strftime("%d-%m-%Y")
        return f"Open Koffie {self.wijknamen} {datum}"

    def save(self, *args, **kwargs):
        if self.begin and not self.einde:
            self.einde = self.begin + DUUR
        nieuw = self._state.adding
        if not nieuw:
            self._volgnummer_bij_wijziging(kwargs)
        super().save(*args, **kwargs)
        if nieuw:
            AgendaOnderdeel.maak_standaard(self)

    def get_absolute_url(self) -> str:
        return reverse(
            "openkoffie:bijeenkomst", args=[self.wijk.regio.slug, self.wijk.slug, self.pk]
        )

    def get_ics_url(self) -> str:
        return reverse(
            "openkoffie:bijeenkomst_ics", args=[self.wijk.regio.slug, self.wijk.slug, self.pk]
        )

    def get_beheer_url(self) -> str:
        return reverse(
            "openkoffie_beheer:bijeenkomst", args=[self.wijk.regio.slug, self.wijk.slug, self.pk]
        )

    def _volgnummer_bij_wijziging(self, save_kwargs: dict) -> None:
        """The stored row's number, one higher when a saved field a calendar shows changes
        (the stored one, so an older copy of the row never lowers it)."""
        update_fields = save_kwargs.get("update_fields")
        velden = [
            veld.attname for veld in self._meta.concrete_fields if veld.name in self.IN_AGENDA
        ]
        if update_fields is not None:
            velden = [
                veld for veld in velden if {veld, veld.removesuffix("_id")} & set(update_fields)
            ]
        opgeslagen = OpenKoffie.objects.filter(pk=self.pk).values("volgnummer", *velden).first()
        if opgeslagen is None:
            return
        gewijzigd = any(opgeslagen[veld] != getattr(self, veld) for veld in velden)
        self.volgnummer = opgeslagen["volgnummer"] + gewijzigd
        if gewijzigd and update_fields is not None:
            save_kwargs["update_fields"] = [*update_fields, "volgnummer"]

    def clean(self) -> None:
        errors = {}
        if self.begin and self.einde and self.einde <= self.begin:
            errors["einde"] = "De Open Koffie moet eindigen na het begin."
        if self.tweede_wijk_id and self.tweede_wijk_id == self.wijk_id:
            errors["tweede_wijk"] = "Kies voor een gecombineerde Open Koffie een andere wijk."
        if self.huis and self.huis.wijk_id not in {self.wijk_id, self.tweede_wijk_id}:
            errors["huis"] = "Dit huis ligt niet in de wijk van deze Open Koffie."
        if self.status == self.Status.GEANNULEERD and not self.reden_annulering.strip():
            errors["reden_annulering"] = "Schrijf kort op waarom de Open Koffie niet doorgaat."
        if self.begin and self.wijk_id and not self.is_geannuleerd:
            dag = timezone.localdate(self.begin)
            if OpenKoffie.objects.op_dag(self.wijken, dag).exclude(pk=self.pk).exists():
                errors["begin"] = f"Op {dag:%d-%m-%Y} staat al een Open Koffie voor deze wijk."
        if errors:
            raise ValidationError(errors)

    @property
    def wijken(self) -> list[Wijk]:
        return [wijk for wijk in (self.wijk, self.tweede_wijk) if wijk]

    @property
    def wijknamen(self) -> str:
        return " en ".join(wijk.naam for wijk in self.wijken)

    def is_eerste_van_het_jaar(self) -> bool:
        """The first Open Koffie of a year evaluates the running initiatives (start step 11)."""
        eerder = OpenKoffie.objects.filter(
            Q(wijk__in=self.wijken) | Q(tweede_wijk__in=self.wijken),
            begin__gte=start_of_local_year(self.begin),
            begin__lt=self.begin,
        ).gaat_door()
        return not self.is_geannuleerd and not eerder.exists()

    @property
    def is_gecombineerd(self) -> bool:
        return self.tweede_wijk_id is not None

    @property
    def is_geannuleerd(self) -> bool:
        return self.status == self.Status.GEANNULEERD

    @property
    def is_gehouden(self) -> bool:
        return self.status == self.Status.GEHOUDEN

    @property
    def is_komend(self) -> bool:
        return self.einde >= timezone.now()

    @property
    def is_geweest(self) -> bool:
        """Took place: over and not cancelled (the verslag may follow later)."""
        return not self.is_geannuleerd and self.einde < timezone.now()

    @property
    def neemt_bespreekpunten_aan(self) -> bool:
        return self.status == self.Status.GEPLAND and self.is_komend

    @property
    def locatie(self) -> str:
        if self.huis:
            return f"{self.huis.naam}, {self.huis.volledig_adres}"
        return self.adres

    def ontbreekt_voor_opkomst(self) -> list[str]:
        """What the method's condition missed: the coördinator, the wijkverbinders,
        management of the huis and at least ten buurtbewoners must be there."""
        if self.aantal_buurtbewoners is None:
            return []
        ontbreekt = []
        if not self.coordinator_aanwezig:
            ontbreekt.append("de coördinator was er niet")
        if not self.wijkverbinders_aanwezig:
            ontbreekt.append("de wijkverbinders waren er niet")
        if not self.management_aanwezig:
            ontbreekt.append("het management van het huis was er niet")
        if self.aantal_buurtbewoners < doelen.BUURTBEWONERS_PER_OPEN_KOFFIE:
            ontbreekt.append(
                f"er waren {self.aantal_buurtbewoners} buurtbewoners "
                f"(minimaal {doelen.BUURTBEWONERS_PER_OPEN_KOFFIE})"
            )
        return ontbreekt

    @property
    def opkomst_bekend(self) -> bool:
        return self.aantal_buurtbewoners is not None

    def niet_besproken(self) -> list[str]:
        """What of the method's fixed agenda the verslag does not record as discussed."""
        if not self.opkomst_bekend:
            return []
        vast = [
            (self.wijkbeeld_besproken, "het wijkbeeld"),
            (self.wijkdata_besproken, "de cijfers van de wijk"),
            (self.wijkplan_besproken, "het wijkplan"),
        ]
        return [wat for besproken, wat in vast if not besproken]

    def voldoet_aan_opkomst(self) -> bool | None:
        """None while the attendance is not recorded yet."""
        if not self.opkomst_bekend:
            return None
        return not self.ontbreekt_voor_opkomst()

    def agenda_met_tijden(self) -> list[tuple["AgendaOnderdeel", datetime.datetime]]:
        """Each block of the agenda with the time it starts."""
        start = self.begin
        result = []
        for onderdeel in self.agendaonderdelen.all():
            result.append((onderdeel, start))
            start += datetime.timedelta(minutes=onderdeel.duur_minuten)
        return result


class AgendaOnderdeel(models.Model):
    """A block of the agenda; the method's four blocks of 30 minutes are the skeleton."""

    class Soort(models.TextChoices):
        INFORMEEL = "informeel", "Informeel bijkletsen met koffie"
        WELKOM = "welkom", "Welkom en stand van zaken in de wijk"
        BESPREEKPUNTEN = "bespreekpunten", "Ingebrachte bespreekpunten"
        WIJKPLAN = "wijkplan", "Wijkplan-aanpassingen en vervolgafspraken"

    STANDAARD_TOELICHTING = {
        Soort.INFORMEEL: "Even bijpraten met koffie of thee. Mag ook aan het eind.",
        Soort.WELKOM: "De coördinator en een wijkverbinder vertellen hoe het gaat in de wijk. "
        "Het wijkplan is de basis.",
        Soort.BESPREEKPUNTEN: "Punten die iedereen vooraf kon inbrengen.",
        Soort.WIJKPLAN: "Wat passen we aan in het wijkplan, en wie doet wat?",
    }

    open_koffie = models.ForeignKey(
        OpenKoffie, on_delete=models.CASCADE, related_name="agendaonderdelen"
    )
    soort = models.CharField(max_length=20, choices=Soort)
    volgorde = models.PositiveSmallIntegerField(default=0)
    duur_minuten = models.PositiveSmallIntegerField(
        "duur (minuten)", default=30, validators=[MinValueValidator(5), MaxValueValidator(120)]
    )
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "agendaonderdeel"
        verbose_name_plural = "agendaonderdelen"
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.get_soort_display()

    @property
    def is_bespreekpunten(self) -> bool:
        return self.soort == self.Soort.BESPREEKPUNTEN

    @classmethod
    def maak_standaard(cls, open_koffie: OpenKoffie) -> None:
        with dataversion.bulk_write(AgendaOnderdeel, shown_with=open_koffie):
            AgendaOnderdeel.objects.bulk_create(
                cls(
                    open_koffie=open_koffie,
                    soort=soort,
                    volgorde=index,
                    toelichting=cls.STANDAARD_TOELICHTING[soort],
                )
                for index, soort in enumerate(cls.Soort)
            )


class BespreekpuntQuerySet(models.QuerySet):
    def geaccepteerd(self) -> "BespreekpuntQuerySet":
        return self.filter(status=Bespreekpunt.Status.GEACCEPTEERD).order_by(
            "volgorde", "ingediend_op"
        )


class Bespreekpunt(models.Model):
    """A point anyone brings in; public only once the coördinator accepts it.

    Residents without internet give theirs by phone, on a note or at the receptie; staff
    enter it for them (`bron`, `ingevoerd_door`), and it is moderated like any other."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", "Ingediend"
        GEACCEPTEERD = "geaccepteerd", "Op de agenda"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    open_koffie = models.ForeignKey(
        OpenKoffie, on_delete=models.CASCADE, related_name="bespreekpunten"
    )
    tekst = models.TextField(max_length=1000)
    naam = models.CharField(max_length=100, blank=True)
    # Private: only the coördinator sees it, never a public page.
    contact = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.INGEDIEND)
    volgorde = models.PositiveSmallIntegerField(default=0)
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
        help_text="Wie het punt invoerde namens een bewoner.",
    )

    objects = BespreekpuntQuerySet.as_manager()

    class Meta:
        verbose_name = "bespreekpunt"
        verbose_name_plural = "bespreekpunten"
        ordering = ["status", "volgorde", "ingediend_op"]

    def __str__(self) -> str:
        return self.tekst[:60]

    def clean(self) -> None:
        # Not tied to a field: the forms that add points leave both fields out.
        errors = []
        nieuw = self._state.adding and self.open_koffie_id
        if nieuw and not self.open_koffie.neemt_bespreekpunten_aan:
            errors.append(
                "Deze Open Koffie neemt geen punten meer aan. Zet het punt bij de volgende."
            )
        if self.is_namens_bewoner and self.ingevoerd_door_id is None:
            errors.append("Een punt dat niet via de website kwam, voert een medewerker in.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_namens_bewoner(self) -> bool:
        return self.bron != Bron.WEBSITE

    def zet_status(self, status: str) -> None:
        """Accepting puts the point last on the agenda; the coördinator reorders after."""
        if status == self.Status.GEACCEPTEERD and self.status != status:
            laatste = self.open_koffie.bespreekpunten.geaccepteerd().aggregate(Max("volgorde"))
            self.volgorde = (laatste["volgorde__max"] or 0) + 1
        self.status = status
        self.save(update_fields=["status", "volgorde"])

    def verplaats(self, omhoog: bool) -> None:
        """Swaps this accepted point with its neighbour on the agenda."""
        punten = list(self.open_koffie.bespreekpunten.geaccepteerd())
        index = next(i for i, punt in enumerate(punten) if punt.pk == self.pk)
        ander = index - 1 if omhoog else index + 1
        if not 0 <= ander < len(punten):
            return
        punten[index], punten[ander] = punten[ander], punten[index]
        for volgorde, punt in enumerate(punten, start=1):
            punt.volgorde = volgorde
        with dataversion.bulk_write(Bespreekpunt, shown_with=self.open_koffie):
            Bespreekpunt.objects.bulk_update(punten, ["volgorde"])


class Vervolgafspraak(models.Model):
    """An agreement made at the Open Koffie; one step makes it an actie of the wijkplan
    (`wijken.wijkplan.models.actie_uit_vervolgafspraak`: the plan sits above the meetings)."""

    open_koffie = models.ForeignKey(
        OpenKoffie, on_delete=models.CASCADE, related_name="vervolgafspraken"
    )
    wat = models.CharField(max_length=300)
    wie = models.CharField(max_length=150, blank=True)
    voor_wanneer = models.DateField(null=True, blank=True, validators=[validate_date_range])

    class Meta:
        verbose_name = "vervolgafspraak"
        verbose_name_plural = "vervolgafspraken"
        ordering = ["voor_wanneer", "pk"]

    def __str__(self) -> str:
        return self.wat

    @property
    def actie_token(self) -> uuid.UUID:
        """The same agreement always gives the same token: a second click adds nothing."""
        return uuid.uuid5(uuid.NAMESPACE_URL, f"communitycare:vervolgafspraak:{self.pk}")


class OverlegQuerySet(models.QuerySet):
    def gehouden(self) -> "OverlegQuerySet":
        return self.filter(datum__lte=timezone.localdate())

    def voor_planning(self) -> "OverlegQuerySet":
        """From the start of this year until twelve months ahead: the wijkplan's chapter 4."""
        vandaag = timezone.localdate()
        return self.filter(
            datum__gte=vandaag.replace(month=1, day=1), datum__lt=vandaag + VOORUIT
        ).order_by("datum", "tijd")


class WijkverbinderOverleg(models.Model):
    """The monthly meeting of the coördinator with the wijkverbinders of a wijk.

    A future date is a planned overleg (it shows in the wijkplan's planning); start
    step 8 of an initiative points at the overleg where it was discussed.
    """

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="overleggen")
    datum = models.DateField(validators=[validate_date_range])
    tijd = models.TimeField(null=True, blank=True)
    waar = models.CharField(max_length=200, blank=True)
    aanwezigen = models.ManyToManyField(
        Wijkverbinder, blank=True, related_name="overleggen", verbose_name="wie was er"
    )
    notities = models.TextField(blank=True)

    objects = OverlegQuerySet.as_manager()

    class Meta:
        verbose_name = "wijkverbinder-overleg"
        verbose_name_plural = "wijkverbinder-overleggen"
        ordering = ["-datum"]
        constraints = [
            models.UniqueConstraint(
                fields=["wijk", "datum"],
                name="overleg_een_per_dag",
                violation_error_message="Op deze dag staat al een overleg voor deze wijk.",
            )
        ]

    def __str__(self) -> str:
        return f"Overleg {self.wijk} {self.datum:%d-%m-%Y}"

    def clean(self) -> None:
        # Also when the form leaves the wijk out of its fields (the constraint then is
        # not checked by the form): one overleg per wijk and day.
        if self.wijk_id and self.datum:
            dubbel = WijkverbinderOverleg.objects.filter(wijk_id=self.wijk_id, datum=self.datum)
            if dubbel.exclude(pk=self.pk).exists():
                raise ValidationError({"datum": "Op deze dag staat al een overleg voor deze wijk."})

    @property
    def is_gehouden(self) -> bool:
        return self.datum <= timezone.localdate()


class WervingsactieQuerySet(models.QuerySet):
    def in_jaar(self, jaar: int) -> "WervingsactieQuerySet":
        return self.filter(datum__year=jaar)


class Wervingsactie(models.Model):
    """The method: at least twice a year into the wijk with an action to inform, to hear
    what is needed and to find wijkverbinders."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="wervingsacties")
    datum = models.DateField(default=timezone.localdate, validators=[validate_date_range])
    kanaal = models.CharField("hoe", max_length=20, choices=Wervingskanaal)
    wat = models.CharField("wat is er gedaan", max_length=300)
    door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = WervingsactieQuerySet.as_manager()

    class Meta:
        verbose_name = "wervingsactie"
        verbose_name_plural = "wervingsacties"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kanaal_display()}: {self.wat}"
