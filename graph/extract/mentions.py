"""Names in a parsed article, with the small model's mistakes repaired.

spaCy's small English model splits "Group of 7" (or sees only its number), glues "the Foreign
Ministry's Bellevue" into one name, misses "U.S." in "U.S.-made", calls a title
word an organisation ("Defense" in "Defense Minister Boris Pistorius") and
misses names after titles ("Foreign Ministers Anna Berg and ...").

Each repair is a rule (see ``graph/extract/registry.py``): a function from the
Doc and the name ranges found so far to the new ranges. :func:`find_names`
runs the active ones in order, then keeps the first of overlapping ranges. The
model's labels (OntoNotes: PERSON, GPE, NORP...) stay inside this stage:
:func:`kind_of` maps each name to one of our kinds, which is all that
resolution sees. The final type of an entity is decided later from all its
mentions (see graph.resolve).

>>> from graph.extract.handmade import parse
>>> from graph.extract.registry import MENTION_RULES
>>> doc = parse('''
...     Defense  PROPN NNP compound 2
...     Minister PROPN NNP compound 3
...     Marek    PROPN NNP nsubj    4
...     arrived  VERB  VBD ROOT     0 arrive
...     .        PUNCT .   punct    4
... ''', ents=[(1, 1, "ORG"), (3, 3, "PERSON")])
>>> [(s.text, kind_of(s)) for s in find_names(doc, MENTION_RULES)]
[('Marek', 'person')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graph import gazetteer
from graph.extract.lemmas import lemma
from graph.lexicon import (
    BODY_DESCRIPTORS,
    BUILDING_NAME_WORDS,
    COMPANY_WORDS,
    CRAFT_NOUNS,
    DEMONYM_LANDFORMS,
    DIVISION_NOUNS,
    FACILITY_NOUNS,
    FURNITURE_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    HYPHEN_COMPOUND_HEADS,
    HYPHEN_NAME_PARTICLES,
    INSTITUTION_HEADS,
    LANDFORM_NOUNS,
    NAME_PARTICLES,
    OPERATOR_WORDS,
    PLACE_PREPS,
    RELATION_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from graph.nlp import starts_line
from graph.rules import DEFAULT, Rule, Settings, active

#: A company's legal form, the last word of its full name.
_LEGAL_FORMS = frozenset({"llc", "inc", "ltd", "limited", "corp", "plc", "gmbh", "ag", "sa", "nv", "llp", "lp"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"})

#: The model's labels as our kinds. GPE is refined by the gazetteer (country, city, region).
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
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True, slots=True)
class NameRange:
    """A candidate name: token range, the model's label (or the one a repair gave), the rule that made it."""

    start: int
    end: int
    label: str
    rule: str = ""


MentionRule = Callable[[Doc, list[NameRange]], list[NameRange]]


def is_title_word(token: Token) -> bool:
    low = lemma(token)
    return low in TITLE_HEADS or low in TITLE_MODIFIERS or token.lower_ in TITLE_MODIFIERS


def kind_of(span: Span) -> str:
    """Our kind for one mention, before the votes of the other mentions.

    person, organization, country, city, region, place (a place the gazetteer
    does not know), location, facility, event, product, work, or nationality
    (a demonym: "French").
    """
    label = span.label_
    if label == "GPE":
        return gazetteer.place_kind(span.text, gazetteer.SMALL_TOWN) or "place"
    # a town the model took for a nationality: "the Oskel attack"
    town = gazetteer.place_kind(span.text, gazetteer.SMALL_TOWN) == "city"
    if label == "NORP" and town and not gazetteer.country_of_demonym(span.text):
        return "city"
    # a city the model took for a person: "Kyiv", "Lima"
    if label == "PERSON" and gazetteer.place_kind(span.text) == "city":
        return "city"
    return LABEL_KIND.get(label, "organization")


# -- rules on the model's own names ------------------------------------------------------


def model_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """The model's named entities (people, bodies, places, events, works, nationalities)."""
    return ranges + [NameRange(e.start, e.end, e.label_) for e in doc.ents if e.label_ in NAME_LABELS]


def split_possessive(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name that runs over a possessive is two: 'the Foreign Ministry's Bellevue'."""
    out = []
    for r in ranges:
        cut = next(
            (i for i in range(r.start + 1, r.end - 1) if doc[i].text in _POSSESSIVE and doc[i].tag_ == "POS"), None
        )
        if cut is None:
            out.append(r)
        else:
            out += [replace(r, end=cut), replace(r, start=cut + 1)]
    return out


def trim(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A leading article, quotes and a trailing possessive, punctuation or match score are not part of a
    name, nor an 'of' phrase whose word modifies the noun after it ('the X Committee of Tarvian fishermen')."""
    out = []
    for r in ranges:
        start, end = r.start, r.end
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].text in _QUOTES):
            start += 1
        while end > start and (
            doc[end - 1].text in _POSSESSIVE or doc[end - 1].text in _QUOTES or doc[end - 1].is_punct
        ):
            end -= 1
        end = _before_score(doc, start, end)
        # "the Harbour Committee of Tarvian fishermen": an 'of' phrase whose word modifies the noun after
        # the name belongs to that noun, not to the name
        modified = end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and doc[end - 1].head.i == end
        if end - start >= 3 and doc[end - 2].lower_ == "of" and modified:
            end -= 2
        if r.label == "ORG" and end - start >= 2 and doc[end - 1].lower_ in {"photo", "photos"}:
            end -= 1  # a credit: "KPA Photo", "Tarvopress Photo"
        if start < end:
            out.append(replace(r, start=start, end=end))
    return out


_SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")


def _before_score(doc: Doc, start: int, end: int) -> int:
    """Where a name ends before a match score the model ran into it ('Real Tarvia 2-0')."""
    if end - start >= 2 and _SCORE.match(doc[end - 1].text):
        return end - 1
    if end - start >= 4 and doc[end - 2].text in {"-", "\u2013"} and doc[end - 1].is_digit and doc[end - 3].is_digit:
        return end - 3
    return end


def brackets(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name the model ran across a bracket is two: 'United Nations (UN' -> 'United Nations', 'UN';
    'the Orbiter (Tessa' -> 'Tessa' (one word after 'the', 'a' or 'and' before the bracket is a common noun)."""
    out = []
    for r in ranges:
        cut = next((i for i in range(r.start, r.end) if doc[i].text in {"(", ")", "[", "]"}), None)
        if cut is None:
            out.append(r)
            continue
        before = (r.start, cut)
        inner_end = next((i for i in range(cut + 1, r.end) if doc[i].text in {")", "]"}), r.end)
        inner = (cut + 1, inner_end)
        common = before[1] - before[0] == 1 and before[0] > 0 and doc[before[0] - 1].lower_ in {"the", "a", "and"}
        for start, end in (before, inner) if not common else (inner,):
            if start < end and doc[start].text[:1].isupper():
                out.append(replace(r, start=start, end=end))
    return out


def title_words(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Title words before a title are no name: 'Defense' in 'Defense Minister X'."""
    return [
        r
        for r in ranges
        if not (all(is_title_word(t) for t in doc[r.start : r.end]) and r.end < len(doc) and is_title_word(doc[r.end]))
    ]


def leading_titles(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Titles and honorifics glued to the front of a person are not part of the name:
    'Defense Minister Boris Pistorius', 'Dr Anna Berg', 'Sir Ivo Marek'; a sovereign's title before a
    name the model took for a body's makes it a person's ('King Ivar')."""
    out = []
    for r in ranges:
        start = r.start
        while (
            r.end - start > 1
            and r.label == "PERSON"
            and (is_title_word(doc[start]) or doc[start].lower_ in HONORIFICS or doc[start].text == ".")
        ):
            start += 1
        rest = doc[r.start + 1 : r.end]
        if (
            r.label in {"ORG", "GPE"}
            and doc[r.start].lower_ in _SOVEREIGN_TITLES
            and 1 <= len(rest) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
            and not any(lemma(t) in _NOT_PERSON_WORDS for t in rest)
            and not gazetteer.place_kind(rest.text)
        ):  # "King Ivar", "Sultan Omar" taken for a body: the person, without the title
            out.append(replace(r, start=r.start + 1, label="PERSON"))
            continue
        out.append(replace(r, start=start))
    return out


#: Titles that head a person's name the model may take for a body's ("King Ivar").
_SOVEREIGN_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "pope", "sultan", "emperor", "empress", "sheikh", "emir", "tsar"}
)

_TITLE_PREFIXES = frozenset({"co", "vice", "ex", "deputy"})


def trailing_titles(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A title the model ran into the name of a body or place is not part of it: 'Vantix Co-Founder'
    and 'Orbel CEO' (before a person's name) are Vantix and Orbel."""
    out = []
    for r in ranges:
        end = r.end
        while (
            r.label in {"ORG", "NORP", "FAC"}
            and end - r.start > 1
            and is_title_word(doc[end - 1])
            and lemma(doc[end - 1]) == doc[end - 1].lower_  # singular: not "Stonebridge Capital Advisors"
        ):
            if doc[end - 2].text == "-":  # "Co-Founder", "Vice-Chairman", but not "Saint-Denis"
                if end - r.start < 4 or doc[end - 3].lower_ not in _TITLE_PREFIXES:
                    break
                end -= 2
            end -= 1
        if end > r.start and not all(is_title_word(t) for t in doc[r.start : end]):
            r = replace(r, end=end)
        out.append(r)
    return out


def group_of_number(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name the model ended on 'of' takes the number or name after it: 'Group of' + '20'."""
    out = []
    for r in ranges:
        end = r.end
        if end < len(doc) and doc[end - 1].lower_ == "of" and (doc[end].like_num or doc[end].pos_ == "PROPN"):
            end += 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
        out.append(replace(r, end=end))
    return out


def place_nouns(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A landform or facility noun the name heads makes it a place: 'Farne' + 'islet group',
    'Bellevue' + 'guesthouse'; a name that ends in such a word already is the place without the
    noun ('the Harbour House building': 'Harbour House')."""
    out = []
    for r in ranges:
        start, end, label = r.start, r.end, r.label
        j, kind = end, None
        while (
            j < len(doc)
            and j - end < 2
            and (
                doc[j].is_lower
                and doc[j].pos_ == "NOUN"
                or j == end
                and doc[j].text.istitle()
                and lemma(doc[j]) in LANDFORM_NOUNS
                and doc[j].pos_ in {"NOUN", "PROPN"}
            )
        ):
            low = lemma(doc[j])
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
            # a name that already ends in such a word keeps its words: "the Harbour House building"
            named = lemma(doc[end - 1]) in FACILITY_NOUNS | LANDFORM_NOUNS and doc[end - 1].text.istitle()
            out.append(replace(r, end=end if named else j, label=kind))
        else:
            out.append(r)
    return out


def adjacent_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Two people's names with only a space between them are one long name the model cut in two
    ('Hadi Omar' + 'Tarek')."""
    out: list[NameRange] = []
    for r in sorted(ranges, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == r.label == "PERSON"
            and prev.end == r.start
            and doc[prev.end - 1].whitespace_
            and doc[r.start].text[:1].isupper()
            and not doc[prev.end - 1].is_punct
        ):
            out[-1] = replace(prev, end=r.end)
        else:
            out.append(r)
    return out


def of_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A body's name that goes on with 'of' or 'for' and capitalised words is one name: 'the Tarvo
    Agency' + 'for Rural Development', 'the Lenn Cup' + 'of Champions'."""
    starts = {r.start: r for r in ranges}
    out: list[NameRange] = []
    dropped: set[int] = set()
    for r in sorted(ranges, key=lambda x: x.start):
        if r.start in dropped:
            continue
        end = r.end
        if (
            r.label in {"ORG", "EVENT", "FAC"}
            and end + 1 < len(doc)
            and lemma(doc[end - 1]) in INSTITUTION_HEADS
            and doc[end].lower_ in {"of", "for"}
            and doc[end - 1].whitespace_
        ):
            stop = end + 1
            while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
                stop += 1
            # "the Harbour Committee of Tarvian fishermen": the words modify the noun after them
            if stop < len(doc) and doc[stop].pos_ == "NOUN" and doc[stop].is_lower and doc[stop - 1].head.i == stop:
                stop = end + 1
            inner = [starts[i] for i in range(end + 1, stop) if i in starts]
            # the words after: not a place or a person ('the Bank of Tarvia' is the bank of a place, kept)
            foreign = any(x.label in {"GPE", "PERSON", "NORP"} or x.end > stop for x in inner)
            if stop > end + 1 and not foreign:
                dropped.update(x.start for x in inner)
                end = stop
        out.append(replace(r, end=end))
    return out


def landform_of_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A capitalised landform word, 'of' and a place the model named are one place: 'the Horn of
    Tarvia', 'the Gulf of Tarvia' (the model saw only the place)."""
    taken = _taken(ranges)
    out: list[NameRange] = []
    for r in sorted(ranges, key=lambda x: x.start):
        head = doc[r.start - 2] if r.start >= 2 else None
        if (
            head is not None
            and r.label in {"GPE", "LOC"}
            and doc[r.start - 1].lower_ == "of"
            and head.i not in taken
            and head.text.istitle()
            and head.pos_ in {"PROPN", "NOUN"}
            and lemma(head) in LANDFORM_NOUNS | _LANDFORM_HEADS
        ):
            r = replace(r, start=head.i, label="LOC")
        out.append(r)
    return out


#: Words for a landform that head an 'X of Y' name besides the landform nouns.
_LANDFORM_HEADS = frozenset({"horn", "cape", "isle", "mount", "gulf", "bay", "strait", "sea", "lake"})


def boundary_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Capitalised words after 'the' that end in a word for a boundary or a zone, where the model saw
    no name, are a location: 'the Tarvian Control Line', 'the Buffer Zone'."""
    taken = _taken(ranges)
    out = list(ranges)
    for tok in doc:
        if tok.lower_ not in _BOUNDARY_WORDS or not tok.text.istitle() or tok.i in taken:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text.istitle():
            if start - 1 in taken:
                break
            start -= 1
        if tok.i - start >= 1 and start > 0 and doc[start - 1].lower_ == "the":
            out.append(NameRange(start, tok.i + 1, "LOC"))
    return sorted(out, key=lambda r: r.start)


#: Last words of the name of a boundary or a zone.
_BOUNDARY_WORDS = frozenset({"line", "zone", "corridor", "frontier", "border", "belt", "enclave"})


def division_nouns(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A lower-case word for a division after a place's name is not part of it: 'Lenn province'."""
    out = []
    for r in ranges:
        last = doc[r.end - 1]
        rest = doc[r.start : r.end - 1]
        if (
            r.label in {"GPE", "LOC"}
            and len(rest) >= 1
            and last.is_lower
            and lemma(last) in DIVISION_NOUNS
            and all(t.text[:1].isupper() for t in rest if t.is_alpha)  # not "the united states"
        ):
            r = replace(r, end=r.end - 1)
        out.append(r)
    return out


def landform_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name ending in a landform word ('Baengnyeong Island') is a location, unless the gazetteer knows it;
    so is a nationality word with one after it ('the Tarvian peninsula')."""
    out = []
    taken = {r.start for r in ranges}
    for r in ranges:
        if (
            r.label == "NORP"
            and r.end < len(doc)
            and r.end not in taken
            and doc[r.end].is_lower
            and doc[r.end].pos_ == "NOUN"
            and lemma(doc[r.end]) in DEMONYM_LANDFORMS
        ):
            r = replace(r, end=r.end + 1, label="LOC")
        last = doc[r.end - 1]
        if (
            r.end - r.start >= 2
            and r.label in {"GPE", "PERSON", "ORG", "NORP", "FAC"}
            and last.text.istitle()
            and lemma(last) in LANDFORM_NOUNS
            and not gazetteer.place_kind(doc[r.start : r.end].text)
        ):
            r = replace(r, label="LOC")
        out.append(r)
    return out


def building_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name ending in a word for a building or site ('the Lenn Buildings', 'Kelso Palace') is a
    facility, whatever the model called it, unless the gazetteer knows it as a place."""
    out = []
    for r in ranges:
        last = doc[r.end - 1]
        if (
            r.end - r.start >= 2
            and r.label in {"GPE", "PERSON", "ORG", "NORP", "LOC"}
            and last.text.istitle()
            and last.lower_ in BUILDING_NAME_WORDS
            and not gazetteer.place_kind(doc[r.start : r.end].text)
        ):
            r = replace(r, label="FAC")
        out.append(r)
    return out


def known_countries(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name the gazetteer knows as a country is a country, whatever the model called it."""
    out = []
    for r in ranges:
        if r.label in {"GPE", "LOC", "ORG", "PERSON"} and gazetteer.country_name(doc[r.start : r.end].text):
            r = replace(r, label="GPE")
        out.append(r)
    return out


def _in_landform_phrase(doc: Doc, start: int, end: int) -> bool:
    tok = doc[end - 1]
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "appos" and lemma(tok.head) in LANDFORM_NOUNS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma(tok.head.head) in LANDFORM_NOUNS


def landform_phrases(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Names in 'the island of X', 'the four islands: X, Y and Z' are locations."""
    return [
        replace(r, label="LOC")
        if r.label in {"GPE", "ORG", "PERSON"} and _in_landform_phrase(doc, r.start, r.end)
        else r
        for r in ranges
    ]


def _tight(doc: Doc, i: int) -> bool:
    """Token i is joined to the next without a space."""
    return i < len(doc) - 1 and not doc[i].whitespace_


_NAME_PREFIXES = frozenset({"anti", "pro", "ex", "post", "pre", "non", "neo", "pan", "mid", "un"})


def hyphen_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A person's name runs over the hyphens inside it: 'Moon Jae' + '-in', 'Al-' + 'Tarek'; not into
    an adjective ('Mao-style', 'Paris-based'). Any name runs over a hyphened particle: 'Hizb-ul-Tarvia'."""
    taken = {i for r in ranges for i in range(r.start, r.end)}
    out = []
    for r in ranges:
        start, end = r.start, r.end
        if r.label == "PERSON":
            while (
                end + 1 < len(doc)
                and doc[end].text == "-"
                and _tight(doc, end - 1)
                and _tight(doc, end)
                and doc[end + 1].is_alpha
                and doc[end + 1].lower_ not in HYPHEN_COMPOUND_HEADS
                and not doc[end + 1].lower_.endswith("ed")  # "Hutu-organized"
                and end + 1 not in taken
            ):
                end += 2
            while (
                start >= 2
                and doc[start - 1].text == "-"
                and _tight(doc, start - 2)
                and _tight(doc, start - 1)
                and doc[start - 2].is_alpha
                and doc[start - 2].text[:1].isupper()
                and doc[start - 2].lower_ not in _NAME_PREFIXES  # "Anti-Marek" is no name
                and start - 2 not in taken
            ):
                start -= 2
        label = r.label
        # "Hizb" + "-ul-Tarvo", "Jamaat" + "-e-Lenn": a name joined by a hyphened particle is one
        # name, of an organisation or a place (not a nationality, which is one word)
        while (
            end + 3 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].lower_ in HYPHEN_NAME_PARTICLES
            and doc[end + 2].text == "-"
            and doc[end + 3].is_alpha
            and doc[end + 3].text[:1].isupper()
            and all(_tight(doc, i) for i in range(end - 1, end + 3))
            and not taken.intersection(range(end, end + 4))
        ):
            end += 4
            label = "ORG" if label == "NORP" else label
        out.append(replace(r, start=start, end=end, label=label))
    return out


def hyphen_pairs(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Two people joined by a hyphen before a noun are two names: 'the Trump-Xi dinner'."""
    out = []
    for r in ranges:
        words = doc[r.start : r.end]
        if (
            r.label == "PERSON"
            and len(words) == 3
            and words[1].text == "-"
            and all(t.text[:1].isupper() and len(t) > 1 for t in (words[0], words[2]))
            and words.root.dep_ in {"compound", "nmod", "amod"}
            and words.root.head.pos_ == "NOUN"
        ):
            out += [NameRange(r.start, r.start + 1, "PERSON"), NameRange(r.end - 1, r.end, "PERSON")]
        else:
            out.append(r)
    return out


def lowercase_edges(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Lower-case words, and verbs, at the edges of a person's name are not part of it ('putting Marek',
    'Putting Marek on the spot'), unless they are name particles ('da Silva') or hyphen-joined ('Min-jun')."""
    out = []
    for r in ranges:
        start, end = r.start, r.end
        if r.label == "PERSON":

            def loose(i: int) -> bool:
                tok = doc[i]
                joined = (i > 0 and doc[i - 1].text == "-") or tok.text == "-"
                verb = tok.tag_ in {"VBG", "VBD", "VBN", "VBZ", "VB"} and tok.pos_ == "VERB"
                return (tok.is_lower or verb) and tok.lower_ not in NAME_PARTICLES and not joined

            while end - start > 1 and loose(start):
                start += 1
            while end - start > 1 and loose(end - 1):
                end -= 1
        out.append(replace(r, start=start, end=end))
    return out


_BODY_WORDS = COMPANY_WORDS | INSTITUTION_HEADS
#: Words that make a name a body's or a place's, not a person's ("King X University", "General X Corp.").
_NOT_PERSON_WORDS = _BODY_WORDS | LANDFORM_NOUNS


def _capitals(word: str) -> bool:
    """'PKR', 'UMNO': three to five capitals, an initialism (a person's name is not written so)."""
    return 3 <= len(word) <= 5 and word.isalpha() and word.isupper()


def _cased(sent: Span) -> bool:
    """A sentence in running case (not a headline in capitals: 'TARVO MEETS OSK')."""
    return sum(t.is_lower for t in sent if t.is_alpha) >= 2


def _mixed_acronym(word: str) -> bool:
    """'JeM', 'AfD', 'PoK': short, a capital after a small letter, ending in a capital (not 'DeVos')."""
    return len(word) <= 5 and word[-1].isupper() and any(ch.islower() for ch in word[1:-1]) and word[0].isupper()


def not_person_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """What the model takes for a person but is not one: a name with a number is a product
    ('Tarvsat 2'), story labels are page furniture ('a Dawn Exclusive'), a lone title is no name ('King'), an
    initialism is a body ('AfD', 'PKR'), and so is a name that ends in a company's or institution's
    word ('Tarvo Holdings Limited')."""
    out = []
    for r in ranges:
        words = doc[r.start : r.end]
        if r.label == "PERSON":
            if any(t.lower_ in FURNITURE_WORDS for t in words):
                continue
            if all(is_title_word(t) or t.lower_ in HONORIFICS for t in words):
                continue
            if any(ch.isdigit() for ch in words.text):
                r = replace(r, label="PRODUCT")
            elif len(words) == 1 and (_mixed_acronym(words.text) or (_capitals(words.text) and _cased(words.sent))):
                r = replace(r, label="ORG")  # 'the JeM', 'AfD', 'PKR': an initialism
            elif len(words) >= 2 and words[-1].text.istitle() and words[-1].lower_.rstrip(".") in _BODY_WORDS:
                r = replace(r, label="ORG")  # 'Tarvo Holdings Limited', 'Command Network'

        out.append(r)
    return out


def demonym_compounds(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A nationality word right before a name of a place or body is part of it: 'French' + 'Alps',
    'Indian' + 'Air Force'."""
    by_start = {r.start: r for r in ranges}
    out: list[NameRange] = []
    skip: set[int] = set()
    for r in sorted(ranges, key=lambda x: x.start):
        if r.start in skip:
            continue
        nxt = by_start.get(r.end)
        if (
            r.label == "NORP"
            and nxt is not None
            and nxt.label in {"LOC", "ORG", "FAC", "EVENT"}
            and doc[r.end - 1].whitespace_
            and doc[r.end - 1].head.i in range(nxt.start, nxt.end)
            and not is_title_word(doc[nxt.start])  # "Tarvian King Ivar": a person's title follows
        ):
            out.append(NameRange(r.start, nxt.end, nxt.label))
            skip.add(nxt.start)
        else:
            out.append(r)
    return out


_AMOUNT_WORDS = frozenset({"%", "per", "percent", "million", "billion", "trillion", "thousand", "hundred"})


def names_with_numbers(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name the model cut before its number takes it: 'Ligue' + '1', 'Apollo' + '11', 'Korvan' + 'K310'."""
    taken = _taken(ranges)
    # a model's name of one code token ("A320" as a product of its own) joins the maker's name before it
    codes = {r.start: r for r in ranges if r.end - r.start == 1 and r.label in {"PRODUCT", "ORG"}}
    out = []
    absorbed: set[int] = set()
    for r in ranges:
        if r.start in absorbed:
            continue
        end = r.end
        label = r.label
        nxt = doc[end] if end < len(doc) else None
        code = nxt is not None and nxt.text[:1].isupper() and any(c.isdigit() for c in nxt.text)
        own = end in codes and (code or (nxt.text.isdigit() and codes[end].label == "PRODUCT"))  # "Vantix V310"
        if (
            r.label in {"ORG", "PRODUCT"} or (r.label == "PERSON" and r.end - r.start == 1)
        ) and (
            nxt is not None
            and (end not in taken or own)
            and doc[end - 1].whitespace_ == " "
            and (nxt.like_num and nxt.text.isdigit() or code)
            and (nxt.ent_type_ in {"", "CARDINAL", "PRODUCT"} or own)
            and not (end + 1 < len(doc) and doc[end + 1].lower_ in _AMOUNT_WORDS)
        ):
            if own:
                absorbed.add(end)
                label = "PRODUCT" if r.label == "ORG" else label
            end += 1
        out.append(replace(r, end=end, label=label))
    return [r for r in out if r.start not in absorbed or r.end - r.start > 1]


def group_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A surname before 'family', 'clan', 'brothers' names the group: 'the Gupta family'."""
    out = []
    for r in ranges:
        if (
            r.label == "PERSON"
            and r.end < len(doc)
            and doc[r.end].lower_ in GROUP_NOUNS
            and doc[r.end - 1].head.i == r.end
        ):
            r = replace(r, end=r.end + 1, label="ORG")
        out.append(r)
    return out


# -- rules that find names the model missed ---------------------------------------------


def numbered_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """'Group of 7' when the model tagged only '7' (or only 'Group'): a capitalized noun, 'of', a number."""
    for tok in doc[: max(len(doc) - 2, 0)]:
        of, num = doc[tok.i + 1], doc[tok.i + 2]
        if not (
            tok.pos_ == "PROPN"
            and tok.text.istitle()
            and tok.ent_type_ not in _NOT_NAME_ENTS
            and not is_title_word(tok)
            and of.lower_ == "of"
            and num.like_num
            and num.ent_type_ not in _NOT_NAME_ENTS
        ):
            continue
        start, end = tok.i, tok.i + 3
        # the model's piece of it ("Group" alone) gives way; a name that already holds it stays
        if any(r.start <= start and end <= r.end for r in ranges):
            continue
        ranges = [r for r in ranges if r.end <= start or r.start >= end]
        ranges.append(NameRange(start, end, "ORG"))
    return ranges


def flight_code(tok: Token) -> bool:
    """'9525', '4U', 'MH17', 'AF447': a flight's code (digits, or capitals and digits)."""
    return tok.text.isdigit() or (
        tok.text.isalnum() and any(c.isdigit() for c in tok.text) and tok.text.upper() == tok.text
    )


def flight_numbers(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A flight by its number is one name, an event: 'Vantix Air flight 302', 'Flight TX 9525', with the
    carrier's name before it when there is one; 'the TX9525 flight' names it by its code."""
    out = list(ranges)
    for tok in doc:
        if tok.lower_ != "flight" or tok.i + 1 >= len(doc) or not flight_code(doc[tok.i + 1]):
            continue
        end = tok.i + 2
        if end < len(doc) and flight_code(doc[end]) and doc[end].text.isdigit():  # "TX 9525"
            end += 1
        carrier = next((r for r in out if r.end == tok.i and r.label in {"ORG", "PERSON", "NORP", "GPE"}), None)
        if carrier is None and tok.text != "Flight":
            continue  # "the flight 12 minutes later": no name
        start = carrier.start if carrier is not None else tok.i
        out = [r for r in out if r.end <= start or r.start >= end]
        out.append(NameRange(start, end, "EVENT"))
    for tok in doc:  # "the TX9525 flight": a code of capitals and digits before the word
        code = doc[tok.i - 1] if tok.i > 1 else None
        if tok.lower_ != "flight" or code is None or code.text.isdigit() or not flight_code(code):
            continue
        if doc[code.i - 1].lower_ not in {"the", "a"}:
            continue
        over = [r for r in out if r.start <= code.i < r.end]
        if all(r.start == code.i and r.end == code.i + 1 for r in over):  # the model's product "TX9525"
            out = [r for r in out if r not in over] + [NameRange(code.i, code.i + 1, "EVENT")]
    return sorted(out, key=lambda r: r.start)


def title_then_name(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Proper nouns right after a title are a person: 'Foreign Ministers Anna Berg', 'her counterpart
    Ivo Marek' (a title in lower case only over words the model gave no other name)."""
    # The ranges in order, each alive or not, and by token, so that each title looks only at the
    # ranges on its own words (a long article has thousands of titles and of ranges).
    found = list(ranges)
    alive = [True] * len(found)
    by_token: dict[int, list[int]] = {}
    empty = [k for k, r in enumerate(found) if r.end <= r.start]  # on no token, yet inside a span

    def index(k: int) -> None:
        for t in range(found[k].start, found[k].end):
            by_token.setdefault(t, []).append(k)

    for k in range(len(found)):
        index(k)
    i = 0
    while i < len(doc):
        tok = doc[i]
        relation = lemma(tok) in RELATION_NOUNS and tok.pos_ == "NOUN"
        if (lemma(tok) in TITLE_HEADS or relation) and tok.pos_ in {"NOUN", "PROPN"}:
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not is_title_word(doc[j]):
                j += 1
            start, end = i + 1, j
            on = {k for t in range(start, end) for k in by_token.get(t, ()) if alive[k]}
            on.update(k for k in empty if alive[k] and found[k].end > start and found[k].start < end)
            # a title in lower case ('her counterpart Ivo Marek') only where the model saw no other name
            lower_ok = (tok.text[:1].isupper() and not relation) or all(found[k].label == "PERSON" for k in on)
            bodily = any(
                lemma(t).rstrip(".") in _NOT_PERSON_WORDS or lemma(t).rstrip(".") in _LEGAL_FORMS
                or t.ent_type_ in {"DATE", "TIME"}
                for t in doc[i + 1 : j]
            )  # "General Motors Corp.", "President X Saturday"
            if 2 <= j - (i + 1) <= 3 and lower_ok and not bodily and not gazetteer.country_name(doc[i + 1 : j].text):
                # a longer person name of the model's holds it: "Cho Tae-yul", "Luiz Inacio Lula da Silva"
                if not any(
                    found[k].label == "PERSON" and found[k].start <= start and end <= found[k].end
                    and found[k].end - found[k].start > end - start
                    for k in on
                ):
                    # otherwise a title-anchored name wins over what the model made of those words
                    for k in on:
                        alive[k] = False
                    found.append(NameRange(start, end, "PERSON"))
                    alive.append(True)
                    index(len(found) - 1)
                i = j
                continue
        i += 1
    return [r for r, keep in zip(found, alive, strict=True) if keep]


def _taken(ranges: Iterable[NameRange]) -> set[int]:
    return {i for r in ranges for i in range(r.start, r.end)}


def repeated_surnames(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """The surname of a full name found elsewhere in the article, where the model saw nothing:
    'Scholz' in 'Scholz and Tusk met' after 'Chancellor Olaf Scholz'."""
    taken = _taken(ranges)
    full = [r for r in ranges if r.label == "PERSON" and r.end - r.start >= 2]
    # the last word of a full name, or its first (family name first: "Wen" of "Wen Jiabao")
    surnames = {doc[r.end - 1].text for r in full} | {doc[r.start].text for r in full if doc[r.start].text.istitle()}
    return ranges + [
        NameRange(tok.i, tok.i + 1, "PERSON")
        for tok in doc
        if tok.i not in taken
        and tok.text in surnames
        and tok.pos_ == "PROPN"
        and tok.text.istitle()
        and not is_title_word(tok)
        and not tok.ent_type_
    ]


def repeated_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name the model found in one place of the article, standing alone where it saw nothing:
    'Tarvex entered Lenn ...' after 'Tarvex said ...' (one sense per discourse). The words must be
    the whole run of capitalised proper nouns there, or end where another name begins ('a Tarvex
    Airbus A320'), not part of a longer name."""
    taken = _taken(ranges)
    lower = {t.text for t in doc if t.is_lower}
    known: dict[tuple[str, ...], str] = {}
    for r in ranges:
        words = tuple(t.text for t in doc[r.start : r.end])
        if len(words) == 1 and (words[0].lower() in lower or is_title_word(doc[r.start])):
            continue  # "Embassy", "Riot": a common noun the model took for a name somewhere
        if any(_time_word(t) for t in doc[r.start : r.end]):
            continue  # "Friday" taken for a company
        if r.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and all(w[:1].isupper() for w in words):
            known.setdefault(words, r.label)
    if not known:
        return ranges
    longest = max(len(k) for k in known)

    def capital(i: int) -> bool:  # an article the tagger took for a name ("A Tarvex jet") is not one
        tok = doc[i] if 0 <= i < len(doc) else None
        upper = tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper()
        return upper and tok.lower_ not in {"a", "an", "the"}

    added: list[NameRange] = []
    i = 0
    while i < len(doc):
        if i in taken or not capital(i) or capital(i - 1):
            i += 1
            continue
        end = i
        while capital(end) and end not in taken and end - i < longest:
            end += 1
        label = known.get(tuple(t.text for t in doc[i:end]))
        # before another name it stands on its own: "a Vantix Airbus A320" (the operator's name)
        if label is not None and (not capital(end) or end in taken) and not is_title_word(doc[i]):
            added.append(NameRange(i, end, label))
        i = end if end > i else i + 1
    return ranges + added


_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)


def _time_word(tok: Token) -> bool:
    return tok.ent_type_ in {"DATE", "TIME"} or tok.lower_ in _TIME_WORDS


def described_bodies(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A capitalised name right after a common noun for a body is that body: 'the website Tarvo24',
    'data tracker Osk', 'the radio station Lenn 1'."""
    taken = _taken(ranges)
    added = []
    for tok in doc[:-1]:
        if not (tok.is_lower and tok.pos_ == "NOUN" and lemma(tok) in BODY_DESCRIPTORS):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end not in taken and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
            end += 1
        if end == start or end - start > 3:
            continue
        if end < len(doc) and doc[end].like_num and end not in taken and doc[end].whitespace_ != "":
            end += 1  # "Channel 5"
        if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            continue
        words = doc[start:end]
        if gazetteer.place_kind(words.text) or any(is_title_word(t) or _time_word(t) for t in words):
            continue
        added.append(NameRange(start, end, "ORG"))
        taken.update(range(start, end))
    return ranges + added


def _title_case_line(sent: Span) -> bool:
    """A headline in title case ('Leader Quits: PM Will Stand Down'), where every word looks like a name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def forenames(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A person the article names by surname ('Mrs Osk said'), found with a forename the model did
    not see: 'Mira Osk has announced ...'. The forename is a capitalised proper noun that is no title;
    found in a sentence of running text, then wherever the same two words stand (headlines too)."""
    taken = {i: r for r in ranges for i in range(r.start, r.end)}
    persons = [r for r in ranges if r.label == "PERSON"]
    surnames = {doc[r.end - 1].text for r in persons if doc[r.end - 1].text.istitle()}
    lowercase = {t.text for t in doc if t.is_lower}

    def forename(tok: Token) -> bool:
        return (
            tok.pos_ == "PROPN"
            and tok.is_alpha
            and tok.text.istitle()
            and not is_title_word(tok)
            and tok.lower_ not in HONORIFICS
            and tok.i not in taken
            and tok.ent_type_ in {"", "PERSON"}
            and not tok.is_stop  # "Though Marek's answers ..."
            and tok.lower_ not in lowercase  # a word the article also writes in lower case is no name
        )

    pairs = {
        (doc[i - 1].text, tok.text)
        for i, tok in enumerate(doc)
        if i > 0
        and tok.text in surnames
        and (i not in taken or taken[i].label == "PERSON" and taken[i].start == i)
        and forename(doc[i - 1])
        and not _title_case_line(tok.sent)
    }
    if not pairs:
        return ranges
    out = [r for r in ranges]
    for i, tok in enumerate(doc):
        if i > 0 and (doc[i - 1].text, tok.text) in pairs and forename(doc[i - 1]):
            own = taken.get(i)
            if own is not None and not (own.label == "PERSON" and own.start == i and own.end == i + 1):
                continue
            out = [r for r in out if r is not own]
            out.append(NameRange(i - 1, i + 1, "PERSON"))
    return sorted(out, key=lambda r: r.start)


# "Picture: PA", "PHOTO: REUTERS", "Pics/AFP", "Credit: Mira Osk/EPA", "(AP Photo/Mira Osk)", "(Tarvopress)"
_CREDIT = re.compile(
    r"(?:\b(?P<agency>[A-Z]{2,6}) )?\b(?:Pictures?|Photos?|PHOTOS?|Photograph|Pics|Images?|Credit|CREDIT)\s*[:/]\s*"
    r"(?P<names>[A-Z][\w.'-]*(?:[ /][A-Z][\w.'-]*){0,5})"
)
_PAGE_WORDS = frozenset({"undated", "updated", "file", "archive", "video", "photo", "live", "opinion", "analysis"})
_BYLINE_AGENCY = re.compile(r"(?m)(?:\bBy |\()(?P<name>[A-Z][a-z]+|[A-Z]{2,6})\)?[ \t]*$")
# "(by TNA)" after a caption, wherever it stands in the line
_BY_IN_BRACKETS = re.compile(r"\((?:by|By|photo by|Photo by) (?P<name>[A-Z]{2,6})\)")
# "(Mira Osk, Tarvopress)" ending a caption: the photographer, then the outlet
_CREDIT_PAIR = re.compile(
    r"(?m)\((?P<person>[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}), (?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})\)[ \t]*$"
)


def credits(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Who took a picture and for whom, in its credit line: an agency's short name ('Picture: PA') is a
    body, two or more capitalised words a person ('Credit: Mira Osk/EPA'); a lone name in brackets or
    after 'By' that ends a line is an agency ('(Tarvopress)'), and so is the second of a bracketed pair
    that ends a line, after its photographer ('(Mira Osk, Tarvopress)'); an agency's initials after
    'by' in brackets anywhere ('(by TNA)')."""
    found: list[tuple[int, int, str]] = []
    for m in _CREDIT.finditer(doc.text):
        if m.group("agency"):
            found.append((m.start("agency"), m.end("agency"), "ORG"))
        offset = m.start("names")
        for part in m.group("names").split("/"):
            piece = part.strip().rstrip(".")
            if piece:
                start = doc.text.index(piece, offset)
                label = "PERSON" if len(piece.split()) >= 2 and not piece.isupper() else "ORG"
                found.append((start, start + len(piece), label))
            offset += len(part) + 1
    for m in _CREDIT_PAIR.finditer(doc.text):
        found.append((m.start("person"), m.end("person"), "PERSON"))
        found.append((m.start("outlet"), m.end("outlet"), "ORG"))
    for m in (*_BYLINE_AGENCY.finditer(doc.text), *_BY_IN_BRACKETS.finditer(doc.text)):
        if m.group("name").lower() not in FURNITURE_WORDS | _PAGE_WORDS:
            found.append((m.start("name"), m.end("name"), "ORG"))
    out = list(ranges)
    for start, end, label in found:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span) or any(
            not t.text[:1].isupper() for t in span if t.is_alpha and not (t.i > 0 and doc[t.i - 1].text == "-")
        ):
            continue
        if any(t.ent_type_ in {"DATE", "TIME"} for t in span) or gazetteer.place_kind(span.text):
            continue  # "(Monday)", "(Tarvia)": a day or a place in brackets, no agency
        out = [r for r in out if r.end <= span.start or r.start >= span.end]
        out.append(NameRange(span.start, span.end, label))
    return sorted(out, key=lambda r: r.start)


def dateline_places(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """The place of a dateline, at the start of a line before the agency or a dash: 'NAIROBI (Reuters) -',
    'OSLO:', 'Lisbon/Madrid, Mar 3 :'; read by the gazetteer, in any case."""
    out = list(ranges)
    for tok in doc:
        if not starts_line(doc, tok.i):
            continue
        for size in (3, 2, 1):
            end = tok.i + size
            if end > len(doc):
                continue
            words = doc[tok.i : end]
            if not all(t.is_alpha for t in words) or not all(t.text[:1].isupper() for t in words):
                continue
            follower = doc[end].text if end < len(doc) else ""
            if follower not in {"(", "-", ":", ",", "/", "\u2013", "\u2014"} or not gazetteer.place_kind(words.text):
                continue
            out = [r for r in out if r.end <= tok.i or r.start >= end]
            out.append(NameRange(tok.i, end, "GPE"))
            break
    return out


def listed_places(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A large city the model missed, where a place is expected: after 'in', 'from', 'to', or beside
    another place across a slash ('Lisbon/Madrid')."""
    taken = _taken(ranges)
    places = {i for r in ranges if r.label in {"GPE", "LOC"} for i in range(r.start, r.end)}
    out = list(ranges)
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text.istitle() or len(tok) < 3:
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        after_prep = before is not None and before.lower_ in PLACE_PREPS
        slashed = (before is not None and before.text == "/" and before.i - 1 in places) or (
            after is not None and after.text == "/" and after.i + 1 in places
        )
        cue = after_prep or slashed
        if cue and gazetteer.place_kind(tok.text) == "city":
            out.append(NameRange(tok.i, tok.i + 1, "GPE"))
    return out


def operator_craft(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A force's or carrier's name the model ran into the name of its craft is two names: 'Tarvian Air
    Force Korvan' + 'jets' -> 'Tarvian Air Force' and 'Korvan' (a product)."""
    out = []
    for r in ranges:
        last = doc[r.end - 1]
        after = doc[r.end] if r.end < len(doc) else None
        if (
            r.label == "ORG"
            and r.end - r.start >= 3
            and after is not None
            and lemma(after) in CRAFT_NOUNS
            and last.pos_ == "PROPN"
            and doc[r.end - 2].lower_ in OPERATOR_WORDS
        ):
            out += [replace(r, end=r.end - 1), NameRange(r.end - 1, r.end, "PRODUCT")]
        else:
            out.append(r)
    return out


def legal_form_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Capitalised words ending in a company's legal form are a company's name, where the model saw
    none: 'Tarvo Global Management LLC', 'Orbel Holdings Ltd'."""
    taken = _taken(ranges)
    out = list(ranges)
    for tok in doc:
        if tok.text.rstrip(".").lower() not in _LEGAL_FORMS or tok.i in taken or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            if start - 1 in taken or tok.i - start >= 5:
                break
            start -= 1
        if start < tok.i and not any(i in taken for i in range(start, tok.i)):
            out.append(NameRange(start, tok.i + 1, "ORG"))
            taken.update(range(start, tok.i + 1))
    return sorted(out, key=lambda r: r.start)


def possessed_products(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A model of a maker, after the maker's possessive, is a product the model missed: "Orbel's
    Galaxo S III", "Vantix's uPhone 4S" (capitalised words with a model code among them)."""
    taken = _taken(ranges)
    out = list(ranges)
    for end in sorted({r.end for r in ranges if r.label == "ORG"}):
        if end >= len(doc) or doc[end].tag_ != "POS":
            continue
        start = stop = end + 1
        while stop < len(doc) and stop - start < 4 and stop not in taken and _model_word(doc[stop]):
            stop += 1
        words = doc[start:stop]
        named = len(words) and words[0].is_alpha and not words[0].ent_type_  # a model's name, not "10 percent"
        if named and any(_model_code(t) for t in words) and (stop == len(doc) or doc[stop].pos_ != "PROPN"):
            out.append(NameRange(start, stop, "PRODUCT"))
    return sorted(out, key=lambda r: r.start)


def _model_word(tok: Token) -> bool:
    return tok.pos_ in {"PROPN", "NUM", "NOUN"} and (tok.text[:1].isupper() or _model_code(tok))


def _model_code(tok: Token) -> bool:
    """'4S', 'III', 'X1', '737', 'uPhone' (a capital inside a word)."""
    t = tok.text
    return (
        any(c.isdigit() for c in t)
        or bool(re.fullmatch(r"[IVX]{2,4}", t))
        or (t[:1].islower() and any(c.isupper() for c in t[1:]))
    )


def aged_people(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name with an age in commas after it is a person's: 'Vale, 61, will be replaced' (the model
    took it for a place or a body)."""
    out = []
    for r in ranges:
        if r.label != "PERSON" and r.end + 2 < len(doc) and _aged(doc, r.end):
            r = replace(r, label="PERSON")
        out.append(r)
    return out


def _aged(doc: Doc, i: int) -> bool:
    """', 61,' (or ', 61.') at token i: an age."""
    comma, num, after = doc[i], doc[i + 1], doc[i + 2]
    return (
        comma.text == ","
        and num.text.isdigit()
        and 16 <= int(num.text) <= 110
        and after.text in {",", "."}
        and num.ent_type_ not in {"MONEY", "PERCENT", "QUANTITY"}
    )


def craft_names(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """The name of a craft or mission the model missed, before the noun for it: 'its Tarvsat-2
    probe', 'the Korvan 4 rocket' (a product); or in brackets after it: 'the Rover (Korvan)'."""
    taken = _taken(ranges)
    out = list(ranges)
    for noun in doc:
        if noun.pos_ != "NOUN" or lemma(noun) not in CRAFT_NOUNS or noun.i == 0:
            continue
        end = noun.i
        start = end
        while start > 0 and (
            doc[start - 1].dep_ in {"compound", "nummod"} and doc[start - 1].head.i in range(start, noun.i + 1)
        ) and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].like_num):
            start -= 1
        if start == end or not doc[start].text[:1].isupper() or any(i in taken for i in range(start, end)):
            continue
        if is_title_word(doc[start]):
            continue
        out.append(NameRange(start, end, "PRODUCT"))
    # "the Lander (Korvan) and Rover (Tessa)": the name in brackets after the craft's noun
    for k, r in enumerate(out):
        before, after = r.start - 1, r.end
        if before > 0 and after < len(doc) and doc[before].text == "(" and doc[after].text == ")":
            noun = doc[before - 1]
            if lemma(noun) in CRAFT_NOUNS and r.label in {"ORG", "NORP", "PERSON", "GPE", "PRODUCT"}:
                out[k] = replace(r, label="PRODUCT")
    return sorted(out, key=lambda r: r.start)


def possessed_places(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """A name that a place possesses after a place preposition is a place in it: 'in Kenya's Lamu',
    'near occupied Tarvia's Dalen' (the model missed it, or took it for a product or a work).
    Read by word order, as the parse often hangs such a name on a participle."""
    by_token = {i: r for r in ranges for i in range(r.start, r.end)}
    out = list(ranges)
    for r in ranges:
        if r.label not in {"GPE", "LOC"} or r.end + 1 >= len(doc) or doc[r.end].tag_ != "POS":
            continue
        before = doc[r.start - 1] if r.start > 0 else None
        if before is not None and before.pos_ in {"ADJ", "VERB"} and r.start > 1:  # "in occupied X's"
            before = doc[r.start - 2]
        if before is None or before.lower_ not in PLACE_PREPS:
            continue
        end = r.end + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text.istitle():
            end += 1
        if end == r.end + 1:
            continue
        found = {by_token[i] for i in range(r.end + 1, end) if i in by_token}
        if any(f.label not in _PLACE_RELABEL or f.start <= r.end or f.end > end for f in found):
            continue
        out = [x for x in out if x not in found] + [NameRange(r.end + 1, end, "GPE")]
    return sorted(out, key=lambda x: x.start)


#: The model's labels a possessed place may have been given in its place.
_PLACE_RELABEL = frozenset({"GPE", "LOC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "LAW", "FAC"})


def missed_countries(doc: Doc, ranges: list[NameRange]) -> list[NameRange]:
    """Country names the model missed ('U.S.' in 'U.S.-made')."""
    taken = _taken(ranges)
    return ranges + [
        NameRange(tok.i, tok.i + 1, "GPE")
        for tok in doc
        if tok.i not in taken
        and tok.pos_ in {"PROPN", "NOUN", "ADJ"}
        and tok.text[:1].isupper()
        and len(tok.text) > 1
        and gazetteer.country_name(tok.text)
    ]


# -- running them ------------------------------------------------------------------------------


def find_names(doc: Doc, rules: Iterable[Rule], settings: Settings = DEFAULT) -> list[Span]:
    """The named entities of a Doc, repaired by the active mention rules, as labelled Spans in text order.

    A span's ``kb_id_`` holds the id of the rule that made or last changed it.
    """
    ranges: list[NameRange] = []
    for r in active(rules, settings):
        before = {(x.start, x.end, x.label) for x in ranges}
        ranges = [x if (x.start, x.end, x.label) in before else replace(x, rule=r.id) for x in r.func(doc, ranges)]
    spans: list[Span] = []
    last_end = -1
    for x in sorted(ranges, key=lambda x: (x.start, x.end, x.label)):
        if x.start < last_end:
            continue
        spans.append(Span(doc, x.start, x.end, label=x.label, kb_id=x.rule))
        last_end = x.end
    return spans


def name_text(span: Span) -> tuple[str, int]:
    """The name's text and end offset: a sentence's full stop the tokenizer left on a regnal number
    ('Ivar V.') is not part of it."""
    text = span.text
    if re.fullmatch(r"[IVX]{1,4}\.", span[-1].text) and len(span) > 1:
        return text[:-1], span.end_char - 1
    return text, span.end_char


def person_cue(span: Span) -> bool:
    """An honorific before the name says it is a person's: 'Mrs Berg', 'Dr Marek'."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in {h.rstrip(".") for h in HONORIFICS}


def joined_names(span: Span, by_token: dict[int, Span]) -> tuple[int, ...]:
    """Where the names joined to this one by 'and' or 'or' start: 'Scholz and Macron'."""
    root = span.root
    linked = ([root.head] if root.dep_ == "conj" else []) + [c for c in root.children if c.dep_ == "conj"]
    return tuple(sorted({by_token[t.i].start_char for t in linked if t.i in by_token and by_token[t.i] is not span}))
