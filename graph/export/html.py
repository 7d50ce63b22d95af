"""The interactive HTML view: one self-contained page that works offline.

``write_html`` reads the graph with one SPARQL query over the union of the
default and named graphs (``assets/view.rq``), keeps what the caller asked for
(a neighbourhood, a date range, some entity types), builds the network with
pyvis (node size from networkx degree centrality) and renders it through
``assets/template.html``. vis-network comes inline from pyvis's own copy, so
the page makes no request: nothing is fetched from a CDN and nothing is
written next to it.

Entities are nodes, coloured and shaped by type. An n-ary event is drawn
either folded into the edges between its participants (the default) or as a
small node of its own; a toggle in the page switches. Article text (names,
sentences) travels as JSON in ``<script type="application/json">`` blocks,
escaped so that no text can close the block, and the page builds every panel
with ``textContent``: a name like ``<script>`` is shown, never run.

The same input gives byte-identical HTML: rows are sorted, ids are assigned
in sorted order, JSON keys are sorted, and the layout uses a fixed seed.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from os import PathLike
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network
from rdflib import BNode, Dataset
from rdflib.namespace import RDF, RDFS, SKOS

from graph.errors import InputError, QueryError, RegistryError
from graph.model.namespaces import ENTITY_CLASSES, EVENT_KINDS, KG, ORIGINS, PRECISIONS

__all__ = ["ViewStats", "write_html"]

ASSETS = Path(__file__).with_name("assets")

#: Colour, vis.js shape and legend label of each entity type (Tableau 10 colours).
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "person": ("#4e79a7", "dot", "Person"),
    "organization": ("#f28e2b", "square", "Organization"),
    "country": ("#e15759", "diamond", "Country"),
    "city": ("#76b7b2", "triangle", "City"),
    "region": ("#59a14f", "triangleDown", "Region"),
    "location": ("#edc948", "hexagon", "Location"),
    "facility": ("#b07aa1", "square", "Facility"),
    "event": ("#ff9da7", "star", "Named event"),
    "product": ("#9c755f", "triangle", "Product"),
    "work": ("#bab0ac", "hexagon", "Work or law"),
}
EVENT_NODE_STYLE = ("#555555", "dot", "Event (shown as node)")

#: The relation an event of each kind draws between its parties, and whether it has no direction.
KIND_RELATIONS: dict[str, tuple[str, bool]] = {
    "meeting": ("met", True),
    "talks": ("held talks with", True),
    "agreement": ("agreed with", True),
    "visit": ("visited", False),
    "statement": ("statement", False),
    "seizure": ("seized", False),
    "deployment": ("deployed to", False),
    "attack": ("attacked", False),
    "sanction": ("sanctioned", False),
    "election": ("election", False),
}
#: Direct entity-to-entity edges of the vocabulary: label and whether symmetric.
DIRECT_EDGES: dict[str, tuple[str, bool]] = {
    str(KG.interactedWith): ("interacted with", True),
    str(KG.met): ("met", True),
    str(KG.heldTalksWith): ("held talks with", True),
    str(KG.agreedWith): ("agreed with", True),
    str(KG.visited): ("visited", False),
    str(KG.seized): ("seized", False),
    str(KG.deployedTo): ("deployed to", False),
    str(KG.attacked): ("attacked", False),
    str(KG.sanctioned): ("sanctioned", False),
    str(KG.speaksFor): ("speaks for", False),
}

_CLASS_TYPES = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
_KIND_NAMES = {str(iri): name for name, iri in EVENT_KINDS.items()}
_PRECISION_NAMES = {str(iri): name for name, iri in PRECISIONS.items()}
_ORIGIN_NAMES = {str(iri): name for name, iri in ORIGINS.items()}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_BOUND = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_REMOTE = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script\s*>",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ViewStats:
    """What the written page draws when it opens: entity nodes, edges, and events in view."""

    nodes: int
    edges: int
    events: int


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence that reports a fact, with its article."""

    article: str
    index: int
    sentence: str
    title: str
    span: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A node: main name, other names, type (the first of ENTITY_CLASSES it has) and where it is named."""

    iri: str
    name: str
    aliases: tuple[str, ...]
    type: str
    types: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int | None


@dataclass(frozen=True, slots=True)
class Event:
    """An n-ary event with its date at the precision the text gives, its parties and its sources."""

    iri: str
    kind: str
    date: str | None
    dates: tuple[str, ...]
    start: str | None
    end: str | None
    precision: tuple[str, ...]
    origin: tuple[str, ...]
    date_text: tuple[str, ...]
    planned: bool
    content: tuple[str, ...]
    quote: bool
    agents: tuple[str, ...]
    participants: tuple[str, ...]
    objects: tuple[str, ...]
    places: tuple[str, ...]
    sources: tuple[Source, ...]

    @property
    def parties(self) -> dict[str, str]:
        """Each linked entity and its part, the strongest part first: agent, object, place, participant."""
        parts: dict[str, str] = {}
        for role, iris in (("agent", self.agents), ("object", self.objects), ("place", self.places),
                           ("participant", self.participants)):
            for iri in iris:
                parts.setdefault(iri, role)
        return parts


@dataclass(frozen=True, slots=True)
class Role:
    """A title a person holds, of a country or organisation, with the sentences that say so."""

    iri: str
    person: str
    title: str
    label: str
    of: tuple[str, ...]
    stated_on: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """An edge between two entities that is not an event: a role, or a direct edge no event explains."""

    kind: str  # "role" or "direct"
    source: str
    target: str
    label: str
    directed: bool
    role: str | None = None


@dataclass(frozen=True, slots=True)
class View:
    """What the page shows: entities, events with the entities they link in view, other edges."""

    entities: dict[str, Entity]
    events: dict[str, Event]
    event_links: dict[str, tuple[str, ...]]
    links: tuple[Link, ...]
    roles: dict[str, Role]
    names: dict[str, str]


# ---------------------------------------------------------------- reading


class _Triples:
    """The rows of ``view.rq`` indexed by subject and predicate, as plain strings."""

    def __init__(self, rows: Iterable[Any]) -> None:
        self.index: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for s, p, o in rows:
            if isinstance(s, BNode) or isinstance(o, BNode):
                continue
            self.index[str(s)][str(p)].add(str(o))

    def values(self, subject: str, predicate: object) -> list[str]:
        found = self.index.get(subject)
        return sorted(found.get(str(predicate), ())) if found else []

    def first(self, subject: str, predicate: object) -> str | None:
        found = self.values(subject, predicate)
        return found[0] if found else None


def _tail(iri: str) -> str:
    """The last segment of an IRI, for things that have no name."""
    return unquote(re.split(r"[/#]", iri.rstrip("/"))[-1]) or iri


def _norm_date(text: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from the lexical form of an xsd:gYear, xsd:gYearMonth or xsd:date."""
    match = _DATE.match(text)
    return match.group(0) if match else None


def _is_day(text: str | None) -> bool:
    """Whether a normalized date names a day."""
    return text is not None and len(text) == 10


def _interval(day_month_or_year: str) -> tuple[str, str]:
    """First and last day a date of any precision covers, as ISO strings that compare in order."""
    parts = day_month_or_year.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{day_month_or_year}-01", f"{day_month_or_year}-31"
    return day_month_or_year, day_month_or_year


def _sources(triples: _Triples, evidences: Iterable[str]) -> tuple[Source, ...]:
    """The sentences (and their articles) behind some evidence records, in article order."""
    found: set[Source] = set()
    for evidence in evidences:
        span = triples.first(evidence, KG.text) or ""
        for sentence in triples.values(evidence, KG.sentence):
            article = triples.first(sentence, KG.inArticle) or ""
            index = triples.first(sentence, KG.index) or "0"
            found.add(Source(
                article=triples.first(article, KG.articleId) or _tail(article),
                index=int(index) if index.lstrip("-").isdigit() else 0,
                sentence=triples.first(sentence, KG.text) or "",
                title=triples.first(article, RDFS.label) or "",
                span=span,
            ))
    return tuple(sorted(found, key=lambda s: (s.article, s.index, s.sentence, s.span)))


def _entity(triples: _Triples, iri: str, types: list[str]) -> Entity:
    labels = triples.values(iri, RDFS.label)
    name = min(labels, key=lambda n: (-len(n), n)) if labels else _tail(iri)
    others = (set(labels) | set(triples.values(iri, SKOS.altLabel))) - {name}
    articles = {triples.first(a, KG.articleId) or _tail(a) for a in triples.values(iri, KG.mentionedIn)}
    counts = [int(c) for c in triples.values(iri, KG.mentionCount) if c.isdigit()]
    return Entity(
        iri=iri, name=name, aliases=tuple(sorted(others, key=lambda n: (n.casefold(), n))),
        type=types[0], types=tuple(types), articles=tuple(sorted(articles)),
        mentions=max(counts) if counts else None,
    )


def _event(triples: _Triples, iri: str) -> Event:
    kinds = triples.values(iri, KG.kind)
    kind = _KIND_NAMES.get(kinds[0], _tail(kinds[0]).lower()) if kinds else "event"
    dates = sorted({d for d in map(_norm_date, triples.values(iri, KG.date)) if d})
    main = min(dates, key=lambda d: (-len(d), d)) if dates else None
    start, end = _interval(main) if main else (None, None)
    if main is None:
        during = triples.values(iri, KG.during)
        starts = [d for i in during for d in map(_norm_date, triples.values(i, KG.start)) if _is_day(d)]
        ends = [d for i in during for d in map(_norm_date, triples.values(i, KG.end)) if _is_day(d)]
        start, end = (min(starts), max(ends)) if starts and ends else (None, None)
    origin_order = list(ORIGINS)
    precisions = triples.values(iri, KG.datePrecision)
    origins = {_ORIGIN_NAMES.get(o, _tail(o)) for o in triples.values(iri, KG.dateOrigin)}
    return Event(
        iri=iri, kind=kind, date=main, dates=tuple(dates), start=start, end=end,
        precision=tuple(sorted({_PRECISION_NAMES.get(p, _tail(p)) for p in precisions})),
        origin=tuple(sorted(origins, key=lambda o: (origin_order.index(o) if o in origin_order else 99, o))),
        date_text=tuple(triples.values(iri, KG.dateText)),
        planned=any(v in ("true", "1") for v in triples.values(iri, KG.planned)),
        content=tuple(triples.values(iri, KG.content)),
        quote=any(v in ("true", "1") for v in triples.values(iri, KG.isQuote)),
        agents=tuple(triples.values(iri, KG.agent)),
        participants=tuple(triples.values(iri, KG.participant)),
        objects=tuple(triples.values(iri, KG.object)),
        places=tuple(triples.values(iri, KG.place)),
        sources=_sources(triples, triples.values(iri, KG.evidence)),
    )


def read_view(dataset: Dataset) -> View:
    """Everything the page can show, read from the union of the dataset's graphs."""
    query = (ASSETS / "view.rq").read_text(encoding="utf-8")
    try:
        triples = _Triples(dataset.query(query))
    except Exception as exc:  # rdflib and Oxigraph raise different types
        raise QueryError(f"the HTML view query failed: {exc}") from exc

    entities: dict[str, Entity] = {}
    events: dict[str, Event] = {}
    for iri in sorted(triples.index):
        classes = triples.values(iri, RDF.type)
        types = [name for name in ENTITY_CLASSES if str(ENTITY_CLASSES[name]) in classes]
        if types:
            entities[iri] = _entity(triples, iri, types)
        elif str(KG.Event) in classes or triples.values(iri, KG.kind):
            events[iri] = _event(triples, iri)

    roles: dict[str, Role] = {}
    for person in entities:
        for iri in triples.values(person, KG.holdsRole):
            title = triples.first(iri, KG.title) or ""
            roles[iri] = Role(
                iri=iri, person=person, title=title, label=triples.first(iri, RDFS.label) or title,
                of=tuple(triples.values(iri, KG.roleOf)),
                stated_on=tuple(triples.values(iri, KG.statedOn)),
                sources=_sources(triples, triples.values(iri, KG.evidence)),
            )

    explained = {frozenset((a, b)) for e in events.values() for a in e.parties for b in e.parties if a != b}
    links: set[Link] = set()
    for role in roles.values():
        for of in role.of:
            if of in entities:
                links.add(Link("role", role.person, of, role.title or role.label, True, role.iri))
    for source in entities:
        for predicate, (label, symmetric) in DIRECT_EDGES.items():
            for target in triples.values(source, predicate):
                if target not in entities or target == source or frozenset((source, target)) in explained:
                    continue
                a, b = sorted((source, target)) if symmetric else (source, target)
                links.add(Link("direct", a, b, label, not symmetric))
    names = {iri: e.name for iri, e in entities.items()}
    return View(
        entities=entities, events=events,
        event_links={iri: tuple(sorted(p for p in e.parties if p in entities)) for iri, e in events.items()},
        links=tuple(sorted(links, key=lambda k: (k.kind, k.source, k.target, k.label, k.role or ""))),
        roles=roles, names=names,
    )


# ---------------------------------------------------------------- choosing


def _bound(value: str | None, *, end: bool) -> str | None:
    """The first (or last) day a date bound covers, or None for no bound."""
    if value is None:
        return None
    try:
        if not _BOUND.match(value):
            raise ValueError(value)
        date.fromisoformat(value if len(value) == 10 else _interval(value)[0])
    except ValueError as exc:
        raise InputError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return _interval(value)[1 if end else 0]


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


# ---------------------------------------------------------------- drawing


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


def _json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no text can end the element or a JS string."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)  # escaped above for the script-data context


def _physics(count: int) -> dict[str, Any]:
    """vis.js options: fixed seed, bounded stabilization, cheaper physics for big graphs."""
    big = count > 1000
    return {
        "autoResize": True,
        "layout": {"randomSeed": 20240607, "improvedLayout": count <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"theta": 1.0 if big else 0.5, "gravitationalConstant": -60,
                                 "centralGravity": 0.008, "springLength": 110, "springConstant": 0.08,
                                 "damping": 0.5, "avoidOverlap": 0},
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "fit": True, "updateInterval": 10,
                              "iterations": 400 if count <= 300 else max(25, 120_000 // count)},
        },
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "tooltipDelay": 150, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"size": 10, "align": "horizontal", "face": "sans-serif",
                                             "background": "rgba(255,255,255,0.75)", "strokeWidth": 0},
                  "color": {"color": "#8a8a8a", "highlight": "#222222", "hover": "#444444"},
                  "arrows": {"to": {"scaleFactor": 0.5}}, "width": 1.2, "selectionWidth": 2},
    }


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
        return [ids.entity.get(iri, ""), view.names.get(iri, _tail(iri))]

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


def _asset(name: str, closer: str) -> Markup:
    """A CSS or JS asset to inline; it must not hold the tag that would end its element."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if closer in text.lower():
        raise ValueError(f"asset {name} contains {closer!r}")
    return Markup(text)  # our own file, checked above


def render_html(net: Network, data: dict[str, Any], title: str) -> str:
    """The page as one string, rendered by pyvis through the template in ``assets``."""
    environment = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ASSETS)), FileSystemLoader(net.template_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    environment.filters["script_json"] = _json
    environment.globals.update(
        kg_title=title, kg_data=_json(data), kg_options=_json(_physics(len(data["entities"]))),
        kg_css=_asset("view.css", "</style"), kg_js=_asset("view.js", "</script"),
    )
    net.templateEnv = environment
    net.path = "template.html"
    html = net.generate_html(name="graph.html")
    return _REMOTE.sub("", html)


def write_html(
    dataset: Dataset,
    path: str | PathLike[str],
    *,
    around: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Collection[str] | None = None,
    title: str = "News knowledge graph",
) -> ViewStats:
    """Write the graph as one self-contained interactive HTML page to ``path``, and nothing else.

    ``around`` keeps only the entity of that name (main name or alias, any case) and the
    entities within ``hops`` hops of it; ``date_from`` and ``date_to`` (YYYY, YYYY-MM or
    YYYY-MM-DD, inclusive) keep the events whose date overlaps the range, and drop entities
    then left with no event and no other edge; ``types`` keeps entities of those types
    (person, organization, country, city, region, location, facility, event, product, work).
    Returns what the page draws when it opens.
    """
    view = select_view(read_view(dataset), around=around, hops=hops, date_from=date_from,
                       date_to=date_to, types=types)
    net, data, stats = build_network(view)
    html = render_html(net, data, title)
    Path(path).write_bytes(html.encode("utf-8"))
    return stats
