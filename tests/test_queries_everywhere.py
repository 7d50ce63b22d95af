"""Every query in queries/ gives the same rows from the embedded store, from
rdflib over graph.ttl, and from a real Oxigraph server loaded over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from graph.bindings import bind_values
from tests.sparql_compare import normal, projection, rows_everywhere

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
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
