"""Ground the words of a time expression against the article's date.

:func:`ground` cleans the words, then tries, in order:

1. :data:`VAGUE` words ("in recent months", "soon", "the closing days of ...")
   stay UNRESOLVED: never a day;
2. the rules of :mod:`graph.timex.fixed` for words that carry their own year
   ("May 31, 2021", "December 2016", "2013", "the 1990s"), origin STATED;
3. without an anchor, nothing more: UNRESOLVED;
4. the rules of :mod:`graph.timex.relative`, read against the anchor, which
   pass the caller's `origin` on (where the anchor came from);
5. a span written as two ends (:mod:`graph.timex.ranges`: "March 24-25",
   "between Monday and Wednesday", "from 1991 to 1997"): each end read as
   above, in the same tense, then the interval from the first day of one to
   the last day of the other. The ends must be in order and of one kind (two
   days, two months or two years); joined by "and" without "between" they
   must also be next to each other ("April 24 and 25"), since "in 1990 and
   1995" names two years, not the six from one to the other.

Anything no rule reads stays UNRESOLVED, with its text: a wrong date is worse
than none.

>>> import datetime as dt
>>> from graph.records import Tense
>>> ground("on Friday", Tense.PAST, dt.date(2021, 3, 10)).value
'2021-03-05'
>>> ground("in May", Tense.FUTURE, dt.date(2021, 3, 10)).value
'2021-05'
>>> ground("in recent months", Tense.PAST, dt.date(2021, 3, 10)).precision
<Precision.UNRESOLVED: 'unresolved'>
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from graph.records import DateOrigin, Precision, Tense, TimeValue
from graph.timex.fixed import read_fixed
from graph.timex.patterns import clean
from graph.timex.ranges import Part, range_parts
from graph.timex.relative import RELATIVE_RULES
from graph.timex.spans import last_day

# Words that make an expression vague, whatever else it says, or tie it to another time
# of the text rather than the article's date ("the previous Friday", "the following year").
VAGUE = re.compile(
    r"\b(?:recent|recently|lately|soon|few|several|coming (?:days|weeks|months|years)|"
    r"closing|final days|last days|days of|era|decades|centuries|previous|preceding|following)\b"
    r"|^(?:the )?(?:past|future|days|weeks|months|years|some time|a while)$"
)


def absolute(text: str) -> TimeValue | None:
    """The value when the words fix the time without an anchor, else None.

    >>> absolute("June 1, 2021").value
    '2021-06-01'
    >>> absolute("next month") is None
    True
    """
    found = read_fixed(clean(text))
    if found is None:
        return None
    return dataclasses.replace(found, text=text.strip(), origin=DateOrigin.STATED)


def in_calendar(value: TimeValue) -> bool:
    """Whether every day, month or year the value names is one of Python's calendar (years 1 to 9999).

    >>> in_calendar(TimeValue("last month", Precision.MONTH, "0000-12"))
    False
    """
    for text in (value.value, value.start, value.end):
        if text and not (text[:4].isdigit() and 1 <= int(text[:4]) <= 9999 and len(text.split("-")[0]) == 4):
            return False
    return True


def ground(
    text: str,
    tense: Tense,
    anchor: dt.date | None,
    origin: DateOrigin = DateOrigin.UNKNOWN,
) -> TimeValue:
    """Normalize a time expression of a clause in `tense`, in an article dated `anchor`.

    `origin` says where the anchor came from and is copied into values resolved
    with it; values the words fix alone are STATED; unresolved ones UNKNOWN.
    """
    words = text.strip()
    unresolved = TimeValue(words, Precision.UNRESOLVED)
    try:
        found = _ground_one(words, tense, anchor, origin)
        if found is not None:
            return found if in_calendar(found) else unresolved
        found = _ground_range(words, tense, anchor, origin)
    except (OverflowError, ValueError):  # a day outside the calendar (an article dated 9999-12-31): words only
        return unresolved
    if found is None or not in_calendar(found[0]):
        return unresolved
    return found[0]


def range_ends(
    text: str, tense: Tense, anchor: dt.date | None, origin: DateOrigin = DateOrigin.UNKNOWN
) -> list[tuple[Part, TimeValue]]:
    """The two ends of a span of time as :func:`ground` reads it, each with its value;
    empty when the words are not such a span (or read as one expression).

    >>> import datetime as dt
    >>> [(p.words, v.value) for p, v in range_ends("March 24-25", Tense.PAST, dt.date(2021, 3, 26))]
    [('March 24', '2021-03-24'), ('March 25', '2021-03-25')]
    """
    words = text.strip()
    try:
        if _ground_one(words, tense, anchor, origin) is not None:
            return []
        found = _ground_range(words, tense, anchor, origin)
    except (OverflowError, ValueError):
        return []
    if found is None:
        return []
    _, first, second = found
    if not (in_calendar(first) and in_calendar(second)):
        return []
    parts = range_parts(words)
    return [(parts[0], first), (parts[1], second)]


def _ground_one(words: str, tense: Tense, anchor: dt.date | None, origin: DateOrigin) -> TimeValue | None:
    """The value the rules give the words, UNRESOLVED when one refuses them, None when none reads them."""
    unresolved = TimeValue(words, Precision.UNRESOLVED)
    key = clean(words)
    if not key or VAGUE.search(key):
        return unresolved
    fixed = absolute(words)
    if fixed is not None:
        return fixed
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    for rule in RELATIVE_RULES:
        found = rule(key, tense, anchor)
        if found is None:
            continue
        if found.precision is Precision.UNRESOLVED:
            return unresolved
        return dataclasses.replace(found, text=words, origin=origin)
    return None


def _ground_range(
    words: str, tense: Tense, anchor: dt.date | None, origin: DateOrigin
) -> tuple[TimeValue, TimeValue, TimeValue] | None:
    parts = range_parts(words)
    if parts is None:
        return None
    ends = [_ground_one(part.words, tense, anchor, origin) for part in parts]
    if any(end is None or end.precision not in _BOUNDS for end in ends):
        return None
    first, second = ends
    precision = first.precision
    if second.precision is not precision:
        return None
    start, _ = _BOUNDS[first.precision](first.value)
    end_first, end = _BOUNDS[second.precision](second.value)
    if start >= end_first:
        # Out of order, as read alone: in the past tense the span ends at its second end and
        # the first comes before it ("worked from Monday to Friday"); else it starts at its first.
        if tense is Tense.PAST and _movable(parts[0].words, first):
            first = _ground_one(parts[0].words, Tense.PAST, end_first - dt.timedelta(days=1), origin)
        elif _movable(parts[1].words, second):
            second = _ground_one(parts[1].words, Tense.FUTURE, start + dt.timedelta(days=1), origin)
        else:
            return None
        if any(x is None or x.precision is not precision for x in (first, second)):
            return None
        start, _ = _BOUNDS[precision](first.value)
        end_first, end = _BOUNDS[precision](second.value)
        if start >= end_first:
            return None
    joined = words[parts[0].end : parts[1].start].strip().lower()
    between = clean(words[: parts[0].start] or "x").startswith("between")
    if joined == "and" and not between and _BOUNDS[precision](first.value)[1] + dt.timedelta(days=1) != end_first:
        return None
    origin_of = DateOrigin.STATED if first.origin is second.origin is DateOrigin.STATED else origin
    interval = TimeValue(words, Precision.INTERVAL, None, start.isoformat(), end.isoformat(), origin_of)
    return interval, first, second


_FIXED_BY_ANCHOR = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|now|ago|last|next|this)\b")


def _movable(words: str, value: TimeValue) -> bool:
    """An end whose year or week the tense chose ("Oct. 20", "Friday"), not one the words
    fix ("2019", "today", "last Friday")."""
    return value.origin is not DateOrigin.STATED and not _FIXED_BY_ANCHOR.search(clean(words))


def _day_bounds(value: str) -> tuple[dt.date, dt.date]:
    day = dt.date.fromisoformat(value)
    return day, day


def _month_bounds(value: str) -> tuple[dt.date, dt.date]:
    year, month = map(int, value.split("-"))
    return dt.date(year, month, 1), last_day(year, month)


def _year_bounds(value: str) -> tuple[dt.date, dt.date]:
    return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)


# First and last day of a value of each precision that can end a span.
_BOUNDS = {Precision.DAY: _day_bounds, Precision.MONTH: _month_bounds, Precision.YEAR: _year_bounds}
