"""Which part of the graph a view shows: one implementation of every choice.

``select_view`` keeps a neighbourhood (``around`` a name, ``hops``), a time
window (``date_from``/``date_to``) and some entity types; ``default_subjects``
chooses what a page of a large graph shows when nobody asked: the most
connected entities of the most recent month.

>>> from graph.view.read import View
>>> empty = View(entities={}, events={}, event_links={}, links=(), roles={}, names={})
>>> select_view(empty, types=["planet"])
Traceback (most recent call last):
...
graph.errors.RegistryError: Unknown entity type 'planet'. Available: city, country, event, facility, location, ...
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

import networkx as nx

from graph.errors import InputError, RegistryError
from graph.model.namespaces import ENTITY_CLASSES
from graph.view.read import IndexedEvent, View, interval

_BOUND = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _bound(value: str | None, *, end: bool) -> str | None:
    """The first (or last) day a date bound covers, or None for no bound."""
    if value is None:
        return None
    try:
        if not _BOUND.match(value):
            raise ValueError(value)
        date.fromisoformat(value if len(value) == 10 else interval(value)[0])
    except ValueError as exc:
        raise InputError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return interval(value)[1 if end else 0]


def find_entities(view: View, name: str) -> list[str]:
    """Entities called ``name`` (any case): by main name first, else by any alias."""
    key = name.casefold().strip()
    by_label = [iri for iri, e in view.entities.items() if e.name.casefold() == key]
    if by_label:
        return by_label
    return [iri for iri, e in view.entities.items() if key in (a.casefold() for a in e.aliases)]


def _drop_orphans(view: View, entities: set[str], events: set[str], had: dict[str, set[str]]) -> set[str]:
    """Drop entities that had events, now have none, and have no other edge to an entity in view."""
    others: dict[str, set[str]] = defaultdict(set)
    for link in view.links:
        others[link.source].add(link.target)
        others[link.target].add(link.source)
    kept = set(entities)
    changed = True
    while changed:
        changed = False
        for iri in sorted(kept):
            if had[iri] and not had[iri] & events and not others[iri] & kept:
                kept.discard(iri)
                changed = True
    return kept


def select_view(
    view: View,
    *,
    around: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Collection[str] | None = None,
) -> View:
    """The part of ``view`` the caller asked for (see ``write_html``)."""
    if types is not None:
        unknown = sorted(set(types) - set(ENTITY_CLASSES))
        if unknown:
            available = ", ".join(sorted(ENTITY_CLASSES))
            raise RegistryError(f"Unknown entity type {unknown[0]!r}. Available: {available}")
    if hops < 0:
        raise ValueError(f"hops must be 0 or more, not {hops}")
    low, high = _bound(date_from, end=False), _bound(date_to, end=True)

    entities = {iri for iri, e in view.entities.items() if types is None or e.type in types}
    links = {ev: set(view.event_links[ev]) & entities for ev in view.events}
    events = {ev for ev, linked in links.items() if linked}
    had: dict[str, set[str]] = defaultdict(set)
    for ev in events:
        for iri in links[ev]:
            had[iri].add(ev)
    if low or high:
        events = {
            ev for ev in events
            if (e := view.events[ev]).start and e.end
            and (low is None or e.end >= low) and (high is None or e.start <= high)
        }
        entities = _drop_orphans(view, entities, events, had)

    if around is not None:
        matches = find_entities(view, around)
        if not matches:
            names = sorted({n for e in view.entities.values() for n in (e.name, *e.aliases)})
            close = difflib.get_close_matches(around, names, n=5)
            hint = f" Close names: {', '.join(close)}" if close else ""
            raise RegistryError(f"No entity named {around!r} in the graph.{hint}")
        centres = [iri for iri in matches if iri in entities]  # the other filters may have dropped it
        graph = nx.Graph()
        graph.add_nodes_from(entities)
        for ev in sorted(events):
            linked = sorted(links[ev])
            graph.add_edges_from((a, b) for a in linked for b in linked if a < b)
        graph.add_edges_from((k.source, k.target) for k in view.links if {k.source, k.target} <= entities)
        near: set[str] = set()
        for centre in centres:
            near |= set(nx.single_source_shortest_path_length(graph, centre, cutoff=hops))
        entities &= near
        events = {ev for ev in events if links[ev] <= entities}

    kept_roles = {iri: r for iri, r in view.roles.items() if r.person in entities}
    return View(
        entities={iri: e for iri, e in view.entities.items() if iri in entities},
        events={iri: e for iri, e in view.events.items() if iri in events},
        event_links={ev: tuple(sorted(links[ev] & entities)) for ev in sorted(events)},
        links=tuple(k for k in view.links if k.source in entities and k.target in entities),
        roles=kept_roles,
        names=view.names,
    )



# ---------------------------------------------------------------- choosing in a large graph


@dataclass(frozen=True, slots=True)
class Choice:
    """The entities and events a page of a large graph reads, and the sentence that says why."""

    entities: frozenset[str]
    events: frozenset[str]
    note: str


def _day(value: str, days: int = 0) -> str:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def central(
    index: dict[str, IndexedEvent], low: str, high: str, *, limit: int, what: str = "", undated: bool = False
) -> Choice:
    """The ``limit`` entities linked to most events between ``low`` and ``high``, and those events.

    An event counts when the days it covers lie in the window (so "2023" does not
    count in every month of 2023, but "2023-05-04" counts in May); with ``undated``,
    events with no date count too.
    """
    inside = {
        ev for ev, e in index.items()
        if (e.start and e.end and e.start >= low and e.end <= high) or (undated and not e.start)
    }
    degree: dict[str, int] = defaultdict(int)
    for ev in inside:
        for x in index[ev].links:
            degree[x] += 1
    top = frozenset(sorted(degree, key=lambda x: (-degree[x], x))[:limit])
    events = frozenset(ev for ev in inside if index[ev].links & top)
    note = (
        f"The {len(top)} entities with the most events {what or f'from {low} to {high}'} "
        f"({len(events)} of {len(index)} events), of {len({x for e in index.values() for x in e.links})} "
        "in the graph. Others: kg view --around NAME, --from/--to, --types, --all."
    )
    return Choice(top, events, note)


def central_recent(index: dict[str, IndexedEvent], latest: str | None, *, limit: int) -> Choice:
    """``central`` for the most recent period up to ``latest`` (the newest article's date; else the
    latest event's): the last month, or the last 3, 6 or 12 months, the first of them with ``limit``
    entities; else every event, dated or not."""
    if latest is None:
        ends = sorted(e.end for e in index.values() if e.end)
        latest = ends[-1] if ends else None
    if latest is None:
        return central(index, "0000-01-01", "9999-12-31", limit=limit, what="of any date, or none", undated=True)
    for days in (31, 92, 183, 366):
        low = _day(latest, -(days - 1))
        choice = central(index, low, latest, limit=limit, what=f"in the last {days} days, {low} to {latest}")
        if len(choice.entities) >= limit:
            return choice
    return central(index, "0000-01-01", "9999-12-31", limit=limit, what="of any date, or none", undated=True)


def around_index(
    index: dict[str, IndexedEvent], centres: list[str], hops: int, *, limit: int
) -> Choice:
    """The entities within ``hops`` events of the centres (the nearest first, at most ``limit``) and their events."""
    events_of: dict[str, list[str]] = defaultdict(list)
    for ev, e in index.items():
        for x in e.links:
            events_of[x].append(ev)
    distance = {c: 0 for c in centres}
    frontier = list(centres)
    for step in range(1, hops + 1):
        following = []
        for x in sorted(frontier):
            for ev in events_of.get(x, ()):
                for y in sorted(index[ev].links):
                    if y not in distance:
                        distance[y] = step
                        following.append(y)
        frontier = following
    near = frozenset(sorted(distance, key=lambda x: (distance[x], -len(events_of.get(x, ())), x))[:limit])
    events = frozenset(ev for x in near for ev in events_of.get(x, ()) if index[ev].links & near)
    note = (f"{len(near)} entities within {hops} hop{'s' if hops != 1 else ''} of the entity asked for"
            + (f" (the nearest {limit})" if len(distance) > limit else "") + ".")
    return Choice(near, events, note)
