import tomllib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wijken import demo

DEMO_FILE = settings.BASE_DIR / "fixtures" / "demo.toml"


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
        with DEMO_FILE.open("rb") as handle:
            data = tomllib.load(handle)
        with transaction.atomic():
            users = demo.load(data)
        self.stdout.write(self.style.SUCCESS("Demo-gegevens geladen."))
        self.stdout.write("Demo-logins (wachtwoord voor allemaal: demo):")
        for user in users:
            self.stdout.write(f"  {user.username:<24} {', '.join(sorted(user.role_names))}")
