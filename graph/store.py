"""The embedded, persistent RDF store: Oxigraph on disk, used through rdflib.

A store folder holds::

    oxigraph/           the Oxigraph database (SPARQL runs on Oxigraph's engine)
    extractions/        one JSON file per article: what the extractors read (the NLP cache)
    manifest.json       which articles are in the store, and their extraction files

`Store.dataset` is an rdflib `Dataset` over the Oxigraph store (oxrdflib), so
rdflib's API and Oxigraph's SPARQL engine work on the same data.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef

from graph.errors import StoreError
from graph.model.namespaces import PREFIXES
from graph.records import Extraction, from_json, to_json

Quad = tuple[URIRef, URIRef, object, URIRef | None]


def to_ox(term: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise StoreError(f"not an RDF term: {term!r}")


def to_ox_quad(q: Quad) -> ox.Quad:
    s, p, o, g = q
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g) if g is not None else ox.DefaultGraph())


def store_dir(path: str | Path) -> Path:
    """Accept the build's output folder or the store folder inside it."""
    path = Path(path)
    if (path / "store" / "oxigraph").is_dir():
        return path / "store"
    return path


class Store:
    """A store folder: the Oxigraph database, the extraction cache and the manifest.

    `Store(path)` opens it for writing (one writer at a time); `Store.reader(path)`
    opens an existing store read-only, as queries and views do, so any number of
    readers can work beside each other.
    """

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        self.path = store_dir(path)
        self.read_only = read_only
        if (not create or read_only) and not (self.path / "oxigraph").is_dir():
            raise StoreError(f"No store at {path}: build one with `kg build ARTICLES --out {path}`")
        try:
            if read_only:
                self.ox = ox.Store.read_only(str(self.path / "oxigraph"))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                (self.path / "extractions").mkdir(exist_ok=True)
                self.ox = ox.Store(str(self.path / "oxigraph"))
        except OSError as exc:
            raise StoreError(f"Cannot open the store at {self.path}: {exc}") from exc
        self._dataset: Dataset | None = None

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """An existing store, read-only."""
        return cls(path, create=False, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- RDF ------------------------------------------------------------------------------

    @property
    def dataset(self) -> Dataset:
        """An rdflib Dataset over the store; the default graph is the union of all graphs."""
        if self._dataset is None:
            ds = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
            for prefix, iri in PREFIXES.items():
                ds.bind(prefix, iri, override=True)
            self._dataset = ds
        return self._dataset

    def replace(self, quads: Iterable[Quad]) -> int:
        """Replace the whole content of the store with these quads; returns how many."""
        items = [to_ox_quad(q) for q in quads]
        self.ox.clear()
        self.ox.bulk_extend(items)
        self.ox.flush()
        return len(self.ox)

    def __len__(self) -> int:
        return len(self.ox)

    def quads(self) -> list[ox.Quad]:
        return list(self.ox.quads_for_pattern(None, None, None, None))

    # -- manifest and cache -------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.path / "manifest.json"

    def manifest(self) -> dict[str, str]:
        """Article id -> extraction cache key, for the articles in the store."""
        if not self.manifest_path.exists():
            return {}
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"Cannot read {self.manifest_path}: {exc}") from exc

    def write_manifest(self, manifest: dict[str, str]) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(sorted(manifest.items())), indent=1), encoding="utf-8")
        tmp.replace(self.manifest_path)

    def cached(self, key: str) -> Extraction | None:
        path = self.path / "extractions" / f"{key}.json"
        if not path.exists():
            return None
        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged cache entry is read again

    def cache(self, key: str, extraction: Extraction) -> None:
        path = self.path / "extractions" / f"{key}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(to_json(extraction), encoding="utf-8")
        tmp.replace(path)

    def close(self) -> None:
        """Release the database (its lock goes when the last reference does)."""
        self._dataset = None
        if hasattr(self, "ox"):
            if not self.read_only:
                self.ox.flush()
            del self.ox
        gc.collect()


def graph_payloads(store: Store) -> dict[str | None, bytes]:
    """Each graph of the store as N-Triples, by graph IRI (None: the default graph), for pushing."""
    by_graph: dict[str | None, list[ox.Triple]] = {}
    for q in store.quads():
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return {
        name: ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
        for name, triples in sorted(by_graph.items(), key=lambda kv: kv[0] or "")
    }
