"""Time expressions attached to a clause or an event noun, and the clause's tense.

A sentence may hold several dates; each event takes the one in its own clause:
"On Friday Berg and Dubois will meet ... for the next meeting ..., which will
take place at the end of next month" gives the meeting "Friday" and the next
meeting "the end of next month". Dates inside nested clauses and inside
"after ..." / "before ..." phrases are not the clause's own.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graph.records import Tense, TimeExpression

NESTED_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj", "conj", "pcomp"})
BOUND_PREPS = frozenset({"after", "before", "until", "till", "following", "since", "prior", "for", "over", "by"})
_TIME_WORDS = re.compile(
    r"\b(\d|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tomorrow|tonight|week|month|year|spring|summer|autumn|fall|"
    r"winter|decade|century|days|months|years|weekend|end|beginning|morning|evening)\b",
    re.I,
)
_FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "\u2019ll"})
_FUTURE_MODIFIERS = frozenset({"planned", "expected", "upcoming", "next", "proposed", "scheduled", "forthcoming"})


def is_dateline(span: Span) -> bool:
    """'BERLIN, March 4, 2021 (Reuters) - ...': the article's date, not an event's."""
    doc = span.doc
    before = [t for t in doc[span.sent.start : span.start] if not t.is_space]
    if any(t.pos_ not in {"PROPN", "PUNCT"} for t in before) or len(before) > 6:
        return False
    i = span.end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - span.end < 6:
            i += 1
        i += 1
    return i < len(doc) and doc[i].text in {"-", "--", "\u2013", "\u2014", "/", ":"}


class DateIndex:
    """The DATE entities of a Doc, by token (datelines left out)."""

    def __init__(self, doc: Doc):
        self.spans = [e for e in doc.ents if e.label_ == "DATE" and _TIME_WORDS.search(e.text) and not is_dateline(e)]
        self.by_token = {t.i: span for span in self.spans for t in span}

    def get(self, token: Token) -> Span | None:
        return self.by_token.get(token.i)


def _expand(span: Span) -> tuple[int, int, str]:
    """'the closing days' + 'of World War II'."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "EVENT":
        end += 1
        while end < len(doc) and doc[end].ent_type_ == "EVENT":
            end += 1
    piece = doc[span.start : end]
    return piece.start_char, piece.end_char, piece.text


def own_dates(anchor: Token, dates: DateIndex) -> list[tuple[int, Span]]:
    """DATE spans in the anchor's own clause, with their depth below the anchor."""
    found: list[tuple[int, Span]] = []
    seen: set[int] = set()

    def walk(tok: Token, depth: int) -> None:
        for child in tok.children:
            if child.dep_ in NESTED_CLAUSES and child.pos_ in {"VERB", "AUX"}:
                continue
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ not in {"PROPN"}:
                continue
            if child.dep_ == "prep" and child.lower_ in BOUND_PREPS:
                continue
            span = dates.get(child)
            if span is not None and span.start not in seen:
                seen.add(span.start)
                found.append((depth, span))
            walk(child, depth + 1)

    span = dates.get(anchor)
    if span is not None:
        seen.add(span.start)
        found.append((0, span))
    walk(anchor, 1)
    found.sort(key=lambda x: (x[0], x[1].start))
    return found


def clause_time(anchor: Token, dates: DateIndex, tense: Tense) -> TimeExpression | None:
    """The time expression of the clause (or event noun) headed by `anchor`."""
    found = own_dates(anchor, dates)
    if not found:
        return None
    _, span = found[0]
    start, end, text = _expand(span)
    return TimeExpression(text=text, tense=tense, start=start, end=end)


def tense_of(verb: Token) -> Tense:
    """Past, present or future, from the verb group."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MARKERS:
        return Tense.FUTURE
    # "is going to meet", "are set to meet", "is scheduled to", "plan to"
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in {
        "going",
        "set",
        "scheduled",
        "due",
        "plan",
        "plans",
        "planning",
        "expected",
        "slated",
        "poised",
    }:
        if head.tag_ in {"VBD"} and head.lower_ not in {"set", "expected", "scheduled"}:
            return Tense.PAST
        inner = tense_of(head)
        return Tense.FUTURE if inner != Tense.PAST or head.lower_ in {"expected"} else Tense.PAST
    if verb.tag_ in {"VBD"} or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if verb.tag_ == "VBN" and (words & {"has", "have", "had"}):
        return Tense.PAST
    if verb.tag_ == "VBN" and verb.dep_ in {"relcl", "acl"}:
        return Tense.PAST
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return Tense.PRESENT
    if verb.tag_ in {"VBG", "VB", "VBN"} and verb.head.i != verb.i:
        return tense_of(verb.head)
    return Tense.PAST


def noun_is_future(noun: Token) -> bool:
    return any(c.lower_ in _FUTURE_MODIFIERS for c in noun.lefts)
