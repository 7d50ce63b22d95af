"""The extract stage: from a parsed article (spaCy Doc) to plain records.

spaCy objects stay inside this package; what leaves it is an `Extraction`
made of the frozen records of `graph.records`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.aliases import read_aliases
from graph.extract.events import read_events
from graph.extract.mentions import find_names, kind_of
from graph.extract.refs import NameIndex
from graph.extract.roles import read_roles
from graph.records import Article, Extraction, Mention, Sentence

#: Bump when a change to the extractors changes their output: it keys the cache.
EXTRACTOR_VERSION = "3"


def extract_article(doc: Doc, article: Article, model: str) -> Extraction:
    """Read mentions, roles, events and alias statements from one parsed article."""
    sentences = []
    sentence_of: dict[int, int] = {}
    for index, sent in enumerate(s for s in doc.sents if s.text.strip()):
        sentence_of[sent.start] = index
        sentences.append(Sentence(article.id, index, sent.start_char, sent.end_char, sent.text))
    # blank "sentences" (dropped boilerplate) map to the sentence before them
    last = 0
    for sent in doc.sents:
        if sent.start in sentence_of:
            last = sentence_of[sent.start]
        else:
            sentence_of[sent.start] = last
    spans = find_names(doc)
    names = NameIndex(spans)
    mentions = tuple(
        Mention(article.id, sentence_of[s.sent.start], s.start_char, s.end_char, s.text, s.label_, kind_of(s))
        for s in spans
    )
    return Extraction(
        article=article,
        model=model,
        extractor_version=EXTRACTOR_VERSION,
        sentences=tuple(sentences),
        mentions=mentions,
        roles=tuple(read_roles(doc, names, article.id, sentence_of)),
        events=tuple(read_events(doc, names, article.id, sentence_of)),
        aliases=tuple(read_aliases(doc, names, article.id, sentence_of)),
    )
