"""The extraction rules, in the order they run, filled here and only here.

Each entry gives a function a stable name and a version: bump the version
when a change to the function changes what it reads (the extraction cache is
keyed by the versions of the rules that run). ``kg rules`` lists them;
``kg build --without-rule NAME`` switches one off.

>>> [r.id for r in EVENT_RULES]
['events.support_verb.v5', 'events.verbal.v5', 'statements.verbal.v5', 'events.nominal.v5', 'relations.clause.v2']
"""

from __future__ import annotations

from graph.extract import aliases, events, mentions, quotes, roles, timexpr
from graph.rules import rule

#: Repairs of the model's names, in order: each takes and returns the name ranges.
MENTION_RULES = (
    rule("mentions.model_names", 1, mentions.model_names),
    rule("mentions.split_possessive", 1, mentions.split_possessive),
    rule("mentions.trim", 3, mentions.trim),
    rule("mentions.brackets", 1, mentions.brackets),
    rule("mentions.title_words", 1, mentions.title_words),
    rule("mentions.leading_titles", 3, mentions.leading_titles),
    rule("mentions.trailing_titles", 1, mentions.trailing_titles),
    rule("mentions.lowercase_edges", 2, mentions.lowercase_edges),
    rule("mentions.hyphen_names", 3, mentions.hyphen_names),
    rule("mentions.hyphen_pairs", 1, mentions.hyphen_pairs),
    rule("mentions.adjacent_names", 1, mentions.adjacent_names),
    rule("mentions.of_names", 2, mentions.of_names),
    rule("mentions.landform_of_names", 1, mentions.landform_of_names),
    rule("mentions.boundary_names", 1, mentions.boundary_names),
    rule("mentions.division_nouns", 2, mentions.division_nouns),
    rule("mentions.demonym_compounds", 2, mentions.demonym_compounds),
    rule("mentions.names_with_numbers", 2, mentions.names_with_numbers),
    rule("mentions.not_person_names", 3, mentions.not_person_names),
    rule("mentions.group_names", 1, mentions.group_names),
    rule("mentions.group_of_number", 1, mentions.group_of_number),
    rule("mentions.place_nouns", 2, mentions.place_nouns),
    rule("mentions.landform_names", 2, mentions.landform_names),
    rule("mentions.building_names", 1, mentions.building_names),
    rule("mentions.known_countries", 1, mentions.known_countries),
    rule("mentions.landform_phrases", 1, mentions.landform_phrases),
    rule("mentions.numbered_names", 1, mentions.numbered_names),
    rule("mentions.flight_numbers", 2, mentions.flight_numbers),
    rule("mentions.title_then_name", 3, mentions.title_then_name),
    rule("mentions.repeated_surnames", 2, mentions.repeated_surnames),
    rule("mentions.forenames", 1, mentions.forenames),
    rule("mentions.described_bodies", 2, mentions.described_bodies),
    rule("mentions.repeated_names", 3, mentions.repeated_names),
    rule("mentions.dateline_places", 1, mentions.dateline_places),
    rule("mentions.credits", 4, mentions.credits),
    rule("mentions.listed_places", 1, mentions.listed_places),
    rule("mentions.missed_countries", 1, mentions.missed_countries),
    rule("mentions.possessed_places", 1, mentions.possessed_places),
    rule("mentions.craft_names", 2, mentions.craft_names),
    rule("mentions.operator_craft", 1, mentions.operator_craft),
    rule("mentions.legal_form_names", 1, mentions.legal_form_names),
    rule("mentions.possessed_products", 1, mentions.possessed_products),
    rule("mentions.aged_people", 1, mentions.aged_people),
)

#: Ways a title is given; for each person the first that reads one wins.
ROLE_RULES = (
    rule("roles.title_before", 2, roles.title_before),
    rule("roles.appositive", 2, roles.appositive),
    rule("roles.title_apposition", 1, roles.title_apposition),
    rule("roles.as_title", 2, roles.as_title),
    rule("roles.predicate_title", 1, roles.predicate_title),
    rule("roles.shared_title", 2, roles.shared_title),
)

#: The time expressions events take their dates from (switched off: no event has a time).
TIME_RULES = (rule("times.expressions", 4, timexpr.time_spans),)

#: Who says "I" in a quotation: its speaker, for the event rules' subjects (switched off: "I" is no one).
QUOTE_RULES = (rule("quotes.first_person", 1, quotes.first_person_speakers),)

#: Ways an event is told. The support-verb rule runs before the nominal one: it claims its nouns.
EVENT_RULES = (
    rule("events.support_verb", 5, events.support_verb_events),
    rule("events.verbal", 5, events.verbal_events),
    rule("statements.verbal", 5, events.statements),
    rule("events.nominal", 5, events.nominal_events),
    rule("relations.clause", 2, events.clause_relations),
)

#: Passes over an article's events once all are read; each takes the reader and the events, and returns them.
EVENT_REPAIRS = (
    rule("events.travel_purpose", 1, events.travel_purpose),
    rule("events.dateline_place", 1, events.dateline_place),
    rule("events.scene_place", 1, events.scene_place),
    rule("events.crash_flight", 1, events.crash_flight),
)

#: Ways the text gives a thing another name.
ALIAS_RULES = (
    rule("aliases.known_as", 1, aliases.known_as),
    rule("aliases.called", 1, aliases.called),
    rule("aliases.bracketed", 1, aliases.bracketed),
    rule("aliases.flight_codes", 1, aliases.flight_codes),
)

EXTRACT_RULES = MENTION_RULES + ROLE_RULES + TIME_RULES + QUOTE_RULES + EVENT_RULES + EVENT_REPAIRS + ALIAS_RULES
