from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from wijken.forms_mogelijkheden import OpeningstijdFormSetBase
from wijken.models import (
    DoeBoekjeItem,
    Huis,
    HuisMogelijkheden,
    Openingstijd,
    Regio,
    Ruimte,
    User,
    Vrijwilliger,
    Wijk,
    Wijkverbinder,
)
from wijken.models_wijkplan import Actie, Bijeenkomst, Vaststelling, Wijkplan


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "email", "rollen", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Werk", {"fields": ["functie", "telefoon"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="rollen")
    def rollen(self, obj: User) -> str:
        return ", ".join(group.name for group in obj.groups.all())


class WijkInline(admin.TabularInline):
    model = Wijk
    fields = ["naam", "slug", "cbs_code"]
    extra = 0
    show_change_link = True


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "aantal_wijken"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [WijkInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(wijken_count=Count("wijken"))

    @admin.display(description="wijken", ordering="wijken_count")
    def aantal_wijken(self, obj) -> int:
        return obj.wijken_count


class HuisInline(admin.TabularInline):
    model = Huis
    extra = 0


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["naam", "regio", "cbs_code", "coordinatoren_lijst", "gewijzigd_op"]
    list_filter = ["regio", "coordinatoren"]
    search_fields = ["naam", "slug", "cbs_code", "regio__naam"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["coordinatoren"]
    list_select_related = ["regio"]
    inlines = [HuisInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("coordinatoren")

    @admin.display(description="coördinatoren")
    def coordinatoren_lijst(self, obj: Wijk) -> str:
        return ", ".join(str(user) for user in obj.coordinatoren.all())


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


@admin.register(DoeBoekjeItem)
class DoeBoekjeItemAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "wijk",
        "categorie",
        "wanneer",
        "laatst_gecontroleerd_op",
        "gearchiveerd",
    ]
    list_filter = ["categorie", "gearchiveerd", "wijk__regio", "wijk"]
    search_fields = ["naam", "beschrijving", "wijk__naam"]
    list_select_related = ["wijk"]
    raw_id_fields = ["huis", "gecontroleerd_door"]


@admin.register(Wijkverbinder)
class WijkverbinderAdmin(admin.ModelAdmin):
    list_display = ["naam", "wijk", "status", "uren_per_maand", "startdatum", "toestemming_publiek"]
    list_filter = [
        "status",
        "toestemming_publiek",
        "mag_doe_boekje_bijwerken",
        "wijk__regio",
        "wijk",
    ]
    search_fields = ["naam", "email", "wijk__naam"]
    list_select_related = ["wijk"]
    raw_id_fields = ["user"]


class ActieInline(admin.TabularInline):
    model = Actie
    fields = ["volgorde", "omschrijving", "wie", "voor_wanneer", "afgerond"]
    extra = 0


@admin.register(Wijkplan)
class WijkplanAdmin(SimpleHistoryAdmin):
    list_display = ["wijk", "regio"]
    list_filter = ["wijk__regio"]
    search_fields = ["wijk__naam"]
    list_select_related = ["wijk__regio"]
    exclude = ["versies"]
    inlines = [ActieInline]

    @admin.display(description="regio", ordering="wijk__regio__naam")
    def regio(self, obj: Wijkplan) -> str:
        return obj.wijk.regio.naam


@admin.register(Actie)
class ActieAdmin(SimpleHistoryAdmin):
    list_display = ["omschrijving", "wijkplan", "wie", "voor_wanneer", "afgerond"]
    list_filter = ["afgerond", "wijkplan__wijk__regio"]
    search_fields = ["omschrijving", "wie", "wijkplan__wijk__naam"]
    list_select_related = ["wijkplan__wijk"]
    exclude = ["versie"]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "soort", "wijkplan", "waar"]
    list_filter = ["soort", "wijkplan__wijk__regio"]
    search_fields = ["waar", "wijkplan__wijk__naam"]
    list_select_related = ["wijkplan__wijk"]


@admin.register(Vaststelling)
class VaststellingAdmin(admin.ModelAdmin):
    list_display = ["wijkplan", "datum", "gelegenheid", "door"]
    list_filter = ["wijkplan__wijk__regio"]
    list_select_related = ["wijkplan__wijk", "door"]
    raw_id_fields = ["versie"]


@admin.register(Vrijwilliger)
class VrijwilligerAdmin(admin.ModelAdmin):
    list_display = ["naam", "huis", "startdatum", "gestopt_op"]
    list_filter = ["huis__wijk__regio", "huis__wijk"]
    search_fields = ["naam", "huis__naam", "huis__wijk__naam"]
    list_select_related = ["huis"]
    date_hierarchy = "startdatum"
