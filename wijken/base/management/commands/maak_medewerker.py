"""Creates a staff login with one role: the way staff accounts come into being.

Nobody makes logins for themselves (the four-eyes rule is about people, not logins):
a superuser runs this, or adds the user in the admin.
"""

import getpass
import secrets
import sys

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from wijken.base import roles
from wijken.base.models import User, Wijk, Wijkverbinder

ROLLEN = {
    "programmamanager": roles.PROGRAMMAMANAGER,
    "projectleider": roles.PROJECTLEIDER,
    "coordinator": roles.COORDINATOR,
    "wijkverbinder": roles.WIJKVERBINDER,
}
# The roles that work per wijk, and so need --wijk.
PER_WIJK = {"coordinator", "wijkverbinder"}


class Command(BaseCommand):
    help = (
        "Maakt een login voor een medewerker met één rol. Het wachtwoord vraagt de "
        "opdracht twee keer (het staat nergens op het scherm); met --geen-invoer maakt ze "
        "een sterk wachtwoord en toont dat één keer. Een superuser maakt u met "
        "createsuperuser, niet hiermee."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="De gebruikersnaam om mee in te loggen.")
        parser.add_argument("--rol", required=True, choices=sorted(ROLLEN), help="De rol.")
        parser.add_argument(
            "--wijk",
            action="append",
            default=[],
            metavar="SLUG",
            help="De wijk (slug, of regio/wijk) van een coördinator of wijkverbinder. "
            "Een coördinator mag meer wijken hebben: herhaal --wijk.",
        )
        parser.add_argument("--email", required=True, help="Het werkadres voor meldingen.")
        parser.add_argument("--voornaam", default="", help="Voornaam.")
        parser.add_argument("--achternaam", default="", help="Achternaam.")
        parser.add_argument("--functie", default="", help="Functie, bijvoorbeeld 'coördinator'.")
        parser.add_argument(
            "--geen-invoer",
            action="store_true",
            help="Niets vragen: maak een sterk wachtwoord en toon het één keer.",
        )

    def handle(self, *args, username: str, rol: str, wijk: list[str], email: str, **opties):
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"De gebruikersnaam “{username}” bestaat al; kies een andere.")
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"“{email}” is geen geldig e-mailadres.") from None
        wijken = [self._wijk(naam) for naam in wijk]
        if rol in PER_WIJK and not wijken:
            raise CommandError(f"Een {ROLLEN[rol].lower()} hoort bij een wijk: geef --wijk op.")
        if rol not in PER_WIJK and wijken:
            raise CommandError(
                f"Een {ROLLEN[rol].lower()} werkt voor het hele programma: laat --wijk weg."
            )
        if rol == "wijkverbinder" and len(wijken) > 1:
            raise CommandError("Een wijkverbinder hoort bij één wijk.")
        user = User(
            username=username,
            email=email,
            first_name=opties["voornaam"],
            last_name=opties["achternaam"],
            functie=opties["functie"],
            # The programme roles work in the Django admin; the others in the back office.
            is_staff=ROLLEN[rol] in roles.PROGRAMME_ROLES,
        )
        if opties["geen_invoer"]:
            wachtwoord, tonen = secrets.token_urlsafe(18), True
        else:
            wachtwoord, tonen = self._vraag_wachtwoord(user), False
        with transaction.atomic():
            user.set_password(wachtwoord)
            user.save()
            user.groups.add(Group.objects.get_or_create(name=ROLLEN[rol])[0])
            if rol == "coordinator":
                for w in wijken:
                    w.coordinatoren.add(user)
            elif rol == "wijkverbinder":
                self._koppel_wijkverbinder(user, wijken[0])
        self.stdout.write(f"De login “{username}” ({ROLLEN[rol]}) is gemaakt.")
        if tonen:
            self.stdout.write(
                f"Wachtwoord: {wachtwoord}\n"
                "Geef het veilig door (niet per e-mail) en laat het na het inloggen wijzigen."
            )

    def _wijk(self, naam: str) -> Wijk:
        regio, _, slug = naam.rpartition("/")
        wijken = Wijk.objects.filter(slug=slug)
        if regio:
            wijken = wijken.filter(regio__slug=regio)
        gevonden = list(wijken[:2])
        if not gevonden:
            raise CommandError(f"Er is geen wijk “{naam}”.")
        if len(gevonden) > 1:
            raise CommandError(f"Er zijn meer wijken “{naam}”; schrijf regio/wijk.")
        return gevonden[0]

    def _vraag_wachtwoord(self, user: User) -> str:
        if not sys.stdin.isatty():
            raise CommandError("Geen terminal om het wachtwoord te vragen: gebruik --geen-invoer.")
        for _ in range(3):
            wachtwoord = getpass.getpass("Wachtwoord: ")
            if wachtwoord != getpass.getpass("Nog een keer: "):
                self.stderr.write("De wachtwoorden zijn niet gelijk.")
                continue
            try:
                validate_password(wachtwoord, user)
            except ValidationError as fout:
                self.stderr.write("\n".join(fout.messages))
                continue
            return wachtwoord
        raise CommandError("Geen geldig wachtwoord gekregen; er is niets gemaakt.")

    def _koppel_wijkverbinder(self, user: User, wijk: Wijk) -> None:
        """The wijkverbinder of that wijk with this e-mail gets the login, else a new one."""
        verbinder = wijk.wijkverbinders.filter(email__iexact=user.email, user=None).first()
        if verbinder is None:
            verbinder = Wijkverbinder(wijk=wijk, email=user.email)
        verbinder.user = user
        verbinder.naam = verbinder.naam or user.get_full_name() or user.username
        verbinder.save()
