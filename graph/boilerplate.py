"""Find the scraped-page boilerplate in an article's text, and blank it out.

A page scraped from a news site carries more than the story: share and print
buttons, a section breadcrumb, a subscription appeal, a cookie notice, a
copyright line, a list of trending links at the bottom. :func:`find_boilerplate`
finds those lines with general rules, line by line, from a few features of each
line (its words, its length, a leading bullet, a final full stop) and of its
neighbours (the paragraph it is in, the run of link lines that ends the text).

The rules are conservative: a line that reads like reported news (it quotes
someone, or says who *said* or *told*) is never taken for an appeal, a cookie
notice or a copyright line, and a short headline at the top is never dropped.
A credit such as "Information from Reuters added" is part of the story and stays.

:func:`clean_text` blanks the dropped ranges out without moving anything, so
every character offset into the cleaned text is an offset into the original::

    >>> text = "print PRINT\\n\\nThe ministers met in Tokyo."
    >>> dropped = find_boilerplate(text)
    >>> dropped
    ((0, 11),)
    >>> clean_text(text, dropped).index("ministers") == text.index("ministers")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.errors import InputError

# -- features of a line --------------------------------------------------------------

# Quotation marks or a reporting verb: the line reports what someone said.
_REPORTED = re.compile(r"[“”\"]|\b(?:said|says|told|tells|according to)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_BULLET = re.compile(r"^\s*(?:[•·▪►▸‣◦*\-–—]|\d{1,2}[.)])\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the text: where it is and what it says."""

    start: int
    end: int  # the newline, if any, is not included
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @property
    def reported(self) -> bool:
        return bool(_REPORTED.search(self.text))

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))


def _split_lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for part in text.split("\n"):
        lines.append(_Line(start, start + len(part), part))
        start += len(part) + 1
    return lines


# -- rules for one line --------------------------------------------------------------

# Phrases that only an appeal to the reader uses.
_APPEAL_PHRASE = re.compile(
    r"\b(?:subscribe (?:now|today|here)|subscribe to (?:our|the) \w+|by subscribing"
    r"|sign up (?:for|to) (?:our|the|a) (?:\w+ )?newsletters?|our newsletters?"
    r"|support (?:our|quality|independent|local|trusted) (?:journalism|reporting|newsroom)"
    r"|donate (?:now|today|here)|make a donation"
    r"|become an? (?:member|subscriber|supporter)|already an? (?:member|subscriber)"
    r"|subscribers? only|unlimited (?:digital )?access|free trial|to continue reading)\b",
    re.IGNORECASE,
)
# Words an appeal uses, which count only when the line speaks to the reader.
_APPEAL_WORD = re.compile(
    r"\b(?:subscri\w*|newsletters?|donat\w*|sign up|journalism|paywall|membership)\b", re.IGNORECASE
)
_TO_READER = re.compile(
    r"\b(?:you|your)\b|^\W*(?:subscribe|sign up|donate|support|join|become|register|help us)\b",
    re.IGNORECASE,
)
_JOURNALISM = re.compile(r"\bjournalis(?:m|ts?)\b", re.IGNORECASE)

_BUTTON_CORE = frozenset(
    {
        "print", "share", "email", "e-mail", "mail", "tweet", "facebook", "twitter", "linkedin",
        "whatsapp", "reddit", "pinterest", "telegram", "bookmark", "flipboard", "messenger",
    }
)  # fmt: skip
_BUTTON_OTHER = frozenset(
    {"this", "article", "story", "page", "post", "on", "via", "copy", "link", "save", "comment", "comments",
     "send", "x"}
)  # fmt: skip
_BUTTON_SEPARATORS = re.compile(r"^[\s|/·•,:()\[\]\d-]*$")

# Section paths: "INTERNATIONAL > East Asia & Pacific", "National / Politics".
_CRUMB_SEPARATOR = re.compile(r"\s*[>»›]\s*|\s+[/|]\s+")
_CRUMB_CONNECTORS = frozenset({"&", "and", "of", "the", "+"})

_SEE_ALSO = (
    r"read more|read also|also read|more to read|see also|more on this(?: story)?|more from \w+|related"
    r"|related (?:stories|articles|coverage|content|links|topics|news)|recommended|editor'?s picks"
    r"|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular(?: now| stories)?"
    r"|top stories|more stories|you may also like|you might also like"
)
# "Read more: ...", "Related: ...", or the phrase alone as a heading.
_SEE_ALSO_LINE = re.compile(
    rf"^\W*(?:{_SEE_ALSO})\s*(?:[:»›>|—–]|-\s|$)",
    re.IGNORECASE,
)

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_SITE_OR_READER = re.compile(r"\b(?:we|our|you|your)\b|\bthis (?:web)?site\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:use|uses|using|accept\w*|consent\w*|agree\w*|policy|settings|preferences|brows\w*)\b",
    re.IGNORECASE,
)

_COPYRIGHT_START = re.compile(r"^\W*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b))", re.I)
_ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.IGNORECASE)


def _is_appeal(line: _Line) -> bool:
    """A subscription, newsletter or donation appeal addressed to the reader."""
    if line.reported:
        return False
    if _APPEAL_PHRASE.search(line.text):
        return True
    return bool(_APPEAL_WORD.search(line.text) and _TO_READER.search(line.text))


def _is_buttons(line: _Line) -> bool:
    """Share, print and e-mail buttons: nothing but button words ("print PRINT", "Tweet")."""
    words = [w.lower() for w in line.words if not w.isdigit()]
    if not words or len(words) > 8:
        return False
    if not _BUTTON_SEPARATORS.match(_WORD.sub("", line.text)):
        return False
    return any(w in _BUTTON_CORE for w in words) and all(
        w in _BUTTON_CORE or w in _BUTTON_OTHER for w in words
    )


def _is_breadcrumb(line: _Line) -> bool:
    """A section path: short capitalized section names joined by >, », / or |."""
    stripped = line.text.strip()
    if line.ends_sentence or len(line.words) > 10:
        return False
    segments = _CRUMB_SEPARATOR.split(stripped)
    if len(segments) < 2:
        return False
    for segment in segments:
        tokens = segment.split()
        if not 1 <= len(tokens) <= 4:
            return False
        for token in tokens:
            if token.lower() in _CRUMB_CONNECTORS:
                continue
            if not token[0].isupper():
                return False
    return True


def _is_see_also(line: _Line) -> bool:
    """A "Read more:" or "Related:" line, or a heading of a list of links ("Trending")."""
    return bool(_SEE_ALSO_LINE.match(line.text))


def _is_cookie_notice(line: _Line) -> bool:
    """A notice that the site uses cookies."""
    return (
        not line.reported
        and bool(_COOKIE.search(line.text))
        and bool(_SITE_OR_READER.search(line.text))
        and bool(_CONSENT.search(line.text))
    )


def _is_copyright(line: _Line) -> bool:
    """A copyright line: "© 2024 Example News", "Copyright 2024 ...", "All rights reserved"."""
    if line.reported or len(line.words) > 25:
        return False
    return bool(_COPYRIGHT_START.match(line.text) or _ALL_RIGHTS.search(line.text))


_LINE_RULES = (_is_appeal, _is_buttons, _is_breadcrumb, _is_see_also, _is_cookie_notice, _is_copyright)


# -- rules for runs of lines ---------------------------------------------------------


def _paragraphs(lines: list[_Line]) -> list[list[int]]:
    """Indexes of the lines of each paragraph (lines between blank lines)."""
    paragraphs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        paragraphs.append(current)
    return paragraphs


def _appeal_companions(lines: list[_Line], appeals: set[int]) -> set[int]:
    """Lines about journalism in the same paragraph as an appeal ("quality journalism matters")."""
    found = set()
    for paragraph in _paragraphs(lines):
        if not appeals.intersection(paragraph):
            continue
        for i in paragraph:
            if i not in appeals and not lines[i].reported and _JOURNALISM.search(lines[i].text):
                found.add(i)
    return found


def _is_link_bullet(line: _Line) -> bool:
    """A short bullet line that names a link, not a sentence: "  • Trending Europe"."""
    match = _BULLET.match(line.text)
    if not match:
        return False
    rest = _Line(line.start, line.end, line.text[match.end() :])
    words = rest.words
    first = words[0][0] if words else ""
    return len(words) <= 6 and not rest.ends_sentence and (first.isupper() or first.isdigit())


def _trailing_link_list(lines: list[_Line], dropped: set[int]) -> set[int]:
    """A run of two or more short bullet lines that ends the text (after other boilerplate).

    A run introduced by a line ending in a colon ("The measures include:") is a
    list of the story, not of links, and stays.
    """
    run: set[int] = set()
    i = len(lines) - 1
    while i >= 0 and (lines[i].blank or (i in dropped)):
        i -= 1
    while i >= 0 and (lines[i].blank or _is_link_bullet(lines[i])):
        if not lines[i].blank:
            run.add(i)
        i -= 1
    if len(run) < 2 or (i >= 0 and i not in dropped and lines[i].text.rstrip().endswith(":")):
        return set()
    return run


# -- public API ----------------------------------------------------------------------


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges ``(start, end)`` of the lines of ``text`` that are page boilerplate.

    Each range covers one line without its newline; ranges are sorted and do not
    overlap. The rules, each on one line unless said otherwise:

    - appeal: a subscription, newsletter or donation appeal ("Subscribe now",
      "By subscribing, you can help us...", "Support quality journalism"), and
      the lines about journalism in the same paragraph as one;
    - buttons: nothing but share/print/e-mail button words ("print PRINT", "Tweet");
    - breadcrumb: short capitalized section names joined by >, », / or |;
    - see also: "Read more:", "Related:", or a heading such as "Trending";
    - cookie notice: cookies, the site or the reader, and consent or use;
    - copyright: "© ...", "Copyright 2024 ...", "All rights reserved";
    - link list: a run of two or more short bullet lines that ends the text.

    A line that quotes someone or says who said or told something is never an
    appeal, cookie notice or copyright line.
    """
    lines = _split_lines(text)
    dropped: set[int] = set()
    appeals: set[int] = set()
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if _is_appeal(line):
            appeals.add(i)
        if any(rule(line) for rule in _LINE_RULES):
            dropped.add(i)
    dropped |= _appeal_companions(lines, appeals)
    dropped |= _trailing_link_list(lines, dropped)
    return tuple((lines[i].start, lines[i].end) for i in sorted(dropped))


def clean_text(text: str, dropped: Iterable[tuple[int, int]]) -> str:
    """``text`` with the ``dropped`` ranges blanked out, keeping its length.

    Newlines stay newlines; every other dropped character becomes a space, so an
    offset into the result is the same offset into ``text``.

    Raises :class:`~graph.errors.InputError` when a range does not fit ``text``.
    """
    chars = list(text)
    for start, end in dropped:
        if not 0 <= start <= end <= len(text):
            raise InputError(f"dropped range ({start}, {end}) does not fit a text of {len(text)} characters")
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
