"""Which graphs a push has sent, so that an interrupted `kg push` resumes where it stopped.

While a push runs, ``store/pushes.json`` records, for the endpoint, the
SHA-256 of each graph the server took. A push that ends by an error or a kill
leaves the record open; the next push to that endpoint skips every graph the
record has with the same content (the graphs that changed since go again) and
sends the rest. A push that finishes closes the record, so the one after it
sends everything again. ``kg push --full`` ignores an open record.

>>> import tempfile
>>> journal = PushJournal(Path(tempfile.mkdtemp()) / "pushes.json", "http://127.0.0.1:7878")
>>> journal.record("urn:g1", b"<a> <b> <c> .")
>>> journal.save()
>>> again = PushJournal(journal.path, "http://127.0.0.1:7878")
>>> again.done("urn:g1", b"<a> <b> <c> ."), again.done("urn:g1", b"<a> <b> <d> ."), again.resumed
(True, False, 1)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from graph.atomic import atomic_text

_EVERY = 50  # graphs between two saves of the record


class PushJournal:
    """The open record of a push to one endpoint (graph IRI, "" for the default graph -> digest)."""

    def __init__(self, path: Path, endpoint: str, *, full: bool = False):
        self.path = Path(path)
        self.endpoint = endpoint
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = {}
        entry = found.get(endpoint) if isinstance(found, dict) else None
        self.others = {k: v for k, v in found.items() if k != endpoint} if isinstance(found, dict) else {}
        open_ = isinstance(entry, dict) and not full and isinstance(entry.get("graphs"), dict)
        self.before: dict[str, str] = dict(entry["graphs"]) if open_ else {}
        self.graphs: dict[str, str] = dict(self.before)
        self.resumed = 0
        self._unsaved = 0

    @staticmethod
    def _digest(body: bytes) -> str:
        return hashlib.sha256(body).hexdigest()

    def done(self, name: str | None, body: bytes) -> bool:
        """Whether an interrupted push sent this graph, as it is now, already."""
        if self.before.get(name or "") == self._digest(body):
            self.resumed += 1
            return True
        return False

    def record(self, name: str | None, body: bytes) -> None:
        self.graphs[name or ""] = self._digest(body)
        self._unsaved += 1
        if self._unsaved >= _EVERY:
            self.save()

    def save(self) -> None:
        """Write the record, still open (a push in progress, or one that failed)."""
        self._unsaved = 0
        atomic_text(self.path, json.dumps({**self.others, self.endpoint: {"graphs": self.graphs}}, sort_keys=True),
                    durable=False)

    def close(self) -> None:
        """The push finished: forget it."""
        if self.others:
            atomic_text(self.path, json.dumps(self.others, sort_keys=True))
        else:
            self.path.unlink(missing_ok=True)
