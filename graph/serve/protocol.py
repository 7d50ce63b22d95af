"""The SPARQL 1.1 Protocol of ``kg serve``, without the HTTP server: requests in, answers out.

A query comes as ``GET ?query=...``, as ``POST`` with an
``application/sparql-query`` body, or as ``POST`` of an HTML form
(``application/x-www-form-urlencoded``, ``query=...``); ``default-graph-uri``
and ``named-graph-uri`` (repeatable) set the dataset. Without them the
default graph is the union of every graph, as in ``kg query``; the
``union-default-graph`` parameter (Oxigraph's, sent by ``kg query
--endpoint``) says the same and is accepted. Updates are refused: the
endpoint is read-only.

The answer's format follows the ``Accept`` header (with its q-values):
SELECT and ASK results as SPARQL JSON (the default), XML, CSV or TSV;
CONSTRUCT and DESCRIBE graphs as Turtle (the default), N-Triples, RDF/XML or
JSON-LD. An ``Accept`` that allows none of these is a ``406``.

>>> from urllib.parse import urlencode
>>> request = parse_request("GET", urlencode({"query": "ASK {}"}), {}, b"")
>>> request.query, request.union
('ASK {}', True)
>>> answer = run(ox.Store(), request, "text/csv;q=0.5, application/sparql-results+json")
>>> answer.status, answer.content_type, answer.body
(200, 'application/sparql-results+json', b'{"head":{},"boolean":true}')
>>> negotiate("text/*;q=0.5, application/sparql-results+xml", SELECT_FORMATS)
'application/sparql-results+xml'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs

import pyoxigraph as ox

__all__ = [
    "GRAPH_FORMATS",
    "SELECT_FORMATS",
    "Answer",
    "ProtocolError",
    "QueryRequest",
    "negotiate",
    "parse_request",
    "run",
]

#: Media types of SELECT and ASK results, the default first.
SELECT_FORMATS: Final[dict[str, ox.QueryResultsFormat]] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
#: Media types of CONSTRUCT and DESCRIBE results, the default first.
GRAPH_FORMATS: Final[dict[str, ox.RdfFormat]] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
_TEXT: Final = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain"}
FORM: Final = "application/x-www-form-urlencoded"
SPARQL_QUERY: Final = "application/sparql-query"
SPARQL_UPDATE: Final = "application/sparql-update"


class ProtocolError(Exception):
    """A request the endpoint refuses: the HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """One query and its dataset: the default graphs and named graphs asked for (empty: the store's)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def union(self) -> bool:
        """Whether the default graph is the union of every graph (no default-graph-uri given)."""
        return not self.default_graphs


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    content_type: str
    body: bytes


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific media range that matches the offer (exact, then type/*, then */*)."""
    kind = offer.split("/")[0]
    best: tuple[int, float] | None = None
    for media, q in ranges:
        specificity = 3 if media == offer else 2 if media == f"{kind}/*" else 1 if media == "*/*" else 0
        if specificity and (best is None or specificity > best[0]):
            best = (specificity, q)
    return 0.0 if best is None else best[1]


def negotiate(accept: str | None, offers: Mapping[str, object]) -> str | None:
    """The offered media type the ``Accept`` header prefers (on a tie, or with no header, the first
    offer), or None when it accepts none of them."""
    if not accept or not accept.strip():
        return next(iter(offers))
    ranges = _media_ranges(accept)
    scored = [(_quality(offer, ranges), -order, offer) for order, offer in enumerate(offers)]
    quality, _, offer = max(scored)
    return offer if quality > 0 else None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def parse_request(method: str, query_string: str, headers: Mapping[str, str], body: bytes) -> QueryRequest:
    """The query of a GET or POST request to the query endpoint; ProtocolError for anything else."""
    params = parse_qs(query_string, keep_blank_values=True)
    content_type = (headers.get("content-type") or headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if "update" in params or content_type == SPARQL_UPDATE:
        raise ProtocolError(403, "kg serve is read-only: updates are refused (build with kg build instead)")
    if method == "POST":
        if content_type == SPARQL_QUERY:
            text = body.decode("utf-8", errors="strict") if body else None
        elif content_type == FORM:
            form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
            if "update" in form:
                raise ProtocolError(403, "kg serve is read-only: updates are refused (build with kg build instead)")
            params = {k: params.get(k, []) + form.get(k, []) for k in set(params) | set(form)}
            text = _one(params, "query")
        else:
            raise ProtocolError(
                415, f"POST a query as {SPARQL_QUERY} or {FORM}, not {content_type or 'no content type'}"
            )
    elif method == "GET":
        text = _one(params, "query")
    else:
        raise ProtocolError(405, f"{method} is not allowed here: GET or POST a query")
    if text is None or not text.strip():
        raise ProtocolError(400, "no query: give one as ?query=... or POST it")
    return QueryRequest(text, tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))


def _graphs(iris: tuple[str, ...], what: str) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as exc:
        raise ProtocolError(400, f"{what} is not an IRI: {exc}") from exc


def run(store: ox.Store, request: QueryRequest, accept: str | None) -> Answer:
    """Evaluate the query on the store and serialize the answer in the format ``accept`` prefers.

    A query that calls another endpoint (``SERVICE``) is refused (400): the server sends no requests out.
    """
    from graph.errors import QueryError
    from graph.query import check_service

    try:
        check_service(request.query)
    except QueryError as exc:
        raise ProtocolError(400, str(exc).replace("refused without --allow-service", "kg serve sends no requests "
                                                  "out")) from exc
    try:
        result = store.query(
            request.query,
            use_default_graph_as_union=request.union,
            default_graph=_graphs(request.default_graphs, "a default-graph-uri") or None,
            named_graphs=_graphs(request.named_graphs, "a named-graph-uri") or None,
        )
    except SyntaxError as exc:
        raise ProtocolError(400, f"the query does not parse: {exc}") from exc
    offers: Mapping[str, object] = GRAPH_FORMATS if isinstance(result, ox.QueryTriples) else SELECT_FORMATS
    media = negotiate(accept, offers)
    if media is None:
        raise ProtocolError(406, f"this answer can be sent as {', '.join(offers)}; the request accepts {accept}")
    body = result.serialize(format=offers[media])  # type: ignore[union-attr]
    return Answer(200, f"{media}; charset=utf-8" if media in _TEXT else media, body)
