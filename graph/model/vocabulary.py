"""The vocabulary of the graph: ``vocab.ttl`` plus the terms the kinds table defines.

``graph/model/vocab.ttl`` holds what does not depend on the kinds: the base
classes (kg:Entity, kg:Place, kg:Event, kg:EventKind), the properties, the
precisions and origins. Each entry of the kinds table (:mod:`graph.kinds`)
adds its own terms here, so a kind is written down once:

- an entity kind: ``kg:<class> a owl:Class, kg:EntityClass`` under kg:Entity
  (kg:Place for places) and its other superclasses;
- an event kind: ``kg:<class> a kg:EventKind`` in the kg:eventKinds scheme,
  with its nearest terms elsewhere (``skos:closeMatch``) and its CAMEO and ACE
  codes (``skos:notation``);
- its direct edge, if any: an object property under kg:interactedWith when it
  links the parties to each other (and symmetric then).

>>> g = vocabulary_graph()
>>> from graph.model.namespaces import VOCAB
>>> (VOCAB.Meeting, RDF.type, VOCAB.EventKind) in g, (VOCAB.City, RDFS.subClassOf, VOCAB.Place) in g
(True, True)
"""

from __future__ import annotations

from importlib.resources import files

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph.kinds import KindTable, default_kinds
from graph.model.namespaces import KG, PREFIXES, VOCAB, edge_iri, entity_class_iri, event_kind_iri


def model_file(name: str) -> Graph:
    """A Turtle file of graph/model/, parsed."""
    graph = Graph()
    graph.parse(data=files("graph.model").joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return graph


def expand(curie: str) -> URIRef:
    """'schema:Person' -> the IRI, by the project's prefix table."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise ValueError(f"Unknown prefix in {curie!r}. Known: {', '.join(PREFIXES)}")
    return URIRef(PREFIXES[prefix] + local)


def kind_triples(kinds: KindTable) -> Graph:
    """The terms the kinds table defines."""
    g = Graph()
    for kind in kinds.entities:
        c = entity_class_iri(kind)
        g.add((c, RDF.type, OWL.Class))
        g.add((c, RDF.type, KG.EntityClass))
        g.add((c, RDFS.subClassOf, KG.Place if kind.place else KG.Entity))
        for sup in kind.superclass:
            g.add((c, RDFS.subClassOf, expand(sup)))
        g.add((c, RDFS.label, Literal(kind.label, lang="en")))
        g.add((c, RDFS.comment, Literal(kind.comment, lang="en")))
    for kind in kinds.events:
        k = event_kind_iri(kind)
        g.add((k, RDF.type, KG.EventKind))
        g.add((k, SKOS.inScheme, KG.eventKinds))
        g.add((k, SKOS.prefLabel, Literal(kind.label, lang="en")))
        g.add((k, RDFS.label, Literal(kind.label, lang="en")))
        g.add((k, RDFS.comment, Literal(kind.comment, lang="en")))
        for match in kind.close_match:
            g.add((k, SKOS.closeMatch, expand(match)))
        if kind.cameo:
            g.add((k, SKOS.notation, Literal(kind.cameo, datatype=VOCAB.CAMEO)))
        if kind.ace:
            g.add((k, SKOS.notation, Literal(kind.ace, datatype=VOCAB.ACE)))
        edge = edge_iri(kind)
        if edge is None:
            continue
        g.add((edge, RDF.type, OWL.ObjectProperty))
        if kind.edge_links == "parties":
            g.add((edge, RDF.type, OWL.SymmetricProperty))
            g.add((edge, RDFS.subPropertyOf, KG.interactedWith))
        g.add((edge, RDFS.label, Literal(kind.edge_label or kind.edge, lang="en")))
        if kind.edge_comment:
            g.add((edge, RDFS.comment, Literal(kind.edge_comment, lang="en")))
    return g


def vocabulary_graph(kinds: KindTable | None = None) -> Graph:
    """The whole vocabulary: vocab.ttl and the kinds' terms."""
    g = model_file("vocab.ttl")
    g += kind_triples(kinds or default_kinds())
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True)
    return g


def vocabulary_turtle(kinds: KindTable | None = None) -> str:
    """The whole vocabulary as Turtle (what `kg vocab` prints)."""
    return vocabulary_graph(kinds).serialize(format="turtle")
