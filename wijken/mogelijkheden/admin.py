"""The Huis admin lives here: it edits a huis together with what it offers (Bijlage 2)."""

from django.contrib import admin

from wijken.base.models import Huis
from wijken.mogelijkheden.forms import OpeningstijdFormSetBase
from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte


class HuisMogelijkhedenInline(admin.StackedInline):
    model = HuisMogelijkheden


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    formset = OpeningstijdFormSetBase  # refuses overlapping blocks
    extra = 0


class RuimteInline(admin.TabularInline):
    model = Ruimte
    extra = 0


@admin.register(Huis)
class HuisAdmin(admin.ModelAdmin):
    list_display = ["naam", "wijk", "adres", "plaats"]
    list_filter = ["wijk__regio"]
    search_fields = ["naam", "adres", "plaats", "wijk__naam"]
    list_select_related = ["wijk"]
    inlines = [HuisMogelijkhedenInline, OpeningstijdInline, RuimteInline]
