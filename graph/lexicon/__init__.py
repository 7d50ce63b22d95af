"""Word lists of English news writing, as data (the ``*.toml`` files beside this module).

The lists are facts about how news is written, not about any corpus: titles
("minister", "deputy"), words that refer back ("he", "the two"), nouns that
make a name a place ("island", "airport"), verbs that only say an event took
place. Nouns and verbs are listed by lemma, so one entry covers every form;
the extract stage compares them with each token's lemma.

Nothing here imports spaCy: the extract and the resolve stages both read it.

>>> "minister" in TITLE_HEADS, "deputy" in TITLE_MODIFIERS
(True, True)
>>> NUMBER_WORDS["both"]
2
>>> words("places", "landform_nouns") == LANDFORM_NOUNS
True
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any

from graph.errors import RegistryError


@functools.cache
def table(topic: str) -> dict[str, Any]:
    """The parsed ``<topic>.toml`` of this package."""
    try:
        text = resources.files(__package__).joinpath(f"{topic}.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        available = sorted(p.name[:-5] for p in resources.files(__package__).iterdir() if p.name.endswith(".toml"))
        raise RegistryError(f"No word list file {topic!r}. Available: {', '.join(available)}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # the message gives the line and column
        raise RegistryError(f"graph/lexicon/{topic}.toml: {exc}") from None


def words(topic: str, name: str) -> frozenset[str]:
    """One word list of ``<topic>.toml`` (top level or under ``[lists]``), lower-cased."""
    data = table(topic)
    found = data.get(name, data.get("lists", {}).get(name))
    if not isinstance(found, list):
        raise RegistryError(f"No word list {name!r} in {topic}.toml")
    return frozenset(w.lower() for w in found)


# -- titles ------------------------------------------------------------------------------
TITLE_HEADS = words("titles", "heads")
TITLE_MODIFIERS = words("titles", "modifiers")
RELATION_NOUNS = words("titles", "relation_nouns")
NOT_PART_OF_TITLE = words("titles", "not_part_of_title")
HONORIFICS = words("titles", "honorifics")
NOT_TITLE_WORDS = words("titles", "not_title_words")
LEADER_TITLES = words("titles", "leader_titles")
PERSON_GROUP_HEADS = words("titles", "person_group_heads")
UNTITLED_GROUP_HEADS = words("titles", "untitled_group_heads")

# -- references ----------------------------------------------------------------------------
PRONOUNS_PERSON = words("references", "person_pronouns")
PRONOUNS_PLURAL = words("references", "plural_pronouns")
PRONOUNS_THING = words("references", "thing_pronouns")
FIRST_PERSON = words("references", "first_person")
NUMBER_WORDS: dict[str, int] = dict(table("references")["numbers"])
FORCE_HEADS = words("references", "force_heads")
COUNTRY_HEADS = words("references", "country_heads")

# -- places ----------------------------------------------------------------------------------
LANDFORM_NOUNS = words("places", "landform_nouns")
DIVISION_NOUNS = words("places", "division_nouns")
PLACE_OF_NOUNS = words("places", "place_of_nouns")
SCENE_NOUNS = words("places", "scene_nouns")
DEMONYM_LANDFORMS = words("places", "demonym_landforms")
FACILITY_NOUNS = words("places", "facility_nouns")
BUILDING_NAME_WORDS = words("places", "building_name_words")
EVENT_NAME_WORDS = words("places", "event_name_words")

# -- names ------------------------------------------------------------------------------------
NAME_PARTICLES = words("names", "name_particles")
HYPHEN_COMPOUND_HEADS = words("names", "hyphen_compound_heads")
HYPHEN_NAME_PARTICLES = words("names", "hyphen_name_particles")
INSTITUTION_HEADS = words("names", "institution_heads")
COMPANY_WORDS = words("names", "company_words")
BODY_DESCRIPTORS = words("names", "body_descriptors")
GROUP_NOUNS = words("names", "group_nouns")
FURNITURE_WORDS = words("names", "furniture_words")
PLACE_PREPS = words("names", "place_preps")
CRAFT_NOUNS = words("names", "craft_nouns")
OPERATOR_WORDS = words("names", "operator_words")

# -- clauses ---------------------------------------------------------------------------------
SUPPORT_VERBS = words("clauses", "support_verbs")
SIMULTANEOUS_MARKS = words("clauses", "simultaneous_marks")
REPETITION_WORDS = words("clauses", "repetition_words")
OCCURRENCE_VERBS = words("clauses", "occurrence_verbs")
PHASE_VERBS = words("clauses", "phase_verbs")
WELCOMING_VERBS = words("clauses", "welcoming_verbs")
VAGUE_TOPICS = words("clauses", "vague_topics")
MILITARY_STRIKE_WORDS = words("clauses", "military_strike_words")
EXPRESSED_OBJECTS = words("clauses", "expressed_objects")
INTERVIEW_NOUNS = words("clauses", "interview_nouns")
TOLL_VERBS = words("clauses", "toll_verbs")
SIGNED_OBJECTS = words("clauses", "signed_objects")
CLAUSAL_STATEMENT_VERBS = words("clauses", "clausal_statement_verbs")
CONTINUATION_OPENERS = tuple(sorted(words("clauses", "continuation_openers")))
OBJECT_ONLY_EVENT_NOUNS = words("clauses", "object_only_event_nouns")
KNOWN_AS_VERBS = words("clauses", "known_as_verbs")
RELATION_EXCLUDED_VERBS = words("clauses", "relation_excluded_verbs")
BELONGING_NOUNS = words("clauses", "belonging_nouns")
NON_PARTY_PREPS = words("clauses", "non_party_preps")
CALLING_VERBS = words("clauses", "calling_verbs")
