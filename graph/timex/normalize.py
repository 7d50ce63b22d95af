"""Ground the words of a time expression against the article's date.

:func:`ground` cleans the words, then tries, in order:

1. :data:`VAGUE` words ("in recent months", "soon", "the closing days of ...")
   stay UNRESOLVED: never a day;
2. the rules of :mod:`graph.timex.fixed` for words that carry their own year
   ("May 31, 2021", "December 2016", "2013", "the 1990s"), origin STATED;
3. without an anchor, nothing more: UNRESOLVED;
4. the rules of :mod:`graph.timex.relative`, read against the anchor, which
   pass the caller's `origin` on (where the anchor came from).

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
from graph.timex.relative import RELATIVE_RULES

# Words that make an expression vague, whatever else it says.
VAGUE = re.compile(
    r"\b(?:recent|recently|lately|soon|few|several|coming (?:days|weeks|months|years)|"
    r"closing|final days|last days|days of|era|decades|centuries)\b"
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
    key = clean(words)
    if not key or VAGUE.search(key):
        return unresolved
    fixed = absolute(words)
    if fixed is not None:
        return fixed
    if anchor is None:
        return unresolved
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    for rule in RELATIVE_RULES:
        found = rule(key, tense, anchor)
        if found is None:
            continue
        if found.precision is Precision.UNRESOLVED:
            return unresolved
        return dataclasses.replace(found, text=words, origin=origin)
    return unresolved
