from django.apps import AppConfig


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = "Initiatieven"

    def ready(self):
        from initiatieven import effects

        effects.connect()
