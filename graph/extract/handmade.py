"""Parsed documents written by hand, so that a rule's tests (and examples) do not depend on the
statistical model: the parse is exactly what the test says.

A document is a table, one token a line: the word, its coarse and fine
part-of-speech tags, its dependency label, the 1-based index of its head
(0 for the root of a sentence) and, optionally, its lemma (else the word in
lower case). Names are given as ``(first, last, label)`` token indexes
(1-based, inclusive), as the model's entities would be::

    >>> doc = parse('''
    ...     Anna   PROPN NNP compound 2
    ...     Berg   PROPN NNP nsubj    3
    ...     met    VERB  VBD ROOT     0 meet
    ...     Dubois PROPN NNP dobj     3
    ...     .      PUNCT .   punct    3
    ... ''', ents=[(1, 2, "PERSON"), (4, 4, "PERSON")])
    >>> doc.text, [(e.text, e.label_) for e in doc.ents], doc[2].lemma_, doc[1].head.text
    ('Anna Berg met Dubois.', [('Anna Berg', 'PERSON'), ('Dubois', 'PERSON')], 'meet', 'met')

Tokens are separated by one space, except before punctuation, after an
opening quote or bracket, and around a hyphen ("Min-jun"; write a spaced dash
as "--"). A line of its own is a token "\\n" (SPACE _SP dep head). A new
sentence starts at every token whose head is 0.
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "\u2019s", ")", "'", "\u201d", "n't", "%"}
_NO_SPACE_AFTER = {"(", "\u201c", "$"}


def parse(table: str, ents: Iterable[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from a table of tokens (see the module's docstring) and the names on it."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for n, row in enumerate(rows, start=1):
        if len(row) not in (5, 6):
            raise ValueError(f"line {n}: want WORD POS TAG DEP HEAD [LEMMA], got {row!r}")
        word, p, t, d, h = row[:5]
        words.append(word)
        pos.append(p)
        tags.append(t)
        deps.append(d)
        head = int(h)
        heads.append(n - 1 if head == 0 else head - 1)
        lemmas.append(row[5] if len(row) == 6 else word.lower())
    words = [w.replace("\\n", "\n") for w in words]
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in _NO_SPACE_BEFORE | {"-", "\n"}
        and words[i] not in _NO_SPACE_AFTER | {"-", "\n"}
        for i in range(len(words))
    ]
    iob = ["O"] * len(words)
    for first, last, label in ents:
        iob[first - 1] = f"B-{label}"
        for i in range(first, last):
            iob[i] = f"I-{label}"
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        ents=iob,
    )
