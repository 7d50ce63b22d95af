"""The extract stage: from a parsed article (spaCy Doc) to plain records.

spaCy objects stay inside this package; what leaves it is an `Extraction`
made of the frozen records of `graph.records`. The rules that read names,
roles, events and alias statements are listed in `graph.extract.registry`.

>>> from graph.extract.handmade import parse
>>> doc = parse('''
...     Anna   PROPN NNP compound 2
...     Berg   PROPN NNP nsubj    3
...     met    VERB  VBD ROOT     0 meet
...     Marek  PROPN NNP dobj     3
...     .      PUNCT .   punct    3
... ''', ents=[(1, 2, "PERSON"), (4, 4, "PERSON")])
>>> ex = extract_article(doc, Article("a1", doc.text), "hand-made")
>>> [(m.text, m.kind) for m in ex.mentions]
[('Anna Berg', 'person'), ('Marek', 'person')]
>>> [(e.kind, [p.text for p in e.participants], e.evidence.extractor) for e in ex.events]
[('meeting', ['Anna Berg', 'Marek'], 'events.verbal.v5')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.aliases import read_aliases
from graph.extract.events import read_events
from graph.extract.mentions import find_names, joined_names, kind_of, name_text, person_cue
from graph.extract.refs import NameIndex, main_subject
from graph.extract.registry import ALIAS_RULES, EVENT_RULES, EXTRACT_RULES, MENTION_RULES, ROLE_RULES
from graph.extract.roles import read_roles
from graph.nlp import SEGMENTATION
from graph.records import Article, Extraction, Mention, Sentence
from graph.rules import DEFAULT, Settings, version_key


def extractor_version(settings: Settings = DEFAULT) -> str:
    """What the extraction depends on besides the article and the model: the rules that run and the kinds."""
    return version_key(EXTRACT_RULES, settings) + "+" + SEGMENTATION


def extract_article(doc: Doc, article: Article, model: str, settings: Settings = DEFAULT) -> Extraction:
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
    spans = find_names(doc, MENTION_RULES, settings)
    names = NameIndex(spans)
    by_token = {t.i: s for s in spans for t in s}
    mentions = tuple(
        Mention(
            article.id,
            sentence_of[s.sent.start],
            s.start_char,
            end,
            text,
            kind_of(s),
            model_label=s.label_,
            rule=s.kb_id_,
            person_cue=person_cue(s),
            joined_with=joined_names(s, by_token),
            subject=main_subject(s.root),
        )
        for s in spans
        for text, end in [name_text(s)]
    )
    return Extraction(
        article=article,
        model=model,
        extractor_version=extractor_version(settings),
        sentences=tuple(sentences),
        mentions=mentions,
        roles=tuple(read_roles(doc, names, article.id, sentence_of, ROLE_RULES, settings)),
        events=tuple(read_events(doc, names, article.id, sentence_of, EVENT_RULES, settings)),
        aliases=tuple(read_aliases(doc, names, article.id, sentence_of, ALIAS_RULES, settings)),
    )


__all__ = ["EXTRACT_RULES", "extract_article", "extractor_version"]
