"""Forms of the doe-boekje: the full entry, the quick update at an Open Koffie, the search."""

from django import forms

from wijken.base import zoektermen
from wijken.base.forms import PortaalForm, TabelForm
from wijken.base.models import Dag, Wijk
from wijken.doeboekje.models import DoeBoekjeItem, DoeBoekjeItemQuerySet


class DoeBoekjeItemForm(PortaalForm):
    dagen = forms.TypedMultipleChoiceField(
        label="Vaste dagen",
        choices=Dag.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Dan vinden mensen het als ze op een dag zoeken.",
    )

    class Meta:
        model = DoeBoekjeItem
        fields = [
            "naam",
            "categorie",
            "beschrijving",
            "voor_wie",
            "huis",
            "waar",
            "wanneer",
            "dagen",
            "kosten",
            "contact",
            "website",
            "tip_bron",
            "tip_van",
        ]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk = wijk
        self.fields["huis"].queryset = wijk.huizen.all()
        self.fields["huis"].empty_label = "(niet in een huis)"
        self.initial["dagen"] = self.instance.dag_nummers

    def clean_dagen(self) -> str:
        return "".join(str(dag) for dag in sorted(set(self.cleaned_data["dagen"])))


class DoeBoekjeSnelForm(TabelForm):
    """The few facts that change most, updated in the list during an Open Koffie."""

    gecontroleerd = forms.BooleanField(
        label="Alles klopt nu (gecontroleerd)", required=False, initial=True
    )

    class Meta:
        model = DoeBoekjeItem
        fields = ["wanneer", "kosten", "contact"]
        help_texts = {"wanneer": "", "kosten": "", "contact": "Alleen contact van de organisatie."}


class DoeBoekjeSnelNieuwForm(TabelForm):
    """The three facts to jot down a new entry at an Open Koffie; it posts to the full
    form's view, which validates it (the other fields may stay empty)."""

    class Meta:
        model = DoeBoekjeItem
        fields = ["naam", "categorie", "wanneer"]
        help_texts = {"wanneer": ""}


class DoeBoekjeZoekForm(forms.Form):
    """The public search: a word and a day, both optional, read from the address."""

    # The search box's examples (its placeholder, and what to try when nothing is
    # found): each finds something in the demo doe-boekje (tests/test_zoeken.py).
    voorbeelden = ("wandelen", "koffie", "koor")

    zoek = forms.CharField(label="Zoek op woord", max_length=100, required=False)
    dag = forms.ChoiceField(
        label="Op welke dag?",
        choices=[("", "Alle dagen"), *((label, label) for _, label in Dag.choices)],
        required=False,
        error_messages={"invalid_choice": "Kies een dag van maandag tot en met zondag."},
    )

    @property
    def filtert(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    @property
    def zoekt(self) -> bool:
        """A search by word: the results are ranked."""
        return self.is_valid() and bool(zoektermen.zoekwoorden(self.cleaned_data["zoek"]))

    def toepassen(self, items: DoeBoekjeItemQuerySet) -> DoeBoekjeItemQuerySet:
        """The entries that match; an invalid search filters nothing (the form says why)."""
        if not self.is_valid():
            return items
        if self.cleaned_data["dag"]:
            items = items.op_dag(Dag.labels.index(self.cleaned_data["dag"]))
        return items.zoek(self.cleaned_data["zoek"])

    def suggesties(self) -> list[str]:
        """Words to try when the search found nothing."""
        return zoektermen.suggesties(self.cleaned_data["zoek"]) or list(self.voorbeelden)
