"""Events as n-ary facts: verbal ("Berg and Dubois met"), with a support verb
("held talks", "took part in a meeting") and nominal ("a meeting between the
two countries' foreign ministers in Paris"), statements included.

Each event gets its participants as references (resolved later), the place
and time of its own clause, the tense, and the evidence (trigger offsets).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.extract.lexicon import (
    CONTINUATION_OPENERS,
    NOUN_TRIGGERS,
    REPORTING,
    SUPPORT_VERBS,
    VERB_TRIGGERS,
)
from graph.extract.refs import NameIndex, name_ref, refs_for
from graph.extract.timexpr import DateIndex, clause_time, noun_is_future, tense_of
from graph.records import EventRecord, Evidence, Ref, Tense

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "on"})
_QUOTE_CHARS = '"\u201c\u201d'
_CONCERN_OBJECTS = frozenset(
    {
        "concern",
        "concerns",
        "hope",
        "regret",
        "support",
        "opposition",
        "displeasure",
        "condolences",
        "gratitude",
        "readiness",
        "willingness",
        "interest",
        "doubt",
        "doubts",
    }
)
_AGREEMENT_OBJECTS = frozenset(
    {"agreement", "treaty", "deal", "accord", "declaration", "memorandum", "pact", "contract", "statement"}
)
_OBJECT_KINDS = frozenset({"seizure", "deployment", "attack", "sanction"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


_OCCUR = frozenset({"happen", "happens", "happened", "occur", "occurs", "occurred", "held", "hold"})


def _is_occurrence(verb: Token) -> bool:
    """'took place', 'was held', 'happened': a verb that only says the event occurred."""
    if verb.lower_ in {"take", "takes", "took", "taken", "taking"}:
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if verb.lower_ in {"held", "hold"}:
        return any(c.dep_ == "auxpass" for c in verb.children)
    return verb.lower_ in _OCCUR


class EventReader:
    """Reads the events of one parsed article."""

    def __init__(self, doc: Doc, names: NameIndex, article_id: str, sentence_of: dict[int, int]):
        self.doc = doc
        self.names = names
        self.dates = DateIndex(doc)
        self.article_id = article_id
        self.sentence_of = sentence_of  # token index -> sentence index
        self.handled_nouns: set[int] = set()

    # -- helpers ------------------------------------------------------------------

    def _sent(self, tok: Token) -> int:
        return self.sentence_of[tok.sent.start]

    def _evidence(self, tok: Token, extractor: str) -> Evidence:
        return Evidence(self.article_id, self._sent(tok), tok.idx, tok.idx + len(tok), extractor)

    def _refs(self, tok: Token) -> list[Ref]:
        return refs_for(tok, self.names, self._sent(tok))

    def _subject(self, verb: Token) -> list[Ref]:
        """Who does it: the subject, or the subject of the clause it hangs from."""
        seen = 0
        tok = verb
        while seen < 4:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj:
                s = subj[0]
                if s.lower_ in {"which", "that", "who"} and tok.dep_ == "relcl":
                    return self._refs(tok.head)
                return self._refs(s)
            if tok.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} or (tok.dep_ == "pobj"):
                tok = tok.head
                if tok.dep_ == "prep":
                    tok = tok.head
                seen += 1
                continue
            break
        return self._fronted_names(verb)

    def _fronted_names(self, verb: Token) -> list[Ref]:
        """No subject in the parse ('On Friday Berg and Dubois will meet'): the people named before the verb."""
        for child in verb.lefts:
            if child.dep_ in {"prep", "npadvmod"}:
                for tok in child.subtree:
                    span = self.names.get(tok)
                    if span is not None and span.label_ == "PERSON" and tok.dep_ in {"pobj", "conj"}:
                        return [r for r in self._refs(tok) if r.kind == "name" and r.label not in PLACE_LABELS]
        return []

    def _passive_subject(self, verb: Token) -> list[Ref]:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                if child.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
                    return self._refs(verb.head)
                return self._refs(child)
        if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
            return self._refs(verb.head)
        return []

    def _prep_objects(self, tok: Token, preps: set[str]) -> list[Ref]:
        out: list[Ref] = []
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    refs = self._refs(pobj)
                    # "between A and B, Paris and Berlin have ...": a list keeps to one kind of thing
                    if refs and refs[0].kind == "name":
                        person = refs[0].label == "PERSON"
                        refs = [r for r in refs if r.kind != "name" or (r.label == "PERSON") == person]
                    out.extend(refs)
        return out

    def _place(self, tok: Token, depth: int = 0) -> Ref | None:
        """A place name in an 'in'/'at' phrase of this clause or noun (not of a clause inside it)."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    span = self.names.get(pobj)
                    if span is not None and span.label_ in PLACE_LABELS:
                        return name_ref(span, self._sent(tok))
                    if span is not None and span.label_ == "EVENT" and child.lower_ == "at":
                        return name_ref(span, self._sent(tok))  # "at the Turin Winter Olympics"
                    if depth < 3 and pobj.pos_ == "NOUN" and child.lower_ in {"at", "on", "of"}:
                        place = self._place(pobj, depth + 1)
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
                    place = self._place(node, depth + 1)
                    if place is not None:
                        return place
        return None

    def _negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)

    def _inherits_time(self, tok: Token) -> bool:
        start = tok.sent.text.lower().lstrip(' \n"\u201c')
        return start.startswith(CONTINUATION_OPENERS)

    def _content(self, verb: Token) -> tuple[str | None, bool]:
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

    # -- events -------------------------------------------------------------------

    def read(self) -> list[EventRecord]:
        events: list[EventRecord] = []
        for tok in self.doc:
            if tok.pos_ in {"VERB", "AUX"} and tok.tag_.startswith("VB"):
                ev = self._verbal(tok)
                if ev is not None:
                    events.append(ev)
        for tok in self.doc:
            if tok.pos_ == "NOUN" and tok.lower_ in NOUN_TRIGGERS and tok.i not in self.handled_nouns:
                ev = self._nominal(tok)
                if ev is not None:
                    events.append(ev)
        events.sort(key=lambda e: (e.evidence.start, e.kind))
        return events

    def _verbal(self, verb: Token) -> EventRecord | None:
        low = verb.lower_
        kind = VERB_TRIGGERS.get(low)
        if kind is None:
            if low in SUPPORT_VERBS or (low in {"took", "take", "takes", "taking"}):
                return self._support(verb)
            return None
        if self._negated(verb):
            return None
        if kind == "statement":
            return self._statement(verb)
        if (
            kind == "agreement"
            and low.startswith("sign")
            and not any(c.dep_ == "dobj" and c.lower_ in _AGREEMENT_OBJECTS for c in verb.children)
        ):
            return None
        tense = tense_of(verb)
        participants: list[Ref] = []
        objects: list[Ref] = []
        agent: Ref | None = None
        place = self._place(verb)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"}
        )
        if kind in _OBJECT_KINDS:
            doers = self._prep_objects(verb, {"by"}) if passive else self._subject(verb)
            targets = (
                self._passive_subject(verb)
                if passive
                else [r for c in verb.children if c.dep_ == "dobj" for r in self._refs(c)]
            )
            if kind == "deployment":
                targets += self._prep_objects(verb, {"to"})
            agent = doers[0] if doers else None
            participants, objects = doers, targets
        else:
            participants = self._subject(verb) if not passive else self._prep_objects(verb, {"by"})
            participants += self._prep_objects(verb, {"with", "between"})
            if kind == "visit":
                for c in verb.children:
                    if c.dep_ == "dobj":
                        refs = self._refs(c)
                        places = [r for r in refs if r.label in PLACE_LABELS]
                        if places and place is None:
                            place = places[0]
                        participants += [r for r in refs if r.label not in PLACE_LABELS]
                if place is None:
                    to = self._prep_objects(verb, {"to"})
                    place = next((r for r in to if r.label in PLACE_LABELS), None)
            elif kind == "meeting":
                participants += [r for c in verb.children if c.dep_ == "dobj" for r in self._refs(c)]
            agent = participants[0] if kind in {"visit"} and participants else None
        if not participants and not objects:
            return None
        if tense == Tense.PRESENT:
            tense = Tense.FUTURE  # "X meets Y on Saturday": a scheduled event
        return EventRecord(
            kind=kind,
            trigger=verb.text,
            participants=tuple(participants),
            evidence=self._evidence(verb, "events.verbal"),
            place=place,
            time=clause_time(verb, self.dates, tense),
            planned=tense == Tense.FUTURE,
            objects=tuple(objects),
            agent=agent,
            inherit_time=self._inherits_time(verb),
        )

    def _statement(self, verb: Token) -> EventRecord | None:
        low = verb.lower_
        if low.startswith("express") and not any(
            c.dep_ == "dobj" and c.lower_ in _CONCERN_OBJECTS for c in verb.children
        ):
            return None
        if low in {"add", "adds", "added", "state", "states", "stated"} and not any(
            c.dep_ in {"ccomp", "parataxis"} for c in verb.children
        ):
            return None
        speakers = self._subject(verb)
        speakers = [r for r in speakers if r.kind in {"name", "pronoun", "group"}]
        if not speakers:
            return None
        tense = tense_of(verb)
        content, quote = self._content(verb)
        return EventRecord(
            kind="statement",
            trigger=verb.text,
            participants=tuple(speakers[:1]),
            evidence=self._evidence(verb, "statements.verbal"),
            place=self._place(verb),
            time=clause_time(verb, self.dates, tense),
            planned=tense == Tense.FUTURE,
            content=content,
            quote=quote,
            agent=speakers[0],
            inherit_time=self._inherits_time(verb),
        )

    def _support(self, verb: Token) -> EventRecord | None:
        """'held talks', 'hold a meeting', 'took part in a meeting'."""
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
        noun = next((n for n in nouns if n.lower_ in NOUN_TRIGGERS), None)
        if noun is None or self._negated(verb):
            return None
        kind = NOUN_TRIGGERS[noun.lower_]
        self.handled_nouns.add(noun.i)
        participants = self._subject(verb) + self._prep_objects(noun, {"with", "between"})
        participants += self._prep_objects(verb, {"with"})
        # "along with the two countries' defense ministers"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "along":
                participants += self._prep_objects(child, {"with"})
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ == "along":
                participants += self._prep_objects(child, {"with"})
        if not participants:
            return None
        tense = tense_of(verb)
        if tense == Tense.PRESENT:
            tense = Tense.FUTURE
        time = clause_time(noun, self.dates, tense) or clause_time(verb, self.dates, tense)
        return EventRecord(
            kind=kind,
            trigger=f"{verb.text} {noun.text}",
            participants=tuple(participants),
            evidence=self._evidence(noun, "events.support"),
            place=self._place(noun) or self._place(verb),
            time=time,
            planned=tense == Tense.FUTURE,
            inherit_time=self._inherits_time(verb),
        )

    def _governing_verb(self, noun: Token) -> Token | None:
        tok = noun
        for _ in range(6):
            if tok.head is tok:
                return tok if tok.pos_ in {"VERB", "AUX"} else None
            tok = tok.head
            if tok.pos_ in {"VERB", "AUX"}:
                return tok
        return None

    def _nominal(self, noun: Token) -> EventRecord | None:
        kind = NOUN_TRIGGERS[noun.lower_]
        if kind == "agreement" and noun.lower_ in {"treaty", "deal", "accord"} and noun.dep_ != "dobj":
            return None
        participants = self._prep_objects(noun, {"between", "with", "by"})
        if kind == "visit":
            participants = [r for r in participants if r.label not in PLACE_LABELS]
        possessor: list[Ref] = []
        date_possessive = False
        for child in noun.children:
            if child.dep_ == "poss":
                if self.dates.get(child) is not None:
                    date_possessive = True
                    continue
                possessor = self._refs(child)
        for child in noun.lefts:  # "the Berg-Dubois meeting", "the Biden-Xi summit"
            if child.dep_ in {"compound", "amod", "nmod"}:
                hyphenated = any(t.text == "-" for t in child.subtree) or any(
                    t.text == "-" for t in self.doc[child.i : noun.i]
                )
                for sub in child.subtree:
                    span = self.names.get(sub)
                    if (
                        span is not None
                        and sub is span.root
                        and (span.label_ == "PERSON" or (hyphenated and span.label_ == "ORG"))
                    ):
                        participants.append(name_ref(span, self._sent(noun)))
        participants = possessor + participants
        verb = self._governing_verb(noun)
        # "talks with Macron" as the purpose of a visit, or after which someone spoke:
        # the other side is the visitor or the speaker.
        has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        if has_with and kind in {"meeting", "talks"} and not possessor:
            host = self._host(noun, verb)
            participants = host + participants
        place = self._place(noun)
        if kind == "visit" and place is None:
            to = self._prep_objects(noun, {"to"})
            place = next((r for r in to if r.label in PLACE_LABELS), None)
        tense = tense_of(verb) if verb is not None else Tense.PAST
        if noun_is_future(noun) or (verb is not None and tense == Tense.PRESENT and verb.lower_ not in REPORTING):
            tense = Tense.FUTURE
        time = clause_time(noun, self.dates, tense)
        for child in noun.subtree:  # "..., which will take place at the end of next month in Geneva"
            if (
                child.dep_ == "relcl"
                and child.lower_ in {"take", "took", "takes", "held", "happen", "occur"}
                and (child.head.i == noun.i or child.head.dep_ in {"pobj", "conj"})
            ):
                t2 = tense_of(child)
                time = time or clause_time(child, self.dates, t2)
                place = place or self._place(child)
                if t2 == Tense.FUTURE:
                    tense = Tense.FUTURE
        if (
            time is None
            and noun.dep_ == "pobj"
            and noun.head.lower_ in {"during", "at", "in", "amid"}
            and verb is not None
        ):
            time = clause_time(verb, self.dates, tense)
        # "The meeting took place in Berlin", "The talks were held on Friday": the clause's place and time
        if noun.dep_ in {"nsubj", "nsubjpass"} and _is_occurrence(noun.head):
            occ = noun.head
            t2 = tense_of(occ)
            place = place or self._place(occ)
            time = time or clause_time(occ, self.dates, t2)
            if t2 == Tense.FUTURE:
                tense = Tense.FUTURE
        definite = date_possessive or any(
            c.lower_ in {"the", "this", "that", "their", "his", "her"} for c in noun.lefts
        )
        if not participants and not definite and time is None and place is None:
            return None
        return EventRecord(
            kind=kind,
            trigger=noun.text,
            participants=tuple(participants),
            evidence=self._evidence(noun, "events.nominal"),
            place=place,
            time=time,
            planned=tense == Tense.FUTURE,
            definite=definite,
            agent=possessor[0] if possessor and kind == "visit" else None,
            inherit_time=self._inherits_time(noun),
        )

    def _host(self, noun: Token, verb: Token | None) -> list[Ref]:
        """The unnamed side of 'talks with X': the visitor, or the speaker who reports them."""
        head = noun.head
        if head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.head.lower_ in NOUN_TRIGGERS:
            owner = head.head
            for child in owner.children:
                if child.dep_ == "poss":
                    return self._refs(child)
            return self._prep_objects(owner, {"by"})
        if verb is not None and verb.lower_ in REPORTING:
            return self._subject(verb)
        return []


def read_events(
    doc: Doc, names: list[Span] | NameIndex, article_id: str, sentence_of: dict[int, int]
) -> list[EventRecord]:
    index = names if isinstance(names, NameIndex) else NameIndex(names)
    return EventReader(doc, index, article_id, sentence_of).read()


__all__ = ["EventReader", "read_events"]
