"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a store, on 127.0.0.1, with the view.

By job: the store's snapshots (``snapshot``: what is answered from while
``kg build`` writes), the protocol (``protocol``: requests, content
negotiation, results), the HTTP server (``server``: routes, CORS, the view).

It can run while ``kg build`` (or ``kg remove``) adds to the same store: it
answers from the store as the last finished update left it, and from the
new state as soon as that update has finished (see graph.serve.snapshot for
why that is safe with Oxigraph). Queries have no time limit: use ``LIMIT``
(every query of ``queries/`` has one).

>>> import tempfile, threading, httpx
>>> from graph.store import Store
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> with Store(path) as db:
...     _ = db.update([], manifest={}, summary={"articles": 0})
>>> ready = threading.Event(); servers = []
>>> thread = threading.Thread(target=serve, args=(path, 0), kwargs={"on_ready": lambda s: (servers.append(s),
...     ready.set())}, daemon=True)
>>> thread.start(); _ = ready.wait(10)
>>> httpx.get(servers[0].url + "/query", params={"query": "SELECT * { ?s ?p ?o }"}).json()["results"]
{'bindings': []}
>>> servers[0].shutdown()
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph.serve.server import DEFAULT_PORT, KGServer, make_server

__all__ = ["DEFAULT_PORT", "KGServer", "make_server", "serve"]


def serve(
    path: str | Path,
    port: int = DEFAULT_PORT,
    *,
    quiet: bool = True,
    on_ready: Callable[[KGServer], None] | None = None,
) -> None:
    """Serve the store at ``path`` on 127.0.0.1:``port`` until interrupted (or ``shutdown()``)."""
    server = make_server(path, port, quiet=quiet)
    try:
        if on_ready is not None:
            on_ready(server)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
