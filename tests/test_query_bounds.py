"""Queries that run away (issue 14): a cartesian query stops at --timeout, past --max-memory, and on
Ctrl-C, each with one clear line and no query process left behind; SERVICE makes no request unless
--allow-service. Real `kg query` processes on the seed store, and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import pytest

pytestmark = pytest.mark.slow

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n"
SORTED = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f\n"


def kg(*args: str, **kwargs) -> subprocess.Popen:  # noqa: ANN003
    return subprocess.Popen([sys.executable, "-m", "graph.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_a_cartesian_query_stops_at_timeout_3_in_seconds(seeds_build, tmp_path):
    (tmp_path / "cartesian.rq").write_text(CARTESIAN)
    start = time.monotonic()
    done = kg("query", str(tmp_path / "cartesian.rq"), "--store", str(seeds_build), "--timeout", "3")
    out, err = done.communicate(timeout=60)
    took = time.monotonic() - start
    assert done.returncode == 1
    assert err.strip().startswith("Error: The query ran for more than 3 s and was stopped.")
    assert took < 20, took
    print(f"stopped after {took:.1f} s")


def test_a_query_past_max_memory_is_stopped(seeds_build, tmp_path):
    (tmp_path / "sorted.rq").write_text(SORTED)
    done = kg("query", str(tmp_path / "sorted.rq"), "--store", str(seeds_build), "--max-memory", "300")
    out, err = done.communicate(timeout=120)
    assert done.returncode == 1
    assert err.strip().startswith("Error: The query took more than 300 MB of memory and was stopped.")


def test_ctrl_c_stops_a_query_and_its_process(seeds_build, tmp_path):
    (tmp_path / "cartesian.rq").write_text(CARTESIAN)
    run = kg("query", str(tmp_path / "cartesian.rq"), "--store", str(seeds_build), start_new_session=True)
    deadline = time.monotonic() + 30
    while not psutil.Process(run.pid).children() and time.monotonic() < deadline:
        time.sleep(0.1)
    (child,) = psutil.Process(run.pid).children()
    time.sleep(1)
    os.killpg(run.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    out, err = run.communicate(timeout=15)
    assert run.returncode == 1
    assert err.strip().splitlines()[-1] == "Aborted!"
    child.wait(timeout=5)
    assert not child.is_running()


@pytest.fixture
def listener():  # noqa: ANN201
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_GET = do_POST  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


def test_service_is_refused_unless_allowed(seeds_build, tmp_path, listener):
    url, hits = listener
    (tmp_path / "service.rq").write_text(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n")
    refused = kg("query", str(tmp_path / "service.rq"), "--store", str(seeds_build))
    out, err = refused.communicate(timeout=60)
    assert refused.returncode == 1
    assert err.strip() == f"Error: The query calls another endpoint (SERVICE <{url}>): refused without --allow-service"
    assert hits == []
    allowed = kg("query", str(tmp_path / "service.rq"), "--store", str(seeds_build), "--allow-service")
    allowed.communicate(timeout=60)
    assert hits == ["/sparql"]  # allowed, the request is made (and the server's 500 is the query's error)
    assert allowed.returncode == 1
