"""Loads the regio's, wijken, huizen, people and logins of the demo set."""

import tomllib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from wijken import demo_bijlagen
from wijken.importer import lees_bytes, maak_plan
from wijken.models import BeleefdeWijkdata, Huis, Regio, User, Vrijwilliger, Wijk, Wijkverbinder
from wijken.models_wijkplan import Actie, Wijkplan

DEMO_PASSWORD = "demo"  # noqa: S105 - demo logins only; load_demo refuses to run in production
WIJKPLAN_TOML = settings.BASE_DIR / "fixtures" / "demo" / "wijkplan.toml"


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
    _wijkdata(data.get("beleefde_wijkdata", []))
    _wijkplannen(by_username)
    demo_bijlagen.load()
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


def _wijk(regio: Regio, data: dict, users: dict[str, User]) -> Wijk:
    fields = [
        "naam",
        "introductie",
        "contact_voor_vragen",
        "wie_leeft_hier",
        "behoeften",
    ]
    wijk, _ = Wijk.objects.update_or_create(
        regio=regio,
        slug=data["slug"],
        defaults={field: data.get(field, "") for field in fields}
        | {"cbs_code": data.get("cbs_code")},
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


def _wijkdata(beleefd: list[dict]) -> None:
    """The demo figures go through the real importer, from the README's example file."""
    plan = maak_plan(
        lees_bytes((settings.BASE_DIR / "fixtures" / "wijkdata-demo.csv").read_bytes())
    )
    if not plan.is_geldig:
        raise ValueError("fixtures/wijkdata-demo.csv: " + "; ".join(map(str, plan.fouten)))
    plan.toepassen()
    for entry in beleefd:
        BeleefdeWijkdata.objects.update_or_create(
            wijk=Wijk.objects.get(slug=entry["wijk"]),
            indicator=entry["indicator"],
            defaults={k: v for k, v in entry.items() if k not in ("wijk", "indicator")},
        )


def _wijkplannen(users: dict[str, User]) -> None:
    """The demo wijkplannen (Bijlage 5) from their own file, each with a history."""
    with WIJKPLAN_TOML.open("rb") as handle:
        data = tomllib.load(handle)
    for entry in data["wijkplannen"]:
        regio, slug = entry["wijk"].split("/")
        _wijkplan(Wijk.objects.get(regio__slug=regio, slug=slug), entry, users)


def _wijkplan(wijk: Wijk, data: dict, users: dict[str, User]) -> Wijkplan:
    # Rebuilt from the file each time, history included, so loading twice changes nothing.
    oud = Wijkplan.objects.filter(wijk=wijk).first()
    if oud is not None:
        pk = oud.pk
        oud.delete()
        Actie.history.filter(wijkplan_id=pk).delete()
        Wijkplan.history.filter(id=pk).delete()
    now = timezone.now()
    today = timezone.localdate()
    plan = Wijkplan(wijk=wijk)
    for versie in data["versies"]:
        moment = now - timedelta(days=versie["dagen_geleden"])
        for veld, tekst in versie["teksten"].items():
            setattr(plan, veld, tekst)
            plan.versies[veld] = plan.versie(veld) + 1
        plan._history_user = users[versie["door"]]
        plan._history_date = moment
        plan.save()
    # Which version the wijk adopted, and at which Open Koffie: openkoffie/demo.py.
    # The acties were written down with the first version.
    eerste = now - timedelta(days=data["versies"][0]["dagen_geleden"])
    door = users[data["versies"][0]["door"]]
    for volgorde, item in enumerate(data.get("acties", []), start=1):
        afgerond = item.get("afgerond", False)
        actie = Actie(
            wijkplan=plan,
            omschrijving=item["omschrijving"],
            wie=item.get("wie", ""),
            voor_wanneer=today + timedelta(days=item["over_dagen"]),
            afgerond=afgerond,
            afgerond_op=today + timedelta(days=item["over_dagen"]) if afgerond else None,
            volgorde=volgorde,
        )
        actie._history_user, actie._history_date = door, eerste
        actie.save()
    return plan
