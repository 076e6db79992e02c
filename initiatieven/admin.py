from django.contrib import admin, messages
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from communitycare.lib.bedragen import BedragField, euro
from initiatieven.forms import BesluitForm
from initiatieven.models import (
    Begroting,
    Begrotingsbesluit,
    Begrotingsregel,
    BegrotingTerGoedkeuring,
    Besteding,
    Evaluatie,
    GoedkeuringGeweigerd,
    Idee,
    Initiatief,
    InitiatiefIndicator,
    Startstap,
)
from wijken.base.admin import BackOfficeAdmin, ReadOnlyInline

# Every amount in the admin is typed and read as in the back office ("1.234,56").
BEDRAGEN = {models.DecimalField: {"form_class": BedragField}}


class IndicatorInline(admin.TabularInline):
    model = InitiatiefIndicator
    extra = 0


class StartstapInline(ReadOnlyInline):
    model = Startstap
    fields = ["nummer", "antwoord", "voltooid_door", "voltooid_op"]


@admin.register(Initiatief)
class InitiatiefAdmin(BackOfficeAdmin):
    """The status moves only through `Initiatief.wijzig_status` (the gate of step 10)."""

    list_display = ["naam", "wijk", "thema", "status", "startdatum", "einddatum"]
    list_filter = ["status", "thema", "wijk__regio", "wijk"]
    search_fields = ["naam", "globale_beschrijving", "wijk__naam"]
    list_select_related = ["wijk"]
    prepopulated_fields = {"slug": ["naam"]}
    raw_id_fields = ["coordinator", "wijkverbinder"]
    inlines = [IndicatorInline, StartstapInline]
    # Where it came from is recorded when it is made (`start_initiatief`).
    domein_velden = (
        "status",
        "startdatum",
        "einddatum",
        "reden_einde",
        "uit_idee",
        "uit_bespreekpunt",
        "naar_voorbeeld",
    )
    backoffice_tekst = "Status, start en einde wijzigen in de backoffice"


@admin.register(Idee)
class IdeeAdmin(BackOfficeAdmin):
    """Reviewed, and made an initiative, in the back office; `contact` is for staff only."""

    list_display = ["__str__", "wijk", "naam", "bron", "status", "ingediend_op"]
    list_filter = ["status", "bron", "wijk__regio", "wijk"]
    search_fields = ["tekst", "naam"]
    list_select_related = ["wijk__regio"]
    domein_velden = ("wijk", "status", "bron", "ingevoerd_door", "initiatief")
    backoffice_tekst = "Bekijken en er een initiatief van maken in de backoffice"

    def backoffice_url(self, obj: Idee) -> str:
        wijk = obj.wijk
        return reverse("initiatieven_beheer:lijst", args=[wijk.regio.slug, wijk.slug]) + "#ideeen"

    def has_add_permission(self, request) -> bool:
        return False


class RegelInline(ReadOnlyInline):
    model = Begrotingsregel
    fields = ["categorie", "omschrijving", "kosten", "betaler", "looptijd"]
    readonly_fields = ["kosten"]

    @admin.display(description="hoeveel kost het")
    def kosten(self, obj) -> str:
        return euro(obj.bedrag)


class BesluitInline(ReadOnlyInline):
    model = Begrotingsbesluit
    fields = ["op", "soort", "door", "versie", "totaal", "reden"]
    verbose_name_plural = "geschiedenis"


@admin.register(Begroting)
class BegrotingAdmin(admin.ModelAdmin):
    list_display = ["initiatief", "wijk", "status", "versie", "totaal", "goedgekeurd_op"]
    list_filter = ["status", "initiatief__wijk__regio"]
    search_fields = ["initiatief__naam", "initiatief__wijk__naam"]
    readonly_fields = [
        "initiatief",
        "status",
        "versie",
        "ingediend_op",
        "ingediend_door",
        "goedgekeurde_versie",
        "goedgekeurd_op",
        "goedgekeurd_door",
    ]
    inlines = [RegelInline, BesluitInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("initiatief__wijk__regio", "ingediend_door")
            .met_totaal()
        )

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="wijk", ordering="initiatief__wijk__naam")
    def wijk(self, obj) -> str:
        return str(obj.initiatief.wijk)

    @admin.display(description="totaal", ordering="totaal_bedrag")
    def totaal(self, obj) -> str:
        return euro(obj.totaal_bedrag or 0)


@admin.register(BegrotingTerGoedkeuring)
class GoedkeuringAdmin(BegrotingAdmin):
    """The programmamanager's queue: only they see it, and they decide per exact version."""

    list_display = [
        "beoordelen",
        "wijk",
        "soort",
        "totaal",
        "ingediend_op",
        "ingediend_door",
        "versie",
    ]
    # The initiative's name opens the review page, not the admin's read-only copy.
    list_display_links = None
    list_filter = ["initiatief__wijk__regio", "initiatief__wijk", "initiatief__thema"]
    date_hierarchy = "ingediend_op"
    ordering = ["ingediend_op"]
    actions = ["goedkeuren", "afwijzen"]

    def get_queryset(self, request):
        return super().get_queryset(request).ter_goedkeuring()

    @admin.display(description="initiatief", ordering="initiatief__naam")
    def beoordelen(self, obj) -> str:
        """The review page: the initiative, the wijkplan and the change beside the decision."""
        return format_html('<a href="{}">{}</a>', obj.get_besluit_url(), obj.initiatief)

    @admin.display(description="soort")
    def soort(self, obj) -> str:
        """A running initiative's changed begroting stands out from a first submission."""
        return obj.signaal or "Eerste aanvraag"

    def _is_programmamanager(self, request) -> bool:
        return request.user.is_active and request.user.is_programmamanager

    def has_module_permission(self, request) -> bool:
        return self._is_programmamanager(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_programmamanager(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_beslissen_permission(self, request) -> bool:
        return self._is_programmamanager(request)

    def _besluit(self, request, queryset, *, afwijzen: bool):
        form = BesluitForm(request.POST if "bevestigd" in request.POST else None)
        if "bevestigd" in request.POST and (not afwijzen or form.is_valid()):
            for begroting in queryset:
                self._beslis(request, begroting, afwijzen, form)
            return None
        begrotingen = list(queryset.prefetch_related("regels"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Begrotingen afwijzen" if afwijzen else "Begrotingen goedkeuren",
            "opts": self.model._meta,
            "begrotingen": begrotingen,
            "afwijzen": afwijzen,
            "form": form,
            "action": request.POST.get("action"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/initiatieven/besluit.html", context)

    def _beslis(self, request, begroting, afwijzen: bool, form) -> None:
        try:
            versie = int(request.POST.get(f"versie_{begroting.pk}", ""))
        except ValueError:
            versie = -1
        try:
            with transaction.atomic():
                begroting = Begroting.objects.select_for_update().get(pk=begroting.pk)
                if afwijzen:
                    begroting.wijs_af(request.user, versie, form.cleaned_data["reden"])
                else:
                    begroting.keur_goed(request.user, versie)
        except GoedkeuringGeweigerd as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            wat = "afgewezen" if afwijzen else "goedgekeurd"
            self.message_user(request, f"De begroting van “{begroting.initiatief}” is {wat}.")

    @admin.action(description="Goedkeuren", permissions=["beslissen"])
    def goedkeuren(self, request, queryset):
        return self._besluit(request, queryset, afwijzen=False)

    @admin.action(description="Afwijzen (met reden)", permissions=["beslissen"])
    def afwijzen(self, request, queryset):
        return self._besluit(request, queryset, afwijzen=True)


class BestedingInline(admin.TabularInline):
    """What was spent per category; the categories come from the begroting."""

    model = Besteding
    fields = ["categorie", "besteed"]
    readonly_fields = ["categorie"]
    formfield_overrides = BEDRAGEN
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Evaluatie)
class EvaluatieAdmin(BackOfficeAdmin):
    """Started from the description and published in the back office, by its rules."""

    list_display = ["initiatief", "soort", "datum", "ingevuld_door", "gepubliceerd_op"]
    list_filter = ["soort", "initiatief__wijk__regio"]
    search_fields = ["initiatief__naam", "ingevuld_door"]
    list_select_related = ["initiatief__wijk__regio"]
    domein_velden = ("initiatief", "soort", "gepubliceerd_op")
    backoffice_tekst = "Publiceren in de backoffice"
    inlines = [BestedingInline]

    def backoffice_url(self, obj: Evaluatie) -> str:
        return obj.initiatief.beheer_url("evaluatie", obj.pk)

    def has_add_permission(self, request) -> bool:
        return False
