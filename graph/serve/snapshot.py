"""Read-only snapshots of a store that ``kg build`` may be writing: what ``kg serve`` answers from.

A store moves from one whole graph to the next in one commit (graph.store):
an update writes the next generation of the database (``oxigraph-N+1/``)
beside the one readers use, commits it in the unit table's commit record,
then points the ``oxigraph`` link at it and removes the old generation. A
read-only open (:meth:`graph.store.Store.reader`) reads the commit record and
opens the committed generation, so it is always of a whole graph, and it is a
snapshot: it keeps seeing that generation (its files stay open) even after
the writer has removed it.

:class:`Snapshots` keeps the newest snapshot. Each call of
:meth:`Snapshots.current` reads where the ``oxigraph`` link points (one
``readlink``): when an update has committed since the snapshot was taken, it
opens a new one; while an update runs, the link has not moved and it answers
from the last committed generation. A store that is not whole (no commit
record, a missing database, fewer or more quads than its record says:
:meth:`graph.store.Store.verify`) is refused: at the first snapshot, so that
``kg serve`` does not start; later, a new generation that is not whole is
refused and the last whole snapshot is kept.

>>> import tempfile
>>> from graph.store import Store
>>> path = Path(tempfile.mkdtemp()) / "store"
>>> with Store(path) as db:
...     _ = db.update([], manifest={"a1": "key"}, summary={"articles": 1})
>>> snapshots = Snapshots(path)
>>> snapshots.current().summary["articles"], snapshots.current() is snapshots.current()
(1, True)
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import StoreError
from graph.store import Store, store_dir

__all__ = ["Snapshot", "Snapshots", "StoreBusy", "store_marker"]

#: How often a failed open is tried again (a generation the writer removes as the reader opens it).
OPEN_ATTEMPTS = 3

Marker = str | None


class StoreBusy(StoreError):
    """The store has no whole state to answer from yet: an update is being written."""


def store_marker(path: Path) -> Marker:
    """The committed generation's folder that the store's ``oxigraph`` link names (None: no link)."""
    try:
        return os.readlink(path / "oxigraph")
    except OSError:
        return None


@dataclass
class Snapshot:
    """One read-only open of the store, of one committed generation."""

    store: Store
    marker: Marker
    summary: dict
    opened: float = field(default_factory=time.time)
    #: A number that grows with each new snapshot (for caches keyed by it).
    generation: int = 0


class Snapshots:
    """The newest snapshot of the store at ``path`` (a build's output folder or its store/).

    The first one is opened here: StoreError when there is no store or it is not whole.
    """

    def __init__(self, path: str | Path):
        self.path = store_dir(path)
        if not (self.path / "oxigraph").is_dir():
            raise StoreError(f"No store at {path}: build one with `kg build ARTICLES --out {path}`")
        self._current: Snapshot | None = None
        self._lock = threading.Lock()
        self._generation = 0
        self._current = self._open(store_marker(self.path))

    def current(self) -> Snapshot:
        """The snapshot to answer from now: a new one if an update committed since the last."""
        with self._lock:
            marker = store_marker(self.path)
            if self._current is not None and self._current.marker == marker:
                return self._current
            try:
                fresh = self._open(marker)
            except StoreError:
                if self._current is None:
                    raise
                return self._current  # the new state cannot be read (yet): answer from the last whole one
            if self._current is None or fresh.store.generation >= self._current.store.generation:
                self._current = fresh  # the old one is closed when the last request using it ends
            return self._current

    def _open(self, marker: Marker) -> Snapshot:
        """A snapshot of the committed generation, checked whole (StoreError if it is not)."""
        for attempt in range(OPEN_ATTEMPTS):
            try:
                store = Store.reader(self.path)
            except StoreError:
                if attempt + 1 == OPEN_ATTEMPTS:
                    raise
                time.sleep(0.05 * (attempt + 1))
                continue
            try:
                store.verify()
            except StoreError:
                store.close()
                raise
            # the link moves just after the commit: name the generation opened, not the link read before
            opened = f"oxigraph-{store.generation}"
            self._generation += 1
            return Snapshot(store, opened if marker is not None else None, store.summary(),
                            generation=self._generation)
        raise StoreError(f"Cannot open the store at {self.path}")  # not reached
