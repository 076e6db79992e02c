from django.apps import AppConfig


class CommunityCareConfig(AppConfig):
    """The project itself, as an app: for its system checks."""

    name = "communitycare"
    verbose_name = "Community Care"

    def ready(self):
        from communitycare import checks  # noqa: F401 (registers them)
