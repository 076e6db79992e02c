"""The roles of the method, kept as Django groups (created by a data migration)."""

PROGRAMMAMANAGER = "Programmamanager"
PROJECTLEIDER = "Projectleider"
COORDINATOR = "Coördinator"
WIJKVERBINDER = "Wijkverbinder"

ALL_ROLES = [PROGRAMMAMANAGER, PROJECTLEIDER, COORDINATOR, WIJKVERBINDER]

# These roles look after the whole programme and so may open every wijk.
PROGRAMME_ROLES = {PROGRAMMAMANAGER, PROJECTLEIDER}

# What the programmamanager does in the Django admin, per model ("app.model": actions).
# An explicit list, never "all of an app": `wijken` also holds the users, and managing
# logins, groups, permissions or passwords is for a superuser only (the programme roles
# may see who has which role). Nothing is deleted here: deleting a wijk, huis or
# initiative goes through the back office or a superuser. Status changes, approvals and
# wijkplan texts go through the domain methods, which the admins call or link to.
PROGRAMMAMANAGER_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "wijken.user": ("view",),
    "wijken.regio": ("view", "add", "change"),
    "wijken.wijk": ("view", "add", "change"),
    "wijken.huis": ("view", "add", "change"),
    # The rows of a huis, edited as inlines of the huis.
    "mogelijkheden.huismogelijkheden": ("view", "add", "change", "delete"),
    "mogelijkheden.openingstijd": ("view", "add", "change", "delete"),
    "mogelijkheden.ruimte": ("view", "add", "change", "delete"),
    "wijken.wijkverbinder": ("view", "change"),
    "wijken.vrijwilliger": ("view",),
    "doeboekje.doeboekjeitem": ("view",),
    "wijkplan.wijkplan": ("view",),
    "wijkplan.actie": ("view",),
    "wijkplan.vaststelling": ("view",),
    "initiatieven.initiatief": ("view", "change"),
    # Ideas are reviewed in the back office; the admin corrects a typo.
    "initiatieven.idee": ("view", "change"),
    "initiatieven.initiatiefindicator": ("view", "add", "change", "delete"),
    "initiatieven.startstap": ("view",),
    "initiatieven.begroting": ("view",),
    "initiatieven.begrotingtergoedkeuring": ("view",),
    "initiatieven.begrotingsregel": ("view",),
    "initiatieven.begrotingsbesluit": ("view",),
    "initiatieven.evaluatie": ("view", "change"),
    # What was spent, filled in with the evaluation (an inline of it), in euro.
    "initiatieven.besteding": ("view", "change"),
    "openkoffie.openkoffie": ("view", "change"),
    "openkoffie.agendaonderdeel": ("view", "change"),
    "openkoffie.bespreekpunt": ("view", "change"),
    "openkoffie.vervolgafspraak": ("view", "add", "change", "delete"),
    "openkoffie.wijkverbinderoverleg": ("view", "change"),
}

# The projectleider follows the programme: they look at the same models, change nothing.
PROJECTLEIDER_PERMISSIONS = dict.fromkeys(PROGRAMMAMANAGER_PERMISSIONS, ("view",))


def permission_codes(per_model: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    """(app_label, codename) of each permission in a per-model list."""
    codes = set()
    for label, acties in per_model.items():
        app_label, model = label.split(".")
        codes.update((app_label, f"{actie}_{model}") for actie in acties)
    return codes


def _permissions(per_model: dict[str, tuple[str, ...]]):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    wie = Q(pk__in=[])
    for app_label, codename in permission_codes(per_model):
        wie |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(wie)


def sync_role_permissions(**kwargs) -> None:
    """Gives each role exactly its listed admin permissions after every migrate.

    Runs on post_migrate because permissions only exist once all migrations ran (the
    signal comes once per app, so the last run sees them all); `set` also takes away
    whatever a role was given before and is no longer on its list.
    """
    from django.contrib.auth.models import Group

    manager, _ = Group.objects.get_or_create(name=PROGRAMMAMANAGER)
    manager.permissions.set(_permissions(PROGRAMMAMANAGER_PERMISSIONS))
    leider, _ = Group.objects.get_or_create(name=PROJECTLEIDER)
    leider.permissions.set(_permissions(PROJECTLEIDER_PERMISSIONS))
    for name in (COORDINATOR, WIJKVERBINDER):
        # These roles work in the back office only; the admin is not theirs.
        Group.objects.get_or_create(name=name)[0].permissions.clear()
