"""Other names the text gives a thing: "known as the Falklands in
Britain and the Malvinas in Argentina", "Gdansk, called Danzig in German",
"which Seoul calls ...", "Buenos Aires calls the islands ...".

>>> from graph.extract import extract_article
>>> from graph.extract.handmade import parse
>>> from graph.records import Article
>>> doc = parse('''
...     Lumo   PROPN NNP nsubj 5
...     ,      PUNCT ,   punct 1
...     called VERB  VBN acl   1 call
...     Lumora PROPN NNP oprd  3
...     is     AUX   VBZ ROOT  0 be
...     small  ADJ   JJ  acomp 5
...     .      PUNCT .   punct 5
... ''', ents=[(1, 1, "GPE"), (4, 4, "GPE")])
>>> [([n.text for n in a.names], a.antecedent.text) for a in extract_article(doc, Article("a1", doc.text), "-").aliases]
[(['Lumora'], 'Lumo')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from graph.extract.lemmas import lemma
from graph.extract.refs import NameIndex, conjuncts, name_ref
from graph.lexicon import CALLING_VERBS, KNOWN_AS_VERBS
from graph.records import AliasStatement, Evidence, Ref
from graph.rules import DEFAULT, Rule, Settings, active


class AliasReader:
    def __init__(self, doc: Doc, names: NameIndex, article_id: str, sentence_of: dict[int, int]):
        self.doc, self.names, self.article_id, self.sentence_of = doc, names, article_id, sentence_of

    def _sent(self, tok: Token) -> int:
        return self.sentence_of[tok.sent.start]

    def _name(self, tok: Token) -> Ref | None:
        """The name a token stands in, or the proper-noun phrase it heads."""
        span = self.names.get(tok)
        if span is not None:
            return name_ref(span, self._sent(tok))
        if tok.pos_ != "PROPN":
            return None
        start = tok.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].dep_ == "compound":
            start -= 1
        phrase = self.doc[start : tok.i + 1]
        return Ref(
            text=phrase.text,
            start=phrase.start_char,
            end=phrase.end_char,
            kind="name",
            entity_kind="location",
            sentence=self._sent(tok),
        )

    def _names(self, tok: Token) -> list[Ref]:
        return [r for r in (self._name(t) for t in conjuncts(tok)) if r is not None]

    def _names_after_where(self, tok: Token) -> list[Ref]:
        """'A in X and B in Y' parsed as 'A in [X and B] in Y': B, the conjunct that has its own 'in Y'."""
        out: list[Ref] = []
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "by"}):
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                for other in conjuncts(place)[1:]:
                    if any(c.dep_ == "prep" and c.lower_ in {"in", "by"} for c in other.children):
                        name = self._name(other)
                        if name is not None:
                            out.append(name)
        return out

    def _thing(self, tok: Token) -> Ref | None:
        """The noun phrase named: a name, 'the islands', or 'they' (the subject before)."""
        name = self._name(tok)
        if name is not None:
            return name
        if tok.lower_ in {"they", "it"}:
            prev = self._previous_subject(tok)
            return prev
        if tok.pos_ in {"NOUN"}:
            phrase = self.doc[tok.left_edge.i : tok.i + 1]
            return Ref(
                text=phrase.text,
                start=phrase.start_char,
                end=tok.idx + len(tok),
                kind="nominal",
                head=lemma(tok),
                sentence=self._sent(tok),
            )
        return None

    def _previous_subject(self, tok: Token) -> Ref | None:
        sent = tok.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        for t in prev:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}:
                return self._thing(t)
        return None

    def _before_comma(self, tok: Token) -> Token | None:
        i = tok.i - 1
        if i >= 1 and self.doc[i].text == ",":
            return self.doc[i - 1]
        return None

    def statement(self, tok: Token, names: list[Ref], thing: Ref | None) -> list[AliasStatement]:
        if not names or thing is None:
            return []
        evidence = Evidence(self.article_id, self._sent(tok), tok.idx, tok.idx + len(tok), "")
        return [AliasStatement(names=tuple(names), antecedent=thing, evidence=evidence)]

    def known_as(self, tok: Token) -> list[AliasStatement]:
        names: list[Ref] = []
        thing: Ref | None = None
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                names += self._names(pobj)
                names += self._names_after_where(pobj)
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            thing = self._thing(subj)
        elif tok.dep_ in {"acl", "advcl"}:
            before = self._before_comma(tok)
            thing = self._thing(before if before is not None else tok.head)
        return self.statement(tok, names, thing)

    def called(self, tok: Token) -> list[AliasStatement]:
        names: list[Ref] = []
        thing: Ref | None = None
        oprd = [c for c in tok.children if c.dep_ in {"oprd", "attr", "xcomp"}]
        dobj = [c for c in tok.children if c.dep_ == "dobj"]
        # the parse may make the name the object: "Called the Falklands in Britain, ..."
        named = oprd or [
            d
            for d in dobj
            if tok.dep_ != "relcl" and self._name(d) is not None and not any(c.dep_ == "appos" for c in d.children)
        ]
        if named:  # "..., called A and B" / "Called A, the islands ..."
            names = [r for o in named for r in self._names(o)]
            first = next((t for t in tok.sent if not t.is_space), tok)
            if tok.i == first.i and tok.dep_ in {"advcl", "ROOT"}:
                subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                thing = self._thing(subj) if subj is not None else None
            elif oprd and tok.dep_ == "relcl":  # "the Sea of Japan, which Seoul calls the East Sea"
                thing = self._thing(tok.head)
            elif oprd and dobj and dobj[0].lower_ not in {"which", "that", "what"}:
                thing = self._thing(dobj[0])  # "Argentina calls the islands the Malvinas"
            else:
                before = self._before_comma(tok)
                thing = self._thing(before) if before is not None else None
        elif dobj:
            d = dobj[0]
            appos = [c for c in d.children if c.dep_ == "appos"]
            if appos:  # "Argentina calls the islands the Malvinas"
                names = [r for a in appos for r in self._names(a)]
                thing = self._thing(d)
            elif tok.dep_ == "relcl" and self._name(d) is not None:  # "which Seoul calls A"
                names = self._names(d)
                thing = self._thing(tok.head)
        return self.statement(tok, names, thing)


def _abbreviates(short: str, long: str) -> bool:
    """'CoT' / 'Council of Tarvia', 'UTF' / 'United Tarvian Front', 'G-30' / 'Group of 30': the short form's
    letters start the long form and follow its words' initials in order (a word may be skipped)."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = [w for w in long.replace("-", " ").split() if w[:1].isalnum()]
    if not 2 <= len(letters) <= 8 or len(words) < 2 or not short[:1].isupper() or short.lower() == short:
        return False
    if letters[0] != words[0][0].lower():
        return False
    i = 0
    for w in words:
        if i < len(letters) and w.isdigit() and "".join(letters[i : i + len(w)]) == w:
            i += len(w)
        elif i < len(letters) and w[0].lower() == letters[i]:
            i += 1
    return i == len(letters)


def bracketed(reader: AliasReader) -> list[AliasStatement]:
    """'the Council of Tarvia (CoT)': a name followed by its abbreviation in brackets."""
    out: list[AliasStatement] = []
    doc = reader.doc
    for span in reader.names.spans:
        after = span.end
        if after + 2 >= len(doc) or doc[after].text != "(":
            continue
        inner = reader.names.get(doc[after + 1])
        if inner is None or inner.start != after + 1 or inner.end >= len(doc) or doc[inner.end].text != ")":
            continue
        if _abbreviates(inner.text, span.text):
            sent = reader._sent(span.root)
            out += reader.statement(doc[after + 1], [name_ref(inner, sent)], name_ref(span, sent))
    return out


def flight_codes(reader: AliasReader) -> list[AliasStatement]:
    """'Vantix Air flight 4V 302': the flight's code alone ('4V 302') is its name too."""
    out: list[AliasStatement] = []
    doc = reader.doc
    for span in reader.names.spans:
        if span.label_ != "EVENT":
            continue
        words = [t.lower_ for t in span]
        if "flight" not in words:
            continue
        code = span[words.index("flight") + 1 :]
        if not len(code) or not any(c.isdigit() for c in code.text) or code.start == span.start:
            continue
        sent = reader._sent(span.root)
        ref = Ref(code.text, code.start_char, code.end_char, "name", entity_kind="event", sentence=sent)
        out += reader.statement(doc[code.start], [ref], name_ref(span, sent))
    return out


def known_as(reader: AliasReader) -> list[AliasStatement]:
    """'known as A in X and B in Y', 'the islands, referred to as A': the thing has those names."""
    return [a for tok in reader.doc if tok.lower_ in KNOWN_AS_VERBS for a in reader.known_as(tok)]


def called(reader: AliasReader) -> list[AliasStatement]:
    """'Gdansk, called Danzig in German', 'which Seoul calls the East Sea', 'X calls the islands A'."""
    return [a for tok in reader.doc if tok.lower_ in CALLING_VERBS for a in reader.called(tok)]


def read_aliases(
    doc: Doc,
    names: NameIndex,
    article_id: str,
    sentence_of: dict[int, int],
    rules: Iterable[Rule],
    settings: Settings = DEFAULT,
) -> list[AliasStatement]:
    """The alias statements of one article, in text order; each names its rule."""
    reader = AliasReader(doc, names, article_id, sentence_of)
    out = [
        replace(a, evidence=replace(a.evidence, extractor=r.id))
        for r in active(rules, settings)
        for a in r.func(reader)
    ]
    out.sort(key=lambda a: a.evidence.start)
    return out


__all__ = ["AliasReader", "read_aliases"]
