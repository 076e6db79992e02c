from django.contrib import admin

from openkoffie.models import (
    AgendaOnderdeel,
    Bespreekpunt,
    OpenKoffie,
    Vervolgafspraak,
    WijkverbinderOverleg,
)
from wijken.base.admin import BackOfficeAdmin

# Set by the back office only: the verslag after the meeting (its form checks that it
# took place and was not cancelled), a point's place on the agenda (`zet_status` and
# `verplaats` keep the order).
VERSLAG_VELDEN = (
    "aantal_buurtbewoners",
    "coordinator_aanwezig",
    "wijkverbinders_aanwezig",
    "management_aanwezig",
    "aantal_professionals",
    "wijkbeeld_besproken",
    "wijkdata_besproken",
    "wijkplan_besproken",
    "verslag",
)
# Who entered a point for a resident is recorded by the back office, never changed after.
BESPREEKPUNT_VELDEN = ("status", "volgorde", "bron", "ingevoerd_door")


class AgendaOnderdeelInline(admin.TabularInline):
    """The method's four blocks, made with the Open Koffie: as in the back office, their
    length and text change, the blocks themselves do not."""

    model = AgendaOnderdeel
    fields = ["soort", "volgorde", "duur_minuten", "toelichting"]
    readonly_fields = ["soort"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class BespreekpuntInline(admin.TabularInline):
    model = Bespreekpunt
    fields = ["tekst", "naam", "contact", "status", "volgorde", "bron", "ingevoerd_door"]
    readonly_fields = BESPREEKPUNT_VELDEN
    extra = 0


class VervolgafspraakInline(admin.TabularInline):
    model = Vervolgafspraak
    extra = 0


@admin.register(OpenKoffie)
class OpenKoffieAdmin(BackOfficeAdmin):
    list_display = ["__str__", "begin", "status", "huis", "aantal_buurtbewoners"]
    list_filter = ["status", "wijk__regio", "wijk"]
    search_fields = ["onderwerp", "wijk__naam", "tweede_wijk__naam", "adres", "verslag"]
    list_select_related = ["wijk", "tweede_wijk", "huis"]
    date_hierarchy = "begin"
    raw_id_fields = ["huis"]
    inlines = [AgendaOnderdeelInline, BespreekpuntInline, VervolgafspraakInline]
    domein_velden = VERSLAG_VELDEN
    backoffice_tekst = "Verslag en bespreekpunten in de backoffice"


@admin.register(Bespreekpunt)
class BespreekpuntAdmin(BackOfficeAdmin):
    list_display = ["__str__", "open_koffie", "naam", "status", "ingediend_op"]
    list_filter = ["status", "open_koffie__wijk"]
    search_fields = ["tekst", "naam"]
    list_select_related = ["open_koffie__wijk", "open_koffie__tweede_wijk"]
    domein_velden = BESPREEKPUNT_VELDEN
    backoffice_tekst = "Accepteren of verplaatsen in de backoffice"

    def backoffice_url(self, obj: Bespreekpunt) -> str:
        return obj.open_koffie.get_beheer_url()


@admin.register(WijkverbinderOverleg)
class WijkverbinderOverlegAdmin(admin.ModelAdmin):
    list_display = ["__str__", "wijk", "datum"]
    list_filter = ["wijk__regio", "wijk"]
    search_fields = ["notities", "waar", "wijk__naam"]
    list_select_related = ["wijk"]
    date_hierarchy = "datum"
    filter_horizontal = ["aanwezigen"]
