"""The lemma of a token, as the word lists of :mod:`graph.lexicon` spell it.

spaCy's rule lemmatizer gives nouns and verbs their base form ("held" ->
"hold", "ministers" -> "minister") but leaves proper nouns as written, and
news capitalizes titles ("Foreign Ministers"), which the tagger then calls
proper nouns. For those, and when a pipeline has no lemmatizer, the plural of
a noun is undone by the regular English endings.

>>> singular("ministries"), singular("talks"), singular("chairmen"), singular("press")
('ministry', 'talk', 'chairman', 'press')
"""

from __future__ import annotations

from spacy.tokens import Token


def singular(word: str) -> str:
    """A noun's singular by the regular endings (lower case in, lower case out)."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


#: Past forms the rule lemmatizer leaves as written or gets wrong, by the word.
_IRREGULAR_PAST = {
    "retook": "retake",
    "retaken": "retake",
    "overran": "overrun",
    "overtook": "overtake",
    "fined": "fine",  # the rule lemmatizer gives "fin"
}


def lemma(token: Token) -> str:
    """The lower-case lemma; for a proper noun (or no lemma at all), the singular of the word.

    >>> from graph.extract.handmade import parse
    >>> lemma(parse("Troops NOUN NNS nsubj 2 troop\\nretook VERB VBD ROOT 0 retook")[1])
    'retake'
    """
    if token.pos_ == "PROPN" or not token.lemma_:
        return singular(token.lower_)
    found = token.lemma_.lower()
    return _IRREGULAR_PAST.get(token.lower_, found) if token.tag_ in {"VBD", "VBN"} else found


def is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}
