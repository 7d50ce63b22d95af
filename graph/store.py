"""The embedded, persistent RDF store: Oxigraph on disk, used through rdflib.

A store folder holds::

    oxigraph-N/         the Oxigraph database of generation N (SPARQL runs on Oxigraph's engine)
    oxigraph            a link to the current generation's folder
    extractions/        one JSON file per article: what the extractors read (the NLP cache)
    units.sqlite        each unit of the graph (graph.model.rdf.Unit) as Turtle, with its digest, and
                        the commit record: generation, manifest, summary, quad count
    manifest.json       a copy of the committed manifest (article id -> extraction cache key), for reading
    exports.json        the digest of the graph each export was written from, and of the file
    inputs.json         the input files read, with their hashes: an unchanged file is not read again

The store is updated unit by unit (:meth:`Store.update`): a unit whose digest
did not change is not touched, so a build that changes one article rewrites
that article's graph and the few statements of the corpus graph it changes.
The Turtle of every unit is kept, so the exports are written by copying it in
order (graph.export.rdf), never by reading the whole store back.

**A store is always whole.** An update never writes into the database that
readers answer from: it makes the next generation beside it (Oxigraph's
backup, hard links to the current one's files), writes the changes there,
and then commits, in one SQLite transaction, the units, the manifest, the
summary, the number of quads and the new generation's number. That commit
is the moment the store moves from one whole graph to the next; a kill or a
full disk before it leaves the previous generation and units as they were
(the half-written generation is removed when the store is next opened), and
after it the new one is whole. A store without a commit record (made by an
older version of kg, or copied half-way) is refused by every reader with a
message saying to build it again; a writer rebuilds it from its manifest and
extraction cache. :meth:`Store.verify` also counts the quads against the
record.

`Store.dataset` is an rdflib `Dataset` over the Oxigraph store (oxrdflib), so
rdflib's API and Oxigraph's SPARQL engine work on the same data.

>>> import tempfile
>>> from graph.model.rdf import Unit
>>> store = Store(Path(tempfile.mkdtemp()) / "store")
>>> line = '<https://w3id.org/newskg/id/entity/anna-berg> <http://www.w3.org/2000/01/rdf-schema#label> "Anna Berg" .'
>>> unit = Unit("https://w3id.org/newskg/id/corpus", "<https://w3id.org/newskg/id/entity/anna-berg>", (line,))
>>> store.update([unit]).added, store.update([unit]).kept, len(store), store.generation
(1, 1, 1, 1)
>>> store.close()
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, URIRef

from graph.atomic import atomic_text, remove_stale
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
    """The unit's statements as Turtle, without the prefix lines (the files have one header).

    Lines are split at ``\\n`` only: a literal may hold U+0085 or U+2028, which ``str.splitlines`` takes
    for line ends.
    """
    data = ox.serialize(
        ox.parse("\n".join(unit.lines) + "\n", format=ox.RdfFormat.N_TRIPLES),
        format=ox.RdfFormat.TURTLE,
        prefixes=SERIALIZATION_PREFIXES,
    ).decode("utf-8")
    return "".join(line + "\n" for line in data.split("\n") if line and not line.startswith("@prefix "))


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
    if (path / "store" / "units.sqlite").is_file() or (path / "store" / "oxigraph").is_dir():
        return path / "store"
    return path


NOT_WHOLE = "build it again with `kg build ARTICLES --out {out}` (an interrupted build left it, or an older kg made it)"


class Store:
    """A store folder: the Oxigraph database, the extraction cache and the manifest.

    `Store(path)` opens it for writing (one writer at a time); `Store.reader(path)`
    opens an existing store read-only, as queries and views do, so any number of
    readers can work beside each other. A reader refuses a store that is not
    whole (see the module's docstring).
    """

    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False):
        self.path = store_dir(path)
        self.read_only = read_only
        self._dataset: Dataset | None = None
        self._units: sqlite3.Connection | None = None
        self._bulk = None
        self._meta: dict[str, str] = {}
        self._legacy: dict[str, str] | None = None  # the manifest of a store without a commit record
        self.generation: int | None = None  # the committed generation (None: nothing committed yet)
        self._pending = None
        self._switched = False
        exists = (self.path / "units.sqlite").is_file() or (self.path / "oxigraph").exists()
        if (not create or read_only) and not exists:
            raise StoreError(f"No store at {path}: build one with `kg build ARTICLES --out {path}`")
        try:
            if read_only:
                self._open_reader()
            else:
                self._open_writer()
        except OSError as exc:
            raise StoreError(f"Cannot open the store at {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Cannot read the store's unit table {self.path / 'units.sqlite'}: {exc}") from exc

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """An existing, whole store, read-only."""
        return cls(path, create=False, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- generations ----------------------------------------------------------------------

    def _gen_dir(self, generation: int) -> Path:
        return self.path / f"oxigraph-{generation}"

    def _not_whole(self, why: str) -> StoreError:
        out = self.path.parent if self.path.name == "store" else self.path
        return StoreError(f"The store at {self.path} is not whole ({why}): " + NOT_WHOLE.format(out=out))

    def _read_meta(self) -> dict[str, str]:
        try:
            rows = self.units.execute("SELECT name, value FROM meta").fetchall()
        except sqlite3.OperationalError:  # no such table: nothing committed
            return {}
        return dict(rows)

    def _open_reader(self) -> None:
        for attempt in range(3):  # a writer may commit and drop the generation between reading and opening
            meta = self._read_meta()
            if "generation" not in meta:
                raise self._not_whole("it has no commit record")
            folder = self._gen_dir(int(meta["generation"]))
            try:
                self.ox = ox.Store.read_only(str(folder))
            except OSError:
                if attempt == 2:
                    if not folder.is_dir():
                        raise self._not_whole(f"its database {folder.name} is missing") from None
                    raise
                continue
            self._meta = meta
            self.generation = int(meta["generation"])
            return

    def _open_writer(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / "extractions").mkdir(exist_ok=True)
        remove_stale(self.path)
        remove_stale(self.path / "extractions")
        (self.path / "bulk.nq").unlink(missing_ok=True)
        meta = self._read_meta()
        if "generation" in meta:
            self._meta = meta
            self.generation = int(meta["generation"])
            current = self._gen_dir(self.generation)
            if not current.is_dir():
                raise self._not_whole(f"its database {current.name} is missing")
            self._drop_generations(keep=current.name)
        else:
            # new, or without a commit record: the first update writes it whole from its manifest
            self._legacy = self._legacy_manifest()
            self.units.execute("DELETE FROM units")
            self.units.commit()
            self._drop_generations(keep=None)
            current = self._gen_dir(0)
            current.mkdir()
        self._link(current.name)
        self.ox = ox.Store(str(current))

    def _drop_generations(self, keep: str | None) -> None:
        """Remove every database folder but ``keep``: half-written generations, and old ones."""
        for folder in self.path.glob("oxigraph*"):
            if folder.name == keep or folder.name == "oxigraph" and folder.is_symlink():
                continue
            if folder.is_symlink() or folder.is_file():
                folder.unlink()
            else:
                shutil.rmtree(folder, ignore_errors=True)

    def _link(self, name: str) -> None:
        """Point ``oxigraph`` at the current generation's folder (atomically: a new link renamed over it)."""
        link = self.path / "oxigraph"
        if link.is_symlink() and os.readlink(link) == name:
            return
        tmp = self.path / ".oxigraph.link.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(name)
        os.replace(tmp, link)

    def _legacy_manifest(self) -> dict[str, str]:
        if not self.manifest_path.exists():
            return {}
        try:
            found = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"Cannot read {self.manifest_path}: {exc}") from exc
        return _checked_manifest(found, self.manifest_path)

    def _commit(self, fill, *, copy: bool, meta: dict[str, object]) -> None:  # noqa: ANN001 - Callable[[], None]
        """Let ``fill`` write the unit table and, through :meth:`_switch`, the next generation (a copy
        of this one, or empty), then commit both with ``meta``; on any failure the store stays as it was."""
        db = self.units
        current = self.ox
        number = (self.generation or 0) + 1
        target = self._gen_dir(number)
        self._pending = (current, target, copy)
        self._switched = False
        try:
            fill()
            if self._switched:
                self.ox.flush()
            record = {k: v if isinstance(v, str) else json.dumps(v, sort_keys=True) for k, v in meta.items()}
            record["generation"] = str(number if self._switched else self.generation or 0)
            db.execute("DELETE FROM meta")
            db.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", sorted(record.items()))
            db.commit()  # the commit: from here on the new generation is the store
        except BaseException as exc:
            db.rollback()
            if self._bulk is not None:
                self._bulk.close()
                self._bulk = None
            (self.path / "bulk.nq").unlink(missing_ok=True)
            self.ox = current
            self._dataset = None
            gc.collect()
            if self._switched:
                shutil.rmtree(target, ignore_errors=True)
            if isinstance(exc, (OSError, sqlite3.Error, ValueError, SyntaxError)):
                raise StoreError(f"Could not write the store at {self.path} ({exc}); it is as it was before") from exc
            raise
        finally:
            self._pending = None
        old = self.generation
        self._meta = record
        self._legacy = None
        self.generation = int(record["generation"])
        if self._switched:
            _release(current)
            del current
            self._link(target.name)
            shutil.rmtree(self._gen_dir(old if old is not None else 0), ignore_errors=True)
        atomic_text(self.manifest_path, json.dumps(dict(sorted(self.manifest().items())), indent=1))

    def _switch(self) -> None:
        """Make the next generation and write into it from here on (once per commit)."""
        if self._switched:
            return
        current, target, copy = self._pending
        if target.exists():
            shutil.rmtree(target)
        if copy:
            current.backup(str(target))
        else:
            target.mkdir()
        self.ox = ox.Store(str(target))
        self._dataset = None
        self._switched = True

    def verify(self) -> None:
        """Count the database's quads against the commit record; StoreError when they differ."""
        expected = int(self._meta.get("quads", "-1"))
        found = len(self.ox)
        if found != expected:
            raise self._not_whole(f"it holds {found} quads where its last build committed {expected}")

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
        """Replace the whole content of the store with these quads, in one commit; returns how many.

        The unit table is emptied (the quads are not units): exports of such a store are empty.
        """
        items = [to_ox_quad(q) for q in quads]

        def fill() -> None:
            self._switch()
            self.ox.bulk_extend(items)
            self.units.execute("DELETE FROM units")

        meta = self._next_meta(quads=len(set(items)))
        self._commit(fill, copy=False, meta=meta)
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
                raise self._not_whole("it has no unit table")
            uri = f"file:{path}?mode=ro" if self.read_only else f"file:{path}"
            self._units = sqlite3.connect(uri, uri=True)
            if not self.read_only:
                self._units.execute(
                    "CREATE TABLE IF NOT EXISTS units (rank INTEGER NOT NULL, graph TEXT NOT NULL,"
                    " key TEXT NOT NULL, digest TEXT NOT NULL, size INTEGER NOT NULL, turtle TEXT NOT NULL,"
                    " PRIMARY KEY (rank, graph, key))"
                )
                self._units.execute("CREATE UNIQUE INDEX IF NOT EXISTS units_by_key ON units (graph, key)")
                self._units.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        return self._units

    def _next_meta(
        self,
        *,
        manifest: dict[str, str] | None = None,
        summary: dict | None = None,
        contents: dict[str, str] | None = None,
        quads: int | None = None,
    ) -> dict[str, object]:
        manifest = self.manifest() if manifest is None else manifest
        contents = self.contents() if contents is None else contents
        summary = dict(self.summary() if summary is None else summary, manifest=manifest_digest(manifest))
        return {
            "manifest": dict(sorted(manifest.items())),
            "contents": {k: v for k, v in sorted(contents.items()) if k in manifest},
            "summary": summary,
            "quads": str(quads) if quads is not None else None,
        }

    def update(
        self,
        units: Iterable[Unit],
        *,
        complete: bool = True,
        remove: Iterable[tuple[str | None, str]] = (),
        manifest: dict[str, str] | None = None,
        summary: dict | None = None,
        contents: dict[str, str] | None = None,
    ) -> UpdateStats:
        """Make the store hold these units, touching only those that changed, in one commit.

        Units are compared by digest with what the store holds. With ``complete``
        (a whole corpus's units), a unit the store has and ``units`` does not is
        removed; without it (a patch: only the units an incremental resolution
        says it touched), only the units given and those of ``remove`` (graph,
        key) change. An article graph is one unit and is replaced whole; in the
        corpus and default graphs a unit is one subject's statements, and only
        those are removed and added. ``manifest``, ``summary`` and ``contents``
        (article id -> digest of its content) are committed with the units;
        None keeps the committed ones. A failure anywhere leaves the store as
        it was (StoreError).
        """
        if self.read_only:
            raise StoreError(f"The store at {self.path} is open read-only")
        db = self.units
        stored = {(g, k): d for g, k, d in db.execute("SELECT graph, key, digest FROM units")}
        # Into an empty store, every quad goes to one file and then one bulk load, into a new database.
        empty = not stored
        stats = UpdateStats()

        def fill() -> None:
            self._bulk = (self.path / "bulk.nq").open("w", encoding="utf-8") if empty else None
            seen: set[tuple[str, str]] = set()
            batch: list[tuple[Unit, str | None]] = []  # the new unit, and the stored one's digest if it changed
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
                self._bulk = None
                self._switch()
                self.ox.bulk_load(path=str(self.path / "bulk.nq"), format=ox.RdfFormat.N_QUADS)
                (self.path / "bulk.nq").unlink()
            meta.update(self._next_meta(manifest=manifest, summary=summary, contents=contents, quads=self.size()))

        meta: dict[str, object] = {}
        self._commit(fill, copy=not empty, meta=meta)
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
        """Write a batch into the next generation and the unit table (committed by :meth:`_commit`)."""
        db = self.units
        if not (batch or gone):
            return
        if not bulk:
            self._switch()
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

    def state(self) -> str:
        """A digest of every unit the store holds: equal states, equal graphs."""
        h = hashlib.sha256()
        for (digest,) in self.units.execute("SELECT digest FROM units ORDER BY rank, graph, key"):
            h.update(digest.encode("ascii"))
        return h.hexdigest()[:32]

    def size(self) -> int:
        """How many quads the store holds (every statement is in one unit)."""
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
            found = json.loads(self.exports_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def write_export_record(self, record: dict[str, dict[str, str]]) -> None:
        atomic_text(self.exports_path, json.dumps(dict(sorted(record.items())), indent=1))

    # -- manifest and cache -------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.path / "manifest.json"

    def _meta_json(self, name: str, default: object) -> object:
        if name not in self._meta:
            return default
        try:
            return json.loads(self._meta[name])
        except ValueError as exc:
            raise self._not_whole(f"its commit record's {name} does not parse: {exc}") from exc

    def manifest(self) -> dict[str, str]:
        """Article id -> extraction cache key, for the articles in the store (as last committed)."""
        if self._legacy is not None:
            return dict(self._legacy)
        return _checked_manifest(self._meta_json("manifest", {}), self.path / "units.sqlite")

    def contents(self) -> dict[str, str]:
        """Article id -> digest of the article's content (graph.pipeline.content_digest), where known."""
        found = self._meta_json("contents", {})
        return found if isinstance(found, dict) else {}

    @property
    def inputs_path(self) -> Path:
        return self.path / "inputs.json"

    def input_record(self) -> dict:
        """The input files read before, with their hashes and articles (graph.pipeline.InputRecord)."""
        try:
            found = json.loads(self.inputs_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def write_input_record(self, record: dict) -> None:
        atomic_text(self.inputs_path, json.dumps(record, sort_keys=True))

    def summary(self) -> dict:
        """Counts of the last update (articles, entities, events, roles) and the manifest it was made from."""
        found = self._meta_json("summary", {})
        return found if isinstance(found, dict) else {}

    def is_current(self, manifest: dict[str, str]) -> bool:
        """Whether the graph in the store was made from exactly these articles (an update finished)."""
        return self.generation is not None and self.summary().get("manifest") == manifest_digest(manifest)

    def has_cached(self, key: str) -> bool:
        return (self.path / "extractions" / f"{key}.json").is_file()

    def cached(self, key: str) -> Extraction | None:
        path = self.path / "extractions" / f"{key}.json"
        if not path.exists():
            return None
        try:
            return from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # a damaged cache entry: gone, so that the article is read again
            return None

    def cache(self, key: str, extraction: Extraction) -> None:
        self.cache_json(key, to_json(extraction))

    def cache_json(self, key: str, text: str) -> None:
        """Cache an extraction already serialized by graph.records.to_json."""
        atomic_text(self.path / "extractions" / f"{key}.json", text, durable=False)

    def close(self) -> None:
        """Release the database (its lock goes when the last reference does)."""
        self._dataset = None
        if getattr(self, "_units", None) is not None:
            self._units.close()
            self._units = None
        if hasattr(self, "ox"):
            if not self.read_only:
                self.ox.flush()
            held = self.ox
            del self.ox
            _release(held)
            del held


def _release(database: object) -> None:
    """Make sure a database handle goes (and its lock with it) when the caller drops its last
    name for it: a full garbage collection only when something else still refers to it, as an
    rdflib graph over it does (a full collection costs a tenth of a second beside a loaded model)."""
    if sys.getrefcount(database) > 3:  # the caller's name, this argument, getrefcount's own
        gc.collect()


def _checked_manifest(found: object, where: Path) -> dict[str, str]:
    if not isinstance(found, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in found.items()):
        raise StoreError(
            f"{where}: the manifest is not an object of article ids and cache keys: build the store again "
            "into a new --out folder"
        )
    return found


def manifest_digest(manifest: dict[str, str]) -> str:
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
