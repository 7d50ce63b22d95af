"""The embedded, persistent RDF store: Oxigraph on disk, used through rdflib.

A store folder holds::

    oxigraph/           the Oxigraph database (SPARQL runs on Oxigraph's engine)
    extractions/        one JSON file per article: what the extractors read (the NLP cache)
    manifest.json       which articles are in the store, and their extraction files
    units.sqlite        each unit of the graph (graph.model.rdf.Unit) as Turtle, with its digest
    exports.json        the digest of the graph each export was written from, and of the file
    inputs.json         the input files read, with their hashes: an unchanged file is not read again

The store is updated unit by unit (:meth:`Store.update`): a unit whose digest
did not change is not touched, so a build that changes one article rewrites
that article's graph and the few statements of the corpus graph it changes.
The Turtle of every unit is kept, so the exports are written by copying it in
order (graph.export.rdf), never by reading the whole store back.

`Store.dataset` is an rdflib `Dataset` over the Oxigraph store (oxrdflib), so
rdflib's API and Oxigraph's SPARQL engine work on the same data.

>>> import tempfile
>>> from graph.model.rdf import Unit
>>> store = Store(Path(tempfile.mkdtemp()) / "store")
>>> line = '<https://w3id.org/newskg/id/entity/anna-berg> <http://www.w3.org/2000/01/rdf-schema#label> "Anna Berg" .'
>>> unit = Unit("https://w3id.org/newskg/id/corpus", "<https://w3id.org/newskg/id/entity/anna-berg>", (line,))
>>> store.update([unit]).added, store.update([unit]).kept, len(store)
(1, 1, 1)
>>> store.close()
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, URIRef

from graph.errors import StoreError
from graph.model.namespaces import PREFIXES
from graph.model.rdf import Unit, graph_order
from graph.records import Extraction, from_json, to_json
from graph.terms import TermError, to_oxigraph

Quad = tuple[URIRef, URIRef, object, URIRef | None]

# Resource IRIs have slashes after the base; written in full they read better than
# prefixed names with escaped slashes, and every parser takes them.
SERIALIZATION_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "id"}
#: The header of every Turtle and TriG file, in the fixed order of PREFIXES.
PREFIX_HEADER = "".join(f"@prefix {k}: <{v}> .\n" for k, v in SERIALIZATION_PREFIXES.items())
_BATCH = 2000  # units per transaction


def unit_turtle(unit: Unit) -> str:
    """The unit's statements as Turtle, without the prefix lines (the files have one header)."""
    data = ox.serialize(
        ox.parse("\n".join(unit.lines) + "\n", format=ox.RdfFormat.N_TRIPLES),
        format=ox.RdfFormat.TURTLE,
        prefixes=SERIALIZATION_PREFIXES,
    ).decode("utf-8")
    return "".join(line + "\n" for line in data.splitlines() if line and not line.startswith("@prefix "))


def _graph_term(graph: str | None) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph is None else ox.NamedNode(graph)


@dataclass
class UpdateStats:
    """What :meth:`Store.update` changed: units added, changed, removed, and left as they were."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    kept: int = 0

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed


def to_ox_quad(q: Quad) -> ox.Quad:
    """An rdflib quad (graph ``None``: the default graph) as a pyoxigraph quad."""
    s, p, o, g = q
    try:
        graph = ox.DefaultGraph() if g is None else to_oxigraph(g)
        return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)
    except TermError as exc:
        raise StoreError(f"cannot store {q!r}: {exc}") from exc


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
        self._units: sqlite3.Connection | None = None
        self._bulk = None

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
        self.units.execute("DELETE FROM units")
        self.units.commit()
        return len(self.ox)

    def __len__(self) -> int:
        return len(self.ox)

    def quads(self) -> list[ox.Quad]:
        return list(self.ox.quads_for_pattern(None, None, None, None))

    # -- units ----------------------------------------------------------------------------

    @property
    def units(self) -> sqlite3.Connection:
        """The unit table: (rank, graph, key) -> digest and Turtle; rank and graph give the export order."""
        if self._units is None:
            path = self.path / "units.sqlite"
            if self.read_only and not path.exists():
                raise StoreError(f"No unit table in {self.path}: build the store again with this version of kg")
            uri = f"file:{path}?mode=ro" if self.read_only else f"file:{path}"
            self._units = sqlite3.connect(uri, uri=True)
            if not self.read_only:
                self._units.execute(
                    "CREATE TABLE IF NOT EXISTS units (rank INTEGER NOT NULL, graph TEXT NOT NULL,"
                    " key TEXT NOT NULL, digest TEXT NOT NULL, size INTEGER NOT NULL, turtle TEXT NOT NULL,"
                    " PRIMARY KEY (rank, graph, key))"
                )
                self._units.execute("CREATE UNIQUE INDEX IF NOT EXISTS units_by_key ON units (graph, key)")
        return self._units

    def update(
        self, units: Iterable[Unit], *, complete: bool = True, remove: Iterable[tuple[str | None, str]] = ()
    ) -> UpdateStats:
        """Make the store hold these units, touching only those that changed.

        Units are compared by digest with what the store holds. With ``complete``
        (a whole corpus's units), a unit the store has and ``units`` does not is
        removed; without it (a patch: only the units an incremental resolution
        says it touched), only the units given and those of ``remove`` (graph,
        key) change. An article graph is one unit and is replaced whole; in the
        corpus and default graphs a unit is one subject's statements, and only
        those are removed and added.
        """
        db = self.units
        stored = {(g, k): d for g, k, d in db.execute("SELECT graph, key, digest FROM units")}
        empty = not stored and len(self.ox) == 0
        # Into an empty store, every quad goes to one file and then one bulk load.
        self._bulk = (self.path / "bulk.nq").open("w", encoding="utf-8") if empty else None
        stats = UpdateStats()
        seen: set[tuple[str, str]] = set()
        batch: list[tuple[Unit, str | None]] = []  # the new unit, and the stored one's Turtle if it changed
        for unit in units:
            ident = (unit.graph or "", unit.key)
            if ident in seen:
                raise StoreError(f"two units for {ident}: the model stage must merge them")
            seen.add(ident)
            old = stored.get(ident)
            if old == unit.digest:
                stats.kept += 1
                continue
            if old is None:
                stats.added += 1
            else:
                stats.changed += 1
            batch.append((unit, old))
            if len(batch) >= _BATCH:
                self._apply(batch, [], bulk=empty)
                batch = []
        if complete:
            gone = [ident for ident in stored if ident not in seen]
        else:
            gone = [ident for ident in ((g or "", k) for g, k in remove) if ident in stored and ident not in seen]
        stats.removed = len(gone)
        self._apply(batch, gone, bulk=empty)
        if self._bulk is not None:
            self._bulk.close()
            self.ox.bulk_load(path=str(self.path / "bulk.nq"), format=ox.RdfFormat.N_QUADS)
            (self.path / "bulk.nq").unlink()
            self._bulk = None
        self.ox.flush()
        return stats

    def _stored_turtle(self, graph: str, key: str) -> str:
        row = self.units.execute("SELECT turtle FROM units WHERE graph = ? AND key = ?", (graph, key)).fetchone()
        return row[0] if row else ""

    def _remove_units(self, idents: list[tuple[str, str]]) -> None:
        """Remove the statements of these stored units: whole article graphs, and the others in one update."""
        by_graph: dict[str, list[str]] = {}
        for graph, key in idents:
            if graph and not key:  # a whole article graph
                self.ox.remove_graph(ox.NamedNode(graph))
                continue
            triples = ox.parse(PREFIX_HEADER + self._stored_turtle(graph, key), format=ox.RdfFormat.TURTLE)
            by_graph.setdefault(graph, []).append(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode())
        if not by_graph:
            return
        # Every term here was written by pyoxigraph's N-Triples serializer: data, not text pasted into SPARQL.
        blocks = [
            "".join(chunks) if not graph else f"GRAPH {ox.NamedNode(graph)} {{\n{''.join(chunks)}}}\n"
            for graph, chunks in sorted(by_graph.items())
        ]
        self.ox.update("DELETE DATA {\n" + "".join(blocks) + "}")

    def _apply(self, batch: list[tuple[Unit, str | None]], gone: list[tuple[str, str]], *, bulk: bool) -> None:
        db = self.units
        self._remove_units([(u.graph or "", u.key) for u, old in batch if old is not None] + gone)
        for graph, key in gone:
            db.execute("DELETE FROM units WHERE graph = ? AND key = ?", (graph, key))
        nquads = []
        for unit, _ in batch:
            g = "" if unit.graph is None else f" <{unit.graph}>"
            nquads.extend(line[:-2] + g + " .\n" for line in unit.lines)
        if nquads and bulk and self._bulk is not None:
            self._bulk.write("".join(nquads))
        elif nquads:
            self.ox.load("".join(nquads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        db.executemany(
            "INSERT OR REPLACE INTO units (rank, graph, key, digest, size, turtle) VALUES (?, ?, ?, ?, ?, ?)",
            [(graph_order(u.graph)[0], u.graph or "", u.key, u.digest, len(u.lines), unit_turtle(u)) for u, _ in batch],
        )
        db.commit()

    def state(self) -> str:
        """A digest of every unit the store holds: equal states, equal graphs."""
        import hashlib

        h = hashlib.sha256()
        for (digest,) in self.units.execute("SELECT digest FROM units ORDER BY rank, graph, key"):
            h.update(digest.encode("ascii"))
        return h.hexdigest()[:32]

    def size(self) -> int:
        """How many quads the store holds (every statement is in one unit)."""
        if not (self.path / "units.sqlite").exists():
            return 0
        (total,) = self.units.execute("SELECT COALESCE(SUM(size), 0) FROM units").fetchone()
        return int(total)

    def graphs_turtle(self) -> Iterator[tuple[str | None, str]]:
        """(graph, Turtle of one unit) for every unit, in export order: default, corpus, articles."""
        for graph, turtle in self.units.execute("SELECT graph, turtle FROM units ORDER BY rank, graph, key"):
            yield (graph or None), turtle

    # -- exports --------------------------------------------------------------------------------

    @property
    def exports_path(self) -> Path:
        return self.path / "exports.json"

    def export_record(self) -> dict[str, dict[str, str]]:
        """File name -> {"state": the store state it was written from, "sha256": of the file}."""
        try:
            return json.loads(self.exports_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_export_record(self, record: dict[str, dict[str, str]]) -> None:
        tmp = self.exports_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(sorted(record.items())), indent=1), encoding="utf-8")
        tmp.replace(self.exports_path)

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

    @property
    def inputs_path(self) -> Path:
        return self.path / "inputs.json"

    def input_record(self) -> dict:
        """The input files read before, with their hashes and articles (graph.pipeline.InputRecord)."""
        try:
            return json.loads(self.inputs_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_input_record(self, record: dict) -> None:
        tmp = self.inputs_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        tmp.replace(self.inputs_path)

    @property
    def summary_path(self) -> Path:
        return self.path / "summary.json"

    def summary(self) -> dict:
        """Counts of the last update (articles, entities, events, roles) and the manifest it was made from."""
        try:
            return json.loads(self.summary_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def write_summary(self, summary: dict) -> None:
        summary = dict(summary, manifest=manifest_digest(self.manifest()))
        tmp = self.summary_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.summary_path)

    def is_current(self, manifest: dict[str, str]) -> bool:
        """Whether the graph in the store was made from exactly these articles (an update finished)."""
        return self.summary().get("manifest") == manifest_digest(manifest)

    def has_cached(self, key: str) -> bool:
        return (self.path / "extractions" / f"{key}.json").is_file()

    def cached(self, key: str) -> Extraction | None:
        path = self.path / "extractions" / f"{key}.json"
        if not path.exists():
            return None
        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged cache entry is read again

    def cache(self, key: str, extraction: Extraction) -> None:
        self.cache_json(key, to_json(extraction))

    def cache_json(self, key: str, text: str) -> None:
        """Cache an extraction already serialized by graph.records.to_json."""
        path = self.path / "extractions" / f"{key}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)

    def close(self) -> None:
        """Release the database (its lock goes when the last reference does)."""
        self._dataset = None
        if getattr(self, "_units", None) is not None:
            self._units.close()
            self._units = None
        if hasattr(self, "ox"):
            if not self.read_only:
                self.ox.flush()
            del self.ox
        gc.collect()


def manifest_digest(manifest: dict[str, str]) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(sorted(manifest.items())).encode("utf-8")).hexdigest()[:32]


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
