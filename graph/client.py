"""The HTTP client of a SPARQL server: queries (SPARQL 1.1 Protocol) and uploads (Graph Store Protocol).

Used by ``kg push`` (:func:`push_graphs`), ``kg query --endpoint``
(:func:`select`) and the tests of ``kg serve``.

Endpoint URLs
-------------
The Oxigraph server (``oxigraph serve --location DIR --bind HOST:PORT``, from
the ``oxigraph`` PyPI package, 0.5) and ``kg serve`` answer at these paths of
their base URL:

========== ==================================================================
``/store``  SPARQL 1.1 Graph Store Protocol: ``GET``/``HEAD``/``PUT``/``POST``/
            ``DELETE`` with ``?graph=<iri>`` or ``?default``. ``PUT``
            replaces the graph (201 Created if it was new, 204 No Content
            otherwise), ``POST`` adds to it. Without a parameter, ``GET``
            dumps the whole dataset as N-Quads. (``kg serve``: ``GET`` only.)
``/query``  SPARQL 1.1 Protocol, queries (``GET ?query=`` or ``POST``
            ``application/sparql-query``). ``GET`` without a query returns
            the service description. Non-standard parameter
            ``union-default-graph``: the default graph is the union of all
            graphs (otherwise it is only the real default graph).
``/update`` SPARQL 1.1 Protocol, updates (``POST application/sparql-update``).
``/sparql`` queries and updates at one URL (new in 0.5).
========== ==================================================================

Any other path answers ``404 Not Found`` (``PUT /x/store is not supported by
this server``), which is reported as an :class:`EndpointError`.

What to pass as ``endpoint`` (``kg push --endpoint``, ``kg query --endpoint``):
the server's **base URL**, ``http://127.0.0.1:7878``; the Graph Store URL
(``…/store``) and the query URL (``…/query``) are derived from it (see
:func:`endpoint_urls`). A URL whose last path segment is ``store``, ``query``
or ``sparql`` is accepted as well and stands for its parent, so
``http://127.0.0.1:7878/store`` and ``http://127.0.0.1:7878/query`` work too.

Requests
--------
Every request goes through one function: connection errors, timeouts and 5xx
answers are retried with exponential backoff (``backoff * 2**n`` seconds
before retry n+1); a 4xx answer fails at once. Either way the failure is an
:class:`EndpointError` naming the method, the URL, what was sent, the status
and the start of the server's answer.

:func:`push_graphs` sends one request per graph: ``PUT {store}?graph=<iri>``
(or ``?default`` for the default graph) when ``replace`` is true, ``POST``
otherwise. Blank nodes are scoped to one request by the protocol: a blank node
shared by two graphs becomes two nodes on the server. The graphs of this
project have none (every node gets an IRI, see ``graph/model/namespaces.py``).

:func:`select` POSTs the query and reads the results with pyoxigraph's
parser (JSON, XML or TSV, whichever the server answers); values go in through
a trailing ``VALUES`` clause (:func:`graph.bindings.bind_values`), never as
pasted text.

>>> endpoint_urls("http://127.0.0.1:7878/store").query
'http://127.0.0.1:7878/query'
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, urlsplit, urlunsplit

import httpx
import pyoxigraph
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier

from graph.bindings import BindingValue, bind_values
from graph.errors import EndpointError, InvalidIRIError
from graph.terms import OxTerm, to_rdflib

__all__ = [
    "DEFAULT_GRAPH",
    "EndpointURLs",
    "GraphPush",
    "MAX_URL",
    "PushReport",
    "Solutions",
    "endpoint_urls",
    "push_graphs",
    "redact",
    "select",
    "sparql_select",
]

#: The key that stands for the default graph in the mapping given to :func:`push_graphs`
#: (``None`` does too). It is rdflib's name for a dataset's default graph.
DEFAULT_GRAPH: Final[str] = str(DATASET_DEFAULT_GRAPH_ID)

TURTLE: Final = "text/turtle"
N_TRIPLES: Final = "application/n-triples"
SPARQL_QUERY: Final = "application/sparql-query"
#: What :func:`select` asks for, best first.
RESULTS_ACCEPT: Final = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8"
)

#: Last path segments that name a service of the server rather than its base.
_SERVICE_SEGMENTS: Final = frozenset({"store", "query", "sparql"})
_BODY_EXCERPT: Final = 200

Payload = bytes | str
#: Graph IRI (or ``None``/:data:`DEFAULT_GRAPH` for the default graph) to Turtle or N-Triples.
GraphPayloads = Mapping[str, Payload] | Mapping[str | None, Payload]


@dataclass(frozen=True, slots=True)
class EndpointURLs:
    """The URLs of one SPARQL server, derived from its base URL."""

    base: str
    store: str
    query: str


@dataclass(frozen=True, slots=True)
class GraphPush:
    """One graph sent: its IRI (``None`` for the default graph), the final HTTP status,
    how many requests it took and how many bytes were sent."""

    graph: str | None
    status: int
    attempts: int
    size: int


@dataclass(frozen=True, slots=True)
class PushReport:
    """What :func:`push_graphs` did, one :class:`GraphPush` per graph in the order sent."""

    store_url: str
    graphs: tuple[GraphPush, ...]

    @property
    def requests(self) -> int:
        """Every HTTP request made, retries included."""
        return sum(push.attempts for push in self.graphs)

    @property
    def created(self) -> int:
        """Graphs the server did not have before (201 Created)."""
        return sum(1 for push in self.graphs if push.status == httpx.codes.CREATED)


@dataclass(frozen=True, slots=True)
class Solutions:
    """The answer to a SELECT: its variables in order, and one tuple of pyoxigraph terms
    (``None`` where unbound) per row."""

    variables: tuple[str, ...]
    rows: tuple[tuple[OxTerm | None, ...], ...]


def endpoint_urls(endpoint: str) -> EndpointURLs:
    """The Graph Store and query URLs of a server, from its base URL.

    >>> endpoint_urls("http://127.0.0.1:7878")
    EndpointURLs(base='http://127.0.0.1:7878', store='http://127.0.0.1:7878/store', \
query='http://127.0.0.1:7878/query')
    >>> endpoint_urls("https://example.org/kg/").store
    'https://example.org/kg/store'
    """
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _error(f"endpoint {endpoint!r} is not an http(s) URL such as http://127.0.0.1:7878")
    if parts.query or parts.fragment:
        raise _error(f"endpoint {endpoint!r} has a query or fragment; give the server's base URL")
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last in _SERVICE_SEGMENTS:
        path = head
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return EndpointURLs(base=base, store=f"{base}/store", query=f"{base}/query")


# ---------------------------------------------------------------- HTTP with retries


def _excerpt(response: httpx.Response) -> str:
    text = response.text.strip()
    return text[:_BODY_EXCERPT] if text else "(empty body)"


_USERINFO: Final = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]*@")
#: Longer request URLs than this are refused by common servers (8 KiB request lines); checked before sending.
MAX_URL: Final = 8000


def redact(text: str) -> str:
    """``text`` with the user name and password of every URL in it replaced by ``***``.

    >>> redact("PUT http://user:secret@127.0.0.1:7878/store failed")
    'PUT http://***@127.0.0.1:7878/store failed'
    """
    return _USERINFO.sub(r"\1***@", text)


def _error(message: str) -> EndpointError:
    return EndpointError(redact(message))


class _Deadline(Exception):
    pass


def _request(
    client: httpx.Client, method: str, url: str, content: bytes, headers: Mapping[str, str], deadline: float | None
) -> httpx.Response:
    """One request, its whole answer read by ``deadline`` (time.monotonic), however slowly it trickles."""
    if deadline is None:
        return client.request(method, url, content=content, headers=dict(headers))
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Deadline
    timeout = httpx.Timeout(min(60.0, left), connect=min(5.0, left))
    request = client.build_request(method, url, content=content, headers=dict(headers), timeout=timeout)
    response = client.send(request, stream=True)
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if time.monotonic() > deadline:
                raise _Deadline
    finally:
        response.close()
    dropped = ("content-encoding", "content-length")  # the body is decoded already
    kept = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped]
    return httpx.Response(response.status_code, headers=kept, content=bytes(body), request=request)


def send(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    what: str,
    content: bytes,
    headers: Mapping[str, str],
    retries: int,
    backoff: float,
    deadline: float | None = None,
    timeout: float | None = None,
) -> tuple[httpx.Response, int]:
    """Send one request, retrying connection errors and 5xx; the response and the attempts made.

    With ``deadline`` (a time.monotonic value), the request and its retries stop there, however
    slowly the server answers (``timeout`` is the number of seconds it stands for, for the message).
    """
    failure = ""
    attempts = max(retries, 0) + 1
    for attempt in range(attempts):
        if attempt:
            pause = backoff * 2 ** (attempt - 1)
            if deadline is not None and time.monotonic() + pause > deadline:
                break
            time.sleep(pause)
        try:
            response = _request(client, method, url, content, headers, deadline)
        except (_Deadline, httpx.TimeoutException) as exc:
            if deadline is not None and (isinstance(exc, _Deadline) or time.monotonic() >= deadline - 0.05):
                raise _error(f"{method} {url} for {what} got no whole answer within --timeout {timeout:g} s") from None
            failure = f"{type(exc).__name__}: {exc}"
            continue
        except httpx.TransportError as exc:
            failure = f"{type(exc).__name__}: {exc}"
            continue
        status = response.status_code
        if status >= 500:
            failure = f"{status} {response.reason_phrase}: {_excerpt(response)}"
            continue
        if status >= 400:
            raise _error(
                f"{method} {url} for {what} answered {status} {response.reason_phrase}: {_excerpt(response)}"
            )
        return response, attempt + 1
    raise _error(f"{method} {url} for {what} failed after {attempt + 1} attempts: {failure}")


def new_client() -> httpx.Client:
    """The client made when a caller gives none: 60 s to answer, 5 s to connect."""
    return httpx.Client(timeout=httpx.Timeout(60.0, connect=5.0))


# ---------------------------------------------------------------- Graph Store Protocol


def _checked_graph_iri(iri: str) -> str:
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        raise InvalidIRIError(f"invalid graph IRI {iri!r}: {exc}") from exc
    return iri


def _payloads_of_dataset(dataset: Dataset) -> Iterable[tuple[str | None, bytes, str]]:
    """Each non-empty graph of ``dataset`` as N-Triples, the default graph first."""
    graphs = [
        (None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier), g) for g in dataset.graphs()
    ]
    graphs.sort(key=lambda pair: (pair[0] is not None, pair[0] or ""))
    for name, graph in graphs:
        if len(graph):
            yield name, graph.serialize(format="nt", encoding="utf-8"), N_TRIPLES


def _payloads_of_mapping(graphs: GraphPayloads) -> Iterable[tuple[str | None, bytes, str]]:
    """Each payload of ``graphs`` as Turtle (N-Triples is a subset of it), the default graph first."""
    named = {(None if key in (None, DEFAULT_GRAPH) else str(key)): value for key, value in graphs.items()}
    for name in sorted(named, key=lambda key: (key is not None, key or "")):
        payload = named[name]
        yield name, payload.encode("utf-8") if isinstance(payload, str) else bytes(payload), TURTLE


def graph_url(store_url: str, graph: str | None) -> str:
    """The Graph Store URL of one graph (``None``: the default graph).

    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/newskg/id/graph/a1")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fnewskg%2Fid%2Fgraph%2Fa1'
    """
    if graph is None:
        return f"{store_url}?default"
    return f"{store_url}?graph={quote(graph, safe='')}"


def push_graphs(
    graphs: GraphPayloads | Dataset,
    endpoint: str,
    *,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 0.5,
    replace: bool = True,
    timeout: float | None = None,
    skip: Callable[[str | None, bytes], bool] | None = None,
    pushed_one: Callable[[str | None, bytes], None] | None = None,
) -> PushReport:
    """Send each graph to the Graph Store of ``endpoint``, one request per graph.

    ``graphs`` is either an rdflib :class:`Dataset` (each non-empty graph is
    sent as N-Triples, its default graph to ``?default``), or a mapping from
    graph IRI to a Turtle or N-Triples document (``str`` or UTF-8 ``bytes``,
    sent as ``text/turtle``), where the key ``None`` or :data:`DEFAULT_GRAPH`
    stands for the default graph. Graphs go out in a fixed order: the default
    graph, then the named graphs sorted by IRI.

    With ``replace`` (the default) each graph is ``PUT``, replacing what the
    server had under that name, so pushing twice leaves the server as after
    one push. Without it, each graph is ``POST``-ed and added to.

    ``endpoint`` is the server's base URL (see the module's docstring).
    ``client`` is used as given and left open; without one, a client is made
    and closed here. Raises :class:`EndpointError` on a 4xx answer, or on
    connection errors and 5xx answers that last through ``retries`` retries;
    :class:`InvalidIRIError` before sending anything if a graph name is not an
    IRI, and EndpointError before sending anything if a graph's request URL
    would be longer than :data:`MAX_URL` (servers refuse those: a push would
    stop half-way). ``timeout`` bounds the whole push, in seconds, however
    slowly the server answers. ``skip(name, body)`` says a graph is on the
    server already (a push resumed, graph.push_journal); ``pushed_one(name,
    body)`` is told of each graph the server took. Error messages never show
    the credentials of a URL.
    """
    urls = endpoint_urls(endpoint)
    deadline = time.monotonic() + timeout if timeout is not None else None
    if isinstance(graphs, Dataset):
        payloads = list(_payloads_of_dataset(graphs))
    else:
        payloads = list(_payloads_of_mapping(graphs))
    for name, _body, _type in payloads:
        if name is not None:
            _checked_graph_iri(name)
            url = graph_url(urls.store, name)
            if len(url) > MAX_URL:
                raise _error(
                    f"graph <{name[:80]}...> makes a request URL of {len(url):,} characters, more than the "
                    f"{MAX_URL:,} servers accept: nothing was sent. Give its article a shorter id"
                )
    method = "PUT" if replace else "POST"
    own_client = client is None
    http = new_client() if client is None else client
    pushed: list[GraphPush] = []
    try:
        for name, body, content_type in payloads:
            if skip is not None and skip(name, body):
                continue
            response, attempts = send(
                http,
                method,
                graph_url(urls.store, name),
                what="the default graph" if name is None else f"graph <{name}>",
                content=body,
                headers={"Content-Type": content_type},
                retries=retries,
                backoff=backoff,
                deadline=deadline,
                timeout=timeout,
            )
            pushed.append(
                GraphPush(graph=name, status=response.status_code, attempts=attempts, size=len(body))
            )
            if pushed_one is not None:
                pushed_one(name, body)
    finally:
        if own_client:
            http.close()
    return PushReport(store_url=urls.store, graphs=tuple(pushed))


# ---------------------------------------------------------------- SPARQL protocol


def _results_format(response: httpx.Response) -> pyoxigraph.QueryResultsFormat | None:
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    return pyoxigraph.QueryResultsFormat.from_media_type(media_type) if media_type else None


def select(
    endpoint: str,
    query_text: str,
    bindings: Mapping[str, BindingValue] | None = None,
    *,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 0.5,
    union_default_graph: bool = True,
    timeout: float | None = None,
) -> Solutions:
    """Run a SELECT query at ``endpoint`` over the SPARQL 1.1 Protocol; its variables and rows.

    The query is POSTed as ``application/sparql-query`` to the query URL of
    ``endpoint`` (a base URL, see the module's docstring), and the answer read
    by pyoxigraph in the format the server chose (JSON, XML or TSV).

    ``bindings`` maps variable names (with or without ``?``) to values:
    rdflib IRIs or literals, or plain Python values made into literals. They go
    in through a trailing VALUES clause, never as pasted text.

    ``union_default_graph`` (the default) sends Oxigraph's
    ``union-default-graph`` parameter, so that patterns outside ``GRAPH``
    match the union of all graphs, as they do in the merged ``graph.ttl`` and
    in the local store. Turn it off for a server that does not know it.

    ``timeout`` bounds the request and its retries, in seconds, however
    slowly the server answers.

    Raises :class:`~graph.errors.QueryError` for bad bindings,
    :class:`EndpointError` when the server refuses or fails the request,
    gives no whole answer within ``timeout``, or answers something other than
    SELECT results. Error messages never show the credentials of a URL.
    """
    text = bind_values(query_text, bindings) if bindings else query_text
    url = endpoint_urls(endpoint).query
    if union_default_graph:
        url += "?union-default-graph"
    own_client = client is None
    http = new_client() if client is None else client
    try:
        response, _attempts = send(
            http,
            "POST",
            url,
            what="a SELECT query",
            content=text.encode("utf-8"),
            headers={"Content-Type": SPARQL_QUERY, "Accept": RESULTS_ACCEPT},
            retries=retries,
            backoff=backoff,
            deadline=time.monotonic() + timeout if timeout is not None else None,
            timeout=timeout,
        )
    finally:
        if own_client:
            http.close()
    results_format = _results_format(response)
    problem = "" if results_format is not None else "an unknown content type"
    if results_format is not None:
        try:
            parsed = pyoxigraph.parse_query_results(response.content, results_format)
            if isinstance(parsed, pyoxigraph.QuerySolutions):
                variables = tuple(variable.value for variable in parsed.variables)
                rows = tuple(tuple(solution[name] for name in variables) for solution in parsed)
                return Solutions(variables, rows)
            problem = "a boolean"
        except (SyntaxError, ValueError) as exc:
            problem = f"results that do not parse ({exc})"
    raise _error(
        f"POST {url} did not answer SPARQL SELECT results but {problem} "
        f"({response.headers.get('content-type', 'no content type')}): {_excerpt(response)}"
    )


def sparql_select(
    endpoint: str,
    query_text: str,
    bindings: Mapping[str, BindingValue] | None = None,
    *,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 0.5,
    union_default_graph: bool = True,
    timeout: float | None = None,
) -> list[dict[str, Identifier | None]]:
    """:func:`select`, one dict per row: every variable to an rdflib term (``URIRef``,
    ``Literal`` or ``BNode``), or to ``None`` where it is unbound."""
    solutions = select(
        endpoint,
        query_text,
        bindings,
        client=client,
        retries=retries,
        backoff=backoff,
        union_default_graph=union_default_graph,
        timeout=timeout,
    )
    return [
        {name: None if term is None else to_rdflib(term) for name, term in zip(solutions.variables, row, strict=True)}
        for row in solutions.rows
    ]
