"""Rules for time expressions that carry their own year, so need no anchor.

Each rule takes cleaned words (see :func:`graph.timex.patterns.clean`) and
returns a :class:`TimeValue` without text or origin, or None when it does not
apply. :func:`read_fixed` tries them in order.

>>> read_fixed("december 2016").value
'2016-12'
>>> read_fixed("next month") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from graph.records import Precision, TimeValue
from graph.timex.parse import FUTURE, read_date
from graph.timex.patterns import DAY, MONTH, PART, PART_THIRD, WEEKDAY, YEAR, month_number
from graph.timex.spans import month_part, year_part

# A fixed base for dateparser when the words hold a year: shares the cache.
_BASE = dt.date(2000, 1, 1)


def day_value(day: dt.date) -> TimeValue:
    return TimeValue("", Precision.DAY, day.isoformat())


def month_value(year: int, month: int) -> TimeValue:
    return TimeValue("", Precision.MONTH, f"{year:04d}-{month:02d}")


def year_value(year: int) -> TimeValue:
    return TimeValue("", Precision.YEAR, f"{year:04d}")


def interval_value(start: dt.date, end: dt.date) -> TimeValue:
    return TimeValue("", Precision.INTERVAL, None, start.isoformat(), end.isoformat())


_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$"
)


def iso_date(words: str) -> TimeValue | None:
    """An ISO day, "2019-05-07", also with a time ("2019-05-07T14:03:00Z"): that day."""
    found = _ISO.match(words)
    if not found:
        return None
    try:
        return day_value(dt.date(*map(int, found.groups())))
    except ValueError:
        return None


_FULL_DATE = re.compile(
    rf"^(?:{WEEKDAY},? )?(?:(?P<m1>{MONTH}) (?P<d1>{DAY}),? (?P<y1>{YEAR})"
    rf"|(?:the )?(?P<d2>{DAY}) (?:of )?(?P<m2>{MONTH}),? (?P<y2>{YEAR}))$"
)


def full_date(words: str) -> TimeValue | None:
    """A full date, "May 31, 2021", "31 May 2021", "Friday, May 28, 2021": read by dateparser, checked."""
    found = _FULL_DATE.match(words)
    if not found:
        return None
    month = month_number(found["m1"] or found["m2"])
    day = int(re.match(r"\d+", found["d1"] or found["d2"]).group())
    year = int(found["y1"] or found["y2"])
    read = read_date(words, _BASE, FUTURE)
    if read is None or read[1] != ("day", "month", "year") or read[0] != _safe_date(year, month, day):
        return None
    return day_value(read[0])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_MONTH_YEAR = re.compile(rf"^({MONTH}),? (?:of )?({YEAR})$")


def month_year(words: str) -> TimeValue | None:
    """A month with its year, "December 2016", "Dec. 2016": MONTH precision, "2016-12"."""
    found = _MONTH_YEAR.match(words)
    return month_value(int(found[2]), month_number(found[1])) if found else None


_YEAR = re.compile(rf"^(?:the year )?({YEAR})$")


def year_only(words: str) -> TimeValue | None:
    """A year alone, "2013", "since 2013", "in the year 2013": YEAR precision."""
    found = _YEAR.match(words)
    return year_value(int(found[1])) if found else None


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _below_hundred(words: str) -> int | None:
    """ "ninety-six" 96, "ninety" 90, "twelve" 12, "oh five" 5, "seven" 7; else None."""
    words = words.replace("-", " ").strip()
    if words in _TEENS:
        return 10 + _TEENS.index(words)
    parts = words.split()
    if len(parts) == 2 and parts[0] == "oh" and parts[1] in _UNITS:
        return _UNITS.index(parts[1]) + 1
    if parts and parts[0] in _TENS and len(parts) <= 2:
        tens = 20 + 10 * _TENS.index(parts[0])
        if len(parts) == 1:
            return tens
        return tens + _UNITS.index(parts[1]) + 1 if parts[1] in _UNITS else None
    if len(parts) == 1 and parts[0] in _UNITS:
        return _UNITS.index(parts[0]) + 1
    return None


def spelled_year_number(words: str) -> int | None:
    """A year in words, as broadcast transcripts write it: "nineteen ninety-six" 1996,
    "two thousand" 2000, "two thousand and one" 2001, "twenty ten" 2010."""
    words = re.sub(r"^the year ", "", words.strip())
    found = re.match(r"^(nineteen|twenty) (.+)$", words)
    if found:
        rest = _below_hundred(found[2])
        century = 19 if found[1] == "nineteen" else 20
        if found[2] == "hundred":
            return century * 100
        if rest is None or (rest < 10 and not found[2].startswith("oh ")):
            return None
        return century * 100 + rest
    found = re.match(r"^two thousand(?: (?:and )?(.+))?$", words)
    if found:
        rest = _below_hundred(found[1]) if found[1] else 0
        return None if rest is None or rest > 99 else 2000 + rest
    return None


def spelled_year(words: str) -> TimeValue | None:
    """A year in words, "nineteen ninety-six", "the year two thousand", and a month with one,
    "January nineteen ninety-seven": YEAR or MONTH precision."""
    found = re.match(rf"^({MONTH}),? (?:of )?(.+)$", words)
    if found:
        year = spelled_year_number(found[2])
        return None if year is None else month_value(year, month_number(found[1]))
    year = spelled_year_number(words)
    return None if year is None else year_value(year)


_DECADE = re.compile(r"^(?:the )?(1\d\d|20\d)0s$")


def decade(words: str) -> TimeValue | None:
    """A decade, "the 1990s": 1990-01-01 .. 1999-12-31."""
    found = _DECADE.match(words)
    if not found:
        return None
    first = int(found[1]) * 10
    return interval_value(dt.date(first, 1, 1), dt.date(first + 9, 12, 31))


_PART_OF_FIXED = re.compile(rf"^(?:the )?({PART}) (?:of )?(?:({MONTH}),? )?({YEAR})$")


def part_of_fixed_period(words: str) -> TimeValue | None:
    """A third of a stated year or month: "early 2017", "mid-2017", "the end of December 2016"."""
    found = _PART_OF_FIXED.match(words)
    if not found:
        return None
    third, year = PART_THIRD[found[1]], int(found[3])
    if found[2]:
        return interval_value(*month_part(year, month_number(found[2]), third))
    return interval_value(*year_part(year, third))


FIXED_RULES: tuple[Callable[[str], TimeValue | None], ...] = (
    iso_date,
    full_date,
    month_year,
    year_only,
    spelled_year,
    decade,
    part_of_fixed_period,
)


def read_fixed(words: str) -> TimeValue | None:
    """The value of cleaned words that fix a time on their own, else None."""
    for rule in FIXED_RULES:
        found = rule(words)
        if found is not None:
            return found
    return None
