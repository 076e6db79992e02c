"""Loads the regio's, wijken, huizen, people and logins of the demo set."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from communitycare.lib.dates import add_months
from wijken.base.models import Huis, Regio, User, Vrijwilliger, Wijk, Wijkverbinder

DEMO_PASSWORD = "demo"  # noqa: S105 - demo logins only; load_demo refuses to run in production


def load(data: dict) -> list[User]:
    """Loads this app's part of the demo and returns the logins it made."""
    users = [_user(entry) for entry in data["gebruikers"]]
    by_username = {user.username: user for user in users}
    for regio_data in data["regios"]:
        regio, _ = Regio.objects.update_or_create(
            slug=regio_data["slug"],
            defaults={
                "naam": regio_data["naam"],
                "beschrijving": regio_data.get("beschrijving", ""),
            },
        )
        for wijk_data in regio_data["wijken"]:
            _wijk(regio, wijk_data, by_username)
    return users


def _user(entry: dict) -> User:
    user, _ = User.objects.update_or_create(
        username=entry["username"],
        defaults={
            "first_name": entry["first_name"],
            "last_name": entry["last_name"],
            "email": entry["email"],
            "telefoon": entry.get("telefoon", ""),
            "functie": entry.get("functie", ""),
            "is_staff": entry.get("staff", False),
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    user.groups.set([Group.objects.get_or_create(name=entry["rol"])[0]])
    return user


def _gestart_op(data: dict) -> date | None:
    """Relative to the day the demo loads, so the wijken stay in their year 1, 2, 3..."""
    maanden = data.get("gestart_maanden_geleden")
    return None if maanden is None else add_months(timezone.localdate(), -maanden)


def _wijk(regio: Regio, data: dict, users: dict[str, User]) -> Wijk:
    fields = [
        "naam",
        "introductie",
        "contact_voor_vragen",
        "wie_leeft_hier",
        "behoeften",
        "postcodes",
    ]
    wijk, _ = Wijk.objects.update_or_create(
        regio=regio,
        slug=data["slug"],
        defaults={field: data.get(field, "") for field in fields}
        | {"cbs_code": data.get("cbs_code"), "gestart_op": _gestart_op(data)},
    )
    wijk.coordinatoren.set([users[name] for name in data.get("coordinatoren", [])])
    for huis in data.get("huizen", []):
        velden = {k: v for k, v in huis.items() if k not in ("naam", "vrijwilligers")}
        huis_obj, _ = Huis.objects.update_or_create(wijk=wijk, naam=huis["naam"], defaults=velden)
        for vrijwilliger in huis.get("vrijwilligers", []):
            # Dates relative to today, so "this year" stays true for the demo.
            dagen = vrijwilliger.pop("dagen_geleden")
            Vrijwilliger.objects.update_or_create(
                huis=huis_obj,
                naam=vrijwilliger["naam"],
                defaults={
                    **vrijwilliger,
                    "startdatum": timezone.localdate() - timedelta(days=dagen),
                },
            )
    for verbinder in data.get("wijkverbinders", []):
        defaults = {k: v for k, v in verbinder.items() if k not in ("naam", "login")}
        if "login" in verbinder:
            defaults["user"] = users[verbinder["login"]]
        Wijkverbinder.objects.update_or_create(wijk=wijk, naam=verbinder["naam"], defaults=defaults)
    return wijk
