import datetime
import re
import zoneinfo

import icalendar
import pytest
import vobject
from django.utils import formats, timezone

from openkoffie import ical
from openkoffie.models import OpenKoffie
from tests.admin_forms import form_data
from tests.factories import HuisFactory
from tests.factories_openkoffie import OpenKoffieFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DAG = datetime.timedelta(days=1)


def next_dst_changes() -> tuple[datetime.date, datetime.date]:
    """The next switch to summer time and the next one back (last Sundays of March/October)."""
    vandaag = timezone.localdate()

    def last_sunday(year: int, month: int) -> datetime.date:
        day = datetime.date(year, month, 31)
        return day - datetime.timedelta(days=(day.weekday() + 1) % 7)

    lente = last_sunday(vandaag.year + 1, 3)
    herfst = last_sunday(vandaag.year + 1, 10)
    return lente, herfst


def local(datum: datetime.date, uur: int) -> datetime.datetime:
    return datetime.datetime.combine(datum, datetime.time(uur), tzinfo=AMSTERDAM)


@pytest.fixture
def around_dst(wijk_a):
    huis = HuisFactory(wijk=wijk_a, naam="Oosterbeemd", adres="Oosterbeemdweg 12")
    lente, herfst = next_dst_changes()
    return [
        OpenKoffieFactory(wijk=wijk_a, huis=huis, begin=local(dag, 14))
        for dag in (
            lente - datetime.timedelta(days=1),
            lente + datetime.timedelta(days=1),
            herfst - datetime.timedelta(days=1),
            herfst + datetime.timedelta(days=1),
        )
    ]


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_wijk_feed_times_are_right_on_both_sides_of_dst(client, around_dst):
    calendar = parse(client.get("/heuvelland/valkenburg-oosterbeemd/open-koffie.ics"))
    timezones = calendar.walk("VTIMEZONE")
    assert [tz["TZID"] for tz in timezones] == ["Europe/Amsterdam"]
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.start)
    assert len(events) == 4
    # Winter, summer, summer, winter: 14:00 local is 13:00 or 12:00 UTC.
    for event, utc_hour in zip(events, [13, 12, 12, 13], strict=True):
        assert event.start.hour == 14 and event.end.hour == 16
        assert event.start.tzinfo is not None
        assert event.start.astimezone(datetime.UTC).hour == utc_hour
        assert event.start.utcoffset() == datetime.timedelta(hours=14 - utc_hour)
    for event, open_koffie in zip(events, around_dst, strict=True):
        assert event.start == open_koffie.begin
        assert str(event["UID"]) == ical.uid(open_koffie)
        assert "Oosterbeemdweg 12" in str(event["LOCATION"])
        assert str(event["URL"]) == f"http://testserver{open_koffie.get_absolute_url()}"
    assert (
        b"TZID=Europe/Amsterdam"
        in client.get("/heuvelland/valkenburg-oosterbeemd/open-koffie.ics").content
    )


def test_uid_is_stable_across_feeds_and_edits(client, wijk_a):
    # Within the national feed's twelve months, whatever today's date.
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    single = parse(client.get(open_koffie.get_ics_url())).walk("VEVENT")
    assert len(single) == 1
    open_koffie.begin += datetime.timedelta(hours=1)
    open_koffie.einde += datetime.timedelta(hours=1)
    open_koffie.save()
    alle = parse(client.get("/open-koffie.ics")).walk("VEVENT")
    moved = next(event for event in alle if event["UID"] == single[0]["UID"])
    assert moved.start.hour == 15


def test_national_feed_holds_the_last_month_and_the_coming_year(client, wijk_a):
    vandaag = timezone.localdate()
    for dagen, onderwerp in ((-60, "Lang geleden"), (-10, "Net geweest"), (300, "Komend")):
        OpenKoffieFactory(wijk=wijk_a, begin=local(vandaag + DAG * dagen, 14), onderwerp=onderwerp)
    OpenKoffieFactory(wijk=wijk_a, begin=local(vandaag + DAG * 400, 14), onderwerp="Te ver")
    events = parse(client.get("/open-koffie.ics")).walk("VEVENT")
    assert len(events) == 2
    # The wijk's own feed keeps its whole plan.
    assert len(parse(client.get(f"{wijk_a.get_absolute_url()}open-koffie.ics")).walk("VEVENT")) == 4


def test_cancelled_meeting_is_marked_cancelled(client, wijk_a):
    OpenKoffieFactory(wijk=wijk_a, status="geannuleerd", reden_annulering="Zaal dicht")
    event = parse(client.get("/open-koffie.ics")).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Zaal dicht" in str(event["DESCRIPTION"])


def test_wijk_feed_holds_only_its_own_meetings(client, wijk_a, wijk_b):
    OpenKoffieFactory(wijk=wijk_a, onderwerp="A")
    OpenKoffieFactory(wijk=wijk_b, onderwerp="B")
    events = parse(client.get("/heerlen/welten-benzenrade-douvenrade/open-koffie.ics")).walk(
        "VEVENT"
    )
    assert [str(event["SUMMARY"]) for event in events] == [f"Open Koffie {wijk_b.naam}"]
    assert len(parse(client.get("/open-koffie.ics")).walk("VEVENT")) == 2


def unfolded_lines(content: bytes) -> list[str]:
    """The content lines of an iCalendar file, folded lines joined (RFC 5545, 3.1)."""
    return content.decode().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def shown_times(client, open_koffie) -> tuple[str, str, str]:
    """Date, start and end as the meeting's own page shows them."""
    page = client.get(open_koffie.get_absolute_url()).content.decode()
    wanneer = re.search(
        r"<dt>Wanneer</dt><dd>[^,]*? (\d+ \w+ \d{4}), (\d\d:\d\d) tot (\d\d:\d\d) uur", page
    )
    assert wanneer, "the page shows when"
    return wanneer.groups()


@pytest.fixture
def winter_and_summer(wijk_a):
    """A winter meeting soon and a summer one two years on: the time zone then changes
    more than twice in between, past the first date a parser may read from a list."""
    jaar = timezone.localdate().year
    return [
        OpenKoffieFactory(wijk=wijk_a, begin=local(datetime.date(jaar + 1, 1, 15), 14)),
        OpenKoffieFactory(wijk=wijk_a, begin=local(datetime.date(jaar + 2, 7, 1), 19)),
    ]


def test_a_second_parser_reads_the_times_the_page_shows(client, winter_and_summer, wijk_a):
    """vobject (like ical.js) reads the VTIMEZONE itself: a summer meeting an hour late
    there is an hour late in every app built on it."""
    feeds = [
        f"{wijk_a.get_absolute_url()}open-koffie.ics",
        *(open_koffie.get_ics_url() for open_koffie in winter_and_summer),
    ]
    gelezen = {}
    for feed in feeds:
        calendar = vobject.readOne(client.get(feed).content.decode())
        for vevent in calendar.vevent_list:
            begin = vevent.dtstart.value.astimezone(AMSTERDAM)
            einde = vevent.dtend.value.astimezone(AMSTERDAM)
            gelezen.setdefault(vevent.uid.value, set()).add(
                (
                    formats.date_format(begin, "j F Y"),
                    f"{begin:%H:%M}",
                    f"{einde:%H:%M}",
                )
            )
    assert len(gelezen) == 2
    for open_koffie in winter_and_summer:
        assert gelezen[ical.uid(open_koffie)] == {shown_times(client, open_koffie)}


def test_the_time_zone_has_one_date_per_rdate(client, around_dst, wijk_a):
    content = client.get(f"{wijk_a.get_absolute_url()}open-koffie.ics").content
    rdates = [line for line in unfolded_lines(content) if line.startswith("RDATE")]
    for line in rdates:
        assert "," not in line.partition(":")[2], line


def sequence(client, open_koffie) -> int:
    event = parse(client.get(open_koffie.get_ics_url())).walk("VEVENT")[0]
    return int(event["SEQUENCE"])


def test_sequence_rises_when_what_a_calendar_shows_changes(client, wijk_a, wijk_b):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    eerst = sequence(client, open_koffie)
    open_koffie.verslag = "Nog niets: dit staat niet in een agenda."
    open_koffie.save()
    assert sequence(client, open_koffie) == eerst
    changes = [
        ("begin", open_koffie.begin + datetime.timedelta(hours=1)),
        ("einde", open_koffie.einde + datetime.timedelta(hours=2)),
        ("adres", "Wijkcentrum, Kerkplein 3"),
        ("onderwerp", "Nieuwjaarskoffie"),
        ("tweede_wijk", wijk_b),
        ("status", OpenKoffie.Status.GEANNULEERD),
    ]
    vorige = eerst
    for field, value in changes:
        setattr(open_koffie, field, value)
        if field == "status":
            open_koffie.reden_annulering = "Zaal dicht"
        open_koffie.save()
        nu = sequence(client, open_koffie)
        assert nu > vorige, field
        vorige = nu


def test_sequence_rises_on_a_partial_save_and_from_a_fresh_row(client, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    eerst = sequence(client, open_koffie)
    fresh = OpenKoffie.objects.get(pk=open_koffie.pk)
    fresh.adres = "Wijkcentrum, Kerkplein 3"
    fresh.save(update_fields=["adres"])
    assert sequence(client, open_koffie) == eerst + 1
    # The older copy, saved again with the same address, keeps the new number.
    open_koffie.adres = fresh.adres
    open_koffie.verslag = "Later"
    open_koffie.save()
    assert sequence(client, open_koffie) == eerst + 1


def test_dtstamp_is_stable_across_fetches(client, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    stamps = {
        parse(client.get(open_koffie.get_ics_url())).walk("VEVENT")[0]["DTSTAMP"].dt
        for _ in range(2)
    }
    open_koffie.refresh_from_db()
    # Whole seconds: iCalendar has no finer time.
    assert stamps == {open_koffie.gewijzigd_op.replace(microsecond=0)}


def test_pages_offer_a_subscription_beside_the_download(client, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    feed = f"webcal://testserver{wijk_a.get_absolute_url()}open-koffie.ics"
    for page in (open_koffie.get_absolute_url(), f"{wijk_a.get_absolute_url()}open-koffie/"):
        html = client.get(page).content.decode()
        assert f'href="{feed}"' in html
        assert "Abonneer in uw agenda (wordt vanzelf bijgewerkt)" in html
        assert f'href="{open_koffie.get_ics_url()}"' in html
        assert "Download deze ene Open Koffie" in html


def test_sequence_rises_through_the_back_office_and_the_admin(client, client_for, wijk_a):
    open_koffie = OpenKoffieFactory(wijk=wijk_a, begin=local(timezone.localdate() + DAG * 30, 14))
    eerst = sequence(client, open_koffie)
    data = {"datum": f"{open_koffie.begin:%Y-%m-%d}", "begintijd": "19:00", "eindtijd": "21:00"}
    data |= {"adres": "Buurthuis, Dorpsstraat 1", "status": "gepland"}
    bewerken = f"{wijk_a.get_absolute_url()}open-koffie/{open_koffie.pk}/bewerken/"
    response = client_for("coordinator_a").post(f"/beheer{bewerken}", data)
    assert response.status_code == 302
    assert sequence(client, open_koffie) == eerst + 1
    admin = client_for("programmamanager")
    url = f"/admin/openkoffie/openkoffie/{open_koffie.pk}/change/"
    response = admin.post(url, form_data(admin.get(url).content.decode(), adres="Kerkplein 3"))
    assert response.status_code == 302
    assert sequence(client, open_koffie) == eerst + 2
