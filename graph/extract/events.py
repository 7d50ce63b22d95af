"""Events as n-ary facts: verbal ("Berg and Dubois met"), with a support verb
("held talks", "took part in a meeting") and nominal ("a meeting between the
two countries' foreign ministers in Paris"), statements included.

Each way of telling an event is a rule (``graph/extract/registry.py``): a
function of a :class:`ClauseReader` that returns the events it reads. The
trigger words and the way each kind's arguments are read (its frame) come from
the kinds table (:mod:`graph.kinds`). Each event gets its participants as
references (resolved later), the place and time of its own clause, the tense,
and the evidence (trigger offsets; the rule's id is stamped on by
:func:`read_events`).

>>> from graph.extract import extract_article
>>> from graph.extract.handmade import parse
>>> from graph.records import Article
>>> doc = parse('''
...     Berg  PROPN NNP nsubj 2
...     held  VERB  VBD ROOT  0 hold
...     talks NOUN  NNS dobj  2 talk
...     with  ADP   IN  prep  3
...     Roux  PROPN NNP pobj  4
...     .     PUNCT .   punct 2
... ''', ents=[(1, 1, "PERSON"), (5, 5, "PERSON")])
>>> ex = extract_article(doc, Article("a1", doc.text), "-")
>>> [(e.kind, e.trigger, [p.text for p in e.participants]) for e in ex.events]
[('talks', 'held talks', ['Berg', 'Roux'])]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.extract.lemmas import lemma
from graph.extract.refs import NameIndex, name_ref, refs_for
from graph.extract.timexpr import DateIndex, clause_time, noun_is_future, tense_of
from graph.kinds import EventKind, KindTable
from graph.lexicon import (
    CLAUSAL_STATEMENT_VERBS,
    CONTINUATION_OPENERS,
    EXPRESSED_OBJECTS,
    OBJECT_ONLY_EVENT_NOUNS,
    OCCURRENCE_VERBS,
    SIGNED_OBJECTS,
    SUPPORT_VERBS,
)
from graph.records import EventRecord, Evidence, Ref, Tense
from graph.rules import DEFAULT, Rule, Settings, active

PLACE_PREPS = frozenset({"in", "at", "on"})
_QUOTE_CHARS = '"\u201c\u201d'
_RELATIVE = frozenset({"which", "that", "who"})


def is_occurrence(verb: Token) -> bool:
    """'took place', 'was held', 'happened': a verb that only says the event occurred."""
    low = lemma(verb)
    if low == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if low == "hold":
        return any(c.dep_ == "auxpass" for c in verb.children)
    return low in OCCURRENCE_VERBS


class ClauseReader:
    """The parse of one article, and what the event rules ask of it: subjects,
    objects, the place and time of a clause."""

    def __init__(self, doc: Doc, names: NameIndex, article_id: str, sentence_of: dict[int, int], kinds: KindTable):
        self.doc = doc
        self.names = names
        self.dates = DateIndex(doc)
        self.article_id = article_id
        self.sentence_of = sentence_of  # token index -> sentence index
        self.kinds = kinds
        self.place_kinds = kinds.place_kinds
        self.claimed: set[int] = set()  # event nouns an earlier rule has read

    # -- lookups ----------------------------------------------------------------------

    def verb_kind(self, tok: Token) -> EventKind | None:
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_.startswith("VB"):
            return self.kinds.verb_kind(lemma(tok))
        return None

    def noun_kind(self, tok: Token) -> EventKind | None:
        return self.kinds.noun_kind(lemma(tok)) if tok.pos_ == "NOUN" else None

    def is_place(self, ref: Ref) -> bool:
        return ref.entity_kind in self.place_kinds

    # -- helpers ------------------------------------------------------------------

    def sent(self, tok: Token) -> int:
        return self.sentence_of[tok.sent.start]

    def evidence(self, tok: Token) -> Evidence:
        return Evidence(self.article_id, self.sent(tok), tok.idx, tok.idx + len(tok), "")

    def refs(self, tok: Token) -> list[Ref]:
        return refs_for(tok, self.names, self.sent(tok))

    def subject(self, verb: Token) -> list[Ref]:
        """Who does it: the subject, or the subject of the clause it hangs from."""
        seen = 0
        tok = verb
        while seen < 4:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj:
                s = subj[0]
                if s.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return self.refs(tok.head)
                return self.refs(s)
            if tok.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} or (tok.dep_ == "pobj"):
                tok = tok.head
                if tok.dep_ == "prep":
                    tok = tok.head
                seen += 1
                continue
            break
        return self.fronted_names(verb)

    def fronted_names(self, verb: Token) -> list[Ref]:
        """No subject in the parse ('On Friday Berg and Dubois will meet'): the people named before the verb."""
        for child in verb.lefts:
            if child.dep_ in {"prep", "npadvmod"}:
                for tok in child.subtree:
                    if self.names.kind(tok) == "person" and tok.dep_ in {"pobj", "conj"}:
                        return [r for r in self.refs(tok) if r.kind == "name" and not self.is_place(r)]
        return []

    def passive_subject(self, verb: Token) -> list[Ref]:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return self.refs(verb.head)
                return self.refs(child)
        if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
            return self.refs(verb.head)
        return []

    def prep_objects(self, tok: Token, preps: Iterable[str]) -> list[Ref]:
        preps = set(preps)
        out: list[Ref] = []
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    refs = self.refs(pobj)
                    # "between A and B, Paris and Berlin have ...": a list keeps to one kind of thing
                    if refs and refs[0].kind == "name":
                        person = refs[0].entity_kind == "person"
                        refs = [r for r in refs if r.kind != "name" or (r.entity_kind == "person") == person]
                    out.extend(refs)
        return out

    def objects(self, verb: Token) -> list[Ref]:
        return [r for c in verb.children if c.dep_ == "dobj" for r in self.refs(c)]

    def place(self, tok: Token, depth: int = 0) -> Ref | None:
        """A place name in an 'in'/'at' phrase of this clause or noun (not of a clause inside it)."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    span = self.names.get(pobj)
                    kind = self.names.kind(pobj)
                    if span is not None and kind in self.place_kinds:
                        return name_ref(span, self.sent(tok))
                    if span is not None and kind == "event" and child.lower_ == "at":
                        return name_ref(span, self.sent(tok))  # "at the Turin Winter Olympics"
                    if depth < 3 and pobj.pos_ == "NOUN" and child.lower_ in {"at", "on", "of"}:
                        place = self.place(pobj, depth + 1)
                        if place is not None:
                            return place
        if depth >= 3:
            return None
        for child in tok.children:  # "a meeting between [the ministers in Paris]", "held talks in X"
            if (
                child.dep_ in {"dobj"}
                and child.pos_ == "NOUN"
                or (child.dep_ == "prep" and child.lower_ in {"between", "with", "of"})
            ):
                inner = [child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"]
                for node in inner:
                    place = self.place(node, depth + 1)
                    if place is not None:
                        return place
        return None

    def negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)

    def passive(self, verb: Token) -> bool:
        return any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"})

    def inherits_time(self, tok: Token) -> bool:
        start = tok.sent.text.lower().lstrip(' \n"\u201c')
        return start.startswith(CONTINUATION_OPENERS)

    def content(self, verb: Token) -> tuple[str | None, bool]:
        """What was said: the complement clause, or the quotation in the sentence."""
        for child in verb.children:
            if child.dep_ in {"ccomp", "parataxis"}:
                span = self.doc[child.left_edge.i : child.right_edge.i + 1]
                text = span.text.strip(" ,").strip()
                if text.lower().startswith("that "):
                    text = text[5:]
                quoted = text[:1] in _QUOTE_CHARS or any(q in span.text for q in _QUOTE_CHARS)
                return text.strip(_QUOTE_CHARS + " ,"), quoted and text[:1] in _QUOTE_CHARS
        sent = verb.sent.text
        for open_q, close_q in (("\u201c", "\u201d"), ('"', '"')):
            i = sent.find(open_q)
            j = sent.find(close_q, i + 1)
            if i >= 0 and j > i:
                return sent[i + 1 : j].strip(" ,"), True
        return None, False

    def governing_verb(self, noun: Token) -> Token | None:
        tok = noun
        for _ in range(6):
            if tok.head is tok:
                return tok if tok.pos_ in {"VERB", "AUX"} else None
            tok = tok.head
            if tok.pos_ in {"VERB", "AUX"}:
                return tok
        return None

    def host(self, noun: Token, verb: Token | None) -> list[Ref]:
        """The unnamed side of 'talks with X': the visitor, or the speaker who reports them."""
        head = noun.head
        if head.dep_ == "prep" and head.head.pos_ == "NOUN" and self.noun_kind(head.head) is not None:
            owner = head.head
            for child in owner.children:
                if child.dep_ == "poss":
                    return self.refs(child)
            return self.prep_objects(owner, {"by"})
        if verb is not None and (kind := self.verb_kind(verb)) is not None and kind.frame == "speech":
            return self.subject(verb)
        return []


# -- the rules -----------------------------------------------------------------------------


def support_verb_events(reader: ClauseReader) -> list[EventRecord]:
    """A support verb whose object names the event: 'held talks', 'hold a meeting', 'took part in a meeting'."""
    out = []
    for verb in reader.doc:
        if verb.pos_ in {"VERB", "AUX"} and verb.tag_.startswith("VB") and lemma(verb) in SUPPORT_VERBS:
            ev = _support(reader, verb)
            if ev is not None:
                out.append(ev)
    return out


def _support(reader: ClauseReader, verb: Token) -> EventRecord | None:
    nouns: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            nouns.append(child)
            # "a round of talks"
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                nouns.extend(c for c in prep.children if c.dep_ == "pobj")
        if child.dep_ == "dobj" and child.lower_ == "part":
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "in"):
                nouns.extend(c for c in prep.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "in" and any(c.lower_ == "part" for c in verb.children):
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
    noun = next((n for n in nouns if reader.kinds.noun_kind(lemma(n)) is not None), None)
    if noun is None or reader.negated(verb):
        return None
    kind = reader.kinds.noun_kind(lemma(noun))
    reader.claimed.add(noun.i)
    participants = reader.subject(verb) + reader.prep_objects(noun, {"with", "between"})
    participants += reader.prep_objects(verb, {"with"})
    # "along with the two countries' defense ministers"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "along":
            participants += reader.prep_objects(child, {"with"})
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "along":
            participants += reader.prep_objects(child, {"with"})
    if not participants:
        return None
    tense = tense_of(verb)
    if tense == Tense.PRESENT:
        tense = Tense.FUTURE
    time = clause_time(noun, reader.dates, tense) or clause_time(verb, reader.dates, tense)
    return EventRecord(
        kind=kind.name,
        trigger=f"{verb.text} {noun.text}",
        participants=tuple(participants),
        evidence=reader.evidence(noun),
        place=reader.place(noun) or reader.place(verb),
        time=time,
        planned=tense == Tense.FUTURE,
        inherit_time=reader.inherits_time(verb),
    )


def verbal_events(reader: ClauseReader) -> list[EventRecord]:
    """A verb that names an event, with its frame's arguments: 'Berg and Dubois met', 'X seized Y'."""
    out = []
    for verb in reader.doc:
        kind = reader.verb_kind(verb)
        if kind is None or kind.frame == "speech" or reader.negated(verb):
            continue
        ev = _verbal(reader, verb, kind)
        if ev is not None:
            out.append(ev)
    return out


def _verbal(reader: ClauseReader, verb: Token, kind: EventKind) -> EventRecord | None:
    if (
        kind.name == "agreement"
        and lemma(verb) == "sign"
        and not any(c.dep_ == "dobj" and lemma(c) in SIGNED_OBJECTS for c in verb.children)
    ):
        return None
    tense = tense_of(verb)
    participants: list[Ref] = []
    objects: list[Ref] = []
    agent: Ref | None = None
    place = reader.place(verb)
    passive = reader.passive(verb)
    if kind.frame == "transitive":
        doers = reader.prep_objects(verb, {"by"}) if passive else reader.subject(verb)
        targets = reader.passive_subject(verb) if passive else reader.objects(verb)
        if kind.target_preps:
            targets += reader.prep_objects(verb, kind.target_preps)
        agent = doers[0] if doers else None
        participants, objects = doers, targets
    else:
        participants = reader.subject(verb) if not passive else reader.prep_objects(verb, {"by"})
        participants += reader.prep_objects(verb, {"with", "between"})
        if kind.frame == "visit":
            for c in verb.children:
                if c.dep_ == "dobj":
                    refs = reader.refs(c)
                    places = [r for r in refs if reader.is_place(r)]
                    if places and place is None:
                        place = places[0]
                    participants += [r for r in refs if not reader.is_place(r)]
            if place is None:
                to = reader.prep_objects(verb, {"to"})
                place = next((r for r in to if reader.is_place(r)), None)
            agent = participants[0] if participants else None
        elif kind.object_is_party:
            participants += reader.objects(verb)
    if not participants and not objects:
        return None
    if tense == Tense.PRESENT:
        tense = Tense.FUTURE  # "X meets Y on Saturday": a scheduled event
    return EventRecord(
        kind=kind.name,
        trigger=verb.text,
        participants=tuple(participants),
        evidence=reader.evidence(verb),
        place=place,
        time=clause_time(verb, reader.dates, tense),
        planned=tense == Tense.FUTURE,
        objects=tuple(objects),
        agent=agent,
        inherit_time=reader.inherits_time(verb),
    )


def statements(reader: ClauseReader) -> list[EventRecord]:
    """A speech verb with a speaker: 'Berg said ...', 'the ministry warned that ...', with what was said."""
    out = []
    for verb in reader.doc:
        kind = reader.verb_kind(verb)
        if kind is None or kind.frame != "speech" or reader.negated(verb):
            continue
        ev = _statement(reader, verb, kind)
        if ev is not None:
            out.append(ev)
    return out


def _statement(reader: ClauseReader, verb: Token, kind: EventKind) -> EventRecord | None:
    low = lemma(verb)
    if low == "express" and not any(c.dep_ == "dobj" and lemma(c) in EXPRESSED_OBJECTS for c in verb.children):
        return None
    if low in CLAUSAL_STATEMENT_VERBS and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return None
    speakers = [r for r in reader.subject(verb) if r.kind in {"name", "pronoun", "group"}]
    if not speakers:
        return None
    tense = tense_of(verb)
    content, quote = reader.content(verb)
    return EventRecord(
        kind=kind.name,
        trigger=verb.text,
        participants=tuple(speakers[:1]),
        evidence=reader.evidence(verb),
        place=reader.place(verb),
        time=clause_time(verb, reader.dates, tense),
        planned=tense == Tense.FUTURE,
        content=content,
        quote=quote,
        agent=speakers[0],
        inherit_time=reader.inherits_time(verb),
    )


def nominal_events(reader: ClauseReader) -> list[EventRecord]:
    """A noun that names an event: 'a meeting between A and B in Paris', "Thursday's talks",
    'the Berg-Dubois summit'."""
    out = []
    for noun in reader.doc:
        kind = reader.noun_kind(noun)
        if kind is None or noun.i in reader.claimed:
            continue
        ev = _nominal(reader, noun, kind)
        if ev is not None:
            out.append(ev)
    return out


def _nominal(reader: ClauseReader, noun: Token, kind: EventKind) -> EventRecord | None:
    if lemma(noun) in OBJECT_ONLY_EVENT_NOUNS and noun.dep_ != "dobj":
        return None
    participants = reader.prep_objects(noun, {"between", "with", "by"})
    if kind.frame == "visit":
        participants = [r for r in participants if not reader.is_place(r)]
    possessor: list[Ref] = []
    date_possessive = False
    for child in noun.children:
        if child.dep_ == "poss":
            if reader.dates.get(child) is not None:
                date_possessive = True
                continue
            possessor = reader.refs(child)
    for child in noun.lefts:  # "the Berg-Dubois meeting", "the Biden-Xi summit"
        if child.dep_ in {"compound", "amod", "nmod"}:
            hyphenated = any(t.text == "-" for t in child.subtree) or any(
                t.text == "-" for t in reader.doc[child.i : noun.i]
            )
            for sub in child.subtree:
                span = reader.names.get(sub)
                if span is None or sub is not span.root:
                    continue
                kind_of_name = reader.names.kind(sub)
                if kind_of_name == "person" or (hyphenated and kind_of_name == "organization"):
                    participants.append(name_ref(span, reader.sent(noun)))
    participants = possessor + participants
    verb = reader.governing_verb(noun)
    # "talks with Macron" as the purpose of a visit, or after which someone spoke:
    # the other side is the visitor or the speaker.
    has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    if has_with and kind.family == "meeting" and not possessor:
        participants = reader.host(noun, verb) + participants
    place = reader.place(noun)
    if kind.frame == "visit" and place is None:
        to = reader.prep_objects(noun, {"to"})
        place = next((r for r in to if reader.is_place(r)), None)
    tense = tense_of(verb) if verb is not None else Tense.PAST
    verb_kind = reader.verb_kind(verb) if verb is not None else None
    reporting = verb_kind is not None and verb_kind.frame == "speech"
    if noun_is_future(noun) or (verb is not None and tense == Tense.PRESENT and not reporting):
        tense = Tense.FUTURE
    time = clause_time(noun, reader.dates, tense)
    for child in noun.subtree:  # "..., which will take place at the end of next month in Geneva"
        if (
            child.dep_ == "relcl"
            and (lemma(child) in {"take", "hold"} or lemma(child) in OCCURRENCE_VERBS)
            and (child.head.i == noun.i or child.head.dep_ in {"pobj", "conj"})
        ):
            t2 = tense_of(child)
            time = time or clause_time(child, reader.dates, t2)
            place = place or reader.place(child)
            if t2 == Tense.FUTURE:
                tense = Tense.FUTURE
    if time is None and noun.dep_ == "pobj" and noun.head.lower_ in {"during", "at", "in", "amid"} and verb is not None:
        time = clause_time(verb, reader.dates, tense)
    # "The meeting took place in Berlin", "The talks were held on Friday": the clause's place and time
    if noun.dep_ in {"nsubj", "nsubjpass"} and is_occurrence(noun.head):
        occ = noun.head
        t2 = tense_of(occ)
        place = place or reader.place(occ)
        time = time or clause_time(occ, reader.dates, t2)
        if t2 == Tense.FUTURE:
            tense = Tense.FUTURE
    definite = date_possessive or any(c.lower_ in {"the", "this", "that", "their", "his", "her"} for c in noun.lefts)
    if not participants and not definite and time is None and place is None:
        return None
    return EventRecord(
        kind=kind.name,
        trigger=noun.text,
        participants=tuple(participants),
        evidence=reader.evidence(noun),
        place=place,
        time=time,
        planned=tense == Tense.FUTURE,
        definite=definite,
        agent=possessor[0] if possessor and kind.frame == "visit" else None,
        inherit_time=reader.inherits_time(noun),
    )


def read_events(
    doc: Doc,
    names: NameIndex,
    article_id: str,
    sentence_of: dict[int, int],
    rules: Iterable[Rule],
    settings: Settings = DEFAULT,
) -> list[EventRecord]:
    """The events of one article: every active event rule, in order; each record names its rule."""
    reader = ClauseReader(doc, names, article_id, sentence_of, settings.kinds)
    events: list[EventRecord] = []
    for r in active(rules, settings):
        for ev in r.func(reader):
            events.append(replace(ev, evidence=replace(ev.evidence, extractor=r.id)))
    events.sort(key=lambda e: (e.evidence.start, e.kind))
    return events


__all__ = ["ClauseReader", "read_events"]
