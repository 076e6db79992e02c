"""The wijkplan (Bijlage 5): a living plan per wijk, edited together, never losing an edit.

Every editable part carries a version number. A save names the version it was based on;
when someone else saved in between, the save is refused with a VersieConflict and
nothing is overwritten. django-simple-history keeps every change with author and time.
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from communitycare.lib.dates import validate_date_range
from initiatieven.models import STANDAARD_THEMAS, Initiatief, Thema
from openkoffie.models import Vervolgafspraak
from wijken.base import doelen
from wijken.base.models import Huis, User, Wijk, Wijkverbinder
from wijken.wijkdata.models import met_wijkdata

if TYPE_CHECKING:
    # A wijk from wijkplan_wijk_queryset(), with its annotations and prefetches.
    from django_stubs_ext import WithAnnotations


@dataclass(frozen=True)
class Deel:
    """One prose section of Bijlage 5."""

    veld: str
    nummer: str
    titel: str
    hulp: str
    hoofdstuk: int

    @property
    def anker(self) -> str:
        return f"deel-{self.veld.replace('_', '-')}"

    @property
    def portaal(self) -> str:
        """The template part that shows what the portal itself knows for this section."""
        return f"wijken/wijkplan_portaal.html#{self.veld}"


DELEN = [
    Deel("wijkdata", "1.1.1", "Wijkdata", "Wat de cijfers over de wijk laten zien.", 1),
    Deel(
        "beleefde_wijkdata",
        "1.1.2",
        "Beleefde wijkdata",
        "Hoe de wijk de cijfers herkent en kleurt, bijvoorbeeld op de Open Koffie.",
        1,
    ),
    Deel(
        "locaties",
        "1.3",
        "Mogelijkheden vanuit locaties",
        "Wat er kan in ons huis en op andere plekken in de wijk.",
        1,
    ),
    Deel("doe_boekje", "1.4", "Doe-boekje", "Wat er al te doen is in de wijk.", 1),
    Deel(
        "doel_wijkverbinders",
        "2.1.1",
        f"{doelen.WIJKVERBINDERS} wijkverbinders",
        "Hoe en door wie werven we wijkverbinders?",
        2,
    ),
    Deel(
        "doel_initiatieven",
        "2.1.2",
        f"{doelen.INITIATIEVEN_PER_JAAR} nieuwe initiatieven per jaar",
        "Welke initiatieven, en wie pakt wat op?",
        2,
    ),
    Deel(
        "doel_huis",
        "2.1.3",
        "Ons huis als ontmoetingsplek",
        "Wat kan er in ons huis voor de wijk, en wat is daarvoor nodig?",
        2,
    ),
    Deel("doel_overig", "2.1.4", "Overige doelen", "Andere doelen die de wijk zichzelf stelt.", 2),
]
DELEN_PER_VELD = {deel.veld: deel for deel in DELEN}


class VersieConflict(Exception):
    """Someone else saved first; `huidig` is the object as it is now."""

    def __init__(self, huidig):
        super().__init__("versieconflict")
        self.huidig = huidig


def _tekstveld(deel: Deel) -> models.TextField:
    return models.TextField(f"{deel.nummer} {deel.titel.lower()}", blank=True, help_text=deel.hulp)


class Wijkplan(models.Model):
    wijk = models.OneToOneField(Wijk, on_delete=models.CASCADE, related_name="wijkplan")
    wijkdata = _tekstveld(DELEN[0])
    beleefde_wijkdata = _tekstveld(DELEN[1])
    locaties = _tekstveld(DELEN[2])
    doe_boekje = _tekstveld(DELEN[3])
    doel_wijkverbinders = _tekstveld(DELEN[4])
    doel_initiatieven = _tekstveld(DELEN[5])
    doel_huis = _tekstveld(DELEN[6])
    doel_overig = _tekstveld(DELEN[7])
    # Per section: how often it was saved. The optimistic lock of each section.
    versies = models.JSONField(default=dict, blank=True)

    history = HistoricalRecords(excluded_fields=["versies"], verbose_name="versie van het wijkplan")
    _history_user: User | None  # the author django-simple-history records on save

    class Meta:
        verbose_name = "wijkplan"
        verbose_name_plural = "wijkplannen"

    def __str__(self) -> str:
        return f"Wijkplan {self.wijk}"

    @classmethod
    def voor(cls, wijk: Wijk) -> "Wijkplan":
        """The wijk's plan, or an empty unsaved one when nobody has written it yet."""
        try:
            return wijk.wijkplan
        except cls.DoesNotExist:
            return cls(wijk=wijk)

    def versie(self, veld: str) -> int:
        return self.versies.get(veld, 0)

    def delen(self, hoofdstuk: int | None = None) -> list["DeelTekst"]:
        return [
            DeelTekst(deel, getattr(self, deel.veld), self.versie(deel.veld))
            for deel in DELEN
            if hoofdstuk is None or deel.hoofdstuk == hoofdstuk
        ]

    def get_beheer_url(self) -> str:
        return reverse("wijkplan:beheer", args=[self.wijk.regio.slug, self.wijk.slug])


@dataclass(frozen=True)
class DeelTekst:
    deel: Deel
    tekst: str
    versie: int


def _lock_wijkplan(wijk: Wijk, aanmaken: bool = True) -> Wijkplan:
    """Serialises every write to one wijk's plan by locking the wijk row first."""
    Wijk.objects.select_for_update().filter(pk=wijk.pk).first()
    plan = Wijkplan.objects.filter(wijk=wijk).first() or Wijkplan(wijk=wijk)
    if plan.pk is None and aanmaken:
        # An empty plan is no version of the text; only what is added to it is history.
        plan.skip_history_when_saving = True
        plan.save()
        del plan.skip_history_when_saving
    return plan


def bewaar_deel(wijk: Wijk, veld: str, tekst: str, versie: int, door: User) -> Wijkplan:
    """Saves one section if nobody saved it since `versie`; else raises VersieConflict."""
    with transaction.atomic():
        plan = _lock_wijkplan(wijk, aanmaken=False)
        huidig = getattr(plan, veld)
        if huidig == tekst:
            return plan  # nothing changed, or a double submit: no new version
        if plan.versie(veld) != versie:
            raise VersieConflict(plan)
        setattr(plan, veld, tekst)
        plan.versies = {**plan.versies, veld: versie + 1}
        plan._history_user = door
        plan.save()
        return plan


class Actie(models.Model):
    """One row of the plan van aanpak (H3)."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.CharField("actie", max_length=300)
    wie = models.CharField(max_length=150, blank=True)
    voor_wanneer = models.DateField(
        "voor wanneer", null=True, blank=True, validators=[validate_date_range]
    )
    afgerond = models.BooleanField(default=False)
    afgerond_op = models.DateField(
        "afgerond op", null=True, blank=True, validators=[validate_date_range]
    )
    volgorde = models.PositiveIntegerField(default=0)
    versie = models.PositiveIntegerField(default=1)
    # Set by the form that created it, so a double submit finds it instead of adding a twin.
    token = models.UUIDField(null=True, blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["versie", "token"], verbose_name="versie van actie"
    )
    _history_user: User | None  # the author django-simple-history records on save

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["wijkplan", "token"], name="actie_token_uniek")
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_te_laat(self) -> bool:
        return (
            not self.afgerond
            and self.voor_wanneer is not None
            and self.voor_wanneer < timezone.localdate()
        )

    def bewaar(self, versie: int, door: User, basis: dict | None = None, **velden) -> "Actie":
        """Changes this actie if nobody changed it since `versie`; else raises VersieConflict.

        `basis` holds the values of `velden` as the editor loaded them (at `versie`). With
        it, a change since then that touched none of `velden` (the actie was moved or
        completed) is no conflict: the save goes through and keeps that change."""
        with transaction.atomic():
            _lock_wijkplan(self.wijkplan.wijk)
            huidig = Actie.objects.filter(pk=self.pk).first()
            if huidig is None:  # deleted meanwhile
                raise VersieConflict(self)
            if all(getattr(huidig, naam) == waarde for naam, waarde in velden.items()):
                return huidig
            if huidig.versie != versie and (basis is None or huidig.gewijzigd_sinds(basis)):
                raise VersieConflict(huidig)
            for naam, waarde in velden.items():
                setattr(huidig, naam, waarde)
            if "afgerond" in velden:
                huidig.afgerond_op = timezone.localdate() if huidig.afgerond else None
            huidig.versie += 1
            huidig._history_user = door
            huidig.save()
            return huidig

    def gewijzigd_sinds(self, basis: dict) -> dict:
        """The fields of `basis` (name: value as loaded) whose value is now different."""
        return {naam: getattr(self, naam) for naam in basis if getattr(self, naam) != basis[naam]}

    def verplaats(self, versie: int, omhoog: bool, door: User) -> int:
        """Swaps this actie with its neighbour; an outdated `versie` raises VersieConflict."""
        return self._herschik(versie, door, lambda index: index - 1 if omhoog else index + 1)

    def verplaats_naar(self, versie: int, plaats: int, door: User) -> int:
        """Puts this actie at `plaats` (1 is the top; a number past the end puts it last)
        and renumbers the others; an outdated `versie` raises VersieConflict. Returns the
        place it has now."""
        return self._herschik(versie, door, lambda index: plaats - 1)

    def _herschik(self, versie: int, door: User, nieuwe_index: Callable[[int], int]) -> int:
        with transaction.atomic():
            plan = _lock_wijkplan(self.wijkplan.wijk)
            acties = list(plan.acties.all())
            index = next((i for i, actie in enumerate(acties) if actie.pk == self.pk), None)
            if index is None or acties[index].versie != versie:
                raise VersieConflict(self)
            doel = max(0, min(nieuwe_index(index), len(acties) - 1))
            if doel == index:
                return doel + 1
            acties.insert(doel, acties.pop(index))
            for volgorde, actie in enumerate(acties, start=1):
                if actie.volgorde != volgorde or actie.pk == self.pk:
                    actie.volgorde = volgorde
                    actie.versie += 1
                    actie._history_user = door
                    actie.save()
            return doel + 1

    def verwijder(self, versie: int, door: User) -> None:
        """Deletes this actie if nobody changed it since `versie`; else raises VersieConflict."""
        with transaction.atomic():
            _lock_wijkplan(self.wijkplan.wijk)
            huidig = Actie.objects.filter(pk=self.pk).first()
            if huidig is None:
                return
            if huidig.versie != versie:
                raise VersieConflict(huidig)
            huidig._history_user = door
            huidig.delete()


def nieuwe_actie(wijk: Wijk, token: uuid.UUID, door: User, **velden) -> tuple[Actie, bool]:
    """Adds an actie at the end; the same form token twice gives the first actie back."""
    with transaction.atomic():
        plan = _lock_wijkplan(wijk)
        bestaand = plan.acties.filter(token=token).first()
        if bestaand is not None:
            return bestaand, False
        laatste = plan.acties.aggregate(models.Max("volgorde"))["volgorde__max"] or 0
        actie = Actie(wijkplan=plan, token=token, volgorde=laatste + 1, **velden)
        actie._history_user = door
        actie.save()
        return actie, True


def actie_uit_vervolgafspraak(
    vervolgafspraak: Vervolgafspraak, wijk: Wijk, door: User
) -> tuple[Actie, bool]:
    """Adds an agreement of an Open Koffie to the plan van aanpak of `wijk`; False when it
    is there already (its token is fixed, so a second click adds nothing)."""
    return nieuwe_actie(
        wijk,
        vervolgafspraak.actie_token,
        door,
        omschrijving=vervolgafspraak.wat,
        wie=vervolgafspraak.wie,
        voor_wanneer=vervolgafspraak.voor_wanneer,
    )


class Vaststelling(models.Model):
    """A version of the plan adopted by the wijk at an Open Koffie (the method: the
    wijkplan is revised and adopted at the Open Koffies, about four times a year)."""

    wijkplan = models.ForeignKey(Wijkplan, on_delete=models.CASCADE, related_name="vaststellingen")
    versie = models.OneToOneField(
        "wijkplan.HistoricalWijkplan", on_delete=models.CASCADE, related_name="vaststelling"
    )
    datum = models.DateField("vastgesteld op", validators=[validate_date_range])
    # A string reference: the wijkplan reads the meetings of the openkoffie app; the
    # layering in the README's Architecture section puts the plan above the meetings.
    open_koffie = models.ForeignKey(
        "openkoffie.OpenKoffie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vaststellingen",
        verbose_name="vastgesteld op de Open Koffie",
    )
    door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "vaststelling"
        verbose_name_plural = "vaststellingen"
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.wijkplan} vastgesteld op {self.datum:%d-%m-%Y}"


def stel_vast(versie, open_koffie, door: User) -> tuple[Vaststelling, bool]:
    """Records that the wijk adopted this version of its plan at `open_koffie`.

    `versie` is a historical record of the wijk's plan. Raises ValidationError when the
    Open Koffie is not one of this wijk, did not take place, or is older than the
    version. A version is adopted once: a second call gives the first record back.
    """
    wijk_id = versie.wijk_id
    fouten = []
    if wijk_id not in (open_koffie.wijk_id, open_koffie.tweede_wijk_id):
        fouten.append("Deze Open Koffie is niet van deze wijk.")
    elif open_koffie.is_geannuleerd:
        fouten.append("Deze Open Koffie is geannuleerd; kies de Open Koffie waar het was.")
    elif open_koffie.begin > timezone.now():
        fouten.append("Deze Open Koffie moet nog komen; stel het plan vast als ze geweest is.")
    elif versie.history_date > open_koffie.einde:
        fouten.append("Deze versie is van na die Open Koffie; daar kan ze niet zijn vastgesteld.")
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        return Vaststelling.objects.get_or_create(
            versie=versie,
            defaults={
                "wijkplan_id": versie.id,
                "datum": timezone.localdate(open_koffie.begin),
                "open_koffie": open_koffie,
                "door": door,
            },
        )


def _laatste(queryset, veld: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{veld}").values(veld)[:1])


class WijkplanWijk(TypedDict):
    """Some of what wijkplan_wijk_queryset() adds to a wijk (for the type checker)."""

    tekst_gewijzigd: datetime.datetime | None
    acties_gewijzigd: datetime.datetime | None
    planning_gewijzigd: datetime.datetime | None
    actieve_wijkverbinders: list[Wijkverbinder]


def wijkplan_wijk_queryset():
    """A wijk with everything its wijkplan page shows, in a fixed number of queries."""
    historie_tekst = Wijkplan.history.model.objects.filter(wijk_id=OuterRef("pk"))
    historie_acties = Actie.history.model.objects.filter(wijkplan__wijk_id=OuterRef("pk"))
    vaststellingen = Vaststelling.objects.filter(wijkplan__wijk_id=OuterRef("pk")).order_by(
        "-datum", "-pk"
    )
    return (
        met_wijkdata(Wijk.objects.select_related("regio", "wijkplan"))
        .annotate(
            tekst_gewijzigd=_laatste(historie_tekst, "history_date"),
            acties_gewijzigd=_laatste(historie_acties, "history_date"),
            vastgesteld_op=Subquery(vaststellingen.values("datum")[:1]),
            vastgesteld_bij=Subquery(vaststellingen.values("open_koffie__onderwerp")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "huizen",
                queryset=Huis.objects.select_related("mogelijkheden").prefetch_related(
                    "openingstijden", "ruimtes"
                ),
            ),
            Prefetch("coordinatoren", queryset=User.objects.filter(is_active=True)),
            Prefetch(
                "wijkverbinders",
                queryset=Wijkverbinder.objects.actief(),
                to_attr="actieve_wijkverbinders",
            ),
            "wijkplan__acties",
        )
    )


def laatste_wijziging(wijk: "WithAnnotations[Wijk, WijkplanWijk]"):
    """When anything in the plan last changed, from the history (None: never)."""
    momenten = [wijk.tekst_gewijzigd, wijk.acties_gewijzigd]
    return max((moment for moment in momenten if moment is not None), default=None)


@dataclass(frozen=True)
class Voortgang:
    """Live progress on a standard goal, computed from the portal's data."""

    tekst: str
    waarde: int
    doel: int


def voortgang_wijkverbinders(wijk: "WithAnnotations[Wijk, WijkplanWijk]") -> Voortgang:
    aantal = len(wijk.actieve_wijkverbinders)
    return Voortgang(
        f"{aantal} van {doelen.WIJKVERBINDERS} wijkverbinders", aantal, doelen.WIJKVERBINDERS
    )


class Themastand(models.Model):
    """Per wijk, each standard theme of the method: already there, wanted, or not needed
    (Samen aan tafel in one of its two forms). Started is not stored: the wijk's public
    initiatives of the theme say it (`themamatrix`)."""

    class Stand(models.TextChoices):
        AANWEZIG = "aanwezig", "Is er al in de wijk"
        GEWENST = "gewenst", "Gewenst"
        NIET_NODIG = "niet_nodig", "Niet nodig"

    class Vorm(models.TextChoices):
        ETEN = "eten", "Samen eten in het huis"
        KOKEN = "koken", "Samen koken en eten"

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="themastanden")
    thema = models.CharField(
        max_length=20, choices=[(thema.value, thema.label) for thema in STANDAARD_THEMAS]
    )
    stand = models.CharField(max_length=20, choices=Stand)
    vorm = models.CharField("vorm van Samen aan tafel", max_length=10, choices=Vorm, blank=True)
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "stand van een thema"
        verbose_name_plural = "stand van de thema's"
        constraints = [
            models.UniqueConstraint(fields=["wijk", "thema"], name="themastand_een_per_thema")
        ]

    def __str__(self) -> str:
        return f"{self.get_thema_display()}: {self.get_stand_display()}"

    def clean(self) -> None:
        if self.vorm and self.thema != Thema.SAMEN_AAN_TAFEL:
            raise ValidationError({"vorm": "Alleen Samen aan tafel heeft twee vormen."})


def zet_themastanden(wijk: Wijk, standen: dict[str, tuple[str, str, str]]) -> None:
    """Per theme (stand, vorm, toelichting); an empty stand: not discussed yet. All or
    nothing: a row that breaks a rule raises ValidationError and nothing is saved."""
    with transaction.atomic():
        for thema, (stand, vorm, toelichting) in standen.items():
            if not stand:
                wijk.themastanden.filter(thema=thema).delete()
                continue
            rij = wijk.themastanden.filter(thema=thema).first() or Themastand(
                wijk=wijk, thema=thema
            )
            rij.stand, rij.vorm, rij.toelichting = stand, vorm, toelichting
            rij.full_clean()
            rij.save()


@dataclass(frozen=True)
class ThemaRij:
    thema: str
    label: str
    stand: Themastand | None
    initiatieven: list[Initiatief]

    @property
    def gestart(self) -> bool:
        return bool(self.initiatieven)

    @property
    def merk(self) -> str:
        """The theme's state in one word: gestart, or the Themastand's, or "" (not
        discussed yet). Started wins: the wijk's initiatives say it."""
        if self.gestart:
            return GESTART
        return self.stand.stand if self.stand else ""

    @property
    def merk_tekst(self) -> str:
        return MERK_TEKST[self.merk]


GESTART = "gestart"
MERK_TEKST = {
    GESTART: "Gestart",
    **{stand.value: str(stand.label) for stand in Themastand.Stand},
    "": "Nog niet besproken",
}


def themamatrix(wijk: Wijk) -> list[ThemaRij]:
    """The five standard themes of a wijk (wijkplan 2.1.2), in two queries."""
    return themamatrices([wijk])[wijk.pk]


def themamatrices(wijken: list[Wijk]) -> dict[int, list[ThemaRij]]:
    """`themamatrix` of each wijk, per wijk pk, in two queries however many wijken (the
    programme dashboard shows a page of them, its exports all)."""
    pks = [wijk.pk for wijk in wijken]
    standen: dict[tuple[int, str], Themastand] = {
        (stand.wijk_id, stand.thema): stand for stand in Themastand.objects.filter(wijk__in=pks)
    }
    per_thema: dict[tuple[int, str], list[Initiatief]] = {}
    initiatieven = Initiatief.objects.publiek().filter(wijk__in=pks, thema__in=STANDAARD_THEMAS)
    for initiatief in initiatieven.select_related("wijk__regio").order_by("naam"):
        per_thema.setdefault((initiatief.wijk_id, initiatief.thema), []).append(initiatief)
    return {
        pk: [
            ThemaRij(
                thema.value, thema.label, standen.get((pk, thema)), per_thema.get((pk, thema), [])
            )
            for thema in STANDAARD_THEMAS
        ]
        for pk in pks
    }
