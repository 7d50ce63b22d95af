"""Every query in queries/ gives the same rows from the embedded store, from
rdflib over graph.ttl, and from a real Oxigraph server loaded over HTTP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal

from graph.bindings import bind_values
from tests.sparql_compare import rows_everywhere

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
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


def normal(rows: set[tuple], columns: list[str]) -> set[tuple]:
    out = set()
    for row in rows:
        cells = []
        for name, cell in zip(columns, row, strict=True):
            if name in CONCATENATED and cell is not None:
                sep = " | " if " | " in cell else (", " if ", " in cell else " ")
                cell = sep.join(sorted(cell.split(sep)))
            cells.append(cell)
        out.add(tuple(cells))
    return out


def test_projection_reads_aliases_in_order():
    text = "SELECT ?a (GROUP_CONCAT(DISTINCT ?x; separator=' ') AS ?xs) ?b WHERE { }"
    assert projection(text) == ["a", "xs", "b"]


@pytest.mark.server
@pytest.mark.slow
@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_query_answers_the_same_on_store_rdflib_and_server(query, seeds_build, oxigraph_server):
    text = query.read_text()
    if query.stem == "entity":
        text = bind_values(text, {"name": Literal("Lavrov")})
    answers = rows_everywhere(text, seeds_build / "graph.trig", seeds_build / "graph.ttl", oxigraph_server)
    columns = projection(text)
    store, from_rdflib, server = (normal(answers[k], columns) for k in ("oxigraph-store", "rdflib", "server"))
    assert store, f"{query.name} returned nothing"
    assert store == from_rdflib
    assert store == server
