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
    ``<file stem>-<line number>``. Blank lines are skipped.

In both, the text is decoded as UTF-8 (a byte order mark is dropped) and line
ends are normalized to ``\\n``. ``Article.dropped`` holds the boilerplate ranges
found by :func:`graph.boilerplate.find_boilerplate`; an article whose text is
nothing but boilerplate is a problem ("no article text").

Folders are walked recursively in sorted order, taking ``*.txt`` and
``*.jsonl`` files and skipping hidden files and folders (names starting with a
dot). A file reached twice (named and inside a named folder) is read once.
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
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.boilerplate import clean_text, find_boilerplate
from graph.errors import InputError
from graph.records import Article, DateOrigin

SUFFIXES = (".txt", ".jsonl")

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*", re.IGNORECASE)
_METADATA_FIELDS = ("url", "title", "source")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read: the file, the line (1-based) when known, and why."""

    path: str
    line: int | None
    reason: str

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
            article, line = item
            if article.id in first_seen:
                reason = f"duplicate article id {article.id!r} (first read from {first_seen[article.id]})"
                result.problems.append(Problem(str(path), line, reason))
                continue
            first_seen[article.id] = str(path) if line is None else f"{path}:{line}"
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
            yield from _walk(path)
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


def _walk(folder: Path) -> Iterator[Path]:
    """The `.txt` and `.jsonl` files under ``folder``, recursively, in sorted order, hidden ones skipped."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUFFIXES and path.is_file():
            found.append(relative)
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


def _read_txt(path: Path) -> Iterator[Problem | tuple[Article, int | None]]:
    """One article from a `.txt` file, or one problem."""
    try:
        yield _txt_article(path), None
    except _Skip as skip:
        yield Problem(str(path), None, str(skip))


def _txt_article(path: Path) -> Article:
    raw = _load(path)
    text = _decode(raw)
    if not text.strip():
        raise _Skip("empty file")
    date = None
    evidence = None
    header = _DATE_HEADER.match(text)
    if header:
        evidence = header.group(0).strip()
        try:
            date = dt.date.fromisoformat(header.group(1))
        except ValueError as error:
            raise _Skip(f"bad date in header {evidence!r}: {error}") from error
        text = text[header.end() :]
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


def _read_jsonl(path: Path) -> Iterator[Problem | tuple[Article, int | None]]:
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
        try:
            yield _jsonl_article(path, number, _decode(line)), number
        except _Skip as skip:
            yield Problem(str(path), number, str(skip))


def _jsonl_article(path: Path, number: int, line: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Skip(f"not valid JSON: {error.msg} (column {error.colno})") from error
    if not isinstance(record, dict):
        raise _Skip(f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise _Skip("no 'text' field")
    if not isinstance(text, str):
        raise _Skip(f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise _Skip("empty 'text'")
    date, evidence = _jsonl_date(record.get("date"))
    metadata = {name: _optional_string(record, name) for name in _METADATA_FIELDS}
    article = Article(
        id=_jsonl_id(record.get("id"), path, number),
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        date=date,
        date_origin=DateOrigin.UNKNOWN if date is None else DateOrigin.GIVEN,
        date_evidence=evidence,
        path=str(path),
        **metadata,
    )
    return _with_boilerplate(article)


def _jsonl_id(value: Any, path: Path, number: int) -> str:
    if value is None:
        return f"{path.stem}-{number}"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise _Skip(f"'id' must be a non-empty string, not {value!r}")
    return value


def _jsonl_date(value: Any) -> tuple[dt.date | None, str | None]:
    """The date of a `.jsonl` ``date`` field and the words it was read from."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        raise _Skip(f"'date' must be an ISO date string, not {value!r}")
    return _iso_date(value), value


def _iso_date(value: str) -> dt.date:
    """The date of an ISO date (``2019-05-30``) or datetime (``2019-05-30T23:30:00Z``).

    The date of a datetime is taken as written, without converting time zones.
    """
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError as error:
        raise _Skip(f"'date' is not an ISO date: {value!r}") from error


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise _Skip(f"{name!r} must be a string, not {type(value).__name__}")
