from django.apps import AppConfig


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = "Regio's, wijken en mensen"
