"""Reading the view's data: the graph's entities, events and roles as plain classes.

:func:`read_view` reads every triple the page can show with one SPARQL query
(``assets/view.rq``) over the union of the graphs of an rdflib ``Dataset``;
:func:`read_subjects` reads only some entities and events, and what they point
to (evidence, sentences, articles, roles), one subject at a time from a store:
that is how a view of a large graph is read without reading the graph.

>>> interval("2021-03"), tail("https://w3id.org/newskg/vocab#Meeting")
(('2021-03-01', '2021-03-31'), 'Meeting')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rdflib import BNode, Dataset
from rdflib.namespace import RDF, RDFS, SKOS

from graph.errors import QueryError
from graph.model.namespaces import ENTITY_CLASSES, EVENT_KINDS, KG, ORIGINS, PRECISIONS, SCHEMA
from graph.view.styles import DIRECT_EDGES

ASSETS = Path(__file__).with_name("assets")

_KIND_NAMES = {str(iri): name for name, iri in EVENT_KINDS.items()}
_PRECISION_NAMES = {str(iri): name for name, iri in PRECISIONS.items()}
_ORIGIN_NAMES = {str(iri): name for name, iri in ORIGINS.items()}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence that reports a fact, with its article."""

    article: str
    index: int
    sentence: str
    title: str
    span: str
    published: str = ""  # the article's schema:datePublished, when it has one


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

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.index[subject][predicate].add(obj)

    def values(self, subject: str, predicate: object) -> list[str]:
        found = self.index.get(subject)
        return sorted(found.get(str(predicate), ())) if found else []

    def first(self, subject: str, predicate: object) -> str | None:
        found = self.values(subject, predicate)
        return found[0] if found else None


def tail(iri: str) -> str:
    """The last segment of an IRI, for things that have no name."""
    return unquote(re.split(r"[/#]", iri.rstrip("/"))[-1]) or iri


def _norm_date(text: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from the lexical form of an xsd:gYear, xsd:gYearMonth or xsd:date."""
    match = _DATE.match(text)
    return match.group(0) if match else None


def _is_day(text: str | None) -> bool:
    """Whether a normalized date names a day."""
    return text is not None and len(text) == 10


def interval(day_month_or_year: str) -> tuple[str, str]:
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
                article=triples.first(article, KG.articleId) or tail(article),
                index=int(index) if index.lstrip("-").isdigit() else 0,
                sentence=triples.first(sentence, KG.text) or "",
                title=triples.first(article, RDFS.label) or "",
                span=span,
                published=triples.first(article, SCHEMA.datePublished) or "",
            ))
    return tuple(sorted(found, key=lambda s: (s.article, s.index, s.sentence, s.span)))


def _entity(triples: _Triples, iri: str, types: list[str]) -> Entity:
    labels = triples.values(iri, RDFS.label)
    name = min(labels, key=lambda n: (-len(n), n)) if labels else tail(iri)
    others = (set(labels) | set(triples.values(iri, SKOS.altLabel))) - {name}
    articles = {triples.first(a, KG.articleId) or tail(a) for a in triples.values(iri, KG.mentionedIn)}
    counts = [int(c) for c in triples.values(iri, KG.mentionCount) if c.isdigit()]
    return Entity(
        iri=iri, name=name, aliases=tuple(sorted(others, key=lambda n: (n.casefold(), n))),
        type=types[0], types=tuple(types), articles=tuple(sorted(articles)),
        mentions=max(counts) if counts else None,
    )


def event_span(
    dates: Iterable[str], starts: Iterable[str], ends: Iterable[str]
) -> tuple[tuple[str, ...], str | None, str | None, str | None]:
    """An event's dates (normalized), its main date (the most precise), and the first and last day it covers.

    ``dates`` are its kg:date values; ``starts`` and ``ends`` those of its kg:during intervals.
    """
    found = sorted({d for d in map(_norm_date, dates) if d})
    main = min(found, key=lambda d: (-len(d), d)) if found else None
    start, end = interval(main) if main else (None, None)
    if main is None:
        days = [d for d in map(_norm_date, starts) if _is_day(d)]
        last = [d for d in map(_norm_date, ends) if _is_day(d)]
        start, end = (min(days), max(last)) if days and last else (None, None)
    return tuple(found), main, start, end


def _event(triples: _Triples, iri: str) -> Event:
    kinds = triples.values(iri, KG.kind)
    kind = _KIND_NAMES.get(kinds[0], tail(kinds[0]).lower()) if kinds else "event"
    reports = triples.values(iri, KG.report)
    # the event's dating, then how each report dates it where it does otherwise
    datings = triples.values(iri, KG.dating) + [d for r in reports for d in triples.values(r, KG.dating)]
    during = [i for d in datings for i in triples.values(d, KG.during)]
    dates, main, start, end = event_span(
        triples.values(iri, KG.date),
        [d for i in during for d in triples.values(i, KG.start)],
        [d for i in during for d in triples.values(i, KG.end)],
    )
    origin_order = list(ORIGINS)
    precisions = [p for d in datings for p in triples.values(d, KG.datePrecision)]
    origins = {_ORIGIN_NAMES.get(o, tail(o)) for d in datings for o in triples.values(d, KG.dateOrigin)}
    return Event(
        iri=iri, kind=kind, date=main, dates=tuple(dates), start=start, end=end,
        precision=tuple(sorted({_PRECISION_NAMES.get(p, tail(p)) for p in precisions})),
        origin=tuple(sorted(origins, key=lambda o: (origin_order.index(o) if o in origin_order else 99, o))),
        date_text=tuple(w for d in datings for w in triples.values(d, KG.dateText)),
        planned=any(v in ("true", "1") for v in triples.values(iri, KG.planned)),
        content=tuple(triples.values(iri, KG.content)),
        quote=any(v in ("true", "1") for v in triples.values(iri, KG.isQuote)),
        agents=tuple(triples.values(iri, KG.agent)),
        participants=tuple(triples.values(iri, KG.participant)),
        objects=tuple(triples.values(iri, KG.object)),
        places=tuple(triples.values(iri, KG.place)),
        sources=_sources(triples, [x for r in reports for x in triples.values(r, KG.evidence)]),
    )


def read_view(dataset: Dataset) -> View:
    """Everything the page can show, read from the union of the dataset's graphs."""
    query = (ASSETS / "view.rq").read_text(encoding="utf-8")
    try:
        triples = _Triples(dataset.query(query))
    except Exception as exc:  # rdflib and Oxigraph raise different types
        raise QueryError(f"the HTML view query failed: {exc}") from exc
    return _view(triples)


#: The predicates the page shows (those of assets/view.rq).
VIEW_PREDICATES = frozenset(
    str(term) for term in (
        RDF.type, RDFS.label, SKOS.altLabel, KG.kind, KG.participant, KG.agent, KG.object, KG.place,
        KG.date, KG.dating, KG.datePrecision, KG.dateOrigin, KG.dateText, KG.during, KG.start, KG.end,
        KG.planned, KG.content, KG.isQuote, KG.report, KG.evidence, KG.sentence, KG.text, KG.index, KG.inArticle,
        KG.articleId, KG.holdsRole, KG.title, KG.roleOf, SCHEMA.datePublished, KG.mentionedIn, KG.mentionCount,
    )
) | frozenset(DIRECT_EDGES)
#: Links read further, from an entity or event to the records the page shows with it.
_FOLLOW = frozenset(
    str(p) for p in (KG.report, KG.evidence, KG.sentence, KG.inArticle, KG.holdsRole, KG.dating, KG.during)
)
#: Links to entities outside the view, whose names the panels show.
_NAMED = frozenset(str(p) for p in (KG.participant, KG.agent, KG.object, KG.place, KG.roleOf))


def read_subjects(quads_of: Callable[[str], Iterable[tuple[str, str, str]]], subjects: Iterable[str]) -> View:
    """The view of some entities and events only, read one subject at a time.

    ``quads_of(iri)`` gives (subject, predicate, object) strings of every statement
    about ``iri`` in any graph (graph.view.sources has one for a store). Entities that
    the chosen events link but that are not chosen keep only their names.
    """
    triples = _Triples(())
    chosen = set(subjects)
    frontier, seen, named = set(chosen), set(), set()
    while frontier:
        following = set()
        for subject in sorted(frontier - seen):
            seen.add(subject)
            for s, p, o in quads_of(subject):
                if p not in VIEW_PREDICATES:
                    continue
                triples.add(s, p, o)
                if p in _FOLLOW:
                    following.add(o)
                elif p in _NAMED and o not in chosen:
                    named.add(o)
        frontier = following
    names = {}
    for iri in sorted(named - seen):
        labels = [o for _s, p, o in quads_of(iri) if p == str(RDFS.label)]
        if labels:
            names[iri] = min(labels, key=lambda n: (-len(n), n))
    view = _view(triples)
    return View(view.entities, view.events, view.event_links, view.links, view.roles, {**names, **view.names})


def _view(triples: _Triples) -> View:
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
            sources = _sources(triples, triples.values(iri, KG.evidence))
            roles[iri] = Role(
                iri=iri, person=person, title=title, label=triples.first(iri, RDFS.label) or title,
                of=tuple(triples.values(iri, KG.roleOf)),
                # when the title was stated: the days its articles were published
                stated_on=tuple(sorted({s.published for s in sources if s.published})),
                sources=sources,
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



# ---------------------------------------------------------------- the index of a large graph


@dataclass(frozen=True, slots=True)
class IndexedEvent:
    """What the selection needs of an event: the days it covers and the entities it links."""

    start: str | None
    end: str | None
    links: frozenset[str]


def read_index(rows: Iterable[tuple[str, str | None, str | None, str | None, str]]) -> dict[str, IndexedEvent]:
    """The event index from the rows of ``assets/index.rq`` (event, date, start, end, linked entity)."""
    dates: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, set[str]] = defaultdict(set)
    ends: dict[str, set[str]] = defaultdict(set)
    links: dict[str, set[str]] = defaultdict(set)
    for e, d, start, end, x in rows:
        links[e].add(x)
        if d:
            dates[e].add(d)
        if start and end:
            starts[e].add(start)
            ends[e].add(end)
    out = {}
    for e in sorted(links):
        _dates, _main, start, end = event_span(dates[e], starts[e], ends[e])
        out[e] = IndexedEvent(start, end, frozenset(links[e]))
    return out
