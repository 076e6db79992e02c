from django.contrib import admin
from django.urls import reverse

from wijken.base.admin import HistoryReadOnlyAdmin, ReadOnlyInline, ViewOnlyAdmin
from wijken.wijkplan.models import DELEN, Actie, Vaststelling, Wijkplan


class ActieInline(ReadOnlyInline):
    model = Actie
    fields = ["volgorde", "omschrijving", "wie", "voor_wanneer", "afgerond"]


@admin.register(Wijkplan)
class WijkplanAdmin(HistoryReadOnlyAdmin):
    list_display = ["wijk", "regio"]
    list_filter = ["wijk__regio"]
    search_fields = ["wijk__naam"]
    list_select_related = ["wijk__regio"]
    fields = ["wijk", *(deel.veld for deel in DELEN), "backoffice"]
    inlines = [ActieInline]
    backoffice_tekst = "Het wijkplan bewerken in de backoffice"

    @admin.display(description="regio", ordering="wijk__regio__naam")
    def regio(self, obj: Wijkplan) -> str:
        return obj.wijk.regio.naam


@admin.register(Actie)
class ActieAdmin(HistoryReadOnlyAdmin):
    list_display = ["omschrijving", "wijkplan", "wie", "voor_wanneer", "afgerond"]
    list_filter = ["afgerond", "wijkplan__wijk__regio"]
    search_fields = ["omschrijving", "wie", "wijkplan__wijk__naam"]
    list_select_related = ["wijkplan__wijk"]
    exclude = ["versie"]
    backoffice_tekst = "De actie bewerken in de backoffice"

    def backoffice_url(self, obj: Actie) -> str:
        wijk = obj.wijkplan.wijk
        return reverse("wijkplan:actie", args=[wijk.regio.slug, wijk.slug, obj.pk])


@admin.register(Vaststelling)
class VaststellingAdmin(ViewOnlyAdmin):
    """Adopting a version is done on that version's page in the back office."""

    list_display = ["wijkplan", "datum", "open_koffie", "door"]
    list_filter = ["wijkplan__wijk__regio"]
    list_select_related = ["wijkplan__wijk", "door"]
    backoffice_tekst = "Naar de versies in de backoffice"

    def backoffice_url(self, obj: Vaststelling) -> str:
        wijk = obj.wijkplan.wijk
        return reverse("wijkplan:historie", args=[wijk.regio.slug, wijk.slug])
