from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wijken.wijkdata.importer import maak_plan

MAX_MELDINGEN = 50


class Command(BaseCommand):
    help = (
        "Leest wijkcijfers (Bijlage 1 en de vier indicatoren) uit een CSV-bestand. "
        "Alles of niets: bij één foute regel verandert er niets. Vaker draaien kan geen kwaad."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path, help="Het CSV-bestand (zie de README).")
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Alleen controleren en laten zien wat er zou veranderen.",
        )

    def handle(self, *args, bestand: Path, proef: bool = False, **options):
        try:
            invoer = bestand.open("rb")
        except OSError as fout:
            raise CommandError(f"Kan {bestand} niet lezen: {fout.strerror}.") from None
        # The plan and the writes share one transaction: nobody changes a row in between.
        with invoer, transaction.atomic():
            plan = maak_plan(invoer)
            if not plan.is_geldig:
                for fout in plan.fouten[:MAX_MELDINGEN]:
                    self.stderr.write(f"{bestand}: {fout}")
                if len(plan.fouten) > MAX_MELDINGEN:
                    self.stderr.write(f"… en nog {len(plan.fouten) - MAX_MELDINGEN} fouten.")
                raise CommandError(
                    f"{plan.foute_regels} foute regel(s): er is niets ingelezen. "
                    "Verbeter het bestand en probeer het opnieuw."
                )
            if not proef:
                plan.toepassen()
        woord = "Proef, niets opgeslagen" if proef else "Ingelezen"
        self.stdout.write(self.style.SUCCESS(f"{woord}: {plan.samenvatting}."))
