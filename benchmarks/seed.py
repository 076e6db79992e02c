"""Seeds a national volume of made-up but consistent data for the benchmark, every app.

Usage (inside the project's environment, DATABASE_URL pointing at an empty, migrated
database):
    python benchmarks/seed.py --wijken 3300 --regios 12

Per wijk: its texts, a huis with Bijlage 2 (mogelijkheden, ruimtes, openingstijden),
wijkverbinders, volunteers, a coördinator, 30 initiatieven with steps, begroting and
evaluations, a year of Open Koffies and overleggen, 20 doe-boekje entries, wijkdata and
a wijkplan. Rows are built as plain values under ids of our own and written per table
in one transaction: COPY on PostgreSQL, bulk_create elsewhere. save() never runs, so
what it or a default would fill in is filled here; the history tables stay empty.
Deterministic per --seed, with dates relative to today so "coming" stays coming.
`seed()` returns a manifest of sample pages and logins for benchmarks/run.py; the script
also writes it to benchmarks/results/seed-manifest.json. Every login's password is
"bench".
"""

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from datetime import time as tijd
from decimal import Decimal
from itertools import batched
from pathlib import Path
from random import Random
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communitycare.settings")

PASSWORD = "bench"  # noqa: S105 - benchmark logins on a throwaway database
BATCH = 2000  # rows per INSERT
CHUNK = 200  # wijken built and inserted at a time, so memory stays flat at any volume
INITIATIEVEN_PER_WIJK = 30
DOE_BOEKJE_PER_WIJK = 20

# --- names and texts -----------------------------------------------------------------

REGIO_PLAATSEN = {
    "Heuvelland": ["Valkenburg", "Gulpen", "Meerssen", "Eijsden", "Vaals"],
    "Parkstad": ["Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Simpelveld"],
    "Westelijke Mijnstreek": ["Sittard", "Geleen", "Stein", "Beek", "Born"],
    "Noord-Limburg": ["Venlo", "Venray", "Horst", "Tegelen", "Blerick"],
    "Twente": ["Enschede", "Hengelo", "Almelo", "Oldenzaal", "Borne"],
    "Achterhoek": ["Doetinchem", "Winterswijk", "Lochem", "Groenlo", "Ulft"],
    "Veluwe": ["Apeldoorn", "Ede", "Harderwijk", "Epe", "Nunspeet"],
    "Drechtsteden": ["Dordrecht", "Zwijndrecht", "Sliedrecht", "Papendrecht", "Alblasserdam"],
    "Zeeuws-Vlaanderen": ["Terneuzen", "Hulst", "Oostburg", "Axel", "Sluiskil"],
    "De Kempen": ["Veldhoven", "Eersel", "Bladel", "Bergeijk", "Reusel"],
    "Westfriesland": ["Hoorn", "Enkhuizen", "Medemblik", "Wervershoof", "Venhuizen"],
    "Noordoost-Friesland": ["Dokkum", "Kollum", "Buitenpost", "Damwâld", "Holwerd"],
}
REGIO_NAMEN = list(REGIO_PLAATSEN)
VOORVOEGSELS = ["Ooster", "Wester", "Noorder", "Zuider", "Hoog", "Laag", "Oud", "Nieuw"]
VOORVOEGSELS += ["Klein", "Groot", "Midden"]
STAMMEN = ["beemd", "veld", "hof", "broek", "rade", "heide", "kamp", "berg", "dal", "akker"]
STAMMEN += ["weide", "bosch", "meer", "donk", "hoven", "park"]
STRATEN = ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Beekstraat", "Lindelaan"]
STRATEN += ["Kastanjelaan", "Prinses Irenestraat", "Wilhelminalaan", "Oranjeplein", "Markt"]
VOORNAMEN = ["Anneke", "Bert", "Carla", "Daan", "Els", "Frans", "Gerda", "Harrie", "Ingrid"]
VOORNAMEN += ["Jan", "Karin", "Leo", "Marij", "Nicole", "Olaf", "Petra", "Ruud", "Sandra"]
VOORNAMEN += ["Theo", "Ans", "Wim", "Yvonne", "Mohamed", "Fatima", "Piet", "Riet", "Hanneke"]
ACHTERNAMEN = ["Vliegen", "Crutzen", "Lemmens", "Schepers", "de Vries", "Jansen", "Bakker"]
ACHTERNAMEN += ["Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Peters", "Hendriks"]
ACHTERNAMEN += ["van Dijk", "Dekker", "Willems", "Claessens", "Hermans", "Kessels", "Huisman"]
HUIS_SOORTEN = ["Huize", "Zorgcentrum", "Woonzorgcentrum", "Ontmoetingshuis"]

# (name, theme) of initiatives; each wijk runs 30 different ones.
INITIATIEVEN = [
    ("Open Koffie in de Gasterie", "open_koffie"),
    ("Koffie-inloop op zaterdag", "open_koffie"),
    ("Buurtkoffie aan huis", "open_koffie"),
    ("Doe-boekje van de wijk", "doe_boekje"),
    ("Wegwijzer voor nieuwe bewoners", "doe_boekje"),
    ("Activiteitenkrant", "doe_boekje"),
    ("Samen eten op donderdag", "samen_aan_tafel"),
    ("Kookclub voor mannen", "samen_aan_tafel"),
    ("Buurtlunch", "samen_aan_tafel"),
    ("Soep op zondag", "samen_aan_tafel"),
    ("Eettafel aan huis", "samen_aan_tafel"),
    ("Pannenkoekenmiddag", "samen_aan_tafel"),
    ("Samen op stap voor 'n boodschap", "samen_op_stap"),
    ("Boodschappenmaatje", "samen_op_stap"),
    ("Marktbus op vrijdag", "samen_op_stap"),
    ("Samen naar de weekmarkt", "samen_op_stap"),
    ("Klussendienst", "helpende_hand"),
    ("Heitje voor een karweitje", "helpende_hand"),
    ("Tuinploeg", "helpende_hand"),
    ("Repair Café", "helpende_hand"),
    ("Hulp bij formulieren", "helpende_hand"),
    ("Rijden naar het ziekenhuis", "helpende_hand"),
    ("Wandelclub op maandag", "anders"),
    ("Computerles voor senioren", "anders"),
    ("Tabletcafé", "anders"),
    ("Buurtkoor", "anders"),
    ("Stoelyoga", "anders"),
    ("Bewegen op muziek", "anders"),
    ("Biljartmiddag", "anders"),
    ("Handwerkclub", "anders"),
    ("Voorleesochtend", "anders"),
    ("Moestuin achter het huis", "anders"),
    ("Fietsen op de duofiets", "anders"),
    ("Jeu de boules", "anders"),
    ("Kaartmiddag", "anders"),
    ("Geheugentraining", "anders"),
    ("Zondagmiddagconcert", "anders"),
    ("Filmmiddag", "anders"),
    ("Verhalencafé", "anders"),
    ("Mantelzorgcafé", "anders"),
    ("Dansmiddag", "anders"),
    ("Schilderclub", "anders"),
    ("Telefooncirkel", "anders"),
    ("Maatjesproject", "anders"),
]
THEMA_DOEL = {
    "open_koffie": "buurtbewoners ontmoeten elkaar en praten mee over de wijk",
    "doe_boekje": "iedereen weet wat er te doen is in de wijk",
    "samen_aan_tafel": "niemand hoeft alleen te eten",
    "samen_op_stap": "wie slecht ter been is, blijft zelf boodschappen doen",
    "helpende_hand": "buren helpen elkaar met kleine klusjes",
    "anders": "mensen komen onder de mensen en blijven in beweging",
}

# (category, description, lowest, highest amount, who pays, for how long)
BEGROTINGSREGELS = [
    ("ruimte", "Huur van de ontmoetingsruimte", 0, 600, "Het huis", "1 jaar"),
    ("ruimte", "Schoonmaak na afloop", 50, 300, "Het huis", "1 jaar"),
    ("medewerkers", "Begeleiding door een activiteitenbegeleider", 200, 2400, "Welzijn", "1 jaar"),
    ("eten_drinken", "Koffie, thee en iets lekkers", 60, 500, "Sevagram", "1 jaar"),
    ("eten_drinken", "Boodschappen voor de maaltijd", 200, 1800, "Deelnemers", "1 jaar"),
    ("communicatie", "Flyers en een bericht in het wijkkrantje", 40, 250, "Gemeente", "eenmalig"),
    ("communicatie", "Posters voor de supermarkt en de huisarts", 20, 120, "", "eenmalig"),
    ("vrijwilligers", "Vrijwilligersvergoeding", 100, 1500, "Community Care", "1 jaar"),
    ("vrijwilligers", "Kilometervergoeding chauffeurs", 150, 900, "Community Care", "1 jaar"),
    ("overig", "Materiaal en gereedschap", 30, 800, "Buurtvereniging", "eenmalig"),
    ("overig", "Verzekering", 50, 200, "Community Care", "1 jaar"),
]
STAP_ANTWOORDEN = {
    1: "Vooral {indicatoren}.",
    2: "Een paar buurtbewoners en twee vrijwilligers; de wijkverbinder denkt mee.",
    3: "Zoiets is er nog niet in de wijk; het doe-boekje en de seniorenvereniging bevestigen dat.",
    4: "Na zes maanden evalueren met de deelnemers; daarna elk jaar op de Open Koffie.",
    5: "Past bij wijkplan 2.1.2: nieuwe initiatieven.",
    6: "De begroting staat in het portaal.",
    7: "De initiatiefbeschrijving is compleet.",
}

# The doe-boekje entries a wijk picks from: "name | category | for whom | when | days | costs |
# where" and the description on the next line. A name may use {huis}, {plaats} or {deel}.
# Some words ("wandelen", "koffie", "koor", "computerles") occur in a realistic share of
# them, for the text search.
DOE_BOEKJE_TEKST = """
Koffieochtend {huis} | buurthuis | Iedereen | Elke dinsdag 10:00–11:30 | 1 | Gratis | huis
  Loop binnen voor een kop koffie en een praatje. Er is altijd een vrijwilliger die u verwelkomt.
Samen eten | activiteit | Wie vaak alleen eet | Elke donderdag 12:00–13:30 | 3 | € 7,50 | huis
  Elke donderdag eten we samen een warme maaltijd. Gezellig aan tafel met buurtgenoten.
Wandelclub De {deel}stappers | sport | Wie een uur kan lopen | Elke maandag 9:30 | 0 | Gratis |
  Samen wandelen in een rustig tempo, een uur door de wijk en het park. Na afloop koffie.
Ommetje in {plaats} | sport | Ouderen die graag buiten zijn | Woensdag 14:00 | 2 | Gratis | huis
  Elke week wandelen we een rondje met de rollator of aan de arm van een vrijwilliger.
Natuurwandeling met de gids | sport | Natuurliefhebbers | Eerste zaterdag 10:00 | 5 | € 2 |
  Een gids van het IVN neemt u mee op een wandeling langs beek en bos.
Stoelyoga | sport | Ouderen, ook met weinig conditie | Woensdag 10:30–11:15 | 2 | € 3 | huis
  Rustige oefeningen op een stoel, voor soepele spieren en een goede balans.
Gym voor ouderen | sport | 65-plussers | Elke vrijdag 10:00–11:00 | 4 | € 4 per les | huis
  Bewegen op muziek onder leiding van een fysiotherapeut.
Jeu de boules op het plein | sport | Iedereen | Dinsdag en donderdag 14:00 | 13 | Gratis |
  Gezellig boulen op het plein, ballen zijn er genoeg.
Biljartclub 't Kuusje | club | Iedereen | Dinsdag en vrijdag 13:30–17:00 | 14 | € 5 per maand |
  Biljarten in een gezellige ruimte. Beginners zijn welkom, een keu kunt u lenen.
Klaverjasclub {huis} | club | Wie wil klaverjassen | Elke donderdag 19:30 | 3 | € 1 inleg | huis
  Elke week klaverjassen. U wordt ingedeeld bij een maatje.
Handwerkclub | club | Iedereen die graag handwerkt | Maandag 14:00–16:00 | 0 | Gratis | huis
  Breien, haken en borduren met een kopje koffie erbij.
Schilderclub De Ezel | club | Beginners en gevorderden | Woensdag 19:00–21:00 | 2 | € 4 |
  Samen schilderen met aquarel of acryl; materiaal is er.
Gemengd koor {plaats} | vereniging | Iedereen die graag zingt | Maandag 19:30 | 0 | € 12,50 |
  Een koor met bekende meezingers en streekliedjes. Nieuwe zangers zijn welkom.
Seniorenkoor De Lijster | vereniging | Zangers vanaf 55 jaar | Dinsdag 14:00 | 1 | € 8 | huis
  Zingen houdt jong: het seniorenkoor oefent elke week en treedt op in de huizen van de wijk.
Seniorenvereniging {plaats} | vereniging | 50-plussers | Eerste woensdag 14:00 | 2 | € 22 |
  Lezingen, uitstapjes, kaartmiddagen en een kerstviering. Ook hulp bij formulieren.
Harmonie Sint-Caecilia | vereniging | Wie een instrument speelt | Vrijdag 20:00 | 4 | € 10 |
  De harmonie zoekt muzikanten en geeft concerten in de kerk en op het plein.
Computerles voor beginners | activiteit | Ouderen | Dinsdag 13:30–15:00 | 1 | € 2 per les | huis
  Computerles in kleine groepjes: e-mailen, internetbankieren en foto's bekijken.
Tabletcafé | activiteit | Iedereen | Elke vrijdag 10:00–12:00 | 4 | Gratis |
  Vragen over uw tablet of smartphone? Vrijwilligers helpen. Ook computerles op afspraak.
Digitaal spreekuur | hulp | Iedereen | Elke woensdag 10:00–12:00 | 2 | Gratis |
  Hulp met DigiD, de app van de huisarts en online formulieren.
Klussendienst {deel} | hulp | Ouderen en mensen met een beperking | Op afspraak | | Materiaal |
  Vrijwilligers helpen met kleine klussen in en om het huis: een lamp, een gordijnrail.
Repair Café | hulp | Iedereen | Derde zaterdag 10:00–13:00 | 5 | Vrijwillige bijdrage |
  Neem kapotte spullen mee; samen repareren we ze. Koffie staat klaar.
Formulierenbrigade | hulp | Iedereen | Elke maandag 13:00–15:00 | 0 | Gratis |
  Hulp bij brieven en formulieren van de gemeente en de belasting.
Mantelzorgcafé | zorg | Mantelzorgers | Tweede donderdag 19:30 | 3 | Gratis | huis
  Mantelzorgers ontmoeten elkaar, met koffie en soms een spreker.
Geheugencafé | zorg | Mensen met dementie en naasten | Laatste dinsdag 14:00 | 1 | Gratis | huis
  Informatie over geheugenproblemen en een luisterend oor.
Spreekuur wijkverpleging | zorg | Iedereen | Elke donderdag 9:00–10:00 | 3 | Gratis | huis
  De wijkverpleegkundige beantwoordt vragen over gezondheid en zorg thuis.
Valpreventie | zorg | Wie bang is om te vallen | Maandag 10:00–11:00 | 0 | Vergoed | huis
  Een cursus van acht lessen om vallen te voorkomen, met oefeningen voor balans.
Buurtbus {plaats} | vervoer | Iedereen | Maandag tot en met zaterdag | 012345 | € 1,50 per rit |
  De buurtbus rijdt door de wijk naar de supermarkt, de huisarts en het station.
Vrijwillige chauffeurs | vervoer | Wie geen vervoer heeft | Op afspraak | | € 0,30 per km |
  Vrijwilligers rijden u naar het ziekenhuis of de fysiotherapeut.
Duofiets | vervoer | Wie niet meer alleen kan fietsen | Op afspraak | | Gratis | huis
  Samen fietsen op de duofiets: u trapt mee of laat de vrijwilliger trappen.
Buurthuis {deel} | buurthuis | Iedereen | Werkdagen 9:00–17:00 | 01234 | Gratis |
  Het buurthuis is open voor iedereen: koffie, de krant en elke week iets te doen.
Zondagmiddagconcert | buurthuis | Iedereen | Eerste zondag 14:30 | 6 | € 5 | huis
  Eens per maand een concert in de Gasterie, met koffie en vlaai in de pauze.
Filmmiddag | buurthuis | Iedereen | Tweede vrijdag 14:00 | 4 | € 3 | huis
  Een oude film op het grote scherm, met een drankje en een hapje.
Bingo | activiteit | Iedereen | Laatste vrijdag van de maand 19:30 | 4 | € 5 per kaart | huis
  Gezellig bingo spelen met mooie prijzen.
Voorleesochtend | activiteit | Wie slecht ziet | Elke woensdag 10:30 | 2 | Gratis | huis
  Een vrijwilliger leest voor uit de krant of een boek.
Moestuin {deel} | activiteit | Iedereen | Zaterdag 10:00–12:00 | 5 | Gratis | huis
  Samen groente kweken in de moestuin achter het huis. De oogst delen we.
Kookclub voor mannen | activiteit | Mannen die leren koken | Tweede dinsdag 16:00 | 1 | € 6 |
  Samen koken en eten; elke keer een ander recept.
Dansmiddag | activiteit | Iedereen | Eens per maand op zondag 14:00 | 6 | € 4 |
  Dansen op muziek van vroeger, met een live-orkestje.
Kaartmiddag | club | Iedereen | Elke woensdag 14:00–17:00 | 2 | € 1 | huis
  Rikken, jokeren en klaverjassen, met een kopje koffie.
Bibliotheek aan huis | overig | Wie niet naar de bibliotheek kan | Elke twee weken | | Gratis |
  Vrijwilligers brengen boeken, luisterboeken en tijdschriften aan huis.
Telefooncirkel | overig | Wie alleen woont | Elke ochtend 9:30 | 0123456 | Gratis |
  Elke ochtend belt u met een buurtgenoot; zo weet iedereen dat het goed gaat.
Maatjesproject | overig | Wie zich eenzaam voelt | In overleg | | Gratis |
  Een vrijwilliger komt wekelijks op bezoek voor een praatje of een wandeling.
Verhalencafé | buurthuis | Iedereen | Eerste maandag 14:00 | 0 | Gratis | huis
  Buurtgenoten vertellen verhalen over de wijk van vroeger.
"""
DOE_BOEKJE = [
    (*(veld.strip() for veld in kop.split("|")), wat.strip())
    for kop, wat in batched(DOE_BOEKJE_TEKST.strip().splitlines(), 2)
]

EVALUATIE_TEKSTEN = {
    "opstart": "Het idee kwam van een buurtbewoner op de Open Koffie. Via de huisarts en de "
    "seniorenvereniging kwamen de eerste deelnemers.",
    "voortgang": "Het loopt volgens plan en binnen de begroting.",
    "effect_beleving": "Ja. Deelnemers zeggen dat ze zich minder alleen voelen.",
    "effect_gemeten": "We tellen elke keer het aantal deelnemers.",
    "voortzetten": "Ja, de deelnemers en de vrijwilligers willen graag doorgaan.",
}
VERVOLGAFSPRAKEN = [
    "Flyers over de Open Koffie verspreiden in de flat",
    "Navragen of de buurtbus ook op zaterdag kan rijden",
    "Een tweede wijkverbinder vragen voor de kookclub",
    "Doe-boekje aanvullen met de nieuwe activiteiten",
    "Afspraak maken met de huisarts over het spreekuur",
    "Zoeken naar vrijwilligers voor de receptie in het weekend",
]
BESPREEKPUNTEN = [
    "Kan er een bankje bij de bushalte komen?",
    "De stoep bij de supermarkt is slecht begaanbaar met de rollator.",
    "Graag een wandelgroep op zaterdag.",
    "Wie wil er meedoen met een buurtkoor?",
    "Kunnen we samen een kerstdiner organiseren?",
    "Er is behoefte aan computerles voor ouderen.",
    "Wanneer komt de buurtbus weer?",
]
ACTIES = [
    "Drie nieuwe wijkverbinders werven via de Open Koffie",
    "Doe-boekje bijwerken met de activiteiten van de sportvereniging",
    "Afspraken over de Gasterie vastleggen met facilitair",
    "Een initiatief voor samen eten uitwerken",
    "Wijkcijfers bespreken op de eerstvolgende Open Koffie",
    "Folder over de buurtbus maken",
    "Contact leggen met de woningcorporatie",
]


def _persoon(rng: Random) -> str:
    return f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"


def _bedrag(waarde: float) -> Decimal:
    return Decimal(f"{waarde:.2f}")


def _overleg(s: "Seeder", wijk, dag: date) -> int:
    """The overleg where step 8 was taken: one a day per wijk (a database constraint)."""
    from openkoffie.models import WijkverbinderOverleg

    if dag not in wijk.overleggen:
        wijk.overleggen[dag] = s.add(
            WijkverbinderOverleg, wijk_id=wijk.id, datum=dag, notities="Initiatieven besproken."
        )
    return wijk.overleggen[dag]


def _open_koffie(s: "Seeder", wijk, dag: date) -> int:
    """The Open Koffie of step 9: held when it lies in the past."""
    from openkoffie.models import DUUR, AgendaOnderdeel, OpenKoffie
    from openkoffie.planning import moment

    begin = moment(dag, tijd(14))
    status = "gehouden" if dag < s.vandaag else "gepland"
    pk = s.add(OpenKoffie, wijk_id=wijk.id, begin=begin, einde=begin + DUUR, status=status)
    # The standard agenda that OpenKoffie.save() would add.
    for volgorde, (soort, toelichting) in enumerate(AgendaOnderdeel.STANDAARD_TOELICHTING.items()):
        s.add(
            AgendaOnderdeel,
            open_koffie_id=pk,
            soort=soort,
            volgorde=volgorde,
            toelichting=toelichting,
        )
    return pk


def _op(dag: date, uur: int = 10) -> datetime:
    """A moment on `dag`; UTC is close enough for when a step or decision was recorded."""
    return datetime.combine(dag, tijd(uur), tzinfo=UTC)


# --- the machinery ------------------------------------------------------------------

VERPLICHT = object()  # a column without default that every row must fill


class Seeder:
    """Queues rows as plain values under ids of its own, then writes them in one go per
    table: COPY on PostgreSQL (a fraction of the work of INSERT through model instances,
    which would not seed 3,300 wijken in minutes), bulk_create elsewhere. Fields that
    save() or a default would fill are filled from the model's defaults."""

    def __init__(self, seed: int, log) -> None:
        from django.db import connection
        from django.utils import timezone

        self.seed, self.log, self.connection = seed, log, connection
        self.vandaag, self.nu = timezone.localdate(), timezone.now()
        self.tabellen: dict[type, SimpleNamespace] = {}
        self.counts: dict[str, int] = {}
        self.begin = time.monotonic()

    def rng(self, naam: str) -> Random:
        """One generator per part, so a change in one part does not reshuffle the others."""
        return Random(f"{self.seed}-{naam}")

    def add(self, model: type, **waarden) -> int:
        """Queues a row (fields by attname, so `wijk_id=`) and returns its id."""
        tabel = self.tabellen.get(model) or self._tabel(model)
        waarden["id"] = pk = tabel.volgende
        tabel.volgende += 1
        if fout := (waarden.keys() - tabel.namen) | (tabel.verplicht - waarden.keys()):
            raise ValueError(f"{model.__name__}: unknown or missing {sorted(fout)}")
        tabel.rijen.append(waarden)
        return pk

    def _tabel(self, model: type) -> SimpleNamespace:
        from django.db.models import JSONField, Max

        velden = model._meta.concrete_fields
        kolommen = [(veld.attname, self._standaard(veld)) for veld in velden]
        tabel = self.tabellen[model] = SimpleNamespace(
            velden=velden,
            kolommen=kolommen,
            namen={naam for naam, _ in kolommen},
            verplicht={naam for naam, standaard in kolommen if standaard is VERPLICHT} - {"id"},
            json=[i for i, veld in enumerate(velden) if isinstance(veld, JSONField)],
            volgende=(model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1,
            rijen=[],
        )
        return tabel

    def _standaard(self, veld):
        if getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
            return self.nu
        if veld.has_default():
            return veld.get_default()
        if veld.null:
            return None
        if veld.empty_strings_allowed and veld.blank:
            return ""
        return VERPLICHT

    def flush(self) -> None:
        """Writes every queued row; tables in the order they were first used."""
        qn = self.connection.ops.quote_name
        for model, tabel in self.tabellen.items():
            rijen = [tuple(rij.get(naam, st) for naam, st in tabel.kolommen) for rij in tabel.rijen]
            tabel.rijen = []
            if not rijen:
                continue
            if self.connection.vendor != "postgresql":
                namen = [naam for naam, _ in tabel.kolommen]
                objs = [model(**dict(zip(namen, rij, strict=True))) for rij in rijen]
                model.objects.bulk_create(objs, batch_size=BATCH)
            else:
                from psycopg.types.json import Jsonb

                for i in tabel.json:
                    rijen = [(*rij[:i], Jsonb(rij[i]), *rij[i + 1 :]) for rij in rijen]
                kolommen = ", ".join(qn(veld.column) for veld in tabel.velden)
                sql = f"COPY {qn(model._meta.db_table)} ({kolommen}) FROM STDIN"
                with self.connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                    for rij in rijen:
                        copy.write_row(rij)
            naam = model._meta.object_name
            self.counts[naam] = self.counts.get(naam, 0) + len(rijen)

    def sluit(self) -> None:
        """Moves the id sequences past the ids given here (PostgreSQL; SQLite follows)."""
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), list(self.tabellen)):
                cursor.execute(sql)

    @contextmanager
    def deel(self, naam: str):
        voor, begin = dict(self.counts), time.monotonic()
        yield
        nu = time.monotonic()
        self.log(f"{naam} ({nu - begin:.1f} s, {nu - self.begin:.1f} s in total)")
        for model, aantal in self.counts.items():
            if aantal != voor.get(model, 0):
                self.log(f"  {model:<32}{aantal - voor.get(model, 0):>10,}")


# --- wijken: regio's, wijken, huizen (Bijlage 2), people ------------------------------


def seed_wijken(s: Seeder, n_wijken: int, n_regios: int) -> list[SimpleNamespace]:
    """Returns per wijk what the other parts need: ids, names, its huis and people."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from wijken.base import roles
    from wijken.base.models import Huis, Regio, User, Vrijwilliger, Wijk, Wijkverbinder
    from wijken.mogelijkheden.models import HuisMogelijkheden, Openingstijd, Ruimte

    rng, vandaag = s.rng("wijken"), s.vandaag
    wachtwoord = make_password(PASSWORD)  # hashing is slow on purpose: once for all
    groepen = {naam: Group.objects.get_or_create(name=naam)[0].pk for naam in roles.ALL_ROLES}
    UserGroep, WijkCoordinator = User.groups.through, Wijk.coordinatoren.through
    regios = []
    for r in range(n_regios):
        naam = REGIO_NAMEN[r % len(REGIO_NAMEN)]
        pk = s.add(
            Regio,
            naam=naam if r < len(REGIO_NAMEN) else f"{naam} {r // len(REGIO_NAMEN) + 1}",
            slug=f"benchregio-{r}",
            beschrijving=f"De wijken van Community Care in {naam}.",
        )
        regios.append(SimpleNamespace(id=pk, slug=f"benchregio-{r}", plaatsen=REGIO_PLAATSEN[naam]))
    manager = s.add(
        User,
        username="bench-programmamanager",
        password=wachtwoord,
        first_name="Petra",
        last_name="Programma",
        email="bench-programmamanager@example.org",
        functie="Programmamanager",
        is_staff=True,
    )
    s.add(UserGroep, user_id=manager, group_id=groepen[roles.PROGRAMMAMANAGER])

    wijken = []
    for w in range(n_wijken):
        regio, i = regios[w % n_regios], w // n_regios
        plaats = regio.plaatsen[i % len(regio.plaatsen)]
        j = i // len(regio.plaatsen)
        deel = VOORVOEGSELS[j % len(VOORVOEGSELS)] + STAMMEN[j // len(VOORVOEGSELS) % len(STAMMEN)]
        inwoners = rng.randrange(1500, 9000, 10)
        wijk = SimpleNamespace(
            slug=f"benchwijk-{w}", regio=regio, plaats=plaats, deel=deel, overleggen={}
        )
        wijk.id = s.add(
            Wijk,
            regio_id=regio.id,
            naam=f"{plaats}-{deel}",
            slug=wijk.slug,
            cbs_code=f"WK{w:06d}",
            introductie=f"{deel} is een groene wijk aan de rand van {plaats}, met veel ouderen "
            "die er al hun hele leven wonen. Er is een supermarkt, een huisarts en een park.",
            wie_leeft_hier=f"Ongeveer {inwoners:,} inwoners, een derde van 65 jaar of ouder. "
            "In de wijk werken een huisarts, twee wijkverpleegkundigen en een ouderenadviseur.",
            behoeften="Samen eten, samen boodschappen doen en hulp bij klusjes. Bewoners willen "
            "elkaar vaker ontmoeten, ook in het weekend.",
            contact_voor_vragen=f"Receptie, 045 555 {w % 10000:04d}",
        )
        wijken.append(wijk)

        wijk.huis_naam = f"{HUIS_SOORTEN[w % len(HUIS_SOORTEN)]} {deel}"
        wijk.huis_telefoon = f"045 555 {w % 10000:04d}"
        wijk.huis = huis = s.add(
            Huis,
            wijk_id=wijk.id,
            naam=wijk.huis_naam,
            adres=f"{rng.choice(STRATEN)} {rng.randint(1, 120)}",
            postcode=f"{1000 + w % 8999:04d} {chr(65 + w % 26)}{chr(65 + w // 26 % 26)}",
            plaats=plaats,
            telefoon=wijk.huis_telefoon,
        )
        s.add(
            HuisMogelijkheden,
            huis_id=huis,
            receptie_uitbreiden=rng.random() < 0.5,
            receptie_toelichting="In het weekend is de receptie korter open.",
            gasterie_bezetting=rng.choice(["altijd", "soms"]),
            toegang=rng.choice(["pool", "druppel"]),
            druppel_voor_vrijwilligers=rng.random() < 0.6,
            extra_maatregelen="Bij meer dan 30 bezoekers twee BHV'ers aanwezig.",
            koken_mogelijk=rng.random() < 0.7,
            koken_voorwaarden="Samen met iemand die een hygiënecursus heeft gedaan.",
            afgesproken_met="de teammanager facilitair",
            afgesproken_op=vandaag - timedelta(days=rng.randint(10, 400)),
        )
        for naam, capaciteit in rng.sample(
            [("Gasterie", 60), ("Zaal", 30), ("Stille kamer", 8), ("Tuinkamer", 15)], 3
        ):
            s.add(
                Ruimte,
                huis_id=huis,
                naam=naam,
                capaciteit=capaciteit,
                beschikbaar="Werkdagen na 14:00",
                reserveren="Via de receptie",
            )
        weekend = range(5, 7) if rng.random() < 0.5 else ()
        for soort, dagen, van, tot in [
            ("receptie", range(5), tijd(8, 30), tijd(17)),
            ("receptie", weekend, tijd(10), tijd(16)),
            ("gasterie", range(7), tijd(10), tijd(12)),
            ("gasterie", range(7), tijd(14), tijd(16, 30)),
        ]:
            for dag in dagen:
                s.add(Openingstijd, huis_id=huis, soort=soort, dag=dag, van=van, tot=tot)
        for _ in range(rng.randint(2, 6)):
            s.add(
                Vrijwilliger,
                huis_id=huis,
                naam=_persoon(rng),
                contact="06 5555 0000",
                wat=rng.choice(["Receptie", "Gasterie", "Wandelen met bewoners", "Tuin"]),
                startdatum=vandaag - timedelta(days=rng.randint(0, 700)),
            )

        wijk.coordinator_naam = _persoon(rng)
        wijk.coordinator_login = "bench-coordinator" if w == 0 else f"bench-coordinator-{w}"
        wijk.coordinator = s.add(
            User,
            username=wijk.coordinator_login,
            password=wachtwoord,
            first_name=wijk.coordinator_naam.split()[0],
            last_name=wijk.coordinator_naam.split(maxsplit=1)[1],
            email=f"coordinator-{w}@example.org",
            functie="Coördinator",
        )
        s.add(UserGroep, user_id=wijk.coordinator, group_id=groepen[roles.COORDINATOR])
        s.add(WijkCoordinator, wijk_id=wijk.id, user_id=wijk.coordinator)
        wijk.manager = manager

        wijk.actieve = []  # (id, name) of the active wijkverbinders
        actief = rng.randint(5, 8)
        for n in range(8):
            naam, status = _persoon(rng), "actief"
            if n >= actief:
                status = rng.choice(["geinteresseerd", "gestopt"])
            publiek = n % 2 == 0
            pk = s.add(
                Wijkverbinder,
                wijk_id=wijk.id,
                naam=naam,
                email=f"verbinder-{w}-{n}@example.net",
                telefoon="06 5555 0101",
                startdatum=vandaag - timedelta(days=rng.randint(30, 900)),
                status=status,
                bijdrage="Ik wil graag mensen met elkaar in contact brengen.",
                wederkerigheid="Nieuwe mensen leren kennen.",
                talenten=rng.choice(["Koken", "Klussen", "Organiseren", "Muziek", "Computers"]),
                toestemming_publiek=publiek,
                # What Wijkverbinder.save() would fill in.
                toestemming_datum=vandaag - timedelta(days=rng.randint(0, 300))
                if publiek
                else None,
            )
            if status == "actief":
                wijk.actieve.append((pk, naam))
    s.flush()
    return wijken


# --- initiatieven: steps, begroting, evaluations ------------------------------------


def seed_initiatieven(s: Seeder, wijken: list[SimpleNamespace]) -> None:
    from django.utils.text import slugify

    from communitycare.lib.dates import add_months
    from initiatieven.models import (
        Begroting,
        Begrotingsbesluit,
        Begrotingsregel,
        Besteding,
        Evaluatie,
        Initiatief,
        InitiatiefIndicator,
        Startstap,
        Status,
    )
    from wijken.base.indicatoren import Indicator

    rng, vandaag = s.rng("initiatieven"), s.vandaag
    statussen = [Status.IDEE, Status.ONTWIKKELING, Status.ACTIEF, Status.BEEINDIGD]
    statussen += [Status.AFGEWEZEN]
    gewichten = [4, 8, 11, 4, 3]
    stand = Begroting.Stand
    slugs = {naam: slugify(naam) for naam, _ in INITIATIEVEN}
    indicatoren = list(Indicator)

    for deel in batched(wijken, CHUNK):
        for wijk in deel:
            coordinator = wijk.coordinator
            for naam, thema in rng.sample(INITIATIEVEN, INITIATIEVEN_PER_WIJK):
                status = rng.choices(statussen, gewichten)[0]
                gestart = status in (Status.ACTIEF, Status.BEEINDIGD)
                gekozen = sorted(rng.sample(indicatoren, rng.randint(1, 3)))
                labels = ", ".join(i.label.lower() for i in gekozen)
                if gestart:
                    start = vandaag - timedelta(days=rng.randint(20, 1100))
                    ingevuld = start - timedelta(days=rng.randint(40, 120))
                else:
                    start, ingevuld = None, vandaag - timedelta(days=rng.randint(5, 300))
                einde = None
                if status == Status.BEEINDIGD:
                    einde = min(vandaag, start + timedelta(days=rng.randint(200, 900)))
                aantal_stappen = {
                    Status.IDEE: rng.randint(0, 2),
                    Status.AFGEWEZEN: rng.randint(1, 4),
                    Status.ONTWIKKELING: rng.randint(2, 9),
                }.get(status, 9)
                verbinder, verbinder_naam = (None, "")
                if status != Status.IDEE:
                    verbinder, verbinder_naam = rng.choice(wijk.actieve)
                beschrijving = {}  # the rest of Bijlage 6, once the description is complete
                if gestart or (status != Status.IDEE and aantal_stappen >= 5):
                    beschrijving = {
                        "aanpak": f"{wijk.coordinator_naam.split()[0]} en de wijkverbinder komen "
                        "elke maand samen met de vrijwilligers en beslissen over de planning.",
                        "wanneer": rng.choice(["Elke dinsdag 9:30–11:30.", "Donderdag 14:00."]),
                        "deelnemers": f"Voor {rng.randint(6, 25)} deelnemers; iedereen is welkom.",
                        "ruimte": f"In {wijk.huis_naam}. Er is altijd een BHV'er in huis.",
                        "eten_drinken": "Koffie en thee van de Gasterie.",
                        "communicatie": "Flyers, het wijkkrantje en de Open Koffie.",
                        "uitvoering": "Drie vrijwilligers, afgesproken voor een jaar.",
                        "overige_betrokkenen": "Seniorenvereniging en de huisarts",
                    }
                contactpersoon = f"Receptie {wijk.huis_naam}, {wijk.huis_telefoon}"
                ini = s.add(
                    Initiatief,
                    wijk_id=wijk.id,
                    naam=naam,
                    slug=slugs[naam],
                    thema=thema,
                    status=status,
                    coordinator_id=coordinator,
                    wijkverbinder_id=verbinder,
                    contactpersoon=contactpersoon,
                    datum_ingevuld=ingevuld,
                    startdatum=start,
                    einddatum=einde,
                    reden_einde="De vrijwilligers stoppen ermee; niemand neemt het over."
                    if einde
                    else "",
                    globale_beschrijving=f"{naam} in {wijk.deel}: {THEMA_DOEL[thema]}. "
                    f"Het initiatief werkt aan {labels}.",
                    niet_aanwezig_in_wijk=status != Status.AFGEWEZEN
                    if aantal_stappen >= 3
                    else None,
                    # Past the idea, the wijk's own (the step-10 gate); no draw of `rng`,
                    # so the rest of the data stays what it was.
                    initiatiefnemer_soort="groep" if status != Status.IDEE else "",
                    initiatiefnemer=f"Buren in {wijk.deel}" if status != Status.IDEE else "",
                    **beschrijving,
                )
                for indicator in gekozen:
                    s.add(InitiatiefIndicator, initiatief_id=ini, indicator=indicator)

                # Steps 1 to n, spread between filling in and the start (or today).
                tot = start or vandaag
                for nummer in range(1, aantal_stappen + 1):
                    dag = ingevuld + (tot - ingevuld) * nummer / 10
                    s.add(
                        Startstap,
                        initiatief_id=ini,
                        nummer=nummer,
                        antwoord=STAP_ANTWOORDEN.get(nummer, "").format(indicatoren=labels),
                        voltooid_door_id=coordinator,
                        voltooid_op=_op(dag),
                        bewoner_doet_mee=nummer == 2,
                        overleg_id=_overleg(s, wijk, dag) if nummer == 8 else None,
                        overleg_wijkverbinder_id=verbinder if nummer == 8 else None,
                        open_koffie_id=_open_koffie(s, wijk, dag) if nummer == 9 else None,
                    )

                # The begroting: every line added raised its version (na_wijziging).
                regels = [
                    (categorie, omschrijving, _bedrag(rng.randint(laag, hoog)), betaler, looptijd)
                    for categorie, omschrijving, laag, hoog, betaler, looptijd in rng.sample(
                        BEGROTINGSREGELS, rng.randint(3, 5)
                    )
                ]
                totaal = sum(regel[2] for regel in regels)
                besluit = stand.CONCEPT
                if gestart:
                    besluit = stand.GOEDGEKEURD
                elif status == Status.ONTWIKKELING:
                    besluit = rng.choice([stand.CONCEPT, stand.INGEDIEND, stand.GOEDGEKEURD])
                elif status == Status.AFGEWEZEN:
                    besluit = rng.choice([stand.CONCEPT, stand.AFGEWEZEN])
                versie = 1 + len(regels) + rng.randint(0, 2)
                ingediend = ingevuld + (tot - ingevuld) * 0.6
                beslist = ingevuld + (tot - ingevuld) * 0.8
                goedgekeurd = besluit == stand.GOEDGEKEURD
                begroting = s.add(
                    Begroting,
                    initiatief_id=ini,
                    status=besluit,
                    versie=versie,
                    ingediend_op=None if besluit == stand.CONCEPT else _op(ingediend),
                    ingediend_door_id=None if besluit == stand.CONCEPT else coordinator,
                    goedgekeurde_versie=versie if goedgekeurd else None,
                    goedgekeurd_op=_op(beslist, 15) if goedgekeurd else None,
                    goedgekeurd_door_id=wijk.manager if goedgekeurd else None,
                    overige_financieel_akkoord=goedgekeurd,
                    overige_financieel_akkoord_datum=beslist if goedgekeurd else None,
                )
                for categorie, omschrijving, bedrag, betaler, looptijd in regels:
                    s.add(
                        Begrotingsregel,
                        begroting_id=begroting,
                        categorie=categorie,
                        omschrijving=omschrijving,
                        bedrag=bedrag,
                        betaler=betaler,
                        looptijd=looptijd,
                    )
                besluiten = []
                if besluit != stand.CONCEPT:
                    besluiten.append((stand.INGEDIEND, coordinator, ingediend, ""))
                if besluit == stand.GOEDGEKEURD:
                    besluiten.append((besluit, wijk.manager, beslist, ""))
                if besluit == stand.AFGEWEZEN:
                    reden = "Dit bestaat al in de wijk; sluit aan bij wat er is."
                    besluiten.append((besluit, wijk.manager, beslist, reden))
                for soort, door, dag, reden in besluiten:
                    s.add(
                        Begrotingsbesluit,
                        begroting_id=begroting,
                        soort=soort,
                        door_id=door,
                        op=_op(dag, 15),
                        versie=versie,
                        totaal=totaal,
                        reden=reden,
                    )

                # Evaluations: after six months, then yearly in the first quarter.
                if not gestart:
                    continue
                laatste = einde or vandaag
                zes = add_months(start, 6) + timedelta(rng.randint(0, 20))
                momenten = [("zes_maanden", zes)]
                for jaar in range(start.year, laatste.year):  # due by 31 March of jaar + 1
                    datum = date(jaar + 1, rng.randint(1, 3), rng.randint(1, 28))
                    momenten.append(("jaarlijks", max(datum, zes + timedelta(14))))
                begroot = defaultdict(Decimal)
                for categorie, _, bedrag, _, _ in regels:
                    begroot[categorie] += bedrag
                for soort, datum in momenten:
                    if datum >= laatste or rng.random() < 0.08:
                        break  # not due yet, or overdue: the dashboard signals it
                    evaluatie = s.add(
                        Evaluatie,
                        initiatief_id=ini,
                        soort=soort,
                        ingevuld_door=wijk.coordinator_naam,
                        datum=datum,
                        startdatum_initiatief=start,
                        betrokken_wijkverbinder=verbinder_naam,
                        betrokken_coordinator=wijk.coordinator_naam,
                        overige_betrokkenen=beschrijving.get("overige_betrokkenen", ""),
                        beinvloeding_indicator=", ".join(i.label for i in gekozen),
                        contactpersoon=contactpersoon,
                        gepubliceerd_op=_op(datum, 12),
                        **EVALUATIE_TEKSTEN,
                    )
                    for categorie, bedrag in begroot.items():
                        s.add(
                            Besteding,
                            evaluatie_id=evaluatie,
                            categorie=categorie,
                            begroot=bedrag,
                            besteed=_bedrag(float(bedrag) * rng.uniform(0.7, 1.1)),
                        )
        s.flush()


# --- openkoffie: a year of Open Koffies, monthly overleggen ----------------------------


def seed_openkoffie(s: Seeder, wijken: list[SimpleNamespace]) -> None:
    from communitycare.lib.dates import add_months
    from openkoffie.models import (
        DUUR,
        AgendaOnderdeel,
        Bespreekpunt,
        OpenKoffie,
        Vervolgafspraak,
        WijkverbinderOverleg,
    )
    from openkoffie.planning import moment

    rng, vandaag = s.rng("openkoffie"), s.vandaag
    agenda = list(AgendaOnderdeel.STANDAARD_TOELICHTING.items())
    per_regio = defaultdict(list)
    for wijk in wijken:
        per_regio[wijk.regio.id].append(wijk.id)
    Aanwezig = WijkverbinderOverleg.aanwezigen.through

    for deel in batched(wijken, CHUNK):
        for wijk in deel:
            aantal = rng.randint(6, 12)
            stap = 365 / aantal
            for n in range(aantal):
                dag = vandaag + timedelta(days=int(n * stap - 182 + rng.random() * stap / 2))
                begin = moment(dag, rng.choice([tijd(10), tijd(14), tijd(19, 30)]))
                geweest = dag < vandaag
                status = "gepland"
                if geweest:
                    status = "geannuleerd" if rng.random() < 0.08 else "gehouden"
                tweede = None
                if rng.random() < 0.05:  # now and then together with a nearby wijk
                    tweede = rng.choice(per_regio[wijk.regio.id])
                in_huis = rng.random() < 0.85
                gehouden = status == "gehouden"
                open_koffie = s.add(
                    OpenKoffie,
                    wijk_id=wijk.id,
                    tweede_wijk_id=tweede if tweede != wijk.id else None,
                    onderwerp=rng.choice(["", "", "Nieuwjaarskoffie", "Wijkplan", "Zomerkoffie"]),
                    begin=begin,
                    einde=begin + DUUR,  # what OpenKoffie.save() fills in
                    huis_id=wijk.huis if in_huis else None,
                    adres="" if in_huis else f"Buurthuis {wijk.deel}, {rng.choice(STRATEN)} 3",
                    status=status,
                    reden_annulering="Te weinig aanmeldingen door de vakantie."
                    if status == "geannuleerd"
                    else "",
                    verslag="We bespraken het wijkplan en de nieuwe initiatieven."
                    if gehouden
                    else "",
                    aantal_buurtbewoners=rng.randint(5, 40) if gehouden else None,
                    coordinator_aanwezig=gehouden,
                    wijkverbinders_aanwezig=gehouden and rng.random() < 0.9,
                    management_aanwezig=gehouden and rng.random() < 0.7,
                )
                # The standard agenda that OpenKoffie.save() would add.
                for volgorde, (soort, toelichting) in enumerate(agenda):
                    s.add(
                        AgendaOnderdeel,
                        open_koffie_id=open_koffie,
                        soort=soort,
                        volgorde=volgorde,
                        toelichting=toelichting,
                    )
                for volgorde, tekst in enumerate(rng.sample(BESPREEKPUNTEN, rng.randint(0, 3)), 1):
                    naam = _persoon(rng).split()[0]
                    punt = "geaccepteerd"
                    if not geweest:
                        punt = rng.choice(["ingediend", "geaccepteerd", "afgewezen"])
                    s.add(
                        Bespreekpunt,
                        open_koffie_id=open_koffie,
                        tekst=tekst,
                        naam=naam,
                        contact=f"{naam.lower()}@example.net",
                        status=punt,
                        volgorde=volgorde if punt == "geaccepteerd" else 0,
                    )
                for wat in rng.sample(VERVOLGAFSPRAKEN, rng.randint(1, 3)) if gehouden else []:
                    s.add(
                        Vervolgafspraak,
                        open_koffie_id=open_koffie,
                        wat=wat,
                        wie=rng.choice(wijk.actieve)[1].split()[0],
                        voor_wanneer=dag + timedelta(days=rng.randint(14, 90)),
                    )
            # Monthly; one wijk in twenty has not met for a while (a dashboard signal).
            eerste = vandaag - timedelta(days=rng.randint(0, 20) + 60 * (rng.random() < 0.05))
            for maand in range(12):
                datum = add_months(eerste, -maand)
                while datum in wijk.overleggen:  # one a day: a step 8 took this one
                    datum += timedelta(days=1)
                overleg = s.add(
                    WijkverbinderOverleg,
                    wijk_id=wijk.id,
                    datum=datum,
                    notities="Stand van zaken van de initiatieven en de volgende Open Koffie.",
                )
                for verbinder, _ in rng.sample(wijk.actieve, rng.randint(1, len(wijk.actieve))):
                    s.add(Aanwezig, wijkverbinderoverleg_id=overleg, wijkverbinder_id=verbinder)
        s.flush()


# --- the doe-boekje (Bijlage 3) ----------------------------------------------------------


def seed_doe_boekje(s: Seeder, wijken: list[SimpleNamespace]) -> None:
    from wijken.doeboekje.models import DoeBoekjeItem

    rng, vandaag = s.rng("doe-boekje"), s.vandaag
    for deel in batched(wijken, CHUNK):
        for wijk in deel:
            namen = {"huis": wijk.huis_naam, "plaats": wijk.plaats, "deel": wijk.deel}
            for naam, categorie, voor_wie, wanneer, dagen, kosten, waar, wat in rng.sample(
                DOE_BOEKJE, DOE_BOEKJE_PER_WIJK
            ):
                naam, in_huis = naam.format(**namen), waar == "huis"
                vast = rng.random() < 0.85  # some have no fixed time
                s.add(
                    DoeBoekjeItem,
                    wijk_id=wijk.id,
                    naam=naam,
                    categorie=categorie,
                    beschrijving=wat,
                    voor_wie=voor_wie,
                    huis_id=wijk.huis if in_huis else None,
                    waar="" if in_huis else f"{rng.choice(STRATEN)} 12, {wijk.plaats}",
                    wanneer=wanneer if vast else "Op afspraak",
                    dagen=dagen if vast else "",
                    kosten=kosten,
                    contact=f"Receptie {wijk.huis_naam}, {wijk.huis_telefoon}"
                    if in_huis
                    else f"{naam}, 045 555 {rng.randint(0, 9999):04d}",
                    website="" if in_huis else f"https://{wijk.slug}.example/",
                    laatst_gecontroleerd_op=vandaag - timedelta(days=rng.randint(0, 600)),
                    gecontroleerd_door_id=wijk.coordinator,
                    gearchiveerd=rng.random() < 0.04,
                )
        s.flush()


# --- wijkdata (Bijlage 1) and the wijkplan (Bijlage 5) ----------------------------------


def seed_wijkdata(s: Seeder, wijken: list[SimpleNamespace]) -> None:
    from wijken.base.indicatoren import Indicator
    from wijken.wijkdata.maten import EENHEID, Bron, Profielmaat
    from wijken.wijkdata.models import BeleefdeWijkdata, Wijkcijfer
    from wijken.wijkplan.models import DELEN, Actie, Wijkplan

    rng, vandaag = s.rng("wijkdata"), s.vandaag
    nederland = {"zelfredzaamheid": 86, "samenredzaamheid": 73, "sociale_participatie": 44}
    nederland |= {"eenzaamheid": 49}
    profiel = [  # measure, source, lowest, highest, value for Nederland
        (Profielmaat.INWONERS, Bron.CBS, 1500, 9000, None),
        (Profielmaat.AANDEEL_65_PLUS, Bron.CBS, 15, 35, 20.3),
        (Profielmaat.AANDEEL_75_PLUS, Bron.CBS, 7, 18, 9.5),
        (Profielmaat.EENPERSOONSHUISHOUDENS, Bron.CBS, 25, 50, 39.4),
        (Profielmaat.MANTELZORGERS, Bron.GGD, 12, 25, 19.6),
        (Profielmaat.VRIJWILLIGERS, Bron.GGD, 20, 35, 31.2),
        (Profielmaat.ZORGVOORZIENINGEN, Bron.EIGEN_PEILING, 1, 12, None),
    ]
    jaren = range(vandaag.year - 4, vandaag.year)

    def cijfer(wijk, maat, jaar, bron, waarde, nl=None, gemeente=None) -> None:
        s.add(
            Wijkcijfer,
            wijk_id=wijk.id,
            maat=maat,
            jaar=jaar,
            waarde=_bedrag(waarde),
            eenheid=EENHEID[maat],
            bron=bron,
            vergelijking_gemeente=None if gemeente is None else _bedrag(gemeente),
            vergelijking_nederland=None if nl is None else _bedrag(nl),
        )

    for deel in batched(wijken, CHUNK):
        for wijk in deel:
            for maat, nl in nederland.items():
                waarde = nl + rng.uniform(-6, 6)
                for jaar in jaren:
                    waarde += rng.uniform(-1.5, 1.5)
                    cijfer(wijk, maat, jaar, Bron.RIVM, waarde, nl, nl + rng.uniform(-3, 3))
            for maat, bron, laag, hoog, nl in profiel:
                cijfer(wijk, maat, jaren[-1], bron, round(rng.uniform(laag, hoog)), nl)
            besproken = _open_koffie(s, wijk, vandaag - timedelta(days=rng.randint(30, 200)))
            for indicator in Indicator:
                s.add(
                    BeleefdeWijkdata,
                    wijk_id=wijk.id,
                    indicator=indicator,
                    herkenning="Dat herkennen we: op zondag is het stil en veel mensen zijn "
                    "dan alleen.",
                    open_koffie_id=besproken,
                    nadruk=rng.random() < 0.4,
                )
            plan = s.add(
                Wijkplan,
                wijk_id=wijk.id,
                wijkdata=f"In {wijk.deel} wonen veel ouderen alleen; de eenzaamheid ligt "
                "boven het gemiddelde van de gemeente.",
                beleefde_wijkdata="Op de Open Koffie herkenden bewoners het beeld: vooral in "
                "het weekend is het stil.",
                locaties=f"In {wijk.huis_naam} kunnen de Gasterie en de zaal gebruikt worden.",
                doe_boekje="Het doe-boekje is bijgewerkt met de clubs en verenigingen.",
                doel_wijkverbinders="We werven wijkverbinders via de Open Koffie en de kerk.",
                doel_initiatieven="Dit jaar starten we samen eten en een wandelclub.",
                doel_huis="De Gasterie wordt een echte ontmoetingsplek, ook in het weekend.",
                doel_overig="Meer jongeren betrekken bij de wijk.",
                # Each section was saved a few times: its optimistic-lock version.
                versies={d.veld: rng.randint(1, 4) for d in DELEN},
            )
            for volgorde, omschrijving in enumerate(rng.sample(ACTIES, rng.randint(3, 6)), 1):
                voor_wanneer = vandaag + timedelta(days=rng.randint(-120, 180))
                afgerond = voor_wanneer < vandaag and rng.random() < 0.7
                s.add(
                    Actie,
                    wijkplan_id=plan,
                    omschrijving=omschrijving,
                    wie=rng.choice(wijk.actieve)[1].split()[0],
                    voor_wanneer=voor_wanneer,
                    afgerond=afgerond,
                    afgerond_op=voor_wanneer if afgerond else None,
                    volgorde=volgorde,
                )
        s.flush()


# --- all of it ------------------------------------------------------------------------


def seed(wijken: int = 3300, regios: int = 12, seed: int = 2026, log=None) -> dict:
    """Seeds an empty, migrated database and returns the manifest for benchmarks/run.py."""
    from django.db import transaction
    from django.urls import reverse

    from initiatieven.models import Initiatief, Status
    from openkoffie.models import OpenKoffie
    from wijken.base.models import Regio

    if Regio.objects.filter(slug="benchregio-0").exists():
        raise SystemExit("This database is seeded already; seed an empty one.")
    s = Seeder(seed, log or (lambda *_: None))
    with transaction.atomic():
        with s.deel("wijken"):
            wijk_info = seed_wijken(s, wijken, regios)
        with s.deel("initiatieven"):
            seed_initiatieven(s, wijk_info)
        with s.deel("openkoffie"):
            seed_openkoffie(s, wijk_info)
        with s.deel("doe-boekje"):
            seed_doe_boekje(s, wijk_info)
        with s.deel("wijkdata en wijkplan"):
            seed_wijkdata(s, wijk_info)
        s.sluit()
        klaar = time.monotonic()
    s.log(f"commit, foreign keys checked ({time.monotonic() - klaar:.1f} s)")
    with s.deel("ANALYZE"), s.connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    eerste = wijk_info[0]
    plek = [eerste.regio.slug, eerste.slug]
    initiatieven = Initiatief.objects.filter(wijk_id=eerste.id).order_by("naam")
    initiatief = initiatieven.filter(status=Status.ACTIEF).first() or initiatieven.publiek()[0]
    open_koffies = OpenKoffie.objects.filter(wijk_id=eerste.id)
    open_koffie = open_koffies.komend().first() or open_koffies.first()
    pages = {
        "home": {"path": reverse("wijken:home")},
        "regio": {"path": reverse("wijken:regio", args=plek[:1])},
        "wijk": {"path": reverse("wijken:wijk", args=plek)},
        "initiatieven": {"path": reverse("initiatieven:wijk", args=plek)},
        "initiatief": {"path": reverse("initiatieven:initiatief", args=[*plek, initiatief.slug])},
        "open_koffie": {"path": reverse("openkoffie:wijk", args=plek)},
        "open_koffie_bijeenkomst": {
            "path": reverse("openkoffie:bijeenkomst", args=[*plek, open_koffie.pk])
        },
        "doe_boekje_zoek": {"path": reverse("wijken:doeboekje_overzicht") + "?zoek=wandelen"},
        "wijkplan": {"path": reverse("wijkplan:publiek", args=plek)},
        "programma": {"path": reverse("beheer:programma"), "login": "programmamanager"},
        "wijkplan_deel": {
            "path": reverse("wijkplan:deel", args=[*plek, "wijkdata"]),
            "login": "coordinator",
            "headers": {"HX-Request": "true"},
        },
    }
    return {
        "wijken": wijken,
        "regios": regios,
        "seed": seed,
        "seconds": round(time.monotonic() - s.begin, 1),
        "counts": s.counts,
        "login_url": reverse("beheer:login"),
        "logins": {
            "programmamanager": {"username": "bench-programmamanager", "password": PASSWORD},
            "coordinator": {"username": eerste.coordinator_login, "password": PASSWORD},
        },
        "pages": pages,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wijken", type=int, default=3300)
    parser.add_argument("--regios", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--manifest", type=Path, default=ROOT / "benchmarks" / "results" / "seed-manifest.json"
    )
    args = parser.parse_args()
    import django

    django.setup()
    manifest = seed(args.wijken, args.regios, args.seed, log=lambda tekst: print(tekst, flush=True))
    args.manifest.parent.mkdir(parents=True, exist_ok=True)
    args.manifest.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(manifest["pages"], indent=2))
    print(
        f"Seeded {args.wijken} wijken in {args.regios} regio's in {manifest['seconds']} s; "
        f"manifest in {args.manifest}."
    )
