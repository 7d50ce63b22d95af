"""The resolution rules, in the order they run, filled here and only here.

Resolution runs on every build from the cached extractions, so changing a
rule here needs no re-parse; the versions still say which behaviour a graph
was made with. ``kg rules`` lists them; ``kg build --without-rule NAME``
switches one off.

>>> [r.name for r in CORPUS_ENTITY_RULES][:3]
['entities.full_name_variants', 'entities.lone_surname', 'entities.initials']
"""

from __future__ import annotations

from graph.resolve import entities, events, refs, stated_date
from graph.rules import rule

#: Passes that join the mentions of one article, run article by article.
ARTICLE_ENTITY_RULES = (
    rule("entities.same_full_name", 1, entities.same_full_name),
    rule("entities.surname_in_article", 2, entities.surname_in_article),
    rule("entities.same_name_in_article", 1, entities.same_name_in_article),
    rule("entities.short_org_in_article", 1, entities.short_org_in_article),
    rule("entities.final_s_in_article", 1, entities.final_s_in_article),
    rule("entities.stated_aliases", 1, entities.stated_aliases),
    rule("entities.title_votes", 1, entities.title_votes),
)

#: Passes that join entities across the articles of the corpus.
CORPUS_ENTITY_RULES = (
    rule("entities.full_name_variants", 1, entities.full_name_variants),
    rule("entities.lone_surname", 1, entities.lone_surname),
    rule("entities.initials", 1, entities.initials),
    rule("entities.lone_names", 1, entities.lone_names),
    rule("entities.same_name", 2, entities.same_name),
    rule("entities.legal_suffixes", 2, entities.legal_suffixes),
    rule("entities.of_inversion", 1, entities.of_inversion),
    rule("entities.same_place", 1, entities.same_place),
    rule("entities.model_codes", 1, entities.model_codes),
    rule("entities.same_flight", 1, entities.same_flight),
    rule("entities.acronyms", 3, entities.acronyms),
    rule("entities.short_org_names", 1, entities.short_org_names),
    rule("entities.demonyms", 1, entities.demonyms),
)

#: What a reference of an event or role stands for; the first rule that reads the reference answers.
REFERENCE_RULES = (
    rule("references.name", 1, refs.name_reference),
    rule("references.pronoun", 3, refs.pronoun_reference),
    rule("references.group", 1, refs.group_reference),
    rule("references.nominal", 4, refs.nominal_reference),
)

#: Passes over the events, in the order resolve_corpus runs them.
EVENT_PASSES = (
    rule("events.capital_speaks_for", 1, events.capital_speaks_for),
    rule("events.post_parties", 1, events.post_parties),
    rule("dates.continuation", 1, events.continue_time),
    rule("dates.narrative_offsets", 1, events.narrative_offsets),
    rule("dates.reporting_day", 2, events.reporting_day),
    rule("dates.stated_article_date", 1, stated_date),
    rule("dates.article_inference", 1, events.infer_article_date),
    rule("events.merge_within_article", 2, events.merge_within_article),
    rule("events.merge_across_articles", 2, events.merge_across_articles),
)

RESOLVE_RULES = ARTICLE_ENTITY_RULES + CORPUS_ENTITY_RULES + REFERENCE_RULES + EVENT_PASSES
