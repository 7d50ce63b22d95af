"""The kinds of entity and of event, each defined once.

The tables live in ``graph/lexicon/entity_kinds.toml`` and
``graph/lexicon/event_kinds.toml``; this module reads them into frozen
records. Every stage takes what it needs from a :class:`KindTable`: extraction
the trigger lemmas and the frame of each event kind, resolution the minimum
number of parties and the families, the model stage the class IRIs and the
direct edges, the vocabulary and the shapes their terms, the view its colours.
Adding an event kind is one table entry and its words
(:meth:`KindTable.with_event_kind` does it in code, as a test or a plugin would).

>>> kinds = default_kinds()
>>> kinds.verb_kind("meet").name, kinds.noun_kind("summit").name
('meeting', 'meeting')
>>> kinds.event("talks").family, kinds.event("meeting").min_parties
('meeting', 2)
>>> kinds.entity("city").place, kinds.entity("person").place
(True, False)
>>> kinds.event("picnic")
Traceback (most recent call last):
...
graph.errors.RegistryError: Unknown event kind 'picnic'. Available: agreement, attack, ...
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.errors import RegistryError
from graph.lexicon import table

FRAMES = ("joint", "visit", "speech", "transitive")
EDGE_LINKS = ("parties", "place", "objects")


@dataclass(frozen=True, slots=True)
class EntityKind:
    """A kind of entity: person, organization, country, city, ..."""

    name: str
    class_name: str  # local name in the kg: namespace
    label: str
    comment: str
    place: bool = False
    superclass: tuple[str, ...] = ()  # CURIEs
    color: str = "#999999"
    shape: str = "dot"
    legend: str = ""


@dataclass(frozen=True, slots=True)
class EventKind:
    """A kind of event: its words, how its clause is read, and how it is drawn."""

    name: str
    class_name: str
    label: str
    comment: str
    family: str = ""
    min_parties: int = 1
    capital_speaks: bool = True
    frame: str = "joint"
    object_is_party: bool = False
    target_preps: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    edge: str | None = None
    edge_label: str | None = None
    edge_comment: str | None = None
    edge_links: str | None = None
    edge_to_place: bool = False
    color: str = "#555555"
    close_match: tuple[str, ...] = ()
    cameo: str | None = None
    ace: str | None = None

    def __post_init__(self) -> None:
        if not self.family:
            object.__setattr__(self, "family", self.name)
        if self.frame not in FRAMES:
            raise RegistryError(
                f"Event kind {self.name!r}: unknown frame {self.frame!r}. Available: {', '.join(FRAMES)}"
            )
        if self.edge and self.edge_links not in EDGE_LINKS:
            raise RegistryError(
                f"Event kind {self.name!r}: edge_links must be one of {', '.join(EDGE_LINKS)}, not {self.edge_links!r}"
            )


def _entity(entry: Mapping[str, Any]) -> EntityKind:
    return EntityKind(
        name=entry["name"],
        class_name=entry["class"],
        label=entry["label"],
        comment=entry["comment"],
        place=bool(entry.get("place", False)),
        superclass=tuple(entry.get("superclass", ())),
        color=entry.get("color", "#999999"),
        shape=entry.get("shape", "dot"),
        legend=entry.get("legend", entry["label"]),
    )


def _event(entry: Mapping[str, Any]) -> EventKind:
    known = {f.name for f in dataclasses.fields(EventKind)} | {"class"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise RegistryError(f"Event kind {entry.get('name')!r}: unknown fields {', '.join(unknown)}")
    values = {k: v for k, v in entry.items() if k != "class"}
    for name in ("verbs", "nouns", "target_preps"):
        values[name] = frozenset(w.lower() for w in values.get(name, ()))
    values["close_match"] = tuple(values.get("close_match", ()))
    return EventKind(class_name=entry["class"], **values)


@dataclass(frozen=True, slots=True)
class KindTable:
    """The entity kinds and event kinds in use, with lookups by name and by trigger lemma."""

    entities: tuple[EntityKind, ...]
    events: tuple[EventKind, ...]
    _entity_by_name: dict[str, EntityKind] = field(init=False, repr=False, compare=False, hash=False)
    _event_by_name: dict[str, EventKind] = field(init=False, repr=False, compare=False, hash=False)
    _verbs: dict[str, EventKind] = field(init=False, repr=False, compare=False, hash=False)
    _nouns: dict[str, EventKind] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_entity_by_name", {k.name: k for k in self.entities})
        object.__setattr__(self, "_event_by_name", {k.name: k for k in self.events})
        verbs: dict[str, EventKind] = {}
        nouns: dict[str, EventKind] = {}
        for kind in self.events:
            for lemma in kind.verbs:
                verbs.setdefault(lemma, kind)
            for lemma in kind.nouns:
                nouns.setdefault(lemma, kind)
        object.__setattr__(self, "_verbs", verbs)
        object.__setattr__(self, "_nouns", nouns)

    # -- lookups --------------------------------------------------------------------------

    def entity(self, name: str) -> EntityKind:
        try:
            return self._entity_by_name[name]
        except KeyError:
            available = ", ".join(sorted(self._entity_by_name))
            raise RegistryError(f"Unknown entity kind {name!r}. Available: {available}") from None

    def event(self, name: str) -> EventKind:
        try:
            return self._event_by_name[name]
        except KeyError:
            available = ", ".join(sorted(self._event_by_name))
            raise RegistryError(f"Unknown event kind {name!r}. Available: {available}") from None

    def verb_kind(self, lemma: str) -> EventKind | None:
        """The event kind a verb (by lemma) triggers, if any."""
        return self._verbs.get(lemma)

    def noun_kind(self, lemma: str) -> EventKind | None:
        """The event kind a noun (by lemma) names, if any."""
        return self._nouns.get(lemma)

    def family(self, name: str) -> str:
        kind = self._event_by_name.get(name)
        return kind.family if kind else name

    @property
    def place_kinds(self) -> frozenset[str]:
        """Names of the entity kinds that are places ("place" itself included: a place of no known kind)."""
        return frozenset(k.name for k in self.entities if k.place) | {"place"}

    # -- building -------------------------------------------------------------------------

    def with_event_kind(self, kind: EventKind) -> KindTable:
        """This table with one more event kind (or one replaced, by name)."""
        return KindTable(self.entities, tuple(k for k in self.events if k.name != kind.name) + (kind,))

    def digest(self) -> str:
        """A hash of the whole table: extraction results depend on it."""
        payload = json.dumps(
            [[dataclasses.astuple(k) for k in self.entities], [_plain(k) for k in self.events]], sort_keys=True
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _plain(kind: EventKind) -> list:
    return [sorted(v) if isinstance(v, frozenset) else v for v in dataclasses.astuple(kind)]


def load_kinds(entity_entries: Iterable[Mapping[str, Any]], event_entries: Iterable[Mapping[str, Any]]) -> KindTable:
    return KindTable(tuple(_entity(e) for e in entity_entries), tuple(_event(e) for e in event_entries))


@functools.cache
def default_kinds() -> KindTable:
    """The table of ``graph/lexicon/*_kinds.toml``."""
    return load_kinds(table("entity_kinds")["entity"], table("event_kinds")["event"])
