from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "communitycare.portaal"
    label = "portaal"
    verbose_name = "Portaal"
