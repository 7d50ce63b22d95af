"""Time expressions attached to a clause or an event noun, and the clause's tense.

A sentence may hold several dates; each event takes the one in its own clause:
"On Friday Berg and Dubois will meet ... for the next meeting ..., which will
take place at the end of next month" gives the meeting "Friday" and the next
meeting "the end of next month". Dates inside nested clauses and inside
"after ..." / "before ..." phrases are not the clause's own.

>>> from graph.extract.handmade import parse
>>> doc = parse('''
...     Berg   PROPN NNP nsubj 3
...     will   AUX   MD  aux   3
...     meet   VERB  VB  ROOT  0
...     Roux   PROPN NNP dobj  3
...     on     ADP   IN  prep  3
...     Friday PROPN NNP pobj  5
...     .      PUNCT .   punct 3
... ''', ents=[(1, 1, "PERSON"), (4, 4, "PERSON"), (6, 6, "DATE")])
>>> tense_of(doc[2]).value, clause_time(doc[2], DateIndex(doc), Tense.FUTURE).text
('future', 'Friday')
>>> [(r.expression.text, r.value.value) for r in read_times(doc, dt.date(2021, 3, 10))]
[('Friday', '2021-03-12')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graph.extract.lemmas import lemma
from graph.kinds import default_kinds
from graph.records import DateOrigin, Precision, Tense, TimeExpression, TimeValue
from graph.timex import ground
from graph.timex.normalize import range_ends
from graph.timex.segment import segments

NESTED_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj", "conj", "pcomp"})
BOUND_PREPS = frozenset({"after", "before", "until", "till", "following", "since", "prior", "for", "over", "by"})
_TIME_WORDS = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)?|(?:1\d|20)\d\ds?|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tomorrow|tonight|week|month|year|spring|summer|autumn|fall|"
    r"winter|decade|century|days|months|years|weekend|end|beginning|morning|evening|nineteen|thousand)\b",
    re.I,
)
_FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "\u2019ll"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
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


_DAY_WORDS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night)\b",
    re.I,
)


_WEEKDAY_ONLY = re.compile(r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"^\s*[(,]?\s*$")


_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_UNTAGGED = re.compile(
    rf"\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Ll]ast|[Nn]ext|[Tt]his) )?{_WEEKDAY_NAME}"
    r"(?: (?:morning|afternoon|evening|night))?\b"
    r"|\b(?:(?:[Ee]arlier|[Ll]ater|[Ll]ate) )?(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b"
    rf"|\b{_MONTH_NAME} (?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?:,? (?:19|20)\d\d\b)?"
)


def _untagged_days(doc: Doc) -> list[Span]:
    """Weekdays, "today"-like words and month-days that the tagger left outside every entity
    ("Late Monday, officials said", "apply for visas today", "the Aug. 7 bombings")."""
    out = []
    for found in _UNTAGGED.finditer(doc.text):
        span = doc.char_span(found.start(), found.end())
        if span is not None and not any(t.ent_type_ for t in span):
            out.append(span)
    return out


def _with_determiner(span: Span) -> Span:
    """"this" + "year", "last" + "week": the word before a period noun that the tagger left out."""
    doc = span.doc
    if (
        span.start > 0
        and span[0].lower_ in {"year", "week", "month", "weekend"}
        and doc[span.start - 1].lower_ in {"this", "last", "next"}
        and not doc[span.start - 1].ent_type_
    ):
        return doc[span.start - 1 : span.end]
    return span


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token's text on each call)."""
    text = doc.user_data.get("kg.text")
    if text is None:
        text = doc.user_data["kg.text"] = doc.text
    return text


def time_spans(doc: Doc) -> list[Span]:
    """The time expressions of a Doc.

    From its DATE entities with a time word and its TIME entities that name a day
    ("Sunday night", "this morning"); a weekday and the date after it are one
    expression ("Tuesday (March 24)", "Tuesday, March 24"); each entity is cut
    to the expressions it holds (:func:`graph.timex.segment.segments`: "the
    quarter ended Sept. 30" holds "Sept. 30").
    """
    ents = [
        _with_determiner(e)
        for e in doc.ents
        if (e.label_ == "DATE" and _TIME_WORDS.search(e.text)) or (e.label_ == "TIME" and _DAY_WORDS.search(e.text))
    ]
    ents = sorted(ents + _untagged_days(doc), key=lambda s: s.start)
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        gap = doc_text(doc)[last.end_char : ent.start_char] if last is not None else ""
        if last is not None and _WEEKDAY_ONLY.match(last.text) and _BETWEEN_WEEKDAY_AND_DATE.match(gap):
            merged[-1] = doc[last.start : ent.end]
        else:
            merged.append(ent)
    out: list[Span] = []
    for span in merged:
        for start, end in segments(span.text):
            piece = doc.char_span(span.start_char + start, span.start_char + end, alignment_mode="contract")
            if piece is None or not len(piece):
                continue
            if piece.text.count("(") > piece.text.count(")") and piece.end < len(doc) and doc[piece.end].text == ")":
                piece = doc[piece.start : piece.end + 1]
            if _WEEKDAY_ONLY.match(piece.text) and piece.end < len(doc) and doc[piece.end].lower_ in _DAY_PARTS:
                piece = doc[piece.start : piece.end + 1]  # "Tuesday" + "morning"
            out.append(piece)
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LAST_WEEKDAY = re.compile(rf"(?i)^last ({'|'.join(_WEEKDAYS)})\b")
_BARE_WEEKDAY = re.compile(rf"(?i)^(?:early |late |earlier |later )?({'|'.join(_WEEKDAYS)})\b(?!,? \(?\w+ \d)")


def week_ambiguous(spans: list[Span]) -> list[Span]:
    """Bare weekdays that may belong to the week a "last <weekday>" of their sentence names.

    "The meeting meant for last Wednesday was called off after his Tuesday talks
    with her": the Tuesday may be the one before that Wednesday or the latest
    one; when the weekday comes before the other in the week the two readings
    can differ, and a wrong date is worse than none.
    """
    latest: dict[int, int] = {}  # sentence start -> the latest weekday a "last <weekday>" of it names
    for other in spans:
        last = _LAST_WEEKDAY.match(other.text)
        if last:
            start = other.sent.start
            latest[start] = max(latest.get(start, -1), _WEEKDAYS.index(last[1].lower()))
    if not latest:
        return []
    out = []
    for span in spans:
        bare = _BARE_WEEKDAY.match(span.text)
        if bare and _WEEKDAYS.index(bare[1].lower()) < latest.get(span.sent.start, -1):
            out.append(span)
    return out


_DURATION = re.compile(
    r"(?i)^(?:(?:more than|less than|nearly|almost|about|around|over|some|at least|up to) )?"
    r"(?:a|an|one|\w+|\d[\d,.]*)(?:[ -]and[ -]a[ -]half)?[ -](?:year|month|week|day|hour|minute|decade)s?$"
)
_FROM_NOW = frozenset({"ago", "later", "earlier", "before", "after", "from", "since"})


def is_duration(span: Span) -> bool:
    """'five years', 'more than 200 years', 'three days': how long, not when ('five years ago' is when)."""
    if not _DURATION.match(span.text):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in _FROM_NOW:
        return False
    first = span[0].lower_
    return first not in {"last", "next", "this", "that", "the", "every", "each", "same"}


class DateIndex:
    """The time expressions of a Doc, by token.

    `spans` are those an event may take; `datelines` are the article's date, not
    an event's; `durations` say how long, not when (:func:`is_duration`);
    `ambiguous` are weekdays whose week the text leaves open
    (:func:`week_ambiguous`): read, never grounded.
    """

    def __init__(self, doc: Doc, found: list[Span] | None = None):
        found = time_spans(doc) if found is None else found
        self.datelines = [s for s in found if is_dateline(s)]
        spans = [s for s in found if not is_dateline(s)]
        self.ambiguous = week_ambiguous(spans)
        kept = [s for s in spans if s not in self.ambiguous]
        self.durations = [s for s in kept if is_duration(s)]  # read (kg timex), never an event's time
        self.spans = [s for s in kept if s not in self.durations]
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
            if child.pos_ in {"VERB", "AUX"} and (child.dep_ in NESTED_CLAUSES or child.tag_ in _FINITE):
                continue  # another clause: a nested one, or a finite verb the parse hung here
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ not in {"PROPN"}:
                continue
            if child.dep_ == "prep" and child.lower_ in BOUND_PREPS and not _over_the_weekend(child):
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


def _over_the_weekend(prep: Token) -> bool:
    """'over the weekend' says when, where 'over the past five years' says for how long."""
    return prep.lower_ == "over" and any(c.dep_ == "pobj" and c.lower_ == "weekend" for c in prep.children)


def time_expression(span: Span, tense: Tense) -> TimeExpression:
    """The time expression a DATE span gives, read in a clause of `tense`."""
    start, end, text = _expand(span)
    return TimeExpression(text=text, tense=tense, start=start, end=end)


def clause_time(anchor: Token, dates: DateIndex, tense: Tense) -> TimeExpression | None:
    """The time expression of the clause (or event noun) headed by `anchor`, read in the
    clause's `tense` unless the words around it impose one (:func:`word_tense`)."""
    found = own_dates(anchor, dates)
    if not found:
        return None
    span = found[0][1]
    return time_expression(span, word_tense(span) or tense)


def clause_verb(span: Span) -> Token | None:
    """The verb of the clause a time expression sits in: the first verb up from its head."""
    tok = span.root
    for _ in range(len(span.doc)):
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_.startswith("VB"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_POSTPONING = frozenset(
    {
        "postponed",
        "postpone",
        "postpones",
        "delayed",
        "delay",
        "delays",
        "adjourned",
        "adjourn",
        "deferred",
        "defer",
        "extended",
        "extend",
        "extends",
        "moved",
        "pushed",
        "rescheduled",
    }
)
# Verbs whose past is their base form: a tagger often reads "fell ... and hurt" as a present.
_PAST_AS_BASE = frozenset(
    {"hurt", "put", "set", "cut", "hit", "let", "quit", "spread", "cost", "shut", "split", "burst", "cast", "shed"}
)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_EARLIEST = re.compile(r"(?i)\bas (?:soon|early) as\s*$|\bno (?:sooner|earlier) than\s*$")


def word_tense(span: Span) -> Tense | None:
    """The tense the words around a time expression impose, whatever its clause's tense.

    Future: the earliest day of something to come ("as soon as Tuesday") and
    the new date of a postponement ("postponed until Tuesday", "extended to
    Nov. 20"); past: what "since" counts from ("has risen since Friday").
    """
    before = doc_text(span.doc)[max(0, span.start_char - 20) : span.start_char]
    if _EARLIEST.search(before):
        return Tense.FUTURE
    if re.search(r"(?i)\b(?:ever )?since\s*$", before):
        return Tense.PAST
    root = span.root
    verb = clause_verb(span)
    if (
        verb is not None
        and root.head.dep_ == "prep"
        and root.head.lower_ in {"until", "till", "to"}
        and verb.lower_ in _POSTPONING
    ):
        return Tense.FUTURE
    return None


def tense_at(span: Span) -> Tense:
    """The tense of the clause a time expression sits in, for the expression.

    :func:`word_tense` when the words around it impose one; else that of its
    verb (:func:`tense_of`; past when there is none), with what the builder
    also does for an event verb: a present-tense verb that does not report or
    link ("meet Monday", "opens Friday") tells a plan, so future. A weekday
    that qualifies a noun ("Wednesday's ruling") is read as the present,
    whatever the clause around the noun says (an event noun's own tense, which
    the builder knows, decides it there).
    """
    imposed = word_tense(span)
    if imposed is not None:
        return imposed
    root = span.root
    weekday = _WEEKDAY_ONLY.match(span.text.replace("\u2019s", "").replace("'s", "").strip())
    qualifies = root.dep_ in {"poss", "compound", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"}
    if weekday and qualifies and root.head.lower_ not in _DAY_PARTS:
        return Tense.PRESENT
    verb = clause_verb(span)
    if verb is None:
        return Tense.PAST
    tense = tense_of(verb)
    reporting = lemma(verb) in _REPORTING or verb.lower_ in _PAST_AS_BASE
    if tense is Tense.PRESENT and verb.pos_ == "VERB" and not reporting:
        return Tense.FUTURE
    return tense


@dataclass(frozen=True, slots=True)
class TimeReading:
    """A time expression of a text and its value; a span of time also has its two ends."""

    expression: TimeExpression
    value: TimeValue
    ends: tuple[tuple[TimeExpression, TimeValue], ...] = ()


def read_times(doc: Doc, anchor: dt.date | None, origin: DateOrigin = DateOrigin.GIVEN) -> list[TimeReading]:
    """Every time expression of a parsed text, grounded against its date `anchor`.

    The pieces are the builder's own: the spans of :class:`DateIndex` (its
    datelines too), the words of :func:`time_expression`, the tense of
    :func:`tense_of` (of the clause's verb) and :func:`graph.timex.ground`, so
    what this reads is what an event in that clause is dated with. A weekday of
    ``DateIndex.ambiguous`` is listed unresolved. A span of
    time ("March 24-25") has its interval as value and its two ends (as TimeML
    annotates them) in `ends`.
    """
    out = []
    index = DateIndex(doc)
    for span in sorted(index.spans + index.durations + index.datelines + index.ambiguous, key=lambda s: s.start):
        expr = time_expression(span, tense_at(span))
        if span in index.ambiguous:
            out.append(TimeReading(expr, TimeValue(expr.text, Precision.UNRESOLVED)))
            continue
        ends = []
        for part, value in range_ends(expr.text, expr.tense, anchor, origin):
            start = expr.start + part.start
            words = doc_text(doc)[start : expr.start + part.end]
            ends.append((TimeExpression(words, expr.tense, start, start + len(words)), replace(value, text=words)))
        out.append(TimeReading(expr, ground(expr.text, expr.tense, anchor, origin), tuple(ends)))
    return out


# Heads whose infinitive is still to come: "planned to leave on Thursday", "is set to resume Monday".
_PLAN_HEADS = frozenset(
    {
        "going",
        "set",
        "scheduled",
        "due",
        "slated",
        "poised",
        "plan",
        "plans",
        "planned",
        "planning",
        "expect",
        "expects",
        "expected",
        "intend",
        "intends",
        "intended",
        "ready",
        "prepared",
        "preparing",
        "likely",
        "about",
    }
)
# Verbs whose time is the time of what they schedule: "scheduled talks for Friday",
# "the vote, set for May 3". (Not "planned", which also plans a thing now.)
_SCHEDULING = frozenset({"scheduled", "schedules", "schedule", "slated", "rescheduled"})
_PLANNED_FOR = frozenset({"set", "expected", "due", "penciled", "pencilled"})
_BE = frozenset({"is", "are", "was", "were", "be", "'s", "\u2019s", "'re", "\u2019re"})
# Modals that put the clause after the time it is told from: "would meet", "must be returned by".
_MODAL_FUTURE = frozenset({"would", "might", "may", "should", "must", "'d", "\u2019d"})
_HAVE = frozenset({"has", "have", "had", "'ve", "\u2019ve"})


#: Verbs of saying (by lemma): their present tense is the report's, not a schedule's.
_REPORTING = frozenset(v for k in default_kinds().events if k.frame == "speech" for v in k.verbs if " " not in v)


def tense_of(verb: Token, _depth: int = 0) -> Tense:
    """Past, present or future, from the verb group.

    future: "will meet", "would meet", "must be returned", "is to resume", "plans to
    visit", "planned to leave" (not "had planned to leave");
    past: "met", "has met", "have been searching", "would have met", "the accord signed";
    present: "meets", "is meeting", "is expected" (a clause of its own).
    """
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MARKERS:
        return Tense.FUTURE
    if words & _MODAL_FUTURE:
        return Tense.PAST if words & _HAVE else Tense.FUTURE
    if words & {"can", "ca"}:
        return Tense.PRESENT
    if "had" not in words and (
        verb.lower_ in _SCHEDULING
        or (verb.lower_ in _PLANNED_FOR and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children))
    ):
        return Tense.FUTURE  # "scheduled a news conference Thursday", "a summit set for April"
    head = verb.head
    if "to" in words and verb.dep_ in {"acl", "relcl"}:
        return Tense.FUTURE  # "guidelines to be published in May", "a plan to sell it by June"
    if verb.dep_ == "xcomp" and "to" in words and _depth < 8:
        head_auxes = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
        # "is to resume", "plans to visit", "planned to leave"; "had planned to" is past
        if head.lower_ in _PLAN_HEADS | _BE:
            return Tense.PAST if "had" in head_auxes else Tense.FUTURE
    if verb.tag_ in {"VBD"} or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if words & _HAVE and (verb.tag_ == "VBN" or "been" in words):
        return Tense.PAST
    if verb.tag_ == "VBN" and not auxes and verb.dep_ != "xcomp":
        return Tense.PAST  # "the accord signed on Friday", "terms announced Friday"
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return Tense.PRESENT
    if verb.tag_ in {"VBG", "VB", "VBN"} and verb.head.i != verb.i and _depth < 8:
        return tense_of(verb.head, _depth + 1)
    return Tense.PAST


def noun_is_future(noun: Token) -> bool:
    return any(c.lower_ in _FUTURE_MODIFIERS for c in noun.lefts)
