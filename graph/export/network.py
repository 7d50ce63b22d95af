"""The entity network of a store as a networkx graph, and its GraphML and GEXF files.

The network is what property-graph tools (Gephi, Cytoscape, yEd, Neo4j) want
from the RDF: one **node** per entity, one **edge** per direct relation
(``kg:met``, ``kg:visited``, ``kg:speaksFor`` ...) and per event that
supports it, so an edge has one date and its own sources.

Node attributes: ``label`` (main name), ``aliases`` (other names, ``"; "``
between them), ``type`` (person, organization, country, city, ...),
``types`` (every type, ``" "`` between them), ``geonames`` (the GeoNames id
where the entity has one), ``mentions`` (how often the articles name it).
The node id is the entity's IRI.

Edge attributes: ``relation`` (the property's local name, ``met``),
``label`` (``held talks with``), ``kind`` (the event's kind, ``meeting``),
``event`` (its IRI), ``date`` (the event's ``kg:date``, ISO, at the precision
the text gives: a day, ``2019-05``, ``2019``, empty when the text does not fix
it), ``precision`` (day, month, year, interval, unresolved: the
``kg:datePrecision`` of the event's ``kg:dating``), ``articles`` (the ids of
the articles whose ``kg:report`` tells it, ``" "`` between them) and
``symmetric``. An edge
that no event supports (``kg:speaksFor``) has empty ``kind``, ``event``
and ``date``. A symmetric relation (met, held talks with, agreed with) is
one edge, from the smaller IRI to the larger, where the RDF states both
directions. Attribute values are strings, integers and booleans only, as
GraphML and GEXF type them; a missing value is an empty string.

The direct relations and the events behind them are those of the kinds table
that ships with the package (graph/lexicon/event_kinds.toml, and
``kg:interactedWith``, ``kg:speaksFor``); the edges of a kind added in code
(``KindTable.with_event_kind``) are not in the network.

>>> import tempfile
>>> from graph.store import Store
>>> store = Store(Path(tempfile.mkdtemp()) / "store")
>>> entity_network(store).number_of_nodes()
0
>>> store.close()
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.kinds import default_kinds
from graph.model.namespaces import ENTITY_CLASSES, EVENT_KINDS, ID, KG, PRECISIONS, edge_iri
from graph.store import Store
from graph.view.styles import direct_edges

__all__ = ["entity_network", "write_gexf", "write_graphml"]

ENTITY = f"{ID}entity/"
GEONAMES = "https://sws.geonames.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
DATE_PUBLISHED = "https://schema.org/datePublished"
_TYPE_NAMES = {str(iri): name for name, iri in ENTITY_CLASSES.items()}
_KIND_NAMES = {str(iri): name for name, iri in EVENT_KINDS.items()}
_PRECISION_NAMES = {str(iri): name for name, iri in PRECISIONS.items()}


def _values(store: Store, predicate: str) -> dict[str, set[ox.NamedNode | ox.Literal]]:
    """Subject IRI -> objects of ``predicate``, over every graph."""
    out: dict[str, set] = defaultdict(set)
    for q in store.ox.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
        if isinstance(q.subject, ox.NamedNode):
            out[q.subject.value].add(q.object)
    return out


def _tail(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _nodes(store: Store, graph: nx.MultiDiGraph) -> None:
    labels, aliases, types = _values(store, LABEL), _values(store, ALT_LABEL), _values(store, RDF_TYPE)
    same, mentions = _values(store, SAME_AS), _values(store, str(KG.mentionCount))
    for iri in sorted(e for e in types if e.startswith(ENTITY)):
        kinds = [name for iri_, name in _TYPE_NAMES.items() if ox.NamedNode(iri_) in types[iri]]
        if not kinds:
            continue
        names = sorted(t.value for t in labels.get(iri, ()))
        name = min(names, key=lambda n: (-len(n), n)) if names else _tail(iri)
        others = sorted(({t.value for t in aliases.get(iri, ())} | set(names)) - {name},
                        key=lambda n: (n.casefold(), n))
        geonames = sorted(t.value[len(GEONAMES):].strip("/") for t in same.get(iri, ())
                          if t.value.startswith(GEONAMES))
        counts = [int(t.value) for t in mentions.get(iri, ()) if t.value.isdigit()]
        graph.add_node(iri, label=name, aliases="; ".join(others), type=kinds[0], types=" ".join(kinds),
                       geonames=geonames[0] if geonames else "", mentions=max(counts) if counts else 0)


def _one(values: dict[str, set], iri: str) -> str:
    found = sorted(t.value for t in values.get(iri, ()))
    return found[0] if found else ""


def _via(first: dict[str, set], then: dict[str, set]) -> dict[str, set]:
    """Subject -> the objects of ``then`` on the objects of ``first`` (a property path of two steps)."""
    return {s: {t for o in objects for t in then.get(o.value, ())} for s, objects in first.items()}


def _supported(store: Store) -> dict[tuple[str, str, str], list[str]]:
    """(a, edge IRI, b) -> the events whose kind puts that edge there (model.rdf.direct_edges' rule)."""
    kinds = {str(iri): kind for kind in default_kinds().events if (iri := edge_iri(kind)) is not None}
    by_kind = {str(EVENT_KINDS[k.name]): (edge, k) for edge, k in kinds.items()}
    kind_of = _values(store, str(KG.kind))
    participants, agents = _values(store, str(KG.participant)), _values(store, str(KG.agent))
    objects, places = _values(store, str(KG.object)), _values(store, str(KG.place))
    out: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for event, event_kinds in kind_of.items():
        for term in event_kinds:
            if term.value not in by_kind:
                continue
            edge, kind = by_kind[term.value]
            parties = sorted(t.value for t in participants.get(event, ()))
            place = _one(places, event)
            pairs: list[tuple[str, str]] = []
            if kind.edge_links == "parties":
                pairs = [(a, b) for a in parties for b in parties if a != b]
            elif kind.edge_links == "place" and place:
                pairs = [(a, place) for a in parties]
            elif kind.edge_links == "objects":
                targets = sorted(t.value for t in objects.get(event, ()))
                if kind.edge_to_place and place:
                    targets.append(place)
                pairs = [(a.value, t) for a in agents.get(event, ()) for t in targets]
            for a, b in pairs:
                out[(a, edge, b)].append(event)
    return out


def _edges(store: Store, graph: nx.MultiDiGraph) -> None:
    relations = direct_edges(default_kinds())
    supported = _supported(store)
    dates, kind_of = _values(store, str(KG.date)), _values(store, str(KG.kind))
    precisions = _via(_values(store, str(KG.dating)), _values(store, str(KG.datePrecision)))
    reports, in_article, article_id = (_values(store, str(p)) for p in (KG.report, KG.inArticle, KG.articleId))
    sources = _via(_via(reports, in_article), article_id)
    seen: set[tuple[str, str, str, str]] = set()
    direct = sorted({(q.subject.value, p, q.object.value)
                     for p in relations for q in store.ox.quads_for_pattern(None, ox.NamedNode(p), None, None)
                     if q.subject.value in graph and q.object.value in graph})
    for a, p, b in direct:
        label, symmetric = relations.get(p, (_tail(p), False))
        if symmetric and b < a:
            continue  # the other direction says the same
        for event in sorted(supported.get((a, p, b), [])) or [""]:
            key = f"{_tail(p)} {event}".strip()
            if (a, b, key, p) in seen:
                continue
            seen.add((a, b, key, p))
            kind = _KIND_NAMES.get(_one(kind_of, event), "") if event else ""
            graph.add_edge(a, b, key=key, relation=_tail(p), label=label, kind=kind, event=event,
                           date=_one(dates, event) if event else "",
                           precision=_PRECISION_NAMES.get(_one(precisions, event), "") if event else "",
                           articles=" ".join(sorted(t.value for t in sources.get(event, ()))) if event else "",
                           symmetric=symmetric)


def entity_network(store: Store) -> nx.MultiDiGraph:
    """The store's entities and the direct relations between them, one edge per supporting event."""
    graph = nx.MultiDiGraph(name="newskg entity network")
    _nodes(store, graph)
    _edges(store, graph)
    return graph


def _atomic(path: Path, write) -> None:  # noqa: ANN001 - Callable[[Path], None]
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    write(tmp)
    tmp.replace(path)


def write_graphml(store: Store, path: Path) -> None:
    """The entity network as GraphML (networkx), typed attributes, readable by yEd, Cytoscape, Gephi."""
    network = entity_network(store)
    _atomic(path, lambda tmp: nx.write_graphml(network, tmp, encoding="utf-8", prettyprint=True))


def _newest_article_day(store: Store) -> str | None:
    days = [q.object.value[:10] for q in store.ox.quads_for_pattern(None, ox.NamedNode(DATE_PUBLISHED), None, None)]
    return max(days) if days else None


def write_gexf(store: Store, path: Path) -> None:
    """The entity network as GEXF 1.2 (networkx), Gephi's own format.

    Its ``lastmodifieddate`` is the newest article's date (networkx would
    write the day of writing), so the same graph gives the same bytes.
    """
    from networkx.readwrite.gexf import GEXFWriter

    network = entity_network(store)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    day = _newest_article_day(store)
    if meta is not None:
        if day:
            meta.set("lastmodifieddate", day)
        else:
            meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(network)

    def write(tmp: Path) -> None:
        with tmp.open("wb") as f:
            writer.write(f)

    _atomic(path, write)
