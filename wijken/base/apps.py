from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WijkenConfig(AppConfig):
    # The base layer keeps the label of the app it was: its tables, permissions and
    # AUTH_USER_MODEL ("wijken.User") are those of the people and places.
    name = "wijken.base"
    label = "wijken"
    verbose_name = "Regio's, wijken en mensen"

    def ready(self):
        from django.core.signals import request_finished
        from django.db.backends.signals import connection_created

        from communitycare.lib import dataversion
        from wijken.base.roles import sync_role_permissions

        connection_created.connect(dataversion.install, dispatch_uid="dataversion.install")
        dataversion.connect()
        request_finished.connect(
            dataversion.bump_after_request, dispatch_uid="dataversion.bump_after_request"
        )

        post_migrate.connect(sync_role_permissions, dispatch_uid="wijken.sync_role_permissions")
