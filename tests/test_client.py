"""graph.client: Graph Store Protocol pushes and SPARQL SELECTs, against the real Oxigraph server
(marker ``server``) and against httpx mock transports for the retry logic."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import oxigraph_server as server_plugin
import pyoxigraph
import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from graph.bindings import bind_values
from graph.client import (
    DEFAULT_GRAPH,
    EndpointURLs,
    endpoint_urls,
    push_graphs,
    sparql_select,
)
from graph.errors import EndpointError, InvalidIRIError, QueryError
from graph.model.namespaces import ID

# The fixture of the plugin module, named here until tests/conftest.py registers the plugin.
oxigraph_server = server_plugin.oxigraph_server
free_port = server_plugin.free_port

A1 = str(ID["graph/a1"])
A2 = str(ID["graph/a2"])

#: Triples per graph of tests/data/mini.trig (None: the default graph).
MINI_SIZES = {None: 19, A1: 91, A2: 30}

GRAPH_SIZES = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g
"""
DEFAULT_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABELLED = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?thing WHERE { ?thing rdfs:label ?name }
"""


@pytest.fixture
def mini(data_dir: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(source=str(data_dir / "mini.trig"), format="trig")
    return dataset


def sizes_on(server: str) -> dict[str | None, int]:
    """Triples per graph on the server, asked over HTTP (None: the default graph)."""
    sizes: dict[str | None, int] = {
        str(row["g"]): int(row["n"].toPython())  # type: ignore[union-attr]
        for row in sparql_select(server, GRAPH_SIZES, union_default_graph=False)
    }
    default = sparql_select(server, DEFAULT_SIZE, union_default_graph=False)
    sizes[None] = int(default[0]["n"].toPython())  # type: ignore[union-attr]
    return sizes


def dump_of(server: str) -> set[pyoxigraph.Quad]:
    """Every quad on the server, from a GET on the Graph Store."""
    response = httpx.get(endpoint_urls(server).store, headers={"Accept": "application/n-quads"})
    response.raise_for_status()
    return set(pyoxigraph.parse(response.content, format=pyoxigraph.RdfFormat.N_QUADS))


def mock_client(answers: list[int], seen: list[httpx.Request]) -> httpx.Client:
    """A client whose server answers the given statuses in turn (then 204), recording requests."""
    queue = list(answers)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status = queue.pop(0) if queue else 204
        return httpx.Response(status, text="" if status < 400 else f"trouble {status} " + "x" * 300)

    return httpx.Client(transport=httpx.MockTransport(handle))


# ---------------------------------------------------------------- endpoint URLs


@pytest.mark.parametrize(
    ("given", "base"),
    [
        ("http://127.0.0.1:7878", "http://127.0.0.1:7878"),
        ("http://127.0.0.1:7878/", "http://127.0.0.1:7878"),
        ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878"),
        ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878"),
        ("http://127.0.0.1:7878/sparql/", "http://127.0.0.1:7878"),
        ("https://example.org/kg", "https://example.org/kg"),
        ("https://example.org/kg/store", "https://example.org/kg"),
    ],
)
def test_endpoint_urls_derive_store_and_query_from_the_base(given: str, base: str) -> None:
    assert endpoint_urls(given) == EndpointURLs(base=base, store=f"{base}/store", query=f"{base}/query")


@pytest.mark.parametrize(
    "given", ["127.0.0.1:7878", "ftp://127.0.0.1/store", "http://127.0.0.1:7878/store?graph=x", ""]
)
def test_endpoint_urls_refuse_what_is_not_a_base_url(given: str) -> None:
    with pytest.raises(EndpointError, match="endpoint"):
        endpoint_urls(given)


# ---------------------------------------------------------------- retries, without a server


def test_push_retries_5xx_then_succeeds() -> None:
    seen: list[httpx.Request] = []
    with mock_client([503, 500], seen) as client:
        report = push_graphs(
            {A1: "<urn:x:s> <urn:x:p> <urn:x:o> ."}, "http://kg.test", client=client, backoff=0
        )
    assert [push.attempts for push in report.graphs] == [3]
    assert report.requests == 3
    assert {request.method for request in seen} == {"PUT"}


def test_push_gives_up_on_5xx_after_the_retries() -> None:
    seen: list[httpx.Request] = []
    with mock_client([503] * 10, seen) as client, pytest.raises(EndpointError) as caught:
        push_graphs({A1: b""}, "http://kg.test", client=client, retries=2, backoff=0)
    assert len(seen) == 3
    message = str(caught.value)
    assert "failed after 3 attempts" in message
    assert "503" in message and f"<{A1}>" in message
    assert "trouble 503 " + "x" * 188 in message and "x" * 189 not in message  # first 200 characters


def test_push_does_not_retry_4xx_and_says_status_graph_and_body() -> None:
    seen: list[httpx.Request] = []
    with mock_client([415], seen) as client, pytest.raises(EndpointError) as caught:
        push_graphs({A2: "not turtle"}, "http://kg.test", client=client, backoff=0)
    assert len(seen) == 1
    assert "415" in str(caught.value) and f"graph <{A2}>" in str(caught.value)


def test_push_sends_what_and_where_the_protocol_says() -> None:
    seen: list[httpx.Request] = []
    graphs: dict[str | None, str | bytes] = {A2: b"<urn:x:s> <urn:x:p> 2 .", None: "<urn:x:s> <urn:x:p> 0 ."}
    with mock_client([], seen) as client:
        push_graphs(graphs, "http://kg.test/", client=client, replace=False)
    assert [(request.method, str(request.url)) for request in seen] == [
        ("POST", "http://kg.test/store?default"),
        ("POST", "http://kg.test/store?graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Fid%2Fgraph%2Fa2"),
    ]
    assert [request.headers["content-type"] for request in seen] == ["text/turtle", "text/turtle"]
    assert [request.content for request in seen] == [b"<urn:x:s> <urn:x:p> 0 .", b"<urn:x:s> <urn:x:p> 2 ."]


def test_push_refuses_a_graph_name_that_is_not_an_iri_before_sending_anything() -> None:
    seen: list[httpx.Request] = []
    with mock_client([], seen) as client, pytest.raises(InvalidIRIError, match="not an iri"):
        push_graphs({A1: "", "not an iri": ""}, "http://kg.test", client=client)
    assert seen == []


# ---------------------------------------------------------------- bindings


def test_bindings_go_in_as_one_values_clause_of_escaped_terms() -> None:
    query = bind_values(LABELLED, {"?name": 'Anna" } ; DROP ALL ; #\n', "thing": URIRef(ID["entity/x"])})
    assert query.endswith(
        '\nVALUES (?name ?thing) { ("Anna\\" } ; DROP ALL ; #\\n" <https://w3id.org/newskg/id/entity/x>) }'
    )


@pytest.mark.parametrize(
    ("query", "bindings", "message"),
    [
        (LABELLED, {"nome": "Anna"}, "no variable [?]nome; it has: name, thing"),
        (LABELLED, {"bad name": "Anna"}, "not a SPARQL variable name"),
        (LABELLED, {"thing": URIRef("http://a b")}, "cannot bind"),
        (LABELLED, {"thing": BNode("b0")}, "only IRIs and literals can be bound"),
        ("ASK { ?s ?p ?o }", {"s": "x"}, "SELECT query"),
        ("SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { 1 }", {"s": 2}, "already ends with a VALUES clause"),
        ("SELECT ?s WHERE { ?s ?p ", {"s": 2}, "does not parse"),
    ],
)
def test_bad_bindings_are_query_errors(query: str, bindings: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        bind_values(query, bindings)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the real server


@pytest.mark.server
def test_push_mini_trig_and_read_it_back(oxigraph_server: str, mini: Dataset) -> None:
    report = push_graphs(mini, oxigraph_server)
    assert [(push.graph, push.status, push.attempts) for push in report.graphs] == [
        (None, 204, 1),  # the default graph always exists
        (A1, 201, 1),
        (A2, 201, 1),
    ]
    assert report.created == 2
    assert sizes_on(oxigraph_server) == MINI_SIZES
    assert len(dump_of(oxigraph_server)) == sum(MINI_SIZES.values())


@pytest.mark.server
def test_second_push_replaces_and_changes_nothing(oxigraph_server: str, mini: Dataset) -> None:
    push_graphs(mini, oxigraph_server)
    before = dump_of(oxigraph_server)
    report = push_graphs(mini, oxigraph_server)
    assert [push.status for push in report.graphs] == [204, 204, 204]
    assert dump_of(oxigraph_server) == before
    assert sizes_on(oxigraph_server) == MINI_SIZES


@pytest.mark.server
def test_push_replaces_a_graph_or_adds_to_it(oxigraph_server: str, mini: Dataset) -> None:
    push_graphs(mini, oxigraph_server)
    one_triple = "<urn:x:s> <urn:x:p> <urn:x:o> ."
    push_graphs({A1: one_triple}, oxigraph_server)
    assert sizes_on(oxigraph_server) == {**MINI_SIZES, A1: 1}
    push_graphs({A2: one_triple, DEFAULT_GRAPH: one_triple}, oxigraph_server, replace=False)
    assert sizes_on(oxigraph_server) == {None: 20, A1: 1, A2: MINI_SIZES[A2] + 1}


@pytest.mark.server
def test_push_to_a_wrong_path_is_a_clear_endpoint_error(oxigraph_server: str, mini: Dataset) -> None:
    with pytest.raises(EndpointError) as caught:
        push_graphs(mini, f"{oxigraph_server}/nope", retries=0)
    message = str(caught.value)
    assert "404 Not Found" in message
    assert f"{oxigraph_server}/nope/store" in message
    assert "PUT /nope/store is not supported by this server" in message


@pytest.mark.server
def test_push_of_bad_turtle_names_the_graph_and_the_parse_error(oxigraph_server: str) -> None:
    with pytest.raises(EndpointError, match=r"400 Bad Request: .*[Pp]arser error") as caught:
        push_graphs({A1: "<urn:x:s> <urn:x:p> ."}, oxigraph_server)
    assert f"graph <{A1}>" in str(caught.value)


def test_push_to_a_server_that_is_down_fails_fast_after_the_retries(mini: Dataset) -> None:
    started = time.monotonic()
    with pytest.raises(EndpointError, match=r"failed after 3 attempts: ConnectError"):
        push_graphs(mini, f"http://127.0.0.1:{free_port()}", retries=2, backoff=0.01)
    assert time.monotonic() - started < 2.0


@pytest.mark.server
def test_select_with_bindings_over_http(oxigraph_server: str, mini: Dataset) -> None:
    push_graphs(mini, oxigraph_server)
    assert sparql_select(oxigraph_server, LABELLED, {"name": "Anna Berg"}) == [
        {"thing": URIRef(ID["entity/anna-berg"])}
    ]
    assert sparql_select(oxigraph_server, LABELLED, {"name": 'Anna" } ; DROP ALL ; #'}) == []
    assert sizes_on(oxigraph_server) == MINI_SIZES


@pytest.mark.server
def test_select_returns_terms_and_none_for_unbound(oxigraph_server: str, mini: Dataset) -> None:
    push_graphs(mini, oxigraph_server)
    query = """
    PREFIX kg: <https://w3id.org/newskg/vocab#>
    SELECT ?event ?date ?content WHERE {
      ?event kg:kind kg:Statement . OPTIONAL { ?event kg:date ?date } OPTIONAL { ?event kg:content ?content }
    }"""
    assert sparql_select(oxigraph_server, query) == [
        {
            "event": URIRef(ID["event/statement/cccccccccccc"]),
            "date": None,
            "content": Literal("We made progress"),
        }
    ]


@pytest.mark.server
def test_select_without_union_sees_only_the_default_graph(oxigraph_server: str, mini: Dataset) -> None:
    push_graphs(mini, oxigraph_server)
    assert len(sparql_select(oxigraph_server, LABELLED, union_default_graph=False)) == 2  # article a1, model
    assert len(sparql_select(oxigraph_server, LABELLED)) == 10


@pytest.mark.server
def test_select_that_does_not_parse_is_an_endpoint_error_with_the_reason(oxigraph_server: str) -> None:
    with pytest.raises(EndpointError, match=r"400 Bad Request: error at 1:"):
        sparql_select(oxigraph_server, "SELECT * WHERE { ?s ?p ")
