"""The roles of the method, kept as Django groups (created by a data migration)."""

PROGRAMMAMANAGER = "Programmamanager"
PROJECTLEIDER = "Projectleider"
COORDINATOR = "Coördinator"
WIJKVERBINDER = "Wijkverbinder"

ALL_ROLES = [PROGRAMMAMANAGER, PROJECTLEIDER, COORDINATOR, WIJKVERBINDER]

# These roles look after the whole programme and so may open every wijk.
PROGRAMME_ROLES = {PROGRAMMAMANAGER, PROJECTLEIDER}

# Apps whose data the programme roles look after in the Django admin.
PROGRAMME_APPS = ["wijken", "initiatieven", "openkoffie"]


def sync_role_permissions(**kwargs) -> None:
    """Gives the programme roles their admin permissions after every migrate.

    Runs on post_migrate because permissions only exist once all migrations ran;
    the programmamanager may change everything of the programme, the projectleider
    may look at it.
    """
    from django.contrib.auth.models import Group, Permission

    programme = Permission.objects.filter(content_type__app_label__in=PROGRAMME_APPS)
    manager, _ = Group.objects.get_or_create(name=PROGRAMMAMANAGER)
    manager.permissions.set(programme)
    leider, _ = Group.objects.get_or_create(name=PROJECTLEIDER)
    leider.permissions.set(programme.filter(codename__startswith="view_"))
    for name in (COORDINATOR, WIJKVERBINDER):
        Group.objects.get_or_create(name=name)
