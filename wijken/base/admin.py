from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from wijken.base.models import Huis, Regio, User, Vrijwilliger, Wijk, Wijkverbinder

# --- shared by the admins of every app ---------------------------------------------


class ReadOnlyInline(admin.TabularInline):
    """Shown for reference; changes go through the back office, which keeps the versions."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class BackOfficeAdmin(admin.ModelAdmin):
    """An admin whose `domein_velden` only the back office changes, through its rules.

    Those fields are read-only here (for superusers too), with a link to the back-office
    page that changes them: the admin is a client of the domain, not a side door.
    """

    domein_velden: tuple[str, ...] = ()
    backoffice_tekst = "Wijzigen in de backoffice"

    def backoffice_url(self, obj) -> str:
        return obj.get_beheer_url()

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self.domein_velden, "backoffice"]

    @admin.display(description="backoffice")
    def backoffice(self, obj) -> str:
        if obj is None or obj.pk is None:
            return "Na het opslaan te wijzigen in de backoffice."
        return format_html('<a href="{}">{}</a>', self.backoffice_url(obj), self.backoffice_tekst)


class ViewOnlyAdmin(BackOfficeAdmin):
    """Only to look at, for superusers too: every change is made in the back office."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class HistoryReadOnlyAdmin(ViewOnlyAdmin, SimpleHistoryAdmin):
    """A versioned model of the wijkplan: its history to look at, nothing to revert.

    The back office saves with a version check (wijken/wijkplan/models.py); a save or a
    "revert" here would skip it and let a stale edit win silently.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple_history saves an old version on POST, with view permission only.
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


# --- who has which role ---------------------------------------------------------------


def _is_superuser(request) -> bool:
    return request.user.is_active and request.user.is_superuser


class SuperuserWritesMixin:
    """Adding, changing and deleting is for superusers only (accounts and roles)."""

    def has_add_permission(self, request) -> bool:
        return _is_superuser(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return _is_superuser(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return _is_superuser(request)


@admin.register(User)
class UserAdmin(SuperuserWritesMixin, BaseUserAdmin):
    """Logins, roles and passwords: a superuser's work (or `manage.py maak_medewerker`).

    The programme roles see a read-only list of who has which role, nothing more: no
    detail page, no password form, no groups or superuser flag to tick.
    """

    list_display = ["username", "get_full_name", "email", "rollen", "is_active", "last_login"]
    list_filter = ["groups", "is_active", "is_staff"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("Werk", {"fields": ["functie", "telefoon"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_list_display_links(self, request, list_display):
        if not _is_superuser(request):
            return None  # a list only: no link to a user's page
        return super().get_list_display_links(request, list_display)

    def has_view_permission(self, request, obj=None) -> bool:
        if obj is not None:
            return _is_superuser(request)
        return super().has_view_permission(request, obj)

    @admin.display(description="rollen")
    def rollen(self, obj: User) -> str:
        return ", ".join(group.name for group in obj.groups.all())


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(SuperuserWritesMixin, BaseGroupAdmin):
    """The roles and their permissions (wijken/base/roles.py keeps them): superusers only."""

    def has_module_permission(self, request) -> bool:
        return _is_superuser(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _is_superuser(request)


# --- places and people ---------------------------------------------------------------


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
    search_fields = ["naam", "slug", "cbs_code", "postcodes", "regio__naam"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["coordinatoren"]
    list_select_related = ["regio"]
    inlines = [HuisInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("coordinatoren")

    @admin.display(description="coördinatoren")
    def coordinatoren_lijst(self, obj: Wijk) -> str:
        return ", ".join(str(user) for user in obj.coordinatoren.all())


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


@admin.register(Vrijwilliger)
class VrijwilligerAdmin(admin.ModelAdmin):
    list_display = ["naam", "huis", "startdatum", "gestopt_op"]
    list_filter = ["huis__wijk__regio", "huis__wijk"]
    search_fields = ["naam", "huis__naam", "huis__wijk__naam"]
    list_select_related = ["huis"]
    date_hierarchy = "startdatum"
