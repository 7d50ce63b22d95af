"""Every IRI of the graph is made here.

IRIs are minted deterministically from normalized content, never from
counters or blank nodes, so two runs on two machines give mergeable graphs,
and each one is checked by pyoxigraph's parser when it is made: an invalid IRI
fails here, not later at Turtle time.

>>> entity_iri("person", "Anna Berg")
rdflib.term.URIRef('https://w3id.org/newskg/id/person/anna-berg')
>>> entity_iri("city", "São Paulo")
rdflib.term.URIRef('https://w3id.org/newskg/id/city/sao-paulo')
>>> article_iri("001 a/b")
rdflib.term.URIRef('https://w3id.org/newskg/id/article/001%20a%2Fb')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

import pyoxigraph
from rdflib import RDF, RDFS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, TIME, DefinedNamespace

from graph.errors import InvalidIRIError

BASE = "https://w3id.org/newskg/"
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """The project's vocabulary (graph/model/vocab.ttl). A typo is an error."""

    _fail = True
    _NS = Namespace(BASE + "vocab#")

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Region: URIRef
    Location: URIRef
    Facility: URIRef
    NamedEvent: URIRef
    Product: URIRef
    Work: URIRef
    Event: URIRef
    EventKind: URIRef
    TimeInterval: URIRef
    Role: URIRef
    Article: URIRef
    Sentence: URIRef
    Evidence: URIRef
    Precision: URIRef
    DateOrigin: URIRef
    # event kinds
    Meeting: URIRef
    Talks: URIRef
    Visit: URIRef
    Statement: URIRef
    Agreement: URIRef
    Seizure: URIRef
    Deployment: URIRef
    Attack: URIRef
    Sanction: URIRef
    Election: URIRef
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
    place: URIRef
    date: URIRef
    dateText: URIRef
    datePrecision: URIRef
    dateOrigin: URIRef
    during: URIRef
    planned: URIRef
    content: URIRef
    isQuote: URIRef
    start: URIRef
    end: URIRef
    interactedWith: URIRef
    met: URIRef
    heldTalksWith: URIRef
    agreedWith: URIRef
    visited: URIRef
    seized: URIRef
    deployedTo: URIRef
    attacked: URIRef
    sanctioned: URIRef
    holdsRole: URIRef
    title: URIRef
    roleOf: URIRef
    statedOn: URIRef
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

#: Entity types of the vocabulary, by the short name the extractor uses.
ENTITY_CLASSES: dict[str, URIRef] = {
    "person": KG.Person,
    "organization": KG.Organization,
    "country": KG.Country,
    "city": KG.City,
    "region": KG.Region,
    "location": KG.Location,
    "facility": KG.Facility,
    "event": KG.NamedEvent,
    "product": KG.Product,
    "work": KG.Work,
}

#: Event kinds of the vocabulary, and the direct edge each puts between participants.
EVENT_KINDS: dict[str, URIRef] = {
    "meeting": KG.Meeting,
    "talks": KG.Talks,
    "visit": KG.Visit,
    "statement": KG.Statement,
    "agreement": KG.Agreement,
    "seizure": KG.Seizure,
    "deployment": KG.Deployment,
    "attack": KG.Attack,
    "sanction": KG.Sanction,
    "election": KG.Election,
}

PRECISIONS = {
    "day": KG.Day,
    "month": KG.Month,
    "year": KG.Year,
    "interval": KG.IntervalPrecision,
    "unresolved": KG.Unresolved,
}

ORIGINS = {"given": KG.Given, "stated": KG.Stated, "inferred": KG.Inferred, "unknown": KG.Unknown}


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: the normalized form in an IRI.

    >>> slug("Emmanuel  Macron")
    'emmanuel-macron'
    >>> slug("U.S.")
    'us'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("'", "").replace(".", "").replace("\u2019", "")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words) or "x" + digest(text, 8)


def digest(*parts: object, size: int = 12) -> str:
    """A short, stable hash of the parts (SHA-256, hex)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:size]


def _checked(iri: str) -> URIRef:
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        raise InvalidIRIError(f"invalid IRI {iri!r}: {exc}") from exc
    return URIRef(iri)


def _segment(text: str) -> str:
    return quote(text, safe="-._~")


def entity_iri(kind: str, name: str) -> URIRef:
    return _checked(f"{ID}{_segment(kind)}/{slug(name)}")


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


def event_iri(kind: str, key: str) -> URIRef:
    """An event's IRI from its kind and a key made of its resolved content."""
    return _checked(f"{ID}event/{_segment(kind)}/{digest(key)}")


def role_iri(person_iri: str, title: str, of_iri: str | None) -> URIRef:
    return _checked(f"{ID}role/{digest(person_iri, title.casefold(), of_iri or '')}")


def interval_iri(start: str, end: str) -> URIRef:
    return _checked(f"{ID}time/{start}_{end}")


def model_iri(name: str, version: str) -> URIRef:
    return _checked(f"{ID}model/{_segment(name)}-{_segment(version)}")
