from django.apps import AppConfig


class DoeboekjeConfig(AppConfig):
    name = "wijken.doeboekje"
    label = "doeboekje"
    verbose_name = "Doe-boekje (Bijlage 3)"
