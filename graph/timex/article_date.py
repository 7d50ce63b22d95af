"""The publication date an article states: in its url, its text, or against its header.

:func:`article_date` takes, in this order of trust, a day in the ``url`` path
(:func:`date_from_url`: ``/2019/05/07/``, ``/2017/August/03/``, ``-20180214``,
``ud=20180427000259``), the ``date YYYY-MM-DD`` header of a text file, and a
statement in the text (:func:`date_from_text`). When the header and the text
disagree it says so in the evidence and keeps the more precise statement (a
timestamp with its time of day over a bare day), the header when both are
days. The caller has already preferred a date given as metadata.

:func:`date_from_text` reads the top of the page (:data:`HEAD_CHARS`) line by
line (and the ``|``, ``/``, ``·`` separated parts of a line), and only what is
shaped like a header:

- a labelled stamp: "Published: 2021-04-07 14:03", "Updated May 7, 2021",
  "Published: Wednesday, June 2, 2021 at 3:30 a.m.";
- a dateline: "OSLO, March 3, 2021 (NTB) -", "OSLO, September 21. /NTB/",
  "Bergen/Oslo, Mar 3 (NTB) :";
- a line that is only a date, perhaps with weekday, time and time zone:
  "Friday, June 4, 2021", "Sat, 7 May 2022 14:03:00 GMT", "07.05.2021 14:03";
- a date with its time first on a line, then a credit: "June 4, 2021 - 10:24 By NTB";
- an ISO timestamp with a time: "2021-04-07T09:30:00Z".

Numeric dates are read day-month-year with dots (``07.05.2021``) and, with
slashes, only when one reading is impossible (``25/05/2021``; ``05/07/2021``
is refused). A dateline without a year is completed only when the text (or the
url's year and month) gives the year: a full date with a year within
:data:`YEAR_EVIDENCE_DAYS` days of that month and day, all agreeing.
Publication dates must agree with each other; an "Updated" date is used only
when nothing else is found. Otherwise the answer is None: a wrong date is
worse than none.

>>> date_from_text("Published: 2021-04-07 14:03\\nTalks resumed on Tuesday.")
(datetime.date(2021, 4, 7), 'Published: 2021-04-07 14:03')
>>> date_from_text("Talks resumed in December 2016.") is None
True
>>> date_from_url("https://example.org/news/2021/4/7/port-strike-ends")
(datetime.date(2021, 4, 7), '/2021/4/7')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import urlsplit

from graph.records import Precision
from graph.timex.normalize import absolute
from graph.timex.patterns import DAY, MONTH, YEAR, month_number

HEAD_CHARS = 1500
YEAR_EVIDENCE_DAYS = 14

_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_NUMERIC = r"(?:\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
_DATE = rf"(?:{MONTH} {DAY},? {YEAR}|{DAY} {MONTH},? {YEAR}|\d{{4}}-\d{{2}}-\d{{2}}|{_NUMERIC})"
_ZONE = r"(?: ?(?:\(?(?-i:[A-Z]{2,5})\)?|[+-]\d{2}:?\d{2}|(?-i:UTC|GMT)[+-]\d{1,2}))"
_CLOCK = rf"\d{{1,2}}(?:[:.]\d{{2}}){{1,2}}(?: ?[ap]\.?m\.?)?{_ZONE}?|\d{{1,2}} ?[ap]\.?m\.?{_ZONE}?"
_TIME = rf"(?:\s*(?:,|[-\u2013\u2014/|]|at)?\s*(?:{_CLOCK}))?"
_LABEL = r"(?:first published|published|posted|filed|dated|date|last updated|last modified|updated|modified)"

_LABELLED = re.compile(
    rf"(?i)^(?P<label>{_LABEL})(?: on| at)?\s*[:\-\u2013\u2014]?\s*(?:{_WEEKDAY},? )?(?P<date>{_DATE}){_TIME}"
)
_DATE_ONLY = re.compile(rf"(?i)^(?:{_WEEKDAY},? )?(?P<date>{_DATE}){_TIME}\.?$")
_STAMP_FIRST = re.compile(
    rf"(?i)^(?:{_WEEKDAY},? )?(?P<date>{_DATE})(?P<time>\s*(?:,|[-\u2013\u2014/|]|at)?\s*(?:{_CLOCK}))"
    r"(?P<rest>\s+.{0,40})?$"
)
_ISO_STAMP = re.compile(r"\b(?P<date>\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?")
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w.'\u2019\-/ ]{{1,40}}?)(?:, [A-Z][\w.'\u2019\- ]{{1,30}}?)?, "
    rf"(?P<date>(?i:(?P<month>{MONTH}) (?P<day>{DAY}))(?:,? (?P<year>{YEAR}))?)"
    r"(?P<tail>\.?\s*(?P<agency>\([^()\n]{2,30}\)|/[^/\n]{2,20}/)?\s*(?P<dash>[-\u2013\u2014]+|:(?=\s))?)"
)
_FULL_DATE_ANYWHERE = re.compile(rf"(?i)\b{_DATE}\b")
_PARTS = re.compile(r"\s+[|\u00b7\u2022/]\s+")

# Ranks: lower is better; "updated" dates only count when nothing else does.
_PUBLISHED, _DATELINE_RANK, _HEADER_DATE, _UPDATED = 0, 1, 2, 3
_UPDATE_LABELS = ("updated", "last updated", "modified", "last modified")


class Stated(NamedTuple):
    """A publication date the text states, the words that state it, and whether they give a time."""

    date: dt.date
    words: str
    timed: bool


class ArticleDate(NamedTuple):
    """An article's date, where it was found ("url", "header" or "text"), and why."""

    date: dt.date
    source: str
    evidence: str


def article_date(
    text: str, url: str | None = None, header: tuple[dt.date, str] | None = None
) -> ArticleDate | None:
    """The article's date from its url, its `header` (day, words) or its text; see the module."""
    stated = stated_in_text(text, url)
    from_url = date_from_url(url) if url else None
    if from_url is not None:
        day, words = from_url
        evidence = f"from the url: {words!r}"
        if stated is not None and stated.date != day:
            evidence += f"; the text states {stated.words!r} ({stated.date}): the url is kept"
        return ArticleDate(day, "url", evidence)
    if header is not None:
        day, words = header
        if stated is None or stated.date == day:
            return ArticleDate(day, "header", words)
        if stated.timed:
            return ArticleDate(
                stated.date,
                "text",
                f"stated in the text: {stated.words!r}, with its time, over the header {words!r} ({day})",
            )
        return ArticleDate(
            day, "header", f"{words}; the text states {stated.words!r} ({stated.date}): the header is kept"
        )
    if stated is not None:
        return ArticleDate(stated.date, "text", f"stated in the text: {stated.words!r}")
    return None


# -- the url -------------------------------------------------------------------------------

_MONTH_WORD = MONTH.removesuffix(r"\.?")
_URL_DATES = (
    # /2019/05/07/, /2018/7/9/, /2017/August/03/, /2011/aug/25/
    re.compile(
        rf"(?i)/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2]|{_MONTH_WORD})"
        r"/(?P<d>0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)"
    ),
    # /2012/0824/
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)"),
    # /20100113/, -20180214, 20160321-, ud=20180427000259 (a time may follow)
    re.compile(
        r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:\d{4}(?:\d{2})?)?(?!\d)"
    ),
)


def date_from_url(url: str) -> tuple[dt.date, str] | None:
    """The day a url's path (or query) holds, and the piece that holds it; None when it holds
    none, or two that disagree."""
    parts = urlsplit(url)
    where = parts.path + ("?" + parts.query if parts.query else "")
    found: dict[dt.date, str] = {}
    for pattern in _URL_DATES:
        for match in pattern.finditer(where):
            month = match["m"]
            number = int(month) if month.isdigit() else month_number(month)
            try:
                day = dt.date(int(match["y"]), number, int(match["d"]))
            except ValueError:
                continue
            found.setdefault(day, match.group())
    if len(found) != 1:
        return None
    ((day, words),) = found.items()
    return day, words


def _url_month(url: str | None) -> tuple[int, int] | None:
    """The year and month a url's path holds (/2019/05/), to complete a dateline's year."""
    if not url:
        return None
    found = re.search(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])(?=/)", urlsplit(url).path)
    return (int(found[1]), int(found[2])) if found else None


# -- the text ------------------------------------------------------------------------------


def date_from_text(text: str) -> tuple[dt.date, str] | None:
    """The publication date stated at the top of `text`, with the words that state it."""
    found = stated_in_text(text)
    return None if found is None else (found.date, found.words)


def stated_in_text(text: str, url: str | None = None) -> Stated | None:
    """As :func:`date_from_text`, and whether the statement gives a time of day."""
    found = list(_candidates(text, url))
    for ranks in ((_PUBLISHED, _DATELINE_RANK, _HEADER_DATE), (_UPDATED,)):
        chosen = sorted((c for c in found if c[0] in ranks), key=lambda c: c[:2])
        if not chosen:
            continue
        if len({c[1] for c in chosen}) > 1:
            return None
        _, day, words, timed = chosen[0]
        return Stated(day, words, any(c[3] for c in chosen))
    return None


def _candidates(text: str, url: str | None) -> Iterator[tuple[int, dt.date, str, bool]]:
    head = text[:HEAD_CHARS]
    for line in head.splitlines():
        line = line.strip()
        dateline = _read_dateline(line, text, url)
        if dateline is not None:
            yield dateline
        for part in _PARTS.split(line):
            yield from _read_header_part(part.strip())
    for stamp in _ISO_STAMP.finditer(head):
        day = _day(stamp["date"])
        if day is not None:
            yield _HEADER_DATE, day, stamp.group(), True


def _timed(words: str) -> bool:
    return re.search(rf"(?i)(?:^|\s|,|T){_CLOCK}", words) is not None


def _read_header_part(part: str) -> Iterator[tuple[int, dt.date, str, bool]]:
    labelled = _LABELLED.match(part)
    if labelled:
        day = _day(labelled["date"])
        rank = _UPDATED if labelled["label"].lower() in _UPDATE_LABELS else _PUBLISHED
        if day is not None:
            words = labelled.group().strip()
            yield rank, day, words, _timed(words[labelled.end("date") - labelled.start() :])
        return
    alone = _DATE_ONLY.match(part)
    if alone:
        day = _day(alone["date"])
        if day is not None:
            yield _HEADER_DATE, day, part, _timed(part[alone.end("date") :])
        return
    first = _STAMP_FIRST.match(part)
    if first:
        day = _day(first["date"])
        if day is not None:
            yield _HEADER_DATE, day, part[: first.end("time")].strip(), True


def _read_dateline(line: str, text: str, url: str | None) -> tuple[int, dt.date, str, bool] | None:
    """A dateline, "OSLO, March 3 (NTB) -": a place in capitals, or one followed by an agency or dash."""
    found = _DATELINE.match(line)
    if not found or not (found["place"].isupper() or found["agency"] or found["dash"]):
        return None
    evidence = found.group().strip(" -:\u2013\u2014")
    if found["year"]:
        day = _day(found["date"])
        return None if day is None else (_DATELINE_RANK, day, evidence, False)
    month, day_of_month = month_number(found["month"]), int(re.match(r"\d+", found["day"]).group())
    year, support = _year_from_text(text, month, day_of_month)
    if year is None:
        year, support = _year_from_url(url, month)
    if year is None:
        return None
    try:
        day = dt.date(year, month, day_of_month)
    except ValueError:
        return None
    return _DATELINE_RANK, day, f"{evidence} (year from {support})", False


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
                support = repr(match.group())
    if len(years) != 1:
        return None, ""
    return years.pop(), support


def _year_from_url(url: str | None, month: int) -> tuple[int | None, str]:
    """The url's year, when its month is the dateline's."""
    found = _url_month(url)
    if found is None or found[1] != month:
        return None, ""
    return found[0], f"the url's /{found[0]}/{found[1]:02d}/"


def _day(words: str) -> dt.date | None:
    numeric = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})", words.strip())
    if numeric:
        return _numeric_day(int(numeric[1]), int(numeric[3]), int(numeric[4]), dotted=numeric[2] == ".")
    value = absolute(words)
    if value is None or value.precision is not Precision.DAY:
        return None
    return dt.date.fromisoformat(value.value)


def _numeric_day(first: int, second: int, year: int, *, dotted: bool) -> dt.date | None:
    """Day-month-year with dots; with slashes only the reading that is possible, when one is not."""
    readings = {(first, second)} if dotted else {(first, second), (second, first)}
    days = set()
    for day, month in readings:
        try:
            days.add(dt.date(year, month, day))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None
