"""Roles and titles of people: "Foreign Minister Anna Berg", "Tarvia's
information minister Lena X", "Ivo Marek, Tarvia's foreign minister", "The
Lenn President, Mira X,", "resigned as Prime Minister", "was named CEO",
"Foreign Ministers Anna Berg and Ivo Marek".

A title is a noun phrase whose head is a post or job (``titles.toml``: heads,
by lemma) with the words that qualify it ("information minister", "chief
operating officer", "treasurer-general", "former President"); whose post it
is comes from a name before it or in its phrase ("Apple CEO", "Apple's CEO",
"CEO of Apple", "French President").

Each way of giving a title is a rule (``graph/extract/registry.py``): a
function of a person's name that returns the titles it reads. For each person
named, :func:`read_roles` tries the active rules in order and keeps what the
first one that reads a title finds.

>>> from graph.extract import extract_article
>>> from graph.extract.handmade import parse
>>> from graph.records import Article
>>> doc = parse('''
...     Foreign  PROPN NNP compound 2
...     Minister PROPN NNP compound 4
...     Anna     PROPN NNP compound 4
...     Berg     PROPN NNP nsubj    5
...     spoke    VERB  VBD ROOT     0 speak
...     .        PUNCT .   punct    5
... ''', ents=[(3, 4, "PERSON")])
>>> [(r.person.text, r.title, r.evidence.extractor) for r in extract_article(doc, Article("a1", doc.text), "-").roles]
[('Anna Berg', 'Foreign Minister', 'roles.title_before.v2')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lemmas import lemma
from graph.extract.mentions import kind_of
from graph.extract.refs import NameIndex, name_ref, singular_title_word
from graph.lexicon import NOT_PART_OF_TITLE, NOT_TITLE_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from graph.records import Evidence, Role
from graph.rules import DEFAULT, Rule, Settings, active

_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_HYPHENS = {"-", "\u2013"}
_OWNER_KINDS = frozenset({"nationality", "country", "city", "region", "place", "organization", "location"})
#: Verbs whose "as" phrase gives their subject's (or object's) post: "resigned as", "sworn in as", "named as".
_AS_VERBS = frozenset(
    {"resign", "serve", "step", "swear", "appoint", "name", "elect", "nominate", "install", "confirm", "return",
     "retire", "quit", "remain", "continue", "take", "re-elect", "reappoint", "choose", "select", "work", "join"}
)
_COPULAS = frozenset({"be", "become", "remain"})
_NAMING_VERBS = frozenset({"name", "appoint", "elect", "make", "nominate", "re-elect", "reappoint", "choose"})


@dataclass(frozen=True, slots=True)
class TitleReading:
    """What a role rule read: the title, the words that say it, and whose title it is."""

    title: str
    words: tuple[Token, ...]
    of: str | None


@dataclass
class RoleContext:
    doc: Doc
    names: NameIndex
    # root token of a person already given a title -> that reading ("Foreign Ministers A and B")
    found: dict[int, TitleReading] = field(default_factory=dict)


RoleRule = Callable[[RoleContext, Span], list[TitleReading]]


def is_title_head(tok: Token) -> bool:
    return lemma(tok) in TITLE_HEADS or tok.lower_ in TITLE_HEADS


def _is_title_word(tok: Token) -> bool:
    return is_title_head(tok) or tok.lower_ in TITLE_MODIFIERS


def _owner(span: Span | None) -> str | None:
    if span is None:
        return None
    if kind_of(span) == "nationality":
        return gazetteer.country_of_demonym(span.text) or span.text
    return span.text


def title_text(words: Iterable[Token]) -> str:
    """The words of a title as one normalized title: 'foreign ministers' -> 'Foreign Minister',
    'treasurer - general' -> 'Treasurer-General'."""
    words = list(words)
    text = ""
    for i, w in enumerate(words):
        part = w.text if w.text.isupper() and len(w.text) > 1 else w.text[:1].upper() + w.text[1:].lower()
        if i == len(words) - 1:
            part = singular_title_word(part)
        joined = i > 0 and (words[i - 1].text in _HYPHENS or w.text in _HYPHENS)
        text += part if joined or not text else " " + part
    return text


def _reading(words: list[Token], of: str | None) -> TitleReading | None:
    words = [w for w in words if w.lower_ not in NOT_PART_OF_TITLE]
    while words and (words[0].lower_ in NOT_TITLE_WORDS or words[0].like_num or words[0].text in _HYPHENS):
        words = words[1:]
    if not words or not is_title_head(words[-1]):
        return None
    return TitleReading(title_text(words), tuple(words), of)


def title_phrase(ctx: RoleContext, head: Token) -> TitleReading | None:
    """A title noun and the words of its phrase that qualify it; whose it is from a name, a
    possessive or an 'of'/'with'/'at' phrase: "Apple's chief operating officer", "the police chief in X"."""
    names = ctx.names
    words: list[Token] = []
    of: str | None = None
    i = head.i - 1
    while i >= head.left_edge.i:
        tok = ctx.doc[i]
        name = names.get(tok)
        if name is not None:
            if kind_of(name) in _OWNER_KINDS and of is None:
                of = _owner(name)
            break
        if tok.text in _POSSESSIVE or tok.dep_ in {"det", "poss", "punct"} and tok.text not in _HYPHENS:
            if tok.text in _POSSESSIVE and i > 0 and names.get(ctx.doc[i - 1]) is not None:
                of = _owner(names.get(ctx.doc[i - 1]))
            break
        if tok.pos_ in {"NOUN", "ADJ", "PROPN", "VERB"} or tok.text in _HYPHENS:
            words.insert(0, tok)
            i -= 1
            continue
        break
    for child in head.children:
        if of is None and child.dep_ == "prep" and child.lower_ in {"of", "at", "with", "for", "in"}:
            for pobj in child.children:
                name = names.get(pobj)
                if name is not None and kind_of(name) in _OWNER_KINDS:
                    of = _owner(name)
        elif of is None and child.dep_ == "poss" and names.get(child) is not None:
            of = _owner(names.get(child))
    return _reading(words + [head], of)


# -- the rules ------------------------------------------------------------------------------------


def title_before(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """Title words right before a name, and whose post it is before them: 'French Deputy Foreign
    Minister Paul Roux', "Tarvia's information minister X", 'the party treasurer-general X', 'Co-Founder and CEO X'."""
    doc, names = ctx.doc, ctx.names
    readings: list[TitleReading] = []
    i = span.start - 1
    while i >= 0:
        words: list[Token] = []
        while i >= 0:
            tok = doc[i]
            name = names.get(tok)
            title_org = name is not None and all(_is_title_word(t) for t in name)  # "Defense" tagged as a body
            if (name is None or title_org) and (
                _is_title_word(tok)
                or tok.text in _HYPHENS and words
                or (words and tok.pos_ in {"NOUN", "ADJ", "PROPN"} and (tok.is_lower or tok.text.istitle()))
            ):
                words.insert(0, tok)
                i -= 1
                continue
            break
        if not words or not is_title_head(words[-1]):
            break
        owner = None
        if i >= 0:
            prev = names.get(doc[i])
            if prev is not None and kind_of(prev) in _OWNER_KINDS:
                owner = _owner(prev)
            elif doc[i].text in _POSSESSIVE and i >= 1 and names.get(doc[i - 1]) is not None:
                owner = _owner(names.get(doc[i - 1]))
        reading = _reading(words, owner)
        if reading is not None:
            readings.insert(0, reading)
        if i >= 1 and doc[i].lower_ == "and" and _is_title_word(doc[i - 1]):  # "Co-Founder and CEO X"
            i -= 1
            continue
        break
    owner = next((r.of for r in readings if r.of), None)  # "Velmora co-founder and CEO X": both of Velmora
    return [TitleReading(r.title, r.words, r.of or owner) for r in readings]


def appositive(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """A title in apposition after the name: 'Ivo Marek, Tarvia's foreign minister', '..., the foreign
    minister of France', 'X, portfolio manager with Y'."""
    for child in span.root.children:
        if child.dep_ == "appos" and is_title_head(child):
            reading = title_phrase(ctx, child)
            return [reading] if reading else []
    return []


def title_apposition(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """A title in apposition before the name: 'The Catalan President, Artur X,', "Apple's chief
    operating officer, Tim X,"."""
    root = span.root
    if root.dep_ != "appos" or root.head.i > span.start:
        return []
    head = root.head
    # "The Vice President of the Lenn Government, Mira X,": the name hangs from the 'of' name
    if not is_title_head(head) and head.dep_ == "pobj" and head.head.lower_ == "of" and is_title_head(head.head.head):
        head = head.head.head
    if is_title_head(head):
        reading = title_phrase(ctx, head)
        return [reading] if reading else []
    return []


def as_title(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """A post in an 'as' phrase of the clause the person is subject (or object) of: 'X resigned as
    Prime Minister', 'X was sworn in as Tarvia's seventh president', 'named X as chief'."""
    root = span.root
    verb = root.head if root.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    if verb is None:
        return []
    if root.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and ctx.names.get(c) is not None and kind_of(ctx.names.get(c)) == "person"
        for c in verb.children
    ):
        return []  # "the Senate confirmed X as secretary": the post is the person's, not the Senate's
    # the clause itself, or one it governs without a subject of its own ("..., being sworn in as ...")
    clauses = [verb] + [
        c
        for c in verb.children
        if c.dep_ in {"xcomp", "advcl", "conj"} and not any(g.dep_.startswith("nsubj") for g in c.children)
    ]
    for clause in clauses:
        if lemma(clause) not in _AS_VERBS:
            continue
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and is_title_head(pobj):
                        reading = title_phrase(ctx, pobj)
                        return [reading] if reading else []
    return []


def predicate_title(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """A title the clause predicates of the person: 'X is the chairman of Y', 'X became CEO',
    'X was named CEO', 'Y appointed X chief executive'."""
    root = span.root
    verb = root.head
    if root.dep_ == "nsubj" and lemma(verb) in _COPULAS:
        wanted = {"attr", "acomp", "oprd"}
    elif root.dep_ in {"nsubjpass", "dobj"} and lemma(verb) in _NAMING_VERBS:
        wanted = {"oprd", "attr", "xcomp", "ccomp", "dobj"}
    else:
        return []
    for child in verb.children:
        if child.dep_ in wanted and child.i != root.i and is_title_head(child) and ctx.names.get(child) is None:
            reading = title_phrase(ctx, child)
            return [reading] if reading else []
    return []


def shared_title(ctx: RoleContext, span: Span) -> list[TitleReading]:
    """A person joined by 'and' to one with a title shares it: 'Foreign Ministers A and B' (not a company
    listed after them: 'co-founder A, Vantix Holdings and B')."""
    if span.root.dep_ == "conj" and span.root.head.i in ctx.found and kind_of(span) == "person":
        shared = ctx.found[span.root.head.i]
        return [TitleReading(shared.title, (), shared.of)]
    return []


def read_roles(
    doc: Doc,
    names: NameIndex,
    article_id: str,
    sentence_of: dict[int, int],
    rules: Iterable[Rule],
    settings: Settings = DEFAULT,
) -> list[Role]:
    ctx = RoleContext(doc, names)
    rules = active(rules, settings)
    roles: list[Role] = []
    for span in names.spans:
        # a person, or a name the model took for a body or an unknown place ("Jobs was elected chairman")
        if kind_of(span) not in {"person", "organization", "place"}:
            continue
        # every way the text gives this name a title; one reading per title
        readings: list[tuple[TitleReading, Rule]] = []
        for r in rules:
            if r.func is shared_title and readings:
                continue
            for reading in r.func(ctx, span):
                if all(reading.title.casefold() != seen.title.casefold() for seen, _ in readings):
                    readings.append((reading, r))
        if not readings:
            continue
        ctx.found[span.root.i] = readings[0][0]
        sent = sentence_of[span.sent.start]
        for reading, r in readings:
            start = min([w.idx for w in reading.words] or [span.start_char])
            end = max([w.idx + len(w) for w in reading.words] or [span.end_char])
            roles.append(
                Role(
                    person=name_ref(span, sent),
                    title=reading.title,
                    of=reading.of,
                    evidence=Evidence(article_id, sent, start, end, r.id),
                )
            )
    return roles

