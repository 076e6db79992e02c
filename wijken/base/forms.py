from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.urls import reverse_lazy

from communitycare.lib.plakken import tidy_pasted_text
from wijken.base import toestemming
from wijken.base.models import POSTCODE_ZOEK, Bron, Huis, Vrijwilliger, Wijk, Wijkverbinder


class PortaalMixin:
    """A form rendered by crispy-forms with one Dutch save button."""

    submit_label = "Opslaan"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("opslaan", self.submit_label))


MARKDOWN_HULP = (
    "Een lege regel begint een nieuwe alinea. *schuin*, **vet**, een regel die begint met "
    "- wordt een opsomming, [tekst](https://…) een link, # een tussenkop. Plakken uit Word "
    "of van een website houdt vet, schuin, opsommingen en links."
)


class MarkdownTextarea(forms.Textarea):
    """A textarea for the Markdown subset. static/js/plakken.js sends what is pasted into
    it as HTML to `beheer:plakken`, and pastes the Markdown the server makes of it."""

    def __init__(self, attrs=None):
        plakken = reverse_lazy("beheer:plakken")
        super().__init__({"rows": 10, **(attrs or {}), "data-plakken": plakken})


class MarkdownField(forms.CharField):
    """A long text in the Markdown subset. Plain text pasted from Word (without
    JavaScript, or from another program) gets its lists and tabs as Markdown."""

    widget = MarkdownTextarea

    def to_python(self, value):
        return tidy_pasted_text(super().to_python(value))


class PortaalForm(PortaalMixin, forms.ModelForm):
    """A model form rendered by crispy-forms with one Dutch save button."""


class ToestemmingMixin:
    """For a form whose `openbare_velden` go public: a name that consent does not allow
    (wijken.base.toestemming) stops the save with a warning naming who, and the form then
    shows the checkbox "Toch opslaan". The checkbox exists only beside that warning, so a
    confirmation never carries over to a later save."""

    TOCH_OPSLAAN = "toch_opslaan"
    openbare_velden: tuple[str, ...] = ()

    def publieke_wijken(self) -> list[Wijk]:
        """The wijken whose people the text could name."""
        return [self.instance.wijk]

    def clean(self):
        cleaned = super().clean()
        teksten = [cleaned.get(veld) for veld in self.openbare_velden]
        genoemd = toestemming.zonder_toestemming(self.publieke_wijken(), *teksten)
        if genoemd and not self.data.get(self.add_prefix(self.TOCH_OPSLAAN)):
            self.add_error(None, toestemming.waarschuwing(genoemd))
            self.fields[self.TOCH_OPSLAAN] = forms.BooleanField(
                label="Toch opslaan: ik weet wie deze tekst noemt, en dat het zo mag",
                required=False,
            )
        return cleaned


class _NaamNietTeLang:
    """Refuses a username longer than any user has.

    Django's login forms set the length only as the input's maxlength; a longer name
    went on to django-axes, whose record of the failed attempt holds 255 characters
    (a server error on PostgreSQL)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


class InlogForm(_NaamNietTeLang, AuthenticationForm):
    """The login of the back office."""


class AdminInlogForm(_NaamNietTeLang, AdminAuthenticationForm):
    """The login of the Django admin."""


class TabelForm(forms.ModelForm):
    """A compact form laid out by hand (a table row, a list item): Bootstrap classes on
    every input, so `{{ field }}` renders right without crispy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"


class WijkForm(ToestemmingMixin, PortaalForm):
    openbare_velden = ("introductie", "contact_voor_vragen", "wie_leeft_hier", "behoeften")

    def publieke_wijken(self) -> list[Wijk]:
        return [self.instance]

    class Meta:
        model = Wijk
        fields = [
            "naam",
            "introductie",
            "contact_voor_vragen",
            "wie_leeft_hier",
            "behoeften",
            "cbs_code",
            "postcodes",
            "gestart_op",
            "geen_nieuwe_initiatieven_op",
            "geen_nieuwe_initiatieven_reden",
        ]
        widgets = {
            "gestart_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "geen_nieuwe_initiatieven_op": forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"
            ),
            "geen_nieuwe_initiatieven_reden": forms.Textarea(attrs={"rows": 2}),
            "introductie": forms.Textarea(attrs={"rows": 3}),
            "contact_voor_vragen": forms.Textarea(attrs={"rows": 3}),
            "wie_leeft_hier": forms.Textarea(attrs={"rows": 5}),
            "behoeften": forms.Textarea(attrs={"rows": 5}),
        }


class HuisForm(PortaalForm):
    class Meta:
        model = Huis
        fields = ["naam", "adres", "postcode", "plaats", "telefoon"]


class WijkverbinderForm(PortaalForm):
    """Also a sign-up on behalf of a resident: how it came in (never "via de website",
    which only the public form sets)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bron = self.fields["bron"]
        assert isinstance(bron, forms.TypedChoiceField)
        bron.choices = [("", "Door de coördinator zelf")] + [
            keuze for keuze in Bron.choices if keuze[0] != Bron.WEBSITE
        ]
        if self.instance.bron == Bron.WEBSITE:
            bron.disabled = True
            bron.choices = Bron.choices

    class Meta:
        model = Wijkverbinder
        fields = [
            "naam",
            "email",
            "telefoon",
            "status",
            "startdatum",
            "uren_per_maand",
            "bijdrage",
            "wederkerigheid",
            "talenten",
            "bron",
            "kanaal",
            "intake_op",
            "intake_notities",
            "laatste_checkin_op",
            "toestemming_publiek",
            "mag_doe_boekje_bijwerken",
        ]
        widgets = {
            "startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "intake_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "laatste_checkin_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "intake_notities": forms.Textarea(attrs={"rows": 4}),
            "bijdrage": forms.Textarea(attrs={"rows": 3}),
            "wederkerigheid": forms.Textarea(attrs={"rows": 3}),
            "talenten": forms.Textarea(attrs={"rows": 2}),
        }


class VrijwilligerForm(PortaalForm):
    def __init__(self, *args, wijk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["huis"].queryset = wijk.huizen.all()
        self.fields["huis"].empty_label = "Kies een huis"

    class Meta:
        model = Vrijwilliger
        fields = ["naam", "huis", "wat", "contact", "startdatum", "gestopt_op"]
        widgets = {
            "startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "gestopt_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class WijkZoekForm(forms.Form):
    """The search of the home page, read from the address: a wijk's or regio's name, a
    plaats or a postcode."""

    zoek = forms.CharField(
        label="Uw wijk, plaats of postcode",
        max_length=100,
        required=False,
        error_messages={
            "max_length": "Dat is te lang. Typ de naam van uw wijk of plaats, "
            "of de 4 cijfers van uw postcode."
        },
    )

    def gevonden(self, aantal: int) -> list[Wijk] | None:
        """Up to `aantal` wijken that match, by name; None when nothing was searched."""
        if not self.is_valid() or not self.cleaned_data["zoek"]:
            return None
        return list(
            Wijk.objects.zoek(self.cleaned_data["zoek"])
            .select_related("regio")
            .order_by("naam")[:aantal]
        )

    @property
    def postcode(self) -> str:
        """The postcode area searched for, if the search was a postcode."""
        match = POSTCODE_ZOEK.fullmatch(self.cleaned_data.get("zoek", ""))
        return match[1] if match else ""

    @property
    def met_cijfers(self) -> bool:
        """Digits that are no postcode: maybe a postcode typed wrong."""
        return any(teken.isdigit() for teken in self.cleaned_data.get("zoek", ""))
