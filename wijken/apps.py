from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = "Regio's, wijken en mensen"

    def ready(self):
        from wijken.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="wijken.sync_role_permissions")
