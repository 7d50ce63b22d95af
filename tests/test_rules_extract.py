"""One test per extraction rule, on parses written by hand (graph/extract/handmade.py), so
that no rule test depends on the statistical model.

Each test runs the extract stage twice, with the rule and without it
(``Settings(without_rules=...)``), and asserts both outputs: what the rule adds
or repairs, and what the text gives without it. The entities given to a parse
are what the small model makes of such a sentence, mistakes included.
"""

from __future__ import annotations

import pytest

from graph.extract import extract_article
from graph.extract.handmade import parse
from graph.records import Article, Extraction
from graph.rules import Settings


def extract(doc, *without: str) -> Extraction:
    return extract_article(doc, Article("t1", doc.text), "hand-made", Settings(without_rules=frozenset(without)))


def names(doc, *without: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in extract(doc, *without).mentions]


def roles(doc, *without: str) -> list[tuple[str, str, str | None, str]]:
    return [(r.person.text, r.title, r.of, r.evidence.extractor) for r in extract(doc, *without).roles]


def events(doc, *without: str) -> list[tuple[str, tuple[str, ...], str | None, str]]:
    return [
        (e.kind, tuple(p.text for p in e.participants), e.place.text if e.place else None, e.evidence.extractor)
        for e in extract(doc, *without).events
    ]


BERG_MET_ROUX = """
    Anna   PROPN NNP compound 2
    Berg   PROPN NNP nsubj    3
    met    VERB  VBD ROOT     0 meet
    Paul   PROPN NNP compound 5
    Roux   PROPN NNP dobj     3
    in     ADP   IN  prep     3
    Lisbon PROPN NNP pobj     6
    .      PUNCT .   punct    3
"""

MINISTRY_GUESTHOUSE = """
    They       PRON  PRP nsubj    2
    toured     VERB  VBD ROOT     0 tour
    the        DET   DT  det      5
    Foreign    PROPN NNP compound 5
    Ministry   PROPN NNP poss     8
    's         PART  POS case     5
    Borsig     PROPN NNP compound 8
    guesthouse NOUN  NN  dobj     2
    .          PUNCT .   punct    2
"""

TITLE_AND_NAME = """
    Foreign  PROPN NNP compound 2
    Minister PROPN NNP compound 4
    Anna     PROPN NNP compound 4
    Berg     PROPN NNP nsubj    5
    arrived  VERB  VBD ROOT     0 arrive
    .        PUNCT .   punct    5
"""


# -- mention rules --------------------------------------------------------------------------


@pytest.mark.rule("mentions.model_names")
def test_model_names_are_the_starting_names():
    doc = parse(BERG_MET_ROUX, ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (7, 7, "GPE")])
    assert names(doc) == [("Anna Berg", "person"), ("Paul Roux", "person"), ("Lisbon", "city")]
    # without them only the large city after "in" is found (mentions.listed_places)
    assert names(doc, "mentions.model_names") == [("Lisbon", "city")]


@pytest.mark.rule("mentions.split_possessive")
def test_a_name_over_a_possessive_is_split():
    doc = parse(MINISTRY_GUESTHOUSE, ents=[(3, 7, "ORG")])  # "the Foreign Ministry's Borsig"
    assert names(doc) == [("Foreign Ministry", "organization"), ("Borsig guesthouse", "facility")]
    assert names(doc, "mentions.split_possessive") == [("Foreign Ministry's Borsig guesthouse", "facility")]


@pytest.mark.rule("mentions.trim")
def test_leading_article_and_trailing_possessive_are_trimmed():
    doc = parse(MINISTRY_GUESTHOUSE, ents=[(3, 6, "ORG")])  # "the Foreign Ministry's"
    assert names(doc) == [("Foreign Ministry", "organization")]
    assert names(doc, "mentions.trim") == [("the Foreign Ministry's", "organization")]


DEFENSE_MINISTER = """
    Defense  PROPN NNP compound 2
    Minister PROPN NNP compound 3
    Marek    PROPN NNP nsubj    4
    arrived  VERB  VBD ROOT     0 arrive
    .        PUNCT .   punct    4
"""


@pytest.mark.rule("mentions.title_words")
def test_a_title_word_before_a_title_is_no_name():
    doc = parse(DEFENSE_MINISTER, ents=[(1, 1, "ORG"), (3, 3, "PERSON")])
    assert names(doc) == [("Marek", "person")]
    assert names(doc, "mentions.title_words") == [("Defense", "organization"), ("Marek", "person")]


@pytest.mark.rule("mentions.leading_titles")
def test_titles_glued_to_a_person_are_cut_off():
    doc = parse(DEFENSE_MINISTER, ents=[(1, 3, "PERSON")])
    assert names(doc) == [("Marek", "person")]
    assert names(doc, "mentions.leading_titles") == [("Defense Minister Marek", "person")]


@pytest.mark.rule("mentions.trailing_titles")
def test_a_title_run_into_the_name_of_a_company_is_cut_off():
    doc = parse(
        """
        Velmora  PROPN NNP compound 4
        Co       PROPN NNP compound 4
        -        PUNCT HYPH punct   4
        Founder  PROPN NNP compound 6
        Anna     PROPN NNP compound 6
        Berg     PROPN NNP nsubj    7
        resigned VERB  VBD ROOT     0 resign
        .        PUNCT .   punct    7
        """,
        ents=[(1, 4, "ORG"), (5, 6, "PERSON")],
    )
    assert names(doc) == [("Velmora", "organization"), ("Anna Berg", "person")]
    assert names(doc, "mentions.trailing_titles") == [("Velmora Co-Founder", "organization"), ("Anna Berg", "person")]


@pytest.mark.rule("mentions.group_of_number")
def test_a_name_ending_on_of_takes_the_name_after_it():
    doc = parse(
        """
        Envoys  NOUN  NNS nsubj 7 envoy
        of      ADP   IN  prep  1
        the     DET   DT  det   4
        Friends NOUN  NNS pobj  2 friend
        of      ADP   IN  prep  4
        Tarvia  PROPN NNP pobj  5
        met     VERB  VBD ROOT  0 meet
        .       PUNCT .   punct 7
        """,
        ents=[(4, 5, "ORG")],  # "Friends of"
    )
    assert names(doc) == [("Friends of Tarvia", "organization")]
    assert names(doc, "mentions.group_of_number") == [("Friends of", "organization")]


@pytest.mark.rule("mentions.place_nouns")
def test_a_landform_noun_the_name_heads_makes_it_a_location():
    doc = parse(
        """
        Ships  NOUN  NNS nsubj    2 ship
        sailed VERB  VBD ROOT     0 sail
        near   ADP   IN  prep     2
        the    DET   DT  det      7
        Farne  PROPN NNP compound 6
        islet  NOUN  NN  compound 7
        group  NOUN  NN  pobj     3
        .      PUNCT .   punct    2
        """,
        ents=[(5, 5, "ORG")],
    )
    assert names(doc) == [("Farne islet group", "location")]
    assert names(doc, "mentions.place_nouns") == [("Farne", "organization")]


@pytest.mark.rule("mentions.landform_names")
def test_a_name_ending_in_a_landform_word_is_a_location():
    doc = parse(
        """
        Troops NOUN  NNS nsubj    2 troop
        landed VERB  VBD ROOT     0 land
        on     ADP   IN  prep     2
        Vesna  PROPN NNP compound 5
        Island PROPN NNP pobj     3
        .      PUNCT .   punct    2
        """,
        ents=[(4, 5, "PERSON")],
    )
    assert names(doc) == [("Vesna Island", "location")]
    assert names(doc, "mentions.landform_names") == [("Vesna Island", "person")]


@pytest.mark.rule("mentions.building_names")
def test_a_name_ending_in_a_building_word_is_a_facility():
    doc = parse(
        """
        Berg      PROPN NNP nsubj    2
        spoke     VERB  VBD ROOT     0 speak
        at        ADP   IN  prep     2
        the       DET   DT  det      6
        Kelso     PROPN NNP compound 6
        Buildings PROPN NNP pobj     3
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (4, 6, "ORG")],
    )
    assert names(doc) == [("Berg", "person"), ("Kelso Buildings", "facility")]
    assert names(doc, "mentions.building_names") == [("Berg", "person"), ("Kelso Buildings", "organization")]


@pytest.mark.rule("mentions.known_countries")
def test_a_country_the_gazetteer_knows_is_a_country():
    doc = parse(
        """
        Troops   NOUN  NNS nsubj 2 troop
        left     VERB  VBD ROOT  0 leave
        Portugal PROPN NNP dobj  2
        .        PUNCT .   punct 2
        """,
        ents=[(3, 3, "ORG")],
    )
    assert names(doc) == [("Portugal", "country")]
    assert names(doc, "mentions.known_countries") == [("Portugal", "organization")]


@pytest.mark.rule("mentions.landform_phrases")
def test_the_name_in_the_island_of_x_is_a_location():
    doc = parse(
        """
        Troops NOUN  NNS nsubj 2 troop
        landed VERB  VBD ROOT  0 land
        on     ADP   IN  prep  2
        the    DET   DT  det   5
        island NOUN  NN  pobj  3
        of     ADP   IN  prep  5
        Vesna  PROPN NNP pobj  6
        .      PUNCT .   punct 2
        """,
        ents=[(7, 7, "ORG")],
    )
    assert names(doc) == [("Vesna", "location")]
    assert names(doc, "mentions.landform_phrases") == [("Vesna", "organization")]


@pytest.mark.rule("mentions.numbered_names")
def test_group_of_a_number_is_a_name_when_the_model_saw_only_the_number():
    doc = parse(
        """
        Leaders NOUN  NNS nsubj  7 leader
        of      ADP   IN  prep   1
        the     DET   DT  det    4
        Group   PROPN NNP pobj   2
        of      ADP   IN  prep   4
        7       NUM   CD  pobj   5
        met     VERB  VBD ROOT   0 meet
        .       PUNCT .   punct  7
        """,
        ents=[(6, 6, "CARDINAL")],
    )
    assert names(doc) == [("Group of 7", "organization")]
    assert names(doc, "mentions.numbered_names") == []


@pytest.mark.rule("mentions.title_then_name")
def test_proper_nouns_after_a_title_are_a_person():
    doc = parse(TITLE_AND_NAME)  # the model found no name
    assert names(doc) == [("Anna Berg", "person")]
    assert names(doc, "mentions.title_then_name") == []


@pytest.mark.rule("mentions.repeated_surnames")
def test_the_surname_of_a_full_name_is_found_again():
    doc = parse(
        TITLE_AND_NAME
        + """
        Later ADV   RBR advmod 9
        Berg  PROPN NNP nsubj  9
        left  VERB  VBD ROOT   0 leave
        .     PUNCT .   punct  9
        """,
        ents=[(3, 4, "PERSON")],
    )
    assert names(doc) == [("Anna Berg", "person"), ("Berg", "person")]
    assert names(doc, "mentions.repeated_surnames") == [("Anna Berg", "person")]


@pytest.mark.rule("mentions.missed_countries")
def test_a_country_abbreviation_the_model_missed_is_found():
    doc = parse(
        """
        Poland PROPN NNP  nsubj    2
        bought VERB  VBD  ROOT     0 buy
        U.S.   PROPN NNP  npadvmod 5
        -      PUNCT HYPH punct    5
        made   VERB  VBN  amod     6 make
        tanks  NOUN  NNS  dobj     2 tank
        .      PUNCT .    punct    2
        """,
        ents=[(1, 1, "GPE")],
    )
    assert names(doc) == [("Poland", "country"), ("U.S.", "country")]
    assert names(doc, "mentions.missed_countries") == [("Poland", "country")]


@pytest.mark.rule("mentions.lowercase_edges")
def test_a_verb_glued_to_a_person_is_cut_off():
    doc = parse(
        """
        Putting PROPN NNP advcl    9 put
        Berg    PROPN NNP dobj     1
        on      ADP   IN  prep     1
        the     DET   DT  det      5
        spot    NOUN  NN  pobj     3
        ,       PUNCT ,   punct    9
        Ivo     PROPN NNP compound 8
        Marek   PROPN NNP nsubj    9
        smiled  VERB  VBD ROOT     0 smile
        .       PUNCT .   punct    9
        """,
        ents=[(1, 2, "PERSON"), (7, 8, "PERSON")],
    )
    doc[0].pos_, doc[0].tag_ = "VERB", "VBG"
    assert names(doc) == [("Berg", "person"), ("Ivo Marek", "person")]
    assert names(doc, "mentions.lowercase_edges") == [("Putting Berg", "person"), ("Ivo Marek", "person")]


MOON_MET_LIND = """
    Moon  PROPN NNP compound 2
    Jae   PROPN NNP nsubj    5
    -     PUNCT HYPH punct   5
    in    NOUN  NN  nsubj    5
    met   VERB  VBD ROOT     0 meet
    Tarvo PROPN NNP compound 7
    Lind  PROPN NNP dobj     5
    .     PUNCT .   punct    5
"""


@pytest.mark.rule("mentions.hyphen_names")
def test_a_person_name_runs_over_its_hyphen():
    doc = parse(MOON_MET_LIND, ents=[(1, 2, "PERSON"), (6, 7, "PERSON")])
    assert names(doc) == [("Moon Jae-in", "person"), ("Tarvo Lind", "person")]
    assert names(doc, "mentions.hyphen_names") == [("Moon Jae", "person"), ("Tarvo Lind", "person")]


@pytest.mark.rule("mentions.hyphen_pairs")
def test_two_names_joined_by_a_hyphen_before_a_noun_are_two_people():
    doc = parse(
        """
        The    DET   DT   det      5
        Berg   PROPN NNP  compound 4
        -      PUNCT HYPH punct    4
        Marek  PROPN NNP  compound 5
        summit NOUN  NN   nsubj    6
        ended  VERB  VBD  ROOT     0 end
        .      PUNCT .    punct    6
        """,
        ents=[(2, 4, "PERSON")],
    )
    assert names(doc) == [("Berg", "person"), ("Marek", "person")]
    assert names(doc, "mentions.hyphen_pairs") == [("Berg-Marek", "person")]
    assert [tuple(p.text for p in e.participants) for e in extract(doc).events] == [("Berg", "Marek")]


@pytest.mark.rule("mentions.not_person_names")
def test_numbers_and_story_labels_are_not_people():
    doc = parse(
        """
        It        PRON  PRP nsubj    2
        was       AUX   VBD ROOT     0 be
        a         DET   DT  det      6
        Tarvia    PROPN NNP compound 5
        Exclusive PROPN NNP compound 6
        report    NOUN  NN  attr     2
        on        ADP   IN  prep     6
        Orbiter   PROPN NNP compound 10
        2         NUM   CD  nummod   10
        launches  NOUN  NNS pobj     7 launch
        .         PUNCT .   punct    2
        """,
        ents=[(4, 5, "PERSON"), (8, 9, "PERSON")],
    )
    assert names(doc) == [("Orbiter 2", "product")]
    assert names(doc, "mentions.not_person_names") == [("Tarvia Exclusive", "person"), ("Orbiter 2", "person")]


@pytest.mark.rule("mentions.group_names")
def test_a_surname_before_family_names_the_family():
    doc = parse(
        """
        The      DET   DT  det       2
        deal     NOUN  NN  nsubjpass 4
        was      AUX   VBD auxpass   4 be
        approved VERB  VBN ROOT      0 approve
        by       ADP   IN  agent     4
        the      DET   DT  det       8
        Lind     PROPN NNP compound  8
        family   NOUN  NN  pobj      5
        .        PUNCT .   punct     4
        """,
        ents=[(7, 7, "PERSON")],
    )
    assert names(doc) == [("Lind family", "organization")]
    assert names(doc, "mentions.group_names") == [("Lind", "person")]


@pytest.mark.rule("mentions.demonym_compounds")
def test_a_nationality_word_before_a_place_name_is_part_of_it():
    doc = parse(
        """
        Snow   PROPN NNP nsubj    2
        fell   VERB  VBD ROOT     0 fall
        in     ADP   IN  prep     2
        the    DET   DT  det      6
        French PROPN NNP compound 6
        Alps   PROPN NNP pobj     3
        .      PUNCT .   punct    2
        """,
        ents=[(5, 5, "NORP"), (6, 6, "LOC")],
    )
    assert names(doc) == [("French Alps", "location")]
    assert names(doc, "mentions.demonym_compounds") == [("French", "nationality"), ("Alps", "location")]


@pytest.mark.rule("mentions.names_with_numbers")
def test_a_name_takes_the_number_the_model_left_out():
    doc = parse(
        """
        The   DET   DT  det      5
        Ligue PROPN NNP nmod     4
        1     NUM   CD  nummod   4
        side  NOUN  NN  compound 5
        lost  VERB  VBD ROOT     0 lose
        .     PUNCT .   punct    5
        """,
        ents=[(2, 2, "ORG")],
    )
    assert names(doc) == [("Ligue 1", "organization")]
    assert names(doc, "mentions.names_with_numbers") == [("Ligue", "organization")]


@pytest.mark.rule("mentions.forenames")
def test_a_surname_the_article_uses_is_found_with_its_forename():
    doc = parse(
        """
        Mira  PROPN NNP compound 2
        Osk   PROPN NNP nsubj    3
        spoke VERB  VBD ROOT     0 speak
        .     PUNCT .   punct    3
        Mrs   PROPN NNP compound 6
        Osk   PROPN NNP nsubj    7
        left  VERB  VBD ROOT     0 leave
        .     PUNCT .   punct    7
        """,
        ents=[(6, 6, "PERSON")],
    )
    assert names(doc) == [("Mira Osk", "person"), ("Osk", "person")]
    assert names(doc, "mentions.forenames") == [("Osk", "person")]


@pytest.mark.rule("mentions.dateline_places")
def test_the_place_of_a_dateline_in_capitals():
    doc = parse(
        """
        LISBON  PROPN NNP  ROOT   0
        (       PUNCT -LRB- punct 1
        Tarvia  PROPN NNP  appos  1
        Press   PROPN NNP  appos  1
        )       PUNCT -RRB- punct 1
        --      PUNCT :    punct  1
        Leaders NOUN  NNS  nsubj  8 leader
        met     VERB  VBD  ROOT   0 meet
        .       PUNCT .    punct  8
        """,
        ents=[(1, 1, "ORG"), (3, 4, "ORG")],
    )
    assert names(doc) == [("LISBON", "city"), ("Tarvia Press", "organization")]
    assert names(doc, "mentions.dateline_places") == [("LISBON", "organization"), ("Tarvia Press", "organization")]


@pytest.mark.rule("mentions.listed_places")
def test_a_large_city_the_model_missed_after_in():
    doc = parse(
        """
        Protesters NOUN  NNS nsubj 2 protester
        marched    VERB  VBD ROOT  0 march
        in         ADP   IN  prep  2
        Lisbon     PROPN NNP pobj  3
        .          PUNCT .   punct 2
        """
    )
    assert names(doc) == [("Lisbon", "city")]
    assert names(doc, "mentions.listed_places") == []


# -- role rules -------------------------------------------------------------------------------


@pytest.mark.rule("roles.title_before")
def test_a_title_before_a_name():
    doc = parse(TITLE_AND_NAME, ents=[(3, 4, "PERSON")])
    assert roles(doc) == [("Anna Berg", "Foreign Minister", None, "roles.title_before.v2")]
    assert roles(doc, "roles.title_before") == []


@pytest.mark.rule("roles.appositive")
def test_a_title_in_apposition_with_its_country():
    doc = parse(
        """
        Anna     PROPN NNP compound 2
        Berg     PROPN NNP nsubj    9
        ,        PUNCT ,   punct    2
        Portugal PROPN NNP poss     7
        's       PART  POS case     4
        foreign  ADJ   JJ  amod     7
        minister NOUN  NN  appos    2
        ,        PUNCT ,   punct    2
        arrived  VERB  VBD ROOT     0 arrive
        .        PUNCT .   punct    9
        """,
        ents=[(1, 2, "PERSON"), (4, 4, "GPE")],
    )
    assert roles(doc) == [("Anna Berg", "Foreign Minister", "Portugal", "roles.appositive.v2")]
    assert roles(doc, "roles.appositive") == []


@pytest.mark.rule("roles.title_before")
def test_a_title_of_any_words_and_two_titles_joined_by_and_before_a_name():
    doc = parse(
        """
        Velmora PROPN NNP compound 2
        co      NOUN  NN  nsubj    9
        -       NOUN  NN  nsubj    9
        founder NOUN  NN  nmod     8
        and     CCONJ CC  cc       4
        CEO     PROPN NNP conj     4
        Ivo     PROPN NNP compound 8
        Marek   PROPN NNP nsubj    9
        spoke   VERB  VBD ROOT     0 speak
        .       PUNCT .   punct    9
        """,
        ents=[(1, 1, "ORG"), (7, 8, "PERSON")],
    )
    assert roles(doc) == [
        ("Ivo Marek", "Co-Founder", "Velmora", "roles.title_before.v2"),
        ("Ivo Marek", "CEO", "Velmora", "roles.title_before.v2"),
    ]
    assert roles(doc, "roles.title_before") == []


@pytest.mark.rule("roles.title_apposition")
def test_a_title_in_apposition_before_the_name():
    doc = parse(
        """
        The       DET   DT  det      3
        Vice      PROPN NNP compound 3
        President PROPN NNP nsubj    12
        of        ADP   IN  prep     3
        the       DET   DT  det      7
        Tarvian   PROPN NNP compound 7
        Senate    PROPN NNP pobj     4
        ,         PUNCT ,   punct    3
        Lena      PROPN NNP compound 10
        Holm      PROPN NNP appos    7
        ,         PUNCT ,   punct    12
        arrived   VERB  VBD ROOT     0 arrive
        .         PUNCT .   punct    12
        """,
        ents=[(5, 7, "ORG"), (9, 10, "PERSON")],
    )
    assert roles(doc) == [("Lena Holm", "Vice President", "Tarvian Senate", "roles.title_apposition.v1")]
    assert roles(doc, "roles.title_apposition") == []


@pytest.mark.rule("roles.as_title")
def test_resigned_as_gives_the_post():
    doc = parse(
        """
        Anna     PROPN NNP compound 2
        Berg     PROPN NNP nsubj    3
        resigned VERB  VBD ROOT     0 resign
        as       ADP   IN  prep     3
        Prime    PROPN NNP compound 6
        Minister PROPN NNP pobj     4
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON")],
    )
    assert roles(doc) == [("Anna Berg", "Prime Minister", None, "roles.as_title.v2")]
    assert roles(doc, "roles.as_title") == []


@pytest.mark.rule("roles.predicate_title")
def test_was_named_chief_executive_gives_the_post():
    doc = parse(
        """
        Ivo       PROPN NNP compound  2
        Marek     PROPN NNP nsubjpass 4
        was       AUX   VBD auxpass   4 be
        named     VERB  VBN ROOT      0 name
        chief     ADJ   JJ  amod      6
        executive NOUN  NN  oprd      4
        .         PUNCT .   punct     4
        """,
        ents=[(1, 2, "PERSON")],
    )
    assert roles(doc) == [("Ivo Marek", "Chief Executive", None, "roles.predicate_title.v1")]
    assert roles(doc, "roles.predicate_title") == []


@pytest.mark.rule("roles.shared_title")
def test_a_plural_title_is_shared_by_the_names_it_joins():
    doc = parse(
        """
        Foreign   PROPN NNP compound 2
        Ministers PROPN NNP compound 4
        Anna      PROPN NNP compound 4
        Berg      PROPN NNP nsubj    8
        and       CCONJ CC  cc       4
        Wang      PROPN NNP compound 7
        Li        PROPN NNP conj     4
        met       VERB  VBD ROOT     0 meet
        in        ADP   IN  prep     8
        Lisbon    PROPN NNP pobj     9
        .         PUNCT .   punct    8
        """,
        ents=[(3, 4, "PERSON"), (6, 7, "PERSON"), (10, 10, "GPE")],
    )
    assert roles(doc) == [
        ("Anna Berg", "Foreign Minister", None, "roles.title_before.v2"),
        ("Wang Li", "Foreign Minister", None, "roles.shared_title.v2"),
    ]
    assert roles(doc, "roles.shared_title") == [("Anna Berg", "Foreign Minister", None, "roles.title_before.v2")]
    # a company listed beside the titled person holds no title
    doc = parse(
        """
        Founders  PROPN NNP compound 2
        Anna      PROPN NNP compound 3
        Berg      PROPN NNP nsubj    7
        and       CCONJ CC  cc       3
        Vantix    PROPN NNP compound 6
        Holdings  PROPN NNP conj     3
        invested  VERB  VBD ROOT     0 invest
        .         PUNCT .   punct    7
        """,
        ents=[(2, 3, "PERSON"), (5, 6, "ORG")],
    )
    assert [(person, title) for person, title, _, _ in roles(doc)] == [("Anna Berg", "Founder")]


# -- event rules ---------------------------------------------------------------------------------


@pytest.mark.rule("events.support_verb")
def test_held_talks_with_is_talks_of_the_subject_and_the_other_side():
    doc = parse(
        """
        Berg   PROPN NNP nsubj 2
        held   VERB  VBD ROOT  0 hold
        talks  NOUN  NNS dobj  2 talk
        with   ADP   IN  prep  3
        Roux   PROPN NNP pobj  4
        on     ADP   IN  prep  2
        Monday PROPN NNP pobj  6
        .      PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (5, 5, "PERSON"), (7, 7, "DATE")],
    )
    assert events(doc) == [("talks", ("Berg", "Roux"), None, "events.support_verb.v5")]
    # without it, the noun alone: talks with Roux, the other side the subject of the clause that tells them
    assert events(doc, "events.support_verb") == [("talks", ("Berg", "Roux"), None, "events.nominal.v5")]
    assert extract(doc).events[0].time.text == "Monday"
    assert extract(doc, "events.support_verb").events[0].time is None


@pytest.mark.rule("events.verbal")
def test_a_verb_of_meeting_with_subject_object_and_place():
    doc = parse(BERG_MET_ROUX, ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (7, 7, "GPE")])
    assert events(doc) == [("meeting", ("Anna Berg", "Paul Roux"), "Lisbon", "events.verbal.v5")]
    assert events(doc, "events.verbal") == []


@pytest.mark.rule("statements.verbal")
def test_a_speech_verb_gives_a_statement_with_what_was_said():
    doc = parse(
        """
        Berg   PROPN NNP nsubj 2
        said   VERB  VBD ROOT  0 say
        the    DET   DT  det   4
        talks  NOUN  NNS nsubj 5 talk
        failed VERB  VBD ccomp 2 fail
        .      PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON")],
    )
    ex = extract(doc)
    assert [(e.kind, e.participants[0].text if e.participants else None, e.content) for e in ex.events] == [
        ("statement", "Berg", "the talks failed"),
        ("talks", None, None),  # "the talks", told without its parties
    ]
    assert events(doc, "statements.verbal") == [("talks", (), None, "events.nominal.v5")]


@pytest.mark.rule("events.nominal")
def test_a_meeting_between_two_people():
    doc = parse(
        """
        They      PRON  PRP nsubj 2
        discussed VERB  VBD ROOT  0 discuss
        a         DET   DT  det   4
        meeting   NOUN  NN  dobj  2
        between   ADP   IN  prep  4
        Berg      PROPN NNP pobj  5
        and       CCONJ CC  cc    6
        Roux      PROPN NNP conj  6
        .         PUNCT .   punct 2
        """,
        ents=[(6, 6, "PERSON"), (8, 8, "PERSON")],
    )
    assert events(doc) == [("meeting", ("Berg", "Roux"), None, "events.nominal.v5")]
    assert events(doc, "events.nominal") == []


# -- alias rules ----------------------------------------------------------------------------------


def aliases(doc, *without: str) -> list[tuple[tuple[str, ...], str, str]]:
    return [
        (tuple(n.text for n in a.names), a.antecedent.text, a.evidence.extractor)
        for a in extract(doc, *without).aliases
    ]


@pytest.mark.rule("aliases.known_as")
def test_known_as_names_the_noun_phrase_it_follows():
    doc = parse(
        """
        The     DET   DT   det      2
        islands NOUN  NNS  nsubj    12 island
        ,       PUNCT ,    punct    2
        known   VERB  VBN  acl      2 know
        as      ADP   IN   prep     4
        the     DET   DT   det      8
        Vesna   PROPN NNP  compound 8
        Islands PROPN NNPS pobj     5
        in      ADP   IN   prep     4
        Tarvia  PROPN NNP  pobj     9
        ,       PUNCT ,    punct    2
        are     AUX   VBP  ROOT     0 be
        empty   ADJ   JJ   acomp    12
        .       PUNCT .    punct    12
        """,
        ents=[(7, 8, "LOC"), (10, 10, "GPE")],
    )
    assert aliases(doc) == [(("Vesna Islands",), "The islands", "aliases.known_as.v1")]
    assert aliases(doc, "aliases.known_as") == []


@pytest.mark.rule("aliases.called")
def test_called_gives_the_name_before_it_another_name():
    doc = parse(
        """
        Lumo   PROPN NNP nsubj 8
        ,      PUNCT ,   punct 1
        called VERB  VBN acl   1 call
        Lumora PROPN NNP oprd  3
        in     ADP   IN  prep  3
        Tarvia PROPN NNP pobj  5
        ,      PUNCT ,   punct 1
        is     AUX   VBZ ROOT  0 be
        a      DET   DT  det   10
        port   NOUN  NN  attr  8
        .      PUNCT .   punct 8
        """,
        ents=[(1, 1, "GPE"), (4, 4, "GPE"), (6, 6, "GPE")],
    )
    assert aliases(doc) == [(("Lumora",), "Lumo", "aliases.called.v1")]
    assert aliases(doc, "aliases.called") == []


@pytest.mark.rule("relations.clause")
def test_any_other_clause_between_two_names_is_a_relation_named_by_its_verb():
    doc = parse(
        """
        Tarvair PROPN NNP nsubj 2
        fired   VERB  VBD ROOT  0 fire
        back    ADV   RB  prt   2
        at      ADP   IN  prep  2
        Lumora  PROPN NNP pobj  4
        in      ADP   IN  prep  2
        Lisbon  PROPN NNP pobj  6
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "ORG"), (5, 5, "ORG"), (7, 7, "GPE")],
    )
    ex = extract(doc)
    assert [(e.kind, e.relation, e.agent.text, [o.text for o in e.objects], e.place.text) for e in ex.events] == [
        ("relation", "fire_back_at", "Tarvair", ["Lumora"], "Lisbon")
    ]
    assert events(doc, "relations.clause") == []


@pytest.mark.rule("times.expressions")
def test_an_event_takes_the_time_expression_of_its_clause():
    doc = parse(
        """
        Anna   PROPN NNP compound 2
        Berg   PROPN NNP nsubj    3
        met    VERB  VBD ROOT     0 meet
        Paul   PROPN NNP compound 5
        Roux   PROPN NNP dobj     3
        on     ADP   IN  prep     3
        Monday PROPN NNP pobj     6
        .      PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (7, 7, "DATE")],
    )
    assert [e.time.text for e in extract(doc).events] == ["Monday"]
    assert [e.time for e in extract(doc, "times.expressions").events] == [None]


def test_a_pronoun_subject_of_a_reported_clause_is_the_speaker():
    doc = parse(
        """
        Velmora PROPN NNP nsubj 2
        said    VERB  VBD ROOT  0 say
        it      PRON  PRP nsubj 5
        would   AUX   MD  aux   5
        buy     VERB  VB  ccomp 2
        Tarvair PROPN NNP dobj  5
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "ORG"), (6, 6, "ORG")],
    )
    ex = extract(doc)
    buy = next(e for e in ex.events if e.kind == "acquisition")
    assert ([p.text for p in buy.participants], [o.text for o in buy.objects], buy.planned) == (
        ["Velmora"],
        ["Tarvair"],
        True,
    )
    said = next(e for e in ex.events if e.kind == "statement")
    assert (said.reported_now, said.time) == (True, None)  # dated by its report (dates.reporting_day)


@pytest.mark.rule("events.nominal")
def test_a_caption_shows_its_people_at_the_event_on_its_date():
    # a verbless caption: the people it shows took part in the event, on the caption's date
    doc = parse(
        """
        Anna       PROPN NNP compound 2
        Berg       PROPN NNP ROOT     0
        and        CCONJ CC  cc       2
        Paul       PROPN NNP compound 5
        Roux       PROPN NNP conj     2
        during     ADP   IN  prep     2
        a          DET   DT  det      10
        joint      ADJ   JJ  amod     10
        press      NOUN  NN  compound 10
        conference NOUN  NN  pobj     6
        in         ADP   IN  prep     10
        Lisbon     PROPN NNP pobj     11
        on         ADP   IN  prep     2
        March      PROPN NNP pobj     13
        3          NUM   CD  nummod   14
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (12, 12, "GPE"), (14, 15, "DATE")],
    )
    ex = extract(doc)
    assert events(doc) == [("statement", ("Anna Berg", "Paul Roux"), "Lisbon", "events.nominal.v5")]
    assert ex.events[0].time.text == "March 3"
    assert events(doc, "events.nominal") == []


TITLE_OVER_TWO_NAMES = """
    President PROPN NNP nsubj    8
    Anna      PROPN NNP compound 3
    Berg      PROPN NNP appos    1
    and       CCONJ CC  cc       3
    Prime     PROPN NNP compound 6
    Minister  PROPN NNP compound 7
    Roux      PROPN NNP conj     3
    expressed VERB  VBD ROOT     0 express
    concern   NOUN  NN  dobj     8
    .         PUNCT .   punct    8
"""


@pytest.mark.rule("statements.verbal")
def test_a_title_heading_two_names_in_apposition_gives_both_speakers():
    # the parse hangs "Anna Berg and ... Roux" from the title: both are the subject
    doc = parse(TITLE_OVER_TWO_NAMES, ents=[(2, 3, "PERSON"), (7, 7, "PERSON")])
    assert events(doc) == [("statement", ("Anna Berg", "Roux"), None, "statements.verbal.v5")]
    assert extract(doc).events[0].reported_now
    assert events(doc, "statements.verbal") == []


@pytest.mark.rule("events.verbal")
def test_of_two_subjects_the_nearer_one_acts():
    # a dateline the parse made a second subject: "Lisbon, May 4: Tarvia seized Lumo"
    doc = parse(
        """
        Lisbon PROPN NNP nsubj    7
        ,      PUNCT ,   punct    1
        May    PROPN NNP appos    1
        4      NUM   CD  nummod   3
        :      PUNCT :   punct    1
        Tarvia PROPN NNP nsubj    7
        seized VERB  VBD ROOT     0 seize
        Lumo   PROPN NNP dobj     7
        .      PUNCT .   punct    7
        """,
        ents=[(1, 1, "GPE"), (3, 4, "DATE"), (6, 6, "GPE"), (8, 8, "GPE")],
    )
    ex = extract(doc)
    assert [([p.text for p in e.participants], [o.text for o in e.objects]) for e in ex.events] == [
        (["Tarvia"], ["Lumo"])
    ]


@pytest.mark.rule("events.support_verb")
def test_a_press_conference_given_without_a_time_was_given_on_the_day_of_the_report():
    doc = parse(
        """
        Berg       PROPN NNP nsubj    2
        gave       VERB  VBD ROOT     0 give
        a          DET   DT  det      5
        press      NOUN  NN  compound 5
        conference NOUN  NN  dobj     2
        in         ADP   IN  prep     2
        Lisbon     PROPN NNP pobj     6
        .          PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (7, 7, "GPE")],
    )
    ex = extract(doc)
    assert events(doc) == [("statement", ("Berg",), "Lisbon", "events.support_verb.v5")]
    assert (ex.events[0].reported_now, ex.events[0].time) == (True, None)


@pytest.mark.rule("times.expressions")
def test_a_participle_after_a_dated_clause_shares_its_time():
    doc = parse(
        """
        Berg     PROPN NNP nsubj 2
        resigned VERB  VBD ROOT  0 resign
        on       ADP   IN  prep  2
        Monday   PROPN NNP pobj  3
        ,        PUNCT ,   punct 2
        saying   VERB  VBG advcl 2 say
        she      PRON  PRP nsubj 8
        was      AUX   VBD ROOT  6 be
        tired    ADJ   JJ  acomp 8
        .        PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (4, 4, "DATE")],
    )
    ex = extract(doc)
    assert [(e.kind, e.time.text if e.time else None) for e in ex.events] == [
        ("resignation", "Monday"),
        ("statement", "Monday"),
    ]
    assert [e.time for e in extract(doc, "times.expressions").events] == [None, None]


@pytest.mark.rule("times.expressions")
def test_how_long_is_not_when():
    # "A court sentenced Berg to five years on Friday": the term is no time of the sentence
    doc = parse(
        """
        A         DET   DT  det   2
        court     NOUN  NN  nsubj 3
        sentenced VERB  VBD ROOT  0 sentence
        Berg      PROPN NNP dobj  3
        to        ADP   IN  prep  3
        five      NUM   CD  nummod 7
        years     NOUN  NNS pobj  5 year
        on        ADP   IN  prep  3
        Friday    PROPN NNP pobj  8
        .         PUNCT .   punct 3
        """,
        ents=[(4, 4, "PERSON"), (6, 7, "DATE"), (9, 9, "DATE")],
    )
    assert [(e.kind, e.time.text) for e in extract(doc).events] == [("sentence", "Friday")]


LIST_AS_APPOSITION = """
    Portugal  PROPN NNP nsubj    8
    ,         PUNCT ,   punct    1
    Spain     PROPN NNP appos    1
    ,         PUNCT ,   punct    3
    Greece    PROPN NNP conj     3
    and       CCONJ CC  cc       5
    Italy     PROPN NNP conj     5
    announced VERB  VBD ROOT     0 announce
    today     NOUN  NN  npadvmod 8
    they      PRON  PRP nsubj    12
    were      AUX   VBD aux      12 be
    severing  VERB  VBG ccomp    8 sever
    ties      NOUN  NNS dobj     12 tie
    with      ADP   IN  prep     13
    Malta     PROPN NNP pobj     14
    .         PUNCT .   punct    8
"""


@pytest.mark.rule("events.support_verb")
def test_a_list_parsed_as_an_apposition_is_every_party_and_what_is_under_way_is_dated_by_its_telling():
    doc = parse(
        LIST_AS_APPOSITION,
        ents=[(1, 1, "GPE"), (3, 3, "GPE"), (5, 5, "GPE"), (7, 7, "GPE"), (9, 9, "DATE"), (15, 15, "GPE")],
    )
    ex = extract(doc)
    cut = next(e for e in ex.events if e.kind == "sanction")
    assert [p.text for p in cut.participants] == ["Portugal", "Spain", "Greece", "Italy"]
    assert [o.text for o in cut.objects] == ["Malta"]
    assert cut.time.text == "today"  # "were severing" as they announced it
    assert [e.kind for e in extract(doc, "events.support_verb").events] == ["announcement"]


@pytest.mark.rule("events.support_verb")
def test_the_with_phrase_of_the_subject_of_a_joint_act_is_a_party():
    doc = parse(
        """
        Berg   PROPN NNP nsubj 4
        with   ADP   IN  prep  1
        Roux   PROPN NNP pobj  2
        shake  VERB  VBP ROOT  0 shake
        hands  NOUN  NNS dobj  4 hand
        in     ADP   IN  prep  4
        Lisbon PROPN NNP pobj  6
        .      PUNCT .   punct 4
        """,
        ents=[(1, 1, "PERSON"), (3, 3, "PERSON"), (7, 7, "GPE")],
    )
    assert events(doc) == [("meeting", ("Berg", "Roux"), "Lisbon", "events.support_verb.v5")]
    assert events(doc, "events.support_verb") == []


@pytest.mark.rule("statements.verbal")
def test_a_statement_made_during_an_event_takes_its_place():
    doc = parse(
        """
        Berg      PROPN NNP nsubj 2
        confirmed VERB  VBD ROOT  0 confirm
        during    ADP   IN  prep  2
        a         DET   DT  det   5
        briefing  NOUN  NN  pobj  3
        in        ADP   IN  prep  5
        Lisbon    PROPN NNP pobj  6
        that      SCONJ IN  mark  10
        talks     NOUN  NNS nsubj 10 talk
        failed    VERB  VBD ccomp 2 fail
        .         PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (7, 7, "GPE")],
    )
    assert events(doc)[0] == ("statement", ("Berg",), "Lisbon", "statements.verbal.v5")


@pytest.mark.rule("mentions.hyphen_names")
def test_a_name_joined_by_a_hyphened_particle_is_one_body():
    doc = parse(
        """
        Hizb     PROPN NNP compound 5
        -        PUNCT HYPH punct   1
        ul       NOUN  NN  nummod   1
        -        NOUN  NN  conj     1
        Tarvo    PROPN NNP nsubj    6
        claimed  VERB  VBD ROOT     0 claim
        the      DET   DT  det      8
        attack   NOUN  NN  dobj     6
        .        PUNCT .   punct    6
        """,
        ents=[(1, 1, "NORP")],
    )
    assert names(doc) == [("Hizb-ul-Tarvo", "organization")]
    assert names(doc, "mentions.hyphen_names") == [("Hizb", "nationality")]


@pytest.mark.rule("mentions.not_person_names")
def test_an_initialism_in_mixed_case_is_no_person():
    doc = parse(
        """
        The     DET   DT  det   2
        HtK     PROPN NNP nsubj 3
        denied  VERB  VBD ROOT  0 deny
        it      PRON  PRP dobj  3
        .       PUNCT .   punct 3
        """,
        ents=[(2, 2, "PERSON")],
    )
    assert names(doc) == [("HtK", "organization")]
    assert names(doc, "mentions.not_person_names") == [("HtK", "person")]


@pytest.mark.rule("events.support_verb")
def test_a_strike_on_a_camp_of_a_group_targets_the_group_where_the_camp_is():
    doc = parse(
        """
        Chile     PROPN NNP nsubj    2
        launched  VERB  VBD ROOT     0 launch
        strikes   NOUN  NNS dobj     2 strike
        against   ADP   IN  prep     3
        the       DET   DT  det      6
        camp      NOUN  NN  pobj     4
        of        ADP   IN  prep     6
        Vanta     PROPN NNP compound 9
        Front     PROPN NNP pobj     7
        in        ADP   IN  prep     9
        Oskel     PROPN NNP pobj     10
        in        ADP   IN  prep     6
        Lenn      PROPN NNP compound 14
        province  NOUN  NN  pobj     12
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "GPE"), (8, 9, "ORG"), (11, 11, "GPE"), (13, 14, "GPE")],
    )
    (strike,) = extract(doc).events
    assert [r.text for r in strike.participants] == ["Chile"]
    assert [r.text for r in strike.objects] == ["Vanta Front"]
    assert strike.place.text == "Oskel"
    assert [e.participants for e in extract(doc, "events.support_verb").events] == [()]  # the noun alone


@pytest.mark.rule("events.verbal")
def test_a_welcome_told_in_a_where_clause_is_a_meeting_there_and_then():
    doc = parse(
        """
        Berg      PROPN NNP nsubj    2
        arrived   VERB  VBD ROOT     0 arrive
        in        ADP   IN  prep     2
        Lisbon    PROPN NNP pobj     3
        on        ADP   IN  prep     2
        Sunday    PROPN NNP pobj     5
        ,         PUNCT ,   punct    6
        where     SCONJ WRB advmod   11
        she       PRON  PRP nsubjpass 11
        was       AUX   VBD auxpass  11 be
        welcomed  VERB  VBN relcl    6 welcome
        by        ADP   IN  agent    11
        Roux      PROPN NNP pobj     12
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (4, 4, "GPE"), (6, 6, "DATE"), (13, 13, "PERSON")],
    )
    visit, welcome = extract(doc).events
    assert (visit.kind, welcome.kind) == ("visit", "meeting")
    assert [r.text for r in welcome.participants] == ["Roux", "she"]
    assert (welcome.place.text, welcome.time.text) == ("Lisbon", "Sunday")
    assert [e.kind for e in extract(doc, "events.verbal").events] == []


@pytest.mark.rule("events.verbal")
def test_what_a_jury_decided_about_two_parties_is_a_ruling_on_both():
    doc = parse(
        """
        A         DET   DT  det      2
        jury      NOUN  NN  nsubj    3
        decided   VERB  VBD ROOT     0 decide
        Friday    PROPN NNP npadvmod 3
        that      SCONJ IN  mark     7
        Vantix    PROPN NNP nsubj    7
        copied    VERB  VBD ccomp    3 copy
        Orbel     PROPN NNP poss     10
        's        PART  POS case     8
        designs   NOUN  NNS dobj     7 design
        .         PUNCT .   punct    3
        """,
        ents=[(4, 4, "DATE"), (6, 6, "ORG"), (8, 8, "ORG")],
    )
    (ruling,) = extract(doc).events
    assert (ruling.kind, ruling.time.text) == ("ruling", "Friday")
    assert [r.text for r in ruling.objects] == ["Vantix", "Orbel"]
    assert extract(doc, "events.verbal").events == ()


@pytest.mark.rule("events.verbal")
def test_what_a_company_decided_is_no_ruling():
    doc = parse(
        """
        Vantix    PROPN NNP nsubj    2
        decided   VERB  VBD ROOT     0 decide
        that      SCONJ IN  mark     5
        Orbel     PROPN NNP nsubj    5
        erred     VERB  VBD ccomp    2 err
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "ORG"), (4, 4, "ORG")],
    )
    assert events(doc) == []


@pytest.mark.rule("mentions.adjacent_names")
def test_two_halves_of_a_long_name_are_one_person():
    doc = parse(
        """
        It      PRON  PRP nsubjpass 3
        was     AUX   VBD auxpass   3 be
        run     VERB  VBN ROOT      0 run
        by      ADP   IN  agent     3
        Hadi    PROPN NNP compound  7
        Omar    PROPN NNP compound  7
        Tarek   PROPN NNP pobj      4
        .       PUNCT .   punct     3
        """,
        ents=[(5, 6, "PERSON"), (7, 7, "PERSON")],
    )
    assert names(doc) == [("Hadi Omar Tarek", "person")]
    assert names(doc, "mentions.adjacent_names") == [("Hadi Omar", "person"), ("Tarek", "person")]


@pytest.mark.rule("mentions.of_names")
def test_a_body_whose_name_goes_on_with_for_is_one_name():
    doc = parse(
        """
        the          DET   DT  det      3
        Lenn         PROPN NNP compound 3
        Agency       PROPN NNP nsubj    8
        for          ADP   IN  prep     3
        Rural        PROPN NNP compound 6
        Development  PROPN NNP pobj     4
        has          AUX   VBZ aux      8
        left         VERB  VBN ROOT     0 leave
        .            PUNCT .   punct    8
        """,
        ents=[(1, 3, "ORG"), (5, 6, "ORG")],
    )
    assert names(doc) == [("Lenn Agency for Rural Development", "organization")]
    assert names(doc, "mentions.of_names") == [("Lenn Agency", "organization"), ("Rural Development", "organization")]


@pytest.mark.rule("mentions.of_names")
def test_the_bank_of_a_place_keeps_the_place():
    doc = parse(
        """
        the      DET   DT  det      3
        Central  PROPN NNP compound 3
        Bank     PROPN NNP nsubj    6
        of       ADP   IN  prep     3
        Norway   PROPN NNP pobj     4
        acted    VERB  VBD ROOT     0 act
        .        PUNCT .   punct    6
        """,
        ents=[(2, 3, "ORG"), (5, 5, "GPE")],
    )
    assert names(doc) == [("Central Bank", "organization"), ("Norway", "country")]


@pytest.mark.rule("mentions.division_nouns")
def test_a_word_for_a_division_after_a_place_is_not_its_name():
    doc = parse(
        """
        in       ADP   IN  ROOT     0
        Lenn     PROPN NNP compound 3
        province NOUN  NN  pobj     1
        """,
        ents=[(2, 3, "GPE")],
    )
    assert names(doc) == [("Lenn", "place")]
    assert names(doc, "mentions.division_nouns") == [("Lenn province", "place")]


@pytest.mark.rule("mentions.landform_names")
def test_a_nationality_word_before_a_landform_noun_is_a_location():
    doc = parse(
        """
        the        DET   DT  det  3
        Tarvian    ADJ   JJ  amod 3
        peninsula  NOUN  NN  ROOT 0
        """,
        ents=[(2, 2, "NORP")],
    )
    assert names(doc) == [("Tarvian peninsula", "location")]
    assert names(doc, "mentions.landform_names") == [("Tarvian", "nationality")]


@pytest.mark.rule("events.support_verb")
def test_the_place_of_a_site_named_after_the_time_is_the_events():
    doc = parse(
        """
        Berg     PROPN NNP nsubj    2
        signed   VERB  VBD ROOT     0 sign
        the      DET   DT  det      4
        accord   NOUN  NN  dobj     2
        on       ADP   IN  prep     2
        Monday   PROPN NNP compound 7
        morning  NOUN  NN  pobj     5
        at       ADP   IN  prep     7
        state    PROPN NNP compound 10
        house    PROPN NNP pobj     8
        in       ADP   IN  prep     10
        Lisbon   PROPN NNP pobj     11
        .        PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (6, 6, "DATE"), (7, 7, "TIME"), (12, 12, "GPE")],
    )
    assert events(doc) == [("agreement", ("Berg",), "Lisbon", "events.support_verb.v5")]


@pytest.mark.rule("events.support_verb")
def test_a_speech_made_outside_a_building_is_made_there():
    doc = parse(
        """
        Berg     PROPN NNP nsubj    2
        made     VERB  VBD ROOT     0 make
        a        DET   DT  det      4
        speech   NOUN  NN  dobj     2
        outside  ADP   IN  prep     4
        Lenn     PROPN NNP compound 7
        Hall     PROPN NNP pobj     5
        .        PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (6, 7, "FAC")],
    )
    assert events(doc) == [("statement", ("Berg",), "Lenn Hall", "events.support_verb.v5")]


@pytest.mark.rule("statements.verbal")
def test_a_speaker_the_parse_hung_on_a_clause_before_still_speaks_there():
    doc = parse(
        """
        Hours    NOUN  NNS dep      5 hour
        after    SCONJ IN  mark     5
        the      DET   DT  det      4
        vote     NOUN  NN  nsubj    5
        was      AUX   VBD advcl    14 be
        over     ADV   RB  advmod   5
        ,        PUNCT ,   punct    5
        Berg     PROPN NNP conj     5
        during   ADP   IN  prep     5
        a        DET   DT  det      11
        rally    NOUN  NN  pobj     9
        in       ADP   IN  prep     11
        Oskel    PROPN NNP pobj     12
        said     VERB  VBD ROOT     0 say
        Lenn     PROPN NNP nsubj    16
        won      VERB  VBD ccomp    14 win
        .        PUNCT .   punct    14
        """,
        ents=[(8, 8, "PERSON"), (13, 13, "GPE"), (15, 15, "GPE")],
    )
    said = next(e for e in extract(doc).events if e.kind == "statement")
    assert ([r.text for r in said.participants], said.place.text) == (["Berg"], "Oskel")
    assert [e.kind for e in extract(doc, "statements.verbal").events if e.kind == "statement"] == []


@pytest.mark.rule("mentions.repeated_names")
def test_a_name_found_once_is_found_where_the_model_missed_it():
    doc = parse(
        """
        Vantix   PROPN NNP nsubj    2
        grew     VERB  VBD ROOT     0 grow
        .        PUNCT .   punct    2
        Vantix   PROPN NNP nsubj    5
        entered  VERB  VBD ROOT     0 enter
        Lenn     PROPN NNP dobj     5
        ,        PUNCT ,   punct    5
        not      PART  RB  neg      9
        Vantix   PROPN NNP compound 10
        Labs     PROPN NNP appos    5
        .        PUNCT .   punct    5
        """,
        ents=[(1, 1, "ORG"), (6, 6, "GPE")],
    )
    assert names(doc) == [("Vantix", "organization"), ("Vantix", "organization"), ("Lenn", "place")]
    assert names(doc, "mentions.repeated_names") == [("Vantix", "organization"), ("Lenn", "place")]


@pytest.mark.rule("events.verbal")
def test_a_launch_of_a_mission_named_in_apposition_has_a_named_object():
    doc = parse(
        """
        Chile     PROPN NNP nsubj    2
        launched  VERB  VBD ROOT     0 launch
        its       PRON  PRP$ poss    5
        moon      NOUN  NN  compound 5
        mission   NOUN  NN  dobj     2
        Orbex     PROPN NNP appos    5
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "GPE"), (6, 6, "PRODUCT")],
    )
    (launch,) = extract(doc).events
    assert (launch.kind, [r.text for r in launch.objects]) == ("launch", ["Orbex"])


@pytest.mark.rule("events.verbal")
def test_the_body_of_the_post_left_in_an_as_phrase_takes_part():
    doc = parse(
        """
        Berg    PROPN NNP nsubj    3
        will    AUX   MD  aux      3
        resign  VERB  VB  ROOT     0 resign
        as      ADP   IN  prep     3
        leader  NOUN  NN  pobj     4
        of      ADP   IN  prep     5
        the     DET   DT  det      9
        Unity   PROPN NNP compound 9
        Party   PROPN NNP pobj     6
        .       PUNCT .   punct    3
        """,
        ents=[(1, 1, "PERSON"), (8, 9, "ORG")],
    )
    assert events(doc) == [("resignation", ("Berg", "Unity Party"), None, "events.verbal.v5")]


@pytest.mark.rule("statements.verbal")
def test_a_person_named_last_before_a_speech_verb_speaks_not_the_body_the_parse_made_subject():
    doc = parse(
        """
        Lenn         PROPN NNP compound 2
        Agency       PROPN NNP nsubj    8
        for          ADP   IN  prep     2
        Roads        PROPN NNP compound 7
        employee     NOUN  NN  compound 7
        Anna         PROPN NNP compound 7
        Berg         PROPN NNP pobj     3
        told         VERB  VBD ROOT     0 tell
        Reuters      PROPN NNP dobj     8
        .            PUNCT .   punct    8
        """,
        ents=[(1, 2, "ORG"), (6, 7, "PERSON"), (9, 9, "ORG")],
    )
    (told,) = extract(doc).events
    assert ([r.text for r in told.participants], [r.text for r in told.objects]) == (["Anna Berg"], ["Reuters"])


@pytest.mark.rule("mentions.not_person_names")
def test_capitals_and_company_words_make_a_body_not_a_person():
    doc = parse(
        """
        The       DET   DT  det      2
        TKP       PROPN NNP nsubj    3
        sold      VERB  VBD ROOT     0 sell
        shares    NOUN  NNS dobj     3 share
        to        ADP   IN  prep     3
        Osk       PROPN NNP compound 8
        Holdings  PROPN NNP compound 8
        Limited   PROPN NNP pobj     5
        .         PUNCT .   punct    3
        """,
        ents=[(2, 2, "PERSON"), (6, 8, "PERSON")],
    )
    assert names(doc) == [("TKP", "organization"), ("Osk Holdings Limited", "organization")]
    assert names(doc, "mentions.not_person_names") == [("TKP", "person"), ("Osk Holdings Limited", "person")]


@pytest.mark.rule("mentions.not_person_names")
def test_a_name_in_a_headline_of_capitals_stays_a_person():
    doc = parse(
        """
        OSK     PROPN NNP nsubj 2
        QUITS   VERB  VBZ ROOT  0 quit
        """,
        ents=[(1, 1, "PERSON")],
    )
    assert names(doc) == [("OSK", "person")]


@pytest.mark.rule("mentions.described_bodies")
def test_a_name_after_a_common_noun_for_a_body_is_that_body():
    doc = parse(
        """
        according  VERB  VBG ROOT     0 accord
        to         ADP   IN  prep     1
        the        DET   DT  det      5
        news       NOUN  NN  compound 5
        website    NOUN  NN  pobj     2
        Tarvo24    PROPN NNP appos    5
        .          PUNCT .   punct    1
        """,
    )
    assert names(doc) == [("Tarvo24", "organization")]
    assert names(doc, "mentions.described_bodies") == []


@pytest.mark.rule("mentions.names_with_numbers")
def test_a_maker_and_the_model_code_named_apart_are_one_product():
    doc = parse(
        """
        The      DET   DT  det      3
        Vantix   PROPN NNP compound 3
        V310     PROPN NNP nsubj    4
        landed   VERB  VBD ROOT     0 land
        .        PUNCT .   punct    4
        """,
        ents=[(2, 2, "ORG"), (3, 3, "PRODUCT")],
    )
    assert names(doc) == [("Vantix V310", "product")]
    assert names(doc, "mentions.names_with_numbers") == [("Vantix", "organization"), ("V310", "product")]


@pytest.mark.rule("mentions.repeated_names")
def test_a_word_the_article_also_writes_in_lower_case_is_not_spread_as_a_name():
    doc = parse(
        """
        Riot     PROPN NNP nsubj    2
        spread   VERB  VBD ROOT     0 spread
        .        PUNCT .   punct    2
        The      DET   DT  det      5
        riot     NOUN  NN  nsubj    6
        ended    VERB  VBD ROOT     0 end
        near     ADP   IN  prep     6
        Riot     PROPN NNP pobj     7
        .        PUNCT .   punct    6
        """,
        ents=[(1, 1, "PERSON")],
    )
    assert names(doc) == [("Riot", "person")]


@pytest.mark.rule("mentions.division_nouns")
def test_a_lower_case_place_name_keeps_its_last_word():
    doc = parse(
        """
        from     ADP   IN  ROOT     0
        the      DET   DT  det      4
        united   ADJ   JJ  compound 4
        states   NOUN  NNS pobj     1 state
        """,
        ents=[(3, 4, "GPE")],
    )
    assert [n for n, _ in names(doc)] == ["united states"]


@pytest.mark.rule("mentions.hyphen_names")
def test_a_prefix_or_a_participle_is_no_part_of_a_persons_name():
    doc = parse(
        """
        Anti     ADJ   JJ  amod     3
        -        PUNCT HYPH punct   3
        Osk      PROPN NNP compound 4
        rallies  NOUN  NNS ROOT     0 rally
        and      CCONJ CC  cc       4
        Lenn     PROPN NNP compound 9
        -        PUNCT HYPH punct   8
        organized VERB VBN amod     9 organize
        marches  NOUN  NNS conj     4 march
        """,
        ents=[(3, 3, "PERSON"), (6, 6, "PERSON")],
    )
    assert [n for n, _ in names(doc)] == ["Osk", "Lenn"]


@pytest.mark.rule("events.verbal")
def test_a_vehicle_noun_with_a_product_name_refers_to_the_product():
    # "A Korvan 310 jet crashed on Sunday": the jet is the Korvan 310
    doc = parse(
        """
        A       DET   DT  det     4
        Korvan  PROPN NNP nmod    4
        310     NUM   CD  nummod  4
        jet     NOUN  NN  nsubj   5
        crashed VERB  VBD ROOT    0 crash
        on      ADP   IN  prep    5
        Sunday  PROPN NNP pobj    6
        .       PUNCT .   punct   5
        """,
        ents=[(2, 3, "PRODUCT"), (7, 7, "DATE")],
    )
    assert events(doc) == [("crash", ("Korvan 310",), None, "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_a_launch_aboard_a_named_rocket_has_the_rocket_among_its_objects():
    doc = parse(
        """
        Tarvia   PROPN NNP nsubj    2
        launched VERB  VBD ROOT     0 launch
        the      DET   DT  det      5
        Lumo     PROPN NNP compound 5
        probe    NOUN  NN  dobj     2
        aboard   ADP   IN  prep     2
        the      DET   DT  det      9
        Sela     PROPN NNP compound 9
        rocket   NOUN  NN  pobj     6
        .        PUNCT .   punct    2
        """,
        ents=[(1, 1, "GPE"), (4, 4, "PRODUCT"), (8, 8, "PRODUCT")],
    )
    (launch,) = extract(doc).events
    assert (launch.kind, [r.text for r in launch.participants]) == ("launch", ["Tarvia"])
    assert [r.text for r in launch.objects] == ["Lumo", "Sela"]


def _struck(doc) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    return [
        (e.kind, tuple(p.text for p in e.participants), tuple(o.text for o in e.objects), e.time and e.time.text)
        for e in extract(doc).events
    ]


@pytest.mark.rule("events.support_verb")
def test_a_quake_that_struck_a_country_is_a_disaster_with_the_country_as_its_object():
    doc = parse(
        """
        A          DET   DT  det      3
        strong     ADJ   JJ  amod     3
        earthquake NOUN  NN  nsubj    4
        struck     VERB  VBD ROOT     0 strike
        Tarvia     PROPN NNP dobj     4
        on         ADP   IN  prep     4
        Monday     PROPN NNP pobj     6
        .          PUNCT .   punct    4
        """,
        ents=[(5, 5, "GPE"), (7, 7, "DATE")],
    )
    assert _struck(doc) == [("disaster", (), ("Tarvia",), "Monday")]
    # without it, the verb alone reads as a military strike on the country
    assert [e.kind for e in extract(doc, "events.support_verb").events] == ["strike"]


@pytest.mark.rule("events.support_verb")
def test_a_named_storm_that_hit_a_place_is_a_party_of_the_disaster():
    doc = parse(
        """
        Lumora     PROPN NNP nsubjpass 3
        was        AUX   VBD auxpass   3 be
        hit        VERB  VBN ROOT      0 hit
        by         ADP   IN  agent     3
        Cyclone    PROPN NNP compound  6
        Mira       PROPN NNP pobj      4
        .          PUNCT .   punct     3
        """,
        ents=[(1, 1, "GPE"), (5, 6, "PERSON")],
    )
    assert _struck(doc) == [("disaster", ("Cyclone Mira",), ("Lumora",), None)]


@pytest.mark.rule("events.support_verb")
def test_a_storm_of_criticism_that_hits_a_person_is_no_disaster():
    doc = parse(
        """
        A          DET   DT  det      2
        storm      NOUN  NN  nsubj    5
        of         ADP   IN  prep     2
        criticism  NOUN  NN  pobj     3
        hit        VERB  VBD ROOT     0 hit
        Berg       PROPN NNP dobj     5
        .          PUNCT .   punct    5
        """,
        ents=[(6, 6, "PERSON")],
    )
    assert [e.kind for e in extract(doc).events if e.kind == "disaster"] == []


def _told(doc) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [
        (e.kind, tuple(p.text for p in e.participants), tuple(o.text for o in e.objects)) for e in extract(doc).events
    ]


@pytest.mark.rule("statements.verbal")
def test_whoever_asked_the_question_is_whom_the_speaker_answered():
    doc = parse(
        """
        Asked     VERB  VBN advcl  8 ask
        by        ADP   IN  agent  1
        reporter  NOUN  NN  compound 5
        Ivo       PROPN NNP compound 5
        Marek     PROPN NNP pobj   2
        ,         PUNCT ,   punct  8
        Berg      PROPN NNP nsubj  8
        said      VERB  VBD ROOT   0 say
        it        PRON  PRP nsubj  10
        failed    VERB  VBD ccomp  8 fail
        .         PUNCT .   punct  8
        """,
        ents=[(4, 5, "PERSON"), (7, 7, "PERSON")],
    )
    assert _told(doc) == [("statement", ("Berg",), ("Ivo Marek",))]


@pytest.mark.rule("statements.verbal")
def test_said_in_an_interview_with_a_broadcaster_is_one_statement_to_it():
    doc = parse(
        """
        Berg      PROPN NNP nsubj  2
        said      VERB  VBD ROOT   0 say
        in        ADP   IN  prep   2
        an        DET   DT  det    5
        interview NOUN  NN  pobj   3
        with      ADP   IN  prep   5
        Radio     PROPN NNP compound 8
        Tarvia    PROPN NNP pobj   6
        .         PUNCT .   punct  2
        """,
        ents=[(1, 1, "PERSON"), (7, 8, "ORG")],
    )
    assert _told(doc) == [("statement", ("Berg",), ("Radio Tarvia",))]


@pytest.mark.rule("statements.verbal")
def test_said_at_a_joint_press_conference_with_a_guest_does_not_make_the_guest_the_listener():
    doc = parse(
        """
        Berg       PROPN NNP nsubj    2
        said       VERB  VBD ROOT     0 say
        at         ADP   IN  prep     2
        a          DET   DT  det      6
        press      NOUN  NN  compound 6
        conference NOUN  NN  pobj     3
        with       ADP   IN  prep     6
        Marek      PROPN NNP pobj     7
        .          PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (8, 8, "PERSON")],
    )
    assert ("statement", ("Berg",), ()) in _told(doc)


@pytest.mark.rule("events.nominal")
def test_an_interview_with_a_broadcaster_has_the_broadcaster_as_its_object():
    doc = parse(
        """
        Her       PRON  PRP$ poss   2
        interview NOUN  NN  nsubj   6
        with      ADP   IN  prep    2
        Radio     PROPN NNP compound 5
        Tarvia    PROPN NNP pobj    3
        ended     VERB  VBD ROOT    0 end
        .         PUNCT .   punct   6
        """,
        ents=[(4, 5, "ORG")],
    )
    assert _told(doc) == [("statement", ("Her",), ("Radio Tarvia",))]


@pytest.mark.rule("events.verbal")
def test_a_crash_has_the_carrier_of_the_vehicle_as_a_party_and_its_toll_is_no_attack():
    # "A Korvan jet of Vantix crashed in Lumora, killing 40."
    doc = parse(
        """
        A        DET   DT  det      3
        Korvan   PROPN NNP compound 3
        jet      NOUN  NN  nsubj    6
        of       ADP   IN  prep     3
        Vantix   PROPN NNP pobj     4
        crashed  VERB  VBD ROOT     0 crash
        in       ADP   IN  prep     6
        Lumora   PROPN NNP pobj     7
        ,        PUNCT ,   punct    6
        killing  VERB  VBG advcl    6 kill
        40       NUM   CD  dobj     10
        .        PUNCT .   punct    6
        """,
        ents=[(2, 2, "PRODUCT"), (5, 5, "PERSON"), (8, 8, "GPE")],
    )
    assert events(doc) == [("crash", ("Korvan", "Vantix"), "Lumora", "events.verbal.v5")]


@pytest.mark.rule("events.nominal")
def test_a_meeting_after_following_is_the_clause_subjects_meeting():
    # "following" is parsed as a verb; the clause's verb is the one above it
    doc = parse(
        """
        Berg      PROPN NNP nsubj    2
        spoke     VERB  VBD ROOT     0 speak
        following VERB  VBG prep     2 follow
        a         DET   DT  det      5
        meeting   NOUN  NN  pobj     3
        with      ADP   IN  prep     5
        Marek     PROPN NNP pobj     6
        .         PUNCT .   punct    2
        """,
        ents=[(1, 1, "PERSON"), (7, 7, "PERSON")],
    )
    assert events(doc) == [("meeting", ("Berg", "Marek"), None, "events.nominal.v5")]


@pytest.mark.rule("events.support_verb")
def test_made_the_announcement_is_an_announcement_by_the_subject():
    doc = parse(
        """
        Berg         PROPN NNP nsubj 2
        made         VERB  VBD ROOT  0 make
        the          DET   DT  det   4
        announcement NOUN  NN  dobj  2
        .            PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON")],
    )
    assert events(doc) == [("announcement", ("Berg",), None, "events.support_verb.v5")]


BRACKETED = """
    the      DET   DT    det      2
    Orbiter  PROPN NNP   nsubj    7
    (        PUNCT -LRB- punct    2
    Tessa    PROPN NNP   appos    2
    )        PUNCT -RRB- punct    2
    of       ADP   IN    prep     2
    landed   VERB  VBD   ROOT     0 land
    .        PUNCT .     punct    7
"""


@pytest.mark.rule("mentions.brackets")
def test_a_name_run_across_a_bracket_is_cut_there():
    doc = parse(BRACKETED, ents=[(1, 4, "ORG")])
    assert names(doc, "mentions.craft_names") == [("Tessa", "organization")]
    assert names(doc) == [("Tessa", "product")]  # the orbiter's name (mentions.craft_names)
    assert names(doc, "mentions.brackets") == [("Orbiter (Tessa", "organization")]


@pytest.mark.rule("aliases.bracketed")
def test_an_abbreviation_in_brackets_after_a_name_is_its_alias():
    doc = parse(
        """
        The      DET   DT    det      4
        United   PROPN NNP   compound 4
        Tarvian  PROPN NNP   compound 4
        Front    PROPN NNP   nsubj    9
        (        PUNCT -LRB- punct    4
        UTF      PROPN NNP   appos    4
        )        PUNCT -RRB- punct    4
        has      AUX   VBZ   aux      9 have
        won      VERB  VBN   ROOT     0 win
        .        PUNCT .     punct    9
        """,
        ents=[(2, 4, "ORG"), (6, 6, "ORG")],
    )
    assert [([n.text for n in a.names], a.antecedent.text) for a in extract(doc).aliases] == [
        (["UTF"], "United Tarvian Front")
    ]
    assert extract(doc, "aliases.bracketed").aliases == ()


def test_only_an_abbreviation_of_the_name_is_its_bracketed_alias():
    from graph.extract.aliases import _abbreviates

    assert [_abbreviates(s, "Council of Tarvia") for s in ("CoT", "CT", "TC", "Lumo", "C")] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert _abbreviates("G-30", "Group of 30") and not _abbreviates("G-30", "Group of 40")


@pytest.mark.rule("statements.verbal")
def test_a_name_after_a_closing_speech_verb_is_its_speaker_though_parsed_as_its_object():
    # "Forty were on board, announced Vantix."
    doc = parse(
        """
        Forty     NUM   CD  nsubj  2
        were      AUX   VBD ccomp  4 be
        ,         PUNCT ,   punct  4
        announced VERB  VBD ROOT   0 announce
        Vantix    PROPN NNP dobj   4
        .         PUNCT .   punct  4
        """,
        ents=[(5, 5, "ORG")],
    )
    assert _told(doc) == [("announcement", ("Vantix",), ())]
    # in the middle of a sentence the object is whom the news is about
    doc = parse(
        """
        Berg      PROPN NNP nsubj  2
        praised   VERB  VBD ROOT   0 praise
        Vantix    PROPN NNP dobj   2
        .         PUNCT .   punct  2
        """,
        ents=[(1, 1, "PERSON"), (3, 3, "ORG")],
    )
    assert _told(doc) == [("statement", ("Berg",), ("Vantix",))]


@pytest.mark.rule("events.verbal")
def test_a_protest_with_no_one_named_but_a_place_and_a_time_is_an_event():
    doc = parse(
        """
        Protesters NOUN  NNS nsubj 2 protester
        rallied    VERB  VBD ROOT  0 rally
        in         ADP   IN  prep  2
        Lumora     PROPN NNP pobj  3
        on         ADP   IN  prep  2
        Saturday   PROPN NNP pobj  5
        .          PUNCT .   punct 2
        """,
        ents=[(4, 4, "GPE"), (6, 6, "DATE")],
    )
    assert [(e.kind, e.place.text, e.time.text) for e in extract(doc).events] == [("protest", "Lumora", "Saturday")]
    # without a time, nothing says which protest it was
    doc = parse(
        """
        Protesters NOUN  NNS nsubj 2 protester
        rallied    VERB  VBD ROOT  0 rally
        in         ADP   IN  prep  2
        Lumora     PROPN NNP pobj  3
        .          PUNCT .   punct 2
        """,
        ents=[(4, 4, "GPE")],
    )
    assert extract(doc).events == ()


@pytest.mark.rule("events.verbal")
def test_the_city_of_a_named_place_is_that_place():
    doc = parse(
        """
        Troops PROPN NNS nsubj 2 troop
        seized VERB  VBD ROOT  0 seize
        the    DET   DT  det   4
        city   NOUN  NN  dobj  2
        of     ADP   IN  prep  4
        Kandor PROPN NNP pobj  5
        .      PUNCT .   punct 2
        """,
        ents=[(1, 1, "NORP"), (6, 6, "GPE")],
    )
    (seizure,) = extract(doc).events
    assert [r.text for r in seizure.objects] == ["Kandor"]


CHAIRMAN_OF_BODY_NAME = """
    Vera      PROPN NNP compound 2
    Lind      PROPN NNP nsubj    3
    met       VERB  VBD ROOT     0 meet
    the       DET   DT  det      5
    chairman  NOUN  NN  dobj     3
    of        ADP   IN  prep     5
    the       DET   DT  det      9
    Harbour   PROPN NNP compound 9
    Committee PROPN NNP compound 12
    Sir       PROPN NNP compound 12
    Ian       PROPN NNP compound 12
    Vale      PROPN NNP pobj     6
    .         PUNCT .   punct    3
"""


@pytest.mark.rule("events.verbal")
def test_a_name_closing_a_titles_of_phrase_after_the_bodys_name_is_the_title_holder():
    """'met the chairman of the Harbour Committee Sir Ian Vale': Vale is whom she met, the parse
    hanging the name on the body or the body on the name; after another title it is not."""
    body = CHAIRMAN_OF_BODY_NAME
    doc = parse(body, ents=[(1, 2, "PERSON"), (8, 9, "ORG"), (11, 12, "PERSON")])
    (meeting,) = extract(doc).events
    assert [r.text for r in meeting.participants] == ["Vera Lind", "Ian Vale"]
    doc = parse(body.replace("Committee", "minister"), ents=[(1, 2, "PERSON"), (11, 12, "PERSON")])
    (meeting,) = extract(doc).events
    assert [r.text for r in meeting.participants] == ["Vera Lind", "the chairman"]


@pytest.mark.rule("events.verbal")
def test_firing_a_named_person_is_a_dismissal_and_firing_rockets_is_none():
    doc = parse(
        """
        Vantix PROPN NNP nsubj    2
        fired  VERB  VBD ROOT     0 fire
        Ivo    PROPN NNP compound 4
        Marek  PROPN NNP dobj     2
        .      PUNCT .   punct    2
        """,
        ents=[(1, 1, "ORG"), (3, 4, "PERSON")],
    )
    (dismissal,) = extract(doc).events
    assert (dismissal.kind, [r.text for r in dismissal.objects]) == ("dismissal", ["Ivo Marek"])
    doc = parse(
        """
        Troops  NOUN  NNS nsubj 2 troop
        fired   VERB  VBD ROOT  0 fire
        rockets NOUN  NNS dobj  2 rocket
        .       PUNCT .   punct 2
        """,
    )
    assert extract(doc).events == ()
    # dismissing a person's claims is no dismissal of the person
    doc = parse(
        """
        Berg      PROPN NNP nsubj 2
        dismissed VERB  VBD ROOT  0 dismiss
        Marek     PROPN NNP poss  5
        's        PART  POS case  3
        claims    NOUN  NNS dobj  2 claim
        .         PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (3, 3, "PERSON")],
    )
    assert [e.kind for e in extract(doc).events if e.kind == "dismissal"] == []


@pytest.mark.rule("mentions.flight_numbers")
def test_a_carrier_and_its_flight_number_are_one_name_of_an_event():
    doc = parse(
        """
        Vantix  PROPN NNP compound 4
        Air     PROPN NNP compound 4
        flight  NOUN  NN  compound 4
        302     NUM   CD  nsubj    5
        crashed VERB  VBD ROOT     0 crash
        .       PUNCT .   punct    5
        """,
        ents=[(1, 2, "ORG"), (4, 4, "CARDINAL")],
    )
    assert names(doc) == [("Vantix Air flight 302", "event")]
    assert names(doc, "mentions.flight_numbers") == [("Vantix Air", "organization")]
    # "the flight" and a count after it are no name
    doc = parse(
        """
        The     DET   DT  det    2
        flight  NOUN  NN  nsubj  3
        took    VERB  VBD ROOT   0 take
        12      NUM   CD  nummod 5
        hours   NOUN  NNS dobj   3 hour
        .       PUNCT .   punct  3
        """,
    )
    assert names(doc) == []


KANDOR_BOMBING = """
    The     DET   DT  det   2
    bombing NOUN  NN  nsubj 7 bombing
    in      ADP   IN  prep  2
    Kandor  PROPN NNP pobj  3
    on      ADP   IN  prep  7
    Monday  PROPN NNP pobj  5
    killed  VERB  VBD ROOT  0 kill
    20      NUM   CD  nummod 9
    people  NOUN  NNS dobj  7 people
    .       PUNCT .   punct 7
"""


@pytest.mark.rule("events.nominal")
def test_an_attack_noun_that_killed_takes_the_time_of_its_toll_which_is_no_second_attack():
    doc = parse(KANDOR_BOMBING, ents=[(4, 4, "GPE"), (6, 6, "DATE")])
    assert [(e.kind, e.place.text, e.time.text) for e in extract(doc).events] == [("attack", "Kandor", "Monday")]


@pytest.mark.rule("events.nominal")
def test_the_place_named_before_a_disaster_noun_is_the_place_struck():
    doc = parse(
        """
        The        DET   DT  det      3
        Lumora     PROPN NNP compound 3
        earthquake NOUN  NN  nsubj    4
        struck     VERB  VBD ROOT     0 strike
        at         ADP   IN  prep     4
        dawn       NOUN  NN  pobj     5
        on         ADP   IN  prep     4
        Monday     PROPN NNP pobj     7
        .          PUNCT .   punct    4
        """,
        ents=[(2, 2, "GPE"), (8, 8, "DATE")],
    )
    (quake,) = extract(doc).events
    assert (quake.kind, quake.participants, [o.text for o in quake.objects]) == ("disaster", (), ["Lumora"])


@pytest.mark.rule("events.verbal")
def test_spoke_by_phone_with_someone_is_a_call_and_receiving_a_person_a_meeting():
    doc = parse(
        """
        Berg  PROPN NNP nsubj 2
        spoke VERB  VBD ROOT  0 speak
        with  ADP   IN  prep  2
        Marek PROPN NNP pobj  3
        by    ADP   IN  prep  2
        phone NOUN  NN  pobj  5
        .     PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (4, 4, "PERSON")],
    )
    assert [(e.kind, tuple(p.text for p in e.participants)) for e in extract(doc).events] == [
        ("call", ("Berg", "Marek"))
    ]
    received = """
        Berg     PROPN NNP nsubj 2
        received VERB  VBD ROOT  0 receive
        {obj}    PROPN NNP dobj  2
        .        PUNCT .   punct 2
    """
    doc = parse(received.format(obj="Marek"), ents=[(1, 1, "PERSON"), (3, 3, "PERSON")])
    assert [e.kind for e in extract(doc).events] == ["meeting"]
    doc = parse(received.format(obj="Lumo"), ents=[(1, 1, "PERSON"), (3, 3, "PRODUCT")])
    assert [e.kind for e in extract(doc).events if e.kind == "meeting"] == []


@pytest.mark.rule("events.support_verb")
def test_firing_a_missile_is_a_launch_and_making_landfall_a_disaster():
    doc = parse(
        """
        Tarvia  PROPN NNP nsubj 2
        fired   VERB  VBD ROOT  0 fire
        a       DET   DT  det   4
        missile NOUN  NN  dobj  2 missile
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "GPE")],
    )
    assert [(e.kind, tuple(p.text for p in e.participants)) for e in extract(doc).events] == [("launch", ("Tarvia",))]
    doc = parse(
        """
        Cyclone  PROPN NNP compound 2
        Mira     PROPN NNP nsubj    3
        made     VERB  VBD ROOT     0 make
        landfall NOUN  NN  dobj     3 landfall
        in       ADP   IN  prep     3
        Lumora   PROPN NNP pobj     5
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (6, 6, "GPE")],
    )
    assert [(e.kind, e.place.text) for e in extract(doc).events] == [("disaster", "Lumora")]


@pytest.mark.rule("events.verbal")
def test_releasing_prisoners_and_expelling_diplomats_are_events_and_releasing_results_is_none():
    sentence = """
        Tarvia   PROPN NNP nsubj  2
        {verb}   VERB  VBD ROOT   0 {lemma}
        five     NUM   CD  nummod 4
        {obj}    NOUN  NNS dobj   2 {obj_lemma}
        .        PUNCT .   punct  2
    """

    def kinds(verb: str, lemma: str, obj: str, obj_lemma: str) -> list[str]:
        doc = parse(sentence.format(verb=verb, lemma=lemma, obj=obj, obj_lemma=obj_lemma), ents=[(1, 1, "GPE")])
        return [e.kind for e in extract(doc).events]

    assert kinds("released", "release", "prisoners", "prisoner") == ["release"]
    assert kinds("expelled", "expel", "diplomats", "diplomat") == ["expulsion"]
    assert kinds("released", "release", "results", "result") == []


@pytest.mark.rule("events.verbal")
def test_a_club_that_signed_a_player_is_a_signing():
    doc = parse(
        """
        Lumo   PROPN NNP compound 2
        United PROPN NNP nsubj    3
        signed VERB  VBD ROOT     0 sign
        Ivo    PROPN NNP compound 5
        Marek  PROPN NNP dobj     3
        .      PUNCT .   punct    3
        """,
        ents=[(1, 2, "ORG"), (4, 5, "PERSON")],
    )
    assert [(e.kind, [o.text for o in e.objects]) for e in extract(doc).events] == [("signing", ["Ivo Marek"])]


@pytest.mark.rule("events.verbal")
def test_calling_someone_a_name_is_no_call_and_hosting_an_event_no_meeting():
    doc = parse(
        """
        Berg   PROPN NNP nsubj 2
        called VERB  VBD ROOT  0 call
        Marek  PROPN NNP nsubj 5
        a      DET   DT  det   5
        liar   NOUN  NN  oprd  2 liar
        .      PUNCT .   punct 2
        """,
        ents=[(1, 1, "PERSON"), (3, 3, "PERSON")],
    )
    assert [e.kind for e in extract(doc).events if e.kind in {"call", "meeting"}] == []
    doc = parse(
        """
        Tarvia PROPN NNP nsubj    2
        hosted VERB  VBD ROOT     0 host
        the    DET   DT  det      5
        Lumo   PROPN NNP compound 5
        Games  PROPN NNP dobj     2
        .      PUNCT .   punct    2
        """,
        ents=[(1, 1, "GPE"), (4, 5, "EVENT")],
    )
    assert [e.kind for e in extract(doc).events if e.kind == "meeting"] == []


@pytest.mark.rule("events.travel_purpose")
def test_the_purpose_of_a_journey_takes_place_where_the_journey_goes():
    doc = parse(
        """
        Vera   PROPN NNP compound 2
        Lind   PROPN NNP nsubj    3
        flew   VERB  VBD ROOT     0 fly
        to     ADP   IN  prep     3
        Kandor PROPN NNP pobj     4
        for    ADP   IN  prep     3
        talks  NOUN  NNS pobj     6 talk
        with   ADP   IN  prep     7
        Ian    PROPN NNP compound 10
        Vale   PROPN NNP pobj     8
        on     ADP   IN  prep     7
        Monday PROPN NNP pobj     11
        .      PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (5, 5, "GPE"), (9, 10, "PERSON"), (12, 12, "DATE")],
    )
    assert events(doc) == [
        ("visit", ("Vera Lind",), "Kandor", "events.verbal.v5"),
        ("talks", ("Vera Lind", "Ian Vale"), "Kandor", "events.nominal.v5"),
    ]
    assert events(doc, "events.travel_purpose")[1] == ("talks", ("Vera Lind", "Ian Vale"), None, "events.nominal.v5")


@pytest.mark.rule("events.support_verb")
def test_paying_a_visit_to_a_place_is_a_visit_there():
    doc = parse(
        """
        Vera   PROPN NNP compound 2
        Lind   PROPN NNP nsubj    3
        paid   VERB  VBD ROOT     0 pay
        a      DET   DT  det      5
        visit  NOUN  NN  dobj     3
        to     ADP   IN  prep     5
        Kandor PROPN NNP pobj     6
        .      PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (7, 7, "GPE")],
    )
    assert events(doc) == [("visit", ("Vera Lind",), "Kandor", "events.support_verb.v5")]


OCCUPIED_PLACE = """
    Police   NOUN  NNS nsubj    2 police
    blamed   VERB  VBD ROOT     0 blame
    rebels   NOUN  NNS dobj     2 rebel
    for      ADP   IN  prep     3
    the      DET   DT  det      8
    March    PROPN NNP nmod     8
    9        NUM   CD  nummod   6
    bombing  NOUN  NN  pobj     4
    in       ADP   IN  prep     8
    occupied VERB  VBD acl      8 occupy
    Tarvia   PROPN NNP poss     13
    's       PART  POS case     11
    Dalen    PROPN NNP dobj     10
    .        PUNCT .   punct    2
"""


@pytest.mark.rule("mentions.possessed_places")
def test_a_name_a_place_possesses_after_in_is_a_place_there():
    doc = parse(OCCUPIED_PLACE, ents=[(6, 7, "DATE"), (11, 11, "LOC")])
    assert ("Dalen", "place") in names(doc)
    assert "Dalen" not in [n for n, _ in names(doc, "mentions.possessed_places")]


@pytest.mark.rule("events.verbal")
def test_a_participle_after_a_preposition_is_no_event_and_the_place_it_describes_is_the_events():
    """'the March 9 bombing in occupied Tarvia's Dalen': no seizure; the bombing was in Dalen, and its
    calendar date is read as the one nearer the report, whatever the clause's tense."""
    doc = parse(OCCUPIED_PLACE, ents=[(6, 7, "DATE"), (11, 11, "LOC")])
    (bombing,) = extract(doc).events
    assert (bombing.kind, bombing.place.text, bombing.time.text, bombing.time.tense) == (
        "attack",
        "Dalen",
        "March 9",
        "present",
    )


@pytest.mark.rule("events.verbal")
def test_a_subject_described_by_its_place_acts_there():
    """'A court in Lisbon sentenced X': the sentence was passed in Lisbon."""
    doc = parse(
        """
        A         DET   DT  det      2
        court     NOUN  NN  nsubj    5
        in        ADP   IN  prep     2
        Lisbon    PROPN NNP pobj     3
        sentenced VERB  VBD ROOT     0 sentence
        Ian       PROPN NNP compound 7
        Vale      PROPN NNP dobj     5
        on        ADP   IN  prep     5
        Monday    PROPN NNP pobj     8
        .         PUNCT .   punct    5
        """,
        ents=[(4, 4, "GPE"), (6, 7, "PERSON"), (9, 9, "DATE")],
    )
    (sentence,) = extract(doc).events
    assert (sentence.kind, sentence.place.text) == ("sentence", "Lisbon")


@pytest.mark.rule("events.verbal")
def test_two_sides_that_clashed_are_both_parties_of_a_clash():
    doc = parse(
        """
        Vantix  PROPN NNP nsubj 2
        clashed VERB  VBD ROOT  0 clash
        with    ADP   IN  prep  2
        Orbel   PROPN NNP pobj  3
        in      ADP   IN  prep  2
        Kandor  PROPN NNP pobj  5
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "ORG"), (4, 4, "ORG"), (6, 6, "GPE")],
    )
    assert events(doc) == [("clash", ("Vantix", "Orbel"), "Kandor", "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_a_reading_whose_condition_holds_comes_before_one_with_no_condition():
    """'confirmed X as minister' is an appointment; 'confirmed the deaths' is none. The post
    in the as-phrase is the person's, not the subject's."""
    doc = parse(
        """
        The       DET   DT  det      2
        Senate    PROPN NNP nsubj    3
        confirmed VERB  VBD ROOT     0 confirm
        Ian       PROPN NNP compound 5
        Vale      PROPN NNP dobj     3
        as        ADP   IN  prep     3
        finance   NOUN  NN  compound 8
        minister  NOUN  NN  pobj     6
        .         PUNCT .   punct    3
        """,
        ents=[(2, 2, "ORG"), (4, 5, "PERSON")],
    )
    ex = extract(doc)
    assert [(e.kind, [r.text for r in e.objects]) for e in ex.events] == [("appointment", ["Ian Vale"])]
    assert [r.person.text for r in ex.roles] == ["Ian Vale"]
    doc = parse(
        """
        Officials PROPN NNS nsubj 2 official
        confirmed VERB  VBD ROOT  0 confirm
        the       DET   DT  det   4
        deaths    NOUN  NNS dobj  2 death
        .         PUNCT .   punct 2
        """
    )
    assert [e.kind for e in extract(doc).events] == ["death"]  # no appointment


@pytest.mark.rule("mentions.trim")
def test_a_match_score_run_into_a_name_is_cut_off():
    doc = parse(
        """
        Vantix PROPN NNP nsubj    2
        beat   VERB  VBD ROOT     0
        Real   PROPN NNP compound 4
        Tarvia PROPN NNP dobj     2
        2      NUM   CD  nummod   4
        -      SYM   SYM punct    2
        0      NUM   CD  dobj     2
        .      PUNCT .   punct    2
        """,
        ents=[(1, 1, "ORG"), (3, 7, "ORG")],
    )
    assert names(doc) == [("Vantix", "organization"), ("Real Tarvia", "organization")]


@pytest.mark.rule("events.nominal")
def test_talks_that_collapsed_somewhere_on_a_day_took_place_there_then():
    doc = parse(
        """
        Talks     NOUN  NNS nsubj 6 talk
        between   ADP   IN  prep  1
        Vantix    PROPN NNP pobj  2
        and       CCONJ CC  cc    3
        Orbel     PROPN NNP conj  3
        collapsed VERB  VBD ROOT  0 collapse
        in        ADP   IN  prep  6
        Kandor    PROPN NNP pobj  7
        on        ADP   IN  prep  6
        Monday    PROPN NNP pobj  9
        .         PUNCT .   punct 6
        """,
        ents=[(3, 3, "ORG"), (5, 5, "ORG"), (8, 8, "GPE"), (10, 10, "DATE")],
    )
    (talks,) = extract(doc).events
    assert (talks.kind, [r.text for r in talks.participants], talks.place.text, talks.time.text) == (
        "talks",
        ["Vantix", "Orbel"],
        "Kandor",
        "Monday",
    )


@pytest.mark.rule("events.verbal")
def test_a_boat_that_capsized_off_the_coast_of_a_place_on_a_day_is_a_crash_there():
    doc = parse(
        """
        The      DET   DT  det   2
        boat     NOUN  NN  nsubj 3
        capsized VERB  VBD ROOT  0 capsize
        off      ADP   IN  prep  3
        the      DET   DT  det   6
        coast    NOUN  NN  pobj  4
        of       ADP   IN  prep  6
        Kandor   PROPN NNP pobj  7
        on       ADP   IN  prep  3
        Monday   PROPN NNP pobj  9
        .        PUNCT .   punct 3
        """,
        ents=[(8, 8, "GPE"), (10, 10, "DATE")],
    )
    assert events(doc) == [("crash", ("The boat",), "Kandor", "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_welcoming_a_guest_to_a_place_is_a_meeting_there():
    doc = parse(
        """
        Ian      PROPN NNP compound 2
        Vale     PROPN NNP nsubj    3
        welcomed VERB  VBD ROOT     0 welcome
        Vera     PROPN NNP compound 5
        Lind     PROPN NNP dobj     3
        to       ADP   IN  prep     3
        Kandor   PROPN NNP pobj     6
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (7, 7, "GPE")],
    )
    assert events(doc) == [("meeting", ("Ian Vale", "Vera Lind"), "Kandor", "events.verbal.v5")]


@pytest.mark.rule("events.support_verb")
def test_opening_fire_somewhere_on_a_day_is_an_attack_though_no_one_is_named():
    doc = parse(
        """
        A      DET   DT  det   2
        gunman NOUN  NN  nsubj 3
        opened VERB  VBD ROOT  0 open
        fire   NOUN  NN  dobj  3
        in     ADP   IN  prep  3
        Kandor PROPN NNP pobj  5
        on     ADP   IN  prep  3
        Monday PROPN NNP pobj  7
        .      PUNCT .   punct 3
        """,
        ents=[(6, 6, "GPE"), (8, 8, "DATE")],
    )
    assert events(doc) == [("attack", (), "Kandor", "events.support_verb.v5")]


@pytest.mark.rule("events.support_verb")
def test_winning_the_final_against_a_side_is_a_match_though_the_tagger_calls_final_an_adjective():
    doc = parse(
        """
        Vantix  PROPN NNP nsubj 2
        won     VERB  VBD ROOT  0 win
        the     DET   DT  det   4
        final   ADJ   JJ  dobj  2
        against ADP   IN  prep  4
        Orbel   PROPN NNP pobj  5
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "ORG"), (6, 6, "ORG")],
    )
    (match,) = extract(doc).events
    assert (match.kind, [r.text for r in match.participants], [r.text for r in match.objects]) == (
        "contest",
        ["Vantix"],
        ["Orbel"],
    )


LAUNCHED_PROBE = """
    Tarvia   PROPN NNP nsubj    2
    launched VERB  VBD ROOT     0 launch
    its      PRON  PRP$ poss    5
    Korvan-3 PROPN NNP compound 5
    probe    NOUN  NN  dobj     2
    from     ADP   IN  prep     2
    Dalen    PROPN NNP pobj     6
    .        PUNCT .   punct    2
"""


@pytest.mark.rule("mentions.craft_names")
def test_an_untagged_name_before_a_noun_for_a_craft_names_the_craft():
    doc = parse(LAUNCHED_PROBE, ents=[(1, 1, "GPE"), (7, 7, "GPE")])
    assert ("Korvan-3", "product") in names(doc)
    assert "Korvan-3" not in [n for n, _ in names(doc, "mentions.craft_names")]


@pytest.mark.rule("events.verbal")
def test_a_launch_from_a_place_was_there_and_a_landing_on_a_body_is_a_landing():
    doc = parse(LAUNCHED_PROBE, ents=[(1, 1, "GPE"), (7, 7, "GPE")])
    (launch,) = extract(doc).events
    assert (launch.kind, [r.text for r in launch.objects], launch.place.text) == ("launch", ["Korvan-3"], "Dalen")
    doc = parse(
        """
        The    DET   DT  det      3
        Korvan PROPN NNP compound 3
        rover  NOUN  NN  nsubj    4
        landed VERB  VBD ROOT     0 land
        on     ADP   IN  prep     4
        Mars   PROPN NNP pobj     5
        .      PUNCT .   punct    4
        """,
        ents=[(2, 2, "PRODUCT"), (6, 6, "LOC")],
    )
    assert events(doc) == [("landing", ("Korvan",), "Mars", "events.verbal.v5")]


@pytest.mark.rule("times.expressions")
def test_over_the_weekend_says_when():
    doc = parse(
        """
        Protesters NOUN  NNS nsubj 2 protester
        rallied    VERB  VBD ROOT  0 rally
        in         ADP   IN  prep  2
        Dalen      PROPN NNP pobj  3
        over       ADP   IN  prep  2
        the        DET   DT  det   7
        weekend    NOUN  NN  pobj  5
        .          PUNCT .   punct 2
        """,
        ents=[(4, 4, "GPE"), (6, 7, "DATE")],
    )
    (protest,) = extract(doc).events
    assert (protest.kind, protest.place.text, protest.time.text) == ("protest", "Dalen", "the weekend")


@pytest.mark.rule("events.support_verb")
def test_a_subject_the_parse_left_to_after_is_still_the_subject_of_its_verb():
    """'after the earthquake struck X', parsed as 'after [the earthquake]' and a subjectless
    'struck X': the quake struck X; and 'a quake that struck X' too."""
    doc = parse(
        """
        Aid        NOUN  NN  nsubj 2 aid
        arrived    VERB  VBD ROOT  0 arrive
        after      ADP   IN  prep  2
        the        DET   DT  det   5
        earthquake NOUN  NN  pobj  3
        struck     VERB  VBD advcl 2 strike
        Tarvia     PROPN NNP dobj  6
        .          PUNCT .   punct 2
        """,
        ents=[(7, 7, "GPE")],
    )
    (quake,) = [e for e in extract(doc).events if e.kind == "disaster"]
    assert [r.text for r in quake.objects] == ["Tarvia"]
    assert "strike" not in [e.kind for e in extract(doc).events]
    doc = parse(
        """
        Aid        NOUN  NN  nsubj 2 aid
        came       VERB  VBD ROOT  0 come
        after      ADP   IN  prep  2
        a          DET   DT  det   5
        quake      NOUN  NN  pobj  3
        that       PRON  WDT nsubj 7
        struck     VERB  VBD relcl 5 strike
        Tarvia     PROPN NNP dobj  7
        .          PUNCT .   punct 2
        """,
        ents=[(8, 8, "GPE")],
    )
    (quake,) = [e for e in extract(doc).events if e.kind == "disaster"]
    assert [r.text for r in quake.objects] == ["Tarvia"]


@pytest.mark.rule("events.nominal")
def test_an_event_noun_in_a_where_clause_took_place_where_the_clause_says():
    doc = parse(
        """
        Houses  NOUN  NNS nsubj     2 house
        fell    VERB  VBD ROOT      0 fall
        in      ADP   IN  prep      2
        Dalen   PROPN NNP pobj      3
        ,       PUNCT ,   punct     4
        where   SCONJ WRB advmod    10
        the     DET   DT  det       8
        quake   NOUN  NN  nsubjpass 10
        was     AUX   VBD auxpass   10 be
        centred VERB  VBN relcl     4 centre
        .       PUNCT .   punct     2
        """,
        ents=[(4, 4, "GPE")],
    )
    assert events(doc) == [("disaster", (), "Dalen", "events.nominal.v5")]


@pytest.mark.rule("statements.verbal")
def test_a_body_described_by_a_common_noun_is_a_speaker_for_resolution_to_find():
    doc = parse(
        """
        The     DET   DT  det   2
        company NOUN  NN  nsubj 3
        said    VERB  VBD ROOT  0 say
        it      PRON  PRP nsubj 5
        grew    VERB  VBD ccomp 3 grow
        .       PUNCT .   punct 3
        """
    )
    (said,) = extract(doc).events
    assert [(r.text, r.kind, r.head) for r in said.participants] == [("The company", "nominal", "company")]


@pytest.mark.rule("events.verbal")
def test_agreeing_on_a_vague_thing_is_no_agreement():
    table = """
        Berg   PROPN NNP nsubj    4
        and    CCONJ CC  cc       1
        Marek  PROPN NNP conj     1
        agreed VERB  VBD ROOT     0 agree
        on     ADP   IN  prep     4
        one    NUM   CD  nummod   7
        {word} NOUN  NN  pobj     5 {word}
        .      PUNCT .   punct    4
    """
    doc = parse(table.format(word="thing"), ents=[(1, 1, "PERSON"), (3, 3, "PERSON")])
    assert events(doc) == []
    doc = parse(table.format(word="truce"), ents=[(1, 1, "PERSON"), (3, 3, "PERSON")])
    assert [e[:2] for e in events(doc)] == [("agreement", ("Berg", "Marek"))]


@pytest.mark.rule("events.dateline_place")
def test_an_event_of_the_lead_sentence_after_a_dateline_took_place_there():
    doc = parse(
        """
        KANDOR    PROPN NNP ROOT     0
        -         PUNCT :   punct    1
        A         DET   DT  det      4
        court     NOUN  NN  nsubj    5
        sentenced VERB  VBD ROOT     0 sentence
        Ian       PROPN NNP compound 7
        Vale      PROPN NNP dobj     5
        on        ADP   IN  prep     5
        Friday    PROPN NNP pobj     8
        .         PUNCT .   punct    5
        """,
        ents=[(1, 1, "GPE"), (6, 7, "PERSON"), (9, 9, "DATE")],
    )
    assert events(doc) == [("sentence", (), "KANDOR", "events.verbal.v5")]
    assert events(doc, "events.dateline_place") == [("sentence", (), None, "events.verbal.v5")]


@pytest.mark.rule("mentions.title_then_name")
def test_proper_nouns_after_a_relation_noun_the_model_left_untagged_are_a_person():
    """'met her counterpart Ivo Marek': Ivo Marek is a person though the model saw no name; after
    a lower-case noun a name the model typed otherwise keeps its type."""
    table = """
        Ana         PROPN NNP compound 2
        Roth        PROPN NNP nsubj    3
        met         VERB  VBD ROOT     0 meet
        her         PRON  PRP$ poss    5
        counterpart NOUN  NN  dobj     3 counterpart
        Ivo         PROPN NNP compound 7
        Marek       PROPN NNP appos    5
        .           PUNCT .   punct    3
    """
    doc = parse(table, ents=[(1, 2, "PERSON")])
    assert names(doc) == [("Ana Roth", "person"), ("Ivo Marek", "person")]
    assert names(doc, "mentions.title_then_name") == [("Ana Roth", "person")]
    doc = parse(table, ents=[(1, 2, "PERSON"), (6, 7, "ORG")])
    assert names(doc) == [("Ana Roth", "person"), ("Ivo Marek", "organization")]


@pytest.mark.rule("events.verbal")
def test_forces_that_withdrew_from_a_place_is_a_withdrawal_and_fined_is_read_as_fine():
    doc = parse(
        """
        Tarvia   PROPN NNP compound 2
        forces   NOUN  NNS nsubj    3 force
        withdrew VERB  VBD ROOT     0 withdraw
        from     ADP   IN  prep     3
        Dalen    PROPN NNP pobj     4
        .        PUNCT .   punct    3
        """,
        ents=[(1, 1, "GPE"), (5, 5, "GPE")],
    )
    (withdrawal,) = extract(doc).events
    assert (withdrawal.kind, [r.text for r in withdrawal.participants], [r.text for r in withdrawal.objects]) == (
        "withdrawal",
        ["Tarvia"],
        ["Dalen"],
    )
    doc = parse(
        """
        The       DET   DT  det   2
        regulator NOUN  NN  nsubj 3
        fined     VERB  VBD ROOT  0 fin
        Vantix    PROPN NNP dobj  3
        .         PUNCT .   punct 3
        """,
        ents=[(4, 4, "ORG")],
    )
    assert [(e.kind, [r.text for r in e.objects]) for e in extract(doc).events] == [("sanction", ["Vantix"])]


@pytest.mark.rule("events.support_verb")
def test_sending_troops_exchanging_prisoners_causing_floods_and_going_to_the_polls_are_events():
    send = parse(
        """
        Tarvia PROPN NNP nsubj 3
        will   AUX   MD  aux   3
        send   VERB  VB  ROOT  0 send
        troops NOUN  NNS dobj  3 troop
        to     ADP   IN  prep  3
        Dalen  PROPN NNP pobj  5
        .      PUNCT .   punct 3
        """,
        ents=[(1, 1, "GPE"), (6, 6, "GPE")],
    )
    swap = parse(
        """
        Tarvia    PROPN NNP nsubj 2
        exchanged VERB  VBD ROOT  0 exchange
        prisoners NOUN  NNS dobj  2 prisoner
        with      ADP   IN  prep  2
        Oskar     PROPN NNP pobj  4
        .         PUNCT .   punct 2
        """,
        ents=[(1, 1, "GPE"), (5, 5, "GPE")],
    )
    flood = parse(
        """
        Rains    NOUN  NNS nsubj 2 rain
        caused   VERB  VBD ROOT  0 cause
        flooding NOUN  NN  dobj  2 flooding
        in       ADP   IN  prep  2
        Dalen    PROPN NNP pobj  4
        on       ADP   IN  prep  2
        Sunday   PROPN NNP pobj  6
        .        PUNCT .   punct 2
        """,
        ents=[(5, 5, "GPE"), (7, 7, "DATE")],
    )
    polls = parse(
        """
        Voters NOUN  NNS nsubj 4 voter
        in     ADP   IN  prep  1
        Tarvia PROPN NNP pobj  2
        went   VERB  VBD ROOT  0 go
        to     ADP   IN  prep  4
        the    DET   DT  det   7
        polls  NOUN  NNS pobj  5 poll
        on     ADP   IN  prep  4
        Sunday PROPN NNP pobj  8
        .      PUNCT .   punct 4
        """,
        ents=[(3, 3, "GPE"), (9, 9, "DATE")],
    )
    assert events(send) == [("deployment", ("Tarvia",), None, "events.support_verb.v5")]
    assert [e[:2] for e in events(swap)] == [("release", ("Tarvia",))]
    assert events(flood) == [("disaster", (), "Dalen", "events.support_verb.v5")]
    assert events(polls) == [("election", (), "Tarvia", "events.support_verb.v5")]


@pytest.mark.rule("events.verbal")
def test_a_court_named_by_its_city_sits_there_and_a_crowned_king_is_appointed():
    doc = parse(
        """
        A         DET   DT  det      3
        Lisbon    PROPN NNP compound 3
        court     NOUN  NN  nsubj    4
        sentenced VERB  VBD ROOT     0 sentence
        Ian       PROPN NNP compound 6
        Vale      PROPN NNP dobj     4
        .         PUNCT .   punct    4
        """,
        ents=[(2, 2, "GPE"), (5, 6, "PERSON")],
    )
    assert events(doc) == [("sentence", (), "Lisbon", "events.verbal.v5")]
    doc = parse(
        """
        King    PROPN NNP compound  3
        Ivo     PROPN NNP compound  3
        Marek   PROPN NNP nsubjpass 5
        was     AUX   VBD auxpass   5 be
        crowned VERB  VBN ROOT      0 crown
        .       PUNCT .   punct     5
        """,
        ents=[(2, 3, "PERSON")],
    )
    assert [(e.kind, [r.text for r in e.objects]) for e in extract(doc).events] == [("appointment", ["Ivo Marek"])]


@pytest.mark.rule("mentions.aged_people")
def test_a_name_with_an_age_in_commas_after_it_is_a_person():
    doc = parse(
        """
        Vale     PROPN NNP nsubjpass 6
        ,        PUNCT ,   punct     1
        61       NUM   CD  appos     1
        ,        PUNCT ,   punct     1
        was      AUX   VBD auxpass   6 be
        replaced VERB  VBN ROOT      0 replace
        .        PUNCT .   punct     6
        """,
        ents=[(1, 1, "GPE"), (3, 3, "DATE")],
    )
    assert names(doc) == [("Vale", "person")]
    assert names(doc, "mentions.aged_people")[0][1] != "person"


@pytest.mark.rule("events.verbal")
def test_returning_to_a_place_is_a_journey_and_returning_to_profit_none():
    table = """
        Vantix   PROPN NNP nsubj 2
        returned VERB  VBD ROOT  0 return
        to       ADP   IN  prep  2
        {word}   {tag} pobj  3
        .        PUNCT .   punct 2
    """
    doc = parse(table.format(word="Dalen", tag="PROPN NNP"), ents=[(1, 1, "ORG"), (4, 4, "GPE")])
    assert events(doc) == [("visit", ("Vantix",), "Dalen", "events.verbal.v5")]
    doc = parse(table.format(word="profit", tag="NOUN  NN "), ents=[(1, 1, "ORG")])
    assert events(doc) == []


@pytest.mark.rule("events.nominal")
def test_a_deal_that_names_its_parties_is_an_agreement_and_a_deal_alone_is_none():
    table = """
        The     DET   DT  det       2
        deal    NOUN  NN  {dep}     {head}
        between ADP   IN  prep      2
        Vantix  PROPN NNP pobj      3
        and     CCONJ CC  cc        4
        Orbel   PROPN NNP conj      4
        {rest}
    """
    doc = parse(
        table.format(dep="nsubj", head=7, rest="collapsed VERB VBD ROOT 0 collapse\n. PUNCT . punct 7"),
        ents=[(4, 4, "ORG"), (6, 6, "ORG")],
    )
    assert [e[:2] for e in events(doc)] == [("agreement", ("Vantix", "Orbel"))]
    doc = parse(
        """
        The   DET  DT  det   2
        deal  NOUN NN  nsubj 3
        fell  VERB VBD ROOT  0 fall
        .     PUNCT .  punct 3
        """
    )
    assert events(doc) == []


@pytest.mark.rule("events.nominal")
def test_an_election_victory_is_the_election_and_a_bombardment_of_a_place_targets_it():
    doc = parse(
        """
        his      PRON  PRP$ poss     3
        election NOUN  NN  compound 3
        victory  NOUN  NN  nsubj    4
        mattered VERB  VBD ROOT     0 matter
        .        PUNCT .   punct    4
        """
    )
    assert [e.kind for e in extract(doc).events] == ["election"]
    doc = parse(
        """
        Tarvia      PROPN NNP poss  3
        's          PART  POS case  1
        bombardment NOUN  NN  nsubj 6
        of          ADP   IN  prep  3
        Dalen       PROPN NNP pobj  4
        continued   VERB  VBD ROOT  0 continue
        .           PUNCT .   punct 6
        """,
        ents=[(1, 1, "GPE"), (5, 5, "GPE")],
    )
    (attack,) = extract(doc).events
    assert (attack.kind, [r.text for r in attack.participants], [r.text for r in attack.objects]) == (
        "attack",
        ["Tarvia"],
        ["Dalen"],
    )


@pytest.mark.rule("events.verbal")
def test_a_place_named_before_its_division_noun_is_the_place():
    doc = parse(
        """
        Troops NOUN  NNS nsubj    2 troop
        killed VERB  VBD ROOT     0 kill
        rebels NOUN  NNS dobj     2 rebel
        in     ADP   IN  prep     2
        Dalen  PROPN NNP compound 6
        state  NOUN  NN  pobj     4
        on     ADP   IN  prep     2
        Friday PROPN NNP pobj     7
        .      PUNCT .   punct    2
        """,
        ents=[(5, 5, "GPE"), (8, 8, "DATE")],
    )
    assert [(e.kind, e.place.text) for e in extract(doc).events] == [("attack", "Dalen")]


@pytest.mark.rule("events.nominal")
def test_a_main_subject_name_and_a_pronoun_owning_the_next_main_subject_are_marked_for_resolution():
    doc = parse(
        """
        Ivo    PROPN NNP compound 2
        Marek  PROPN NNP nsubj    3
        met    VERB  VBD ROOT     0 meet
        Otto   PROPN NNP compound 5
        Berg   PROPN NNP dobj     3
        .      PUNCT .   punct    3
        But    CCONJ CC  cc       10
        his    PRON  PRP$ poss    9
        trip   NOUN  NN  nsubj    10
        was    AUX   VBD ROOT     0 be
        brief  ADJ   JJ  acomp    10
        .      PUNCT .   punct    10
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON")],
    )
    ex = extract(doc)
    assert [(m.text, m.subject) for m in ex.mentions] == [("Ivo Marek", True), ("Otto Berg", False)]
    (trip,) = [e for e in ex.events if e.kind == "visit"]
    assert [(r.text, r.topical) for r in trip.participants] == [("his", True)]


@pytest.mark.rule("events.support_verb")
def test_workers_going_on_strike_is_a_labour_strike_and_a_strike_on_a_place_an_attack():
    went = parse(
        """
        Workers NOUN  NNS nsubj 2 worker
        went    VERB  VBD ROOT  0 go
        on      ADP   IN  prep  2
        strike  NOUN  NN  pobj  3
        in      ADP   IN  prep  2
        Dalen   PROPN NNP pobj  5
        on      ADP   IN  prep  2
        Monday  PROPN NNP pobj  7
        .       PUNCT .   punct 2
        """,
        ents=[(6, 6, "GPE"), (8, 8, "DATE")],
    )
    assert events(went) == [("walkout", ("Workers",), "Dalen", "events.support_verb.v5")]
    began = parse(
        """
        Tarvia  PROPN NNP nsubj 2
        began   VERB  VBD ROOT  0 begin
        strikes NOUN  NNS dobj  2 strike
        on      ADP   IN  prep  3
        Dalen   PROPN NNP pobj  4
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "GPE"), (5, 5, "GPE")],
    )
    assert [(e.kind, [r.text for r in e.objects]) for e in extract(began).events] == [("strike", ["Dalen"])]


@pytest.mark.rule("events.nominal")
def test_protests_that_erupted_somewhere_are_protests_and_a_volcano_that_erupted_a_disaster():
    table = """
        {noun}  NOUN  {tag} nsubj 2 {lemma}
        erupted VERB  VBD ROOT  0 erupt
        in      ADP   IN  prep  2
        Dalen   PROPN NNP pobj  3
        on      ADP   IN  prep  2
        Monday  PROPN NNP pobj  5
        .       PUNCT .   punct 2
    """
    ents = [(4, 4, "GPE"), (6, 6, "DATE")]
    protests = parse(table.format(noun="Protests", tag="NNS", lemma="protest"), ents=ents)
    assert events(protests) == [("protest", (), "Dalen", "events.nominal.v5")]
    volcano = parse(table.format(noun="volcano", tag="NN", lemma="volcano"), ents=ents)
    assert [e.kind for e in extract(volcano).events] == ["disaster"]


@pytest.mark.rule("events.verbal")
def test_an_event_takes_the_time_and_place_of_the_while_clause_it_happened_during():
    doc = parse(
        """
        Vale        PROPN NNP nsubjpass 3
        was         AUX   VBD auxpass   3 be
        shot        VERB  VBN ROOT      0 shoot
        while       SCONJ IN  mark      5
        campaigning VERB  VBG advcl     3 campaign
        in          ADP   IN  prep      5
        Dalen       PROPN NNP pobj      6
        on          ADP   IN  prep      5
        Friday      PROPN NNP pobj      8
        .           PUNCT .   punct     3
        """,
        ents=[(1, 1, "PERSON"), (7, 7, "GPE"), (9, 9, "DATE")],
    )
    (attack,) = extract(doc).events
    assert (attack.kind, attack.place.text, attack.time.text) == ("attack", "Dalen", "Friday")


@pytest.mark.rule("statements.verbal")
def test_a_person_named_right_before_a_speech_verb_with_no_subject_speaks():
    """'"...," presiding Judge Ivo Marek said', parsed with the name as the object of 'presiding'."""
    doc = parse(
        """
        "          PUNCT ``  punct    6
        It         PRON  PRP nsubj    3
        ended      VERB  VBD ccomp    10 end
        ,          PUNCT ,   punct    3
        "          PUNCT ''  punct    3
        presiding  VERB  VBG advcl    3 preside
        Judge      PROPN NNP compound 9
        Ivo        PROPN NNP compound 9
        Marek      PROPN NNP dobj     6
        said       VERB  VBD ROOT     0 say
        .          PUNCT .   punct    10
        """,
        ents=[(8, 9, "PERSON")],
    )
    said = [e for e in extract(doc).events if e.kind == "statement"]
    assert [[r.text for r in e.participants] for e in said] == [["Ivo Marek"]]


@pytest.mark.rule("statements.verbal")
def test_conceding_appreciating_and_thanking_are_statements():
    table = """
        Ivo    PROPN NNP compound 2
        Marek  PROPN NNP nsubj    3
        {verb} VERB  VBD ROOT     0 {lemma}
        {obj}  NOUN  NN  dobj     3
        .      PUNCT .   punct    3
    """
    for verb, lemma_, obj in (("conceded", "concede", "defeat"), ("appreciated", "appreciate", "work")):
        doc = parse(table.format(verb=verb, lemma=lemma_, obj=obj), ents=[(1, 2, "PERSON")])
        assert [(e.kind, [r.text for r in e.participants]) for e in extract(doc).events] == [
            ("statement", ["Ivo Marek"])
        ]


@pytest.mark.rule("events.verbal")
def test_teams_rushing_to_a_place_are_a_deployment_and_rushing_to_buy_is_none():
    table = """
        Teams   NOUN  NNS nsubj 3 team
        were    AUX   VBD aux   3 be
        rushing VERB  VBG ROOT  0 rush
        to      {to}
        {obj}
        .       PUNCT .   punct 3
    """
    doc = parse(table.format(to="ADP IN prep 3", obj="Dalen PROPN NNP pobj 4"), ents=[(5, 5, "GPE")])
    assert [(e.kind, [r.text for r in e.objects]) for e in extract(doc).events] == [("deployment", ["Dalen"])]
    doc = parse(table.format(to="PART TO aux 5", obj="buy VERB VB xcomp 3"))
    assert extract(doc).events == ()


@pytest.mark.rule("mentions.landform_of_names")
def test_a_capitalised_landform_word_of_a_place_is_one_place():
    doc = parse(
        """
        Ships  NOUN  NNS nsubj 2 ship
        sailed VERB  VBD ROOT  0 sail
        to     ADP   IN  prep  2
        the    DET   DT  det   5
        Horn   PROPN NNP pobj  3
        of     ADP   IN  prep  5
        Tarvia PROPN NNP pobj  6
        .      PUNCT .   punct 2
        """,
        ents=[(7, 7, "LOC")],
    )
    assert names(doc) == [("Horn of Tarvia", "location")]
    assert names(doc, "mentions.landform_of_names") == [("Tarvia", "location")]


@pytest.mark.rule("mentions.place_nouns")
def test_a_name_ending_in_a_facility_word_keeps_its_words_before_a_facility_noun():
    doc = parse(
        """
        They     PRON  PRP nsubj    2
        walked   VERB  VBD ROOT     0 walk
        to       ADP   IN  prep     2
        the      DET   DT  det      7
        Harbour  PROPN NNP compound 6
        House    PROPN NNP compound 7
        building NOUN  NN  pobj     3
        .        PUNCT .   punct    2
        """,
        ents=[(5, 6, "ORG")],
    )
    assert names(doc) == [("Harbour House", "facility")]


@pytest.mark.rule("mentions.leading_titles")
def test_a_sovereigns_title_before_a_name_taken_for_a_body_makes_a_person_and_a_nationality_stays_apart():
    doc = parse(
        """
        Tarvian  ADJ   JJ  amod     3
        King     PROPN NNP compound 3
        Felmar   PROPN NNP nsubj    4
        cancels  VERB  VBZ ROOT     0 cancel
        his      PRON  PRP$ poss    6
        visit    NOUN  NN  dobj     4
        .        PUNCT .   punct    4
        """,
        ents=[(1, 1, "NORP"), (2, 3, "ORG")],
    )
    assert names(doc) == [("Tarvian", "nationality"), ("Felmar", "person")]
    doc = parse(
        """
        She      PRON  PRP nsubj    2
        studied  VERB  VBD ROOT     0 study
        at       ADP   IN  prep     2
        King     PROPN NNP compound 6
        Ivo      PROPN NNP compound 6
        University PROPN NNP pobj   3
        .        PUNCT .   punct    2
        """,
        ents=[(4, 6, "ORG")],
    )
    assert names(doc) == [("King Ivo University", "organization")]


@pytest.mark.rule("mentions.craft_names")
def test_a_name_in_brackets_after_a_craft_noun_is_the_craft_and_a_regnal_number_drops_the_full_stop():
    doc = parse(
        """
        They   PRON  PRP nsubj 2
        landed VERB  VBD ROOT  0 land
        the    DET   DT  det   4
        Rover  PROPN NNP dobj  2
        (      PUNCT -LRB- punct 4
        Korvan PROPN NNP appos 4
        )      PUNCT -RRB- punct 4
        before ADP   IN  prep  2
        Sultan PROPN NNP compound 10
        Ivo    PROPN NNP compound 11
        V.     PROPN NNP pobj  8
        """,
        ents=[(6, 6, "NORP"), (10, 11, "PERSON")],
    )
    assert names(doc) == [("Korvan", "product"), ("Ivo V", "person")]


@pytest.mark.rule("mentions.operator_craft")
def test_a_forces_name_run_into_its_crafts_name_is_two_names():
    doc = parse(
        """
        Tarvian ADJ   JJ  amod     5
        Air     PROPN NNP compound 3
        Force   PROPN NNP compound 5
        Korvan  PROPN NNP compound 5
        jets    NOUN  NNS nsubj    6 jet
        struck  VERB  VBD ROOT     0 strike
        .       PUNCT .   punct    6
        """,
        ents=[(1, 4, "ORG")],
    )
    assert names(doc) == [("Tarvian Air Force", "organization"), ("Korvan", "product")]
    assert names(doc, "mentions.operator_craft") == [("Tarvian Air Force Korvan", "organization")]


@pytest.mark.rule("mentions.legal_form_names")
def test_capitalised_words_ending_in_a_legal_form_are_a_company():
    doc = parse(
        """
        Tarvo      PROPN NNP compound 4
        Global     PROPN NNP compound 4
        Management PROPN NNP compound 4
        LLC        PROPN NNP nsubj    5
        invested   VERB  VBD ROOT     0 invest
        .          PUNCT .   punct    5
        """
    )
    assert names(doc) == [("Tarvo Global Management LLC", "organization")]
    assert names(doc, "mentions.legal_form_names") == []


@pytest.mark.rule("mentions.credits")
def test_an_agencys_initials_after_by_in_brackets_and_a_photo_credit_are_the_agency():
    doc = parse(
        """
        The     DET   DT    det   2
        logo    NOUN  NN    ROOT  0
        (       PUNCT -LRB- punct 2
        by      ADP   IN    prep  2
        TNA     PROPN NNP   pobj  4
        )       PUNCT -RRB- punct 2
        (       PUNCT -LRB- punct 2
        Source  NOUN  NN    appos 2
        :       PUNCT :     punct 8
        KPA     PROPN NNP   compound 11
        Photo   PROPN NNP   appos 8
        )       PUNCT -RRB- punct 2
        """,
        ents=[(10, 11, "ORG")],
    )
    assert names(doc) == [("TNA", "organization"), ("KPA", "organization")]
    assert names(doc, "mentions.credits") == [("KPA", "organization")]


@pytest.mark.rule("mentions.possessed_products")
def test_a_makers_model_with_a_code_after_its_possessive_is_a_product():
    doc = parse(
        """
        Orbel  PROPN NNP poss     4
        's     PART  POS case     1
        uPhone PROPN NNP compound 4
        4S     PROPN NNP nsubj    5
        sold   VERB  VBD ROOT     0 sell
        .      PUNCT .   punct    5
        """,
        ents=[(1, 1, "ORG")],
    )
    assert names(doc) == [("Orbel", "organization"), ("uPhone 4S", "product")]
    doc = parse(
        """
        Orbel PROPN NNP poss     3
        's    PART  POS case     1
        Chief PROPN NNP nsubj    4
        spoke VERB  VBD ROOT     0 speak
        .     PUNCT .   punct    4
        """,
        ents=[(1, 1, "ORG")],
    )
    assert names(doc) == [("Orbel", "organization")]


@pytest.mark.rule("aliases.flight_codes")
def test_a_flights_code_alone_is_its_name_too():
    doc = parse(
        """
        Vantix  PROPN NNP compound 5
        Air     PROPN NNP compound 5
        flight  NOUN  NN  compound 5
        4V      PROPN NNP compound 5
        302     NUM   CD  nsubj    6
        crashed VERB  VBD ROOT     0 crash
        .       PUNCT .   punct    6
        """,
        ents=[(1, 2, "ORG"), (5, 5, "CARDINAL")],
    )
    ex = extract(doc)
    assert [([n.text for n in a.names], a.antecedent.text) for a in ex.aliases] == [
        (["4V 302"], "Vantix Air flight 4V 302")
    ]
    assert extract(doc, "aliases.flight_codes").aliases == ()


@pytest.mark.rule("mentions.trim")
def test_an_of_phrase_whose_word_modifies_the_noun_after_the_name_is_not_part_of_it():
    doc = parse(
        """
        the         DET   DT  det      3
        Harbour     PROPN NNP compound 3
        Committee   PROPN NNP ROOT     0
        of          ADP   IN  prep     3
        Tarvian     PROPN NNP compound 6
        fishermen   NOUN  NNS pobj     4 fisherman
        """,
        ents=[(1, 5, "ORG")],
    )
    assert names(doc) == [("Harbour Committee", "organization")]
    assert names(doc, "mentions.trim") == [("the Harbour Committee of Tarvian", "organization")]


@pytest.mark.rule("mentions.title_then_name")
def test_a_title_word_heading_a_companys_name_or_a_day_after_a_name_makes_no_person():
    """'General Orbel Corp.' is a company; in 'President Ivo Marek Saturday' the day is no name."""
    doc = parse(
        """
        General PROPN NNP compound 3
        Orbel   PROPN NNP compound 3
        Corp.   PROPN NNP nsubj    4
        said    VERB  VBD ROOT     0 say
        .       PUNCT .   punct    4
        """
    )
    assert names(doc) == [("General Orbel Corp.", "organization")]  # by its legal form, no person
    doc = parse(
        """
        President PROPN NNP compound 3
        Ivo       PROPN NNP compound 3
        Marek     PROPN NNP compound 4
        Saturday  PROPN NNP nsubj    5
        signed    VERB  VBD ROOT     0 sign
        .         PUNCT .   punct    5
        """,
        ents=[(2, 3, "PERSON"), (4, 4, "DATE")],
    )
    assert names(doc) == [("Ivo Marek", "person")]


@pytest.mark.rule("mentions.possessed_products")
def test_a_number_after_a_makers_possessive_is_no_product():
    doc = parse(
        """
        Orbel  PROPN NNP poss   3
        's     PART  POS case   1
        55     NUM   CD  nummod 4
        stores NOUN  NNS nsubj  5 store
        closed VERB  VBD ROOT   0 close
        .      PUNCT .   punct  5
        """,
        ents=[(1, 1, "ORG"), (3, 3, "CARDINAL")],
    )
    assert names(doc) == [("Orbel", "organization")]


@pytest.mark.rule("mentions.boundary_names")
def test_capitalised_words_ending_in_a_boundary_word_after_the_are_a_location():
    doc = parse(
        """
        Troops  NOUN  NNS nsubj    2 troop
        crossed VERB  VBD ROOT     0 cross
        the     DET   DT  det      6
        Tarvian PROPN NNP compound 6
        Control PROPN NNP compound 6
        Line    PROPN NNP dobj     2
        .       PUNCT .   punct    2
        """
    )
    assert names(doc) == [("Tarvian Control Line", "location")]
    assert names(doc, "mentions.boundary_names") == []


@pytest.mark.rule("mentions.repeated_names")
def test_a_name_found_once_is_found_before_another_name_it_stands_beside():
    # the tagger took the article "A" for a proper noun, and the operator's name was left untagged
    doc = parse(
        """
        A        PROPN NNP compound 3
        Vantair  PROPN NNP compound 3
        Airbus   PROPN NNP compound 5
        A320     NOUN  NN  compound 5
        airliner NOUN  NN  nsubj    6
        crashed  VERB  VBD ROOT     0 crash
        .        PUNCT .   punct    6
        Vantair  PROPN NNP nsubj    9
        grieved  VERB  VBD ROOT     0 grieve
        .        PUNCT .   punct    9
        """,
        ents=[(3, 4, "PRODUCT"), (8, 8, "ORG")],
    )
    assert names(doc) == [("Vantair", "organization"), ("Airbus A320", "product"), ("Vantair", "organization")]
    assert names(doc, "mentions.repeated_names") == [("Airbus A320", "product"), ("Vantair", "organization")]
    # with the operator named, its jet's crash is its crash too (crash: operator_is_party)
    assert events(doc)[0] == ("crash", ("Airbus A320", "Vantair"), None, "events.verbal.v5")


@pytest.mark.rule("events.nominal")
def test_an_interview_a_clause_was_given_in_is_its_subjects():
    doc = parse(
        """
        Senator   PROPN NNP  compound 3
        Jane      PROPN NNP  compound 3
        Holloway  PROPN NNP  nsubj    4
        broke     VERB  VBD  ROOT     0 break
        her       PRON  PRP$ poss     6
        silence   NOUN  NN   dobj     4
        on        ADP   IN   prep     4
        Monday    PROPN NNP  pobj     7
        in        ADP   IN   prep     4
        an        DET   DT   det      11
        interview NOUN  NN   pobj     9
        with      ADP   IN   prep     11
        Channel   PROPN NNP  compound 14
        Nine      PROPN NNP  pobj     12
        .         PUNCT .    punct    4
        """,
        ents=[(2, 3, "PERSON"), (8, 8, "DATE"), (13, 14, "ORG")],
    )
    (ev,) = extract(doc).events
    assert (ev.kind, [r.text for r in ev.participants], [r.text for r in ev.objects], ev.time.text) == (
        "statement",
        ["Jane Holloway"],
        ["Channel Nine"],
        "Monday",
    )
    # "was arrested during an interview": only the clause's speaker, after "in" or "during", is the speaker
    doc = parse(
        """
        Police    NOUN  NNS  nsubj    2
        arrested  VERB  VBD  ROOT     0 arrest
        Jane      PROPN NNP  compound 4
        Holloway  PROPN NNP  dobj     2
        after     ADP   IN   prep     2
        an        DET   DT   det      7
        interview NOUN  NN   pobj     5
        with      ADP   IN   prep     7
        Channel   PROPN NNP  compound 10
        Nine      PROPN NNP  pobj     8
        .         PUNCT .    punct    2
        """,
        ents=[(3, 4, "PERSON"), (9, 10, "ORG")],
    )
    assert [(e.kind, [r.text for r in e.participants]) for e in extract(doc).events] == [
        ("arrest", []),
        ("statement", []),
    ]


_BUS_CRASH = """
    A        DET   DT  det      2
    bus      NOUN  NN  nsubj    3
    crashed  VERB  VBD ROOT     0 crash
    near     ADP   IN  prep     3
    Lyon     PROPN NNP pobj     4
    on       ADP   IN  prep     3
    Monday   PROPN NNP pobj     6
    .        PUNCT .   punct    3
    Minister PROPN NNP compound 11
    Ada      PROPN NNP compound 11
    Voss     PROPN NNP nsubj    13
    is       AUX   VBZ aux      13 be
    heading  VERB  VBG ROOT     0 head
    to       ADP   IN  prep     13
    the      DET   DT  det      16
    {scene}  NOUN  NN  pobj     14
    .        PUNCT .   punct    13
"""


@pytest.mark.rule("events.scene_place")
def test_heading_to_the_area_is_going_where_the_event_told_before_took_place():
    doc = parse(_BUS_CRASH.format(scene="area"), ents=[(5, 5, "GPE"), (7, 7, "DATE"), (10, 11, "PERSON")])
    assert events(doc) == [
        ("crash", (), "Lyon", "events.verbal.v5"),
        ("visit", ("Ada Voss",), "Lyon", "events.verbal.v5"),
    ]
    assert events(doc, "events.scene_place")[1] == ("visit", ("Ada Voss",), None, "events.verbal.v5")
    (_, heading) = extract(doc).events
    assert heading.reported_now  # under way on the day of the story (dates.reporting_day)
    # "heading to the party" names no place
    party = parse(_BUS_CRASH.format(scene="party"), ents=[(5, 5, "GPE"), (7, 7, "DATE"), (10, 11, "PERSON")])
    assert [e.kind for e in extract(party).events] == ["crash"]


@pytest.mark.rule("events.verbal")
def test_a_name_set_off_by_commas_after_a_title_of_a_body_holds_the_title():
    doc = parse(
        """
        The       DET   DT  det      3
        chief     ADJ   JJ  amod     3
        executive NOUN  NN  nsubj    12
        of        ADP   IN  prep     3
        Varco     PROPN NNP compound 6
        Mining    PROPN NNP pobj     4
        ,         PUNCT ,   punct    6
        Ian       PROPN NNP compound 9
        Vale      PROPN NNP appos    6
        ,         PUNCT ,   punct    3
        is        AUX   VBZ aux      12 be
        heading   VERB  VBG ROOT     0 head
        to        ADP   IN  prep     12
        Lyon      PROPN NNP pobj     13
        .         PUNCT .   punct    12
        """,
        ents=[(5, 6, "ORG"), (8, 9, "PERSON"), (14, 14, "GPE")],
    )
    assert events(doc) == [("visit", ("Ian Vale",), "Lyon", "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_an_assembly_electing_someone_elects_them():
    elected = parse(
        """
        The      DET   DT  det      2
        assembly NOUN  NN  nsubj    3
        elected  VERB  VBD ROOT     0 elect
        Ana      PROPN NNP compound 5
        Diaz     PROPN NNP dobj     3
        as       ADP   IN  prep     3
        speaker  NOUN  NN  pobj     6
        .        PUNCT .   punct    3
        """,
        ents=[(4, 5, "PERSON")],
    )
    assert events(elected) == [("election", ("Ana Diaz",), None, "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_kidnapping_people_somewhere_is_an_abduction_even_by_unnamed_men():
    doc = parse(
        """
        Gunmen    NOUN  NNS nsubj  2 gunman
        kidnapped VERB  VBD ROOT   0 kidnap
        30        NUM   CD  nummod 4
        students  NOUN  NNS dobj   2 student
        in        ADP   IN  prep   2
        Lenton    PROPN NNP pobj   5
        on        ADP   IN  prep   2
        Friday    PROPN NNP pobj   7
        .         PUNCT .   punct  2
        """,
        ents=[(3, 3, "CARDINAL"), (6, 6, "GPE"), (8, 8, "DATE")],
    )
    assert events(doc) == [("abduction", (), "Lenton", "events.verbal.v5")]


_NAMED_TALKS = """
    The     DET   DT  det      3
    {name}  PROPN NNP compound 3
    talks   NOUN  NNS nsubj    10 talk
    between ADP   IN  prep     3
    Ana     PROPN NNP compound 6
    Diaz    PROPN NNP pobj     4
    and     CCONJ CC  cc       6
    Tom     PROPN NNP compound 9
    Reyes   PROPN NNP conj     6
    ended   VERB  VBD ROOT     0 end
    .       PUNCT .   punct    10
"""


@pytest.mark.rule("events.nominal")
def test_a_town_in_an_event_nouns_name_is_its_place_but_a_country_may_be_a_party():
    doc = parse(_NAMED_TALKS.format(name="Geneva"), ents=[(2, 2, "GPE"), (5, 6, "PERSON"), (8, 9, "PERSON")])
    assert events(doc) == [("talks", ("Ana Diaz", "Tom Reyes"), "Geneva", "events.nominal.v5")]
    doc = parse(_NAMED_TALKS.format(name="Canada"), ents=[(2, 2, "GPE"), (5, 6, "PERSON"), (8, 9, "PERSON")])
    assert events(doc) == [("talks", ("Ana Diaz", "Tom Reyes"), None, "events.nominal.v5")]


_CRASH_AND_FLIGHT = """
    A        DET   DT  det      4
    Vantair  PROPN NNP compound 3
    Airbus   PROPN NNP compound 4
    A320     NOUN  NN  nsubj    5
    crashed  VERB  VBD ROOT     0 crash
    on       ADP   IN  prep     5
    Tuesday  PROPN NNP pobj     6
    .        PUNCT .   punct    5
    The      DET   DT  det      11
    VT9525   PROPN NNP compound 11
    flight   NOUN  NN  nsubj    13
    was      AUX   VBD aux      13 be
    carrying VERB  VBG ROOT     0 carry
    150      NUM   CD  nummod   15
    people   NOUN  NNS dobj     13
    .        PUNCT .   punct    13
"""


@pytest.mark.rule("mentions.flight_numbers")
def test_a_code_before_the_word_flight_names_the_flight():
    doc = parse(_CRASH_AND_FLIGHT, ents=[(3, 4, "PRODUCT"), (7, 7, "DATE"), (10, 10, "PRODUCT")])
    assert names(doc) == [("Airbus A320", "product"), ("VT9525", "event")]
    assert names(doc, "mentions.flight_numbers") == [("Airbus A320", "product"), ("VT9525", "product")]


@pytest.mark.rule("events.crash_flight")
def test_the_one_flight_an_article_names_is_the_craft_that_crashed():
    doc = parse(_CRASH_AND_FLIGHT, ents=[(3, 4, "PRODUCT"), (7, 7, "DATE"), (10, 10, "PRODUCT")])
    assert events(doc) == [("crash", ("Airbus A320", "VT9525"), None, "events.verbal.v5")]
    assert events(doc, "events.crash_flight") == [("crash", ("Airbus A320",), None, "events.verbal.v5")]


@pytest.mark.rule("events.crash_flight")
def test_a_crash_with_no_day_of_its_own_took_place_on_its_flights_day():
    doc = parse(
        """
        A       PROPN NNP compound 3
        Vantair PROPN NNP compound 3
        jet     NOUN  NN  nsubj    4
        crashed VERB  VBD ROOT     0 crash
        .       PUNCT .   punct    4
        Tuesday PROPN NNP poss     9
        's      PART  POS case     6
        Vantair PROPN NNP compound 9
        flight  NOUN  NN  nsubj    11
        302     NUM   CD  nummod   9
        had     VERB  VBD ROOT     0 have
        90      NUM   CD  nummod   13
        people  NOUN  NNS dobj     11
        .       PUNCT .   punct    11
        """,
        ents=[(2, 2, "ORG"), (6, 6, "DATE"), (8, 8, "ORG"), (12, 12, "CARDINAL")],
    )
    (crash,) = extract(doc).events
    assert ([r.text for r in crash.participants], crash.time.text) == (["Vantair", "Vantair flight 302"], "Tuesday")
    (crash,) = extract(doc, "events.crash_flight").events
    assert ([r.text for r in crash.participants], crash.time) == (["Vantair"], None)


@pytest.mark.rule("events.verbal")
def test_a_visit_called_off_is_a_cancellation_and_no_visit():
    doc = parse(
        """
        King      PROPN NNP  compound 2
        Ivo       PROPN NNP  nsubj    3
        cancelled VERB  VBD  ROOT     0 cancel
        his       PRON  PRP$ poss     5
        visit     NOUN  NN   dobj     3
        to        ADP   IN   prep     5
        Tarvia    PROPN NNP  pobj     6
        .         PUNCT .    punct    3
        """,
        ents=[(2, 2, "PERSON"), (7, 7, "GPE")],
    )
    (ev,) = extract(doc).events
    assert (ev.kind, [r.text for r in ev.participants], [r.text for r in ev.objects]) == (
        "cancellation",
        ["Ivo"],
        ["Tarvia"],
    )
    # a visit that took place is still one
    doc = parse(
        """
        King      PROPN NNP  compound 2
        Ivo       PROPN NNP  nsubj    3
        began     VERB  VBD  ROOT     0 begin
        his       PRON  PRP$ poss     5
        visit     NOUN  NN   dobj     3
        to        ADP   IN   prep     5
        Tarvia    PROPN NNP  pobj     6
        .         PUNCT .    punct    3
        """,
        ents=[(2, 2, "PERSON"), (7, 7, "GPE")],
    )
    assert [(e.kind, e.place.text) for e in extract(doc).events] == [("visit", "Tarvia")]


@pytest.mark.rule("events.support_verb")
def test_the_members_a_meeting_is_of_take_part_in_it():
    doc = parse(
        """
        Ivo      PROPN NNP compound 2
        Marek    PROPN NNP nsubj    3
        attended VERB  VBD ROOT     0 attend
        a        DET   DT  det      5
        meeting  NOUN  NN  dobj     3
        of       ADP   IN  prep     5
        Varco    PROPN NNP compound 8
        members  NOUN  NNS pobj     6 member
        on       ADP   IN  prep     3
        Monday   PROPN NNP pobj     9
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (7, 7, "ORG"), (10, 10, "DATE")],
    )
    assert events(doc) == [("meeting", ("Ivo Marek", "Varco"), None, "events.support_verb.v5")]


_STRIKES_BEGUN = """
    Unions   PROPN NNP nsubj    2
    began    VERB  VBD ROOT     0 begin
    {mod}    {tag} compound 4
    strikes  NOUN  NNS dobj     2 strike
    in       ADP   IN  prep     2
    Lenton   PROPN NNP pobj     5
    on       ADP   IN  prep     2
    Tuesday  PROPN NNP pobj     7
    .        PUNCT .   punct    2
"""


@pytest.mark.rule("events.support_verb")
def test_air_strikes_begun_are_an_attack_and_strikes_begun_by_workers_a_walkout():
    ents = [(1, 1, "ORG"), (6, 6, "GPE"), (8, 8, "DATE")]
    air = parse(_STRIKES_BEGUN.format(mod="air", tag="NOUN  NN "), ents=ents)
    assert events(air) == [("strike", ("Unions",), "Lenton", "events.support_verb.v5")]
    rolling = parse(_STRIKES_BEGUN.format(mod="rolling", tag="ADJ   JJ "), ents=ents)
    assert events(rolling) == [("walkout", ("Unions",), "Lenton", "events.support_verb.v5")]


@pytest.mark.rule("events.verbal")
def test_protesters_gathering_is_a_protest_and_a_court_striking_down_a_law_a_ruling():
    doc = parse(
        """
        Thousands  NOUN  NNS nsubj 4 thousand
        of         ADP   IN  prep  1
        protesters NOUN  NNS pobj  2 protester
        gathered   VERB  VBD ROOT  0 gather
        in         ADP   IN  prep  4
        Lenton     PROPN NNP pobj  5
        on         ADP   IN  prep  4
        Friday     PROPN NNP pobj  7
        .          PUNCT .   punct 4
        """,
        ents=[(1, 1, "CARDINAL"), (6, 6, "GPE"), (8, 8, "DATE")],
    )
    assert events(doc) == [("protest", (), "Lenton", "events.verbal.v5")]
    friends = parse(
        """
        Friends  NOUN  NNS nsubj 2 friend
        gathered VERB  VBD ROOT  0 gather
        in       ADP   IN  prep  2
        Lenton   PROPN NNP pobj  3
        on       ADP   IN  prep  2
        Friday   PROPN NNP pobj  5
        .        PUNCT .   punct 2
        """,
        ents=[(4, 4, "GPE"), (6, 6, "DATE")],
    )
    assert events(friends) == []
    court = parse(
        """
        The    DET   DT  det   2
        court  NOUN  NN  nsubj 3
        struck VERB  VBD ROOT  0 strike
        down   ADP   RP  prt   3
        Varco  PROPN NNP poss  6
        patent NOUN  NN  dobj  3
        .      PUNCT .   punct 3
        """,
        ents=[(5, 5, "ORG")],
    )
    assert [e.kind for e in extract(court).events] == ["ruling"]


@pytest.mark.rule("events.verbal")
def test_the_capital_a_demonym_names_is_that_city():
    doc = parse(
        """
        Ana      PROPN NNP compound 2
        Diaz     PROPN NNP nsubj    3
        met      VERB  VBD ROOT     0 meet
        Tom      PROPN NNP compound 5
        Reyes    PROPN NNP dobj     3
        in       ADP   IN  prep     3
        the      DET   DT  det      9
        Peruvian ADJ   JJ  amod     9
        capital  NOUN  NN  pobj     6
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON"), (8, 8, "NORP")],
    )
    (met,) = extract(doc).events
    assert (met.place.text, doc.text[met.place.start : met.place.end]) == ("Lima", "Peruvian capital")
    # "in the capital" alone says not which
    doc = parse(
        """
        Ana      PROPN NNP compound 2
        Diaz     PROPN NNP nsubj    3
        met      VERB  VBD ROOT     0 meet
        Tom      PROPN NNP compound 5
        Reyes    PROPN NNP dobj     3
        in       ADP   IN  prep     3
        the      DET   DT  det      8
        capital  NOUN  NN  pobj     6
        .        PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (4, 5, "PERSON")],
    )
    assert events(doc) == [("meeting", ("Ana Diaz", "Tom Reyes"), None, "events.verbal.v5")]


@pytest.mark.rule("events.nominal")
def test_an_event_noun_takes_the_place_its_clause_gives_it():
    summit = parse(
        """
        Ministers NOUN  NNS nsubj 2 minister
        gathered  VERB  VBD ROOT  0 gather
        in        ADP   IN  prep  2
        Lenton    PROPN NNP pobj  3
        for       ADP   IN  prep  2
        the       DET   DT  det   7
        summit    NOUN  NN  pobj  5
        .         PUNCT .   punct 2
        """,
        ents=[(4, 4, "GPE")],
    )
    assert [(e.kind, e.place.text) for e in extract(summit).events] == [("meeting", "Lenton")]
    held = parse(
        """
        The     DET   DT  det      2
        meeting NOUN  NN  nsubj    8
        ,       PUNCT ,   punct    2
        held    VERB  VBN acl      2 hold
        in      ADP   IN  prep     4
        Lenton  PROPN NNP pobj     5
        ,       PUNCT ,   punct    2
        lasted  VERB  VBD ROOT     0 last
        long    ADV   RB  advmod   8
        .       PUNCT .   punct    8
        """,
        ents=[(6, 6, "GPE")],
    )
    assert [(e.kind, e.place.text) for e in extract(held).events] == [("meeting", "Lenton")]
    voters = parse(
        """
        Voters     NOUN  NNS nsubj 4 voter
        in         ADP   IN  prep  1
        Tarvia     PROPN NNP pobj  2
        approved   VERB  VBD ROOT  0 approve
        the        DET   DT  det   6
        referendum NOUN  NN  dobj  4
        .          PUNCT .   punct 4
        """,
        ents=[(3, 3, "GPE")],
    )
    assert [(e.kind, e.place.text) for e in extract(voters).events] == [("election", "Tarvia")]


@pytest.mark.rule("events.verbal")
def test_demonstrating_something_is_no_protest():
    doc = parse(
        """
        Ana         PROPN NNP compound 2
        Diaz        PROPN NNP nsubj    3
        demonstrated VERB VBD ROOT     0 demonstrate
        her         PRON  PRP$ poss    5
        support     NOUN  NN  dobj     3
        .           PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON")],
    )
    assert events(doc) == []
    doc = parse(
        """
        Ana          PROPN NNP compound 2
        Diaz         PROPN NNP nsubj    3
        demonstrated VERB  VBD ROOT     0 demonstrate
        in           ADP   IN  prep     3
        Lenton       PROPN NNP pobj     4
        .            PUNCT .   punct    3
        """,
        ents=[(1, 2, "PERSON"), (5, 5, "GPE")],
    )
    assert events(doc) == [("protest", ("Ana Diaz",), "Lenton", "events.verbal.v5")]


@pytest.mark.rule("events.verbal")
def test_striking_a_camp_of_a_named_group_is_a_strike_on_it():
    doc = parse(
        """
        Jets   NOUN  NNS nsubj    2 jet
        struck VERB  VBD ROOT     0 strike
        a      DET   DT  det      4
        camp   NOUN  NN  dobj     2
        of     ADP   IN  prep     4
        Varco  PROPN NNP pobj     5
        in     ADP   IN  prep     2
        Lenton PROPN NNP pobj     7
        .      PUNCT .   punct    2
        """,
        ents=[(6, 6, "ORG"), (8, 8, "GPE")],
    )
    (ev,) = extract(doc).events
    assert (ev.kind, [r.text for r in ev.objects], ev.place.text) == ("strike", ["Varco"], "Lenton")
    tree = parse(
        """
        Lightning NOUN  NN  nsubj 2
        struck    VERB  VBD ROOT  0 strike
        a         DET   DT  det   4
        tree      NOUN  NN  dobj  2
        .         PUNCT .   punct 2
        """,
        ents=[],
    )
    assert extract(tree).events == ()


_HIT = """
    Tarvian  ADJ   JJ  amod  2
    {subj}   NOUN  NNS nsubj 3 {lemma}
    hit      VERB  VBD ROOT  0 hit
    Lenton   PROPN NNP dobj  3
    .        PUNCT .   punct 3
"""


@pytest.mark.rule("events.verbal")
def test_missiles_hitting_a_place_attack_it_and_sanctions_hitting_it_do_not():
    ents = [(1, 1, "NORP"), (4, 4, "GPE")]
    missiles = parse(_HIT.format(subj="missiles", lemma="missile"), ents=ents)
    (ev,) = extract(missiles).events
    assert (ev.kind, [r.text for r in ev.participants], [r.text for r in ev.objects]) == (
        "attack",
        ["Tarvian"],
        ["Lenton"],
    )
    sanctions = parse(_HIT.format(subj="sanctions", lemma="sanction"), ents=ents)
    assert [e.kind for e in extract(sanctions).events] == ["sanction"]  # the noun's own kind, no attack


_CHARGE = """
    Varco   PROPN NNP nsubj 2
    {verb}  VERB  VBD ROOT  0 {lemma}
    a       DET   DT  det   4
    charge  NOUN  NN  dobj  2
    against ADP   IN  prep  4
    Ivo     PROPN NNP compound 7
    Marek   PROPN NNP pobj  5
    .       PUNCT .   punct 2
"""


@pytest.mark.rule("events.support_verb")
def test_a_charge_taken_is_an_amount_booked_and_a_charge_filed_is_brought():
    ents = [(1, 1, "ORG"), (6, 7, "PERSON")]
    filed = parse(_CHARGE.format(verb="filed", lemma="file"), ents=ents)
    assert events(filed) == [("charge", ("Varco",), None, "events.support_verb.v5")]
    taken = parse(
        """
        Varco   PROPN NNP nsubj 2
        took    VERB  VBD ROOT  0 take
        a       DET   DT  det   4
        charge  NOUN  NN  dobj  2
        in      ADP   IN  prep  2
        March   PROPN NNP pobj  5
        .       PUNCT .   punct 2
        """,
        ents=[(1, 1, "ORG"), (6, 6, "DATE")],
    )
    assert extract(taken).events == ()
    assert events(taken, "events.support_verb") == []
