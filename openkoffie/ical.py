"""The Open Koffie agenda as iCalendar, for residents' own calendar apps."""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from communitycare.lib.dates import within_range
from communitycare.lib.site import absolute_url
from openkoffie.models import OpenKoffie

STATUS = {
    OpenKoffie.Status.GEPLAND: "CONFIRMED",
    OpenKoffie.Status.GEHOUDEN: "CONFIRMED",
    OpenKoffie.Status.GEANNULEERD: "CANCELLED",
}


def uid(open_koffie: OpenKoffie) -> str:
    """Stable across feeds and edits, so a calendar updates the event instead of adding one."""
    return f"open-koffie-{open_koffie.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


def webcal_url(path: str) -> str:
    """`path` at the portal's address as a subscription: calendar apps open a webcal:
    link as a calendar they fetch again and again, an https: one as a one-off copy."""
    return "webcal:" + absolute_url(path).partition(":")[2]


def event(open_koffie: OpenKoffie) -> icalendar.Event:
    url = absolute_url(open_koffie.get_absolute_url())
    beschrijving = [open_koffie.onderwerp] if open_koffie.onderwerp else []
    if open_koffie.is_geannuleerd:
        beschrijving.append(f"Gaat niet door: {open_koffie.reden_annulering}")
    beschrijving.append(f"Iedereen is welkom. Agenda en bespreekpunten: {url}")
    return icalendar.Event.new(
        uid=uid(open_koffie),
        summary=f"Open Koffie {open_koffie.wijknamen}",
        start=timezone.localtime(open_koffie.begin),
        end=timezone.localtime(open_koffie.einde),
        location=open_koffie.locatie or None,
        url=url,
        description="\n".join(beschrijving),
        status=STATUS[open_koffie.status],
        last_modified=open_koffie.gewijzigd_op,
        sequence=open_koffie.volgnummer,
        # The row's own time, not the fetch's: the same feed twice is the same file.
        stamp=open_koffie.gewijzigd_op,
    )


def one_date_per_rdate(calendar: icalendar.Calendar) -> None:
    """icalendar lists a time zone's changes on one RDATE line; ical.js and vobject read
    only the first date there, so later summers came an hour late. One date per line."""
    for observance in calendar.walk("STANDARD") + calendar.walk("DAYLIGHT"):
        rdates = observance.pop("RDATE", [])
        for rdate_list in rdates if isinstance(rdates, list) else [rdates]:
            for rdate in rdate_list.dts:
                observance.add("RDATE", rdate.dt)


def response(
    request: HttpRequest, naam: str, open_koffies: Iterable[OpenKoffie], filename: str
) -> HttpResponse:
    open_koffies = list(open_koffies)
    calendar = icalendar.Calendar.new(
        # icalendar writes NAME unescaped and refuses a line break in it: one line.
        name=" ".join(naam.split()),
        prodid="-//Community Care wijkportaal//Open Koffie//NL",
        uid=f"{filename}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}",
        url=absolute_url(request.get_full_path()),
        refresh_interval=datetime.timedelta(hours=12),
        subcomponents=[event(open_koffie) for open_koffie in open_koffies],
    )
    # Europe/Amsterdam as a VTIMEZONE spanning the events only, so the feed stays small;
    # never beyond the years a person can type (icalendar overflows near year 9999).
    begins = [timezone.localdate(open_koffie.begin) for open_koffie in open_koffies]
    today = timezone.localdate()
    calendar.add_missing_timezones(
        first_date=within_range(min(begins, default=today)) - datetime.timedelta(days=366),
        last_date=within_range(max(begins, default=today)) + datetime.timedelta(days=366),
    )
    one_date_per_rdate(calendar)
    answer = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return answer
