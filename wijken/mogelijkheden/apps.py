from django.apps import AppConfig


class MogelijkhedenConfig(AppConfig):
    name = "wijken.mogelijkheden"
    label = "mogelijkheden"
    verbose_name = "Mogelijkheden in ons huis (Bijlage 2)"
