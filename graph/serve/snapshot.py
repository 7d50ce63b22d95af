"""Read-only snapshots of a store that ``kg build`` may be writing: what ``kg serve`` answers from.

Oxigraph opens a store read-only beside its one writer (RocksDB's read-only
mode: no lock is taken, so ``kg build`` can open the same store and write).
A read-only open is a snapshot: it sees the database as it was when it was
opened, whatever the writer does after (its files stay open, even when the
writer compacts them away), and nothing it would write since. pyoxigraph
calls reading *while* another process writes "undefined behaviour"; what is
safe is a snapshot opened when no update was running, and a new one once an
update has finished.

``kg build`` and ``kg remove`` write a store in this order: ``manifest.json``
(the articles it will hold), then the Oxigraph database, then
``summary.json``, which records the digest of the manifest it was made from
(graph.store.Store.write_summary). So a store is **complete** when
``summary.json`` names the digest of ``manifest.json`` and was written after
it; while an update runs, the manifest is newer. A snapshot is taken only when
the store is complete before and after the open, with neither file changed
in between: then no update started writing the database meanwhile.

:class:`Snapshots` keeps the newest complete snapshot. Each call of
:meth:`Snapshots.current` looks at the two files (two ``stat`` calls): when
an update has finished since the snapshot was taken, it opens a new one;
while an update runs, it keeps answering from the last complete one; before
the first complete one exists it raises :class:`StoreBusy`.

>>> import tempfile
>>> from graph.model.rdf import Unit
>>> from graph.store import Store
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> with Store(path) as db:
...     _ = db.write_manifest({"a1": "key"}), db.update([]), db.write_summary({"articles": 1})
>>> snapshots = Snapshots(path)
>>> snapshots.current().summary["articles"], snapshots.current() is snapshots.current()
(1, True)
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import StoreError
from graph.store import Store, manifest_digest, store_dir

__all__ = ["Snapshot", "Snapshots", "StoreBusy", "store_marker"]

#: How often a failed open is tried again (a file the writer deletes as the reader opens it).
OPEN_ATTEMPTS = 3

Marker = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]


class StoreBusy(StoreError):
    """The store has no complete state to answer from yet: an update is being written."""


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def store_marker(path: Path) -> Marker:
    """The identity of the store's manifest and summary files (inode, mtime, size; None if absent)."""
    return _stat(path / "manifest.json"), _stat(path / "summary.json")


def _is_complete(path: Path, marker: Marker) -> bool:
    manifest_stat, summary_stat = marker
    if summary_stat is None:
        return False
    if manifest_stat is not None and summary_stat[1] < manifest_stat[1]:
        return False  # the manifest was written after the summary: an update is running
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8")) if manifest_stat else {}
        summary = json.loads((path / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return summary.get("manifest") == manifest_digest(manifest)


@dataclass
class Snapshot:
    """One read-only open of the store, taken while it was complete."""

    store: Store
    marker: Marker
    summary: dict
    opened: float = field(default_factory=time.time)
    #: A number that grows with each new snapshot (for caches keyed by it).
    generation: int = 0


class Snapshots:
    """The newest complete snapshot of the store at ``path`` (a build's output folder or its store/)."""

    def __init__(self, path: str | Path):
        self.path = store_dir(path)
        if not (self.path / "oxigraph").is_dir():
            raise StoreError(f"No store at {path}: build one with `kg build ARTICLES --out {path}`")
        self._current: Snapshot | None = None
        self._lock = threading.Lock()
        self._generation = 0

    def current(self) -> Snapshot:
        """The snapshot to answer from now: a new one if an update finished since the last."""
        with self._lock:
            marker = store_marker(self.path)
            if self._current is not None and self._current.marker == marker:
                return self._current
            fresh = self._open(marker)
            if fresh is not None:
                self._current = fresh  # the old one is closed when the last request using it ends
                return fresh
            if self._current is not None:
                return self._current  # an update is running: answer from the last complete state
            raise StoreBusy(
                f"The store at {self.path} is being written (kg build or kg remove is running) and has no "
                "finished state to answer from yet; try again when it finishes"
            )

    def _open(self, marker: Marker) -> Snapshot | None:
        """A snapshot if the store is complete and stays unchanged across the open, else None."""
        if not _is_complete(self.path, marker):
            return None
        for attempt in range(OPEN_ATTEMPTS):
            try:
                store = Store.reader(self.path)
            except StoreError:
                if attempt + 1 == OPEN_ATTEMPTS:
                    raise
                time.sleep(0.05 * (attempt + 1))
                continue
            if store_marker(self.path) != marker:
                return None  # an update started meanwhile: the open may have seen part of it
            self._generation += 1
            return Snapshot(store, marker, store.summary(), generation=self._generation)
        return None
