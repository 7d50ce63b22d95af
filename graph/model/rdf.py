"""The model stage: a resolved corpus as RDF, in units the store and the exports update one by one.

Three kinds of graph, and every statement is in exactly one of them:

- one named graph per article (``id/graph/ARTICLE``) holds what only that
  article says: which entities it names (``kg:mentionedIn``), the evidence of
  each event and role it reports, and the sentences the evidence points to;
- the corpus graph (``id/corpus``) holds what the articles say together,
  stated once however many articles say it: each entity's types and names,
  each event's kind, parties, place and dates (as each article gives them),
  roles, and the direct edges between entities (``kg:met`` ...);
- the default graph describes the articles, the model that read them, and
  which named graph comes from which article.

The merged view is the union of all graphs. Stating an entity's type and
labels once, rather than in each article that names it, is what keeps queries
over the union fast: a join on ``?p a kg:Person ; rdfs:label ?name`` finds one
statement, not one per article.

A :class:`Unit` is one piece the store and exports replace at a time: a whole
article graph, or everything the corpus (or default) graph says about one
subject. Units are plain N-Triples lines (:mod:`graph.model.nt`), sorted, so
that a unit's digest says whether it changed. Building them is linear in the
corpus: each article's graph is made from an index of the corpus by article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS
from rdflib.namespace import PROV, SKOS

from graph.kinds import KindTable, default_kinds
from graph.model import namespaces as ns
from graph.model import nt
from graph.model.namespaces import KG, SCHEMA
from graph.records import Corpus, Entity, Evidence, Precision, ResolvedEvent, ResolvedRole, TimeValue
from graph.resolve.events import date_words

CORPUS_GRAPH = str(ns.corpus_graph_iri())
#: GeoNames' linked-data IRIs of places: https://sws.geonames.org/<id>/
GEONAMES = "https://sws.geonames.org/"


def _p(term: object) -> str:
    return f"<{term}>"


# Predicates and classes as N-Triples terms, made once.
TYPE, LABEL, ALT, HIDDEN = _p(RDF.type), _p(RDFS.label), _p(SKOS.altLabel), _p(SKOS.hiddenLabel)
SAME_AS = _p(OWL.sameAs)
K = {name: _p(getattr(KG, name)) for name in KG.__annotations__}
DATATYPES = {Precision.DAY: "date", Precision.MONTH: "gYearMonth", Precision.YEAR: "gYear"}


@dataclass(frozen=True, slots=True)
class Unit:
    """What the store replaces at once: sorted, distinct N-Triples lines of one graph.

    ``graph`` is the named graph's IRI (None: the default graph); ``key`` is the
    subject the lines describe in the corpus and default graphs, and "" for an
    article's graph, which is one unit.
    """

    graph: str | None
    key: str
    lines: tuple[str, ...]

    @property
    def digest(self) -> str:
        return hashlib.sha256("\n".join(self.lines).encode("utf-8")).hexdigest()[:32]


UNDATED = dt.date.max.toordinal() + 1


def sort_key(subject: str, first: int | str) -> int:
    """A number that orders by ``first`` (a day's ordinal, or a name), then by 32 bits of the IRI's hash.

    A name counts by its first three bytes, case-folded; the key stays below 2**63, so that
    stores keep it as a number (Oxigraph compares those in place).

    >>> sort_key("<https://example.org/a>", dt.date(2024, 5, 4).toordinal()) >> 32 == dt.date(2024, 5, 4).toordinal()
    True
    >>> sort_key("<x:a>", "Anna") < sort_key("<x:b>", "berta") < sort_key("<x:c>", "Carl")
    True
    """
    if isinstance(first, str):
        folded = first.casefold().encode("utf-8")[:3].ljust(3, b"\0")
        first = int.from_bytes(folded, "big")
    return (first << 32) | int(hashlib.sha256(subject.encode("utf-8")).hexdigest()[:8], 16)


def first_day(date: TimeValue) -> int:
    """The ordinal of the first day a time value may be (UNDATED when the words fix none)."""
    text = date.value if date.value else date.start
    if not text:
        return UNDATED
    parts = (text.split("-") + ["01", "01"])[:3]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
    except ValueError:
        return UNDATED


def graph_order(graph: str | None) -> tuple[int, str]:
    """Exports write the default graph, then the corpus graph, then the article graphs by IRI."""
    if graph is None:
        return (0, "")
    return (1, "") if graph == CORPUS_GRAPH else (2, graph)


def date_literal(value: TimeValue) -> str | None:
    if not value.value:
        return None
    datatype = DATATYPES.get(value.precision)
    return nt.typed(value.value, datatype) if datatype else None


def unify_roles(roles: tuple[ResolvedRole, ...]) -> list[ResolvedRole]:
    """'Foreign Minister' said without a country joins the one 'Foreign Minister of X' of that person."""
    known: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in roles:
        if r.of:
            known[(r.person, r.title.casefold())].add(r.of)
    out = []
    for r in roles:
        ofs = known.get((r.person, r.title.casefold()), set())
        if r.of is None and len(ofs) == 1:
            r = ResolvedRole(person=r.person, title=r.title, of=next(iter(ofs)), evidence=r.evidence)
        out.append(r)
    return out


def event_iri(ev: ResolvedEvent) -> str:
    """From the event's content: kind, date (or the words of the date), parties, objects, what was said;
    never from where an article tells it, so the same undated event told twice is one node."""
    date = ""
    if ev.date is not None:
        date = ev.date.value or (f"{ev.date.start}/{ev.date.end}" if ev.date.start else date_words(ev.date.text))
    said = ns.digest(ev.content) if ev.content else ""
    key = "|".join([ev.kind, ev.relation or "", date, ",".join(ev.participants), ",".join(ev.objects), said])
    if not ev.participants and not ev.objects:  # "the attack in X on Friday": told apart by its place
        key += "|" + (ev.place or "")
    return str(ns.event_iri(ev.kind, key))


class CorpusModel:
    """Turns a `Corpus` into units, indexing the corpus by article once."""

    def __init__(self, corpus: Corpus, kinds: KindTable | None = None):
        self.corpus = corpus
        self.kinds = kinds or default_kinds()
        self.classes = {name: _p(iri) for name, iri in ns.entity_classes(self.kinds).items()}
        self.kind_iris = {name: _p(iri) for name, iri in ns.event_kinds(self.kinds).items()}
        self.entities = {e.key: e for e in corpus.entities}
        self.iris = {e.key: nt.iri(str(ns.entity_iri(e.key))) for e in corpus.entities}
        self.articles = {a.id: a for a in corpus.articles}
        self.models = {ex.article.id: ex.model for ex in corpus.extractions}
        self.sentences = {(s.article_id, s.index): s for ex in corpus.extractions for s in ex.sentences}
        self.mentioned: dict[str, set[str]] = defaultdict(set)  # article id -> entity keys it names
        self.names: dict[str, set[str]] = defaultdict(set)  # entity key -> the names the articles use
        for entity in corpus.entities:
            for m in entity.mentions:
                self.mentioned[m.article_id].add(entity.key)
                self.names[entity.key].add(m.text)
        self.roles: dict[str, list[ResolvedRole]] = defaultdict(list)
        for role in unify_roles(corpus.roles):
            self.roles[role.evidence.article_id].append(role)
        # article id -> each event it reports, with the article's own report of it and its evidence there
        self.events: dict[str, list[tuple[ResolvedEvent, tuple | None, list[Evidence]]]] = defaultdict(list)
        for event in corpus.events:
            reports: dict[str, tuple] = {}
            for r in event.reported:
                reports.setdefault(r[0], r)
            evidence: dict[str, list[Evidence]] = defaultdict(list)
            for x in event.evidence:
                evidence[x.article_id].append(x)
            for aid, found in evidence.items():
                self.events[aid].append((event, reports.get(aid), found))
        self.speaks_for: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for aid, city, country in corpus.speaks_for:
            self.speaks_for[aid].add((city, country))
        self.corpus_lines: dict[str, set[str]] = defaultdict(set)  # subject -> lines in the corpus graph
        self.described: set[str] = set()  # entity keys to describe in the corpus graph
        # What queries read in one statement rather than by joins (see `summaries`):
        self.sources: dict[str, set[str]] = defaultdict(set)  # event or role -> ids of the articles reporting it
        self.party_names: dict[str, set[str]] = defaultdict(set)  # event -> names of its participants
        self.examples: dict[str, tuple[str, int, str]] = {}  # role -> its first sentence (article id, index, text)
        self.names_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (subject, property) -> names
        self.first_day: dict[str, int | str] = {}  # event -> first day it may be on; role -> holder's name

    # -- units --------------------------------------------------------------------------

    def units(self) -> Iterator[Unit]:
        """Every unit: the article graphs (one at a time), then the default graph, then the corpus graph."""
        for article in self.corpus.articles:
            yield Unit(str(ns.article_graph_iri(article.id)), "", tuple(sorted(self.article_lines(article.id))))
        for subject, lines in sorted(self.default_lines().items()):
            yield Unit(None, subject, tuple(sorted(lines)))
        for key in self.described:
            self.corpus_lines[self.iris[key]].update(self.entity_lines(self.entities[key]))
        self.summaries()
        for subject, lines in sorted(self.corpus_lines.items()):
            yield Unit(CORPUS_GRAPH, subject, tuple(sorted(lines)))

    def summaries(self) -> None:
        """Statements that say in one literal what queries would otherwise join for.

        On events and roles, ``kg:sources`` (the ids of the articles that report
        it, sorted); on events, ``kg:participantNames`` ("A, B"), and the main
        name of each person taking part (``kg:personName``), of the agent
        (``kg:agentName``) and of the place (``kg:placeName``); on roles, the
        holder's and the country's or body's names (``kg:holderName``,
        ``kg:ofName``) and ``kg:example``, the first sentence (by article id,
        then in the text) that gives the title. They are derived from the other
        statements, and let the shipped queries read each row from a few
        statements of one subject instead of joining through the evidence and
        the labels of the whole graph. ``kg:sortKey`` is a number that orders
        events by the first day they may be on (undated ones last), and roles
        by their holder's name, with bits of the IRI's hash after it, so that
        no two are equal: Oxigraph compares numbers in place, but strings and
        IRIs by reading their text, so queries pick their page by it.
        """
        for subject, ids in self.sources.items():
            self.corpus_lines[subject].add(nt.statement(subject, K["sources"], nt.text(" ".join(sorted(ids)))))
        for subject, day in self.first_day.items():
            key = sort_key(subject, day)
            self.corpus_lines[subject].add(nt.statement(subject, K["sortKey"], nt.integer(key)))
        for subject, names in self.party_names.items():
            names_text = nt.text(", ".join(sorted(names)))
            self.corpus_lines[subject].add(nt.statement(subject, K["participantNames"], names_text))
        for subject, (_aid, _index, sentence) in self.examples.items():
            self.corpus_lines[subject].add(nt.statement(subject, K["example"], nt.text(sentence)))
        for (subject, prop), names in self.names_of.items():
            self.corpus_lines[subject] |= {nt.statement(subject, K[prop], nt.text(name)) for name in names}

    def default_lines(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for article in self.corpus.articles:
            a = nt.iri(str(ns.article_iri(article.id)))
            g = nt.iri(str(ns.article_graph_iri(article.id)))
            model = self.models.get(article.id, "unknown 0")
            name, _, version = model.rpartition(" ")
            m = nt.iri(str(ns.model_iri(name or model, version or "0")))
            lines = out[a]
            lines.add(nt.statement(a, TYPE, K["Article"]))
            lines.add(nt.statement(a, K["articleId"], nt.text(article.id)))
            digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
            lines.add(nt.statement(a, K["contentHash"], nt.text(digest)))
            lines.add(nt.statement(a, K["model"], m))
            lines.add(nt.statement(a, K["dateOrigin"], _p(ns.ORIGINS[article.date_origin.value])))
            if article.date is not None:
                lines.add(nt.statement(a, _p(SCHEMA.datePublished), nt.typed(article.date.isoformat(), "date")))
            if article.date_evidence:
                lines.add(nt.statement(a, K["dateEvidence"], nt.text(article.date_evidence)))
            if article.title:
                lines.add(nt.statement(a, _p(SCHEMA.headline), nt.text(article.title)))
            if article.url:
                lines.add(nt.statement(a, _p(SCHEMA.url), nt.typed(article.url, "anyURI")))
            if article.source:
                lines.add(nt.statement(a, _p(SCHEMA.publisher), nt.text(article.source)))
            out[g].add(nt.statement(g, _p(PROV.wasDerivedFrom), a))
            out[g].add(nt.statement(g, _p(PROV.wasAttributedTo), m))
            out[m] |= {
                nt.statement(m, TYPE, _p(PROV.SoftwareAgent)),
                nt.statement(m, LABEL, nt.text(model)),
                nt.statement(m, K["version"], nt.text(version or "0")),
            }
        return out

    def entity_lines(self, entity: Entity) -> Iterator[str]:
        e = self.iris[entity.key]
        names = self.names[entity.key]
        yield nt.statement(e, TYPE, self.classes.get(entity.kind, K["Place"]))
        if entity.kind in self.kinds.place_kinds and entity.kind != "place":
            yield nt.statement(e, TYPE, K["Place"])
        yield nt.statement(e, LABEL, nt.text(entity.label))
        if entity.geonames is not None:
            yield nt.statement(e, SAME_AS, nt.iri(f"{GEONAMES}{entity.geonames}/"))
        yield nt.statement(e, K["mentionCount"], nt.integer(len(entity.mentions)))
        for alt in entity.alt_labels:
            if alt in names:
                yield nt.statement(e, ALT, nt.text(alt))
        for hidden in entity.hidden_labels:
            if hidden in names:
                yield nt.statement(e, HIDDEN, nt.text(hidden))

    # -- one article's graph, and what it adds to the corpus graph ----------------------------

    def article_lines(self, article_id: str) -> set[str]:
        lines: set[str] = set()
        corpus = self.corpus_lines
        a = nt.iri(str(ns.article_iri(article_id)))
        used = set(self.mentioned.get(article_id, ()))
        for role in self.roles.get(article_id, ()):
            person = self.iris[role.person]
            of = self.iris.get(role.of) if role.of else None
            r = nt.iri(str(ns.role_iri(person[1:-1], role.title, of[1:-1] if of else None)))
            corpus[person].add(nt.statement(person, K["holdsRole"], r))
            label = f"{role.title} of {self.entities[role.of].label}" if role.of else role.title
            corpus[r] |= {
                nt.statement(r, TYPE, K["Role"]),
                nt.statement(r, K["title"], nt.text(role.title)),
                nt.statement(r, LABEL, nt.text(label)),
            }
            if of is not None:
                corpus[r].add(nt.statement(r, K["roleOf"], of))
            lines.add(nt.statement(r, K["evidence"], self.evidence_lines(role.evidence, lines)))
            self.sources[r].add(article_id)
            self.names_of[(r, "holderName")].add(self.entities[role.person].label)
            self.first_day[r] = self.entities[role.person].label
            if role.of:
                self.names_of[(r, "ofName")].add(self.entities[role.of].label)
            sentence = self.sentences.get((article_id, role.evidence.sentence))
            if sentence is not None:
                first = (article_id, sentence.index, sentence.text.strip())
                self.examples[r] = min(self.examples.get(r, first), first)
        for city, country in sorted(self.speaks_for.get(article_id, ())):
            corpus[self.iris[city]].add(nt.statement(self.iris[city], K["speaksFor"], self.iris[country]))
        for event, report, evidence in self.events.get(article_id, ()):
            self.event_lines(event, article_id, lines, used, report, evidence)
        for key in used:
            lines.add(nt.statement(self.iris[key], K["mentionedIn"], a))
        self.described |= used
        return lines

    def evidence_lines(self, ev: Evidence, lines: set[str]) -> str:
        """Add an evidence record and its sentence to the article's lines; returns the record's IRI."""
        iri = nt.iri(str(ns.evidence_iri(ev.article_id, ev.start, ev.end, ev.extractor)))
        sent = nt.iri(str(ns.sentence_iri(ev.article_id, ev.sentence)))
        text = self.articles[ev.article_id].text[ev.start : ev.end]
        lines |= {
            nt.statement(iri, TYPE, K["Evidence"]),
            nt.statement(iri, K["sentence"], sent),
            nt.statement(iri, K["start"], nt.integer(ev.start)),
            nt.statement(iri, K["end"], nt.integer(ev.end)),
            nt.statement(iri, K["text"], nt.text(text)),
            nt.statement(iri, K["extractor"], nt.text(ev.extractor)),
        }
        s = self.sentences.get((ev.article_id, ev.sentence))
        if s is not None:
            lines |= {
                nt.statement(sent, TYPE, K["Sentence"]),
                nt.statement(sent, K["inArticle"], nt.iri(str(ns.article_iri(ev.article_id)))),
                nt.statement(sent, K["index"], nt.integer(s.index)),
                nt.statement(sent, K["start"], nt.integer(s.start)),
                nt.statement(sent, K["end"], nt.integer(s.end)),
                nt.statement(sent, K["text"], nt.text(s.text.strip())),
            }
        return iri

    def event_lines(
        self,
        event: ResolvedEvent,
        article_id: str,
        lines: set[str],
        used: set[str],
        report: tuple | None,
        evidence: list[Evidence],
    ) -> None:
        """The event as one article reports it (``report``: its parties, place and date there, if any;
        ``evidence``: the event's evidence in that article)."""
        e = nt.iri(event_iri(event))
        out = self.corpus_lines[e]
        participants = report[1] if report else event.participants
        place = report[2] if report else event.place
        date = event.date
        told = report[3] if report and report[3] is not None and report[3] != event.date else None
        out.add(nt.statement(e, TYPE, K["Event"]))
        out.add(nt.statement(e, K["kind"], self.kind_iris[event.kind]))
        names = ", ".join(self.entities[p].label for p in event.participants)
        if event.objects:
            names = f"{names} -> " if names else "-> "
            names += ", ".join(self.entities[o].label for o in event.objects)
        when = f" ({date.value})" if date is not None and date.value else ""
        what = event.relation.replace("_", " ") if event.relation else event.kind
        if not names and event.place is not None:  # "attack in Kandor (2021-03-05)": no party, a place
            label = f"{what} in {self.entities[event.place].label}{when}"
        else:
            label = f"{what}: {names}{when}"
        out.add(nt.statement(e, LABEL, nt.text(label)))
        if event.relation:
            out.add(nt.statement(e, K["relation"], nt.text(event.relation)))
        for p in participants:
            used.add(p)  # a participant the article names only through a title or pronoun is in it too
            out.add(nt.statement(e, K["participant"], self.iris[p]))
            self.party_names[e].add(self.entities[p].label)
            if self.entities[p].kind == "person":
                self.names_of[(e, "personName")].add(self.entities[p].label)
        self.sources[e].add(article_id)
        day = first_day(date) if date is not None else UNDATED
        self.first_day[e] = min(self.first_day.get(e, UNDATED), day)  # type: ignore[type-var]
        if event.agent and event.agent in participants:
            self.names_of[(e, "agentName")].add(self.entities[event.agent].label)
        if place:
            self.names_of[(e, "placeName")].add(self.entities[place].label)
        if event.agent and event.agent in participants:
            out.add(nt.statement(e, K["agent"], self.iris[event.agent]))
        for o in event.objects:
            out.add(nt.statement(e, K["object"], self.iris[o]))
        if place:
            out.add(nt.statement(e, K["place"], self.iris[place]))
        out.add(nt.statement(e, K["planned"], nt.boolean(event.planned)))
        if event.content:
            out.add(nt.statement(e, K["content"], nt.text(event.content)))
            out.add(nt.statement(e, K["isQuote"], nt.boolean(event.quote)))
        for said in event.more_content:
            out.add(nt.statement(e, K["content"], nt.text(said)))
        out.add(nt.statement(e, K["dating"], self.dating_lines(date)))
        lit = date_literal(date) if date is not None else None
        if lit is not None:
            out.add(nt.statement(e, K["date"], lit))
        # how this article tells the event: its words, in the article's graph
        r = nt.iri(str(ns.report_iri(article_id, e[1:-1])))
        lines |= {
            nt.statement(e, K["report"], r),
            nt.statement(r, TYPE, K["Report"]),
            nt.statement(r, K["inArticle"], nt.iri(str(ns.article_iri(article_id)))),
        }
        if told is not None:  # this article dates it otherwise than the corpus does
            lines.add(nt.statement(r, K["dating"], self.dating_lines(told)))
        for x in evidence:
            lines.add(nt.statement(r, K["evidence"], self.evidence_lines(x, lines)))
        self.direct_edges(event, participants, place)

    def dating_lines(self, date: TimeValue | None) -> str:
        """The description of how an event is dated (a kg:Dating), one node per distinct description;
        returns its IRI."""
        if date is None:
            date = TimeValue("", Precision.UNRESOLVED, None)
        basis = date.basis or ""
        text = "" if basis == "report" else date.text
        key = "|".join([date.value or "", date.precision.value, date.origin.value, basis, text,
                        date.start or "", date.end or ""])
        d = nt.iri(str(ns.dating_iri(key)))
        out = self.corpus_lines[d]
        if out:
            return d
        out.add(nt.statement(d, TYPE, K["Dating"]))
        if basis == "report":
            out.add(nt.statement(d, K["datedBy"], K["ReportDay"]))
        elif text:
            out.add(nt.statement(d, K["dateText"], nt.text(text)))
        out.add(nt.statement(d, K["datePrecision"], _p(ns.PRECISIONS[date.precision.value])))
        if date.precision != Precision.UNRESOLVED:
            out.add(nt.statement(d, K["dateOrigin"], _p(ns.ORIGINS[date.origin.value])))
        lit = date_literal(date)
        if lit is not None:
            out.add(nt.statement(d, K["date"], lit))
        if date.precision == Precision.INTERVAL and date.start and date.end:
            t = nt.iri(str(ns.interval_iri(date.start, date.end)))
            out.add(nt.statement(d, K["during"], t))
            self.corpus_lines[t] |= {
                nt.statement(t, TYPE, K["TimeInterval"]),
                nt.statement(t, LABEL, nt.text(f"{date.text} ({date.start} to {date.end})")),
                nt.statement(t, K["start"], nt.typed(date.start, "date")),
                nt.statement(t, K["end"], nt.typed(date.end, "date")),
            }
        return d

    def direct_edges(self, event: ResolvedEvent, participants: tuple[str, ...], place: str | None) -> None:
        """The short cut an event of this kind puts on its parties (see the kinds table's edge_links)."""
        kind = self.kinds.event(event.kind)
        edge = ns.edge_iri(kind)
        if edge is None:
            return
        edge = _p(edge)
        iris = [self.iris[p] for p in participants]
        if kind.edge_links == "parties":
            for a in iris:
                for b in iris:
                    if a != b:
                        self.corpus_lines[a].add(nt.statement(a, edge, b))
        elif kind.edge_links == "place" and place:
            for a in iris:
                self.corpus_lines[a].add(nt.statement(a, edge, self.iris[place]))
        elif kind.edge_links == "objects" and event.agent:
            targets = [self.iris[o] for o in event.objects]
            if kind.edge_to_place and place:
                targets.append(self.iris[place])
            agent = self.iris[event.agent]
            for t in targets:
                self.corpus_lines[agent].add(nt.statement(agent, edge, t))


def corpus_units(corpus: Corpus, kinds: KindTable | None = None) -> Iterator[Unit]:
    """The units of the corpus: article graphs as they are made, then the default and corpus graphs."""
    yield from CorpusModel(corpus, kinds).units()
