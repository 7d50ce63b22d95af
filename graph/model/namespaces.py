"""Every IRI of the graph is made here.

IRIs are minted deterministically from normalized content, never from
counters or blank nodes, so two runs on two machines give mergeable graphs,
and each one is checked by pyoxigraph's parser when it is made: an invalid IRI
fails here, not later at Turtle time.

>>> entity_iri("anna-berg")
rdflib.term.URIRef('https://w3id.org/newskg/id/entity/anna-berg')
>>> event_kind_iri(default_kinds().event("meeting"))
rdflib.term.URIRef('https://w3id.org/newskg/vocab#Meeting')
>>> article_iri("001 a/b")
rdflib.term.URIRef('https://w3id.org/newskg/id/article/001%20a%2Fb')
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph
from rdflib import RDF, RDFS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, TIME, DefinedNamespace

from graph.errors import InvalidIRIError
from graph.kinds import EntityKind, EventKind, KindTable, default_kinds
from graph.resolve.names import digest

BASE = "https://w3id.org/newskg/"
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
#: The vocabulary's namespace as an open Namespace: kinds come from the kinds table, not from a list here.
VOCAB = Namespace(BASE + "vocab#")


class KG(DefinedNamespace):
    """The project's vocabulary (graph/model/vocab.ttl). A typo is an error."""

    _fail = True
    _NS = Namespace(BASE + "vocab#")

    # classes
    Entity: URIRef
    EntityClass: URIRef
    Place: URIRef
    Event: URIRef
    EventKind: URIRef
    TimeInterval: URIRef
    Dating: URIRef
    Report: URIRef
    Role: URIRef
    Article: URIRef
    Sentence: URIRef
    Evidence: URIRef
    Precision: URIRef
    DateOrigin: URIRef
    eventKinds: URIRef
    # precisions and origins
    Day: URIRef
    Month: URIRef
    Year: URIRef
    IntervalPrecision: URIRef
    Unresolved: URIRef
    Given: URIRef
    Stated: URIRef
    Inferred: URIRef
    Unknown: URIRef
    # properties
    kind: URIRef
    participant: URIRef
    agent: URIRef
    object: URIRef
    relation: URIRef
    place: URIRef
    date: URIRef
    dating: URIRef
    report: URIRef
    dateText: URIRef
    datePrecision: URIRef
    dateOrigin: URIRef
    datedBy: URIRef
    ReportDay: URIRef
    during: URIRef
    planned: URIRef
    content: URIRef
    isQuote: URIRef
    start: URIRef
    end: URIRef
    interactedWith: URIRef
    holdsRole: URIRef
    title: URIRef
    roleOf: URIRef
    articleId: URIRef
    dateEvidence: URIRef
    contentHash: URIRef
    sentence: URIRef
    inArticle: URIRef
    index: URIRef
    text: URIRef
    evidence: URIRef
    extractor: URIRef
    mentionedIn: URIRef
    mentionCount: URIRef
    speaksFor: URIRef
    sources: URIRef
    participantNames: URIRef
    personName: URIRef
    agentName: URIRef
    placeName: URIRef
    holderName: URIRef
    ofName: URIRef
    example: URIRef
    sortKey: URIRef
    model: URIRef
    version: URIRef


#: The one prefix table every graph binds, in this order.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "skos": str(SKOS),
    "time": str(TIME),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}



def entity_class_iri(kind: EntityKind) -> URIRef:
    return _checked(str(VOCAB[kind.class_name]))


def event_kind_iri(kind: EventKind) -> URIRef:
    return _checked(str(VOCAB[kind.class_name]))


def edge_iri(kind: EventKind) -> URIRef | None:
    """The direct edge an event of this kind puts between its parties (or to its place, or objects)."""
    return _checked(str(VOCAB[kind.edge])) if kind.edge else None


def entity_classes(kinds: KindTable) -> dict[str, URIRef]:
    """Entity kind name -> class IRI."""
    return {k.name: entity_class_iri(k) for k in kinds.entities}


def event_kinds(kinds: KindTable) -> dict[str, URIRef]:
    """Event kind name -> kind IRI."""
    return {k.name: event_kind_iri(k) for k in kinds.events}


PRECISIONS = {
    "day": KG.Day,
    "month": KG.Month,
    "year": KG.Year,
    "interval": KG.IntervalPrecision,
    "unresolved": KG.Unresolved,
}

ORIGINS = {"given": KG.Given, "stated": KG.Stated, "inferred": KG.Inferred, "unknown": KG.Unknown}


def _checked(iri: str) -> URIRef:
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        raise InvalidIRIError(f"invalid IRI {iri!r}: {exc}") from exc
    return URIRef(iri)


def _segment(text: str) -> str:
    return quote(text, safe="-._~")


def entity_iri(key: str) -> URIRef:
    """An entity's IRI, from its key (its main name's slug; see graph.resolve.entities.entity_keys)."""
    return _checked(f"{ID}entity/{_segment(key)}")


def article_iri(article_id: str) -> URIRef:
    return _checked(f"{ID}article/{_segment(article_id)}")


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds what one article says."""
    return _checked(f"{ID}graph/{_segment(article_id)}")


def corpus_graph_iri() -> URIRef:
    """The named graph that holds what the articles say together, each statement once.

    >>> corpus_graph_iri()
    rdflib.term.URIRef('https://w3id.org/newskg/id/corpus')
    """
    return _checked(f"{ID}corpus")


def sentence_iri(article_id: str, index: int) -> URIRef:
    return _checked(f"{ID}article/{_segment(article_id)}/sentence/{index}")


def evidence_iri(article_id: str, start: int, end: int, extractor: str) -> URIRef:
    return _checked(f"{ID}article/{_segment(article_id)}/evidence/{start}-{end}-{_segment(extractor)}")


def report_iri(article_id: str, event: str) -> URIRef:
    """How one article tells one event: its evidence, in the article's graph."""
    return _checked(f"{ID}article/{_segment(article_id)}/report/{digest(event)}")


def dating_iri(key: str) -> URIRef:
    """A description of how an event is dated, from its content (value, precision, origin, words)."""
    return _checked(f"{ID}dating/{digest(key)}")


def event_iri(kind: str, key: str) -> URIRef:
    """An event's IRI from its kind and a key made of its resolved content."""
    return _checked(f"{ID}event/{_segment(kind)}/{digest(key)}")


def role_iri(person_iri: str, title: str, of_iri: str | None) -> URIRef:
    return _checked(f"{ID}role/{digest(person_iri, title.casefold(), of_iri or '')}")


def interval_iri(start: str, end: str) -> URIRef:
    return _checked(f"{ID}time/{start}_{end}")


def model_iri(name: str, version: str) -> URIRef:
    return _checked(f"{ID}model/{_segment(name)}-{_segment(version)}")



#: The built-in tables' IRIs, for readers that need no other table.
ENTITY_CLASSES: dict[str, URIRef] = entity_classes(default_kinds())
EVENT_KINDS: dict[str, URIRef] = event_kinds(default_kinds())
