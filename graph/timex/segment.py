"""The time expressions inside a span of words that a tagger marked as one date.

spaCy's DATE entities are wider or narrower than a time expression: "the
quarter ended Sept. 30", "an Aug. 10, 1988, agreement", "just last month",
"1990 and 1995". :func:`segments` returns the parts that the rules read:

1. the whole, when a rule reads it (a span of time, "March 24-25", is one);
2. else the whole without leading words that add nothing to the value
   ("the", "an", "just", "sometime", "both", ...);
3. else each piece between linking words ("of", "ended", "ending", "and",
   "or", "to", ...) or commas that a rule reads ("Friday, nearly two months");
4. else the longest end of it that starts with a word that opens a time
   expression ("last", "next", "this", "yesterday", a month, a weekday), unless
   the word before it qualifies it ("more than last year");
5. else the whole, unread.

Readable means that :func:`graph.timex.normalize.ground` gives it a value,
seen from a fixed date (whether words are read does not depend on the date).

>>> segments("the quarter ended Sept. 30")
[(18, 26)]
>>> segments("just last month")
[(5, 15)]
>>> segments("in recent months")
[(0, 16)]
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from graph.records import Precision, Tense
from graph.timex.normalize import ground
from graph.timex.patterns import MONTH, WEEKDAY

_PROBE = dt.date(2000, 6, 15)
WEEKDAY_WORD = re.compile(rf"(?i)\b{WEEKDAY}")
_LEAD = re.compile(
    r"(?i)^(?:(?:the|an|a|just|only|sometime|some time|both|even|as early as|as soon as|as late as|"
    r"no later than|no earlier than|from|on|in|at|by|until|till|since|around)\s+)+"
)
_LINK = re.compile(r"(?i)\s+(?:of|ended|ending|to|through|until|till|from|since|and|or|as of)\s+")
_COMMA = re.compile(r"\s*,\s+")
_OPENER = re.compile(rf"(?i)\b(?:(?:last|next|this|yesterday|today|tomorrow|tonight|{WEEKDAY})\b|{MONTH}(?=\s|$))")
_QUALIFIER = re.compile(r"(?i)\b(?:than|over|under|nearly|almost|about|more|less|before|after|since|until)\s*$")


@functools.lru_cache(maxsize=8192)
def readable(words: str) -> bool:
    """Whether the rules give these words a value (whatever the article's date). A weekday with a date
    ("Friday 7th June") is read in a year where the two agree: one of seven years in a row is one."""
    value = ground(words, Tense.PAST, _PROBE)
    if value.precision is not Precision.UNRESOLVED:
        return True
    if not WEEKDAY_WORD.search(words):
        return False
    return any(
        ground(words, Tense.PAST, _PROBE.replace(year=_PROBE.year + n)).precision is not Precision.UNRESOLVED
        for n in range(1, 12)
    )


def segments(words: str) -> list[tuple[int, int]]:
    """(start, end) offsets into `words` of the time expressions they hold; see the module."""
    whole = [(0, len(words))]
    if not words.strip() or readable(words):
        return whole
    lead = _LEAD.match(words)
    if lead and readable(words[lead.end() :]):
        return [(lead.end(), len(words))]
    pieces = _pieces(words, 0, len(words), _LINK)
    if pieces:
        return pieces
    for opener in _OPENER.finditer(words):
        if opener.start() == 0 or _QUALIFIER.search(words[: opener.start()]):
            continue
        if readable(words[opener.start() :]):
            return [(opener.start(), len(words))]
    return whole


def _pieces(words: str, start: int, stop: int, link: re.Pattern) -> list[tuple[int, int]]:
    """The readable pieces of words[start:stop] between links; an unreadable piece is
    tried again between its commas ("Friday, nearly two months")."""
    out = []
    for found in [*link.finditer(words, start, stop), None]:
        end = found.start() if found else stop
        lead = _LEAD.match(words[start:end])
        offset = start + (lead.end() if lead else 0)
        if words[offset:end].strip():
            if readable(words[offset:end]):
                out.append((offset, end))
            elif link is _LINK:
                out.extend(_pieces(words, offset, end, _COMMA))
        if found:
            start = found.end()
    return out
