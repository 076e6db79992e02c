"""Forms of Bijlage 2: the agreements of a huis, its opening hours and its rooms."""

from django import forms
from django.core.exceptions import ValidationError

from wijken.base.forms import PortaalForm, TabelForm
from wijken.base.models import DAG_FOUT, Dag, Huis
from wijken.mogelijkheden.models import CAPACITEIT_MAX, HuisMogelijkheden, Openingstijd, Ruimte


class HuisMogelijkhedenForm(PortaalForm):
    class Meta:
        model = HuisMogelijkheden
        exclude = ["huis"]
        widgets = {
            "afgesproken_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "toegang": forms.RadioSelect,
            "gasterie_bezetting": forms.RadioSelect,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in [
                    "receptie_toelichting",
                    "toegang_anders",
                    "extra_maatregelen",
                    "koken_voorwaarden",
                    "financiele_afspraken",
                ]
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One page with three parts and one save button: the template holds the <form>.
        self.helper.form_tag = False
        self.helper.inputs = []
        for name in ["toegang", "gasterie_bezetting"]:
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]


class OpeningstijdForm(TabelForm):
    class Meta:
        model = Openingstijd
        fields = ["soort", "dag", "van", "tot"]
        widgets = {
            "van": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "tot": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        error_messages = {"dag": {"invalid_choice": DAG_FOUT}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own empty choice is not translated into Dutch yet.
        self.fields["soort"].choices = [
            ("", "Kies receptie of Gasterie"),
            *Openingstijd.Soort.choices,
        ]
        self.fields["dag"].choices = [("", "Kies een dag"), *Dag.choices]


class RuimteForm(TabelForm):
    class Meta:
        model = Ruimte
        fields = ["naam", "capaciteit", "beschikbaar", "reserveren"]
        error_messages = {
            "capaciteit": {
                "min_value": "Vul het aantal personen in dat er mag zijn: minstens 1.",
                "max_value": f"Meer dan {CAPACITEIT_MAX} personen in één ruimte is niet "
                "aannemelijk; controleer het aantal volgens de BHV-regels.",
            }
        }


class OpeningstijdFormSetBase(forms.BaseInlineFormSet):
    """Refuses blocks of the same huis, kind and day that overlap."""

    def clean(self) -> None:
        super().clean()
        tijden = [
            form.instance
            for form in self.forms
            if (form.has_changed() or form.instance.pk)
            and form.is_valid()
            and not self._should_delete_form(form)
        ]
        if fouten := Openingstijd.overlap_fouten(tijden):
            raise ValidationError(fouten)


OpeningstijdFormSet = forms.inlineformset_factory(
    Huis,
    Openingstijd,
    form=OpeningstijdForm,
    formset=OpeningstijdFormSetBase,
    extra=3,
    can_delete=True,
)
RuimteFormSet = forms.inlineformset_factory(Huis, Ruimte, form=RuimteForm, extra=2, can_delete=True)
