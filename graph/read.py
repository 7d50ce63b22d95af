"""Read articles from `.txt` and `.jsonl` files and folders into :class:`Article` records.

Reading never stops at a bad file: every file, line or article that cannot be
read becomes a :class:`Problem` naming the file (and line), and that one item
is left out; everything else is read. :class:`~graph.errors.InputError` is
raised only for a programming mistake, such as passing one path where an
iterable of paths is expected.

Formats
-------
``.txt``
    One article; its id is the file stem. The file may start with a date
    header, ``date YYYY-MM-DD``, possibly after leading whitespace and possibly
    on the same line as the first sentence (``" date 2019-05-30 The ministers
    met..."``). The header gives the article's date, with
    :attr:`DateOrigin.GIVEN`, and is not part of the text: ``Article.text`` is
    what follows the header and the whitespace after it, so every character
    offset refers to the text without the header. A file without a header is
    taken as it is.
``.jsonl``
    One article per line, a JSON object with ``text`` and optional ``id``,
    ``date`` (``YYYY-MM-DD`` or an ISO datetime, of which the date is taken as
    written), ``url``, ``title`` and ``source``. An article without an id gets
    one from its text (``<file stem>-<12 hex digits of the text's SHA-256>``),
    never from its position, so a feed read again each day keeps its ids.
    Blank lines are skipped.

In both, the text is decoded as UTF-8 (a byte order mark is dropped) and line
ends are normalized to ``\\n``. A lone surrogate (``"\\ud800"`` in JSON, a
cut-off emoji) in any field is replaced by U+FFFD, with a warning. A bad
``date``, ``url``, ``title``, ``source`` or ``id`` costs that field, with a
warning (a bad id is replaced by the id from the text), not the article; so
does a date header that is not ISO (``date 2019-5-3`` is read as 2019-05-03,
with a warning). A date at the calendar's edge (year 1 or 9999) is kept, with
a warning: relative dates that would fall outside the calendar stay words.
``Article.dropped`` holds the boilerplate ranges found by
:func:`graph.boilerplate.find_boilerplate`; an article whose text is nothing
but boilerplate is a problem ("no article text").

Folders are walked recursively in sorted order, taking ``*.txt`` and
``*.jsonl`` files and skipping hidden files and folders (names starting with a
dot); a folder that cannot be read is a problem. A file reached twice (named
and inside a named folder) is read once.
Article ids are unique across everything read: a later article with an id
already seen is a problem.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "berg.txt").write_text("date 2021-03-05 Anna Berg met Ivo Marek.", encoding="utf-8")
>>> _ = (folder / "feed.jsonl").write_text('{"id": "x1", "text": "Talks ended."}\\nnot json\\n', encoding="utf-8")
>>> result = read_articles([folder])
>>> [(a.id, a.date, a.text) for a in result.articles]
[('berg', datetime.date(2021, 3, 5), 'Anna Berg met Ivo Marek.'), ('x1', None, 'Talks ended.')]
>>> [str(p).rsplit("/", 1)[-1] for p in result.problems]
['feed.jsonl:2: not valid JSON: Expecting value (column 1)']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph.boilerplate import clean_text, find_boilerplate
from graph.errors import InputError
from graph.records import Article, DateOrigin

SUFFIXES = (".txt", ".jsonl")

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d[\d./-]*\d)(?=\s|\Z)\s*", re.IGNORECASE)
_LOOSE_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SURROGATE = re.compile("[\ud800-\udfff]")
_METADATA_FIELDS = ("url", "title", "source")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read: the file, the line (1-based) when known, and why.

    A ``warning`` is about an item that was kept, less or changed in a part (a field dropped, a
    character replaced); otherwise the item was left out.
    """

    path: str
    line: int | None
    reason: str
    warning: bool = False

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.reason}"
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class ReadResult:
    """The articles read, in reading order, and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, list[str]] = field(default_factory=dict)  # resolved path -> ids of the articles read from it
    skipped: list[str] = field(default_factory=list)  # resolved paths not read (unchanged)
    origins: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # article id -> (path, line)

    def problem(self, article_id: str, reason: str, *, warning: bool = False) -> Problem:
        """A problem about an article read here, at its file and line."""
        path, line = self.origins.get(article_id, (article_id, None))
        return Problem(path, line, reason, warning)


class _Skip(Exception):
    """An item cannot be read; the message is the reason. Never leaves this module."""


def read_articles(
    paths: Iterable[str | Path], *, skip: Callable[[Path], list[str] | None] | None = None
) -> ReadResult:
    """Read the articles of ``paths``, any mix of files and folders.

    Returns every article that could be read and a :class:`Problem` for each
    file, line or article that could not: a path that does not exist, a file
    named explicitly that is neither ``.txt`` nor ``.jsonl``, an empty, binary
    or non-UTF-8 file, a ``.jsonl`` line that is not a JSON object, lacks a
    ``text`` or has a bad field, a date that does not parse, an article that is
    only boilerplate, and a duplicate article id.

    ``skip(path)`` may give the article ids of a file known to be unchanged
    (graph.pipeline checks its hash): that file is not read, and its ids still
    count for duplicates. ``ReadResult.files`` gives the ids read from each
    file (by resolved path), and ``ReadResult.skipped`` the files skipped.

    Raises :class:`~graph.errors.InputError` if ``paths`` is a single path or
    holds something that is not a path.
    """
    if isinstance(paths, (str, bytes, Path)):
        raise InputError("read_articles takes an iterable of paths, not a single path")
    result = ReadResult()
    seen_files: set[Path] = set()
    first_seen: dict[str, str] = {}  # article id -> "path" or "path:line" where it was first read
    for path in _files(paths, result.problems):
        key = path.resolve()
        if key in seen_files:
            continue
        seen_files.add(key)
        known = skip(path) if skip is not None else None
        if known is not None:
            result.skipped.append(str(key))
            for aid in known:
                first_seen.setdefault(aid, str(path))
            continue
        ids = result.files.setdefault(str(key), [])
        reader = _read_txt if path.suffix.lower() == ".txt" else _read_jsonl
        for item in reader(path):
            if isinstance(item, Problem):
                result.problems.append(item)
                continue
            article, line, warnings = item
            result.problems.extend(Problem(str(path), line, w, warning=True) for w in warnings)
            if article.id in first_seen:
                reason = f"duplicate article id {article.id!r} (first read from {first_seen[article.id]})"
                result.problems.append(Problem(str(path), line, reason))
                continue
            first_seen[article.id] = str(path) if line is None else f"{path}:{line}"
            result.origins[article.id] = (str(path), line)
            result.articles.append(article)
            ids.append(article.id)
    return result


# -- finding the files ---------------------------------------------------------------


def _files(paths: Iterable[str | Path], problems: list[Problem]) -> Iterator[Path]:
    """The files to read, in order; bad paths become problems."""
    for given in paths:
        if not isinstance(given, (str, Path)):
            raise InputError(f"expected a path (str or Path), got {type(given).__name__}: {given!r}")
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, problems)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                reason = f"unsupported file type {path.suffix!r}; expected one of: {', '.join(SUFFIXES)}"
                problems.append(Problem(str(path), None, reason))
        elif path.exists():
            problems.append(Problem(str(path), None, "not a regular file or folder"))
        else:
            problems.append(Problem(str(path), None, "no such file or folder"))


def _walk(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """The `.txt` and `.jsonl` files under ``folder``, recursively, in sorted order, hidden ones skipped;
    a folder that cannot be listed is a problem."""
    found = []

    def unreadable(error: OSError) -> None:
        problems.append(Problem(str(error.filename or folder), None, f"cannot read folder: {error.strerror or error}"))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(top) / name
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES and path.is_file():
                found.append(path.relative_to(folder))
    for relative in sorted(found):
        yield folder / relative


# -- decoding ------------------------------------------------------------------------


def _load(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _Skip(f"cannot read file: {error.strerror or error}") from error


def _decode(data: bytes) -> str:
    """UTF-8 text with line ends normalized; raises _Skip for binary or non-UTF-8 data."""
    if b"\x00" in data:
        raise _Skip("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Skip(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _with_boilerplate(article: Article) -> Article:
    """``article`` with its boilerplate ranges; raises _Skip if nothing else is left."""
    dropped = find_boilerplate(article.text)
    if not clean_text(article.text, dropped).strip():
        raise _Skip("no article text (only boilerplate)")
    return dataclasses.replace(article, dropped=dropped)


# -- .txt ----------------------------------------------------------------------------


Read = tuple[Article, int | None, list[str]]  # an article, its line, and warnings about it


def _read_txt(path: Path) -> Iterator[Problem | Read]:
    """One article from a `.txt` file, or one problem."""
    warnings: list[str] = []
    try:
        yield _txt_article(path, warnings), None, warnings
    except _Skip as skip:
        yield Problem(str(path), None, str(skip))


def _header_date(value: str, evidence: str, warnings: list[str]) -> dt.date | None:
    """The date of a `date ...` header: ISO, or Y-M-D with one-digit parts (said); else None (said)."""
    try:
        return _edge_checked(dt.date.fromisoformat(value), warnings)
    except ValueError:
        pass
    loose = _LOOSE_DAY.fullmatch(value)
    if loose:
        try:
            date = dt.date(*(int(g) for g in loose.groups()))
        except ValueError:
            pass
        else:
            warnings.append(f"date header {evidence!r} is not ISO (YYYY-MM-DD): read as {date.isoformat()}")
            return _edge_checked(date, warnings)
    warnings.append(f"date header {evidence!r} is not a date (YYYY-MM-DD): the article is read without it")
    return None


def _edge_checked(date: dt.date, warnings: list[str]) -> dt.date:
    if date.year <= 1 or date.year >= dt.MAXYEAR:
        warnings.append(
            f"date {date.isoformat()} is at the edge of the calendar: relative dates that fall outside it stay words"
        )
    return date


def _txt_article(path: Path, warnings: list[str]) -> Article:
    raw = _load(path)
    text = _decode(raw)
    if not text.strip():
        raise _Skip("empty file")
    date = None
    evidence = None
    header = _DATE_HEADER.match(text)
    if header:
        evidence = header.group(0).strip()
        date = _header_date(header.group(1), evidence, warnings)
        text = text[header.end() :]
        if date is None:
            evidence = None
    article = Article(
        id=path.stem,
        text=text,
        date=date,
        date_origin=DateOrigin.UNKNOWN if date is None else DateOrigin.GIVEN,
        date_evidence=evidence,
        path=str(path),
    )
    return _with_boilerplate(article)


# -- .jsonl --------------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[Problem | Read]:
    """The articles of a `.jsonl` file, one per line, and a problem for each bad line."""
    try:
        raw = _load(path).removeprefix(b"\xef\xbb\xbf")
        if b"\x00" in raw:
            raise _Skip("binary file (contains NUL bytes)")
        if not raw.strip():
            raise _Skip("empty file")
    except _Skip as skip:
        yield Problem(str(path), None, str(skip))
        return
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        warnings: list[str] = []
        try:
            yield _jsonl_article(path, _decode(line), warnings), number, warnings
        except _Skip as skip:
            yield Problem(str(path), number, str(skip))


def _jsonl_article(path: Path, line: str, warnings: list[str]) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Skip(f"not valid JSON: {error.msg} (column {error.colno})") from error
    except RecursionError as error:
        raise _Skip("not valid JSON: nested too deeply") from error
    if not isinstance(record, dict):
        raise _Skip(f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise _Skip("no 'text' field")
    if not isinstance(text, str):
        raise _Skip(f"'text' must be a string, not {type(text).__name__}")
    text = _encodable(text, "text", warnings)
    if not text.strip():
        raise _Skip("empty 'text'")
    date, evidence = _jsonl_date(record.get("date"), warnings)
    metadata = {name: _optional_string(record, name, warnings) for name in _METADATA_FIELDS}
    if metadata["url"] is not None and not _is_url(metadata["url"]):
        warnings.append(f"'url' {metadata['url'][:80]!r} is not an http(s) URL: left out")
        metadata["url"] = None
    article = Article(
        id=_jsonl_id(record.get("id"), path, text, warnings),
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        date=date,
        date_origin=DateOrigin.UNKNOWN if date is None else DateOrigin.GIVEN,
        date_evidence=evidence,
        path=str(path),
        **metadata,
    )
    return _with_boilerplate(article)


def content_id(path: Path, text: str) -> str:
    """The id of an article given without one: the file's stem and 12 hex digits of the text's SHA-256.

    >>> content_id(Path("feed.jsonl"), "Talks ended.")
    'feed-3f0eacbdfb17'
    """
    return f"{path.stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _jsonl_id(value: Any, path: Path, text: str, warnings: list[str]) -> str:
    if value is None:
        return content_id(path, text)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return _encodable(value, "id", warnings)
    made = content_id(path, text)
    warnings.append(f"'id' must be a non-empty string, not {_short(value)}: the article gets the id {made!r}")
    return made


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _encodable(value: str, name: str, warnings: list[str]) -> str:
    """``value`` with lone surrogates (which no UTF-8 file can hold) replaced by U+FFFD, said in a warning."""
    found = _SURROGATE.search(value)
    if found is None:
        return value
    count = len(_SURROGATE.findall(value))
    first = found.group(0).encode("unicode_escape").decode()
    warnings.append(
        f"{name!r} has {count} lone surrogate{'s' if count > 1 else ''} (first {first} at character "
        f"{found.start()}), replaced by U+FFFD"
    )
    return _SURROGATE.sub("\ufffd", value)


def _is_url(value: str) -> bool:
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"[\s<>\"{}|\\^`]", value.strip())


def _jsonl_date(value: Any, warnings: list[str]) -> tuple[dt.date | None, str | None]:
    """The date of a `.jsonl` ``date`` field and the words it was read from; a bad one is dropped (said)."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        warnings.append(f"'date' must be an ISO date string, not {_short(value)}: the article is read without it")
        return None, None
    try:
        return _edge_checked(_iso_date(value), warnings), _encodable(value, "date", warnings)
    except _Skip as bad:
        warnings.append(f"{bad}: the article is read without it")
        return None, None


def _iso_date(value: str) -> dt.date:
    """The date of an ISO date (``2019-05-30``) or datetime (``2019-05-30T23:30:00Z``).

    The date of a datetime is taken as written, without converting time zones.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except (ValueError, OverflowError) as error:
        raise _Skip(f"'date' is not an ISO date: {_short(value)}") from error


def _optional_string(record: dict[str, Any], name: str, warnings: list[str]) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        return _encodable(value, name, warnings) if value.strip() else None
    warnings.append(f"{name!r} must be a string, not {type(value).__name__}: left out")
    return None
