"""The interactive HTML view, by job: reading (``read``), choosing (``select``),
drawing (``draw``), the page (``page``), and the styles of each kind (``styles``).

:func:`write_view` writes the page of an rdflib ``Dataset`` (the whole graph,
or the part asked for); :func:`write_store_view` that of a store, where a
large graph is not read whole: an index of its events (``assets/index.rq``)
chooses a few hundred entities (by default the most connected ones of the
last month; or around a name, in a time window, ``--all`` for everything),
only those are read, and the page says what it shows.

The same input gives byte-identical HTML: rows are sorted, ids are assigned
in sorted order, JSON keys are sorted, and the layout uses a fixed seed.

>>> import tempfile
>>> from rdflib import Dataset, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from graph.model.namespaces import VOCAB
>>> ds = Dataset()
>>> anna = URIRef("https://w3id.org/newskg/id/entity/anna-berg")
>>> _ = ds.add((anna, RDF.type, VOCAB.Person)); _ = ds.add((anna, RDFS.label, Literal("Anna Berg")))
>>> write_view(ds, Path(tempfile.mkdtemp()) / "view.html")
ViewStats(nodes=1, edges=0, events=0)
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from os import PathLike
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from graph.errors import RegistryError
from graph.store import Store
from graph.view.draw import ViewStats, build_network
from graph.view.page import render_html
from graph.view.read import ASSETS, View, read_index, read_subjects, read_view
from graph.view.select import Choice, around_index, central, central_recent, select_view

__all__ = ["DEFAULT_NODES", "ViewStats", "write_store_view", "write_view"]

#: A graph with more entities than this gets a chosen view, not the whole graph.
DEFAULT_NODES = 250


def _write(view: View, path: str | PathLike[str], title: str, note: str = "") -> ViewStats:
    net, data, stats = build_network(view)
    html = render_html(net, data, title, note)
    Path(path).write_bytes(html.encode("utf-8"))
    return stats


def write_view(
    dataset: Dataset,
    path: str | PathLike[str],
    *,
    around: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Collection[str] | None = None,
    title: str = "News knowledge graph",
) -> ViewStats:
    """The page of an rdflib Dataset, read whole (see graph.export.html.write_html)."""
    view = select_view(read_view(dataset), around=around, hops=hops, date_from=date_from,
                       date_to=date_to, types=types)
    return _write(view, path, title)


def _quads_of(store: Store):  # noqa: ANN202 - Callable[[str], Iterator[tuple[str, str, str]]]
    def quads(iri: str) -> Iterator[tuple[str, str, str]]:
        for q in store.ox.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            if not isinstance(q.object, ox.BlankNode):
                yield iri, q.predicate.value, q.object.value
    return quads


def _value(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def _named(store: Store, name: str) -> list[str]:
    """Entities with this main name, else this other name (any case)."""
    query = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?e ?main ?name WHERE {
      { ?e rdfs:label ?n BIND (true AS ?main) } UNION { ?e skos:altLabel ?n BIND (false AS ?main) }
      FILTER (LCASE(STR(?n)) = LCASE(STR(?name)))
    }"""
    rows = [(r["e"].value, r["main"].value == "true") for r in store.ox.query(
        query, use_default_graph_as_union=True, substitutions={ox.Variable("name"): ox.Literal(name.strip())})]
    main = sorted({e for e, m in rows if m})
    return main or sorted({e for e, _ in rows})


def choose(
    store: Store, *, around: str | None, hops: int, date_from: str | None, date_to: str | None, limit: int
) -> Choice:
    """What a page of a large store reads (graph.view.select does the choosing)."""
    from graph.view.select import _bound

    rows = store.ox.query((ASSETS / "index.rq").read_text(encoding="utf-8"), use_default_graph_as_union=True)
    index = read_index((r["e"].value, _value(r["d"]), _value(r["start"]), _value(r["end"]), r["x"].value)
                       for r in rows)
    if around is not None:
        centres = _named(store, around)
        if not centres:
            raise RegistryError(f"No entity named {around!r} in the graph.")
        return around_index(index, centres, hops, limit=limit)
    low, high = _bound(date_from, end=False), _bound(date_to, end=True)
    if low or high:
        what = f"from {date_from or 'the first'} to {date_to or 'the last'}"
        return central(index, low or "0000-01-01", high or "9999-12-31", limit=limit, what=what)
    latest = store.ox.query("SELECT (MAX(STR(?d)) AS ?m) WHERE { ?a <https://schema.org/datePublished> ?d }",
                            use_default_graph_as_union=True)
    newest = next(iter(latest))["m"]
    return central_recent(index, newest.value[:10] if newest is not None else None, limit=limit)


def write_store_view(
    store: Store,
    path: str | PathLike[str],
    *,
    around: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Collection[str] | None = None,
    everything: bool = False,
    limit: int = DEFAULT_NODES,
    title: str = "News knowledge graph",
) -> ViewStats:
    """The page of a store: the whole graph when it is small or ``everything``; else a chosen part."""
    entities = store.summary().get("entities", 0)
    if everything or entities <= limit:
        return write_view(store.dataset, path, around=around, hops=hops, date_from=date_from, date_to=date_to,
                          types=types, title=title)
    choice = choose(store, around=around, hops=hops, date_from=date_from, date_to=date_to, limit=limit)
    view = read_subjects(_quads_of(store), choice.entities | choice.events)
    view = select_view(view, around=around, hops=hops, date_from=date_from, date_to=date_to, types=types)
    return _write(view, path, title, choice.note)
