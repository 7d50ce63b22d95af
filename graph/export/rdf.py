"""Turtle (the merged graph) and TriG (one named graph per article) from a store.

Output is byte-identical for the same content: statements are sorted and
the prefixes are fixed (graph.model.namespaces.PREFIXES). Oxigraph writes
both formats (about 30x faster than rdflib's serializer).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.model.namespaces import PREFIXES
from graph.store import Store

# Resource IRIs have slashes after the base; written in full they read better than
# prefixed names with escaped slashes, and every parser takes them.
SERIALIZATION_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "id"}


def merged_triples(store: Store) -> list[ox.Triple]:
    """Every distinct triple of every graph: the merged view."""
    seen = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    return sorted(seen, key=str)


def write_turtle(store: Store, path: Path) -> None:
    """The merged graph as Turtle."""
    data = ox.serialize(merged_triples(store), format=ox.RdfFormat.TURTLE, prefixes=SERIALIZATION_PREFIXES)
    Path(path).write_bytes(data)


def write_trig(store: Store, path: Path) -> None:
    """Every named graph, and the default graph with the articles' provenance, as TriG."""
    quads = sorted(
        store.quads(), key=lambda q: (not isinstance(q.graph_name, ox.DefaultGraph), str(q.graph_name), str(q))
    )
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=SERIALIZATION_PREFIXES)
    Path(path).write_bytes(data)


def write_nquads(store: Store, path: Path) -> None:
    """Every quad as N-Quads, one per line (for bulk loaders)."""
    quads = sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q)))
    Path(path).write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
