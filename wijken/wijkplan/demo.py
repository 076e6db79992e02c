"""The demo wijkplannen (Bijlage 5), from fixtures/demo/wijkplan.toml, loaded after the
Open Koffies where they were adopted."""

from datetime import timedelta

from django.utils import timezone

from openkoffie.models import OpenKoffie
from wijken.base.models import User, Wijk
from wijken.wijkplan.models import Actie, Wijkplan, stel_vast, zet_themastanden


def load(data: dict) -> None:
    """The demo wijkplannen, each with a history and the Open Koffies that adopted it."""
    users = {user.username: user for user in User.objects.all()}
    for entry in data["wijkplannen"]:
        regio, slug = entry["wijk"].split("/")
        wijk = Wijk.objects.get(regio__slug=regio, slug=slug)
        _wijkplan(wijk, entry, users)
        zet_themastanden(
            wijk,
            {
                thema: (stand["stand"], stand.get("vorm", ""), stand.get("toelichting", ""))
                for thema, stand in entry.get("themas", {}).items()
            },
        )
        for onderwerp in entry.get("vastgesteld_op", []):
            _stel_vast(wijk, OpenKoffie.objects.voor_wijk(wijk).get(onderwerp=onderwerp))


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


def _stel_vast(wijk: Wijk, open_koffie: OpenKoffie) -> None:
    """The version of the plan as it stood at the meeting, adopted there."""
    versie = (
        Wijkplan.history.filter(wijk_id=wijk.pk, history_date__lte=open_koffie.begin)
        .order_by("-history_date")
        .first()
    )
    coordinator = wijk.coordinatoren.first()
    if versie is not None and coordinator is not None:
        stel_vast(versie, open_koffie, coordinator)
