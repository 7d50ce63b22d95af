"""Turtle (the merged graph), TriG (one named graph per article) and N-Quads from a store.

The store keeps every unit of the graph as Turtle (graph.store), serialized
once by Oxigraph when the unit changed; a file is written by copying those
pieces in a fixed order (default graph, corpus graph, article graphs by IRI;
within a graph, by subject) under one prefix header, so the same content gives
the same bytes whatever order the articles came in, and writing costs what
copying the file does. Every statement is in exactly one unit, so the merged
Turtle is the units one after another, with no statement twice.

>>> import tempfile
>>> from graph.model.rdf import Unit
>>> folder = Path(tempfile.mkdtemp())
>>> store = Store(folder / "store")
>>> line = '<https://w3id.org/newskg/id/entity/anna-berg> <http://www.w3.org/2000/01/rdf-schema#label> "Anna Berg" .'
>>> _ = store.update([Unit("https://w3id.org/newskg/id/corpus", "<x>", (line,))])
>>> write_turtle(store, folder / "graph.ttl")
>>> 'rdfs:label "Anna Berg"' in (folder / "graph.ttl").read_text(encoding="utf-8")
True
>>> store.close()
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.store import PREFIX_HEADER, Store


def _write(path: Path, chunks) -> None:  # noqa: ANN001 - an iterable of str
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        for chunk in chunks:
            f.write(chunk)
    tmp.replace(path)


def turtle_chunks(store: Store):  # noqa: ANN201 - Iterator[str]
    yield PREFIX_HEADER
    for _graph, turtle in store.graphs_turtle():
        yield turtle


def trig_chunks(store: Store):  # noqa: ANN201 - Iterator[str]
    yield PREFIX_HEADER
    current: object = ()
    for graph, turtle in store.graphs_turtle():
        if graph != current:
            if current != ():
                yield "}\n"
            yield "{\n" if graph is None else f"<{graph}> {{\n"
            current = graph
        yield turtle
    if current != ():
        yield "}\n"


def write_turtle(store: Store, path: Path) -> None:
    """The merged graph as Turtle."""
    _write(path, turtle_chunks(store))


def write_trig(store: Store, path: Path) -> None:
    """The default graph (the articles' provenance), the corpus graph and every article's graph, as TriG."""
    _write(path, trig_chunks(store))


def write_nquads(store: Store, path: Path) -> None:
    """Every quad as N-Quads, one per line (for bulk loaders), dumped by Oxigraph."""
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    store.ox.dump(str(tmp), format=ox.RdfFormat.N_QUADS)
    tmp.replace(path)
