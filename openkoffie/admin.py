from django.contrib import admin

from openkoffie.models import (
    AgendaOnderdeel,
    Bespreekpunt,
    OpenKoffie,
    Vervolgafspraak,
    WijkverbinderOverleg,
)


class AgendaOnderdeelInline(admin.TabularInline):
    model = AgendaOnderdeel
    extra = 0


class BespreekpuntInline(admin.TabularInline):
    model = Bespreekpunt
    fields = ["tekst", "naam", "contact", "status", "volgorde"]
    extra = 0


class VervolgafspraakInline(admin.TabularInline):
    model = Vervolgafspraak
    extra = 0


@admin.register(OpenKoffie)
class OpenKoffieAdmin(admin.ModelAdmin):
    list_display = ["__str__", "begin", "status", "huis", "aantal_buurtbewoners"]
    list_filter = ["status", "wijk__regio", "wijk"]
    search_fields = ["onderwerp", "wijk__naam", "tweede_wijk__naam", "adres", "verslag"]
    list_select_related = ["wijk", "tweede_wijk", "huis"]
    date_hierarchy = "begin"
    raw_id_fields = ["huis"]
    inlines = [AgendaOnderdeelInline, BespreekpuntInline, VervolgafspraakInline]


@admin.register(Bespreekpunt)
class BespreekpuntAdmin(admin.ModelAdmin):
    list_display = ["__str__", "open_koffie", "naam", "status", "ingediend_op"]
    list_filter = ["status", "open_koffie__wijk"]
    search_fields = ["tekst", "naam"]
    list_select_related = ["open_koffie__wijk", "open_koffie__tweede_wijk"]


@admin.register(WijkverbinderOverleg)
class WijkverbinderOverlegAdmin(admin.ModelAdmin):
    list_display = ["__str__", "wijk", "datum"]
    list_filter = ["wijk__regio", "wijk"]
    search_fields = ["notities", "besproken_initiatieven", "wijk__naam"]
    list_select_related = ["wijk"]
    date_hierarchy = "datum"
    filter_horizontal = ["aanwezigen"]
