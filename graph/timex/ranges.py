"""Spans of time written as two ends: "March 24-25", "from Aug. 26 to Oct. 20",
"between Monday and Wednesday", "1991 to 1997".

:func:`range_parts` finds the two ends in the words, with their offsets, and
completes an end that leaves its month to the other ("March 24-25" has the ends
"March 24" and "March 25"; "24-25 March" the ends "24 March" and "25 March").
:func:`graph.timex.normalize.ground` reads each end with the same tense and
anchor and makes the interval from the first day of one to the last day of the
other; ``kg timex`` also lists the two ends, as TimeML annotates them.

>>> range_parts("March 24-25")
(Part(start=0, end=8, words='March 24'), Part(start=9, end=11, words='March 25'))
>>> range_parts("between Monday and Wednesday")
(Part(start=8, end=14, words='Monday'), Part(start=19, end=28, words='Wednesday'))
>>> range_parts("Friday") is None
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

from graph.timex.patterns import DAY, MONTH

# "between" asks for "and"; "from" for "to", "through", "until" or a dash.
_LINK = re.compile(r"(?i)\s*(?:-|\u2013|\u2014)\s*|\s+(?:to|through|thru|until|till|and)\s+")
_OPENER = re.compile(r"(?i)^(?:from|between)\s+")
_DAY_ALONE = re.compile(rf"(?i)^{DAY}$")
_MONTH_FIRST = re.compile(rf"(?i)^({MONTH})\s+{DAY}$")
_MONTH_LAST = re.compile(rf"(?i)^{DAY}\s+({MONTH})$")


class Part(NamedTuple):
    start: int  # offsets into the words given
    end: int
    words: str  # what to read: the words, completed with the other end's month


def range_parts(words: str) -> tuple[Part, Part] | None:
    """The two ends of a span of time, or None when the words are not one."""
    text = words.rstrip(" .,;")
    opener = _OPENER.match(text)
    first_start = opener.end() if opener else 0
    for link in _LINK.finditer(text, first_start):
        a, b = text[first_start : link.start()], text[link.end() :]
        if not a.strip() or not b.strip():
            continue
        joined = link.group().strip().lower()
        if opener and opener.group().strip().lower() == "between" and joined != "and":
            continue
        if joined in ("-", "\u2013", "\u2014") and (" " in a.strip() and not _MONTH_FIRST.match(a.strip())):
            continue  # "the 2019-20 season", "a 3-2 win": only "March 24-25" style dashes
        a_words, b_words = a.strip(), b.strip()
        if _DAY_ALONE.match(b_words) and _MONTH_FIRST.match(a_words):
            b_words = f"{_MONTH_FIRST.match(a_words)[1]} {b_words}"
        elif _DAY_ALONE.match(a_words) and _MONTH_LAST.match(b_words):
            a_words = f"{a_words} {_MONTH_LAST.match(b_words)[1]}"
        a_start = first_start + (len(a) - len(a.lstrip()))
        b_start = link.end()
        return Part(a_start, a_start + len(a.strip()), a_words), Part(b_start, b_start + len(b.strip()), b_words)
    return None
