"""Rules for time expressions that need the article's date (the anchor).

Each rule takes cleaned words, the tense of their clause and the anchor, and
returns a :class:`TimeValue` without text or origin (UNRESOLVED to stop the
search), or None when it does not apply. The tense decides the direction:

- past: the latest such time on or before the anchor ("said Friday" in a
  Friday story is that Friday);
- future: the earliest on or after the anchor ("will meet Sunday" in a Sunday
  story is that Sunday);
- present: for weekdays and seasons the same as the past, since news reports
  today's and recent events in the present ("Friday's talks are the first...");
  for dates and months the nearest one, either side.

"last X" is strictly before the anchor's day, week or month and "next X"
strictly after it ("next Friday" is the first Friday after the anchor).

>>> import datetime as dt
>>> anchor = dt.date(2021, 3, 10)
>>> weekday("last friday", Tense.PAST, anchor).value, month_only("may", Tense.FUTURE, anchor).value
('2021-03-05', '2021-05')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from graph.records import Precision, Tense, TimeValue
from graph.timex.fixed import day_value, interval_value, month_value, year_value
from graph.timex.parse import FUTURE, read_date
from graph.timex.patterns import (
    DAY,
    MONTH,
    NUMBER,
    PART,
    PART_THIRD,
    SEASON,
    WEEKDAY,
    month_number,
    number_value,
    weekday_number,
)
from graph.timex.spans import (
    last_day,
    month_part,
    nearest_month_year,
    season,
    shift_month,
    week_of,
    week_part,
    weekday_on_or_after,
    weekday_on_or_before,
    year_part,
)

Rule = Callable[[str, Tense, dt.date], TimeValue | None]
UNRESOLVED = TimeValue("", Precision.UNRESOLVED)
ONE_DAY = dt.timedelta(days=1)
_OFFSET = {"last": -1, "this": 0, "the": 0, "next": 1, None: 0}

_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_TIME_OF_DAY = re.compile(r" (?:morning|afternoon|evening|night)$")
# "late Tuesday", "earlier today", "later yesterday": a part of that day is still that day.
_PART_OF_DAY = re.compile(r"^(?:early|late|earlier|later) (?!night$|this |last )")


def deictic_day(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A day counted from the anchor: "today", "yesterday", "tomorrow night", "last night",
    "late yesterday", "earlier today"."""
    words = _PART_OF_DAY.sub("", words)
    key = words if words in _DEICTIC else _TIME_OF_DAY.sub("", words)
    shift = _DEICTIC.get(key)
    return None if shift is None else day_value(anchor + dt.timedelta(days=shift))


_AGO = re.compile(rf"^(?:(almost|nearly|about|around|roughly|some) )?({NUMBER}) (day|week|month|year)s? ago$")
_YEAR_AGO = re.compile(r"^(?:a |the )?year[- ]ago$")


def units_ago(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """Units back from the anchor: "two days ago" a day, "a week ago" that week (an interval),
    "three months ago" a month, "a year ago" and "the year-ago (quarter)" a year.

    A hedge ("almost four years ago", "about two months ago") keeps a month or a
    year, which it does not move out of; a hedged day or week is unresolved.
    """
    if _YEAR_AGO.match(words):
        return year_value(anchor.year - 1)
    found = _AGO.match(words)
    if not found:
        return None
    hedge, count, unit = found[1], number_value(found[2]), found[3]
    if hedge and unit in ("day", "week"):
        return UNRESOLVED
    if unit == "day":
        return day_value(anchor - dt.timedelta(days=count))
    if unit == "week":
        return interval_value(*week_of(anchor - dt.timedelta(weeks=count)))
    if unit == "month":
        return month_value(*shift_month(anchor.year, anchor.month, -count))
    return year_value(anchor.year - count)


_WEEKDAY = re.compile(
    rf"^(?:(?:early|late|earlier|later) )?(?:(last|past|next|coming|this(?: coming)?) )?({WEEKDAY})"
    r"(?: (?:morning|afternoon|evening|night))?$"
)


def weekday(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A weekday, by tense (see module): "Friday", "on Thursday", "last Monday", "next Sunday night",
    "late Tuesday", "earlier Friday" (a part of the day is the day), "this coming Sunday"."""
    found = _WEEKDAY.match(words)
    if not found:
        return None
    modifier, wanted = found[1], weekday_number(found[2])
    if modifier in ("last", "past"):
        return day_value(weekday_on_or_before(anchor - ONE_DAY, wanted))
    if modifier in ("next", "coming", "this coming"):
        return day_value(weekday_on_or_after(anchor + ONE_DAY, wanted))
    if tense is Tense.FUTURE:
        return day_value(weekday_on_or_after(anchor, wanted))
    return day_value(weekday_on_or_before(anchor, wanted))


_WEEKEND = re.compile(r"^(?:(last|past|next|coming|this|the) )?weekend$")
_SATURDAY, _SUNDAY = 5, 6


def weekend(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A weekend, Saturday to Sunday, by tense like a weekday: "over the weekend", "next weekend"."""
    found = _WEEKEND.match(words)
    if not found:
        return None
    modifier = found[1]
    if modifier in ("last", "past"):
        sunday = weekday_on_or_before(anchor - ONE_DAY, _SUNDAY)
    elif modifier in ("next", "coming"):
        sunday = weekday_on_or_after(weekday_on_or_after(anchor + ONE_DAY, _SATURDAY), _SUNDAY)
    elif tense is Tense.FUTURE:
        sunday = weekday_on_or_after(anchor, _SUNDAY)
    else:
        sunday = weekday_on_or_after(weekday_on_or_before(anchor, _SATURDAY), _SUNDAY)
    return interval_value(sunday - ONE_DAY, sunday)


_NAMED_PERIOD = re.compile(r"^(this|last|next) (week|month|year)$")


def named_period(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A named period: "this year", "last month", "next week" (a Monday-Sunday interval)."""
    found = _NAMED_PERIOD.match(words)
    if not found:
        return None
    offset, unit = _OFFSET[found[1]], found[2]
    if unit == "year":
        return year_value(anchor.year + offset)
    if unit == "month":
        return month_value(*shift_month(anchor.year, anchor.month, offset))
    return interval_value(*week_of(anchor + dt.timedelta(weeks=offset)))


_PART_OF_PERIOD = re.compile(rf"^(?:the )?({PART}) (?:of )?(?:(this|last|next|the) )?(week|month|year)$")
_PERIOD_END = re.compile(r"^(?:the )?(week|month|year)[- ](end)$")


def part_of_period(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A third of a named period: "at the end of next month", "early next year", "the end of
    the month", "by year-end", "year's end".

    With "the" (or nothing) it is the anchor's period, but in the past tense the
    one before when that part of the anchor's has not begun ("profits rose
    since year-end" in October is last December's).
    """
    found = _PART_OF_PERIOD.match(words) or _PERIOD_END.match(words)
    if not found:
        return None
    if found.re is _PERIOD_END:
        third, modifier, unit = "late", None, found[1]
    else:
        third, modifier, unit = PART_THIRD[found[1]], found[2], found[3]
    offset = _OFFSET[modifier]
    bounds = _period_part(anchor, unit, offset, third)
    if modifier in (None, "the") and tense is Tense.PAST and bounds[0] > anchor:
        bounds = _period_part(anchor, unit, -1, third)
    return interval_value(*bounds)


def _period_part(anchor: dt.date, unit: str, offset: int, third: str) -> tuple[dt.date, dt.date]:
    if unit == "year":
        return year_part(anchor.year + offset, third)
    if unit == "month":
        return month_part(*shift_month(anchor.year, anchor.month, offset), third)
    return week_part(anchor + dt.timedelta(weeks=offset), third)


_EARLIER_LATER = re.compile(r"^(earlier|later) (?:this|in the) (week|month|year)$")


def earlier_or_later(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """Before or after the anchor in its period: "earlier this month" = the 1st to the day
    before the anchor; "later this year" = the day after it to December 31. Unresolved
    when that leaves no day."""
    found = _EARLIER_LATER.match(words)
    if not found:
        return None
    unit = found[2]
    if unit == "year":
        first, last = dt.date(anchor.year, 1, 1), dt.date(anchor.year, 12, 31)
    elif unit == "month":
        first, last = anchor.replace(day=1), last_day(anchor.year, anchor.month)
    else:
        first, last = week_of(anchor)
    start, end = (first, anchor - ONE_DAY) if found[1] == "earlier" else (anchor + ONE_DAY, last)
    return interval_value(start, end) if start <= end else UNRESOLVED


def _month_direction(modifier: str | None, tense: Tense) -> str:
    if modifier in ("last", "past"):
        return "before"
    if modifier in ("next", "coming"):
        return "after"
    return {Tense.PAST: "past", Tense.FUTURE: "future", Tense.PRESENT: "nearest"}[tense]


_MONTH_ONLY = re.compile(rf"^(?:(last|past|next|coming|this) )?({MONTH})$")


def month_only(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A month alone, "in May", "last October", "next March": MONTH precision, year by tense.

    past: at or before the anchor's month; future: at or after; present: the
    nearest; "last" strictly before, "next" strictly after, "this" the anchor's year.
    """
    found = _MONTH_ONLY.match(words)
    if not found:
        return None
    month = month_number(found[2])
    if found[1] == "this":
        return month_value(anchor.year, month)
    return month_value(nearest_month_year(anchor, month, _month_direction(found[1], tense)), month)


_PART_OF_MONTH = re.compile(rf"^(?:the )?({PART}) (?:of )?(?:(last|next|this) )?({MONTH})$")


def part_of_month(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A third of a month named alone, "early May", "the end of March", "mid-June"; year as for a month."""
    found = _PART_OF_MONTH.match(words)
    if not found:
        return None
    month = month_number(found[3])
    year = (
        anchor.year
        if found[2] == "this"
        else nearest_month_year(anchor, month, _month_direction(found[2], tense))
    )
    return interval_value(*month_part(year, month, PART_THIRD[found[1]]))


_MONTH_DAY = re.compile(
    rf"^(?:(?P<weekday>{WEEKDAY}),? \(?)?(?:(?P<mod>last|next|this) )?"
    rf"(?P<md>(?P<m1>{MONTH}) (?P<d1>{DAY})|(?:the )?(?P<d2>{DAY}) (?:of )?(?P<m2>{MONTH}))\)?$"
)
# A leap year, so that dateparser reads "Feb. 29" as it is written.
_LEAP_BASE = dt.date(2000, 1, 1)


def month_day(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A month and day without a year, "Jan. 24", "on June 3", "24 March", "the 3rd of June".

    dateparser reads the month and day (checked against the words); the year is
    chosen here: past = on or before the anchor, except a day later in the
    anchor's year and within three months (see :func:`_soon_this_year`); future =
    on or after (dateparser's "future" skips the anchor day itself); present = the
    nearer of the two; "last" strictly before, "next" strictly after, "this" in
    the anchor's year.

    A weekday with it ("Tuesday, March 24", "Tuesday (March 24)") picks the year
    instead: the nearest to the anchor, a year either side, in which that day is
    that weekday; unresolved when there is none (the words contradict themselves).
    """
    found = _MONTH_DAY.match(words)
    if not found:
        return None
    month = month_number(found["m1"] or found["m2"])
    day = int(re.match(r"\d+", found["d1"] or found["d2"]).group())
    read = read_date(found["md"], _LEAP_BASE, FUTURE)
    if read is None or read[1] != ("day", "month") or (read[0].month, read[0].day) != (month, day):
        return UNRESOLVED
    if found["weekday"]:
        return _by_weekday(anchor, month, day, weekday_number(found["weekday"]))
    mod = found["mod"]
    if mod == "this":
        return _day_or_unresolved(anchor.year, month, day)
    if mod == "last":
        chosen = _on_or_before(anchor - ONE_DAY, month, day)
    elif mod == "next":
        chosen = _on_or_after(anchor + ONE_DAY, month, day)
    else:
        before, after = _on_or_before(anchor, month, day), _on_or_after(anchor, month, day)
        if tense is Tense.PAST and after is not None and _soon_this_year(anchor, after):
            chosen = after  # "extended the offer to Nov. 20", "payable Dec. 15": a date of this year
        elif tense is Tense.PAST or after is None:
            chosen = before
        elif tense is Tense.FUTURE or before is None:
            chosen = after
        else:
            chosen = before if anchor - before <= after - anchor else after
    return UNRESOLVED if chosen is None else day_value(chosen)


# How far ahead a day without its year may lie in a past-tense clause and still be this year's.
SOON_DAYS = 92


def _soon_this_year(anchor: dt.date, day: dt.date) -> bool:
    """A day later in the anchor's own year, within :data:`SOON_DAYS`.

    News style writes a day of the current year without its year and adds the
    year to a day of another year, so a past-tense clause that names a day a
    few weeks ahead sets a deadline or a schedule ("extended to Nov. 20",
    "effective Dec. 1"); it does not go back eleven months.
    """
    return day.year == anchor.year and 0 < (day - anchor).days <= SOON_DAYS


def _day_or_unresolved(year: int, month: int, day: int) -> TimeValue:
    try:
        return day_value(dt.date(year, month, day))
    except ValueError:
        return UNRESOLVED


def _by_weekday(anchor: dt.date, month: int, day: int, wanted: int) -> TimeValue:
    """The day nearest the anchor (a year either side) that falls on the wanted weekday."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == wanted and abs((candidate - anchor).days) <= 366:
            candidates.append(candidate)
    if not candidates:
        return UNRESOLVED
    return day_value(min(candidates, key=lambda c: (abs((c - anchor).days), c)))


_NAMED_YEAR = re.compile(
    rf"^(?:(?:the )?(?P<part>{PART}) (?:of )?)?(?:(?P<md>(?:{MONTH}) (?:{DAY})|(?:{DAY}) (?:of )?(?:{MONTH}))"
    rf"|(?P<month>{MONTH})),? (?:of )?(?P<which>this|last|next) year$"
)


def month_of_named_year(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A month or a day in "this/last/next year": "April next year", "July last year",
    "early October this year", "March 5 last year"."""
    found = _NAMED_YEAR.match(words)
    if not found:
        return None
    year = anchor.year + _OFFSET[found["which"]]
    if found["md"]:
        if found["part"]:
            return None
        read = read_date(found["md"], _LEAP_BASE, FUTURE)
        if read is None or read[1] != ("day", "month"):
            return UNRESOLVED
        return _day_or_unresolved(year, read[0].month, read[0].day)
    month = month_number(found["month"])
    if found["part"]:
        return interval_value(*month_part(year, month, PART_THIRD[found["part"]]))
    return month_value(year, month)


def _on_or_before(anchor: dt.date, month: int, day: int) -> dt.date | None:
    for year in range(anchor.year, anchor.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return None


def _on_or_after(anchor: dt.date, month: int, day: int) -> dt.date | None:
    for year in range(anchor.year, anchor.year + 9):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= anchor:
            return candidate
    return None


_SEASON = re.compile(rf"^(?:(last|past|next|coming|this|the) )?({SEASON})$")


def named_season(words: str, tense: Tense, anchor: dt.date) -> TimeValue | None:
    """A season, "next spring", "last winter", "this summer": its months (see spans), by tense."""
    found = _SEASON.match(words)
    if not found:
        return None
    modifier = found[1]
    seasons = [season(found[2], year) for year in range(anchor.year - 2, anchor.year + 2)]
    ended = [s for s in seasons if s[1] < anchor]
    coming = [s for s in seasons if s[0] > anchor]
    holding = [s for s in seasons if s[0] <= anchor <= s[1]]
    if modifier in ("last", "past"):
        chosen = ended[-1]
    elif modifier in ("next", "coming"):
        chosen = coming[0]
    elif holding:
        chosen = holding[0]
    else:
        chosen = coming[0] if tense is Tense.FUTURE else ended[-1]
    return interval_value(*chosen)


RELATIVE_RULES: tuple[Rule, ...] = (
    deictic_day,
    units_ago,
    weekday,
    weekend,
    named_period,
    part_of_period,
    earlier_or_later,
    month_only,
    part_of_month,
    month_day,
    month_of_named_year,
    named_season,
)
