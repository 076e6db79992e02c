"""The range of dates a person may type, and date arithmetic that never overflows.

Every date field of the portal's models carries `validate_date_range`, so forms, the
admin and `full_clean` all refuse 9999 or 0001 with one Dutch message. Rows written
before that, or around validation (`update()`, raw SQL, a restore), may still hold any
date Python allows; arithmetic on stored dates goes through the functions here, which
stop at `date.min`/`date.max` instead of raising, so such a row shows an odd date and
never breaks a page, feed or export.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.utils import timezone

EERSTE_JAAR = 2000
LAATSTE_JAAR = 2100
BEREIK_FOUT = f"Kies een datum tussen {EERSTE_JAAR} en {LAATSTE_JAAR}."


def validate_date_range(value: datetime.date) -> None:
    """Field validator for DateField and DateTimeField (a datetime is a date too)."""
    if not EERSTE_JAAR <= value.year <= LAATSTE_JAAR:
        raise ValidationError(BEREIK_FOUT, code="date_range")


def clamp_year(year: int) -> int:
    return min(max(year, datetime.MINYEAR), datetime.MAXYEAR)


def within_range(date: datetime.date) -> datetime.date:
    """`date`, or the nearest end of the range people can type."""
    return min(max(date, datetime.date(EERSTE_JAAR, 1, 1)), datetime.date(LAATSTE_JAAR, 12, 31))


def add_months(date: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (the
    portal's one month arithmetic: dateutil's, stopped at the ends of Python's dates)."""
    try:
        return date + relativedelta(months=months)
    except (ValueError, OverflowError):
        return datetime.date.max if months > 0 else datetime.date.min


def start_of_local_year(moment: datetime.datetime) -> datetime.datetime:
    """1 January 00:00 in the portal's time zone of `moment`'s year; in year 1 the first
    moment the database can store (Django's `__year` lookup overflows there)."""
    start = timezone.localtime(moment).replace(month=1, day=1, hour=0, minute=0, second=0)
    return max(start.replace(microsecond=0), datetime.datetime.min.replace(tzinfo=datetime.UTC))
