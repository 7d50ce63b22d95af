"""The HTTP server of ``kg serve``: the standard library's ``ThreadingHTTPServer`` on 127.0.0.1.

======================= ==============================================================
``/query``, ``/sparql``  SPARQL 1.1 Protocol queries, GET and POST (graph.serve.protocol);
                         a GET without a query answers the service description
``/store``               Graph Store Protocol, reading only: ``GET ?graph=IRI`` (Turtle),
                         ``?default``, or nothing for every quad (N-Quads, or TriG)
``/``, ``/view``         the interactive view (``?around=NAME&hops=N&from=&to=&types=&limit=&all``)
``/update``              refused (403): the endpoint is read-only
======================= ==============================================================

Every answer carries ``Access-Control-Allow-Origin: *`` (and an ``OPTIONS``
request the CORS preflight answer), so a page on any origin can query it;
``X-KG-Articles`` says how many articles the snapshot it answered from holds.

>>> import threading, httpx, tempfile
>>> from graph.store import Store
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> with Store(path) as db:
...     _ = db.update([], manifest={}, summary={"articles": 0})
>>> server = make_server(path, port=0)
>>> thread = threading.Thread(target=server.serve_forever, daemon=True); thread.start()
>>> answer = httpx.get(server.url + "/query", params={"query": "ASK { ?s ?p ?o }"})
>>> answer.status_code, answer.json()["boolean"], answer.headers["access-control-allow-origin"]
(200, False, '*')
>>> httpx.post(server.url + "/update", content="CLEAR ALL").status_code
403
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import sys
import tempfile
import threading
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Final
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph.errors import KGError, StoreError
from graph.serve.protocol import GRAPH_FORMATS, Answer, ProtocolError, negotiate, parse_request, run
from graph.serve.snapshot import Snapshot, Snapshots, StoreBusy

__all__ = ["DEFAULT_PORT", "KGServer", "make_server"]

DEFAULT_PORT: Final = 7878
HOST: Final = "127.0.0.1"
MAX_BODY: Final = 10 * 1024 * 1024  # bytes of a POSTed query
VIEW_CACHE: Final = 16  # pages kept, per snapshot and parameters
DATASET_FORMATS: Final = {"application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG}
CORS: Final = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}

SERVICE_DESCRIPTION: Final = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
   sd:endpoint <{url}> ;
   sd:supportedLanguage sd:SPARQL11Query ;
   sd:feature sd:UnionDefaultGraph ;
   sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
                   formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:RDF_XML, formats:JSON-LD .
"""


class KGServer(ThreadingHTTPServer):
    """The server, with the store's snapshots and a cache of view pages."""

    daemon_threads = True

    def __init__(self, snapshots: Snapshots, port: int, *, quiet: bool = False):
        self.snapshots = snapshots
        self.quiet = quiet
        self.views: OrderedDict[tuple, bytes] = OrderedDict()
        self.view_lock = threading.Lock()
        self.view_dir = tempfile.TemporaryDirectory(prefix="kg-serve-")
        super().__init__((HOST, port), Handler)  # closes the server (and the folder) if the bind fails

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"

    def server_close(self) -> None:
        super().server_close()
        self.view_dir.cleanup()

    def view(self, snapshot: Snapshot, params: dict[str, list[str]]) -> bytes:
        """The view page of the snapshot for these parameters, written once and kept."""
        from graph.view import DEFAULT_NODES, write_store_view

        def one(name: str) -> str | None:
            return params.get(name, [None])[-1]

        try:
            hops = int(one("hops") or 1)
            limit = int(one("limit") or DEFAULT_NODES)
        except ValueError as exc:
            raise ProtocolError(400, f"hops and limit are whole numbers: {exc}") from exc
        types = one("types")
        options = dict(around=one("around"), hops=hops, date_from=one("from"), date_to=one("to"),
                       types=[t.strip() for t in types.split(",")] if types else None,
                       everything="all" in params, limit=limit)
        key = (snapshot.generation, tuple(sorted((k, str(v)) for k, v in options.items())))
        with self.view_lock:
            if key not in self.views:
                page = Path(self.view_dir.name) / "view.html"
                try:
                    write_store_view(snapshot.store, page, **options)
                except KGError as exc:
                    raise ProtocolError(404, str(exc)) from exc
                self.views[key] = page.read_bytes()
                while len(self.views) > VIEW_CACHE:
                    self.views.popitem(last=False)
            self.views.move_to_end(key)
            return self.views[key]


class Handler(BaseHTTPRequestHandler):
    server: KGServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    # -- plumbing -----------------------------------------------------------------------------

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _send(self, answer: Answer, snapshot: Snapshot | None = None, extra: dict[str, str] | None = None) -> None:
        self.send_response(answer.status)
        headers = {**CORS, "Content-Type": answer.content_type, "Content-Length": str(len(answer.body)),
                   "Vary": "Accept", **(extra or {})}
        if snapshot is not None:
            headers["X-KG-Articles"] = str(snapshot.summary.get("articles", 0))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")), extra=extra)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            size = int(length)
        except ValueError as exc:
            raise ProtocolError(400, f"Content-Length is not a number: {length!r}") from exc
        if size > MAX_BODY:
            raise ProtocolError(413, f"a request body of {size} bytes is more than the {MAX_BODY} allowed")
        return self.rfile.read(size)

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        route = parts.path.rstrip("/") or "/"
        try:
            body = self._body() if self.command == "POST" else b""
            if route in ("/query", "/sparql"):
                self._query(parts.query, body)
            elif route == "/store":
                self._store(parts.query)
            elif route in ("/", "/view"):
                if self.command not in ("GET", "HEAD"):
                    raise ProtocolError(405, f"{self.command} is not allowed on the view: GET it")
                snapshot = self.server.snapshots.current()
                html = self.server.view(snapshot, parse_qs(parts.query, keep_blank_values=True))
                self._send(Answer(200, "text/html; charset=utf-8", html), snapshot)
            elif route == "/update":
                raise ProtocolError(403, "kg serve is read-only: updates are refused (build with kg build instead)")
            else:
                raise ProtocolError(404, f"{parts.path} is not here: try /query, /store or / (the view)")
        except ProtocolError as exc:
            self._error(exc.status, str(exc))
        except StoreBusy as exc:
            self._error(503, str(exc), {"Retry-After": "2"})
        except StoreError as exc:
            self._error(500, str(exc))
        except OSError as exc:
            self._error(500, f"the store could not be read: {exc}")

    do_GET = do_POST = do_HEAD = _handle  # noqa: N815 - the names http.server calls

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._send(Answer(204, "text/plain", b""))

    def do_PUT(self) -> None:  # noqa: N802
        self._error(405, "kg serve is read-only: PUT, DELETE and POST of graphs are refused")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # -- services -----------------------------------------------------------------------------

    def _query(self, query_string: str, body: bytes) -> None:
        if self.command in ("GET", "HEAD") and "query" not in parse_qs(query_string):
            url = f"{self.server.url}{urlsplit(self.path).path}"
            self._send(Answer(200, "text/turtle; charset=utf-8", SERVICE_DESCRIPTION.format(url=url).encode()))
            return
        method = "GET" if self.command == "HEAD" else self.command
        request = parse_request(method, query_string, self.headers, body)
        snapshot = self.server.snapshots.current()
        self._send(run(snapshot.store.ox, request, self.headers.get("Accept")), snapshot)

    def _store(self, query_string: str) -> None:
        if self.command not in ("GET", "HEAD"):
            raise ProtocolError(405, "kg serve is read-only: the Graph Store answers GET only")
        params = parse_qs(query_string, keep_blank_values=True)
        snapshot = self.server.snapshots.current()
        accept = self.headers.get("Accept")
        if "graph" in params or "default" in params:
            try:
                graph = ox.NamedNode(params["graph"][-1]) if "graph" in params else ox.DefaultGraph()
            except ValueError as exc:
                raise ProtocolError(400, f"graph is not an IRI: {exc}") from exc
            if isinstance(graph, ox.NamedNode) and not snapshot.store.ox.contains_named_graph(graph):
                raise ProtocolError(404, f"no graph <{graph.value}> in the store")
            offers = GRAPH_FORMATS
        else:
            graph, offers = None, DATASET_FORMATS
        media = negotiate(accept, offers)
        if media is None:
            raise ProtocolError(406, f"this answer can be sent as {', '.join(offers)}; the request accepts {accept}")
        data = snapshot.store.ox.dump(format=offers[media], from_graph=graph) if graph is not None else (
            snapshot.store.ox.dump(format=offers[media]))
        self._send(Answer(200, media, data), snapshot)


def make_server(path: str | Path, port: int = DEFAULT_PORT, *, quiet: bool = True) -> KGServer:
    """A server of the store at ``path`` on 127.0.0.1:``port`` (0: any free port), not yet serving.

    Raises StoreError when there is no store at ``path`` or it is not whole (graph.store.Store.verify);
    OSError when the port is taken.
    """
    return KGServer(Snapshots(path), port, quiet=quiet)
