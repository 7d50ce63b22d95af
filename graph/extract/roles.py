"""Roles and titles of people: "Foreign Minister Anna Berg", "French Deputy
Foreign Minister Paul Roux", "Wang Yi, China's foreign minister",
"Foreign Ministers Annalena Baerbock and Wang Yi".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lexicon import TITLE_HEADS, TITLE_MODIFIERS
from graph.extract.refs import NameIndex, name_ref, normalize_title
from graph.records import Evidence, Role

_DROP = frozenset({"former", "then", "acting"})
_POSSESSIVE = {"'s", "\u2019s"}


def _country(span: Span | None) -> str | None:
    if span is not None:
        if span.label_ == "NORP":
            return gazetteer.country_of_demonym(span.text) or span.text
        return span.text
    return None


def _title_before(doc: Doc, span: Span, names: NameIndex) -> tuple[list[Token], str | None]:
    """Title words right before a name, and the country that qualifies them."""
    words: list[Token] = []
    i = span.start - 1
    while (
        i >= 0
        and (doc[i].lower_ in TITLE_HEADS or doc[i].lower_ in TITLE_MODIFIERS)
        and names.get(doc[i]) is None
        or (
            i >= 0
            and names.get(doc[i]) is not None
            and names.get(doc[i]).label_ == "ORG"
            and all(t.lower_ in TITLE_MODIFIERS | TITLE_HEADS for t in names.get(doc[i]))
        )
    ):
        words.insert(0, doc[i])
        i -= 1
    if not words or words[-1].lower_ not in TITLE_HEADS:
        return [], None
    country = None
    if i >= 0:
        prev = names.get(doc[i])
        if prev is not None and prev.label_ in {"NORP", "GPE"}:
            country = _country(prev)
        elif doc[i].text in _POSSESSIVE and i >= 1 and names.get(doc[i - 1]) is not None:
            country = _country(names.get(doc[i - 1]))
    return words, country


def _appositive_title(span: Span, names: NameIndex) -> tuple[list[Token], str | None]:
    """'Wang Yi, China's foreign minister' / '..., the foreign minister of France'."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_HEADS:
            mods = [c for c in child.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in TITLE_MODIFIERS]
            country = None
            for c in child.children:
                if c.dep_ == "poss" and names.get(c) is not None:
                    country = _country(names.get(c))
                if c.dep_ == "prep" and c.lower_ == "of":
                    for pobj in c.children:
                        if names.get(pobj) is not None:
                            country = _country(names.get(pobj))
                n = names.get(c)
                if n is not None and n.label_ == "NORP":
                    country = _country(n)
            return mods + [child], country
    return [], None


def read_roles(doc: Doc, names: NameIndex, article_id: str, sentence_of: dict[int, int]) -> list[Role]:
    roles: list[Role] = []
    by_root: dict[int, tuple[str, str | None]] = {}
    for span in names.spans:
        if span.label_ != "PERSON":
            continue
        sent = sentence_of[span.sent.start]
        words, country = _title_before(doc, span, names)
        extractor = "roles.title"
        if not words:
            words, country = _appositive_title(span, names)
            extractor = "roles.appositive"
        if not words and span.root.dep_ == "conj" and span.root.head.i in by_root:
            title, country = by_root[span.root.head.i]  # "Foreign Ministers A and B"
            words_text = title
            extractor = "roles.shared_title"
        else:
            words = [w for w in words if w.lower_ not in _DROP]
            if not words:
                continue
            words_text = normalize_title([w.text for w in words])
        by_root[span.root.i] = (words_text, country)
        start = min([w.idx for w in words] or [span.start_char])
        end = max([w.idx + len(w) for w in words] or [span.end_char])
        roles.append(
            Role(
                person=name_ref(span, sent),
                title=words_text,
                of=country,
                evidence=Evidence(article_id, sent, start, end, extractor),
            )
        )
    return roles
