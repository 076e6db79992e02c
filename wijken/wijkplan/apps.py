from django.apps import AppConfig


class WijkplanConfig(AppConfig):
    name = "wijken.wijkplan"
    label = "wijkplan"
    verbose_name = "Wijkplan (Bijlage 5)"

    def ready(self):
        from wijken.wijkplan import effects

        effects.connect()
