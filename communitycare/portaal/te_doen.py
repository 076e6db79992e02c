"""The coördinator's to-do list: what waits in their wijken, each item linking to the page
where it is done. One query per kind of item, whatever the number of wijken or items;
here, above every app, as it reads them all."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from communitycare.lib.dates import add_months
from initiatieven.models import Begroting, Begrotingsbesluit, Idee
from openkoffie.models import Bespreekpunt, OpenKoffie
from wijken.base.models import Wijk
from wijken.wijkplan.models import Actie, Wijkplan

# The method revises the wijkplan about four times a year: four months without is late.
WIJKPLAN_HERZIEN_MAANDEN = 4
# Meetings further back than this no longer ask for their verslag on the dashboard.
VERSLAG_TERUG = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Taak:
    soort: str  # one of SOORTEN
    wijk: Wijk
    tekst: str
    url: str
    link: str  # the link's text: what to do there


SOORTEN = {
    "begroting_afgewezen": "Begroting afgewezen",
    "begroting_wacht": "Begroting wacht op goedkeuring",
    "ideeen": "Ideeën uit de wijk bekijken",
    "bespreekpunten": "Bespreekpunten beoordelen",
    "actie_te_laat": "Actie te laat",
    "verslag": "Verslag of opkomst ontbreekt",
    "opkomst": "Opkomst onder de voorwaarde",
    "wijkplan": "Wijkplan herzien",
}


def _begrotingen(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    reden = Begrotingsbesluit.objects.filter(
        begroting=OuterRef("pk"), soort=Begrotingsbesluit.Soort.AFGEWEZEN
    ).order_by("-pk")
    begrotingen = (
        Begroting.objects.filter(
            initiatief__wijk_id__in=ids,
            status__in=[Begroting.Stand.INGEDIEND, Begroting.Stand.AFGEWEZEN],
        )
        .select_related("initiatief")
        .annotate(reden_afwijzing=Subquery(reden.values("reden")[:1]))
        .order_by("initiatief__naam", "pk")
    )
    taken = []
    for begroting in begrotingen:
        initiatief = begroting.initiatief
        initiatief.wijk = per_wijk[initiatief.wijk_id]
        url = initiatief.beheer_url("begroting")
        if begroting.status == Begroting.Stand.AFGEWEZEN:
            taken.append(
                Taak(
                    "begroting_afgewezen",
                    initiatief.wijk,
                    f"{initiatief.naam}: afgewezen. Reden: {begroting.reden_afwijzing}",
                    url,
                    "Begroting aanpassen",
                )
            )
        else:
            sinds = timezone.localdate(begroting.ingediend_op) if begroting.ingediend_op else None
            wanneer = f" sinds {sinds:%d-%m-%Y}" if sinds else ""
            taken.append(
                Taak(
                    "begroting_wacht",
                    initiatief.wijk,
                    f"{initiatief.naam}: ligt{wanneer} bij de programmamanager.",
                    url,
                    "Begroting bekijken",
                )
            )
    return taken


def _in_wijken(ids: list[int]) -> Q:
    return Q(wijk_id__in=ids) | Q(tweede_wijk_id__in=ids)


def _eigen_wijk(open_koffie: OpenKoffie, per_wijk: dict[int, Wijk]) -> Wijk:
    """A combined Open Koffie is listed under the wijk of the user's that holds it."""
    return per_wijk.get(open_koffie.wijk_id) or per_wijk[open_koffie.tweede_wijk_id]


def _bespreekpunten(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    punten = (
        Bespreekpunt.objects.filter(
            status=Bespreekpunt.Status.INGEDIEND,
            open_koffie__in=OpenKoffie.objects.filter(_in_wijken(ids)).komend(),
        )
        .select_related("open_koffie__wijk__regio")
        .order_by("open_koffie__begin", "ingediend_op")
    )
    per_open_koffie: dict[int, list[Bespreekpunt]] = {}
    for punt in punten:
        per_open_koffie.setdefault(punt.open_koffie_id, []).append(punt)
    taken = []
    for lijst in per_open_koffie.values():
        open_koffie = lijst[0].open_koffie
        datum = timezone.localdate(open_koffie.begin)
        aantal = len(lijst)
        taken.append(
            Taak(
                "bespreekpunten",
                _eigen_wijk(open_koffie, per_wijk),
                f"{aantal} bespreekpunt{'en' if aantal > 1 else ''} voor de Open Koffie van "
                f"{datum:%d-%m-%Y}.",
                open_koffie.get_beheer_url() + "#bespreekpunten",
                "Bespreekpunten beoordelen",
            )
        )
    return taken


def _ideeen(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    """New ideas for an initiative, per wijk: the method's initiatives start there."""
    nieuw = (
        Idee.objects.filter(wijk_id__in=ids, status=Idee.Status.INGEDIEND)
        .values("wijk_id")
        .annotate(aantal=Count("pk"))
        .order_by("wijk_id")
    )
    taken = []
    for rij in nieuw:
        wijk, aantal = per_wijk[rij["wijk_id"]], rij["aantal"]
        taken.append(
            Taak(
                "ideeen",
                wijk,
                f"{aantal} nieuw{'e ideeën' if aantal > 1 else ' idee'} voor een initiatief.",
                reverse("initiatieven_beheer:lijst", args=[wijk.regio.slug, wijk.slug]) + "#ideeen",
                "Ideeën bekijken",
            )
        )
    return taken


def _acties(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    vandaag = timezone.localdate()
    acties = (
        Actie.objects.filter(wijkplan__wijk_id__in=ids, afgerond=False, voor_wanneer__lt=vandaag)
        .select_related("wijkplan")
        .order_by("voor_wanneer", "pk")
    )
    taken = []
    for actie in acties:
        wijk = per_wijk[actie.wijkplan.wijk_id]
        assert actie.voor_wanneer is not None
        dagen = (vandaag - actie.voor_wanneer).days
        taken.append(
            Taak(
                "actie_te_laat",
                wijk,
                f"{actie.omschrijving}: moest af op {actie.voor_wanneer:%d-%m-%Y} "
                f"({dagen} dag{'en' if dagen != 1 else ''} te laat).",
                reverse("wijkplan:beheer", args=[wijk.regio.slug, wijk.slug]) + "#acties",
                "Actie bijwerken",
            )
        )
    return taken


def _open_koffies(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    """Held meetings of the past year without verslag or attendance, or whose attendance
    missed the method's condition (`OpenKoffie.ontbreekt_voor_opkomst`)."""
    geweest = (
        OpenKoffie.objects.filter(_in_wijken(ids), begin__gte=timezone.now() - VERSLAG_TERUG)
        .geweest()
        .exclude(status=OpenKoffie.Status.GEANNULEERD)
        .select_related("wijk__regio")
    )
    taken = []
    for open_koffie in geweest:
        wijk = _eigen_wijk(open_koffie, per_wijk)
        datum = timezone.localdate(open_koffie.begin)
        url = reverse(
            "openkoffie_beheer:verslag",
            args=[open_koffie.wijk.regio.slug, open_koffie.wijk.slug, open_koffie.pk],
        )
        ontbreekt = [
            wat
            for wat, leeg in (
                ("het verslag", not open_koffie.verslag.strip()),
                ("de opkomst", not open_koffie.opkomst_bekend),
            )
            if leeg
        ]
        if ontbreekt:
            taken.append(
                Taak(
                    "verslag",
                    wijk,
                    f"Open Koffie van {datum:%d-%m-%Y}: {' en '.join(ontbreekt)} nog invullen.",
                    url,
                    "Verslag en opkomst invullen",
                )
            )
        elif gemist := open_koffie.ontbreekt_voor_opkomst():
            taken.append(
                Taak(
                    "opkomst",
                    wijk,
                    f"Open Koffie van {datum:%d-%m-%Y}: {'; '.join(gemist)}.",
                    url,
                    "Opkomst bekijken",
                )
            )
    return taken


def _wijkplannen(ids: list[int], per_wijk: dict[int, Wijk]) -> list[Taak]:
    """A plan whose text and acties did not change for four months (or never written)."""
    tekst = Wijkplan.history.model.objects.filter(wijk_id=OuterRef("pk")).order_by()
    acties = Actie.history.model.objects.filter(wijkplan__wijk_id=OuterRef("pk")).order_by()
    wijken = Wijk.objects.filter(pk__in=ids).annotate(
        tekst_gewijzigd=Subquery(
            tekst.values("wijk_id").annotate(m=Max("history_date")).values("m")
        ),
        acties_gewijzigd=Subquery(
            acties.values("wijkplan__wijk_id").annotate(m=Max("history_date")).values("m")
        ),
    )
    grens = add_months(timezone.localdate(), -WIJKPLAN_HERZIEN_MAANDEN)
    taken = []
    for rij in wijken.values("pk", "tekst_gewijzigd", "acties_gewijzigd"):
        momenten = [m for m in (rij["tekst_gewijzigd"], rij["acties_gewijzigd"]) if m]
        laatst = timezone.localdate(max(momenten)) if momenten else None
        if laatst is not None and laatst > grens:
            continue
        wijk = per_wijk[rij["pk"]]
        tekst_taak = f"Niet gewijzigd sinds {laatst:%d-%m-%Y}" if laatst else "Nog niet geschreven"
        taken.append(
            Taak(
                "wijkplan",
                wijk,
                f"{tekst_taak}; de methode herziet het wijkplan zo'n vier keer per jaar "
                "op de Open Koffie.",
                reverse("wijkplan:beheer", args=[wijk.regio.slug, wijk.slug]),
                "Wijkplan herzien",
            )
        )
    return taken


def taken(wijken: list[Wijk]) -> list[tuple[str, list[Taak]]]:
    """The to-do list in `wijken` (with their regio): per kind, in the order of SOORTEN,
    the items; kinds without items left out. Six queries for any number of wijken."""
    per_wijk = {wijk.pk: wijk for wijk in wijken}
    ids = list(per_wijk)
    if not ids:
        return []
    alle = [
        *_begrotingen(ids, per_wijk),
        *_ideeen(ids, per_wijk),
        *_bespreekpunten(ids, per_wijk),
        *_acties(ids, per_wijk),
        *_open_koffies(ids, per_wijk),
        *_wijkplannen(ids, per_wijk),
    ]
    return [
        (label, [taak for taak in alle if taak.soort == soort])
        for soort, label in SOORTEN.items()
        if any(taak.soort == soort for taak in alle)
    ]
