"""Dates: a person types only 2000–2100, and no stored date can break a page.

The date fields are found from the models, so a new one is covered without touching
this file. Every date field gets the validator; then every row gets 0001-01-01 or
9999-12-31 (written with `update()`, around validation, as old data or a restore would)
and every page the portal serves must still answer: the public pages, feeds, PDFs and
the API anonymously, the back office, the programme dashboard and its exports as the
programmamanager, the dashboard as a coördinator.
"""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from communitycare.lib import dates
from initiatieven.models import Evaluatie, Initiatief, Status
from openkoffie.models import OpenKoffie
from tests.factories import UserFactory
from tests.factories_openkoffie import OpenKoffieFactory, over
from tests.test_url_persona_matrix import PORTAAL_APPS, maak_inhoud, portal_urls, url_for
from tests.test_xss_corpus import get_pagina_urls
from wijken.base.models import User

MIN, MAX = datetime.date.min, datetime.date.max


def datumvelden() -> list[tuple[type[models.Model], models.DateField]]:
    """Every date and datetime field of the portal's models that is not set by the clock
    on every save (history left out: it copies the fields it follows; and the User's
    last_login and date_joined, which Django sets)."""
    return [
        (model, veld)
        for label in PORTAAL_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical") and model is not User
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.DateField) and not (veld.auto_now or veld.auto_now_add)
    ]


def zet_alle_datums(kies) -> int:
    """Writes `kies(index)` (a date, per model) into every date field of every row, around
    validation; datetimes get that date at 01:00, 02:00, ... UTC, so an end stays after
    its begin. Returns the number of fields written."""
    per_model: dict[type[models.Model], list[models.DateField]] = {}
    for model, veld in datumvelden():
        per_model.setdefault(model, []).append(veld)
    for index, (model, velden) in enumerate(per_model.items()):
        waarden = {}
        for uur, veld in enumerate(velden, start=1):
            datum = kies(index)
            if isinstance(veld, models.DateTimeField):
                datum = datetime.datetime.combine(datum, datetime.time(uur), datetime.UTC)
            waarden[veld.name] = datum
        model._default_manager.filter(pk__in=een_per_unieke_groep(model, waarden)).update(**waarden)
    return sum(map(len, per_model.values()))


def een_per_unieke_groep(model, waarden) -> models.QuerySet:
    """The rows that may all get the same dates: where a unique constraint holds a date
    field (one overleg per wijk per day), one row of each group; the others keep theirs."""
    rijen = model._default_manager.all()
    for constraint in model._meta.constraints:
        velden = getattr(constraint, "fields", ())
        if isinstance(constraint, models.UniqueConstraint) and set(velden) & set(waarden):
            groep = [veld for veld in velden if veld not in waarden]
            rijen = rijen.order_by().values(*groep).annotate(eerste=models.Min("pk"))
            return rijen.values("eerste")
    return rijen.values("pk")


def test_every_date_field_has_the_range():
    zonder = [
        f"{model.__name__}.{veld.name}"
        for model, veld in datumvelden()
        if dates.validate_date_range not in veld.validators
    ]
    assert len(datumvelden()) > 25
    assert zonder == []


@pytest.mark.parametrize(
    ("waarde", "geldig"),
    [
        (datetime.date(1999, 12, 31), False),
        (datetime.date(2000, 1, 1), True),
        (datetime.date(2100, 12, 31), True),
        (datetime.date(2101, 1, 1), False),
        (MIN, False),
        (MAX, False),
        (timezone.make_aware(datetime.datetime(9999, 12, 30, 14)), False),
    ],
)
def test_the_range_itself(waarde, geldig):
    if geldig:
        dates.validate_date_range(waarde)
    else:
        with pytest.raises(ValidationError, match="Kies een datum tussen 2000 en 2100"):
            dates.validate_date_range(waarde)


def test_arithmetic_stops_at_the_ends():
    assert dates.within_range(MAX) == datetime.date(2100, 12, 31)
    assert dates.within_range(MIN) == datetime.date(2000, 1, 1)
    assert dates.within_range(datetime.date(2026, 5, 1)) == datetime.date(2026, 5, 1)
    assert dates.add_months(datetime.date(9999, 12, 31), 6) == MAX
    assert dates.add_months(datetime.date(1, 3, 1), -6) == MIN
    assert dates.add_months(datetime.date(2025, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert dates.clamp_year(10_000) == 9999
    jaar_een = datetime.datetime(1, 6, 1, tzinfo=datetime.UTC)
    assert dates.start_of_local_year(jaar_een) == datetime.datetime.min.replace(tzinfo=datetime.UTC)


def test_open_koffie_in_9999_is_refused_by_the_back_office_and_the_admin(
    client, client_for, wijk_a, coordinator_a
):
    """The reproduction of issue 13, finding 3, through the back office and the admin."""
    beheer = f"/beheer/{wijk_a.regio.slug}/{wijk_a.slug}/open-koffie/nieuw/"
    data = {"datum": "9999-12-30", "begintijd": "14:00", "eindtijd": "16:00"}
    data |= {"adres": "Buurthuis", "status": "gepland"}
    html = client_for("coordinator_a").post(beheer, data).content.decode()
    assert dates.BEREIK_FOUT in html
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    admin = client.post(
        "/admin/openkoffie/openkoffie/add/",
        {
            "wijk": wijk_a.pk,
            "begin_0": "30-12-9999",
            "begin_1": "14:00",
            "einde_0": "30-12-9999",
            "einde_1": "16:00",
            "adres": "Buurthuis",
            "status": "gepland",
        },
    )
    assert admin.status_code == 200
    assert dates.BEREIK_FOUT in admin.content.decode()
    assert not OpenKoffie.objects.exists()


def test_ending_an_initiative_in_9999_is_refused(wijk_a, coordinator_a):
    initiatief = Initiatief.objects.create(wijk=wijk_a, naam="Soep", slug="soep")
    with pytest.raises(ValidationError, match="Kies een datum tussen 2000 en 2100"):
        initiatief.wijzig_status(Status.BEEINDIGD, einddatum=MAX, reden_einde="Klaar")
    initiatief.refresh_from_db()
    assert initiatief.status != Status.BEEINDIGD


@pytest.fixture
def wereld(wijk_a, coordinator_a, monkeypatch):
    """A wijk with everything, an active initiative with both kinds of evaluation
    published, and a second Open Koffie (the first of the year is looked up)."""
    monkeypatch.setattr("communitycare.lib.pdf.html_to_pdf", lambda html: b"%PDF-1.7 ")
    wereld = maak_inhoud(wijk_a, coordinator_a, "a")
    wereld.initiatief.wijzig_status(Status.ACTIEF)
    jaarlijks = Evaluatie.start_uit_beschrijving(wereld.initiatief, "jaarlijks", coordinator_a)
    jaarlijks.gepubliceerd_op = timezone.now()
    jaarlijks.save()
    OpenKoffieFactory(wijk=wijk_a, begin=over(40))
    return wereld


KEUZES = {
    "0001-01-01": lambda index: MIN,
    "9999-12-31": lambda index: MAX,
    "door elkaar": lambda index: (MIN, MAX)[index % 2],
}


@pytest.mark.parametrize("kies", KEUZES.values(), ids=KEUZES.keys())
def test_every_page_survives_extreme_dates(kies, wereld, client_for):
    assert zet_alle_datums(kies) > 25
    clients = {p: client_for(p) for p in ("anonymous", "coordinator_a", "programmamanager")}
    urls = portal_urls()
    paginas = [*get_pagina_urls(), ("coordinator_a", "beheer:dashboard")]
    fouten = []
    for persona, name in paginas:
        url = url_for(name, urls[name], wereld)
        status = clients[persona].get(url).status_code
        if status != 200:
            fouten.append(f"{persona} {url}: {status}")
    assert len(paginas) > 60
    assert not fouten, "\n".join(fouten)
