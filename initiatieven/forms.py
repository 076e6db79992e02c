from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import Truncator, slugify

from communitycare.lib.bedragen import BedragField
from communitycare.lib.formsets import FACTORY_ARGUMENTS, ExistingRowsOnly
from initiatieven.models import (
    Begroting,
    Begrotingsregel,
    Besteding,
    Categorie,
    Evaluatie,
    Idee,
    Initiatief,
    Startstap,
    Status,
)
from openkoffie.forms import HoningpotForm
from openkoffie.models import OpenKoffie
from wijken.base import roles
from wijken.base.forms import PortaalForm, ToestemmingMixin
from wijken.base.indicatoren import Indicator
from wijken.base.models import RESERVED_SLUGS, Bron, User, Wijk

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _indicatoren_veld(required: bool) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Indicatoren",
        choices=Indicator.choices,
        widget=forms.CheckboxSelectMultiple,
        required=required,
        error_messages={"required": "Kies minstens één indicator."},
        help_text="Op welke van de vier indicatoren heeft het initiatief invloed?",
    )


NAAM_BESTAAT = "Er is in deze wijk al een initiatief met deze naam."


def kies_wijkverbinder(field: forms.ModelChoiceField, wijk: Wijk) -> None:
    """The wijk's active wijkverbinders, each with their talents and how many running
    initiatives they coordinate now: who to ask is a choice about people (step 8)."""
    lopend = Q(initiatieven__status__in=[Status.ONTWIKKELING, Status.ACTIEF])
    field.queryset = wijk.wijkverbinders.actief().annotate(
        lopende_initiatieven=Count("initiatieven", filter=lopend)
    )

    def label(verbinder) -> str:
        delen = [verbinder.naam]
        if verbinder.talenten:
            delen.append(f"talenten: {Truncator(verbinder.talenten).words(8)}")
        n = verbinder.lopende_initiatieven
        delen.append(f"coördineert nu {n} initiatie{'f' if n == 1 else 'ven'}")
        return " · ".join(delen)

    field.label_from_instance = label


INITIATIEFNEMER_VELDEN = ["initiatiefnemer_soort", "initiatiefnemer", "initiatiefnemer_toestemming"]
INITIATIEFNEMER_LABELS = {"initiatiefnemer_soort": "Wie had het idee?"}


class InitiatiefNieuwForm(ToestemmingMixin, PortaalForm):
    submit_label = "Initiatief aanmaken"
    # Prefilled from an idea or a bespreekpunt, which may name someone.
    openbare_velden = ("naam", "initiatiefnemer", "globale_beschrijving")

    class Meta:
        model = Initiatief
        fields = ["naam", "thema", *INITIATIEFNEMER_VELDEN, "globale_beschrijving"]
        labels = INITIATIEFNEMER_LABELS
        widgets = {"globale_beschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk = wijk

    def clean_naam(self) -> str:
        naam = self.cleaned_data["naam"].strip()
        slug = slugify(naam)[:150]
        # "nieuw" is the address of the form for a new initiative, "ideeen/" the ideas'.
        if not slug or slug in RESERVED_SLUGS or slug in ("nieuw", "ideeen"):
            raise ValidationError("Kies een naam met letters of cijfers.")
        if Initiatief.objects.filter(wijk=self.instance.wijk, slug=slug).exists():
            raise ValidationError(NAAM_BESTAAT)
        self.instance.slug = slug
        return naam


class BeschrijvingForm(ToestemmingMixin, PortaalForm):
    """Bijlage 6: the initiatiefbeschrijving, which may be saved half-finished."""

    openbare_velden = (
        "naam",
        "initiatiefnemer",
        "overige_betrokkenen",
        "contactpersoon",
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

    indicatoren = _indicatoren_veld(required=False)

    class Meta:
        model = Initiatief
        fields = [
            "naam",
            "thema",
            "datum_ingevuld",
            "coordinator",
            "wijkverbinder",
            "overige_betrokkenen",
            "contactpersoon",
            "startdatum",
            *INITIATIEFNEMER_VELDEN,
            "globale_beschrijving",
            "indicatoren",
            "aanpak",
            "wanneer",
            "deelnemers",
            "ruimte",
            "eten_drinken",
            "communicatie",
            "uitvoering",
            "overige_afspraken",
        ]
        labels = INITIATIEFNEMER_LABELS
        widgets = {
            "datum_ingevuld": DATUM,
            "startdatum": DATUM,
            "overige_betrokkenen": forms.Textarea(attrs={"rows": 2}),
            "globale_beschrijving": forms.Textarea(attrs={"rows": 5}),
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in [
                    "aanpak",
                    "wanneer",
                    "deelnemers",
                    "ruimte",
                    "eten_drinken",
                    "communicatie",
                    "uitvoering",
                    "overige_afspraken",
                ]
            },
        }

    # Who coordinates and when it started are the coördinator's: the wijkverbinder
    # is appointed at the overleg (step 8), the start follows the approval.
    WIE_EN_WANNEER = ("coordinator", "wijkverbinder", "startdatum")

    def __init__(self, *args, wie_en_wanneer: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        wijk = self.instance.wijk
        if wie_en_wanneer:
            self.fields["coordinator"].queryset = User.objects.filter(
                groups__name=roles.COORDINATOR, is_active=True
            ).distinct()
            kies_wijkverbinder(self.fields["wijkverbinder"], wijk)
            self.fields["coordinator"].empty_label = "Kies een coördinator"
            self.fields["wijkverbinder"].empty_label = "Nog niemand"
        else:
            for name in self.WIE_EN_WANNEER:
                del self.fields[name]
        self.initial.setdefault("indicatoren", self.instance.indicator_waarden)

    def save(self, commit: bool = True) -> Initiatief:
        initiatief = super().save(commit=commit)
        if commit:
            initiatief.zet_indicatoren(self.cleaned_data["indicatoren"])
        return initiatief


IDEE_LABELS = {
    "tekst": "Wat is uw idee?",
    "naam": "Uw naam (mag leeg)",
    "contact": "Uw telefoon of e-mail (mag leeg)",
}
IDEE_TEKST = forms.Textarea(attrs={"rows": 5, "maxlength": 1000})


class IdeeForm(HoningpotForm):
    """ "Heeft u een idee?": anyone proposes an initiative for their wijk."""

    submit_label = "Idee insturen"

    class Meta:
        model = Idee
        fields = ["tekst", "naam", "contact"]
        labels = IDEE_LABELS
        help_texts = {
            "tekst": "Wat wilt u samen met anderen doen in de wijk? Kort is goed. "
            "Hoogstens 1000 tekens.",
            "naam": "Dan weet de coördinator van wie het idee komt.",
            "contact": "Alleen de coördinator ziet dit, om met u over het idee te praten. "
            "Het komt nooit op de site.",
        }
        widgets = {"tekst": IDEE_TEKST}
        error_messages = {"tekst": {"required": "Schrijf uw idee op."}}

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk = wijk


class IdeeNamensForm(PortaalForm):
    """An idea a resident gave by phone, on a note or in person, entered by staff: no
    rate limit and no honeypot, reviewed like an idea from the website."""

    submit_label = "Idee opslaan"

    class Meta:
        model = Idee
        fields = ["bron", "tekst", "naam", "contact"]
        labels = {
            "bron": "Hoe kwam het idee binnen?",
            "tekst": "Wat is het idee van de bewoner?",
            "naam": "Naam van de bewoner (mag leeg)",
            "contact": "Telefoon of adres van de bewoner (mag leeg)",
        }
        help_texts = {
            "contact": "Alleen voor u, om met de bewoner over het idee te praten. Nooit op de site."
        }
        widgets = {"tekst": IDEE_TEKST}
        error_messages = {"tekst": {"required": "Schrijf het idee op."}}

    def __init__(self, *args, wijk: Wijk, door: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk = wijk
        self.instance.ingevoerd_door = door
        bron = self.fields["bron"]
        assert isinstance(bron, forms.TypedChoiceField)
        bron.choices = [keuze for keuze in Bron.choices if keuze[0] != Bron.WEBSITE]
        self.initial.setdefault("bron", Bron.TELEFOON)


class IdeeStatusForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s.label) for s in Idee.HANDMATIG])


class StapForm(forms.ModelForm):
    """Completes one of the start steps 1–9; each asks for its own answer."""

    VELDEN = {
        1: ["antwoord"],
        2: ["antwoord", "bewoner_doet_mee"],
        3: ["antwoord"],
        4: ["antwoord"],
        5: ["antwoord"],
        6: ["antwoord"],
        7: ["antwoord"],
        8: ["overleg", "overleg_wijkverbinder", "antwoord"],
        9: ["open_koffie", "antwoord"],
    }
    ANTWOORD_LABEL = {
        1: "Toelichting",
        2: "Wie doen er mee?",
        3: "Wat is er al in de wijk, en waarom is dit nieuw?",
        4: "Hoe evalueren we het, en hoe blijft het bestaan?",
        5: "Welk doel van het wijkplan dient het?",
        6: "Toelichting",
        7: "Toelichting",
        8: "Afspraken uit het overleg",
        9: "Wat zei de Open Koffie?",
    }

    class Meta:
        model = Startstap
        fields = [
            "antwoord",
            "bewoner_doet_mee",
            "overleg",
            "overleg_wijkverbinder",
            "open_koffie",
        ]
        widgets = {"antwoord": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, initiatief: Initiatief, nummer: int, **kwargs):
        self.initiatief, self.nummer = initiatief, nummer
        kwargs.setdefault("prefix", f"stap{nummer}")
        super().__init__(*args, **kwargs)
        # Model validation (the meeting must be of this wijk) needs to know whose step.
        self.instance.initiatief, self.instance.nummer = initiatief, nummer
        for name in list(self.fields):
            if name not in self.VELDEN[nummer]:
                del self.fields[name]
        self.order_fields(self.VELDEN[nummer])
        antwoord = self.fields["antwoord"]
        antwoord.label = self.ANTWOORD_LABEL[nummer]
        antwoord.required = nummer in (2, 3, 4, 5)
        if nummer == 1:
            self.fields["indicatoren"] = _indicatoren_veld(required=True)
            self.fields["indicatoren"].initial = initiatief.indicator_waarden
            self.order_fields(["indicatoren", "antwoord"])
        if nummer == 2:
            self.fields["bewoner_doet_mee"].required = True
            self.fields["bewoner_doet_mee"].error_messages["required"] = (
                "Er moet minstens één buurtbewoner meedoen; anders is het geen initiatief."
            )
        if nummer == 3:
            self.fields["niet_aanwezig"] = forms.BooleanField(
                label="Dit is nog niet aanwezig in de wijk",
                required=True,
                initial=bool(initiatief.niet_aanwezig_in_wijk),
                error_messages={
                    "required": "Bevestig dat het initiatief nog niet in de wijk bestaat."
                },
            )
        if nummer == 8:
            field = self.fields["overleg_wijkverbinder"]
            kies_wijkverbinder(field, initiatief.wijk)
            field.empty_label = "Kies een wijkverbinder"
            field.required = True
            overleg = self.fields["overleg"]
            overleg.queryset = initiatief.wijk.overleggen.order_by("-datum")
            overleg.required, overleg.empty_label = True, "Kies het overleg"
            overleg.help_text = (
                "Staat het overleg er niet bij? Plan of leg het vast bij Open Koffie en overleg."
            )
        if nummer == 9:
            open_koffie = self.fields["open_koffie"]
            open_koffie.queryset = (
                OpenKoffie.objects.voor_wijk(initiatief.wijk)
                .gaat_door()
                .select_related("wijk", "tweede_wijk")
                .order_by("-begin")
            )
            open_koffie.required, open_koffie.empty_label = True, "Kies de Open Koffie"
            open_koffie.help_text = "De Open Koffie waar het initiatief op de agenda staat."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        if self.nummer == 6:
            begroting = self.initiatief.begroting_of_none
            if begroting is None or not begroting.regels.exists():
                raise ValidationError("Maak eerst een begroting met minstens één regel.")
        if self.nummer == 7:
            ontbreekt = self.initiatief.beschrijving_ontbreekt()
            if ontbreekt:
                raise ValidationError(
                    "De beschrijving is nog niet compleet; nog leeg: " + ", ".join(ontbreekt) + "."
                )
        return cleaned

    def save_for(self, door: User) -> Startstap:
        with transaction.atomic():
            # Two saves of one initiative's steps at once (a double submit, or two app
            # servers) queue on its row: the second replaces the first, no unique violation.
            Initiatief.objects.select_for_update().filter(pk=self.initiatief.pk).first()
            stap = super().save(commit=False)
            stap.initiatief, stap.nummer = self.initiatief, self.nummer
            stap.voltooid_door, stap.voltooid_op = door, timezone.now()
            Startstap.objects.filter(initiatief=self.initiatief, nummer=self.nummer).delete()
            stap.save()
            if self.nummer == 1:
                self.initiatief.zet_indicatoren(self.cleaned_data["indicatoren"])
            if self.nummer == 3:
                self.initiatief.niet_aanwezig_in_wijk = True
                self.initiatief.save(update_fields=["niet_aanwezig_in_wijk", "gewijzigd_op"])
            if self.nummer == 8:
                self.initiatief.wijkverbinder = stap.overleg_wijkverbinder
                self.initiatief.save(update_fields=["wijkverbinder", "gewijzigd_op"])
        return stap


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=Status.choices)
    einddatum = forms.DateField(label="Einddatum (bij beëindigen)", required=False, widget=DATUM)
    reden_einde = forms.CharField(
        label="Reden van beëindigen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BegrotingsregelForm(PortaalForm):
    submit_label = "Regel toevoegen"

    class Meta:
        model = Begrotingsregel
        fields = ["categorie", "omschrijving", "bedrag", "betaler", "looptijd"]
        field_classes = {"bedrag": BedragField}
        error_messages = {
            "bedrag": {
                "required": "Vul een bedrag in.",
                "max_digits": "Een regel is hoogstens € 100.000.",
                "max_whole_digits": "Een regel is hoogstens € 100.000.",
            },
            "omschrijving": {"required": "Vul in wat het is, welke of wie."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", "Kies wat het is"), *Categorie.choices]
        if self.instance.pk:
            self.helper.inputs[0].value = "Regel opslaan"


class OverigAkkoordForm(PortaalForm):
    class Meta:
        model = Begroting
        fields = ["overige_financieel_akkoord", "overige_financieel_akkoord_datum"]
        widgets = {"overige_financieel_akkoord_datum": DATUM}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("overige_financieel_akkoord") and not cleaned.get(
            "overige_financieel_akkoord_datum"
        ):
            self.add_error("overige_financieel_akkoord_datum", "Vul de datum van het akkoord in.")
        return cleaned


class EvaluatieForm(forms.ModelForm):
    publiceren = forms.BooleanField(
        label="Afgerond: publiceer deze evaluatie op de openbare pagina",
        required=False,
    )

    class Meta:
        model = Evaluatie
        fields = [
            "ingevuld_door",
            "datum",
            "startdatum_initiatief",
            "betrokken_wijkverbinder",
            "betrokken_coordinator",
            "overige_betrokkenen",
            "beinvloeding_indicator",
            "contactpersoon",
            "opstart",
            "voortgang",
            "effect_beleving",
            "effect_gemeten",
            "voortzetten",
            "reden_beeindigen",
        ]
        widgets = {
            "datum": DATUM,
            "startdatum_initiatief": DATUM,
            "overige_betrokkenen": forms.Textarea(attrs={"rows": 2}),
            "beinvloeding_indicator": forms.Textarea(attrs={"rows": 2}),
            **{
                name: forms.Textarea(attrs={"rows": 4})
                for name in [
                    "opstart",
                    "voortgang",
                    "effect_beleving",
                    "effect_gemeten",
                    "voortzetten",
                    "reden_beeindigen",
                ]
            },
        }

    def __init__(self, *args, publiceren: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publiceren"].initial = self.instance.gepubliceerd_op is not None
        if not publiceren:
            # A wijkverbinder's draft: publishing is the coördinator's (Bijlage 7 goes
            # public in the wijk's name). Without the field, `clean` keeps it a draft.
            del self.fields["publiceren"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        # Set before model validation, which refuses to publish an incomplete evaluation.
        if not cleaned.get("publiceren"):
            self.instance.gepubliceerd_op = None
        elif self.instance.gepubliceerd_op is None:
            self.instance.gepubliceerd_op = timezone.now()
        return cleaned


class BestedingForm(forms.ModelForm):
    class Meta:
        model = Besteding
        fields = ["besteed"]
        field_classes = {"besteed": BedragField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "besteed"
        ].label = f"Werkelijk besteed aan {self.instance.get_categorie_display()}"


class BaseBestedingFormSet(ExistingRowsOnly, forms.BaseModelFormSet):
    pass


# The rows come from the begroting when the evaluation starts; the page only fills them.
BestedingFormSet = forms.modelformset_factory(
    Besteding,
    form=BestedingForm,
    formset=BaseBestedingFormSet,
    **FACTORY_ARGUMENTS,
)


class BesluitForm(forms.Form):
    """The admin's intermediate page: a reason is needed to reject."""

    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={"required": "Geef een reden waarom de begroting is afgewezen."},
    )
