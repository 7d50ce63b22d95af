"""The publication date an article states in its own text.

Only the top of the article is read (:data:`HEAD_CHARS`), and only lines (or
``|``/``·``-separated parts of lines) shaped like a header:

- a labelled timestamp: "Published: 2021-04-07 14:03", "Updated May 7, 2021";
- a dateline: "OSLO, March 3, 2021 (NTB) -", "OSLO, September 21. /NTB/";
- a line that is only a date, perhaps with weekday and time: "Friday, June 4, 2021";
- an ISO timestamp with a time: "2021-04-07T09:30:00Z".

A dateline without a year ("OSLO, September 21.") is completed only when the
text holds a full date with a year within :data:`YEAR_EVIDENCE_DAYS` days of
that month and day, and all such dates agree on the year. Publication dates
must agree with each other; an "Updated" date is used only when nothing else
is found. Otherwise the answer is None: a wrong date is worse than none.

>>> date_from_text("Published: 2021-04-07 14:03\\nTalks resumed on Tuesday.")
(datetime.date(2021, 4, 7), 'Published: 2021-04-07 14:03')
>>> date_from_text("Talks resumed in December 2016.") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from graph.records import Precision
from graph.timex.normalize import absolute
from graph.timex.patterns import DAY, MONTH, YEAR, month_number

HEAD_CHARS = 300
YEAR_EVIDENCE_DAYS = 14

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_DATE = rf"(?:{MONTH} {DAY},? {YEAR}|{DAY} {MONTH},? {YEAR}|\d{{4}}-\d{{2}}-\d{{2}})"
_TIME = r"(?:,? (?:at )?\d{1,2}(?:[:.]\d{2}){1,2}(?: ?[ap]\.?m\.?)?(?: ?(?:[a-z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
_LABEL = r"(?:first published|published|posted|filed|dated|date|last updated|updated|modified)"

_LABELLED = re.compile(
    rf"(?i)^(?P<label>{_LABEL})(?: on| at)?\s*[:\-\u2013\u2014]?\s*(?P<date>{_DATE}){_TIME}"
)
_DATE_ONLY = re.compile(rf"(?i)^(?:{_WEEKDAY},? )?(?P<date>{_DATE}){_TIME}\.?$")
_ISO_STAMP = re.compile(r"\b(?P<date>\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?")
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'\u2019\- ]{{1,40}}?)(?:, [A-Z][\w.'\u2019\- ]{{1,30}}?)?, "
    rf"(?P<date>(?i:(?P<month>{MONTH}) (?P<day>{DAY}))(?:,? (?P<year>{YEAR}))?)"
    r"(?P<tail>\.?\s*(?P<agency>\([^()\n]{2,30}\)|/[^/\n]{2,20}/)?\s*(?P<dash>[-\u2013\u2014]+)?)"
)
_FULL_DATE_ANYWHERE = re.compile(rf"(?i)\b{_DATE}\b")

# Ranks: lower is better; "updated" dates only count when nothing else does.
_PUBLISHED, _DATELINE_RANK, _HEADER_DATE, _UPDATED = 0, 1, 2, 3


def date_from_text(text: str) -> tuple[dt.date, str] | None:
    """The publication date stated at the top of `text`, with the words that state it."""
    found = list(_candidates(text))
    for ranks in ((_PUBLISHED, _DATELINE_RANK, _HEADER_DATE), (_UPDATED,)):
        chosen = sorted(c for c in found if c[0] in ranks)
        if not chosen:
            continue
        if len({day for _, day, _ in chosen}) > 1:
            return None
        return chosen[0][1], chosen[0][2]
    return None


def _candidates(text: str) -> Iterator[tuple[int, dt.date, str]]:
    head = text[:HEAD_CHARS]
    for line in head.splitlines():
        line = line.strip()
        dateline = _read_dateline(line, text)
        if dateline is not None:
            yield dateline
        for part in re.split(r"\s+[|\u00b7\u2022]\s+", line):
            yield from _read_header_part(part.strip())
    for stamp in _ISO_STAMP.finditer(head):
        day = _day(stamp["date"])
        if day is not None:
            yield _HEADER_DATE, day, stamp.group()


def _read_header_part(part: str) -> Iterator[tuple[int, dt.date, str]]:
    labelled = _LABELLED.match(part)
    if labelled:
        day = _day(labelled["date"])
        rank = (
            _UPDATED if labelled["label"].lower() in ("updated", "last updated", "modified") else _PUBLISHED
        )
        if day is not None:
            yield rank, day, labelled.group().strip()
        return
    alone = _DATE_ONLY.match(part)
    if alone:
        day = _day(alone["date"])
        if day is not None:
            yield _HEADER_DATE, day, part


def _read_dateline(line: str, text: str) -> tuple[int, dt.date, str] | None:
    """A dateline, "OSLO, March 3 (NTB) -": a place in capitals, or one followed by an agency or dash."""
    found = _DATELINE.match(line)
    if not found or not (found["place"].isupper() or found["agency"] or found["dash"]):
        return None
    evidence = found.group().strip(" -\u2013\u2014")
    if found["year"]:
        day = _day(found["date"])
        return None if day is None else (_DATELINE_RANK, day, evidence)
    month, day_of_month = month_number(found["month"]), int(re.match(r"\d+", found["day"]).group())
    year, support = _year_from_text(text, month, day_of_month)
    if year is None:
        return None
    return _DATELINE_RANK, dt.date(year, month, day_of_month), f"{evidence} (year from {support!r})"


def _year_from_text(text: str, month: int, day: int) -> tuple[int | None, str]:
    """The one year that puts month/day within a fortnight of every nearby full date in `text`."""
    years: set[int] = set()
    support = ""
    for match in _FULL_DATE_ANYWHERE.finditer(text):
        stated = _day(match.group())
        if stated is None:
            continue
        for year in (stated.year - 1, stated.year, stated.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if abs((candidate - stated).days) <= YEAR_EVIDENCE_DAYS:
                years.add(year)
                support = match.group()
    if len(years) != 1:
        return None, ""
    return years.pop(), support


def _day(words: str) -> dt.date | None:
    value = absolute(words)
    if value is None or value.precision is not Precision.DAY:
        return None
    return dt.date.fromisoformat(value.value)
