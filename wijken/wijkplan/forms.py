import uuid

from django import forms

from initiatieven.models import STANDAARD_THEMAS, Thema
from wijken.base.forms import (
    MARKDOWN_HULP,
    MarkdownField,
    MarkdownTextarea,
    PortaalForm,
    PortaalMixin,
    ToestemmingMixin,
)
from wijken.base.models import Wijk
from wijken.wijkplan.models import Actie, Themastand, Vaststelling, Wijkplan


class InlineForm(PortaalForm):
    """The template writes the <form> tag itself, with its htmx attributes beside action."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False


class VersieMixin(forms.Form):
    """The version the editor started from: the optimistic lock of this form."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class TokenMixin(forms.Form):
    """A fresh token per rendered form, so a double submit adds nothing twice."""

    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4()


class DeelForm(ToestemmingMixin, VersieMixin, InlineForm):
    class Meta:
        model = Wijkplan
        fields: list[str] = []


def deel_form(veld: str, *args, **kwargs) -> DeelForm:
    """The form for one section of the plan."""
    form_class = forms.modelform_factory(
        Wijkplan,
        form=DeelForm,
        fields=[veld],
        field_classes={veld: MarkdownField},
        widgets={veld: MarkdownTextarea},
        help_texts={veld: f"{Wijkplan._meta.get_field(veld).help_text} {MARKDOWN_HULP}"},
    )
    form_class.openbare_velden = (veld,)
    return form_class(*args, **kwargs)


class ActieVelden(ToestemmingMixin, InlineForm):
    openbare_velden = ("omschrijving", "wie")

    def publieke_wijken(self) -> list[Wijk]:
        return [self.instance.wijkplan.wijk]

    class Meta:
        model = Actie
        fields = ["omschrijving", "wie", "voor_wanneer"]
        widgets = {"voor_wanneer": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"wie": "Wie pakt het op? Een naam of een groep."}


class NieuweActieForm(TokenMixin, ActieVelden):
    submit_label = "Actie toevoegen"
    prefix = "actie"


class ActieForm(VersieMixin, ActieVelden):
    """Carries the values it was loaded with (basis_*), so a save after someone else's
    knows what each of them changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in self.Meta.fields:
            veld = forms.fields_for_model(Actie, [naam])[naam]
            veld.required, veld.widget = False, forms.HiddenInput()
            self.fields[f"basis_{naam}"] = veld
            if not self.is_bound and self.instance.pk:
                self.initial[f"basis_{naam}"] = getattr(self.instance, naam)

    def velden(self) -> dict:
        return {naam: self.cleaned_data[naam] for naam in self.Meta.fields}

    def basis(self) -> dict | None:
        """The values as loaded; None from a form without them (an old page)."""
        if not self.cleaned_data.get("basis_omschrijving"):
            return None
        return {naam: self.cleaned_data[f"basis_{naam}"] for naam in self.Meta.fields}


class VaststellingForm(InlineForm):
    submit_label = "Vaststellen"

    class Meta:
        model = Vaststelling
        fields = ["open_koffie"]
        labels = {"open_koffie": "Op welke Open Koffie is deze versie vastgesteld?"}

    def __init__(self, *args, open_koffies, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["open_koffie"]
        field.queryset, field.required = open_koffies, True
        field.empty_label = "Kies de Open Koffie"
        field.error_messages["required"] = "Kies de Open Koffie waar de wijk dit plan vaststelde."


class ActieStapForm(forms.Form):
    """The small POST forms of the acties table: complete, move, delete."""

    versie = forms.IntegerField(min_value=0)
    afgerond = forms.BooleanField(required=False)
    richting = forms.ChoiceField(
        choices=[("omhoog", "omhoog"), ("omlaag", "omlaag")], required=False
    )
    plaats = forms.IntegerField(min_value=1, max_value=10_000, required=False)


class VergelijkForm(forms.Form):
    van = forms.IntegerField(min_value=1)
    naar = forms.IntegerField(min_value=1)


class ThemaForm(PortaalMixin, forms.Form):
    """The five standard themes of a wijk on one page (wijkplan 2.1.2): per theme its
    stand, Samen aan tafel's form, and a line of explanation."""

    submit_label = "Thema's opslaan"

    def __init__(self, *args, wijk: Wijk, **kwargs):
        super().__init__(*args, **kwargs)
        standen = {stand.thema: stand for stand in wijk.themastanden.all()}
        keuzes = [("", "Nog niet besproken"), *Themastand.Stand.choices]
        for thema in STANDAARD_THEMAS:
            huidig = standen.get(thema)
            self.fields[f"{thema}-stand"] = forms.ChoiceField(
                label=thema.label,
                choices=keuzes,
                required=False,
                initial=huidig.stand if huidig else "",
                help_text="Gestart ziet u vanzelf: een initiatief met dit thema.",
            )
            if thema == Thema.SAMEN_AAN_TAFEL:
                self.fields[f"{thema}-vorm"] = forms.ChoiceField(
                    label="Vorm van Samen aan tafel",
                    choices=[("", "Nog niet gekozen"), *Themastand.Vorm.choices],
                    required=False,
                    initial=huidig.vorm if huidig else "",
                )
            self.fields[f"{thema}-toelichting"] = forms.CharField(
                label=f"Toelichting bij {thema.label}",
                max_length=300,
                required=False,
                initial=huidig.toelichting if huidig else "",
            )

    def standen(self) -> dict[str, tuple[str, str, str]]:
        data = self.cleaned_data
        return {
            thema.value: (
                data[f"{thema}-stand"],
                data.get(f"{thema}-vorm", ""),
                data[f"{thema}-toelichting"],
            )
            for thema in STANDAARD_THEMAS
        }
