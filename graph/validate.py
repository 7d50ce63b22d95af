"""Check a graph against the SHACL shapes of the project (graph/model/shapes.ttl).

The shapes describe well-formed records: entities, events, statements, roles,
time intervals, evidence, sentences and articles. They are checked with
pySHACL, with the vocabulary (graph/model/vocab.ttl and the kinds table, see
graph.model.vocabulary) as the ontology, so that the class
hierarchy (kg:Person is a kg:Entity) and the vocabulary's individuals
(kg:Meeting is a kg:EventKind, kg:Day is a kg:Precision) are known without
being repeated in the data. The whole vocabulary is added to the copy that is
validated: pySHACL's own ``ont_graph`` mix-in copies only RDFS/OWL axioms, not
individuals such as ``kg:Meeting a kg:EventKind``, which ``sh:class`` needs.
(The vocabulary has no instances of the shapes' target classes, so it adds no
focus nodes of its own.)

A :class:`rdflib.Dataset` is validated as the union of all its graphs, default
graph included: one article's named graph holds only what that article says
(an event's participants may be typed in another article's graph, a sentence's
article is described in the default graph), so the merged graph is what must
be well formed, exactly as ``kg build`` writes it to ``graph.ttl``.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Dataset, Graph
from rdflib.namespace import SH

from graph.kinds import KindTable
from graph.model.vocabulary import model_file, vocabulary_graph

__all__ = ["ValidationReport", "validate", "shapes_graph", "vocabulary_graph"]


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    ``text`` is pySHACL's report: one block per result, naming the focus node,
    the result path and the shape's message. ``violations`` counts the results
    of severity sh:Violation (every shape of the project has that severity).
    """

    conforms: bool
    text: str
    violations: int


def shapes_graph() -> Graph:
    """The SHACL shapes of the project, parsed from graph/model/shapes.ttl."""
    return model_file("shapes.ttl")


def merged_graph(data: Graph | Dataset) -> Graph:
    """The union of every graph of ``data`` as one plain :class:`Graph` (a copy).

    A plain :class:`Graph` comes back as a copy of itself; it is never changed.

    >>> from rdflib import URIRef
    >>> ds = Dataset()
    >>> triple = (URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef("urn:x:o"))
    >>> _ = ds.graph(URIRef("urn:x:g1")).add(triple)
    >>> _ = ds.graph(URIRef("urn:x:g2")).add(triple)
    >>> len(merged_graph(ds))
    1
    """
    merged = Graph()
    if isinstance(data, Dataset):
        for subject, predicate, obj, _graph in data.quads((None, None, None, None)):
            merged.add((subject, predicate, obj))
    else:
        for triple in data:
            merged.add(triple)
    return merged


def validate(data: Graph | Dataset, kinds: KindTable | None = None) -> ValidationReport:
    """Validate ``data`` (a graph, or the union of a dataset's graphs) against the shapes.

    The input is not changed: pySHACL works on a merged copy, with the
    vocabulary (of `kinds`, by default the built-in table) added to it.
    """
    target = merged_graph(data)
    target += vocabulary_graph(kinds)
    conforms, results_graph, results_text = pyshacl.validate(
        target,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,  # the statement shape has a SPARQL-based target (SHACL-AF)
        abort_on_first=False,
        allow_warnings=False,
        inplace=True,  # on our own copy
    )
    violations = sum(1 for _ in results_graph.subjects(SH.resultSeverity, SH.Violation))
    return ValidationReport(conforms=bool(conforms), text=str(results_text), violations=violations)
