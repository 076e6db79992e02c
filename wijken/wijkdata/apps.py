from django.apps import AppConfig


class WijkdataConfig(AppConfig):
    name = "wijken.wijkdata"
    label = "wijkdata"
    verbose_name = "Wijkdata (Bijlage 1)"
