import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone

from communitycare.lib import uitkomst
from communitycare.lib.dates import validate_date_range
from communitycare.lib.formsets import FACTORY_ARGUMENTS, ExistingRowsOnly
from openkoffie import planning
from openkoffie.models import (
    AgendaOnderdeel,
    Bespreekpunt,
    OpenKoffie,
    Vervolgafspraak,
    Wervingsactie,
    WijkverbinderOverleg,
)
from wijken.base.forms import (
    MARKDOWN_HULP,
    MarkdownField,
    MarkdownTextarea,
    PortaalForm,
    ToestemmingMixin,
)
from wijken.base.models import Bron, Huis, User, Wijk, Wijkverbinder

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class HoningpotForm(PortaalForm):
    """A public form with a field people never see and robots fill in."""

    website = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zichtbaar = [name for name in self.fields if name != "website"]
        self.helper.layout = Layout(*zichtbaar, Div(Field("website"), css_class="honingpot"))
        # Shown again with errors, the page opens at their summary, even without script.
        self.helper.form_action = uitkomst.ACTIE

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class BespreekpuntForm(HoningpotForm):
    submit_label = "Bespreekpunt insturen"

    class Meta:
        model = Bespreekpunt
        fields = ["tekst", "naam", "contact"]
        labels = {
            "tekst": "Wat wilt u bespreken?",
            "naam": "Uw naam (mag leeg)",
            "contact": "Uw telefoon of e-mail (mag leeg)",
        }
        help_texts = {
            "tekst": "Kort is goed. Hoogstens 1000 tekens.",
            "naam": "Uw naam komt bij uw punt op de agenda te staan.",
            "contact": "Alleen de coördinator ziet dit, om u iets te vragen. "
            "Het komt nooit op de site.",
        }
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}


class BespreekpuntNamensForm(PortaalForm):
    """A point a resident gave by phone, on a note or in person, entered by staff: no
    rate limit and no honeypot, moderated like a point from the website."""

    submit_label = "Punt opslaan"

    class Meta:
        model = Bespreekpunt
        fields = ["bron", "tekst", "naam", "contact"]
        labels = {
            "bron": "Hoe kwam het punt binnen?",
            "tekst": "Wat wil de bewoner bespreken?",
            "naam": "Naam van de bewoner (mag leeg)",
            "contact": "Telefoon of adres van de bewoner (mag leeg)",
        }
        help_texts = {
            "naam": "Komt bij het punt op de agenda, als u het punt accepteert.",
            "contact": "Alleen voor u, om de bewoner iets te vragen. Nooit op de site.",
        }
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}

    def __init__(self, *args, open_koffie: OpenKoffie, door: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.open_koffie = open_koffie
        self.instance.ingevoerd_door = door
        bron = self.fields["bron"]
        assert isinstance(bron, forms.TypedChoiceField)
        bron.choices = [keuze for keuze in Bron.choices if keuze[0] != Bron.WEBSITE]
        self.initial.setdefault("bron", Bron.TELEFOON)


class WordWijkverbinderForm(HoningpotForm):
    submit_label = "Aanmelden"

    class Meta:
        model = Wijkverbinder
        fields = ["naam", "email", "telefoon", "bijdrage", "wederkerigheid", "talenten", "kanaal"]
        labels = {
            "kanaal": "Hoe hoorde u van de wijkverbinders? (mag leeg)",
            "naam": "Uw naam",
            "email": "Uw e-mailadres",
            "telefoon": "Uw telefoonnummer",
            "bijdrage": "Wat wilt u doen voor de wijk?",
            "wederkerigheid": "Wat hoopt u er zelf aan over te houden?",
            "talenten": "Waar bent u goed in?",
        }
        help_texts = {
            "email": "Vul een e-mailadres of een telefoonnummer in, zodat de coördinator u "
            "kan bellen of mailen. Dit komt nooit op de site.",
        }
        widgets = {
            "bijdrage": forms.Textarea(attrs={"rows": 3}),
            "wederkerigheid": forms.Textarea(attrs={"rows": 3}),
            "talenten": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naam"].help_text = ""
        self.instance.bron = Bron.WEBSITE

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("telefoon"):
            raise forms.ValidationError(
                "Vul een e-mailadres of een telefoonnummer in, dan kan de coördinator u bereiken."
            )
        return cleaned


class OpenKoffieForm(PortaalForm):
    # Not a model field (begin and einde are): the model's date range is checked here.
    datum = forms.DateField(widget=DATUM, validators=[validate_date_range])
    begintijd = forms.TimeField(widget=TIJD, initial=datetime.time(14))
    eindtijd = forms.TimeField(widget=TIJD, initial=datetime.time(16))

    class Meta:
        model = OpenKoffie
        fields = ["onderwerp", "huis", "adres", "tweede_wijk", "status", "reden_annulering"]
        widgets = {"reden_annulering": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, wijk: Wijk, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.wijk_id:
            self.instance.wijk = wijk
        hoofdwijk = self.instance.wijk
        buren = (
            Wijk.objects.editable_by(user).filter(regio=hoofdwijk.regio).exclude(pk=hoofdwijk.pk)
        )
        self.fields["tweede_wijk"].queryset = buren
        self.fields["huis"].queryset = Huis.objects.filter(
            Q(wijk=hoofdwijk) | Q(wijk__in=buren)
        ).select_related("wijk")
        self.fields["huis"].label_from_instance = lambda huis: f"{huis.naam} ({huis.wijk.naam})"
        self.fields["huis"].empty_label = "Geen huis: ander adres"
        self.fields["tweede_wijk"].empty_label = "Geen: alleen " + hoofdwijk.naam
        if self.instance.pk:
            begin = timezone.localtime(self.instance.begin)
            self.initial.update(
                datum=begin.date(),
                begintijd=begin.time(),
                eindtijd=timezone.localtime(self.instance.einde).time(),
            )

    def clean(self):
        cleaned = super().clean()
        datum, begin, einde = (cleaned.get(k) for k in ["datum", "begintijd", "eindtijd"])
        if datum and begin and einde:
            if einde <= begin:
                self.add_error("eindtijd", "De eindtijd moet na de begintijd liggen.")
            else:
                self.instance.begin = planning.moment(datum, begin)
                self.instance.einde = planning.moment(datum, einde)
        if not cleaned.get("huis") and not cleaned.get("adres", "").strip():
            self.add_error("adres", "Kies een huis of vul een ander adres in.")
        return cleaned


class VerslagForm(ToestemmingMixin, PortaalForm):
    openbare_velden = ("verslag",)

    def publieke_wijken(self) -> list[Wijk]:
        return self.instance.wijken

    class Meta:
        model = OpenKoffie
        fields = [
            "aantal_buurtbewoners",
            "coordinator_aanwezig",
            "wijkverbinders_aanwezig",
            "management_aanwezig",
            "aantal_professionals",
            "wijkbeeld_besproken",
            "wijkdata_besproken",
            "wijkplan_besproken",
            "verslag",
        ]
        help_texts = {
            "verslag": "Wat is er besproken en afgesproken? Dit komt op de openbare pagina. "
            f"Schrijf geen telefoonnummers of adressen van bewoners op. {MARKDOWN_HULP}",
        }
        field_classes = {"verslag": MarkdownField}
        widgets = {"verslag": MarkdownTextarea(attrs={"rows": 8})}

    def clean(self):
        cleaned = super().clean()
        if self.instance.begin > timezone.now():
            raise forms.ValidationError(
                "Het verslag en de opkomst vult u in als de Open Koffie geweest is."
            )
        if self.instance.is_geannuleerd:
            raise forms.ValidationError("Deze Open Koffie is geannuleerd; er is geen verslag.")
        if cleaned.get("aantal_buurtbewoners") is None:
            self.add_error("aantal_buurtbewoners", "Vul in hoeveel buurtbewoners er waren.")
        return cleaned

    def save(self, commit: bool = True) -> OpenKoffie:
        self.instance.status = OpenKoffie.Status.GEHOUDEN
        return super().save(commit)


class AgendaOnderdeelForm(forms.ModelForm):
    class Meta:
        model = AgendaOnderdeel
        fields = ["volgorde", "duur_minuten", "toelichting"]
        widgets = {
            "volgorde": forms.NumberInput(attrs={"class": "form-control", "min": 0}),
            "duur_minuten": forms.NumberInput(attrs={"class": "form-control", "step": 5}),
            "toelichting": forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        }


class BaseAgendaFormSet(ExistingRowsOnly, BaseInlineFormSet):
    pass


# The blocks are the method's four, made with the Open Koffie; the page only edits them.
AgendaFormSet = inlineformset_factory(
    OpenKoffie,
    AgendaOnderdeel,
    form=AgendaOnderdeelForm,
    formset=BaseAgendaFormSet,
    can_delete=False,
    **FACTORY_ARGUMENTS,
)


class VervolgafspraakForm(PortaalForm):
    submit_label = "Afspraak toevoegen"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False

    class Meta:
        model = Vervolgafspraak
        fields = ["wat", "wie", "voor_wanneer"]
        widgets = {"voor_wanneer": DATUM}


class OverlegForm(PortaalForm):
    class Meta:
        model = WijkverbinderOverleg
        fields = ["datum", "tijd", "waar", "aanwezigen", "notities"]
        widgets = {
            "datum": DATUM,
            "tijd": TIJD,
            "aanwezigen": forms.CheckboxSelectMultiple,
            "notities": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk = wijk
        huidige = (
            self.instance.aanwezigen.all() if self.instance.pk else Wijkverbinder.objects.none()
        )
        self.fields["aanwezigen"].queryset = (
            wijk.wijkverbinders.filter(status=Wijkverbinder.Status.ACTIEF) | huidige
        ).distinct()
        self.fields["aanwezigen"].help_text = "De actieve wijkverbinders van de wijk."


class JaarPlanningForm(forms.Form):
    """Makes four quarterly Open Koffies at once; each date is adjusted by hand after."""

    eerste_datum = forms.DateField(
        widget=DATUM, help_text="De andere drie komen steeds drie maanden later."
    )
    begintijd = forms.TimeField(widget=TIJD, initial=datetime.time(14))
    huis = forms.ModelChoiceField(
        queryset=Huis.objects.none(), required=False, empty_label="Geen huis: ander adres"
    )
    adres = forms.CharField(label="Of op een ander adres", max_length=250, required=False)

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijk = wijk
        self.fields["huis"].queryset = wijk.huizen.all()
        self.fields["huis"].initial = wijk.huizen.first()
        self.fields["eerste_datum"].initial = planning.voorstel_eerste_datum(wijk)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("plannen", "Plan vier Open Koffies"))

    def clean_eerste_datum(self):
        planning.controleer_eerste_datum(self.wijk, self.cleaned_data["eerste_datum"])
        return self.cleaned_data["eerste_datum"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("huis") and not cleaned.get("adres", "").strip():
            self.add_error("adres", "Kies een huis of vul een ander adres in.")
        return cleaned

    def plan(self) -> tuple[list[OpenKoffie], list[datetime.date]] | None:
        """The planned and skipped days, or None with the domain's refusal on the form."""
        data = self.cleaned_data
        try:
            return planning.plan_jaar(
                self.wijk, data["eerste_datum"], data["begintijd"], data["huis"], data["adres"]
            )
        except ValidationError as error:
            self.add_error("eerste_datum", error)
            return None


class PlanningForm(forms.Form):
    """Adds a meeting to the wijkplan's planning (H4): an Open Koffie or an overleg.

    Both land in the agenda of the openkoffie app; the wijkplan only shows them.
    """

    prefix = "planning"
    SOORTEN = [("open_koffie", "Open Koffie"), ("overleg", "Overleg coördinator en wijkverbinders")]

    soort = forms.ChoiceField(choices=SOORTEN)
    datum = forms.DateField(widget=DATUM)
    tijd = forms.TimeField(widget=TIJD, initial=datetime.time(14))
    huis = forms.ModelChoiceField(
        queryset=Huis.objects.none(), required=False, empty_label="Geen huis: ander adres"
    )
    waar = forms.CharField(label="Of op een ander adres", max_length=200, required=False)

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijk = wijk
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("opslaan", "Toevoegen aan de planning"))
        self.fields["huis"].queryset = wijk.huizen.all()
        self.fields["huis"].initial = wijk.huizen.first()

    def clean(self):
        cleaned = super().clean()
        datum = cleaned.get("datum")
        if datum and datum < timezone.localdate():
            self.add_error("datum", "De planning gaat over wat komt: kies vandaag of later.")
        if cleaned.get("soort") == "open_koffie" and not (
            cleaned.get("huis") or cleaned.get("waar", "").strip()
        ):
            self.add_error("waar", "Kies een huis of vul een ander adres in.")
        return cleaned

    def plan(self) -> OpenKoffie | WijkverbinderOverleg | None:
        data = self.cleaned_data
        try:
            if data["soort"] == "overleg":
                waar = data["waar"] or (str(data["huis"]) if data["huis"] else "")
                return planning.plan_overleg(self.wijk, data["datum"], data["tijd"], waar)
            begin = planning.moment(data["datum"], data["tijd"])
            return planning.plan_open_koffie(self.wijk, begin, data["huis"], data["waar"])
        except ValidationError as error:
            fouten = error.message_dict if hasattr(error, "error_dict") else {}
            for boodschap in [m for lijst in fouten.values() for m in lijst] or error.messages:
                self.add_error("datum", boodschap)
            return None


class WervingsactieForm(PortaalForm):
    submit_label = "Actie vastleggen"

    class Meta:
        model = Wervingsactie
        fields = ["datum", "kanaal", "wat"]
        labels = {"kanaal": "Hoe", "wat": "Wat is er gedaan?"}
        help_texts = {"wat": "Bijvoorbeeld: flyers in de Kerkstraat, stukje in het wijkkrantje."}
        widgets = {"datum": DATUM}

    def __init__(self, *args, wijk: Wijk, door: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.wijk, self.instance.door = wijk, door


class WijkverbinderStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Wijkverbinder.Status)


class BespreekpuntStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Bespreekpunt.Status)


class VerplaatsForm(forms.Form):
    richting = forms.ChoiceField(choices=[("omhoog", "omhoog"), ("omlaag", "omlaag")])
