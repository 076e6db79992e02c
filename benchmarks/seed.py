"""Seeds a realistic volume of regio's, wijken, huizen and wijkverbinders.

Usage (inside the project's environment, DATABASE_URL pointing at the target):
    python benchmarks/seed.py --wijken 3300 --regios 12
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communitycare.settings")


def seed(wijken: int, regios: int) -> None:
    from django.db import transaction

    from wijken.models import Huis, Regio, Wijk, Wijkverbinder

    with transaction.atomic():
        regio_objs = Regio.objects.bulk_create(
            Regio(naam=f"Benchregio {r}", slug=f"benchregio-{r}") for r in range(regios)
        )
        wijk_objs = Wijk.objects.bulk_create(
            Wijk(
                regio=regio_objs[w % regios],
                naam=f"Benchwijk {w}",
                slug=f"benchwijk-{w}",
                introductie="Een wijk om mee te meten. " * 4,
                wie_leeft_hier="Ongeveer 2.500 inwoners, een derde 65 jaar of ouder. " * 3,
                behoeften="Samen eten, samen boodschappen doen en hulp bij klusjes. " * 3,
                contact_voor_vragen="Receptie, 045 555 0000",
            )
            for w in range(wijken)
        )
        Huis.objects.bulk_create(
            Huis(wijk=wijk, naam=f"Huis {wijk.pk}", adres="Dorpsstraat 1", plaats="Heerlen")
            for wijk in wijk_objs
        )
        Wijkverbinder.objects.bulk_create(
            Wijkverbinder(
                wijk=wijk,
                naam=f"Verbinder {wijk.pk}-{n}",
                toestemming_publiek=n % 2 == 0,
                email=f"v{wijk.pk}-{n}@example.net",
            )
            for wijk in wijk_objs
            for n in range(8)
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wijken", type=int, default=3300)
    parser.add_argument("--regios", type=int, default=12)
    args = parser.parse_args()
    import django

    django.setup()
    seed(args.wijken, args.regios)
    print(f"Seeded {args.wijken} wijken in {args.regios} regio's.")
