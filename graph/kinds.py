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
graph.errors.RegistryError: Unknown event kind 'picnic'. Available: abduction, acquisition, ...
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

FRAMES = ("joint", "visit", "speech", "transitive", "single")
NEEDS = (
    "object_in",
    "subject_in",
    "prep",
    "complement",
    "named_object",
    "named_object_or_with",
    "person_object",
    "concrete_topic",
    "place_prep",
    "no_object",
    "named_target",
)
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
    place_suffices: bool = False  # kept with no party when it has a place and a time ("the attack in X on Friday")
    capital_speaks: bool = True
    post_is_party: bool = False
    operator_is_party: bool = False  # "a Vantix Air jet crashed": the organisation the vehicle is of takes part
    clause_parties: frozenset[str] = frozenset()  # trigger verbs whose stated clause names the parties
    frame: str = "joint"
    object_is_party: bool = False
    target_preps: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    not_support: frozenset[str] = frozenset()  # general support verbs that do not make its nouns events
    verb_nouns: frozenset[str] = frozenset()
    subject_verbs: frozenset[str] = frozenset()  # verbs one of the kind's nouns makes an event as subject
    place_preps: frozenset[str] = frozenset()  # prepositions that give its place besides in/at ("launched from")
    needs: tuple[tuple[str, str], ...] = ()  # (verb, condition), see event_kinds.toml
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
        for verb, condition in self.needs:
            if condition.split(":", 1)[0] not in NEEDS:
                raise RegistryError(
                    f"Event kind {self.name!r}: unknown condition {condition!r} for {verb!r}. "
                    f"Available: {', '.join(NEEDS)}"
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
    word_sets = (
        "verbs", "nouns", "target_preps", "support", "not_support", "verb_nouns", "clause_parties", "subject_verbs"
    )
    for name in (*word_sets, "place_preps"):
        values[name] = frozenset(w.lower() for w in values.get(name, ()))
    values["close_match"] = tuple(values.get("close_match", ()))
    values["needs"] = tuple(sorted(values.get("needs", {}).items()))
    return EventKind(class_name=entry["class"], **values)


@dataclass(frozen=True, slots=True)
class KindTable:
    """The entity kinds and event kinds in use, with lookups by name and by trigger lemma."""

    entities: tuple[EntityKind, ...]
    events: tuple[EventKind, ...]
    _entity_by_name: dict[str, EntityKind] = field(init=False, repr=False, compare=False, hash=False)
    _event_by_name: dict[str, EventKind] = field(init=False, repr=False, compare=False, hash=False)
    _verbs: dict[str, list[tuple[str | None, EventKind]]] = field(init=False, repr=False, compare=False, hash=False)
    _nouns: dict[str, EventKind] = field(init=False, repr=False, compare=False, hash=False)
    _support: dict[str, list[tuple[str | None, EventKind]]] = field(init=False, repr=False, compare=False, hash=False)
    _verb_nouns: dict[tuple[str, str], EventKind] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_entity_by_name", {k.name: k for k in self.entities})
        object.__setattr__(self, "_event_by_name", {k.name: k for k in self.events})
        verbs: dict[str, list[tuple[str | None, EventKind]]] = {}
        support: dict[str, list[tuple[str | None, EventKind]]] = {}
        nouns: dict[str, EventKind] = {}
        verb_nouns: dict[tuple[str, str], EventKind] = {}
        for kind in self.events:
            for index, entries in ((verbs, kind.verbs), (support, kind.support)):
                for entry in sorted(entries):
                    head, _, particle = entry.partition(" ")
                    index.setdefault(head, []).append((particle or None, kind))
            for lemma in kind.nouns:
                nouns.setdefault(lemma, kind)
            for pair in kind.verb_nouns:
                verb, _, noun = pair.partition(" ")
                verb_nouns.setdefault((verb, noun), kind)
        for index in (verbs, support):  # a verb with its particle is tried before the verb alone
            for entries in index.values():
                entries.sort(key=lambda e: (e[0] is None, e[0] or ""))
        object.__setattr__(self, "_verbs", verbs)
        object.__setattr__(self, "_nouns", nouns)
        object.__setattr__(self, "_support", support)
        object.__setattr__(self, "_verb_nouns", verb_nouns)

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

    def verb_kind(self, lemma: str, particles: Iterable[str] = ()) -> EventKind | None:
        """The event kind a verb (by lemma, with the particles or prepositions it has) triggers, if any."""
        return _pick(self._verbs.get(lemma, ()), particles)

    def verb_kinds(self, lemma: str) -> list[tuple[str | None, EventKind]]:
        """Every (particle, kind) a verb lemma may trigger, particles first."""
        return list(self._verbs.get(lemma, ()))

    def support_kinds(self, lemma: str, particles: Iterable[str] = ()) -> list[EventKind]:
        """The kinds for which this verb makes one of their nouns an event ("impose sanctions")."""
        wanted = set(particles)
        return [k for particle, k in self._support.get(lemma, ()) if particle is None or particle in wanted]

    def noun_kind(self, lemma: str) -> EventKind | None:
        """The event kind a noun (by lemma, or two words: "press conference") names, if any."""
        return self._nouns.get(lemma)

    def verb_noun_kind(self, verb: str, noun: str) -> EventKind | None:
        """The kind a verb and its object name together ("cut ties"), if any."""
        return self._verb_nouns.get((verb, noun))

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


def _pick(entries: Iterable[tuple[str | None, EventKind]], particles: Iterable[str]) -> EventKind | None:
    wanted = set(particles)
    for particle, kind in entries:
        if particle is None or particle in wanted:
            return kind
    return None


def _plain(kind: EventKind) -> list:
    return [sorted(v) if isinstance(v, frozenset) else v for v in dataclasses.astuple(kind)]


def needs(kind: EventKind, verb: str) -> str | None:
    """What the trigger verb needs to mean this kind (see event_kinds.toml), or None."""
    return dict(kind.needs).get(verb)


def load_kinds(entity_entries: Iterable[Mapping[str, Any]], event_entries: Iterable[Mapping[str, Any]]) -> KindTable:
    return KindTable(tuple(_entity(e) for e in entity_entries), tuple(_event(e) for e in event_entries))


@functools.cache
def default_kinds() -> KindTable:
    """The table of ``graph/lexicon/*_kinds.toml``."""
    return load_kinds(table("entity_kinds")["entity"], table("event_kinds")["event"])
