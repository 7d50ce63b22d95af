"""SPARQL over the store (Oxigraph's engine) or a remote endpoint, and result formatting.

Queries live in `.rq` files; values go in through bindings, never by pasting
text into the query: Oxigraph substitutes them (`substitutions`), a remote
endpoint gets them as a VALUES block (graph.bindings, graph.client.select).

Every shipped query ends with a default ``LIMIT``; :func:`with_page` sets
another limit and an offset (integers only) for paging. :func:`run_query_timed`
runs a query in a child process and stops it after ``timeout`` seconds, or
when the child's resident memory passes ``max_memory`` megabytes (default:
half the machine's), so a query that runs away cannot hold the machine;
Ctrl-C stops it too.

A query that calls another endpoint (``SERVICE <...>``) would make the local
store send requests out; :func:`check_service` refuses it unless allowed:

>>> check_service('SELECT * WHERE { ?s ?p "SERVICE" }  # SERVICE in a comment')
>>> check_service("SELECT * WHERE { SERVICE <http://x.example> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.errors.QueryError: The query calls another endpoint (SERVICE <http://x.example>): refused without --allow-service
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.bindings import bind_inline, projection
from graph.bindings import substitutions as bound_substitutions
from graph.errors import QueryError
from graph.model.namespaces import PREFIXES
from graph.store import Store

QUERY_DIRS = (Path("queries"),)
DEFAULT_TIMEOUT = 60.0  # seconds
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_QUOTED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"'
                     r"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])\s*(?:SILENT\s*)?(<[^>\s]*>|\S+)?", re.IGNORECASE)
_PAGE = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+(?:\s+(?:LIMIT|OFFSET)\s+\d+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a SELECT (or ASK): its variables, and each row's values as text; ``terms`` holds
    the same values as pyoxigraph terms (with their datatypes), which :meth:`to_dataframe` types by."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]  # each value as text (IRI, or literal's lexical form)
    terms: tuple[tuple[object | None, ...], ...] | None = field(default=None, compare=False, repr=False)

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def to_dataframe(self):  # noqa: ANN201 - pandas.DataFrame; pandas is optional
        """A pandas DataFrame with one typed column per variable (dates as dates; see graph.frames)."""
        from graph.frames import to_dataframe

        return to_dataframe(self)


def default_max_memory() -> int:
    """Half the machine's memory, in megabytes: the default bound on a local query's memory."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2 // 2**20
    except (ValueError, OSError):
        return 4096


def check_service(query: str) -> None:
    """QueryError if the query calls another endpoint (SERVICE), outside strings, IRIs' text and comments."""
    bare = _QUOTED.sub(lambda m: " " if m.group(0).startswith("#") else '""', query)
    found = _SERVICE.search(bare)
    if found:
        target = f" {found.group(1)}" if found.group(1) else ""
        raise QueryError(
            f"The query calls another endpoint (SERVICE{target}): refused without --allow-service"
        )


def load_query(name_or_path: str | Path) -> str:
    """The text of a query file, by path or by name in ./queries ('meetings' -> queries/meetings.rq)."""
    path = Path(name_or_path)
    candidates = [path] + [d / (path.name if path.suffix == ".rq" else f"{path.name}.rq") for d in QUERY_DIRS]
    for candidate in candidates:
        if candidate.is_file():
            try:
                return candidate.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise QueryError(f"{candidate}: not a SPARQL query (not UTF-8 text: byte {exc.start})") from None
            except OSError as exc:
                raise QueryError(f"{candidate}: cannot read it: {exc.strerror or exc}") from None
    available = sorted(p.stem for d in QUERY_DIRS if d.is_dir() for p in d.glob("*.rq"))
    raise QueryError(f"No query file {str(name_or_path)!r}. Available in ./queries: {', '.join(available) or 'none'}")


def parse_binding(text: str) -> tuple[str, Node]:
    """'name=Macron' -> ('name', Literal('Macron')); 'e=<https://...>' -> an IRI."""
    if "=" not in text:
        raise QueryError(f"A binding is NAME=VALUE, not {text!r}")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    return name, Literal(value)


def _text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


def with_page(query: str, limit: int | None = None, offset: int | None = None) -> str:
    r"""The query with its page set: the first ``LIMIT n`` (and its ``OFFSET``) takes these values.

    A query's first LIMIT is its page. The shipped queries pick the page in a
    subquery (ordered by a key that is cheap to compare) and read only those
    rows in full; a later LIMIT there only bounds the rows the page gives.

    >>> print(with_page("SELECT * WHERE { ?s ?p ?o }\nLIMIT 100", 10, 20))
    SELECT * WHERE { ?s ?p ?o }
    LIMIT 10 OFFSET 20
    >>> print(with_page("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100 } }\nLIMIT 1000", 5))
    SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 5 } }
    LIMIT 1000
    """
    if limit is None and offset is None:
        return query
    if (limit is not None and limit < 0) or (offset is not None and offset < 0):
        raise QueryError("LIMIT and OFFSET are 0 or more")
    found = _PAGE.search(query)
    if found is None:
        return query.rstrip() + (f"\nLIMIT {int(limit)}" if limit is not None else "") + (
            f"\nOFFSET {int(offset)}" if offset else "")
    own_limit = re.search(r"LIMIT\s+(\d+)", found.group(0), re.IGNORECASE)
    own_offset = re.search(r"OFFSET\s+(\d+)", found.group(0), re.IGNORECASE)
    limit = int(limit) if limit is not None else (int(own_limit.group(1)) if own_limit else None)
    offset = int(offset) if offset is not None else (int(own_offset.group(1)) if own_offset else None)
    page = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
    return query[: found.start()] + page.strip() + query[found.end() :]


def run_query(store: Store, query: str, bindings: dict[str, Node] | None = None) -> QueryResult:
    """A SELECT (or ASK) query on the store; the default graph is the union of all graphs."""
    substitutions = None
    if bindings:
        projected = projection(query)
        if projected is not None and all(str(k).lstrip("?$") in projected for k in bindings):
            substitutions = bound_substitutions(query, bindings)  # bound before evaluation
        else:
            query = bind_inline(query, bindings)
    try:
        result = store.ox.query(query, use_default_graph_as_union=True, substitutions=substitutions)
    except SyntaxError as exc:
        raise QueryError(f"The query does not parse: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"The query failed: {exc}") from exc
    if isinstance(result, (bool, ox.QueryBoolean)):
        answer = str(bool(result)).lower()
        return QueryResult(("ask",), ((answer,),), ((ox.Literal(answer, datatype=ox.NamedNode(_BOOLEAN)),),))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("Only SELECT and ASK queries print as tables; CONSTRUCT them with pyoxigraph instead")
    variables = tuple(v.value for v in result.variables)
    terms = tuple(tuple(sol[v] for v in variables) for sol in result)
    return QueryResult(variables, tuple(tuple(_text(t) for t in row) for row in terms), terms)


def _child(path: str, query: str, bindings: dict[str, Node] | None, conn) -> None:  # noqa: ANN001
    try:
        with Store.reader(path) as store:
            conn.send(("ok", run_query(store, query, bindings)))
    except Exception as exc:  # sent to the parent, which raises it  # noqa: BLE001
        conn.send(("error", exc))
    finally:
        conn.close()


def _resident_mb(pid: int) -> float:
    """The resident memory of a process, in megabytes (0 where /proc does not say)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def run_query_timed(
    path: str | Path,
    query: str,
    bindings: dict[str, Node] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """``run_query`` on the store at ``path`` in a child process, stopped after ``timeout`` seconds or
    when it holds more than ``max_memory`` MB (None: :func:`default_max_memory`). ``SERVICE`` calls
    are refused unless ``allow_service``."""
    if not allow_service:
        check_service(query)
    limit = max_memory if max_memory is not None else default_max_memory()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(str(path), query, bindings, send), daemon=True)
    child.start()
    send.close()
    try:
        deadline = time.monotonic() + timeout
        while not receive.poll(min(0.1, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                raise QueryError(
                    f"The query ran for more than {timeout:g} s and was stopped. Give it a smaller --limit, "
                    "bind a variable with --bind, or allow more time with --timeout SECONDS"
                )
            if _resident_mb(child.pid) > limit:
                raise QueryError(
                    f"The query took more than {limit:,} MB of memory and was stopped. Give it a smaller "
                    "--limit, bind a variable with --bind, or allow more with --max-memory MB"
                )
            if not child.is_alive() and not receive.poll(0):
                break
        try:
            status, value = receive.recv()
        except EOFError:
            raise QueryError(f"The query process ended without an answer (exit code {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if status == "error":
        raise value
    return value


def run_remote(
    endpoint: str, query: str, bindings: dict[str, Node] | None = None, *, timeout: float | None = DEFAULT_TIMEOUT
) -> QueryResult:
    """The same query on a SPARQL 1.1 endpoint (graph.client.select), its whole answer read within
    ``timeout`` seconds."""
    from graph.client import select

    solutions = select(endpoint, query, bindings, timeout=timeout)
    rows = tuple(tuple(_text(term) for term in row) for row in solutions.rows)
    return QueryResult(solutions.variables, rows, solutions.rows)


def shorten(value: str | None) -> str:
    """IRIs with the graph's prefixes, for reading in a terminal."""
    if value is None:
        return ""
    for prefix, iri in PREFIXES.items():
        if value.startswith(iri) and len(value) > len(iri):
            return f"{prefix}:{value[len(iri) :]}"
    return value


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render as an aligned table, CSV, or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps(result.as_dicts(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"Unknown format {fmt!r}. Available: csv, json, table")
    cells = [list(result.variables)] + [[shorten(v) for v in row] for row in result.rows]
    widths = [min(60, max(len(r[i]) for r in cells)) for i in range(len(result.variables))]

    def line(row: list[str]) -> str:
        return "  ".join(
            (c if len(c) <= w else c[: w - 1] + "\u2026").ljust(w) for c, w in zip(row, widths, strict=True)
        )

    out = [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(s.rstrip() for s in out)
