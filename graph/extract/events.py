"""Events as n-ary facts: verbal ("Berg and Dubois met"), with a support verb
("held talks", "took part in a meeting", "imposed sanctions on"), nominal ("a
meeting between the two countries' foreign ministers in Paris"), statements,
and, for any other clause in which one named party acts on another, a relation
whose name is the verb ("Vantix fired back at Orbel": fire_back_at).

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

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lemmas import lemma
from graph.extract.mentions import flight_code
from graph.extract.refs import NameIndex, name_ref, refs_for
from graph.extract.timexpr import DateIndex, clause_time, noun_is_future, tense_of, time_expression
from graph.kinds import EventKind, KindTable, needs
from graph.lexicon import (
    BELONGING_NOUNS,
    CLAUSAL_STATEMENT_VERBS,
    CONTINUATION_OPENERS,
    EXPRESSED_OBJECTS,
    INTERVIEW_NOUNS,
    MILITARY_STRIKE_WORDS,
    NON_PARTY_PREPS,
    OBJECT_ONLY_EVENT_NOUNS,
    OCCURRENCE_VERBS,
    PHASE_VERBS,
    PLACE_OF_NOUNS,
    RELATION_EXCLUDED_VERBS,
    REPETITION_WORDS,
    SCENE_NOUNS,
    SIMULTANEOUS_MARKS,
    SUPPORT_VERBS,
    TOLL_VERBS,
    VAGUE_TOPICS,
    WELCOMING_VERBS,
    words,
)
from graph.nlp import dateline_end, starts_line
from graph.records import EventRecord, Evidence, Ref, Tense, TimeExpression
from graph.rules import DEFAULT, Rule, Settings, active

#: Where an event took place: "spoke outside the embassy", "marched through X"
PLACE_PREPS = frozenset({"in", "at", "on", "outside", "near", "through", "off"})
_QUOTE_CHARS = '"\u201c\u201d'
_RELATIVE = frozenset({"which", "that", "who"})
_PERSONAL = frozenset({"he", "she", "him", "her", "they", "them"})
_PARTY_KINDS = frozenset({"person", "organization", "country"})
#: An event noun in a phrase with these takes its clause's time: "during talks", "for a summit".
_EVENT_TIME_PREPS = frozenset({"during", "at", "in", "amid", "for"})
#: Dependents of a verb that may be the second word of a phrasal trigger ("step down", "find guilty").
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "acomp", "oprd", "xcomp", "ccomp", "dobj"})


def is_occurrence(verb: Token) -> bool:
    """'took place', 'was held', 'happened': a verb that only says the event occurred; or, with no
    object, that it began, went on or ended ('the talks collapsed', 'the summit opened')."""
    low = lemma(verb)
    if low in PHASE_VERBS:
        return not any(c.dep_ in {"dobj", "xcomp", "ccomp"} for c in verb.children)
    if low == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if low == "hold":
        return any(c.dep_ == "auxpass" for c in verb.children)
    return low in OCCURRENCE_VERBS


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parse left as a preposition's object before a finite verb with none:
    'after [the quake] struck X', parsed as 'after the quake' and a clause 'struck X'."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    left = verb.left_edge.i
    if left == 0:
        return None
    tok = verb.doc[left - 1]
    while True:  # up from the word before the clause, through phrases that end there
        if tok.dep_ == "pobj" and tok.pos_ in {"NOUN", "PROPN"} and tok.head.lower_ in _STRANDING_PREPS:
            return tok
        head = tok.head
        if head.i == tok.i or head.i >= left or head.right_edge.i != left - 1:
            return None
        tok = head


#: Nouns for the outcome of an event, of the kind of the event noun before them ("election victory").
_OUTCOME_NOUNS = frozenset({"victory", "win", "defeat", "loss", "triumph", "landslide"})

#: Prepositions the parse takes for the head of a clause's subject ("after the talks collapsed").
_STRANDING_PREPS = frozenset({"after", "before", "since", "until", "till"})


def _agrees(pronoun: Ref, names: list[Ref]) -> bool:
    """'he'/'she' with one person, 'it' with one body or place, 'they' with several or a body."""
    low = pronoun.text.lower()
    if low in {"he", "she", "him", "her", "his"}:
        return len(names) == 1 and names[0].entity_kind == "person"
    if low in {"it", "its"}:
        return len(names) == 1 and names[0].entity_kind != "person"
    return len(names) > 1 or names[0].entity_kind not in {"person"}


def is_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and tok.tag_.startswith("VB")


class ClauseReader:
    """The parse of one article, and what the event rules ask of it: subjects,
    objects, the place and time of a clause."""

    def __init__(
        self,
        doc: Doc,
        names: NameIndex,
        article_id: str,
        sentence_of: dict[int, int],
        kinds: KindTable,
        dated: bool = True,
    ):
        self.doc = doc
        self.names = names
        self.dates = DateIndex(doc) if dated else DateIndex(doc, found=[])
        self.article_id = article_id
        self.sentence_of = sentence_of  # token index -> sentence index
        self.kinds = kinds
        self.place_kinds = kinds.place_kinds
        self.claimed: set[int] = set()  # event nouns an earlier rule has read
        self.claimed_verbs: set[int] = set()  # verbs an earlier rule has read
        self.quote_speakers: dict[int, list[Ref]] = {}  # "I" in a quotation -> its speaker (graph.extract.quotes)

    # -- triggers -------------------------------------------------------------------

    def particles(self, verb: Token) -> list[str]:
        return [c.lower_ for c in verb.children if c.dep_ in _PARTICLE_DEPS]

    def verb_kind(self, verb: Token) -> EventKind | None:
        """The kind a verb triggers, with its particle if the table lists one and what the verb needs;
        a kind whose condition the clause meets comes before one with none ("confirmed X as
        secretary" is an appointment, "confirmed the deaths" a statement)."""
        if not is_verb(verb):
            return None
        lem = lemma(verb)
        present = set(self.particles(verb))
        plain: EventKind | None = None  # a reading with no condition yields to one whose condition holds
        for particle, kind in self.kinds.verb_kinds(lem):
            if particle is not None and particle not in present:
                continue
            condition = needs(kind, lem if particle is None else f"{lem} {particle}")
            if condition is None:
                plain = plain or kind
            elif self.meets(verb, condition):
                return kind
        return plain

    def meets(self, verb: Token, condition: str) -> bool:
        kind, _, arg = condition.partition(":")
        if kind == "object_in":  # or the name of a document: "signed the Lisbon Declaration"
            return any(
                c.dep_ in {"dobj", "nsubjpass"} and (lemma(c) in words("clauses", arg) or self.names.kind(c) == "work")
                for c in verb.children
            )
        if kind == "subject_in":  # "the jury found", "protesters gathered", "thousands of protesters gathered"
            heads = [c for c in verb.children if c.dep_ == "nsubj"]
            heads += [p for h in heads for prep in h.children if prep.lower_ == "of" for p in prep.children]
            return any({lemma(c), lemma(c.doc[self._name_end(c)])} & words("clauses", arg) for c in heads)
        if kind == "prep":
            return any(c.dep_ in {"prep", "agent"} and c.lower_ == arg for c in verb.children)
        if kind == "place_prep":  # "returned to Lisbon", "headed to the scene", not "returned to profit"
            return any(self.is_place(r) for r in self.prep_objects(verb, {arg})) or self.scene(verb, {arg}) is not None
        if kind == "no_object":  # "thousands demonstrated", not "demonstrated support"
            return not any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)
        if kind == "complement":
            return any(
                c.dep_ in {"oprd", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children
            )
        # "called X a liar": an object with a complement is named, not met, called or launched
        complemented = any(c.dep_ in {"oprd", "xcomp"} for c in verb.children)
        named = not complemented and any(
            c.dep_ in {"dobj", "nsubjpass"}
            and self.names.kind(c) != "event"  # "hosted the Games", "launched the Reform": no one
            and (
                self.names.get(c) is not None
                or c.lower_ in _PERSONAL
                or any(r.kind == "name" for r in refs_for(c, self.names, self.sent(c)))
            )
            for c in verb.children
        )  # "welcomed Berg", "she was welcomed by Roux", "launched its mission, Tarvsat 2"
        if kind == "named_object":
            return named
        if kind == "named_target":  # "struck X", "struck the camp of X", "struck targets in X", "jets struck"
            return named or self.meets(verb, "subject_in:weapon_nouns") or any(
                c.dep_ in {"dobj", "nsubjpass"}
                and (any(r.kind == "name" for r in self.target_refs(c)) or self.place_after(c, {"in"}) is not None)
                for c in verb.children
            )
        if kind == "person_object":  # "fired Ivo Marek", "Marek was sacked" (not "dismissed Marek's claims")
            return any(
                c.dep_ in {"dobj", "nsubjpass"}
                and (
                    self.names.kind(c) == "person"
                    or any(a.dep_ == "appos" and self.names.kind(a) == "person" for a in c.children)
                )
                for c in verb.children
            )
        if kind == "concrete_topic":  # "agreed on a ceasefire", not "agreed on one thing"
            ons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
            topics = [c for c in verb.children if c.dep_ == "dobj"]
            topics += [p for c in ons for p in c.children if p.dep_ == "pobj"]
            return not any(lemma(t) in VAGUE_TOPICS for t in topics)
        if kind == "named_object_or_with":
            return named or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        return False

    def noun_kind(self, tok: Token) -> EventKind | None:
        """The kind a noun names: as two words with its compound ("press conference") or alone; an
        adjective the tagger gave a noun's place in the clause counts ("won the final")."""
        nominal_adj = tok.pos_ == "ADJ" and tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}
        if tok.pos_ != "NOUN" and not nominal_adj:
            return None
        lem = lemma(tok)
        for child in tok.lefts:
            if child.dep_ in {"compound", "amod"}:
                kind = self.kinds.noun_kind(f"{lemma(child)} {lem}")
                if kind is not None:
                    return kind
                # "his election victory", "a landslide win in the vote": the outcome of that event
                if lem in _OUTCOME_NOUNS and child.pos_ == "NOUN":
                    outcome_of = self.kinds.noun_kind(lemma(child))
                    if outcome_of is not None:
                        return outcome_of
        return self.kinds.noun_kind(lem)

    def is_place(self, ref: Ref) -> bool:
        return ref.entity_kind in self.place_kinds

    def place_at(self, tok: Token) -> Ref | None:
        """The place the token names, if it stands in a place's name."""
        span = self.names.get(tok)
        return name_ref(span, self.sent(tok)) if span is not None and self.names.kind(tok) in self.place_kinds else None

    def first_place(self, toks: Iterable[Token]) -> Ref | None:
        """The place named by the first of these tokens that stands in a place's name."""
        return next((found for t in toks if (found := self.place_at(t)) is not None), None)

    def place_after(self, tok: Token, preps: Iterable[str]) -> Ref | None:
        """The first place among the objects of these prepositions of the token: "a visit to Kenya"."""
        return next((r for r in self.prep_objects(tok, preps) if self.is_place(r)), None)

    def scene(self, tok: Token, preps: Iterable[str]) -> Token | None:
        """The noun of a place the article named before, in a phrase of the token: "headed to the
        area", "arrived at the scene", "travel to the crash region" (not "a site in X")."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.pos_ != "NOUN" or lemma(pobj) not in SCENE_NOUNS or self.names.get(pobj) is not None:
                    continue
                if any(c.dep_ == "prep" for c in pobj.children):  # "the area around X", "the site of a plant"
                    continue
                definite = any(c.lower_ in {"the", "that"} for c in pobj.lefts)
                happened = any(c.dep_ == "compound" and self.noun_kind(c) is not None for c in pobj.lefts)
                if definite or happened:
                    return pobj
        return None

    def destination(self, noun: Token) -> Ref | None:
        """The place a journey noun goes to: "a visit to Kenya"."""
        return self.place_after(noun, {"to"})

    # -- helpers ------------------------------------------------------------------

    def sent(self, tok: Token) -> int:
        return self.sentence_of[tok.sent.start]

    def evidence(self, tok: Token) -> Evidence:
        return Evidence(self.article_id, self.sent(tok), tok.idx, tok.idx + len(tok), "")

    def refs(self, tok: Token) -> list[Ref]:
        if tok.i in self.quote_speakers:
            return list(self.quote_speakers[tok.i])
        return refs_for(tok, self.names, self.sent(tok))

    def is_speech(self, tok: Token) -> bool:
        kind = self.verb_kind(tok)
        return kind is not None and kind.frame == "speech"

    def target_refs(self, tok: Token) -> list[Ref]:
        """What an object names: its references, or the named owner of a common noun that belongs
        to something ("a Hamla camp", "the camp of Hamla", "Vantix's shares")."""
        refs = self.refs(tok)
        if any(r.kind == "name" for r in refs) or tok.pos_ != "NOUN" or lemma(tok) not in BELONGING_NOUNS:
            return refs
        owners: list[Ref] = []
        for child in tok.children:
            if child.dep_ in {"compound", "poss", "nmod", "amod"} and self.names.get(child) is not None:
                owners.append(name_ref(self.names.get(child), self.sent(tok)))
            elif child.dep_ == "prep" and child.lower_ in {"of", "in"}:
                refs_in = [r for pobj in child.children if pobj.dep_ == "pobj" for r in self.target_refs(pobj)]
                # "a stake in Vantix" is Vantix's; "a camp in Tarvia province" is only where it is
                owners += [r for r in refs_in if child.lower_ == "of" or not self.is_place(r)]
        unique = list({(r.kind, r.start, r.end): r for r in owners}.values())
        return unique or refs

    def subject(self, verb: Token) -> list[Ref]:
        """Who does it: the subject, or the subject of the clause it hangs from. A pronoun subject of a
        clause that a named party's clause governs is that party: 'Tarvia said it would ...'."""
        stranded = stranded_subject(verb)
        if stranded is not None:
            return self.refs(stranded)
        seen = 0
        tok = verb
        while seen < 4:
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj:
                # two subjects is a misparse ("New Delhi, Feb 26: India launched ..."): the nearer one
                s = max((c for c in subj if c.i < tok.i), key=lambda c: c.i, default=subj[0])
                if s.lower_ in _RELATIVE and tok.dep_ == "relcl":
                    return self.refs(tok.head)
                refs = self.refs(s)
                person = self._person_before(tok, s)
                if person is not None and not any(r.entity_kind == "person" for r in refs):
                    return [person]  # "X Agency for Y contract employee Anna Berg said": Berg speaks
                if (
                    refs
                    and all(r.kind == "pronoun" for r in refs)
                    and tok.dep_ in {"ccomp", "xcomp", "advcl", "conj", "parataxis"}
                    and tok.head is not tok
                    and is_verb(tok.head)
                ):
                    governing = [r for r in self.subject(tok.head) if r.kind == "name"]
                    if governing and _agrees(refs[0], governing):
                        return governing
                return refs
            if tok.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl"} or (tok.dep_ == "pobj"):
                tok = tok.head
                if tok.dep_ == "prep":
                    tok = tok.head
                seen += 1
                continue
            break
        return self.fronted_names(verb)

    def _person_before(self, verb: Token, subj: Token) -> Ref | None:
        """A person named last in the subject's words, right before a speech verb, whom the parse buried
        inside the phrase of a body: 'the agency's contract employee Anna Berg told ...'."""
        last = subj.right_edge
        if last.i != verb.i - 1 or last.i == subj.i or not self.is_speech(verb):
            return None
        span = self.names.get(last)
        if span is None or self.names.kind(last) != "person" or span.end - 1 != last.i:
            return None
        return name_ref(span, self.sent(verb))

    def subject_with(self, verb: Token) -> list[Ref]:
        """The names in a 'with' phrase of the subject of a joint act: 'X with Y shake hands'."""
        out: list[Ref] = []
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "with"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    out += [r for r in self.refs(pobj) if r.kind == "name" and not self.is_place(r)]
        return out

    def fronted_names(self, verb: Token) -> list[Ref]:
        """No subject in the parse ('On Friday Berg and Dubois will meet'): the people named before the verb."""
        for child in verb.lefts:
            if child.dep_ in {"prep", "npadvmod"}:
                for tok in child.subtree:
                    if self.names.kind(tok) == "person" and tok.dep_ in {"pobj", "conj"}:
                        return [r for r in self.refs(tok) if r.kind == "name" and not self.is_place(r)]
        # a person's name right before the verb, the parse having taken it for an object of something
        # else ('"...," presiding Judge Ivo Marek said')
        before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
        span = self.names.get(before) if before is not None else None
        if span is not None and span.end == verb.i and self.names.kind(before) == "person":
            return [name_ref(span, self.sent(verb))]
        # the parse hung the subject elsewhere ("Hours after X was over, Berg during a rally said"): the
        # nearest person named before the verb, with no verb between them
        for tok in reversed(self.doc[verb.sent.start : verb.i]):
            if tok.pos_ in {"VERB", "AUX"}:
                break
            if self.names.kind(tok) == "person" and tok.dep_ in {"npadvmod", "nsubj", "appos", "dep", "conj"}:
                return [r for r in self.refs(tok) if r.kind == "name"]
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

    def prep_objects(self, tok: Token, preps: Iterable[str], targets: bool = False) -> list[Ref]:
        preps = set(preps)
        out: list[Ref] = []
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    refs = self.target_refs(pobj) if targets else self.refs(pobj)
                    # "between A and B, Paris and Berlin have ...": a list keeps to one kind of thing
                    if refs and refs[0].kind == "name":
                        person = refs[0].entity_kind == "person"
                        refs = [r for r in refs if r.kind != "name" or (r.entity_kind == "person") == person]
                    out.extend(refs)
        return out

    def objects(self, verb: Token, targets: bool = False) -> list[Ref]:
        read = self.target_refs if targets else self.refs
        return [r for c in verb.children if c.dep_ in {"dobj", "dative"} for r in read(c)]

    def place(self, tok: Token, depth: int = 0) -> Ref | None:
        """A place name in an 'in'/'at' phrase of this clause or noun (not of a clause inside it)."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "during" and depth < 3:  # "said during a visit to X"
                for pobj in (c for c in child.children if c.dep_ == "pobj" and self.noun_kind(c) is not None):
                    place = self.place(pobj, depth + 1)
                    if place is not None:
                        return place
            if child.dep_ == "prep" and child.lower_ == "of" and depth < 3:  # "the camp of X in Y"
                for pobj in (c for c in child.children if c.dep_ == "pobj" and self.names.get(c) is not None):
                    if self.names.kind(pobj) not in self.place_kinds:
                        place = self.place(pobj, depth + 1)
                        if place is not None:
                            return place
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                described = self._described_place(child)
                if described is not None:
                    return described
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    span = self.names.get(pobj)
                    kind = self.names.kind(pobj)
                    if span is not None and kind in self.place_kinds:
                        return name_ref(span, self.sent(tok))
                    named = self.place_of(pobj) or self.capital_named(pobj)
                    if named is not None:  # "in the town of X", "off the coast of X", "in the Kenyan capital"
                        return named
                    if span is not None and kind == "event" and child.lower_ == "at":
                        return name_ref(span, self.sent(tok))  # "at the Turin Winter Olympics"
                    inner = child.lower_ in {"at", "on", "of"} or self.noun_kind(pobj) is not None
                    common = pobj.pos_ == "NOUN" or (pobj.pos_ == "PROPN" and span is None)  # "at parliament house"
                    if depth < 3 and common and inner:  # "in Friday's final in Cairo"
                        place = self.place(pobj, depth + 1)
                        if place is not None:
                            return place
        if depth >= 3:
            return None
        if is_verb(tok):  # "welcomed X in Paris", parsed as X's phrase
            for child in tok.children:
                if child.dep_ == "dobj" and self.names.kind(child) in {"person", "organization"}:
                    place = self.place(child, 3)
                    if place is not None:
                        return place
        for child in tok.children:  # "a meeting between [the ministers in Paris]", "held talks in X"
            if (
                child.dep_ in {"dobj"}
                and child.pos_ == "NOUN"
                or (child.dep_ == "prep" and child.lower_ in {"between", "with", "of", "against"})
            ):
                inner = [child] if child.dep_ == "dobj" else [c for c in child.children if c.dep_ == "pobj"]
                for node in inner:
                    place = self.place(node, depth + 1)
                    if place is not None:
                        return place
        return None

    def named_place(self, noun: Token) -> Ref | None:
        """A town or region in an event noun's name: 'the Geneva talks', 'the Lenton attack' (not a
        country, which may be a party: 'the Iran deal')."""
        for child in noun.lefts:
            if child.dep_ not in {"compound", "nmod", "amod"}:
                continue
            span = self.names.get(child)
            if span is not None and span.root.i == child.i and self.names.kind(child) in self.place_kinds - {"country"}:
                return name_ref(span, self.sent(noun))
        return None

    def capital_named(self, noun: Token) -> Ref | None:
        """'the Kenyan capital': the capital of the country its adjective names, by that city's name (an
        entity only when the corpus names the city)."""
        if noun.lower_ != "capital" or noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.lefts):
            return None
        for mod in (c for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod"}):
            words = self.doc[mod.left_edge.i : mod.i + 1].text
            country = gazetteer.country_of_demonym(words) or gazetteer.country_of_demonym(mod.text)
            city = gazetteer.capital_of(country) if country else None
            if city:
                start = mod.left_edge.idx
                return Ref(city, start, noun.idx + len(noun), "name", entity_kind="city", sentence=self.sent(noun))
        return None

    def place_of(self, noun: Token) -> Ref | None:
        """'the town of X', 'the coast of X', 'X state': the place X."""
        if noun.pos_ != "NOUN" or lemma(noun) not in PLACE_OF_NOUNS:
            return None
        compounds = [c for c in noun.lefts if c.dep_ == "compound"]  # "in Borno state"
        ofs = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        return self.first_place(compounds + [p for c in ofs for p in c.children if p.dep_ == "pobj"])

    def kind_place(self, tok: Token, kind: EventKind) -> Ref | None:
        """A place in a phrase the kind reads as its place: 'launched from X'."""
        return self.place_after(tok, kind.place_preps) if kind.place_preps else None

    def subject_place(self, verb: Token) -> Ref | None:
        """Where a subject described by its place acts: 'A court in Lisbon sentenced X', 'A Lisbon court',
        'Voters in Tarvia rejected ...' (not where a traveller sets out from)."""
        for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"):
            # "A Lisbon court sentenced", "A court in Lisbon sentenced"
            compounds = (c for c in subj.lefts if c.dep_ == "compound")
            place = self.first_place(compounds) or self.place_after(subj, {"in", "at"})
            if place is not None:
                return place
        return None

    def _described_place(self, prep: Token) -> Ref | None:
        """'in occupied X', parsed as a dangling 'in' and a participle over X: X."""
        after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
        if any(c.dep_ == "pobj" for c in prep.children) or after is None or not _adjectival(after):
            return None
        return self.first_place(c for c in after.children if c.dep_ == "dobj")

    def _name_end(self, tok: Token) -> int:
        """The last token of the name at tok, or tok."""
        span = self.names.get(tok)
        return tok.i if span is None else span.end - 1

    def clause_parties(self, verb: Token) -> list[Ref]:
        """The people, bodies and countries named in the clause a verb states ('decided that X copied Y')."""
        out: list[Ref] = []
        seen: set[int] = set()
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for tok in clause.subtree:
                span = self.names.get(tok)
                if span is None or span.start in seen or self.names.kind(tok) not in _PARTY_KINDS:
                    continue
                seen.add(span.start)
                out.append(name_ref(span, self.sent(verb)))
        return out

    def place_during(self, verb: Token) -> Ref | None:
        """Where an event told before the verb took place, when the parse hung it elsewhere: 'Berg during
        a rally in Tarvia said ...'."""
        for tok in self.doc[verb.sent.start : verb.i]:
            if tok.dep_ == "prep" and tok.lower_ == "during":
                for pobj in (c for c in tok.children if c.dep_ == "pobj" and self.noun_kind(c) is not None):
                    place = self.place(pobj, 1)
                    if place is not None:
                        return place
        return None

    def place_from(self, verb: Token) -> Ref | None:
        """Where a speaker speaks from: 'told Reuters from Lisbon', 'speaking from Tarvia'."""
        for ref in self.prep_objects(verb, {"from"}):
            if self.is_place(ref):
                return ref
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
            if tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "prep":  # "following", "including": prepositions
                return tok
        return None

    def host(self, noun: Token, verb: Token | None) -> list[Ref]:
        """The unnamed side of 'talks with X': the visitor, or the subject of the clause that tells them."""
        head = noun.head
        if head.dep_ == "prep" and head.head.pos_ == "NOUN" and self.noun_kind(head.head) is not None:
            owner = head.head
            for child in owner.children:
                if child.dep_ == "poss":
                    return self.refs(child)
            return self.prep_objects(owner, {"by"})
        if verb is not None:  # "made a crossing for a summit with X", "said after talks with X"
            return [r for r in self.subject(verb) if r.kind in {"name", "pronoun", "group"}]
        return []

    def time(self, anchor: Token, tense: Tense) -> TimeExpression | None:
        """The time of the anchor's clause; else of the clause it continues: the first of two joined
        verbs ("arrived Sunday and met ..."), the clause a simultaneous "as"/"when" clause or a
        participle after it ("..., saying ...") hangs from, or the statement that says something is
        under way ("announced today they were cutting ties")."""
        tok = anchor
        for _ in range(3):
            found = clause_time(tok, self.dates, tense)
            if found is not None:
                return found
            if tok is anchor:  # "was shot while campaigning in X on Friday": the clause it happened during
                for clause in _simultaneous_clauses(tok):
                    found = clause_time(clause, self.dates, tense)
                    if found is not None:
                        return found
            head = tok.head
            if _where_clause(tok):  # "arrived in X on Sunday, where he was welcomed by Y"
                tok = self.governing_verb(tok.head)
                if tok is None:
                    return None
                continue
            if head is tok or not is_verb(head):
                return None
            simultaneous = tok.dep_ == "advcl" and (
                any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS_MARKS for c in tok.children)
                or _participle(tok)  # "resigned on Monday, saying ...", "struck on Tuesday, killing ..."
            )
            # "announced today they were cutting ties": what is under way as it is said
            under_way = (
                tok.dep_ == "ccomp"
                and _progressive(tok)
                and self.verb_kind(head) is not None
                and (self.verb_kind(head).frame == "speech")
            )
            if tok.dep_ not in {"conj", "xcomp"} and not simultaneous and not under_way:
                return None
            tok = head
        return None

    def repeated(self, tok: Token) -> bool:
        """'met again', 'a second summit', 'another round of talks': a new event, not the one told before."""
        return any(c.dep_ in {"advmod", "amod", "det"} and c.lower_ in REPETITION_WORDS for c in tok.children)

    def tense(self, verb: Token) -> Tense:
        tense = tense_of(verb)
        return Tense.FUTURE if tense == Tense.PRESENT else tense  # "X meets Y on Saturday": a scheduled event

    # -- the arguments of a clause, by frame --------------------------------------------

    def arguments(self, verb: Token, kind: EventKind) -> tuple[list[Ref], list[Ref], Ref | None, Ref | None]:
        """(participants, objects, agent, place) of a clause whose verb names an event of this kind."""
        place = self.place(verb)
        if place is None and _where_clause(verb):  # "arrived in X, where Berg met Roux"
            if self.names.kind(verb.head) in self.place_kinds:
                place = name_ref(self.names.get(verb.head), self.sent(verb))
            elif (governing := self.governing_verb(verb.head)) is not None:
                place = self.place(governing)
        if place is None and kind.frame != "visit":
            place = self.subject_place(verb)
        if place is None:
            place = self.kind_place(verb, kind)
        if place is None and kind.frame != "visit":
            place = next((p for c in _simultaneous_clauses(verb) if (p := self.place(c)) is not None), None)
        passive = self.passive(verb)
        participants: list[Ref] = []
        objects: list[Ref] = []
        agent: Ref | None = None
        if kind.frame == "transitive":
            participants = self.prep_objects(verb, {"by"}) if passive else self.subject(verb)
            objects = self.passive_subject(verb) if passive else self.objects(verb, targets=True)
            objects = self.event_object_parties(verb, objects)
            objects += self.prep_objects(verb, kind.target_preps, targets=True)
            if lemma(verb) in kind.clause_parties:
                objects += self.clause_parties(verb)
            agent = participants[0] if participants else None
        elif kind.frame == "single":
            participants = self.passive_subject(verb) if passive else self.subject(verb)
            if kind.object_is_party and not passive:  # "the parliament elected X": X is the one elected
                participants = [r for r in self.objects(verb) if r.kind == "name"] or participants
            objects = self.prep_objects(verb, kind.target_preps, targets=True)
            if kind.operator_is_party:
                participants += self.operators(verb)
            if kind.post_is_party and participants:  # "resign as leader of the Unity Party": the party too
                participants += [
                    r
                    for prep in verb.children
                    if prep.dep_ == "prep" and prep.lower_ == "as"
                    for title in prep.children
                    if title.dep_ == "pobj"
                    for r in self.prep_objects(title, {"of", "at"})
                    if r.kind == "name" and r.entity_kind in {"organization", "country"}
                ]
        else:
            participants = self.subject(verb) if not passive else self.prep_objects(verb, {"by"})
            participants += self.prep_objects(verb, {"with", "between"})
            if kind.frame == "joint":
                participants += self.subject_with(verb)
                if place is None and lemma(verb) in WELCOMING_VERBS:  # "welcomed X to Lisbon"
                    place = self.place_after(verb, {"to"})
            if kind.frame == "visit":
                for c in verb.children:
                    if c.dep_ == "dobj":
                        refs = self.refs(c)
                        places = [r for r in refs if self.is_place(r)]
                        if places and place is None:
                            place = places[0]
                        participants += [r for r in refs if not self.is_place(r)]
                if place is None:
                    place = self.place_after(verb, {"to", "for"})
                agent = participants[0] if participants else None
            elif kind.object_is_party:
                participants += self.passive_subject(verb) if passive else self.objects(verb)
        return participants, objects, agent, place

    def members(self, noun: Token) -> list[Ref]:
        """Who a joint event is of: 'a meeting of the Harbour Committee', 'a summit of G20 nations'."""
        out = [r for r in self.prep_objects(noun, {"of"}) if r.kind == "name"]
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
                for mod in (c for c in pobj.lefts if c.dep_ in {"compound", "nmod"}):
                    span = self.names.get(mod)
                    if span is not None and span.root.i == mod.i:  # "G20 nations", "NATO members"
                        out.append(name_ref(span, self.sent(noun)))
        return [r for r in out if r.entity_kind in {"organization", "country", "person", "product"}]

    def event_object_parties(self, verb: Token, objects: list[Ref]) -> list[Ref]:
        """The objects, where an event the verb acts on stands for its named others: 'called off the
        talks with X', 'cancelled his visit to X' (X, not 'the talks')."""
        out = list(objects)
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and self.noun_kind(c) is not None):
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            out = [r for r in out if r.kind != "nominal" or not start <= r.start < end]
            out += [r for r in self.prep_objects(obj, {"with", "to", "between"}) if r.kind == "name" and r not in out]
        return out

    def operators(self, verb: Token) -> list[Ref]:
        """The organisations a subject's vehicle is of: 'a Vantix Air jet', 'an aircraft of Vantix Air'."""
        out: list[Ref] = []
        for noun in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"):
            mods = [t for c in noun.lefts if c.dep_ in {"compound", "nmod"} for t in c.subtree]
            mods += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children]
            for mod in mods:
                span = self.names.get(mod)
                # the model often takes a carrier's name for a person's: "an aircraft of Vantix Air"
                if span is not None and self.names.kind(mod) in {"organization", "person"} and mod.i == span.root.i:
                    ref = name_ref(span, self.sent(verb))
                    if ref not in out:
                        out.append(ref)
        return out

    def noun_arguments(self, noun: Token, kind: EventKind) -> tuple[list[Ref], list[Ref], Ref | None, bool, bool]:
        """(participants, objects, agent, has a possessor, has a date as possessor) of a noun that names
        an event of this kind ("Berg's visit", "Tuesday's talks")."""
        possessor: list[Ref] = []
        date_possessive = False
        for child in noun.children:
            if child.dep_ == "poss":
                if self.dates.get(child) is not None:
                    date_possessive = True
                    continue
                possessor = self.refs(child)
        modifiers: list[Ref] = []  # "the Berg-Dubois meeting", "Indian air strikes", "the Vantix deal"
        struck: list[Ref] = []
        for child in noun.lefts:
            if child.dep_ in {"compound", "amod", "nmod"}:
                hyphenated = any(t.text == "-" for t in child.subtree) or any(
                    t.text == "-" for t in self.doc[child.i : noun.i]
                )
                for sub in child.subtree:
                    span = self.names.get(sub)
                    if span is None or sub.i != span.root.i:
                        continue
                    name_kind = self.names.kind(sub)
                    if kind.subject_verbs and name_kind in self.place_kinds:  # "the Lumora earthquake": struck
                        struck.append(name_ref(span, self.sent(noun)))
                        continue
                    party = name_kind == "person" or (hyphenated and name_kind == "organization")
                    acting = kind.frame == "transitive" and name_kind in {"nationality", "country", "organization"}
                    if party or acting:
                        modifiers.append(name_ref(span, self.sent(noun)))
        by = self.prep_objects(noun, {"by"})
        # a caption: "X and Y during a joint press conference in Havana"
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in {"during", "at"} and self.names.get(head.head) is not None:
            modifiers += [r for r in self.refs(head.head) if r.kind == "name"]
        objects: list[Ref] = []
        agent: Ref | None = None
        if kind.frame == "transitive":
            participants = possessor + by + modifiers
            objects = self.prep_objects(noun, kind.target_preps or {"on", "against", "of"}, targets=True) + struck
            agent = participants[0] if participants else None
        elif kind.frame == "single":
            participants = possessor + self.prep_objects(noun, {"of", "by"}) + modifiers
            objects = self.prep_objects(noun, kind.target_preps, targets=True)
        elif kind.frame in {"speech", "visit"}:
            participants = possessor + by + [m for m in modifiers if m.entity_kind == "person"]
            if lemma(noun) in INTERVIEW_NOUNS:  # "his interview with X": whom he spoke to
                objects = [r for r in self.prep_objects(noun, {"with"}) if r.kind == "name"]
            if kind.frame == "visit":
                participants += [r for r in self.prep_objects(noun, {"of"}) if not self.is_place(r)]
            agent = participants[0] if participants else None
        else:
            participants = possessor + self.prep_objects(noun, {"between", "with", "by"}) + modifiers
            participants += self.members(noun)
            # "entered Tarvia through a joint venture with X": the one who acts through it is a party
            if noun.dep_ == "pobj" and noun.head.lower_ in {"through", "via"} and is_verb(noun.head.head):
                participants = [r for r in self.subject(noun.head.head) if r.kind == "name"] + participants
        return participants, objects, agent, bool(possessor), date_possessive


# -- the rules -----------------------------------------------------------------------------


def support_verb_events(reader: ClauseReader) -> list[EventRecord]:
    """A support verb whose object names the event: 'held talks', 'took part in a meeting',
    'imposed sanctions on', 'reached a deal', 'cut ties with'."""
    out = []
    for verb in reader.doc:
        if is_verb(verb) and not reader.negated(verb):
            ev = _support(reader, verb)
            if ev is not None:
                out.append(ev)
    return out


def _support_nouns(verb: Token) -> list[Token]:
    nouns: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            nouns.append(child)
            # "a round of talks"
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                nouns.extend(c for c in prep.children if c.dep_ == "pobj")
        if child.dep_ == "dobj" and child.lower_ == "part":
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "in"):
                nouns.extend(c for c in prep.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "in" and any(c.lower_ == "part" for c in verb.children):
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "to" and lemma(verb) in {"go", "head"}:  # "went to the polls"
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "on" and lemma(verb) == "go":  # "went on strike"
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
    return nouns


def _struck(reader: ClauseReader, verb: Token, lem: str) -> EventRecord | None:
    """'An earthquake struck X', 'X was hit by a storm': an event the verb's subject (or a passive's
    agent) names, with the places struck as its objects."""
    stranded = stranded_subject(verb)
    for child in [*verb.children, *([stranded] if stranded is not None else [])]:
        nouns = [child] if child.dep_ == "nsubj" or child is stranded else []
        if child.dep_ == "nsubj" and child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            nouns = [verb.head]  # "an earthquake that crippled X"
        if child.dep_ == "agent":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
        for noun in nouns:
            span = reader.names.get(noun)  # "Hurricane Ina": a name that starts with the noun
            kind = reader.kinds.noun_kind(span[0].lower_) if span is not None else reader.noun_kind(noun)
            named = span is not None and kind is not None
            if kind is None or lem not in kind.subject_verbs:
                continue
            struck = [c for c in verb.children if c.dep_ == ("nsubjpass" if child.dep_ == "agent" else "dobj")]
            objects = [r for c in struck for r in reader.refs(c) if r.kind == "name"]
            objects += reader.prep_objects(verb, kind.target_preps, targets=True)  # "swept through X"
            objects = [r for r in objects if reader.is_place(r)]  # a storm of criticism hits people
            if not objects:
                return None
            reader.claimed.add(noun.i)
            reader.claimed_verbs.add(verb.i)
            tense = reader.tense(verb)
            return EventRecord(
                kind=kind.name,
                trigger=f"{span.text if named else noun.text} {verb.text}",
                participants=(name_ref(span, reader.sent(noun)),) if named else (),
                evidence=reader.evidence(noun),
                place=reader.place(noun) or reader.place(verb),
                time=clause_time(noun, reader.dates, tense) or reader.time(verb, tense),
                planned=tense == Tense.FUTURE,
                objects=tuple(objects),
                inherit_time=reader.inherits_time(verb),
                repeated=reader.repeated(verb) or reader.repeated(noun),
            )
    return None


def _support(reader: ClauseReader, verb: Token) -> EventRecord | None:
    lem = lemma(verb)
    struck = _struck(reader, verb, lem)
    if struck is not None:
        return struck
    particles = reader.particles(verb)
    general = lem in SUPPORT_VERBS
    for noun in _support_nouns(verb):
        # a verb with this noun first ("cut ties", "took office", "went on strike"), then the noun's own kind
        kind = reader.kinds.verb_noun_kind(lem, lemma(noun))
        own = reader.noun_kind(noun)
        # "began strikes on X", "began air strikes" stay the noun's own kind: an attack on X
        targeted = own is not None and own.frame == "transitive" and (
            reader.prep_objects(noun, {"on", "against"})
            or reader.prep_objects(verb, {"on", "against"})
            or any(c.dep_ in {"compound", "amod"} and c.lower_ in MILITARY_STRIKE_WORDS for c in noun.lefts)
        )
        if kind is not None and not targeted:
            break
        kind = own
        if kind is not None and lem in kind.not_support:
            continue  # "took a $2 billion charge": an amount booked, no charge brought
        if kind is not None and (general or kind in reader.kinds.support_kinds(lem, particles)):
            break
    else:
        return None
    passive = reader.passive(verb)
    subject = reader.prep_objects(verb, {"by"}) if passive and noun.dep_ == "nsubjpass" else reader.subject(verb)
    objects: list[Ref] = []
    agent: Ref | None = None
    if kind.frame == "transitive":
        participants = subject
        preps = set(kind.target_preps) | {"on", "against"}
        objects = reader.prep_objects(noun, preps, targets=True) + reader.prep_objects(verb, preps, targets=True)
        # "fired a Korvan-2 missile": the product the noun names
        objects += [r for r in reader.refs(noun) if r.kind == "name" and r.entity_kind == "product"]
        agent = participants[0] if participants else None
    elif kind.frame in {"single", "speech", "visit"}:
        participants = subject
        agent = participants[0] if participants else None
    else:
        participants = subject + reader.prep_objects(noun, {"with", "between"}) + reader.members(noun)
        participants += reader.prep_objects(verb, {"with"}) + reader.subject_with(verb)
        # "along with the two countries' defense ministers"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "along":
                participants += reader.prep_objects(child, {"with"})
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ == "along":
                participants += reader.prep_objects(child, {"with"})
    tense = reader.tense(verb)
    time = clause_time(noun, reader.dates, tense) or reader.time(verb, tense)
    place = reader.place(noun) or reader.place(verb) or (reader.destination(noun) if kind.frame == "visit" else None)
    place = place or reader.kind_place(noun, kind) or reader.kind_place(verb, kind)
    if place is None and kind.frame != "visit":
        place = reader.subject_place(verb)
    # "a gunman opened fire at a school in X on Monday": no one named, but a place and a time
    if not participants and not objects and not (kind.place_suffices and place is not None and time is not None):
        return None
    reader.claimed.add(noun.i)
    if reader.verb_kind(verb) is None or reader.verb_kind(verb).frame != "speech":
        reader.claimed_verbs.add(verb.i)
    # "X gave a press conference", "addressing a briefing, X said": spoken on the day of the report
    spoken_now = kind.frame == "speech" and time is None and tense in {Tense.PAST, Tense.PRESENT}
    return EventRecord(
        kind=kind.name,
        trigger=f"{verb.text} {noun.text}",
        reported_now=spoken_now and not _perfect(verb),
        participants=tuple(participants),
        evidence=reader.evidence(noun),
        place=place,
        time=time,
        planned=tense == Tense.FUTURE,
        objects=tuple(objects),
        agent=agent,
        inherit_time=reader.inherits_time(verb),
        repeated=reader.repeated(verb) or reader.repeated(noun),
    )


def verbal_events(reader: ClauseReader) -> list[EventRecord]:
    """A verb that names an event, with its frame's arguments: 'Berg and Dubois met', 'X seized Y',
    'the plane crashed', 'X stepped down'."""
    out = []
    for verb in reader.doc:
        if verb.i in reader.claimed_verbs or reader.negated(verb):
            continue
        kind = reader.verb_kind(verb)
        if kind is None or kind.frame == "speech" or kind.name == "relation":
            continue
        if lemma(verb) in TOLL_VERBS and (
            (_participle(verb) and (verb.head.i in reader.claimed_verbs or reader.verb_kind(verb.head) is not None))
            or any(c.dep_ == "nsubj" and reader.noun_kind(c) is not None for c in verb.children)
        ):
            continue  # "the jet crashed, killing all 150", "the quake killed 200": a toll, not an attack
        if _adjectival(verb):
            continue
        participants, objects, agent, place = reader.arguments(verb, kind)
        tense = reader.tense(verb)
        time = reader.time(verb, tense)
        # "protesters rallied in Lisbon on Saturday": no one named, but a place and a time
        unattended = kind.place_suffices and place is not None and time is not None
        if not participants and not objects and not unattended:
            continue
        reader.claimed_verbs.add(verb.i)
        out.append(
            EventRecord(
                kind=kind.name,
                trigger=verb.text,
                reported_now=time is None and _ongoing(verb),
                participants=tuple(participants),
                evidence=reader.evidence(verb),
                place=place,
                time=time,
                planned=tense == Tense.FUTURE,
                objects=tuple(objects),
                agent=agent,
                inherit_time=reader.inherits_time(verb),
                repeated=reader.repeated(verb),
            )
        )
    return out


def _adjectival(verb: Token) -> bool:
    """A participle right after a preposition, with no subject, describes what follows: 'in occupied X'."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        verb.tag_ in {"VBN", "VBD"}
        and before is not None
        and before.pos_ == "ADP"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def statements(reader: ClauseReader) -> list[EventRecord]:
    """A speech verb with a speaker: 'Berg said ...', 'the ministry warned that ...', with what was said
    and whom it was said to or about ('told Reuters', 'accused Tarvia')."""
    out = []
    for verb in reader.doc:
        kind = reader.verb_kind(verb)
        if kind is None or kind.frame != "speech" or reader.negated(verb):
            continue
        ev = _statement(reader, verb, kind)
        if ev is not None:
            out.append(ev)
    return out


def _simultaneous_clauses(verb: Token) -> list[Token]:
    """Clauses under the verb that say what was going on as it happened: 'while campaigning in X',
    'as he spoke at a rally' (a mark of simultaneity, a verb of its own)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SIMULTANEOUS_MARKS for m in c.children)
    ]


def _where_clause(verb: Token) -> bool:
    """A relative clause of place or time: 'Lisbon, where they met', 'Sunday, when he arrived'."""
    return verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in verb.children)


def _participle(verb: Token) -> bool:
    """A present participle hung from a clause, with no subject or marker of its own: 'saying', 'adding'."""
    return (
        verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} for c in verb.children)
    )


def _progressive(verb: Token) -> bool:
    """'were cutting', 'is holding' (not 'will be holding')."""
    aux = [c for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ == "VBG" and any(lemma(c) == "be" for c in aux) and not any(c.tag_ == "MD" for c in aux)


def _ongoing(verb: Token) -> bool:
    """'is heading', 'are meeting': under way as the story is told (not 'was heading', 'will be')."""
    present = any(c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in verb.children)
    return present and _progressive(verb)


def _perfect(verb: Token) -> bool:
    """'had said', 'would say': not what was said on the day of the report."""
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d", "would", "could", "might"} for c in verb.children)


def _inverted_speaker(reader: ClauseReader, verb: Token) -> list[Ref]:
    """'..., announced Vantix.': a speech verb after a comma that ends its sentence with a name the
    parse took for its object; the name is the speaker."""
    if verb.i == 0 or reader.doc[verb.i - 1].text not in {",", "\u201d", '"', "'"}:
        return []
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objs) != 1 or reader.names.get(objs[0]) is None:
        return []
    span = reader.names.get(objs[0])
    end = span.end
    if end < len(reader.doc) and not (reader.doc[end].is_punct and reader.doc[end].text in {".", "!", "?"}):
        return []
    return [r for r in reader.refs(objs[0]) if r.kind == "name"]


def _asked_by(reader: ClauseReader, verb: Token) -> list[Ref]:
    """Whom a speaker answered: 'Asked by X about Y, Z said', 'Z said in an interview with X' (the
    interview is this statement, not another one)."""
    out: list[Ref] = []
    for child in verb.children:
        if child.dep_ == "advcl" and lemma(child) == "ask" and child.tag_ == "VBN":
            out += reader.prep_objects(child, {"by"})
        if child.dep_ == "prep" and child.lower_ in {"in", "during", "at"}:
            for noun in (c for c in child.children if c.dep_ == "pobj"):
                if lemma(noun) in INTERVIEW_NOUNS and noun.i not in reader.claimed:
                    reader.claimed.add(noun.i)
                    out += reader.prep_objects(noun, {"with"})
    return out


def _statement(reader: ClauseReader, verb: Token, kind: EventKind) -> EventRecord | None:
    low = lemma(verb)
    if low == "express" and not any(c.dep_ == "dobj" and lemma(c) in EXPRESSED_OBJECTS for c in verb.children):
        return None
    if low in CLAUSAL_STATEMENT_VERBS and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return None
    # "the company said": a body described, for resolution to find
    speakers = [r for r in reader.subject(verb) if r.kind in {"name", "pronoun", "group", "nominal"}]
    inverted = _inverted_speaker(reader, verb) if not speakers else []
    speakers = speakers or inverted
    if not speakers:
        return None  # "X and Y said": both are speakers; the first is the agent
    objects = [r for r in reader.objects(verb) + reader.prep_objects(verb, {"to"}) if r.kind == "name"]
    objects = [r for r in objects if r not in inverted]
    objects += [r for r in _asked_by(reader, verb) if r.kind == "name"]
    tense = tense_of(verb)
    content, quote = reader.content(verb)
    time = reader.time(verb, tense)
    perfect = _perfect(verb)
    return EventRecord(
        kind=kind.name,
        trigger=verb.text,
        participants=tuple(speakers),
        evidence=reader.evidence(verb),
        place=reader.place(verb) or reader.place_from(verb) or reader.place_during(verb),
        time=time,
        reported_now=time is None and tense in {Tense.PAST, Tense.PRESENT} and not perfect,
        planned=tense == Tense.FUTURE,
        content=content,
        quote=quote,
        agent=speakers[0],
        objects=tuple(objects),
        inherit_time=reader.inherits_time(verb),
    )


def nominal_events(reader: ClauseReader) -> list[EventRecord]:
    """A noun that names an event: 'a meeting between A and B in Paris', "Thursday's talks",
    'the Berg-Dubois summit', "Tarvia's attack on Lumo", 'the resignation of X'."""
    out = []
    for noun in reader.doc:
        kind = reader.noun_kind(noun)
        if kind is None or noun.i in reader.claimed:
            continue
        ev = _nominal(reader, noun, kind)
        if ev is not None:
            out.append(ev)
    return out


def _between_parties(reader: ClauseReader, noun: Token) -> bool:
    """The noun names its parties: 'between X and Y', or 'X's ... with Y'."""
    if reader.prep_objects(noun, {"between"}):
        return True
    owner = any(c.dep_ == "poss" and reader.names.get(c) is not None for c in noun.children)
    return owner and bool(reader.prep_objects(noun, {"with"}))


def _nominal(reader: ClauseReader, noun: Token, kind: EventKind) -> EventRecord | None:
    if noun.dep_ in {"dobj", "nsubjpass"} and _called_off(reader, noun.head):
        return None  # "cancelled his visit to X": no visit
    if lemma(noun) in OBJECT_ONLY_EVENT_NOUNS and noun.dep_ != "dobj" and not _between_parties(reader, noun):
        return None  # "the deal could dent earnings"; but "the deal between X and Y", "X's deal with Y"
    participants, objects, agent, possessed, date_possessive = reader.noun_arguments(noun, kind)
    verb = reader.governing_verb(noun)
    # "talks with Macron" as the purpose of a visit, or after which someone spoke:
    # the other side is the visitor or the speaker.
    has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
    if has_with and kind.family == "meeting" and not possessed:
        participants = reader.host(noun, verb) + participants
    elif (
        not participants
        and kind.frame == "joint"
        and verb is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"from", "after", "for", "at", "during", "in", "into", "out"}
    ):  # "X and Y emerged from two hours of meetings", "X flew in for the summit"
        participants = [r for r in reader.subject(verb) if r.kind in {"name", "pronoun", "group"}]
    elif (
        not participants
        and kind.frame == "speech"
        and verb is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "during"}
        and noun.head.head.i == verb.i
    ):  # "she broke her silence on Monday in an interview with X": the clause's subject speaks
        participants = [r for r in reader.subject(verb) if r.kind in {"name", "pronoun"}]
    holder = _caption_holder(noun) if verb is None else None
    if holder is not None and not participants:  # a caption: "X and Y during a joint press conference"
        participants = [r for r in reader.refs(holder) if r.kind == "name" and not reader.is_place(r)]
    place = reader.place(noun) or reader.named_place(noun)
    if kind.frame == "visit" and place is None:
        place = reader.destination(noun)
    elif place is None and verb is not None and noun.dep_ == "pobj" and noun.head.head.i == verb.i:
        place = reader.subject_place(verb)  # "Voters in Tarvia rejected it in a referendum"
        if place is None and kind.frame == "joint" and noun.head.lower_ == "for":
            place = reader.place(verb)  # "ministers gathered in Dalen for the summit"
    elif place is None and verb is not None and noun.dep_ == "dobj" and noun.head.i == verb.i:
        place = reader.subject_place(verb)  # "Voters in Tarvia approved the referendum"
    tense = tense_of(verb) if verb is not None else Tense.PAST
    verb_kind = reader.verb_kind(verb) if verb is not None else None
    reporting = verb_kind is not None and verb_kind.frame == "speech"
    if noun_is_future(noun) or (verb is not None and tense == Tense.PRESENT and not reporting):
        tense = Tense.FUTURE
    time = clause_time(noun, reader.dates, tense)
    if time is not None and not noun_is_future(noun) and _dated_name(noun, reader.dates):
        # "the February 14 attack", "the Oct. 3 vote": a calendar date in the event's name says
        # when it is, whatever the clause's tense; its year is the one nearer the report
        tense = Tense.PRESENT
        time = clause_time(noun, reader.dates, tense)
    for child in noun.subtree:  # "..., which will take place at the end of next month in Geneva"
        if (
            child.dep_ in {"relcl", "acl"}
            and (lemma(child) in {"take", "hold"} or lemma(child) in OCCURRENCE_VERBS)
            and (child.head.i == noun.i or child.head.dep_ in {"pobj", "conj"})
        ):
            t2 = tense_of(child)
            time = time or clause_time(child, reader.dates, t2)
            place = place or reader.place(child)
            if t2 == Tense.FUTURE:
                tense = Tense.FUTURE
    if time is None and holder is not None and participants:
        time = clause_time(holder, reader.dates, tense)
    if time is None and verb is not None and noun.dep_ == "pobj" and noun.head.lower_ in _EVENT_TIME_PREPS:
        time = reader.time(verb, tense)
    # "The meeting took place in Berlin", "The talks were held on Friday": the clause's place and time
    # ... and "The bombing in Kandor on Monday killed 20": the toll's clause tells when
    if place is None and noun.dep_ in {"nsubj", "nsubjpass"} and _where_clause(noun.head):
        place = reader.place_at(noun.head.head)  # "Dalen, where the quake was centred"
    if noun.dep_ in {"nsubj", "nsubjpass"} and (is_occurrence(noun.head) or lemma(noun.head) in TOLL_VERBS):
        occ = noun.head
        t2 = tense_of(occ)
        place = place or reader.place(occ)
        time = time or clause_time(occ, reader.dates, t2)
        if t2 == Tense.FUTURE:
            tense = Tense.FUTURE
    determined = any(c.lower_ in {"the", "this", "that", "their", "his", "her"} for c in noun.lefts)
    definite = possessed or date_possessive or determined
    if not participants and not objects and not definite and time is None and place is None:
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
        objects=tuple(objects),
        agent=agent,
        inherit_time=reader.inherits_time(noun),
        repeated=reader.repeated(noun),
    )


_CAPTION_PREPS = frozenset({"during", "at", "after", "before", "ahead", "on"})


def _called_off(reader: ClauseReader, verb: Token) -> bool:
    kind = reader.verb_kind(verb) if is_verb(verb) else None
    return kind is not None and kind.name == "cancellation"


def _caption_holder(noun: Token) -> Token | None:
    """The people a verbless caption shows at an event: the root of 'X and Y during a summit in Z',
    when the event noun hangs from it by 'during', 'at', 'after' or 'before'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _CAPTION_PREPS:
        return None
    root = prep.head
    if root.dep_ != "ROOT" or root.pos_ not in {"PROPN", "NOUN"}:
        return None
    return root


def clause_relations(reader: ClauseReader) -> list[EventRecord]:
    """Any other clause in which a named party acts on another named party: subject and object,
    prepositional object or passive agent ('Vantix fired back at Orbel', 'Tarvia expelled Lumo's envoy')."""
    out = []
    for verb in reader.doc:
        if (
            verb.pos_ != "VERB"
            or verb.i in reader.claimed_verbs
            or reader.negated(verb)
            or lemma(verb) in RELATION_EXCLUDED_VERBS
            or reader.verb_kind(verb) is not None
        ):
            continue
        ev = _relation(reader, verb)
        if ev is not None:
            out.append(ev)
    return out


def _relation(reader: ClauseReader, verb: Token) -> EventRecord | None:
    passive = reader.passive(verb)
    subjects = reader.prep_objects(verb, {"by"}) if passive else reader.subject(verb)
    subjects = [r for r in subjects if r.kind in {"name", "pronoun", "group"}]
    if not subjects:
        return None
    place = reader.place(verb)
    label = [lemma(verb)] + [c.lower_ for c in verb.children if c.dep_ == "prt"]
    objects: list[Ref] = []
    if passive:
        objects = [r for r in reader.passive_subject(verb) if r.kind == "name"]
    else:
        objects = [r for r in reader.objects(verb, targets=True) if r.kind == "name"]
    if not objects:
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ in NON_PARTY_PREPS or child.lower_ == "by":
                continue
            found = [
                r
                for pobj in child.children
                if pobj.dep_ == "pobj"
                for r in reader.target_refs(pobj)
                if r.kind == "name" and not (child.lower_ in PLACE_PREPS and reader.is_place(r))
            ]
            if found:
                objects = found
                label.append(child.lower_)
                break
    if place is not None:
        objects = [o for o in objects if (o.start, o.end) != (place.start, place.end)]
    if not objects:
        return None
    tense = tense_of(verb)
    return EventRecord(
        kind="relation",
        trigger=verb.text,
        participants=tuple(subjects),
        evidence=reader.evidence(verb),
        place=place,
        time=reader.time(verb, tense),
        planned=tense == Tense.FUTURE,
        objects=tuple(objects),
        agent=subjects[0],
        inherit_time=reader.inherits_time(verb),
        relation="_".join(label),
    )


def dateline_place(reader: ClauseReader, events: list[EventRecord]) -> list[EventRecord]:
    """An event of the lead sentence after a dateline ('KANDOR - A court on Friday sentenced X') took
    place at the dateline's place, unless it names a place of its own among its parties or objects
    (a strike on X, told from Y) or is a journey."""
    doc = reader.doc
    leads: dict[int, Ref] = {}  # sentence index of a lead -> its dateline's place
    for tok in doc:
        if tok.is_space or not starts_line(doc, tok.i):
            continue
        end = dateline_end(doc, tok.i)
        if end is None:
            continue
        place = reader.first_place(doc[tok.i : end])
        if place is not None:
            leads[reader.sent(doc[end])] = place
    if not leads:
        return events
    out = []
    for ev in events:
        place = leads.get(ev.evidence.sentence)
        placed = any(reader.is_place(r) for r in (*ev.participants, *ev.objects))
        if place is not None and ev.place is None and not placed and reader.kinds.event(ev.kind).frame != "visit":
            ev = replace(ev, place=place)
        out.append(ev)
    return out


def crash_flight(reader: ClauseReader, events: list[EventRecord]) -> list[EventRecord]:
    """An article that tells of a craft's crash and names one flight: that flight is the craft that
    crashed ('A Vantair jet crashed ... The TX9525 flight was carrying 150 people'), on the day the
    flight's name gives, if the crash has none ('on Tuesday's doomed Vantair flight 302')."""
    flights: dict[str, Span] = {}
    for span in reader.names.spans:
        if span.label_ == "EVENT" and any(flight_code(t) for t in span):
            code = next(t.text for t in reversed(span) if flight_code(t))
            digits = re.search(r"\d+$", code)  # "TX9525" and "TX 9525" are flight 9525
            flights.setdefault(digits.group() if digits else code, span)
    if len(flights) != 1:
        return events
    (span,) = flights.values()
    # "on Tuesday's doomed Vantair flight 302": the day of the flight
    days = [reader.dates.get(c) for t in span for c in t.children if c.dep_ == "poss" and reader.dates.get(c)]
    day = time_expression(days[0], Tense.PAST) if days else None
    out = []
    for ev in events:
        kind = reader.kinds.event(ev.kind)
        named = any(r.entity_kind == "event" for r in ev.participants)
        if kind.operator_is_party and kind.frame == "single" and not named:
            ev = replace(ev, participants=(*ev.participants, name_ref(span, reader.sent(span.root))))
            if ev.time is None and day is not None and not ev.planned:
                ev = replace(ev, time=day)
        out.append(ev)
    return out


_SCENE_PREPS = {"visit": ("to", "at", "in"), None: ("at", "in")}


def scene_place(reader: ClauseReader, events: list[EventRecord]) -> list[EventRecord]:
    """'heading to the area', 'arrived at the scene', 'will travel to the crash region': the place of
    the event told last before it that has one (of the kind the scene's noun names, when it names
    one: 'the crash site' is where the crash was)."""
    by_start = {t.idx: t for t in reader.doc}
    ordered = sorted(events, key=lambda e: e.evidence.start)
    out: list[EventRecord] = []
    for ev in events:
        kind = reader.kinds.event(ev.kind)
        tok = by_start.get(ev.evidence.start)
        if ev.place is not None or tok is None or kind.frame == "speech":
            out.append(ev)
            continue
        noun = reader.scene(tok, _SCENE_PREPS.get(kind.frame, _SCENE_PREPS[None]))
        if noun is None:
            out.append(ev)
            continue
        named = {k.name for c in noun.lefts if c.dep_ == "compound" and (k := reader.noun_kind(c)) is not None}
        before = [
            e
            for e in ordered
            if e.evidence.start < ev.evidence.start
            and e.place is not None
            and reader.kinds.event(e.kind).frame not in {"speech", "visit"}
        ]
        if named:
            before = [e for e in before if e.kind in named]
        if before:
            ev = replace(ev, place=before[-1].place)
        out.append(ev)
    return out


def _dated_name(noun: Token, dates: DateIndex) -> bool:
    """A month and day (no weekday) before a definite event noun, as part of its name."""
    if not any(c.lower_ == "the" for c in noun.lefts):
        return False
    for child in noun.lefts:
        span = dates.get(child)
        if span is not None and child.dep_ in {"compound", "nmod", "npadvmod", "amod"}:
            return bool(_CALENDAR_DAY.search(span.text))
    return False


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_CALENDAR_DAY = re.compile(rf"\b{_MONTH}[a-z]*\.? \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}")


def travel_purpose(reader: ClauseReader, events: list[EventRecord]) -> list[EventRecord]:
    """An event that is the purpose of a journey takes place where the journey goes, and then
    unless it has a time of its own: "flew to Dalen for talks with X on Monday", "travelled to
    Lima to meet X", "made a visit to Kenya for a summit with X" (the traveller meets X)."""
    by_start = {t.idx: t for t in reader.doc}
    journeys = {
        ev.evidence.start: ev for ev in events if ev.place is not None and reader.kinds.event(ev.kind).frame == "visit"
    }
    if not journeys:
        return events
    out: list[EventRecord] = []
    for ev in events:
        kind = reader.kinds.event(ev.kind)
        tok = by_start.get(ev.evidence.start)
        journey = None
        if ev.place is None and tok is not None and kind.frame not in {"visit", "speech"}:
            journey = _journey_of(tok, journeys)
        if journey is not None:
            ev = replace(ev, place=journey.place, time=ev.time or journey.time)
            # "made a visit to X for a summit with Y": the traveller is at the summit
            spans = {(r.start, r.end) for r in ev.participants}
            travellers = tuple(r for r in journey.participants if (r.start, r.end) not in spans)
            if kind.frame == "joint" and travellers:
                ev = replace(ev, participants=travellers + ev.participants)
        out.append(ev)
    return out


def _journey_of(tok: Token, journeys: dict[int, EventRecord]) -> EventRecord | None:
    """The journey whose purpose the event word states: the object of its "for", or its "to" clause
    ("to meet X", "to attend a summit")."""
    if tok.dep_ == "dobj" and tok.head.dep_ in {"xcomp", "advcl"}:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "for":
        head = tok.head.head
    elif tok.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        head = tok.head
    else:
        return None
    found = journeys.get(head.idx)
    if found is None:  # "made a visit to X for ...": the journey is the support verb's object
        found = next((journeys[c.idx] for c in head.children if c.dep_ == "dobj" and c.idx in journeys), None)
    return found


def read_events(
    doc: Doc,
    names: NameIndex,
    article_id: str,
    sentence_of: dict[int, int],
    rules: Iterable[Rule],
    settings: Settings = DEFAULT,
) -> list[EventRecord]:
    """The events of one article: every active event rule, in order; each record names its rule."""
    from graph.extract.registry import EVENT_REPAIRS, QUOTE_RULES, TIME_RULES

    dated = all(settings.enabled(r) for r in TIME_RULES)
    reader = ClauseReader(doc, names, article_id, sentence_of, settings.kinds, dated)
    for r in active(QUOTE_RULES, settings):
        reader.quote_speakers = r.func(doc, reader.subject, reader.is_speech)
    events: list[EventRecord] = []
    for r in active(rules, settings):
        for ev in r.func(reader):
            events.append(replace(ev, evidence=replace(ev.evidence, extractor=r.id)))
    for r in active(EVENT_REPAIRS, settings):
        events = r.func(reader, events)
    events.sort(key=lambda e: (e.evidence.start, e.kind))
    return events


__all__ = ["ClauseReader", "read_events"]
