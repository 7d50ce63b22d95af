"""Words of the calendar, as regular-expression pieces and lookups.

The pieces are plain strings so the rules can compose them; every piece
matches lower-cased text (see :func:`clean`).

>>> month_number("Sept.")
9
>>> weekday_number("thursday")
3
>>> clean("  on Thursday’s ")
'thursday'
"""

from __future__ import annotations

import re

_MONTHS3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS3 = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"
PART = r"(?:beginning|start|early|middle|mid|end|close|late)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"

# Which third of a month, week or year a word names.
PART_THIRD = {
    "beginning": "early",
    "start": "early",
    "early": "early",
    "middle": "mid",
    "mid": "mid",
    "end": "late",
    "close": "late",
    "late": "late",
}

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
NUMBER = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"

# Words that introduce a time expression but add nothing to its value.
_LEADING = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|through|before|after|during|as of|of|for|around|"
    r"about|throughout|over|within|as early as|as late as|no later than)\s+"
)
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")


def month_number(word: str) -> int:
    """The month (1-12) a month name or abbreviation names."""
    return _MONTHS3.index(word.strip(".").lower()[:3]) + 1


def weekday_number(word: str) -> int:
    """The weekday (Monday 0 .. Sunday 6) a weekday name names."""
    return _WEEKDAYS3.index(word.lower()[:3])


def number_value(word: str) -> int:
    """A small count written as digits or as a word ("two", "a")."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def clean(words: str) -> str:
    """Lower-case the words, drop possessives, a leading preposition and end punctuation."""
    text = words.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"\b(mid|early|late)-(?=[a-z\d])", r"\1 ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:!?.")
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
    return text
