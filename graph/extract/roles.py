"""Roles and titles of people: "Foreign Minister Anna Berg", "French Deputy
Foreign Minister Paul Roux", "Wang Yi, China's foreign minister",
"Foreign Ministers Annalena Baerbock and Wang Yi".

Each way of giving a title is a rule (``graph/extract/registry.py``): a
function of a person's name that returns the title it reads, or None. For
each person named, :func:`read_roles` tries the active rules in order and
keeps the first title found.

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
[('Anna Berg', 'Foreign Minister', 'roles.title_before.v1')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lemmas import lemma
from graph.extract.mentions import kind_of
from graph.extract.refs import NameIndex, name_ref, normalize_title
from graph.lexicon import NOT_PART_OF_TITLE, TITLE_HEADS, TITLE_MODIFIERS
from graph.records import Evidence, Role
from graph.rules import DEFAULT, Rule, Settings, active

_POSSESSIVE = {"'s", "\u2019s"}


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


RoleRule = Callable[[RoleContext, Span], TitleReading | None]


def _is_title_word(tok: Token) -> bool:
    return lemma(tok) in TITLE_HEADS or tok.lower_ in TITLE_MODIFIERS


def _country(span: Span | None) -> str | None:
    if span is None:
        return None
    if kind_of(span) == "nationality":
        return gazetteer.country_of_demonym(span.text) or span.text
    return span.text


def _reading(words: list[Token], of: str | None) -> TitleReading | None:
    words = [w for w in words if w.lower_ not in NOT_PART_OF_TITLE]
    if not words:
        return None
    return TitleReading(normalize_title([w.text for w in words]), tuple(words), of)


def title_before(ctx: RoleContext, span: Span) -> TitleReading | None:
    """Title words right before a name, and the country before them: 'French Deputy Foreign Minister Paul Roux'."""
    doc, names = ctx.doc, ctx.names
    words: list[Token] = []
    i = span.start - 1
    while i >= 0:
        name = names.get(doc[i])
        if (
            name is None
            and _is_title_word(doc[i])
            or (name is not None and kind_of(name) == "organization" and all(_is_title_word(t) for t in name))
        ):
            words.insert(0, doc[i])
            i -= 1
        else:
            break
    if not words or lemma(words[-1]) not in TITLE_HEADS:
        return None
    country = None
    if i >= 0:
        prev = names.get(doc[i])
        if prev is not None and kind_of(prev) in {"nationality", "country", "city", "region", "place"}:
            country = _country(prev)
        elif doc[i].text in _POSSESSIVE and i >= 1 and names.get(doc[i - 1]) is not None:
            country = _country(names.get(doc[i - 1]))
    return _reading(words, country)


def appositive(ctx: RoleContext, span: Span) -> TitleReading | None:
    """A title in apposition: 'Wang Yi, China's foreign minister', '..., the foreign minister of France'."""
    names = ctx.names
    for child in span.root.children:
        if child.dep_ == "appos" and lemma(child) in TITLE_HEADS:
            mods = [c for c in child.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in TITLE_MODIFIERS]
            country = None
            for c in child.children:
                if c.dep_ == "poss" and names.get(c) is not None:
                    country = _country(names.get(c))
                if c.dep_ == "prep" and c.lower_ == "of":
                    for pobj in c.children:
                        if names.get(pobj) is not None:
                            country = _country(names.get(pobj))
                if names.kind(c) == "nationality":
                    country = _country(names.get(c))
            return _reading(mods + [child], country)
    return None


def shared_title(ctx: RoleContext, span: Span) -> TitleReading | None:
    """A person joined by 'and' to one with a title shares it: 'Foreign Ministers A and B'."""
    if span.root.dep_ == "conj" and span.root.head.i in ctx.found:
        shared = ctx.found[span.root.head.i]
        return TitleReading(shared.title, (), shared.of)
    return None


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
        if kind_of(span) != "person":
            continue
        for r in rules:
            reading = r.func(ctx, span)
            if reading is not None:
                break
        else:
            continue
        ctx.found[span.root.i] = reading
        sent = sentence_of[span.sent.start]
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
