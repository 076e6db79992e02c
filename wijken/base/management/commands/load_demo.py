import tomllib
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"


class Command(BaseCommand):
    help = "Laadt de demo-gegevens (wijken, mensen, logins). Vaker draaien kan geen kwaad."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als DEBUG uit staat (alleen voor tests en demo-servers).",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo maakt logins met het wachtwoord 'demo' en draait daarom alleen "
                "met DJANGO_DEBUG=1. Gebruik --force als u echt een demo-server vult."
            )
        logins = []
        with transaction.atomic():
            # Each app brings its own part: <app>/demo.py reads fixtures/demo/<app>.toml.
            # INSTALLED_APPS order is dependency order (wijken first).
            for app in apps.get_app_configs():
                if not (DEMO_DIR / f"{app.label}.toml").exists():
                    continue
                if find_spec(f"{app.name}.demo") is None:
                    continue
                with (DEMO_DIR / f"{app.label}.toml").open("rb") as handle:
                    logins += import_module(f"{app.name}.demo").load(tomllib.load(handle)) or []
        self.stdout.write(self.style.SUCCESS("Demo-gegevens geladen."))
        self.stdout.write("Demo-logins (wachtwoord voor allemaal: demo):")
        for user in logins:
            self.stdout.write(f"  {user.username:<24} {', '.join(sorted(user.role_names))}")
