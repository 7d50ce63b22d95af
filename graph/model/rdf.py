"""The model stage: a resolved corpus as RDF quads.

One named graph per article holds what that article says: the entities it
names (with their labels), the roles it gives, the events it reports (with
the participants, place and date it gives them), the evidence for each and the
sentences the evidence points to. The default graph describes the articles,
the model that read them, and which named graph comes from which article.
The merged view is the union of all graphs: a fact two articles state is one
triple there, on one node.

>>> from graph.records import Precision, TimeValue
>>> date_literal(TimeValue("in May 2021", Precision.MONTH, "2021-05")).datatype
rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
>>> date_literal(TimeValue("recently", Precision.UNRESOLVED)) is None
True
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator

from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from graph.kinds import KindTable, default_kinds
from graph.model import namespaces as ns
from graph.model.namespaces import KG, SCHEMA
from graph.records import Corpus, Entity, Evidence, Precision, ResolvedEvent, ResolvedRole, TimeValue
from graph.resolve.events import date_words

Quad = tuple[URIRef, URIRef, object, URIRef | None]
#: GeoNames' linked-data IRIs of places: https://sws.geonames.org/<id>/
GEONAMES = "https://sws.geonames.org/"


def date_literal(value: TimeValue) -> Literal | None:
    if not value.value:
        return None
    datatype = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}.get(
        value.precision
    )
    return Literal(value.value, datatype=datatype) if datatype else None


class CorpusWriter:
    """Turns a `Corpus` into quads."""

    def __init__(self, corpus: Corpus, kinds: KindTable | None = None):
        self.corpus = corpus
        self.kinds = kinds or default_kinds()
        self.classes = ns.entity_classes(self.kinds)
        self.kind_iris = ns.event_kinds(self.kinds)
        self.entities = {e.key: e for e in corpus.entities}
        self.iris = {e.key: ns.entity_iri(e.key) for e in corpus.entities}
        self.articles = {a.id: a for a in corpus.articles}
        self.sentences = {(s.article_id, s.index): s for ex in corpus.extractions for s in ex.sentences}
        self.models = {ex.article.id: ex.model for ex in corpus.extractions}
        self.roles = self._unify_roles(corpus.roles)

    # -- helpers ----------------------------------------------------------------------

    def _unify_roles(self, roles: tuple[ResolvedRole, ...]) -> list[ResolvedRole]:
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

    def evidence_quads(self, ev: Evidence, g: URIRef) -> tuple[URIRef, list[Quad]]:
        iri = ns.evidence_iri(ev.article_id, ev.start, ev.end, ev.extractor)
        sent = ns.sentence_iri(ev.article_id, ev.sentence)
        text = self.articles[ev.article_id].text[ev.start : ev.end]
        quads: list[Quad] = [
            (iri, RDF.type, KG.Evidence, g),
            (iri, KG.sentence, sent, g),
            (iri, KG.start, Literal(ev.start), g),
            (iri, KG.end, Literal(ev.end), g),
            (iri, KG.text, Literal(text), g),
            (iri, KG.extractor, Literal(ev.extractor), g),
        ]
        s = self.sentences.get((ev.article_id, ev.sentence))
        if s is not None:
            quads += [
                (sent, RDF.type, KG.Sentence, g),
                (sent, KG.inArticle, ns.article_iri(ev.article_id), g),
                (sent, KG.index, Literal(s.index), g),
                (sent, KG.start, Literal(s.start), g),
                (sent, KG.end, Literal(s.end), g),
                (sent, KG.text, Literal(s.text.strip()), g),
            ]
        return iri, quads

    def event_iri(self, ev: ResolvedEvent) -> URIRef:
        """From the event's content: kind, date (or the words of the date), parties, objects, what was said."""
        date = ""
        if ev.date is not None:
            date = ev.date.value or (f"{ev.date.start}/{ev.date.end}" if ev.date.start else date_words(ev.date.text))
        said = ns.digest(ev.content) if ev.content else ""
        key = "|".join([ev.kind, ev.relation or "", date, ",".join(ev.participants), ",".join(ev.objects), said])
        return ns.event_iri(ev.kind, key)

    # -- the graph ----------------------------------------------------------------------

    def quads(self) -> Iterator[Quad]:
        yield from self.default_graph()
        for article in self.corpus.articles:
            yield from self.article_graph(article.id)

    def default_graph(self) -> Iterator[Quad]:
        models: dict[str, URIRef] = {}
        for article in self.corpus.articles:
            a = ns.article_iri(article.id)
            g = ns.article_graph_iri(article.id)
            model = self.models.get(article.id, "unknown 0")
            name, _, version = model.rpartition(" ")
            m = models.setdefault(model, ns.model_iri(name or model, version or "0"))
            yield (a, RDF.type, KG.Article, None)
            yield (a, KG.articleId, Literal(article.id), None)
            yield (a, KG.contentHash, Literal(hashlib.sha256(article.text.encode("utf-8")).hexdigest()), None)
            yield (a, KG.model, m, None)
            yield (a, KG.dateOrigin, ns.ORIGINS[article.date_origin.value], None)
            if article.date is not None:
                yield (a, SCHEMA.datePublished, Literal(article.date.isoformat(), datatype=XSD.date), None)
            if article.date_evidence:
                yield (a, KG.dateEvidence, Literal(article.date_evidence), None)
            if article.title:
                yield (a, SCHEMA.headline, Literal(article.title), None)
            if article.url:
                yield (a, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI), None)
            if article.source:
                yield (a, SCHEMA.publisher, Literal(article.source), None)
            yield (g, PROV.wasDerivedFrom, a, None)
            yield (g, PROV.wasAttributedTo, m, None)
        for model, m in models.items():
            name, _, version = model.rpartition(" ")
            yield (m, RDF.type, PROV.SoftwareAgent, None)
            yield (m, RDFS.label, Literal(model), None)
            yield (m, KG.version, Literal(version or "0"), None)

    def entity_quads(self, entity: Entity, article_id: str, g: URIRef) -> Iterator[Quad]:
        e = self.iris[entity.key]
        names = {m.text for m in entity.mentions if m.article_id == article_id}
        yield (e, RDF.type, self.classes.get(entity.kind, KG.Place), g)
        if entity.kind in self.kinds.place_kinds and entity.kind != "place":
            yield (e, RDF.type, KG.Place, g)
        yield (e, RDFS.label, Literal(entity.label), g)
        if entity.geonames is not None:
            yield (e, OWL.sameAs, URIRef(f"{GEONAMES}{entity.geonames}/"), g)
        for alt in entity.alt_labels:
            if alt in names:
                yield (e, SKOS.altLabel, Literal(alt), g)
        for hidden in entity.hidden_labels:
            if hidden in names:
                yield (e, SKOS.hiddenLabel, Literal(hidden), g)
        yield (e, KG.mentionedIn, ns.article_iri(article_id), g)

    def article_graph(self, article_id: str) -> Iterator[Quad]:
        g = ns.article_graph_iri(article_id)
        article = self.articles[article_id]
        used: set[str] = set()
        for entity in self.corpus.entities:
            if any(m.article_id == article_id for m in entity.mentions):
                used.add(entity.key)
                yield from self.entity_quads(entity, article_id, g)
        for role in self.roles:
            if role.evidence.article_id != article_id:
                continue
            person = self.iris[role.person]
            of = self.iris.get(role.of) if role.of else None
            r = ns.role_iri(str(person), role.title, str(of) if of else None)
            yield (person, KG.holdsRole, r, g)
            yield (r, RDF.type, KG.Role, g)
            yield (r, KG.title, Literal(role.title), g)
            label = f"{role.title} of {self.entities[role.of].label}" if role.of else role.title
            yield (r, RDFS.label, Literal(label), g)
            if of is not None:
                yield (r, KG.roleOf, of, g)
            if article.date is not None:
                yield (r, KG.statedOn, Literal(article.date.isoformat(), datatype=XSD.date), g)
            ev_iri, quads = self.evidence_quads(role.evidence, g)
            yield (r, KG.evidence, ev_iri, g)
            yield from quads
        for city, country in self.corpus_speaks_for(article_id):
            yield (self.iris[city], KG.speaksFor, self.iris[country], g)
        for event in self.corpus.events:
            if any(x.article_id == article_id for x in event.evidence):
                yield from self.event_quads(event, article_id, g, used)

    def corpus_speaks_for(self, article_id: str) -> list[tuple[str, str]]:
        return sorted({(c, k) for a, c, k in self.corpus.speaks_for if a == article_id})

    def event_quads(self, event: ResolvedEvent, article_id: str, g: URIRef, used: set[str]) -> Iterator[Quad]:
        e = self.event_iri(event)
        report = next((r for r in event.reported if r[0] == article_id), None)
        participants = report[1] if report else event.participants
        place = report[2] if report else event.place
        date = report[3] if report and report[3] is not None else event.date
        yield (e, RDF.type, KG.Event, g)
        yield (e, KG.kind, self.kind_iris[event.kind], g)
        names = ", ".join(self.entities[p].label for p in event.participants)
        if event.objects:
            names = f"{names} -> " if names else "-> "
            names += ", ".join(self.entities[o].label for o in event.objects)
        when = f" ({date.value})" if date is not None and date.value else ""
        what = event.relation.replace("_", " ") if event.relation else event.kind
        yield (e, RDFS.label, Literal(f"{what}: {names}{when}"), g)
        if event.relation:
            yield (e, KG.relation, Literal(event.relation), g)
        for p in participants:
            if p not in used:  # a participant the article names only through a title or pronoun
                yield from self.entity_quads(self.entities[p], article_id, g)
                used.add(p)
            yield (e, KG.participant, self.iris[p], g)
        if event.agent and event.agent in participants:
            yield (e, KG.agent, self.iris[event.agent], g)
        for o in event.objects:
            yield (e, KG.object, self.iris[o], g)
        if place:
            yield (e, KG.place, self.iris[place], g)
        yield (e, KG.planned, Literal(event.planned), g)
        if event.content:
            yield (e, KG.content, Literal(event.content), g)
            yield (e, KG.isQuote, Literal(event.quote), g)
        if date is not None:
            yield from self.date_quads(e, date, g)
        else:
            yield (e, KG.datePrecision, KG.Unresolved, g)
        for x in event.evidence:
            if x.article_id != article_id:
                continue
            ev_iri, quads = self.evidence_quads(x, g)
            yield (e, KG.evidence, ev_iri, g)
            yield from quads
        yield from self.direct_edges(event, participants, place, g)

    def date_quads(self, e: URIRef, date: TimeValue, g: URIRef) -> Iterator[Quad]:
        yield (e, KG.dateText, Literal(date.text), g)
        yield (e, KG.datePrecision, ns.PRECISIONS[date.precision.value], g)
        yield (e, KG.dateOrigin, ns.ORIGINS[date.origin.value], g)
        lit = date_literal(date)
        if lit is not None:
            yield (e, KG.date, lit, g)
        if date.precision == Precision.INTERVAL and date.start and date.end:
            t = ns.interval_iri(date.start, date.end)
            yield (e, KG.during, t, g)
            yield (t, RDF.type, KG.TimeInterval, g)
            yield (t, RDFS.label, Literal(f"{date.text} ({date.start} to {date.end})"), g)
            yield (t, KG.start, Literal(date.start, datatype=XSD.date), g)
            yield (t, KG.end, Literal(date.end, datatype=XSD.date), g)

    def direct_edges(
        self, event: ResolvedEvent, participants: tuple[str, ...], place: str | None, g: URIRef
    ) -> Iterator[Quad]:
        """The short cut an event of this kind puts on its parties (see the kinds table's edge_links)."""
        kind = self.kinds.event(event.kind)
        edge = ns.edge_iri(kind)
        if edge is None:
            return
        iris = [self.iris[p] for p in participants]
        if kind.edge_links == "parties":
            for a in iris:
                for b in iris:
                    if a != b:
                        yield (a, edge, b, g)
        elif kind.edge_links == "place" and place:
            for a in iris:
                yield (a, edge, self.iris[place], g)
        elif kind.edge_links == "objects" and event.agent:
            targets = [self.iris[o] for o in event.objects]
            if kind.edge_to_place and place:
                targets.append(self.iris[place])
            for t in targets:
                yield (self.iris[event.agent], edge, t, g)


def corpus_quads(corpus: Corpus, kinds: KindTable | None = None) -> list[Quad]:
    """All quads of the corpus, without duplicates, in a stable order."""
    seen: set[Quad] = set()
    out: list[Quad] = []
    for q in CorpusWriter(corpus, kinds).quads():
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out
