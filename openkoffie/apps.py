from django.apps import AppConfig


class OpenkoffieConfig(AppConfig):
    name = "openkoffie"
    verbose_name = "Open Koffie"

    def ready(self) -> None:
        from openkoffie import effects

        effects.connect()
