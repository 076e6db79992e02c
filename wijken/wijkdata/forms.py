from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings

from openkoffie.models import OpenKoffie
from wijken.base.forms import PortaalForm
from wijken.wijkdata.models import BeleefdeWijkdata


class BeleefdeWijkdataForm(PortaalForm):
    """What the wijk said about one indicator at one Open Koffie. Choosing another Open
    Koffie than the latest writes a row for that meeting, so earlier ones stay."""

    # The earlier Open Koffies of this indicator, shown below the form (set by the view).
    eerder: tuple[BeleefdeWijkdata, ...] | list[BeleefdeWijkdata] = ()

    class Meta:
        model = BeleefdeWijkdata
        fields = ["open_koffie", "herkenning", "nadruk"]
        widgets = {"herkenning": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        veld = self.fields["open_koffie"]
        veld.queryset = OpenKoffie.objects.voor_wijk(instance.wijk).geweest().gaat_door()
        veld.empty_label = None
        if not veld.queryset.exists():
            veld.help_text = "Er is nog geen Open Koffie geweest: leg dit vast na de eerste."

    def clean(self):
        cleaned = super().clean()
        open_koffie = cleaned.get("open_koffie")
        if open_koffie is not None and open_koffie.pk != self.instance.open_koffie_id:
            self.instance = BeleefdeWijkdata.objects.filter(
                wijk=self.instance.wijk, indicator=self.instance.indicator, open_koffie=open_koffie
            ).first() or BeleefdeWijkdata(
                wijk=self.instance.wijk, indicator=self.instance.indicator
            )
        return cleaned


class WijkdataUploadForm(forms.Form):
    bestand = forms.FileField(label="CSV-bestand met wijkcijfers")

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = (
            f"Hoogstens {self.max_mb()} MB. Kolommen: cbs_code, maat, jaar, waarde, eenheid, "
            "bron; vrij: vergelijking_gemeente, vergelijking_regio, vergelijking_nederland, demo."
        )
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.add_input(Submit("bekijken", "Bekijk wat er verandert"))

    @staticmethod
    def max_mb() -> str:
        return f"{settings.WIJKDATA_MAX_BYTES / (1024 * 1024):g}"

    def clean_bestand(self):
        """Checked before a byte is parsed: the name, then the size."""
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Kies een CSV-bestand (eindigt op .csv).")
        if bestand.size > settings.WIJKDATA_MAX_BYTES:
            raise forms.ValidationError(
                f"Het bestand is groter dan {self.max_mb()} MB. Splits het in delen, "
                "bijvoorbeeld per regio, en lees die een voor een in."
            )
        return bestand
