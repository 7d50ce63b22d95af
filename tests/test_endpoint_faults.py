"""Endpoints that misbehave (issue 14): a server that trickles or sleeps, one killed mid-push, an id too long
for a request URL, credentials in the URL, and a store that is not whole. Real servers on 127.0.0.1: the
Oxigraph server, and small http.server ones that answer slowly on purpose."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.client import push_graphs
from graph.push_journal import PushJournal
from graph.store import Store, graph_payloads
from tests.oxigraph_server import _answers, _stop, oxigraph_executable

pytestmark = pytest.mark.server

GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


class Slow(BaseHTTPRequestHandler):
    """Answers every request slowly: ``mode`` "trickle" sends one byte a second, "sleep" nothing."""

    mode = "trickle"

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.mode == "sleep":
            time.sleep(30)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        try:
            for byte in b'{"head": {"vars": []}, "results": {"bindings": []}}':
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    do_PUT = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["trickle", "sleep"])
def slow_server(request):  # noqa: ANN001, ANN201
    handler = type("Handler", (Slow,), {"mode": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_query_on_a_slow_endpoint_stops_at_the_timeout(slow_server):
    start = time.monotonic()
    result = CliRunner().invoke(main, ["query", "timeline", "--endpoint", slow_server, "--timeout", "2"])
    took = time.monotonic() - start
    assert result.exit_code == 1
    assert result.output.strip().endswith("got no whole answer within --timeout 2 s"), result.output
    assert took < 15, took  # the whole answer's deadline, not one read's (a trickle never trips that)
    print(f"stopped after {took:.1f} s")


def test_credentials_are_never_echoed(slow_server, seeds_copy):
    port = slow_server.rsplit(":", 1)[1]
    for args in (["query", "timeline", "--timeout", "1", "--endpoint"],
                 ["push", "--store", str(seeds_copy), "--retries", "0", "--timeout", "1", "--endpoint"]):
        result = CliRunner().invoke(main, [*args, f"http://reader:s3cr3t-pw@127.0.0.1:{port}"])
        assert result.exit_code == 1
        assert "s3cr3t" not in result.output and "reader" not in result.output
        assert "http://***@127.0.0.1:" in result.output


def launch(location: Path, port: int) -> subprocess.Popen:
    executable = oxigraph_executable()
    if executable is None:
        pytest.skip("the Oxigraph server is not installed: pip install oxigraph (the test extra)")
    process = subprocess.Popen([executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not _answers(f"http://127.0.0.1:{port}"):
        assert process.poll() is None and time.monotonic() < deadline, "the Oxigraph server did not start"
        time.sleep(0.05)
    return process


def graphs_on(url: str) -> int:
    answer = httpx.post(f"{url}/query", content=GRAPHS, headers={"Content-Type": "application/sparql-query",
                                                                 "Accept": "application/sparql-results+json"})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_a_push_to_a_server_killed_mid_way_resumes_where_it_stopped(seeds_build, tmp_path):
    from tests.oxigraph_server import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = launch(tmp_path / "db", port)
    with Store.reader(seeds_build) as db:
        payloads = graph_payloads(db)
        journal = PushJournal(db.path / "pushes.json", url)
    named = len([g for g in payloads if g is not None])
    sent = []

    def kill_after_three(name, body):  # noqa: ANN001, ANN202
        journal.record(name, body)
        sent.append(name)
        if len(sent) == 3:
            server.kill()
            server.wait()

    try:
        with pytest.raises(Exception) as failed:
            push_graphs(payloads, url, retries=1, backoff=0.1, pushed_one=kill_after_three)
        assert "failed after 2 attempts" in str(failed.value)
        journal.save()
        server = launch(tmp_path / "db", port)  # the same server, back up
        assert graphs_on(url) == 2  # the default graph does not count; two named graphs of the seeds made it
        result = CliRunner().invoke(main, ["push", "--store", str(seeds_build), "--endpoint", url])
        assert result.exit_code == 0, result.output
        assert result.output.strip() == f"pushed {len(payloads) - 3} graphs to {url} (3 already there from an " \
                                        "interrupted push)"
        assert graphs_on(url) == named
        journal = seeds_build / "store" / "pushes.json"  # finished: the next push sends all
        assert not journal.exists() or url not in json.loads(journal.read_text())
    finally:
        _stop(server)
        (seeds_build / "store" / "pushes.json").unlink(missing_ok=True)


@pytest.mark.slow
def test_a_graph_iri_too_long_for_a_url_is_refused_before_anything_is_sent(tmp_path, pipeline, oxigraph_server):
    long_id = "x" * 10_000
    feed = tmp_path / "long.jsonl"
    feed.write_text(json.dumps({"id": long_id, "text": "Anna Berg met Ivo Marek in Oslo."}) + "\n", encoding="utf-8")
    pipeline.build([feed], tmp_path / "out", exports=["turtle"])
    result = CliRunner().invoke(main, ["push", "--store", str(tmp_path / "out"), "--endpoint", oxigraph_server])
    assert result.exit_code == 1
    assert "more than the 8,000 servers accept: nothing was sent" in result.output
    assert graphs_on(oxigraph_server) == 0


@pytest.mark.slow
def test_push_refuses_a_store_whose_database_lost_quads(seeds_copy, oxigraph_server):
    with Store.reader(seeds_copy) as db:
        folder, graph = db.path / f"oxigraph-{db.generation}", next(g for g in graph_payloads(db) if g)
    damaged = ox.Store(str(folder))
    damaged.remove_graph(ox.NamedNode(graph))
    damaged.flush()
    del damaged
    result = CliRunner().invoke(main, ["push", "--store", str(seeds_copy), "--endpoint", oxigraph_server])
    assert result.exit_code == 1
    assert "is not whole (it holds " in result.output and "where its last build committed" in result.output
    assert graphs_on(oxigraph_server) == 0
    shutil.rmtree(seeds_copy)
