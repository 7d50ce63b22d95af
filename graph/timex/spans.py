"""Calendar arithmetic: shifting months, the thirds of a period, weeks, seasons.

Conventions, chosen once and used everywhere:

- A month has three parts: early = days 1-10, mid = days 11-20, late = day 21
  to its last day ("the end of next month").
- A year has three parts of four months: early = January-April, mid = May-August,
  late = September-December ("late last year").
- A week runs Monday to Sunday; its parts are early = Monday-Tuesday,
  mid = Wednesday-Thursday, late = Friday-Sunday.
- Seasons are the meteorological ones of the northern hemisphere; winter starts
  in December and ends in February of the next year.

>>> month_part(2021, 2, "late")
(datetime.date(2021, 2, 21), datetime.date(2021, 2, 28))
>>> shift_month(2021, 11, 3)
(2022, 2)
"""

from __future__ import annotations

import calendar
import datetime as dt

_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The (year, month) `by` months after (or before, if negative) the given one."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_part(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
    """First and last day of the early, mid or late part of a month."""
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), last_day(year, month)


def year_part(year: int, part: str) -> tuple[dt.date, dt.date]:
    """First and last day of the early, mid or late part of a year."""
    first = {"early": 1, "mid": 5, "late": 9}[part]
    return dt.date(year, first, 1), last_day(year, first + 3)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of the week that holds `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def week_part(day: dt.date, part: str) -> tuple[dt.date, dt.date]:
    """First and last day of the early, mid or late part of the week that holds `day`."""
    monday, sunday = week_of(day)
    if part == "early":
        return monday, monday + dt.timedelta(days=1)
    if part == "mid":
        return monday + dt.timedelta(days=2), monday + dt.timedelta(days=3)
    return monday + dt.timedelta(days=4), sunday


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    """The latest date with that weekday (Monday 0) on or before `day`."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The earliest date with that weekday (Monday 0) on or after `day`."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a season; the winter of `year` starts in its December."""
    first_month = _SEASON_START[name]
    end_year, end_month = shift_month(year, first_month, 2)
    return dt.date(year, first_month, 1), last_day(end_year, end_month)


def nearest_month_year(anchor: dt.date, month: int, direction: str) -> int:
    """The year of `month` seen from the anchor's month.

    direction: "past" = at or before the anchor month, "future" = at or after,
    "before" / "after" = strictly so, "nearest" = the closer of past and future
    (a tie goes to the future).
    """
    here = anchor.year * 12 + anchor.month - 1
    past = anchor.year if month <= anchor.month else anchor.year - 1
    future = anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "before":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "after":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "past":
        return past
    if direction == "future":
        return future
    behind = here - (past * 12 + month - 1)
    ahead = (future * 12 + month - 1) - here
    return past if behind < ahead else future
