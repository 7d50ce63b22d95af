"""``kg serve``: a real ``kg serve`` process over the seed build, asked with a real HTTP client
(httpx), with ``kg query --endpoint``, and from a page of another origin in Chromium; and run
while ``kg build`` adds articles to the same store."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal

from graph.cli import main
from graph.client import select
from graph.query import load_query, run_query
from graph.store import Store
from tests.kg_serve import KG, start_kg_serve, stop
from tests.test_html_browser import browser  # noqa: F401 - the fixture: Debian's Chromium, headless

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a <https://w3id.org/newskg/vocab#articleId> ?id }"
PEOPLE = """PREFIX kg: <https://w3id.org/newskg/vocab#>
CONSTRUCT { ?e ?p ?o } WHERE { GRAPH <https://w3id.org/newskg/id/corpus> { ?e a kg:Person ; ?p ?o } }"""
CORPUS = "https://w3id.org/newskg/id/corpus"


@pytest.fixture(scope="module")
def served(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of ``kg serve`` over the seed build (which no test here changes)."""
    process, url = start_kg_serve(seeds_build, tmp_path_factory.mktemp("serve"))
    try:
        yield url
    finally:
        stop(process)


def local(seeds_build: Path, text: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The query's variables and rows on the store, every unbound cell as ''."""
    with Store.reader(seeds_build) as store:
        result = run_query(store, text)
    return result.variables, [tuple("" if v is None else v for v in row) for row in result.rows]


def parsed(answer: httpx.Response) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Variables and rows of a SELECT answer in any of the four result formats."""
    media = answer.headers["content-type"].split(";")[0]
    if media == "text/csv":
        header, *rows = list(csv.reader(io.StringIO(answer.text)))
        return tuple(header), [tuple(row) for row in rows]
    results = ox.parse_query_results(answer.content, ox.QueryResultsFormat.from_media_type(media))
    variables = tuple(v.value for v in results.variables)
    return variables, [tuple("" if s[v] is None else s[v].value for v in variables) for s in results]


def triples(data: bytes, rdf_format: ox.RdfFormat) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=rdf_format)}


# ---------------------------------------------------------------- the protocol, with httpx


@pytest.mark.parametrize(
    "accept",
    ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"],
)
def test_get_and_both_posts_answer_the_store_rows_in_each_format(served, seeds_build, accept):
    text = load_query(ROOT / "queries" / "meetings.rq")
    expected = local(seeds_build, text)
    assert len(expected[1]) >= 5
    answers = [
        httpx.get(f"{served}/query", params={"query": text}, headers={"Accept": accept}),
        httpx.post(f"{served}/query", content=text, headers={"Content-Type": "application/sparql-query",
                                                             "Accept": accept}),
        httpx.post(f"{served}/sparql", data={"query": text}, headers={"Accept": accept}),
    ]
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].split(";")[0] == accept
        assert answer.headers["x-kg-articles"] == "5"
        assert parsed(answer) == expected


def test_construct_answers_the_same_triples_as_turtle_ntriples_rdfxml_and_jsonld(served, seeds_build):
    with Store.reader(seeds_build) as store:
        expected = set(store.ox.query(PEOPLE, use_default_graph_as_union=True))
    assert len(expected) > 50
    for media, rdf_format in [("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                              ("application/rdf+xml", ox.RdfFormat.RDF_XML),
                              ("application/ld+json", ox.RdfFormat.JSON_LD)]:
        answer = httpx.post(f"{served}/query", data={"query": PEOPLE}, headers={"Accept": media})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(media), answer.text
        assert triples(answer.content, rdf_format) == expected, media


def test_default_graph_is_the_union_unless_the_request_names_graphs(served):
    def count(**params: str | list[str]) -> str:
        answer = httpx.get(f"{served}/query", params={"query": ARTICLES, **params},
                           headers={"Accept": "text/csv"})
        assert answer.status_code == 200, answer.text
        return answer.text.splitlines()[1]

    assert count() == count(**{"union-default-graph": ""}) == "5"  # the articles' records are in the default graph
    assert count(**{"default-graph-uri": CORPUS}) == "0"  # the corpus graph has none


def test_every_query_answers_the_same_with_kg_query_endpoint_as_with_store(served, seeds_build):
    for query in QUERIES:
        binds = ["--bind", "name=Lavrov"] if query.stem == "entity" else []
        args = ["query", str(query), "-f", "json", *binds]
        over_http = CliRunner().invoke(main, [*args, "--endpoint", served], catch_exceptions=False)
        on_store = CliRunner().invoke(main, [*args, "--store", str(seeds_build)], catch_exceptions=False)
        assert over_http.exit_code == on_store.exit_code == 0, over_http.output
        assert json.loads(on_store.output), query.name
        assert json.loads(over_http.output) == json.loads(on_store.output), query.name
    solutions = select(served, load_query(ROOT / "queries" / "entity.rq"), {"name": Literal("Nobody")})
    assert solutions.variables == ("entity", "property", "value") and solutions.rows == ()


def test_the_graph_store_reads_one_graph_or_every_quad(served, seeds_build):
    with Store.reader(seeds_build) as store:
        quads = set(store.quads())
    corpus = {ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name == ox.NamedNode(CORPUS)}
    answer = httpx.get(f"{served}/store", params={"graph": CORPUS})
    assert answer.status_code == 200 and answer.headers["content-type"] == "text/turtle"
    assert triples(answer.content, ox.RdfFormat.TURTLE) == corpus
    every = httpx.get(f"{served}/store")
    assert every.headers["content-type"] == "application/n-quads"
    assert set(ox.parse(every.content, format=ox.RdfFormat.N_QUADS)) == quads
    missing = httpx.get(f"{served}/store", params={"graph": "https://w3id.org/newskg/id/graph/nope"})
    assert missing.status_code == 404 and "no graph <https://w3id.org/newskg/id/graph/nope>" in missing.text


def test_it_is_read_only(served, seeds_build):
    refusals = [
        httpx.post(f"{served}/update", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.post(f"{served}/query", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.post(f"{served}/sparql", data={"update": "CLEAR ALL"}),
        httpx.put(f"{served}/store", params={"graph": CORPUS}, content="<urn:a> <urn:b> <urn:c> ."),
        httpx.delete(f"{served}/store", params={"graph": CORPUS}),
    ]
    assert [r.status_code for r in refusals] == [403, 403, 403, 405, 405]
    assert all("read-only" in r.text for r in refusals)
    assert parsed(httpx.get(f"{served}/query", params={"query": ARTICLES}))[1] == [("5",)]


def test_bad_requests_are_one_clear_line_with_their_status(served):
    bad = httpx.get(f"{served}/query", params={"query": "SELECT * WHERE { ?s ?p "})
    assert bad.status_code == 400 and bad.text.startswith("the query does not parse:")
    unacceptable = httpx.get(f"{served}/query", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert unacceptable.status_code == 406 and "application/sparql-results+json" in unacceptable.text
    wrong_type = httpx.post(f"{served}/query", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415
    nowhere = httpx.get(f"{served}/nowhere")
    assert nowhere.status_code == 404 and "/query" in nowhere.text
    service = httpx.get(f"{served}/query", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/q> {} }"})
    assert service.status_code == 400
    assert service.text.strip() == ("The query calls another endpoint (SERVICE <http://127.0.0.1:9/q>): "
                                    "kg serve sends no requests out")


def test_a_get_without_query_answers_the_service_description(served):
    answer = httpx.get(f"{served}/query")
    triples = list(ox.parse(answer.content, format=ox.RdfFormat.TURTLE))
    endpoint = ox.NamedNode("http://www.w3.org/ns/sparql-service-description#endpoint")
    assert [t.object for t in triples if t.predicate == endpoint] == [ox.NamedNode(f"{served}/query")]


def test_cors_preflight_and_answers_allow_any_origin(served):
    preflight = httpx.options(f"{served}/query", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    answer = httpx.get(f"{served}/query", params={"query": "ASK {}"}, headers={"Origin": "http://example.org"})
    assert answer.headers["access-control-allow-origin"] == "*"


def test_it_serves_the_view_kg_view_writes(served, seeds_build, tmp_path):
    """The page at / is the page `kg view` writes, byte for byte; /view takes kg view's options."""
    for params, options in [({}, []), ({"around": "Lavrov", "hops": "0"}, ["--around", "Lavrov", "--hops", "0"])]:
        page = httpx.get(f"{served}/view", params=params)
        assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
        written = tmp_path / "view.html"
        result = CliRunner().invoke(main, ["view", "--store", str(seeds_build), "--out", str(written), *options])
        assert result.exit_code == 0, result.output
        assert page.content == written.read_bytes()
        assert b"Sergey Lavrov" in page.content
    assert httpx.get(f"{served}/").content == httpx.get(f"{served}/view").content
    nobody = httpx.get(f"{served}/view", params={"around": "Nobody Atall"})
    assert nobody.status_code == 404 and "No entity named 'Nobody Atall'" in nobody.text


# ---------------------------------------------------------------- from a browser page of another origin


@pytest.mark.browser
def test_a_page_of_another_origin_queries_it_from_chromium(served, browser, tmp_path):  # noqa: F811
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>client</title>", encoding="utf-8")
    other = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{other.server_address[1]}/index.html")
        answer = page.evaluate(
            """async ([url, query]) => {
                const headers = {"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"};
                const r = await fetch(url + "/query", {method: "POST", body: query, headers});
                return {status: r.status, articles: r.headers.get("X-KG-Articles"), json: await r.json()};
            }""",
            [served, ARTICLES],
        )
        context.close()
    finally:
        other.shutdown()
        other.server_close()
    assert answer["status"] == 200
    assert answer["json"]["results"]["bindings"][0]["n"]["value"] == "5"


# ---------------------------------------------------------------- beside kg build


NEW_ARTICLES = {
    "lisbon.txt": "date 2021-03-05\nAnna Berg met Pierre Dubois in Lisbon on Friday. They discussed fishing rights.\n",
    "porto.txt": "date 2021-03-08\nPierre Dubois visited Porto on Monday, where he met Carla Mendes.\n",
}


def test_it_answers_while_kg_build_adds_to_the_same_store(seeds_copy, tmp_path):
    """Every answer during the build is the store before it (5 articles) or after it (7), never a
    part; the build is not hindered; the new state is served once the build has finished."""
    process, url = start_kg_serve(seeds_copy, tmp_path)
    inputs = tmp_path / "new"
    inputs.mkdir()
    for name, text in NEW_ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    seen: list[tuple[str, str]] = []

    def ask() -> str:
        answer = httpx.get(f"{url}/query", params={"query": ARTICLES}, headers={"Accept": "text/csv"}, timeout=30)
        assert answer.status_code == 200, answer.text
        seen.append((answer.text.splitlines()[1], answer.headers["x-kg-articles"]))
        return seen[-1][0]

    try:
        assert ask() == "5"
        build = subprocess.Popen([str(KG), "build", str(inputs), "--out", str(seeds_copy), "--quiet", "--no-html"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while build.poll() is None:
            ask()
            time.sleep(0.02)
        out, err = build.communicate()
        assert build.returncode == 0, err
        during = len(seen)
        deadline = time.monotonic() + 10
        while ask() != "7" and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop(process)
    counts = [count for count, _ in seen]
    assert during > 20  # the build took a while, and the server answered all along
    assert set(counts) <= {"5", "7"}
    assert all(count == header for count, header in seen)  # each answer from one snapshot
    assert counts == sorted(counts) and counts[-1] == "7"  # never back to the old state
    with Store.reader(seeds_copy) as store:
        assert len(store.manifest()) == 7


def test_kg_serve_says_what_is_wrong_in_one_line(tmp_path, seeds_build):
    missing = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "nothing"), "--port", "0"])
    assert missing.exit_code == 1 and f"No store at {tmp_path / 'nothing'}" in missing.output
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = CliRunner().invoke(main, ["serve", "--store", str(seeds_build), "--port", str(port)])
    assert busy.exit_code == 1 and f"cannot serve on 127.0.0.1:{port}: Address already in use" in busy.output


def test_kg_serve_refuses_a_store_that_is_not_whole(tmp_path, seeds_copy):
    """As every reader does (issue 14): a store without a commit record, and one whose database lost quads."""
    Store(tmp_path / "new" / "store").close()  # made, never committed: as an interrupted first build leaves it
    never = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "new"), "--port", "0"])
    assert never.exit_code == 1 and "is not whole (it has no commit record)" in never.output
    with Store.reader(seeds_copy) as db:
        folder = db.path / f"oxigraph-{db.generation}"
    damaged = ox.Store(str(folder))
    damaged.remove_graph(ox.NamedNode(CORPUS))
    damaged.flush()
    del damaged
    lost = CliRunner().invoke(main, ["serve", "--store", str(seeds_copy), "--port", "0"])
    assert lost.exit_code == 1 and "is not whole (it holds " in lost.output, lost.output
