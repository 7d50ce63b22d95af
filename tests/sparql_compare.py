"""Run one SPARQL query three ways and compare the answers.

:func:`rows_everywhere` answers a query over

- ``"oxigraph-store"``: an rdflib :class:`Dataset` backed by Oxigraph
  (oxrdflib), loaded from the TriG file, with the union of its graphs as
  default graph, which is how the local store is queried;
- ``"rdflib"``: plain rdflib (its own SPARQL engine) over the merged Turtle
  file;
- ``"server"``: a running Oxigraph server over HTTP, after loading the TriG
  file into it through the Graph Store Protocol (:func:`graph.client.push_graphs`)
  and querying with ``union-default-graph`` (:func:`graph.client.sparql_select`).

Each answer is a set of rows, each row a tuple of strings (the IRI, or the
lexical form of a literal; ``None`` where unbound), with the variables in the
order rdflib gives them (the projection's order; engines order ``SELECT *``
differently, so every engine's rows are put in rdflib's order by name). The
strings drop datatypes and languages, so ``1`` and ``"1"`` compare equal; and
blank node labels differ between engines, so queries meant for comparison
should not return blank nodes. Rows are sets: a query whose answer has
duplicate rows, or counts them (``COUNT(*)`` over the union default graph,
which Oxigraph makes a bag of the graphs' triples and rdflib a set), should be
compared with ``DISTINCT``.

Use it on a server of its own (the ``oxigraph_server`` fixture): the TriG file
is PUT graph by graph, and any other graph on the server would be queried too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph
from rdflib.query import Result
from rdflib.term import Identifier

from graph.client import push_graphs, sparql_select
from graph.model.namespaces import PREFIXES

Row = tuple[str | None, ...]

ENGINES = ("oxigraph-store", "rdflib", "server")

# Aggregated columns: GROUP_CONCAT's order is not defined by SPARQL, so compare their items as sets.
CONCATENATED = {"articles", "origins", "words", "participants"}


def projection(text: str) -> list[str]:
    """The names of a SELECT's columns, in order ('(... AS ?x)' gives x)."""
    head = text.split("SELECT", 1)[1].split("WHERE", 1)[0]
    out: list[str] = []
    pos = 0
    while pos < len(head):
        if head[pos] == "(":
            depth, end = 1, pos + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(head[end], 0)
                end += 1
            alias = re.search(r"AS\s+\?(\w+)\s*\)\s*$", head[pos:end])
            if alias:
                out.append(alias.group(1))
            pos = end
            continue
        m = re.match(r"\?(\w+)", head[pos:])
        if m:
            out.append(m.group(1))
            pos += m.end()
            continue
        pos += 1
    return out


def normal_rows(rows: Iterable[tuple], columns: Sequence[str]) -> list[tuple]:
    """The rows, sorted, each with the items of its GROUP_CONCAT columns (:data:`CONCATENATED`) sorted;
    duplicates are kept, so two answers compare as multisets."""
    out = []
    for row in rows:
        cells = []
        for name, cell in zip(columns, row, strict=True):
            if name in CONCATENATED and cell is not None:
                sep = " | " if " | " in cell else (", " if ", " in cell else " ")
                cell = sep.join(sorted(cell.split(sep)))
            cells.append(cell)
        out.append(tuple(cells))
    return sorted(out, key=lambda row: tuple((cell is not None, cell or "") for cell in row))


def normal(rows: Iterable[tuple], columns: Sequence[str]) -> set[tuple]:
    """:func:`normal_rows` as a set."""
    return set(normal_rows(rows, columns))


def _rows(variables: Sequence[str], solutions: Iterable[Mapping[str, Identifier | None]]) -> set[Row]:
    return {
        tuple(None if row.get(name) is None else str(row[name]) for name in variables) for row in solutions
    }


def _local_solutions(result: Result) -> tuple[list[str], list[dict[str, Identifier | None]]]:
    variables = [str(variable) for variable in result.vars or ()]
    solutions = []
    for row in result:
        values = row.asdict()  # type: ignore[union-attr]
        solutions.append({name: values.get(name) for name in variables})
    return variables, solutions


def load_trig(trig_path: Path, *, store: str = "default") -> Dataset:
    """The TriG file in an rdflib Dataset (``store="Oxigraph"`` for oxrdflib), default graph = union."""
    dataset = Dataset(store=store, default_union=True)
    dataset.parse(source=str(trig_path), format="trig")
    return dataset


def write_union_turtle(trig_path: Path, turtle_path: Path) -> Path:
    """Write the union of the TriG file's graphs as Turtle, through pyoxigraph (``kg build``'s graph.ttl)."""
    triples = {
        pyoxigraph.Triple(quad.subject, quad.predicate, quad.object)
        for quad in pyoxigraph.parse(path=str(trig_path), format=pyoxigraph.RdfFormat.TRIG)
    }
    pyoxigraph.serialize(
        sorted(triples, key=str),
        output=str(turtle_path),
        format=pyoxigraph.RdfFormat.TURTLE,
        prefixes=PREFIXES,
    )
    return turtle_path


def rows_everywhere(
    query_text: str, trig_path: Path, turtle_path: Path, server_url: str, *, load: bool = True
) -> dict[str, set[Row]]:
    """The rows of ``query_text`` from each engine of :data:`ENGINES`, keyed by engine name.

    With ``load`` (the default) the TriG file is first pushed to the server;
    pass ``load=False`` when the caller loaded it already.
    """
    on_oxigraph = load_trig(trig_path, store="Oxigraph")
    turtle = Graph()
    turtle.parse(source=str(turtle_path), format="turtle")
    if load:
        push_graphs(load_trig(trig_path), server_url, retries=0)
    variables, from_rdflib = _local_solutions(turtle.query(query_text))
    _, from_oxigraph = _local_solutions(on_oxigraph.query(query_text))
    from_server = sparql_select(server_url, query_text, retries=0, union_default_graph=True)
    return {
        "oxigraph-store": _rows(variables, from_oxigraph),
        "rdflib": _rows(variables, from_rdflib),
        "server": _rows(variables, from_server),
    }
