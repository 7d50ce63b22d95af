"""Drawing: the pyvis network of a view, and the data the page's panels and filters need.

Entities are nodes, coloured and shaped by type (graph.view.styles). An n-ary
event is drawn either folded into the edges between its participants (the
default) or as a small node of its own; a toggle in the page switches. Node
size comes from networkx degree centrality; ids are given in sorted order, so
the same view gives the same page.

>>> from graph.view.read import Event
>>> meeting = Event("e1", "meeting", "2021-03-05", ("2021-03-05",), None, None, ("day",), ("given",), ("Friday",),
...                 False, (), False, (), ("a", "b"), (), ("p",), ())
>>> fold_event(meeting)
[('a', 'b', 'met', False), ('a', 'p', 'meeting at', True), ('b', 'p', 'meeting at', True)]
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.view.read import Event, View, tail
from graph.view.styles import EVENT_NODE_STYLE, KIND_RELATIONS, TYPE_STYLES


@dataclass(frozen=True, slots=True)
class ViewStats:
    """What the written page draws when it opens: entity nodes, edges, and events in view."""

    nodes: int
    edges: int
    events: int



def fold_event(event: Event) -> list[tuple[str, str, str, bool]]:
    """The edges an event draws between its entities: (from, to, relation, directed)."""
    relation, symmetric = KIND_RELATIONS.get(event.kind, (event.kind, False))
    agents, objects = list(event.agents), list(event.objects)
    others = [p for p in event.participants if p not in agents and p not in objects]
    edges: list[tuple[str, str, str, bool]] = []
    if agents:
        targets = sorted({*objects, *others})
        edges += [(a, t, relation, not symmetric) for a in agents for t in targets if a != t]
    elif objects:
        edges += [(p, o, relation, True) for p in others for o in objects if p != o]
    else:
        edges += [(a, b, relation, False) for i, a in enumerate(others) for b in others[i + 1:]]
    actors = agents or others
    place_relation = relation if event.kind in ("visit", "deployment") else f"{event.kind} at"
    parties = {*agents, *objects, *others}
    edges += [(a, p, place_relation, True) for p in event.places if p not in parties for a in actors]
    return edges



class _Ids:
    """Short, stable ids for the page (n0, v0, r0, s0 ...), given in sorted order of the IRIs."""

    def __init__(self, view: View) -> None:
        self.entity = {iri: f"n{i}" for i, iri in enumerate(sorted(view.entities))}
        self.event = {iri: f"v{i}" for i, iri in enumerate(sorted(view.events))}
        self.role = {iri: f"r{i}" for i, iri in enumerate(sorted(view.roles))}
        sources = {s for e in view.events.values() for s in e.sources} | {
            s for r in view.roles.values() for s in r.sources}
        self.sources = sorted(sources, key=lambda s: (s.article, s.index, s.sentence, s.span))
        self.source = {s: i for i, s in enumerate(self.sources)}


def build_network(view: View) -> tuple[Network, dict[str, Any], ViewStats]:
    """The pyvis network of ``view`` and the data the page's panels and filters need."""
    ids = _Ids(view)
    folded: list[tuple[str, str, str, str, bool]] = []  # event, from, to, relation, directed
    for ev, event in view.events.items():
        linked = set(view.event_links[ev])
        folded += [(ev, a, b, rel, d) for a, b, rel, d in fold_event(event) if a in linked and b in linked]
    folded = sorted(set(folded))

    graph = nx.Graph()
    graph.add_nodes_from(view.entities)
    graph.add_edges_from((a, b) for _, a, b, _, _ in folded)
    graph.add_edges_from((k.source, k.target) for k in view.links)
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    top = max(centrality.values(), default=0.0) or 1.0

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for iri in sorted(view.entities):
        entity = view.entities[iri]
        color, shape, _ = TYPE_STYLES[entity.type]
        size = round(12 + 26 * math.sqrt(centrality[iri] / top), 1)
        net.add_node(ids.entity[iri], label=entity.name, shape=shape, color=color, size=size)
    for ev in sorted(view.events):
        event = view.events[ev]
        label = event.kind + (f"\n{event.date}" if event.date else "")
        net.add_node(ids.event[ev], label=label, shape=EVENT_NODE_STYLE[1], color=EVENT_NODE_STYLE[0],
                     size=6, font={"size": 10, "color": "#555555"})

    edges: dict[str, dict[str, Any]] = {}
    pairs: dict[frozenset[str], int] = defaultdict(int)

    def add_edge(kind: str, source: str, target: str, label: str, directed: bool, **data: Any) -> None:
        edge_id = f"e{len(edges)}"
        options: dict[str, Any] = {"id": edge_id, "label": label, "arrows": {"to": {"enabled": directed}}}
        if kind != "link":
            nth = pairs[frozenset((source, target))]
            pairs[frozenset((source, target))] += 1
            if nth:
                options["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                                     "roundness": round(0.25 * ((nth + 1) // 2), 2)}
        if data.pop("planned", False):
            options["dashes"] = True
        if kind == "role":
            options["color"] = {"color": "#b0b0b0"}
        net.add_edge(source, target, **options)
        relation = label.split("\n")[0]
        edges[edge_id] = {"kind": kind, "from": source, "to": target, "relation": relation, **data}

    for ev, a, b, relation, directed in folded:
        event = view.events[ev]
        add_edge("event", ids.entity[a], ids.entity[b], relation + (f"\n{event.date}" if event.date else ""),
                 directed, event=ids.event[ev], planned=event.planned)
    for ev in sorted(view.events):
        for iri, part in sorted(view.events[ev].parties.items()):
            if iri not in view.event_links[ev]:
                continue
            ends = (ids.entity[iri], ids.event[ev])
            source, target = ends if part == "agent" else ends[::-1]
            label = {"agent": "agent", "object": "object", "place": "at"}.get(part, "")
            add_edge("link", source, target, label, part != "participant", event=ids.event[ev])
    for link in view.links:
        add_edge(link.kind, ids.entity[link.source], ids.entity[link.target], link.label, link.directed,
                 **({"role": ids.role[link.role]} if link.role else {}))

    stats = ViewStats(
        nodes=len(view.entities),
        edges=sum(1 for e in edges.values() if e["kind"] != "link"),
        events=len(view.events),
    )
    return net, _page_data(view, ids, edges, stats), stats


def _page_data(view: View, ids: _Ids, edges: dict[str, dict[str, Any]], stats: ViewStats) -> dict[str, Any]:
    """Names, facts and sources of everything drawn, keyed by the page's short ids."""
    events_of: dict[str, list[str]] = defaultdict(list)
    for ev in sorted(view.events, key=lambda ev: (view.events[ev].date or "", ev), reverse=True):
        for iri in view.event_links[ev]:
            events_of[iri].append(ids.event[ev])
    roles_of: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(view.roles):
        roles_of[view.roles[iri].person].append(ids.role[iri])

    def party(iri: str) -> list[str]:
        return [ids.entity.get(iri, ""), view.names.get(iri, tail(iri))]

    entities = {
        ids.entity[iri]: {"iri": iri, "name": e.name, "aliases": list(e.aliases), "type": e.type,
                          "types": list(e.types), "articles": list(e.articles), "mentions": e.mentions,
                          "events": events_of[iri], "roles": roles_of[iri]}
        for iri, e in view.entities.items()
    }
    events = {
        ids.event[iri]: {"iri": iri, "kind": e.kind, "date": e.date, "dates": list(e.dates), "start": e.start,
                         "end": e.end, "precision": list(e.precision), "origin": list(e.origin),
                         "dateText": list(e.date_text), "planned": e.planned, "content": list(e.content),
                         "quote": e.quote,
                         "parties": [[part, *party(p)] for p, part in e.parties.items()],
                         "links": [ids.entity[i] for i in view.event_links[iri]],
                         "sources": [ids.source[s] for s in e.sources]}
        for iri, e in view.events.items()
    }
    roles = {
        ids.role[iri]: {"iri": iri, "title": r.title, "label": r.label, "of": [party(o) for o in r.of],
                        "statedOn": list(r.stated_on), "sources": [ids.source[s] for s in r.sources]}
        for iri, r in view.roles.items()
    }
    type_counts: dict[str, int] = defaultdict(int)
    for e in view.entities.values():
        type_counts[e.type] += 1
    kind_counts: dict[str, int] = defaultdict(int)
    for e in view.events.values():
        kind_counts[e.kind] += 1
    return {
        "entities": entities, "events": events, "roles": roles, "edges": edges,
        "sources": [[s.article, s.sentence, s.span] for s in ids.sources],
        "articles": {s.article: s.title for s in ids.sources},
        "types": [{"name": t, "color": c, "shape": s, "label": label, "count": type_counts[t]}
                  for t, (c, s, label) in TYPE_STYLES.items() if type_counts[t]],
        "eventStyle": dict(zip(("color", "shape", "label"), EVENT_NODE_STYLE, strict=True)),
        "kinds": [{"name": k, "count": kind_counts[k]} for k in sorted(kind_counts)],
        "stats": {"nodes": stats.nodes, "edges": stats.edges, "events": stats.events},
    }

