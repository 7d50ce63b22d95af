"""The graph's files read the same in rdflib, in pyoxigraph (strictly), in the Oxigraph
server and, where installed, in Raptor's ``rapper``; queries answer the same everywhere.

The helpers (``assert_…``) take any TriG/Turtle pair, so the real build's
``out/graph.trig`` and ``out/graph.ttl`` can go through them as mini.trig does.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import oxigraph_server as server_plugin
import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from sparql_compare import ENGINES, load_trig, rows_everywhere, write_union_turtle

from graph.client import endpoint_urls, push_graphs

# The fixture of the plugin module, named here until tests/conftest.py registers the plugin.
oxigraph_server = server_plugin.oxigraph_server

KG = "https://w3id.org/newskg/vocab#"
ID = "https://w3id.org/newskg/id/"
PREFIXES = """
PREFIX kg:   <https://w3id.org/newskg/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture
def mini_trig(data_dir: Path) -> Path:
    return data_dir / "mini.trig"


@pytest.fixture
def mini_turtle(mini_trig: Path, tmp_path: Path) -> Path:
    """mini.trig's graphs merged into one Turtle file, as ``kg build`` writes graph.ttl."""
    return write_union_turtle(mini_trig, tmp_path / "mini.ttl")


# ---------------------------------------------------------------- helpers


def strict_quads(path: Path, rdf_format: pyoxigraph.RdfFormat) -> set[pyoxigraph.Quad]:
    """The quads of a file, read by pyoxigraph's strict (not lenient) parser."""
    return set(pyoxigraph.parse(path=str(path), format=rdf_format, lenient=False))


def rdflib_quads(dataset: Dataset) -> set[pyoxigraph.Quad]:
    """The quads of an rdflib Dataset as pyoxigraph quads, through N-Quads."""
    text = dataset.serialize(format="nquads", encoding="utf-8")
    return {
        pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, quad.graph_name)
        for quad in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS)
    }


def assert_trig_reads_the_same_in_rdflib_and_pyoxigraph(trig_path: Path) -> set[pyoxigraph.Quad]:
    quads = strict_quads(trig_path, pyoxigraph.RdfFormat.TRIG)
    assert quads, f"{trig_path} has no quads"
    assert rdflib_quads(load_trig(trig_path)) == quads
    return quads


def assert_turtle_is_the_union_of_the_trig(turtle_path: Path, trig_path: Path) -> None:
    triples = strict_quads(turtle_path, pyoxigraph.RdfFormat.TURTLE)
    union = {
        pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, pyoxigraph.DefaultGraph())
        for quad in strict_quads(trig_path, pyoxigraph.RdfFormat.TRIG)
    }
    assert triples == union
    parsed = Graph()
    parsed.parse(source=str(turtle_path), format="turtle")
    assert len(parsed) == len(union)


def assert_server_holds_what_was_pushed(trig_path: Path, server_url: str) -> None:
    expected = strict_quads(trig_path, pyoxigraph.RdfFormat.TRIG)
    report = push_graphs(load_trig(trig_path), server_url)
    assert len(report.graphs) == len({quad.graph_name for quad in expected})
    dump = httpx.get(endpoint_urls(server_url).store, headers={"Accept": "application/n-quads"})
    dump.raise_for_status()
    assert set(pyoxigraph.parse(dump.content, format=pyoxigraph.RdfFormat.N_QUADS)) == expected


def rapper_statements(path: Path, syntax: str) -> list[str]:
    """The statements Raptor's ``rapper`` reads from a file (Debian package raptor2-utils)."""
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper is not on PATH: apt-get install raptor2-utils")
    done = subprocess.run(
        [rapper, "--quiet", "--input", syntax, "--output", "nquads", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    return [line for line in done.stdout.splitlines() if line.strip()]


def assert_rapper_reads_the_same(path: Path, syntax: str, rdf_format: pyoxigraph.RdfFormat) -> None:
    read = pyoxigraph.parse("\n".join(rapper_statements(path, syntax)), format=pyoxigraph.RdfFormat.N_QUADS)
    assert set(read) == strict_quads(path, rdf_format)


def assert_same_rows_everywhere(
    query: str, trig_path: Path, turtle_path: Path, server_url: str
) -> set[tuple[str | None, ...]]:
    answers = rows_everywhere(query, trig_path, turtle_path, server_url)
    assert set(answers) == set(ENGINES)
    first, *others = answers.values()
    for engine, rows in answers.items():
        assert rows == first, f"{engine} answers differently: {sorted(map(str, rows ^ first))}"
    assert others
    return first


# ---------------------------------------------------------------- mini.trig


def test_mini_trig_reads_the_same_in_rdflib_and_strict_pyoxigraph(mini_trig: Path) -> None:
    quads = assert_trig_reads_the_same_in_rdflib_and_pyoxigraph(mini_trig)
    assert len(quads) == 140
    assert len({quad.graph_name for quad in quads}) == 3


def test_strict_pyoxigraph_rejects_what_rdflib_only_warns_about(tmp_path: Path) -> None:
    broken = tmp_path / "broken.trig"
    broken.write_text(f"<{ID}graph/x> {{ <{ID}person/a b> a <{KG}Person> . }}\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        strict_quads(broken, pyoxigraph.RdfFormat.TRIG)


def test_merged_turtle_of_mini_is_the_union_of_its_graphs(mini_turtle: Path, mini_trig: Path) -> None:
    assert_turtle_is_the_union_of_the_trig(mini_turtle, mini_trig)
    assert len(strict_quads(mini_turtle, pyoxigraph.RdfFormat.TURTLE)) == 134


@pytest.mark.server
def test_mini_trig_loads_into_the_server_through_the_graph_store(
    mini_trig: Path, oxigraph_server: str
) -> None:
    assert_server_holds_what_was_pushed(mini_trig, oxigraph_server)


def test_rapper_reads_mini_trig_and_its_turtle_as_we_do(mini_trig: Path, mini_turtle: Path) -> None:
    assert_rapper_reads_the_same(mini_trig, "trig", pyoxigraph.RdfFormat.TRIG)
    assert_rapper_reads_the_same(mini_turtle, "turtle", pyoxigraph.RdfFormat.TURTLE)


@pytest.mark.server
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            PREFIXES + "SELECT ?kind (COUNT(DISTINCT ?event) AS ?events) "
            "WHERE { ?event a kg:Event ; kg:kind ?kind } GROUP BY ?kind",
            {(f"{KG}Meeting", "2"), (f"{KG}Statement", "1")},
            id="events-per-kind",
        ),
        pytest.param(
            PREFIXES + "SELECT ?a ?b WHERE { ?a kg:met ?b . ?a rdfs:label ?name } ORDER BY ?name",
            {
                (f"{ID}entity/anna-berg", f"{ID}entity/pierre-dubois"),
                (f"{ID}entity/pierre-dubois", f"{ID}entity/anna-berg"),
            },
            id="who-met-whom",
        ),
        pytest.param(
            PREFIXES
            + """SELECT ?event ?date ?text WHERE {
                ?event a kg:Event ; kg:report/kg:evidence ?evidence . OPTIONAL { ?event kg:date ?date }
                ?evidence kg:sentence/kg:inArticle ?article . ?article kg:articleId ?text
            }""",
            {
                (f"{ID}event/meeting/aaaaaaaaaaaa", "2021-03-05", "a1"),
                (f"{ID}event/meeting/aaaaaaaaaaaa", "2021-03-05", "a2"),
            },
            id="events-with-their-articles",
        ),
    ],
)
def test_queries_answer_the_same_everywhere(
    query: str,
    expected: set[tuple[str, ...]],
    mini_trig: Path,
    mini_turtle: Path,
    oxigraph_server: str,
) -> None:
    assert assert_same_rows_everywhere(query, mini_trig, mini_turtle, oxigraph_server) == expected


@pytest.mark.server
def test_union_default_graph_counts_a_triple_once_per_graph_in_oxigraph(
    mini_trig: Path, mini_turtle: Path, oxigraph_server: str
) -> None:
    """Oxigraph's union default graph is a bag of the graphs' triples; rdflib's is a set.

    "Anna Berg" is the label of one node in both articles' graphs: plain COUNT(*)
    gives 2 on Oxigraph and 1 in the merged Turtle. Queries meant to answer the
    same everywhere count DISTINCT.
    """
    count = PREFIXES + 'SELECT (COUNT(*) AS ?n) WHERE { ?who rdfs:label "Anna Berg" }'
    answers = rows_everywhere(count, mini_trig, mini_turtle, oxigraph_server)
    assert answers == {"oxigraph-store": {("2",)}, "rdflib": {("1",)}, "server": {("2",)}}
    distinct = count.replace("COUNT(*)", "COUNT(DISTINCT ?who)")
    assert assert_same_rows_everywhere(distinct, mini_trig, mini_turtle, oxigraph_server) == {("1",)}
