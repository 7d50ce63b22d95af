"""Names in a parsed article, with the small model's mistakes repaired.

spaCy's small English model splits "Group of 7" (or sees only its number), glues "the Foreign
Ministry's Bellevue" into one name, misses "U.S." in "U.S.-made", calls a title
word an organisation ("Defense" in "Defense Minister Boris Pistorius") and
misses names after titles ("Foreign Ministers Annalena Baerbock and ...").
`find_names` returns the repaired spans; the final type of an entity is
decided later from all its mentions (see graph.resolve).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lexicon import FACILITY_NOUNS, LANDFORM_NOUNS, TITLE_HEADS, TITLE_MODIFIERS

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"})

LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "location",
    "FAC": "facility",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "work",
    "NORP": "nationality",
}

_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_QUOTES = set("\"'\u201c\u201d\u2018\u2019")


def is_title_word(token: Token) -> bool:
    low = token.lower_
    return low in TITLE_HEADS or low in TITLE_MODIFIERS


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, quotes and a trailing possessive from a token range."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].text in _QUOTES):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].text in _QUOTES or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _split_possessive(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """'the Foreign Ministry's Bellevue' -> 'Foreign Ministry', 'Bellevue'."""
    for i in range(start + 1, end - 1):
        if doc[i].text in _POSSESSIVE and doc[i].tag_ == "POS":
            return [(start, i), (i + 1, end)]
    return [(start, end)]


def _label_for(doc: Doc, start: int, end: int, label: str) -> str:
    text = doc[start:end].text
    if label in {"GPE", "LOC", "ORG", "PERSON"} and gazetteer.country_name(text):
        return "GPE"
    return label


def _extend(doc: Doc, start: int, end: int, label: str) -> tuple[int, int, str]:
    """Grow a name over words that belong to it: 'Group of' + '7', 'Farne' + 'islet group'."""
    # "Group of" + "20"
    if end < len(doc) and doc[end - 1].lower_ == "of" and (doc[end].like_num or doc[end].pos_ == "PROPN"):
        end += 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
    # "Farne" + "islet group", "Bellevue" + "guesthouse", "Pag-asa" + "Island" (split by the model)
    j, kind = end, None
    while (
        j < len(doc)
        and j - end < 2
        and (
            doc[j].is_lower
            and doc[j].pos_ == "NOUN"
            or j == end
            and doc[j].text.istitle()
            and doc[j].lower_ in LANDFORM_NOUNS
            and doc[j].pos_ in {"NOUN", "PROPN"}
        )
    ):
        low = doc[j].lower_
        if low in LANDFORM_NOUNS or (kind == "LOC" and low == "group"):
            kind = "LOC"
        elif low in FACILITY_NOUNS and label not in {"PERSON"}:
            kind = kind or "FAC"
        else:
            break
        j += 1
    # a nationality word the model gave an unknown name ("Dokdo" in "the Dokdo islets") may head a place too
    labels = {"ORG", "GPE", "LOC", "FAC", "PERSON"}
    if kind == "LOC" and label == "NORP" and not gazetteer.country_of_demonym(doc[start:end].text):
        labels = labels | {"NORP"}
    # only when the noun heads the phrase the name modifies
    if kind and label in labels and doc[end - 1].pos_ == "PROPN" and doc[end - 1].head.i in range(end, j):
        return start, j, kind
    return start, end, _landform_label(doc, start, end, label)


def _landform_label(doc: Doc, start: int, end: int, label: str) -> str:
    """A name ending in a landform word ('Baengnyeong Island', 'Itu Aba Island') is a location,
    whatever the model called it, unless the gazetteer knows it as a country, city or region."""
    last = doc[end - 1]
    if (
        end - start >= 2
        and label in {"GPE", "PERSON", "ORG", "NORP", "FAC"}
        and last.text.istitle()
        and last.lower_ in LANDFORM_NOUNS
        and not gazetteer.place_kind(doc[start:end].text)
    ):
        return "LOC"
    return label


def _title_then_name(doc: Doc) -> list[tuple[int, int, str]]:
    """Proper nouns right after a title are a person: 'Foreign Ministers Annalena Baerbock'."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.lower_ in TITLE_HEADS and tok.text[:1].isupper():
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not is_title_word(doc[j]):
                j += 1
            if 2 <= j - (i + 1) <= 3 and not gazetteer.country_name(doc[i + 1 : j].text):
                out.append((i + 1, j, "PERSON"))
                i = j
                continue
        i += 1
    return out


_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _numbered_names(doc: Doc) -> list[tuple[int, int, str]]:
    """'Group of 7' when the model tagged only '7' (or only 'Group'): a capitalized noun, 'of', a number."""
    out = []
    for tok in doc[: len(doc) - 2]:
        of, num = doc[tok.i + 1], doc[tok.i + 2]
        if (
            tok.pos_ == "PROPN"
            and tok.text.istitle()
            and tok.ent_type_ not in _NOT_NAME_ENTS
            and not is_title_word(tok)
            and of.lower_ == "of"
            and num.like_num
            and num.ent_type_ not in _NOT_NAME_ENTS
        ):
            out.append((tok.i, tok.i + 3, "ORG"))
    return out


def _repeated_surnames(doc: Doc, ranges: list[tuple[int, int, str]], taken: set[int]) -> list[tuple[int, int, str]]:
    """The surname of a full name found elsewhere in the article, where the model saw nothing:
    'Scholz' in 'Scholz and Tusk met' after 'Chancellor Olaf Scholz'."""
    surnames = {doc[e - 1].text for s, e, label in ranges if label == "PERSON" and e - s >= 2}
    return [
        (tok.i, tok.i + 1, "PERSON")
        for tok in doc
        if tok.i not in taken
        and tok.text in surnames
        and tok.pos_ == "PROPN"
        and tok.text.istitle()
        and not is_title_word(tok)
        and not tok.ent_type_
    ]


def _countries(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Country names the model missed ('U.S.' in 'U.S.-made')."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ not in {"PROPN", "NOUN", "ADJ"} or not tok.text[:1].isupper():
            continue
        if gazetteer.country_name(tok.text) and len(tok.text) > 1:
            out.append((tok.i, tok.i + 1, "GPE"))
    return out


def _in_landform_phrase(doc: Doc, start: int, end: int) -> bool:
    """'the island of X', 'the four islands: X, Y and Z', 'the islands of X, Y and Z'."""
    tok = doc[end - 1]
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.lower_ in LANDFORM_NOUNS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in LANDFORM_NOUNS


def find_names(doc: Doc) -> list[Span]:
    """The named entities of a Doc, repaired, as labelled Spans in text order."""
    ranges: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for start, end in _split_possessive(doc, ent.start, ent.end):
            start, end = _trim(doc, start, end)
            if start >= end:
                continue
            # A title word tagged as a name ("Defense" in "Defense Minister X") is not one.
            if all(is_title_word(t) for t in doc[start:end]) and end < len(doc) and is_title_word(doc[end]):
                continue
            # Titles glued to the front of a person: "Defense Minister Boris Pistorius".
            while end - start > 1 and ent.label_ == "PERSON" and is_title_word(doc[start]):
                start += 1
            start, end, label = _extend(doc, start, end, ent.label_)
            label = _label_for(doc, start, end, label)
            if label in {"GPE", "ORG", "PERSON"} and _in_landform_phrase(doc, start, end):
                label = "LOC"
            ranges.append((start, end, label))
    for start, end, label in _numbered_names(doc):
        # the model's piece of it ("Group" alone) gives way; a name that already holds it stays
        if any(s <= start and end <= e for s, e, _ in ranges):
            continue
        ranges = [r for r in ranges if r[1] <= start or r[0] >= end]
        ranges.append((start, end, label))
    for start, end, label in _title_then_name(doc):
        # a longer person name of the model's holds it: "Cho Tae-yul", "Luiz Inacio Lula da Silva"
        if any(lab == "PERSON" and s <= start and end <= e and e - s > end - start for s, e, lab in ranges):
            continue
        # otherwise a title-anchored name wins over what the model made of those words
        ranges = [r for r in ranges if r[1] <= start or r[0] >= end]
        ranges.append((start, end, label))
    taken = {i for s, e, _ in ranges for i in range(s, e)}
    ranges += _repeated_surnames(doc, ranges, taken)
    taken = {i for s, e, _ in ranges for i in range(s, e)}
    ranges += _countries(doc, taken)
    ranges.sort()
    spans: list[Span] = []
    last_end = -1
    for start, end, label in ranges:
        if start < last_end:
            continue
        spans.append(Span(doc, start, end, label=label))
        last_end = end
    return spans


def kind_of(span: Span) -> str:
    """Our entity type for one mention, before the votes of the other mentions."""
    label = span.label_
    if label == "GPE":
        return gazetteer.place_kind(span.text) or "place"
    # a city the model took for a person: "Kyiv", "Buenos Aires"
    if label == "PERSON" and gazetteer.place_kind(span.text) == "city":
        return "city"
    return LABEL_KIND.get(label, "organization")
