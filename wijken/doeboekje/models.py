from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from communitycare.lib.dates import validate_date_range
from wijken.base import zoektermen
from wijken.base.models import DAG_FOUT, Bron, Huis, User, Wijk

# --- Bijlage 3: het doe-boekje ------------------------------------------------


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


def groepeer(
    items: list["DoeBoekjeItem"], beste_eerst: bool = False
) -> list[tuple[str, str, list["DoeBoekjeItem"]]]:
    """(category value, label, entries) in the order of the categories, empty ones left
    out; `beste_eerst`: in the order of their first entry (a search ranks them)."""
    groepen = [
        (waarde, label, groep)
        for waarde, label in DoeBoekjeItem.Categorie.choices
        if (groep := [item for item in items if item.categorie == waarde])
    ]
    if beste_eerst:
        groepen.sort(key=lambda groep: items.index(groep[2][0]))
    return groepen


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
        """The entries matching any word of the search (a text, the huis's name, a
        category or a day), best first: see `zoektermen.zoek`."""
        termen = zoektermen.zoekwoorden(tekst)
        # The huizen first and by id: an OR over a joined column would keep PostgreSQL
        # from combining the indexes on the texts (migration 0004).
        huizen = zoektermen.per_term(Huis.objects.all(), "naam", termen)
        extra = {term: Q(huis__in=pks) for term, pks in huizen.items() if pks}
        return zoektermen.zoek(self, termen, ZOEKBAAR, extra)

    def lijkt_op(self, wijk: "Wijk", tekst: str) -> "DoeBoekjeItemQuerySet":
        """Current entries of this wijk that resemble a proposed activity, best match first
        (annotated `gelijkenis`); start step 3 checks the activity is not there already."""
        kandidaten = self.actueel().filter(wijk=wijk)
        return zoektermen.lijkt_op(kandidaten, tekst, ["naam"], ["beschrijving", "voor_wie"])

    def gegroepeerd(
        self, beste_eerst: bool = False
    ) -> list[tuple[str, str, list["DoeBoekjeItem"]]]:
        return groepeer(list(self), beste_eerst)

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
    # A tip from a resident, often without internet: how it came in and from whom. Never
    # public: only the coördinator sees who gave it, to ask a question back.
    tip_bron = models.CharField(
        "tip kwam binnen",
        max_length=20,
        choices=[keuze for keuze in Bron.choices if keuze[0] != Bron.WEBSITE],
        blank=True,
        help_text="Alleen als een bewoner dit aandroeg.",
    )
    tip_van = models.CharField(
        "tip van",
        max_length=150,
        blank=True,
        help_text="Naam en telefoon van wie de tip gaf; alleen voor de coördinator.",
    )
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
        # A category's name in the search is an OR beside the texts' GIN indexes
        # (migration 0004): without an index of its own the whole table would be read.
        indexes = [models.Index(fields=["categorie"], name="doeboekje_categorie_idx")]

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


# What the search box looks in; "Overig" is no word anyone searches for. The fields
# (in this order) are those of the indexes of migration 0004.
ZOEKBAAR = zoektermen.Zoekbaar(
    teksten=("naam", "beschrijving", "voor_wie", "waar", "wanneer"),
    soort="categorie",
    soorten=tuple(
        keuze
        for keuze in DoeBoekjeItem.Categorie.choices
        if keuze[0] != DoeBoekjeItem.Categorie.OVERIG
    ),
    dagen="dagen",
)
