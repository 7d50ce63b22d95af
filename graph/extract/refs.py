"""Turn a noun phrase of the parse into references to entities (`Ref`).

A phrase may name entities ("Berg and Dubois"), describe people by their
titles ("the foreign ministers of France and Germany"), point back ("he",
"the two", "both"), or describe a thing ("the disputed islands"). The
references are resolved to entities later, once the whole article (and the
corpus) is known.

>>> normalize_title(["foreign", "ministers"])
'Foreign Minister'
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graph.extract.lemmas import is_plural, lemma
from graph.extract.mentions import kind_of, name_text
from graph.lexicon import (
    FORCE_HEADS,
    HONORIFICS,
    NUMBER_WORDS,
    PERSON_GROUP_HEADS,
    PLACE_OF_NOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    PRONOUNS_THING,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UNTITLED_GROUP_HEADS,
)
from graph.records import Ref

#: Our kinds of what the model calls a GPE: a country, city or region, or a place of no known kind.
_GPE_KINDS = frozenset({"country", "city", "region", "place"})
_PLACE_KINDS = _GPE_KINDS | {"location"}


class NameIndex:
    """Which repaired name span each token belongs to."""

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.by_token: dict[int, Span] = {}
        for span in spans:
            for tok in span:
                self.by_token[tok.i] = span

    def get(self, token: Token) -> Span | None:
        return self.by_token.get(token.i)

    def kind(self, token: Token) -> str | None:
        """Our kind of the name the token stands in, if any."""
        span = self.by_token.get(token.i)
        return kind_of(span) if span is not None else None


def name_ref(span: Span, sentence: int) -> Ref:
    text, end = name_text(span)
    return Ref(
        text=text,
        start=span.start_char,
        end=end,
        kind="name",
        entity_kind=kind_of(span),
        sentence=sentence,
    )


def singular_title_word(word: str) -> str:
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    if word.lower().endswith("s") and not word.lower().endswith("ss"):
        return word[:-1]
    return word


def normalize_title(words: list[str]) -> str:
    """'foreign', 'ministers' -> 'Foreign Minister'."""
    out = [w[:1].upper() + w[1:].lower() if w.islower() or w.istitle() else w for w in words]
    if out:
        out[-1] = singular_title_word(out[-1])
    return " ".join(out)


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens joined to it by 'and'/'or' (recursively). A list the parse hung as an
    apposition whose items are joined ('A, B, C and D' as A [appos B [conj C, D]]) is one list too."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos"
            and child.pos_ == token.pos_ == "PROPN"
            and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in child.children)
        ):
            out.extend(conjuncts(child))
    return out


def _titles(head: Token) -> tuple[str, ...]:
    """Titles a plural person noun names: 'foreign and defense ministers'."""
    mods = [c for c in head.lefts if c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in TITLE_MODIFIERS]
    if not mods:
        return (normalize_title([head.text]),)
    titles = []
    branching = [m for m in mods if any(c.dep_ == "conj" for c in m.children)]
    if branching:
        m = branching[0]
        before = [x.text for x in mods if x.i < m.i]
        after = [x.text for x in mods if x.i > m.i]
        for alt in conjuncts(m):
            titles.append(normalize_title(before + [alt.text] + after + [head.text]))
    else:
        titles.append(normalize_title([m.text for m in mods] + [head.text]))
    return tuple(titles)


def _of_names(head: Token, names: NameIndex) -> tuple[tuple[str, ...], bool, int | None]:
    """Whose people: 'of France and Germany', "France's", 'French and German';
    or, for "their" and "the two countries'", countries the context gives (and how many)."""
    out: list[str] = []
    previous, count = False, None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for tok in conjuncts(pobj):
                    span = names.get(tok)
                    out.append(span.text if span is not None else tok.text)
        elif child.dep_ == "poss":
            span = names.get(child)
            if span is not None:
                out.append(span.text)
            elif child.lower_ in PRONOUNS_PLURAL:
                previous = True
            else:
                found = next((NUMBER_WORDS[c.lower_] for c in child.children if c.lower_ in NUMBER_WORDS), None)
                if found:
                    previous, count = True, found
    for child in head.lefts:  # "French and German ministers"
        if names.kind(child) in {"nationality"} | _GPE_KINDS:
            out.extend(s.text for s in (names.get(t) for t in conjuncts(child)) if s is not None)
    return tuple(dict.fromkeys(out)), previous, count


def refs_for(token: Token, names: NameIndex, sentence: int) -> list[Ref]:
    """References made by the noun phrase headed by `token` (and its conjuncts)."""
    out: list[Ref] = []
    seen: set[int] = set()
    for tok in conjuncts(token):
        if tok.i in seen:
            continue
        seen.add(tok.i)
        named = _named_in_apposition(tok, names)
        if named is not None:  # "US retailer Vantix", "President [Berg and Marek]": the names
            for t in conjuncts(named):
                if names.get(t) is not None and t.i not in seen:
                    seen.add(t.i)
                    out.append(name_ref(names.get(t), sentence))
            continue
        ref = _ref_for_one(tok, names, sentence)
        if ref is None:
            continue
        # "the ministers of France and Germany" parsed as "[the ministers of France] and [Germany]"
        if out and out[0].kind == "group" and out[0].of and ref.kind == "name" and ref.entity_kind in _GPE_KINDS:
            out[0] = replace(out[0], of=out[0].of + (ref.text,))
            continue
        out.append(ref)
    return out


def _named_in_apposition(tok: Token, names: NameIndex) -> Token | None:
    """A common noun or title that is not a name itself, with a name in apposition: that name."""
    if tok.pos_ not in {"NOUN", "PROPN"} or names.get(tok) is not None:
        return None
    direct = next((c for c in tok.children if c.dep_ == "appos" and names.get(c) is not None), None)
    return direct if direct is not None else _named_after_of(tok, names)


def _named_after_of(tok: Token, names: NameIndex) -> Token | None:
    """'the chairman of the Harbour Committee Sir Ian Vale': a person's name closing a singular
    title's of-phrase, right after the body's name (an honorific between), is the title's holder,
    however the parse hangs it; not after 'of' itself, a comma or another title ('the wife of the
    minister Ian Vale')."""
    if tok.pos_ not in {"NOUN", "PROPN"} or lemma(tok) not in TITLE_HEADS or is_plural(tok):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    last = tok.right_edge
    while last.i > of.i and last.is_punct:  # "The Vice President of the X Government, Ana Roig, said"
        last = tok.doc[last.i - 1]
    span = names.get(last)
    if span is None or kind_of(span) != "person" or span.end - 1 != last.i:
        return None
    before = tok.doc[span.start - 1]
    while before.i > of.i and before.lower_.rstrip(".") in HONORIFICS:
        before = tok.doc[before.i - 1]
    if before.text == "," and before.i > of.i + 1:  # set off by commas after a body's name: its holder
        body = names.get(tok.doc[before.i - 1])
        if body is not None and kind_of(body) in {"organization", "country"} and last.i < tok.right_edge.i:
            return span.root
        return None
    if before.i <= of.i or before.is_punct or lemma(before) in TITLE_HEADS:
        return None
    body = names.get(before)
    if body is None and before.pos_ != "NOUN" or body is not None and kind_of(body) == "person":
        return None
    return span.root


def main_subject(tok: Token) -> bool:
    """The token heads the subject of its sentence's main clause (or one joined to it by 'and')."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT"


def _pronoun(tok: Token, sentence: int, count: int | None, text: str | None = None, topical: bool = False) -> Ref:
    """'he' (one person), 'they' (some), 'both' and 'the two' (two): resolved against what came before."""
    return Ref(
        text=text or tok.text,
        start=tok.idx,
        end=tok.idx + len(tok),
        kind="pronoun",
        sentence=sentence,
        count=count,
        topical=topical,
    )


def _topical(tok: Token, names: NameIndex) -> bool:
    """'He said ...', 'But his trip was ...': a pronoun that is or owns the main subject, no name before it."""
    subject = tok.head if tok.dep_ == "poss" else tok
    if not main_subject(subject) or (tok.dep_ == "poss" and subject.head.i == tok.i):
        return False
    return not any(names.get(t) is not None for t in tok.doc[tok.sent.start : tok.i])


def _ref_for_one(tok: Token, names: NameIndex, sentence: int) -> Ref | None:
    span = names.get(tok)
    if span is not None:
        return name_ref(span, sentence)
    low = tok.lower_
    if low in PRONOUNS_PERSON or low in PRONOUNS_PLURAL or low in PRONOUNS_THING and tok.pos_ == "PRON":
        count = 1 if low in PRONOUNS_PERSON | PRONOUNS_THING else None
        return _pronoun(tok, sentence, count, topical=low in PRONOUNS_PERSON and _topical(tok, names))
    if low in NUMBER_WORDS and tok.pos_ in {"NUM", "DET", "PRON"} and not list(tok.children) or low == "both":
        return _pronoun(tok, sentence, NUMBER_WORDS[low])
    if low in NUMBER_WORDS and any(c.lower_ == "the" for c in tok.children):  # "the two"
        return _pronoun(tok, sentence, NUMBER_WORDS[low], text="the " + tok.text)
    phrase = tok.doc[tok.left_edge.i : tok.i + 1]
    lem = lemma(tok)
    if lem in PLACE_OF_NOUNS and tok.pos_ == "NOUN":  # "the city of Kandor": Kandor
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                place = names.get(pobj)
                if place is not None and kind_of(place) in _PLACE_KINDS:
                    return name_ref(place, sentence)
    if tok.pos_ == "NOUN":  # "the Orion capsule", "its Tessa 2 satellite": the product it names
        for child in tok.lefts:
            mod = names.get(child) if child.dep_ in {"compound", "nmod"} else None
            if mod is not None and kind_of(mod) == "product":
                return name_ref(mod, sentence)
    if lem in FORCE_HEADS:  # "Turkish troops", "the French military"
        for child in tok.lefts:
            mod = names.get(child)
            if mod is not None and kind_of(mod) in {"nationality"} | _GPE_KINDS:
                return name_ref(mod, sentence)
        for child in tok.children:
            if child.dep_ == "poss" and names.get(child) is not None:
                return name_ref(names.get(child), sentence)
    if lem in TITLE_HEADS and is_plural(tok) or lem in PERSON_GROUP_HEADS and is_plural(tok):
        count = next(
            (NUMBER_WORDS[c.lower_] for c in tok.children if c.dep_ == "nummod" and c.lower_ in NUMBER_WORDS), None
        )
        titles = _titles(tok) if lem in TITLE_HEADS and lem not in UNTITLED_GROUP_HEADS else ()
        of, of_previous, of_count = _of_names(tok, names)
        if not titles and not count and not (lem == "leader" and of):  # "the leaders of X and Y"
            return None
        return Ref(
            text=phrase.text,
            start=phrase.start_char,
            end=tok.idx + len(tok),
            kind="group",
            titles=titles,
            of=of,
            of_previous=of_previous,
            of_count=of_count,
            count=count,
            head=lem,
            sentence=sentence,
        )
    definite = any(c.lower_ in {"the", "these", "those"} for c in tok.lefts)
    counted = tok.tag_ == "NNS" and any(c.dep_ == "nummod" for c in tok.lefts)  # "four islands"
    if tok.pos_ == "NOUN" and (definite or counted):
        return Ref(
            text=phrase.text,
            start=phrase.start_char,
            end=tok.idx + len(tok),
            kind="nominal",
            head=lem,
            sentence=sentence,
        )
    return None
