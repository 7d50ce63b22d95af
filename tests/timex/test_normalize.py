"""Grounding time expressions against an article date: one table, one row per behaviour."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.records import DateOrigin, Precision, Tense, TimeValue
from graph.timex import absolute, ground
from graph.timex.parse import read_date

PAST, PRESENT, FUTURE = Tense.PAST, Tense.PRESENT, Tense.FUTURE

# Anchors (article dates) and their weekdays.
WED = dt.date(2017, 3, 15)  # Wednesday
FRI = dt.date(2021, 10, 8)  # Friday
SUN = dt.date(2022, 5, 15)  # Sunday
JAN3 = dt.date(2022, 1, 3)  # Monday, just after a new year
FEB = dt.date(2011, 2, 16)  # Wednesday
MAY10 = dt.date(2023, 5, 10)  # Wednesday
JAN = dt.date(2015, 1, 20)  # Tuesday
MAR1 = dt.date(2020, 3, 1)  # Sunday, first of a month in a leap year
JUL1 = dt.date(2021, 7, 1)  # Thursday


def day(value):
    return (Precision.DAY, value, None, None)


def month(value):
    return (Precision.MONTH, value, None, None)


def year(value):
    return (Precision.YEAR, value, None, None)


def span(start, end):
    return (Precision.INTERVAL, None, start, end)


UNRESOLVED = (Precision.UNRESOLVED, None, None, None)

CASES = [
    # -- weekdays, by tense
    ("weekday-past-on-anchor-weekday-is-anchor", "Friday", PAST, FRI, day("2021-10-08")),
    ("weekday-past-with-on", "on Friday", PAST, FRI, day("2021-10-08")),
    ("weekday-future-on-anchor-weekday-is-anchor", "Friday", FUTURE, FRI, day("2021-10-08")),
    ("weekday-present-on-anchor-weekday-is-anchor", "Friday", PRESENT, FRI, day("2021-10-08")),
    ("weekday-possessive-past-is-day-before", "Thursday's", PAST, FRI, day("2021-10-07")),
    ("weekday-past-is-latest-before", "on Tuesday", PAST, FRI, day("2021-10-05")),
    ("weekday-future-is-next-after", "on Tuesday", FUTURE, FRI, day("2021-10-12")),
    ("weekday-present-reads-as-past", "Monday", PRESENT, FRI, day("2021-10-04")),
    ("weekday-future-sunday-in-sunday-story-is-that-day", "on Sunday", FUTURE, SUN, day("2022-05-15")),
    ("weekday-past-saturday-in-sunday-story", "Saturday", PAST, SUN, day("2022-05-14")),
    ("weekday-future-saturday-in-sunday-story", "Saturday", FUTURE, SUN, day("2022-05-21")),
    ("last-weekday-same-as-anchor-is-week-before", "last Friday", PAST, FRI, day("2021-10-01")),
    ("next-weekday-same-as-anchor-is-week-after", "next Friday", FUTURE, FRI, day("2021-10-15")),
    ("next-weekday-is-first-after-anchor", "next Tuesday", FUTURE, FRI, day("2021-10-12")),
    ("weekday-with-time-of-day", "Wednesday night", PAST, FRI, day("2021-10-06")),
    ("weekday-past-crosses-year-boundary", "Friday", PAST, JAN3, day("2021-12-31")),
    ("this-weekday-future", "this Thursday", FUTURE, WED, day("2017-03-16")),
    # -- days counted from the anchor
    ("today-is-anchor", "today", PRESENT, FRI, day("2021-10-08")),
    ("yesterday-crosses-year-boundary", "yesterday", PAST, JAN3, day("2022-01-02")),
    ("tomorrow-is-day-after", "tomorrow", FUTURE, FRI, day("2021-10-09")),
    ("last-night-in-leap-year", "last night", PAST, MAR1, day("2020-02-29")),
    ("day-after-tomorrow", "the day after tomorrow", FUTURE, FRI, day("2021-10-10")),
    ("yesterday-with-time-of-day", "yesterday afternoon", PAST, FRI, day("2021-10-07")),
    ("days-ago-is-a-day", "three days ago", PAST, MAR1, day("2020-02-27")),
    ("years-ago-is-a-year", "two years ago", PAST, FRI, year("2019")),
    ("a-week-ago-is-that-week", "a week ago", PAST, WED, span("2017-03-06", "2017-03-12")),
    ("months-ago-is-a-month", "six months ago", PAST, FEB, month("2010-08")),
    # -- month and day without a year
    ("month-day-past-crosses-year-boundary", "Dec. 30", PAST, JAN3, day("2021-12-30")),
    ("month-day-future-is-next-year", "Dec. 30", FUTURE, JAN3, day("2022-12-30")),
    ("month-day-present-is-nearest-behind", "Dec. 30", PRESENT, JAN3, day("2021-12-30")),
    ("month-day-present-is-nearest-ahead", "Jan. 5", PRESENT, JAN3, day("2022-01-05")),
    ("month-day-future-on-anchor-is-anchor", "Jan. 3", FUTURE, JAN3, day("2022-01-03")),
    ("month-day-past-on-anchor-is-anchor", "Jan. 3", PAST, JAN3, day("2022-01-03")),
    ("month-day-future-already-passed-is-next-year", "on Sept. 14", FUTURE, FRI, day("2022-09-14")),
    ("month-day-past-this-year", "Sept. 14", PAST, FRI, day("2021-09-14")),
    ("day-of-month-ordinal-future", "the 3rd of June", FUTURE, WED, day("2017-06-03")),
    ("leap-day-past-is-last-leap-year", "Feb. 29", PAST, JUL1, day("2020-02-29")),
    ("weekday-and-month-day", "Friday, Oct. 1", PAST, FRI, day("2021-10-01")),
    ("month-day-ordinal-future", "October 12th", FUTURE, FRI, day("2021-10-12")),
    ("month-day-present-nearest-is-last-year", "Nov. 2", PRESENT, WED, day("2016-11-02")),
    ("month-day-present-nearest-is-coming", "April 2", PRESENT, WED, day("2017-04-02")),
    # -- month alone
    ("month-future-later-this-year", "in May", FUTURE, FEB, month("2011-05")),
    ("month-past-is-last-year", "in November", PAST, FEB, month("2010-11")),
    ("last-month-name-in-january-story", "last October", PAST, JAN, month("2014-10")),
    ("last-month-name-before-anchor-month", "last March", PAST, FEB, month("2010-03")),
    ("last-month-name-same-as-anchor-month-is-year-before", "last February", PAST, FEB, month("2010-02")),
    ("month-past-same-as-anchor-month-is-this-one", "in February", PAST, FEB, month("2011-02")),
    ("next-month-name-in-same-month-is-next-year", "next January", FUTURE, JAN, month("2016-01")),
    ("month-present-nearest-ahead", "in June", PRESENT, WED, month("2017-06")),
    ("month-present-nearest-behind", "in October", PRESENT, JAN, month("2014-10")),
    ("this-month-name-is-anchor-year", "this September", PAST, WED, month("2017-09")),
    ("month-abbreviation-future", "Sept.", FUTURE, JUL1, month("2021-09")),
    # -- years and months with years
    ("month-with-year-needs-no-anchor", "in December 2016", PAST, None, month("2016-12")),
    ("month-with-year-ignores-anchor", "in December 2016", PAST, WED, month("2016-12")),
    ("month-with-year-future-tense", "in November 2012", FUTURE, FRI, month("2012-11")),
    ("abbreviated-month-with-year", "Dec. 2016", PAST, None, month("2016-12")),
    ("since-year-is-year", "since 2012", PAST, FRI, year("2012")),
    ("year-needs-no-anchor", "in 2012", PAST, None, year("2012")),
    ("last-year-is-anchor-year-minus-one", "last year", PAST, JAN3, year("2021")),
    ("this-year-is-anchor-year", "this year", FUTURE, JAN3, year("2022")),
    ("next-year", "next year", FUTURE, FRI, year("2022")),
    ("next-month-is-the-following-month", "next month", FUTURE, JAN, month("2015-02")),
    ("last-month-crosses-year-boundary", "last month", PAST, JAN, month("2014-12")),
    ("last-week-is-monday-to-sunday", "last week", PAST, WED, span("2017-03-06", "2017-03-12")),
    ("this-week", "this week", PRESENT, WED, span("2017-03-13", "2017-03-19")),
    ("next-week-from-sunday", "next week", FUTURE, SUN, span("2022-05-16", "2022-05-22")),
    # -- parts of periods and other spans
    (
        "end-of-next-month-is-last-days",
        "at the end of next month",
        FUTURE,
        WED,
        span("2017-04-21", "2017-04-30"),
    ),
    (
        "end-of-the-month-is-anchor-month",
        "the end of the month",
        FUTURE,
        MAY10,
        span("2023-05-21", "2023-05-31"),
    ),
    ("start-of-next-month", "at the beginning of next month", FUTURE, JAN, span("2015-02-01", "2015-02-10")),
    ("mid-month-name", "in mid-June", FUTURE, WED, span("2017-06-11", "2017-06-20")),
    ("early-next-year-is-first-third", "early next year", FUTURE, FRI, span("2022-01-01", "2022-04-30")),
    ("late-last-year-is-last-third", "late last year", PAST, JAN3, span("2021-09-01", "2021-12-31")),
    (
        "earlier-this-month-ends-before-anchor",
        "earlier this month",
        PAST,
        MAY10,
        span("2023-05-01", "2023-05-09"),
    ),
    (
        "later-this-month-starts-after-anchor",
        "later this month",
        FUTURE,
        MAY10,
        span("2023-05-11", "2023-05-31"),
    ),
    ("earlier-this-year", "earlier this year", PAST, FEB, span("2011-01-01", "2011-02-15")),
    ("end-of-month-name-past-leap-year", "the end of February", PAST, MAR1, span("2020-02-21", "2020-02-29")),
    ("end-of-the-week", "by the end of the week", FUTURE, WED, span("2017-03-17", "2017-03-19")),
    ("weekend-past-in-sunday-story", "over the weekend", PAST, SUN, span("2022-05-14", "2022-05-15")),
    ("weekend-past-midweek", "over the weekend", PAST, WED, span("2017-03-11", "2017-03-12")),
    ("next-weekend-is-first-after-anchor", "next weekend", FUTURE, JAN3, span("2022-01-08", "2022-01-09")),
    ("this-weekend-future-from-friday", "this weekend", FUTURE, FRI, span("2021-10-09", "2021-10-10")),
    ("next-season", "next spring", FUTURE, FRI, span("2022-03-01", "2022-05-31")),
    ("last-winter-spans-new-year", "last winter", PAST, WED, span("2016-12-01", "2017-02-28")),
    ("this-season-past-after-it-ended", "this summer", PAST, FRI, span("2021-06-01", "2021-08-31")),
    ("earlier-this-month-on-first-leaves-no-day", "earlier this month", PAST, MAR1, UNRESOLVED),
    # -- spans fixed by their own words
    ("decade-is-ten-years", "the 1990s", PAST, None, span("1990-01-01", "1999-12-31")),
    ("mid-year-is-middle-third", "mid-2016", PAST, None, span("2016-05-01", "2016-08-31")),
    ("end-of-month-with-year", "the end of December 2016", PAST, None, span("2016-12-21", "2016-12-31")),
    # -- full dates
    ("iso-date-needs-no-anchor", "2016-09-27", PAST, None, day("2016-09-27")),
    ("month-day-year-needs-no-anchor", "May 31, 2016", PAST, None, day("2016-05-31")),
    ("day-month-year-ignores-tense-and-anchor", "31 May 2016", FUTURE, WED, day("2016-05-31")),
    ("weekday-and-full-date", "Friday, June 3, 2016", PAST, None, day("2016-06-03")),
    ("iso-timestamp-is-its-day", "on 2016-09-27T08:15:00Z", PAST, None, day("2016-09-27")),
    # -- vague: never a day
    ("recent-months-is-vague", "in recent months", PAST, FRI, UNRESOLVED),
    ("closing-days-of-a-war-is-vague", "the closing days of the Korean War", PAST, FRI, UNRESOLVED),
    ("for-months-is-vague", "for months", PAST, FRI, UNRESOLVED),
    ("soon-is-vague", "soon", FUTURE, FRI, UNRESOLVED),
    ("coming-days-is-vague", "in the coming days", FUTURE, FRI, UNRESOLVED),
    ("the-past-is-vague", "in the past", PAST, FRI, UNRESOLVED),
    ("duration-is-not-a-date", "for two years", PAST, FRI, UNRESOLVED),
    ("past-week-is-not-resolved", "the past week", PAST, FRI, UNRESOLVED),
    ("recently-is-vague", "recently", PAST, FRI, UNRESOLVED),
    ("unknown-words-stay-unresolved", "the Year of the Dragon", PAST, FRI, UNRESOLVED),
    # -- parts of a day are that day
    ("late-weekday-is-that-day", "late Tuesday", PAST, FRI, day("2021-10-05")),
    ("early-weekday-is-that-day", "early Friday", PAST, FRI, day("2021-10-08")),
    ("earlier-weekday-is-that-day", "Earlier Friday", PAST, FRI, day("2021-10-08")),
    ("later-weekday-future", "later Monday", FUTURE, FRI, day("2021-10-11")),
    ("earlier-today", "earlier today", PAST, FRI, day("2021-10-08")),
    ("late-yesterday", "late yesterday", PAST, FRI, day("2021-10-07")),
    ("this-coming-weekday-is-after-anchor", "this coming Sunday", PAST, FRI, day("2021-10-10")),
    # -- a weekday with its date: the weekday picks the year
    ("weekday-with-date-in-parentheses", "Tuesday (March 14)", PAST, WED, day("2017-03-14")),
    ("weekday-with-date-beats-the-tense", "Wednesday, Jan. 5", PAST, JAN3, day("2022-01-05")),
    ("weekday-contradicting-its-date-is-unresolved", "Saturday, Dec. 2", PAST, JAN3, UNRESOLVED),
    # -- day-month order and abbreviations
    ("day-month-past", "24 March", PAST, JUL1, day("2021-03-24")),
    ("day-month-future", "24 March", FUTURE, WED, day("2017-03-24")),
    ("day-month-year", "24 March 2016", FUTURE, None, day("2016-03-24")),
    ("abbreviated-month-with-period", "Aug. 24", PAST, FRI, day("2021-08-24")),
    ("four-letter-abbreviation", "Sept. 3", FUTURE, FRI, day("2022-09-03")),
    ("last-month-day-is-before-anchor", "last Oct. 23", PAST, WED, day("2016-10-23")),
    ("last-month-day-on-anchor-day-is-a-year-before", "last March 15", PAST, WED, day("2016-03-15")),
    ("next-month-day-is-after-anchor", "next March 5", FUTURE, WED, day("2018-03-05")),
    # -- months and days of a named year
    ("month-next-year", "April next year", FUTURE, FRI, month("2022-04")),
    ("month-last-year", "in July last year", PAST, FRI, month("2020-07")),
    ("part-of-month-this-year", "early October this year", PAST, FRI, span("2021-10-01", "2021-10-10")),
    ("month-day-last-year", "March 5 last year", PAST, FRI, day("2020-03-05")),
    # -- hedged counts back
    ("almost-years-ago-is-that-year", "almost four years ago", PAST, FRI, year("2017")),
    ("about-months-ago-is-that-month", "about two months ago", PAST, FEB, month("2010-12")),
    ("hedged-days-ago-is-unresolved", "nearly three days ago", PAST, FRI, UNRESOLVED),
    ("year-ago-adjective", "the year-ago", PAST, FRI, year("2020")),
    # -- spans written as two ends
    ("day-range-with-dash", "May 3-4", PAST, MAY10, span("2023-05-03", "2023-05-04")),
    ("day-range-day-first", "24-25 March", FUTURE, WED, span("2017-03-24", "2017-03-25")),
    ("between-weekdays", "between Monday and Wednesday", PAST, WED, span("2017-03-13", "2017-03-15")),
    ("from-weekday-to-weekday-past-is-last-week", "from Monday to Friday", PAST, WED, span("2017-03-06", "2017-03-10")),
    ("from-month-day-to-month-day", "from Aug. 2 to Sept. 20", PAST, FRI, span("2021-08-02", "2021-09-20")),
    ("next-days-joined-by-and", "April 24 and 25", FUTURE, WED, span("2017-04-24", "2017-04-25")),
    ("year-range", "from 1991 to 1997", PAST, None, span("1991-01-01", "1997-12-31")),
    ("two-years-are-not-a-span", "in 1990 and 1995", PAST, FRI, UNRESOLVED),
    ("ends-of-two-kinds-are-not-a-span", "Friday to December", PAST, FRI, UNRESOLVED),
    # -- a day ahead in a past clause: this year's, if soon (deadlines, schedules)
    ("month-day-past-soon-this-year-is-ahead", "Nov. 20", PAST, FRI, day("2021-11-20")),
    ("month-day-past-ahead-in-next-year-is-behind", "Jan. 20", PAST, FRI, day("2021-01-20")),
    ("month-day-past-far-ahead-is-behind", "Dec. 5", PAST, JUL1, day("2020-12-05")),
    ("range-keeps-an-end-fixed-by-the-anchor", "from yesterday to Jan. 5", PAST, FRI, span("2021-10-07", "2022-01-05")),
    # -- tied to another time of the text
    ("previous-weekday-is-unresolved", "the previous Friday", PAST, FRI, UNRESOLVED),
    ("following-year-is-unresolved", "the following year", PAST, FRI, UNRESOLVED),
    # -- the end of a period, by tense
    ("year-end-is-late-this-year", "by year-end", FUTURE, FRI, span("2021-09-01", "2021-12-31")),
    ("years-end-possessive", "year's end", FUTURE, FRI, span("2021-09-01", "2021-12-31")),
    ("year-end-past-before-it-began-is-last-year", "since year-end", PAST, MAY10, span("2022-09-01", "2022-12-31")),
    ("end-of-the-month-past-is-last-month", "at the end of the month", PAST, MAY10, span("2023-04-21", "2023-04-30")),
    # -- years in words
    ("spelled-year", "in nineteen ninety-six", PAST, None, year("1996")),
    ("spelled-year-two-thousand", "the year two thousand", FUTURE, None, year("2000")),
    ("spelled-year-two-thousand-and-one", "two thousand and one", PAST, None, year("2001")),
    ("month-and-spelled-year", "January nineteen ninety-seven", PAST, None, month("1997-01")),
    ("spelled-number-is-not-a-year", "twenty people", PAST, FRI, UNRESOLVED),
    # -- a third of a month named alone, by tense
    ("late-month-past", "late November", PAST, FEB, span("2010-11-21", "2010-11-30")),
    ("early-month-future", "in early December", FUTURE, FEB, span("2011-12-01", "2011-12-10")),
    ("late-hyphen-month", "the late-November trip", PAST, FEB, UNRESOLVED),
    ("late-hyphen-month-alone", "late-November", PAST, FEB, span("2010-11-21", "2010-11-30")),
    ("later-that-year-counts-from-another-time", "later that year", PAST, FEB, UNRESOLVED),
    # -- no anchor: relative words stay unresolved
    ("no-anchor-weekday", "Friday", PAST, None, UNRESOLVED),
    ("no-anchor-last-year", "last year", PAST, None, UNRESOLVED),
    ("no-anchor-month", "in May", FUTURE, None, UNRESOLVED),
    ("no-anchor-month-day", "Oct. 12", PAST, None, UNRESOLVED),
    ("no-anchor-end-of-next-month", "at the end of next month", FUTURE, None, UNRESOLVED),
    ("no-anchor-today", "today", PRESENT, None, UNRESOLVED),
]


@pytest.mark.parametrize(
    ("words", "tense", "anchor", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_ground(words, tense, anchor, expected):
    found = ground(words, tense, anchor)
    assert (found.precision, found.value, found.start, found.end) == expected


def test_table_is_large_and_names_are_unique():
    assert len(CASES) >= 70
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("origin", [DateOrigin.GIVEN, DateOrigin.STATED, DateOrigin.INFERRED])
def test_origin_of_anchor_is_copied_when_anchor_used(origin):
    assert ground("yesterday", PAST, FRI, origin).origin is origin


def test_words_with_their_own_year_are_stated_whatever_the_anchor_origin():
    assert ground("in December 2016", PAST, FRI, DateOrigin.GIVEN).origin is DateOrigin.STATED


@pytest.mark.parametrize("anchor", [FRI, None])
def test_unresolved_origin_is_unknown(anchor):
    assert ground("in recent months", PAST, anchor, DateOrigin.GIVEN).origin is DateOrigin.UNKNOWN


def test_no_anchor_keeps_the_words():
    assert ground(" next Friday ", FUTURE, None) == TimeValue("next Friday", Precision.UNRESOLVED)


def test_text_is_the_words_given_stripped_only():
    found = ground("  on Thursday\u2019s ", PAST, FRI, DateOrigin.GIVEN)
    assert found == TimeValue("on Thursday\u2019s", Precision.DAY, "2021-10-07", origin=DateOrigin.GIVEN)


def test_datetime_anchor_is_read_as_its_day():
    assert ground("yesterday", PAST, dt.datetime(2021, 10, 8, 23, 59)).value == "2021-10-07"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("June 1, 2016", TimeValue("June 1, 2016", Precision.DAY, "2016-06-01", origin=DateOrigin.STATED)),
        ("December 2016", TimeValue("December 2016", Precision.MONTH, "2016-12", origin=DateOrigin.STATED)),
        ("2012", TimeValue("2012", Precision.YEAR, "2012", origin=DateOrigin.STATED)),
        ("2016-09-27", TimeValue("2016-09-27", Precision.DAY, "2016-09-27", origin=DateOrigin.STATED)),
    ],
)
def test_absolute_reads_words_that_carry_their_year(words, expected):
    assert absolute(words) == expected


@pytest.mark.parametrize("words", ["next month", "Friday", "Oct. 12", "in May", "soon", "Feb. 30, 2016"])
def test_absolute_is_none_when_words_need_an_anchor_or_are_no_date(words):
    assert absolute(words) is None


def test_dateparser_calls_are_cached():
    ground("Oct. 17", PAST, FRI)
    hits = read_date.cache_info().hits
    ground("Oct. 17", FUTURE, SUN)
    assert read_date.cache_info().hits == hits + 1
