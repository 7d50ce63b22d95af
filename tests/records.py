"""Extractions written by hand, so that resolution rules are tested without spaCy.

An :class:`Art` is one article's text; its methods make the records that the
extract stage would make of it, with offsets found in the text::

    a = Art("a1", "Anna Berg met Ivo Marek. Berg left.", "2021-03-05")
    ex = a.extraction(
        mentions=[a.mention("Anna Berg", "person"), a.mention("Ivo Marek", "person"), a.mention("Berg", "person", 1)],
        events=[a.event("meeting", "met", [a.name("Anna Berg", "person"), a.name("Ivo Marek", "person")])],
    )
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from graph.records import (
    AliasStatement,
    Article,
    DateOrigin,
    EventRecord,
    Evidence,
    Extraction,
    Mention,
    Ref,
    Role,
    Sentence,
    Tense,
    TimeExpression,
)


class Art:
    def __init__(self, aid: str, text: str, date: str | None = None):
        self.article = Article(
            id=aid,
            text=text,
            date=dt.date.fromisoformat(date) if date else None,
            date_origin=DateOrigin.GIVEN if date else DateOrigin.UNKNOWN,
        )
        self.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]

    @property
    def id(self) -> str:
        return self.article.id

    def span(self, text: str, nth: int = 0) -> tuple[int, int, int]:
        """(start, end, sentence) of the nth occurrence of `text` (as a whole word)."""
        found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", self.article.text)]
        if len(found) <= nth:
            raise ValueError(f"{text!r} occurs {len(found)} times in {self.article.text!r}")
        start = found[nth]
        sentence = next(i for i, (s, e) in enumerate(self.sentences) if s <= start < e)
        return start, start + len(text), sentence

    def mention(self, text: str, kind: str, nth: int = 0) -> Mention:
        start, end, sentence = self.span(text, nth)
        return Mention(self.id, sentence, start, end, text, kind)

    def name(self, text: str, kind: str, nth: int = 0) -> Ref:
        start, end, sentence = self.span(text, nth)
        return Ref(text, start, end, "name", entity_kind=kind, sentence=sentence)

    def ref(self, text: str, kind: str, nth: int = 0, **fields) -> Ref:
        start, end, sentence = self.span(text, nth)
        return Ref(text, start, end, kind, sentence=sentence, **fields)

    def evidence(self, text: str, rule: str, nth: int = 0) -> Evidence:
        start, end, sentence = self.span(text, nth)
        return Evidence(self.id, sentence, start, end, rule)

    def time(self, text: str, tense: Tense = Tense.PAST, nth: int = 0) -> TimeExpression:
        start, end, _ = self.span(text, nth)
        return TimeExpression(text, tense, start, end)

    def event(
        self,
        kind: str,
        trigger: str,
        participants: Iterable[Ref],
        nth: int = 0,
        rule: str = "events.verbal.v1",
        **fields,
    ) -> EventRecord:
        return EventRecord(
            kind=kind,
            trigger=trigger,
            participants=tuple(participants),
            evidence=self.evidence(trigger, rule, nth),
            **fields,
        )

    def role(self, person: Ref, title: str, of: str | None = None) -> Role:
        ev = Evidence(self.id, person.sentence, person.start, person.end, "roles.title_before.v2")
        return Role(person=person, title=title, of=of, evidence=ev)

    def alias(self, names: Iterable[Ref], antecedent: Ref, word: str) -> AliasStatement:
        return AliasStatement(tuple(names), antecedent, self.evidence(word, "aliases.called.v1"))

    def extraction(self, mentions=(), roles=(), events=(), aliases=()) -> Extraction:
        text = self.article.text
        return Extraction(
            article=self.article,
            model="hand-made",
            extractor_version="hand-made",
            sentences=tuple(Sentence(self.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(self.sentences)),
            mentions=tuple(sorted(mentions, key=lambda m: m.start)),
            roles=tuple(roles),
            events=tuple(sorted(events, key=lambda e: (e.evidence.start, e.kind))),
            aliases=tuple(aliases),
        )


def two_reports_of_one_meeting():
    """The resolved corpus of two outlets reporting one meeting (a small store's content)."""
    from graph.resolve import resolve_corpus

    out = []
    for aid, date in (("a1", "2021-03-05"), ("a2", "2021-03-06")):
        a = Art(aid, "Anna Berg met Pierre Dubois in Lisbon on Friday.", date)
        names = [a.name("Anna Berg", "person"), a.name("Pierre Dubois", "person")]
        ev = a.event("meeting", "met", names, time=a.time("Friday"), place=a.name("Lisbon", "city"))
        ms = [a.mention("Anna Berg", "person"), a.mention("Pierre Dubois", "person"), a.mention("Lisbon", "city")]
        out.append(a.extraction(ms, events=[ev]))
    return resolve_corpus(out)
