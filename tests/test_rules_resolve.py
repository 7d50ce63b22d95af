"""One test per resolution rule, on extractions written by hand (tests/records.py): no spaCy.

Each test resolves the same records with the rule and without it
(``Settings(without_rules=...)``) and asserts both results.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from graph.records import Corpus, Extraction, Tense
from graph.resolve import resolve_corpus
from graph.rules import Settings
from tests.records import Art


def resolve(*extractions: Extraction, without: tuple[str, ...] = ()) -> Corpus:
    return resolve_corpus(list(extractions), Settings(without_rules=frozenset(without)))


def entities(corpus: Corpus) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, kind, other names) of every entity, sorted."""
    return sorted((e.label, e.kind, e.alt_labels) for e in corpus.entities)


def events(corpus: Corpus) -> list[tuple[str, tuple[str, ...], str | None]]:
    """(kind, participant labels, date value) of every event, in order."""
    labels = {e.key: e.label for e in corpus.entities}
    return [
        (ev.kind, tuple(sorted(labels[p] for p in ev.participants)), ev.date.value if ev.date else None)
        for ev in corpus.events
    ]


def test_resolution_does_not_import_spacy():
    code = "import graph.resolve, graph.model.rdf, sys; print(sorted(m for m in sys.modules if m.startswith('spacy')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


# -- entity passes within an article -----------------------------------------------------------


@pytest.mark.rule("entities.same_full_name")
def test_a_full_name_said_twice_is_one_person():
    a = Art("a1", "Anna Berg spoke. Anna Berg left.")
    ex = a.extraction([a.mention("Anna Berg", "person"), a.mention("Anna Berg", "person", 1)])
    assert entities(resolve(ex)) == [("Anna Berg", "person", ())]
    # the corpus-wide passes would join them too
    off = ("entities.same_full_name", "entities.full_name_variants", "entities.same_name")
    assert entities(resolve(ex, without=off)) == [
        ("Anna Berg", "person", ()),
        ("Anna Berg", "person", ()),
    ]


@pytest.mark.rule("entities.surname_in_article")
def test_a_surname_joins_the_full_name_of_its_article_whatever_its_kind():
    a1 = Art("a1", "Anna Berg spoke. Berg left.")
    a2 = Art("a2", "Ivo Berg arrived.")  # another Berg: corpus-wide, "Berg" is ambiguous
    ex1 = a1.extraction([a1.mention("Anna Berg", "person"), a1.mention("Berg", "organization")])
    ex2 = a2.extraction([a2.mention("Ivo Berg", "person")])
    assert entities(resolve(ex1, ex2)) == [("Anna Berg", "person", ("Berg",)), ("Ivo Berg", "person", ())]
    assert entities(resolve(ex1, ex2, without=("entities.surname_in_article",))) == [
        ("Anna Berg", "person", ()),
        ("Berg", "organization", ()),
        ("Ivo Berg", "person", ()),
    ]


@pytest.mark.rule("entities.surname_in_article")
def test_a_hyphened_surname_joins_the_full_name_whatever_its_kind():
    a = Art("a1", "Omar Al-Tarek spoke. Al-Tarek left.")
    ex = a.extraction([a.mention("Omar Al-Tarek", "person"), a.mention("Al-Tarek", "organization", 1)])
    assert entities(resolve(ex)) == [("Omar Al-Tarek", "person", ("Al-Tarek",))]
    assert len(entities(resolve(ex, without=("entities.surname_in_article",)))) == 2


@pytest.mark.rule("entities.same_name_in_article")
def test_a_lone_name_said_twice_in_an_article_is_one_entity():
    a = Art("a1", "Tarvair said profits fell. Tarvair left.")
    ex = a.extraction([a.mention("Tarvair", "organization"), a.mention("Tarvair", "person", 1)])
    assert entities(resolve(ex)) == [("Tarvair", "organization", ())]
    # the corpus-wide pass would join them too
    assert entities(resolve(ex, without=("entities.same_name_in_article", "entities.same_name"))) == [
        ("Tarvair", "organization", ()),
        ("Tarvair", "organization", ()),
    ]


@pytest.mark.rule("entities.stated_aliases")
def test_names_the_text_says_are_one_join():
    a = Art("a1", "Lumo, called Lumora in Tarvia, is a port.")
    lumo, lumora = a.name("Lumo", "place"), a.name("Lumora", "place")
    ex = a.extraction(
        [a.mention("Lumo", "place"), a.mention("Lumora", "place"), a.mention("Tarvia", "place")],
        aliases=[a.alias([lumora], lumo, "called")],
    )
    assert entities(resolve(ex)) == [("Lumora", "city", ("Lumo",)), ("Tarvia", "city", ())]
    assert entities(resolve(ex, without=("entities.stated_aliases",))) == [
        ("Lumo", "city", ()),
        ("Lumora", "city", ()),
        ("Tarvia", "city", ()),
    ]


@pytest.mark.rule("entities.title_votes")
def test_a_name_with_a_title_is_a_person():
    a = Art("a1", "Minister Vesna spoke.")
    ex = a.extraction([a.mention("Vesna", "organization")], roles=[a.role(a.name("Vesna", "organization"), "Minister")])
    assert entities(resolve(ex)) == [("Vesna", "person", ())]
    assert entities(resolve(ex, without=("entities.title_votes",))) == [("Vesna", "organization", ())]


# -- entity passes across articles -----------------------------------------------------------------


@pytest.mark.rule("entities.full_name_variants")
def test_romanization_variants_of_a_full_name_are_one_person():
    a1, a2 = Art("a1", "Dmitri Orlov spoke."), Art("a2", "Dmitry Orlov left.")
    ex1, ex2 = (
        a1.extraction([a1.mention("Dmitri Orlov", "person")]),
        a2.extraction([a2.mention("Dmitry Orlov", "person")]),
    )
    assert entities(resolve(ex1, ex2)) == [("Dmitri Orlov", "person", ("Dmitry Orlov",))]
    assert entities(resolve(ex1, ex2, without=("entities.full_name_variants",))) == [
        ("Dmitri Orlov", "person", ()),
        ("Dmitry Orlov", "person", ()),
    ]


@pytest.mark.rule("entities.lone_surname")
def test_a_lone_surname_joins_the_one_person_of_the_corpus():
    a1, a2 = Art("a1", "Anna Berg spoke."), Art("a2", "Berg left.")
    ex1, ex2 = a1.extraction([a1.mention("Anna Berg", "person")]), a2.extraction([a2.mention("Berg", "person")])
    assert entities(resolve(ex1, ex2)) == [("Anna Berg", "person", ("Berg",))]
    assert entities(resolve(ex1, ex2, without=("entities.lone_surname",))) == [
        ("Anna Berg", "person", ()),
        ("Berg", "person", ()),
    ]


@pytest.mark.rule("entities.same_name")
def test_one_name_typed_two_ways_by_the_model_is_one_entity():
    a1, a2, a3 = Art("a1", "Tarvair flew."), Art("a2", "Tarvair landed."), Art("a3", "Tarvair said.")
    ex1 = a1.extraction([a1.mention("Tarvair", "organization")])
    ex2 = a2.extraction([a2.mention("Tarvair", "person")])
    ex3 = a3.extraction([a3.mention("Tarvair", "organization")])
    assert entities(resolve(ex1, ex2, ex3)) == [("Tarvair", "organization", ())]
    # without it three nodes (the lone word the model called a person is no person: entities.lone_names)
    assert entities(resolve(ex1, ex2, ex3, without=("entities.same_name",))) == [
        ("Tarvair", "organization", ()),
        ("Tarvair", "organization", ()),
        ("Tarvair", "organization", ()),
    ]


@pytest.mark.rule("entities.acronyms")
def test_an_acronym_joins_its_one_long_form():
    a1, a2 = Art("a1", "The United Tarvian Front won."), Art("a2", "The UTF lost.")
    ex1 = a1.extraction([a1.mention("United Tarvian Front", "organization")])
    ex2 = a2.extraction([a2.mention("UTF", "organization")])
    assert entities(resolve(ex1, ex2)) == [("United Tarvian Front", "organization", ("UTF",))]
    assert entities(resolve(ex1, ex2, without=("entities.acronyms",))) == [
        ("UTF", "organization", ()),
        ("United Tarvian Front", "organization", ()),
    ]


@pytest.mark.rule("entities.acronyms")
def test_a_numbered_acronym_joins_its_long_form_although_it_splits_into_initials_itself():
    a1, a2 = Art("a1", "The Group of 30 met."), Art("a2", "The G-30 summit ended.")
    ex1 = a1.extraction([a1.mention("Group of 30", "organization")])
    ex2 = a2.extraction([a2.mention("G-30", "product")])
    assert [e.label for e in resolve(ex1, ex2).entities] == ["Group of 30"]
    assert len(resolve(ex1, ex2, without=("entities.acronyms",)).entities) == 2


@pytest.mark.rule("entities.acronyms")
def test_a_bodys_acronym_is_never_an_events_name():
    a1, a2 = Art("a1", "The Tarvia Cup of Nations ended."), Art("a2", "Photo by TCN.")
    ex1 = a1.extraction([a1.mention("Tarvia Cup of Nations", "event")])
    ex2 = a2.extraction([a2.mention("TCN", "organization")])
    assert [e.label for e in resolve(ex1, ex2).entities] == ["Tarvia Cup of Nations", "TCN"]


@pytest.mark.rule("entities.short_org_names")
def test_a_short_organisation_name_joins_the_one_longer_name_it_ends():
    a1, a2 = Art("a1", "The Tarvian Foreign Ministry said."), Art("a2", "The Foreign Ministry said.")
    ex1 = a1.extraction([a1.mention("Tarvian Foreign Ministry", "organization")])
    ex2 = a2.extraction([a2.mention("Foreign Ministry", "organization")])
    assert entities(resolve(ex1, ex2)) == [("Tarvian Foreign Ministry", "organization", ("Foreign Ministry",))]
    assert entities(resolve(ex1, ex2, without=("entities.short_org_names",))) == [
        ("Foreign Ministry", "organization", ()),
        ("Tarvian Foreign Ministry", "organization", ()),
    ]


@pytest.mark.rule("entities.demonyms")
def test_a_demonym_names_its_country():
    a = Art("a1", "Portugal said Portuguese troops left.")
    ex = a.extraction([a.mention("Portugal", "country"), a.mention("Portuguese", "nationality")])
    corpus = resolve(ex)
    assert [(e.label, e.hidden_labels) for e in corpus.entities] == [("Portugal", ("Portuguese",))]
    assert [(e.label, e.hidden_labels) for e in resolve(ex, without=("entities.demonyms",)).entities] == [
        ("Portugal", ())
    ]


@pytest.mark.rule("entities.initials")
def test_initials_and_surname_join_the_one_person_of_that_surname_and_initial():
    a1, a2 = Art("a1", "Vilma Tarvo spoke."), Art("a2", "V.K. Tarvo left.")
    ex1, ex2 = a1.extraction([a1.mention("Vilma Tarvo", "person")]), a2.extraction([a2.mention("V.K. Tarvo", "person")])
    assert entities(resolve(ex1, ex2)) == [("Vilma Tarvo", "person", ("V.K. Tarvo",))]
    assert entities(resolve(ex1, ex2, without=("entities.initials",))) == [
        ("V.K. Tarvo", "person", ()),
        ("Vilma Tarvo", "person", ()),
    ]


@pytest.mark.rule("entities.lone_names")
def test_a_lone_word_never_used_in_a_full_name_is_no_person():
    a1 = Art("a1", "Tarvair said profits fell. Anna Berg left.")
    ex1 = a1.extraction([a1.mention("Tarvair", "person"), a1.mention("Anna Berg", "person")])
    assert entities(resolve(ex1)) == [("Anna Berg", "person", ()), ("Tarvair", "organization", ())]
    assert entities(resolve(ex1, without=("entities.lone_names",))) == [
        ("Anna Berg", "person", ()),
        ("Tarvair", "person", ()),
    ]
    # an honorific, or 'and' with a person, says it is a person
    a2 = Art("a2", "Marek and Anna Berg left.")
    m = a2.mention("Marek", "person")
    berg = a2.mention("Anna Berg", "person")
    ex2 = a2.extraction([replace(m, joined_with=(berg.start,)), berg])
    assert entities(resolve(ex2)) == [("Anna Berg", "person", ()), ("Marek", "person", ())]


@pytest.mark.rule("entities.legal_suffixes")
def test_a_company_with_its_legal_form_is_the_company():
    a1, a2 = Art("a1", "Velmora Group Corp. grew."), Art("a2", "Velmora fell.")
    ex1 = a1.extraction([a1.mention("Velmora Group Corp.", "organization")])
    ex2 = a2.extraction([a2.mention("Velmora", "organization")])
    assert entities(resolve(ex1, ex2)) == [("Velmora Group Corp.", "organization", ("Velmora",))]
    assert entities(resolve(ex1, ex2, without=("entities.legal_suffixes",))) == [
        ("Velmora", "organization", ()),
        ("Velmora Group Corp.", "organization", ()),
    ]


@pytest.mark.rule("entities.of_inversion")
def test_a_of_the_b_and_b_a_are_one_thing():
    a1, a2 = Art("a1", "The Palace of the Lanterns opened."), Art("a2", "The Lanterns Palace closed.")
    ex1 = a1.extraction([a1.mention("Palace of the Lanterns", "facility")])
    ex2 = a2.extraction([a2.mention("Lanterns Palace", "facility")])
    assert entities(resolve(ex1, ex2)) == [("Palace of the Lanterns", "facility", ("Lanterns Palace",))]
    assert len(resolve(ex1, ex2, without=("entities.of_inversion",)).entities) == 2


@pytest.mark.rule("entities.same_place")
def test_two_names_of_one_city_are_one_entity_with_its_geonames_id():
    a1, a2 = Art("a1", "Rain fell on Bangalore."), Art("a2", "Rain fell on Bengaluru.")
    ex1, ex2 = a1.extraction([a1.mention("Bangalore", "city")]), a2.extraction([a2.mention("Bengaluru", "city")])
    corpus = resolve(ex1, ex2)
    assert [(e.label, e.alt_labels, e.geonames) for e in corpus.entities] == [("Bengaluru", ("Bangalore",), 1277333)]
    assert len(resolve(ex1, ex2, without=("entities.same_place",)).entities) == 2


# -- references ----------------------------------------------------------------------------------------


def _berg_and_marek(second: str) -> tuple[Art, list]:
    a = Art("a1", f"Anna Berg arrived. Ivo Marek arrived. {second}", "2021-03-05")
    return a, [a.mention("Anna Berg", "person"), a.mention("Ivo Marek", "person")]


@pytest.mark.rule("references.name")
def test_a_name_is_the_entity_of_its_mention():
    a, ms = _berg_and_marek("They met.")
    ev = a.event("meeting", "met", [a.name("Anna Berg", "person"), a.name("Ivo Marek", "person")])
    ex = a.extraction(ms, events=[ev])
    assert events(resolve(ex)) == [("meeting", ("Anna Berg", "Ivo Marek"), None)]
    assert events(resolve(ex, without=("references.name",))) == []  # no parties, no meeting


@pytest.mark.rule("references.pronoun")
def test_he_is_the_last_person_named():
    a, ms = _berg_and_marek("He spoke.")
    ev = a.event("statement", "spoke", [a.ref("He", "pronoun", count=1)], rule="statements.verbal.v1")
    ex = a.extraction(ms, events=[ev])
    assert events(resolve(ex)) == [("statement", ("Ivo Marek",), None)]
    assert events(resolve(ex, without=("references.pronoun",))) == []


@pytest.mark.rule("references.pronoun")
def test_she_is_the_last_person_named_whose_forename_is_not_a_mans():
    a, ms = _berg_and_marek("She spoke. He left.")
    she = a.event("statement", "spoke", [a.ref("She", "pronoun", count=1)], rule="statements.verbal.v1")
    he = a.event("resignation", "left", [a.ref("He", "pronoun", count=1)])
    ex = a.extraction(ms, events=[she, he])
    # Ivo Marek was named last, but "she" is Anna Berg; "he" is still Ivo Marek
    assert events(resolve(ex)) == [("statement", ("Anna Berg",), None), ("resignation", ("Ivo Marek",), None)]


@pytest.mark.rule("references.group")
def test_the_ministers_are_the_holders_of_that_title():
    a = Art("a1", "Minister Anna Berg arrived. Minister Ivo Marek arrived. The ministers met.")
    berg, marek = a.name("Anna Berg", "person"), a.name("Ivo Marek", "person")
    group = a.ref("The ministers", "group", titles=("Minister",), head="minister")
    ex = a.extraction(
        [a.mention("Anna Berg", "person"), a.mention("Ivo Marek", "person")],
        roles=[a.role(berg, "Minister"), a.role(marek, "Minister")],
        events=[a.event("meeting", "met", [group])],
    )
    assert events(resolve(ex)) == [("meeting", ("Anna Berg", "Ivo Marek"), None)]
    assert events(resolve(ex, without=("references.group",))) == []


@pytest.mark.rule("entities.short_org_in_article")
def test_a_one_word_body_name_is_the_one_longer_name_of_its_article_it_begins():
    """'Orbel' in an article about 'Orbel Electronics Co.' is that company; in an article that also
    names the 'Orbel Group' it is the group (by its legal form), and the two companies stay two."""
    a = Art("a1", "Orbel Electronics Co. sued. Orbel won. Orbel Electronics appealed.")
    ms_a = [
        a.mention("Orbel Electronics Co.", "organization"),
        a.mention("Orbel", "organization", 1),
        a.mention("Orbel Electronics", "organization", 1),
    ]
    b = Art("b1", "Orbel Group and Orbel Electronics grew. Orbel hired.")
    ms_b = [
        b.mention("Orbel Group", "organization"),
        b.mention("Orbel Electronics", "organization"),
        b.mention("Orbel", "organization", 2),
    ]
    corpus = resolve(a.extraction(ms_a), b.extraction(ms_b))
    assert entities(corpus) == [
        ("Orbel Electronics", "organization", ("Orbel", "Orbel Electronics Co.")),
        ("Orbel Group", "organization", ("Orbel",)),
    ]
    in_articles = {e.label: sorted({m.article_id for m in e.mentions}) for e in corpus.entities}
    assert in_articles == {"Orbel Electronics": ["a1", "b1"], "Orbel Group": ["b1"]}
    # without the rule, the first article's "Orbel" is the second article's group
    without = resolve(a.extraction(ms_a), b.extraction(ms_b), without=("entities.short_org_in_article",))
    assert entities(without) == [
        ("Orbel", "organization", ("Orbel Group",)),
        ("Orbel Electronics", "organization", ("Orbel Electronics Co.",)),
    ]
    assert {e.label: sorted({m.article_id for m in e.mentions}) for e in without.entities}["Orbel"] == ["a1", "b1"]


@pytest.mark.rule("references.pronoun")
def test_a_pronoun_opening_the_subject_continues_the_sentence_befores_subject():
    """'Ivo Marek met Anna Berg. But his trip was brief.': his is Marek's (the subject before), not the
    last man named; without the subject the last person named is taken."""
    a = Art("a1", "Ivo Marek met Otto Berg in Lisbon. But his trip was brief.")
    marek, berg = a.mention("Ivo Marek", "person"), a.mention("Otto Berg", "person")
    trip = a.event("visit", "trip", [a.ref("his", "pronoun", count=1, topical=True)])
    ms = [replace(marek, subject=True), berg]
    assert events(resolve(a.extraction(ms, events=[trip]))) == [("visit", ("Ivo Marek",), None)]
    assert events(resolve(a.extraction([marek, berg], events=[trip]))) == [("visit", ("Otto Berg",), None)]
    assert events(resolve(a.extraction(ms, events=[trip]), without=("references.pronoun",))) == []


@pytest.mark.rule("references.nominal")
def test_the_two_countries_are_the_two_the_article_names_most():
    a = Art("a1", "Portugal and Tarvia talked. Portugal agreed. The two countries signed.")
    ms = [a.mention("Portugal", "country"), a.mention("Tarvia", "country"), a.mention("Portugal", "country", 1)]
    ev = a.event("agreement", "signed", [a.ref("The two countries", "nominal", head="country")])
    ex = a.extraction(ms, events=[ev])
    assert events(resolve(ex)) == [("agreement", ("Portugal", "Tarvia"), None)]
    assert events(resolve(ex, without=("references.nominal",))) == []


@pytest.mark.rule("references.nominal")
def test_the_chairman_is_the_one_person_of_the_article_with_that_title():
    a = Art("a1", "Chairman Ivo Marek arrived. Anna Berg waited. Berg met the chairman.")
    ms = [a.mention("Ivo Marek", "person"), a.mention("Anna Berg", "person"), a.mention("Berg", "person", 1)]
    role = a.role(a.name("Ivo Marek", "person"), "Chairman")
    ev = a.event("meeting", "met", [a.name("Berg", "person", 1), a.ref("the chairman", "nominal", head="chairman")])
    ex = a.extraction(ms, roles=[role], events=[ev])
    assert events(resolve(ex)) == [("meeting", ("Anna Berg", "Ivo Marek"), None)]
    assert events(resolve(ex, without=("references.nominal",))) == []


@pytest.mark.rule("references.nominal")
def test_the_court_is_the_one_body_of_the_article_with_court_in_its_name():
    a = Art("a1", "The Lenn District Court heard Berg. The court ruled on Friday. Vantix Bank lent.")
    ms = [a.mention("Lenn District Court", "organization"), a.mention("Vantix Bank", "organization")]
    ev = a.event("ruling", "ruled", [a.ref("The court", "nominal", head="court")], time=a.time("Friday"))
    ex = a.extraction(ms, events=[ev])
    assert events(resolve(ex)) == [("ruling", ("Lenn District Court",), None)]
    # two bodies with the word: no one
    b = Art("b1", "The Lenn Court and the Oskel Court met. The court ruled on Friday.")
    ms = [b.mention("Lenn Court", "organization"), b.mention("Oskel Court", "organization")]
    ev = b.event("ruling", "ruled", [b.ref("The court", "nominal", head="court")], time=b.time("Friday"))
    assert events(resolve(b.extraction(ms, events=[ev]))) == []


@pytest.mark.rule("references.nominal")
def test_the_company_is_the_body_the_article_has_named_most_so_far():
    a = Art("a1", "Vantix buys Orbel. Vantix agreed to buy Orbel. Vantix rose. The company said on Friday it was glad.")
    ms = [
        a.mention("Vantix", "organization"),
        a.mention("Orbel", "organization"),
        a.mention("Vantix", "organization", 1),
        a.mention("Orbel", "organization", 1),
        a.mention("Vantix", "organization", 2),
    ]
    said = a.event("statement", "said", [a.ref("The company", "nominal", head="company")], time=a.time("Friday"))
    ex = a.extraction(ms, events=[said])
    assert events(resolve(ex)) == [("statement", ("Vantix",), None)]
    assert events(resolve(ex, without=("references.nominal",))) == []
    # named as often as another: no one
    b = Art("b1", "Vantix buys Orbel. The company said on Friday it was glad.")
    ms = [b.mention("Vantix", "organization"), b.mention("Orbel", "organization")]
    said = b.event("statement", "said", [b.ref("The company", "nominal", head="company")], time=b.time("Friday"))
    assert events(resolve(b.extraction(ms, events=[said]))) == []


# -- passes over events ----------------------------------------------------------------------------------


@pytest.mark.rule("events.capital_speaks_for")
def test_a_capital_that_speaks_acts_as_its_country():
    a = Art("a1", "Portugal sent envoys. Lisbon said no.")
    ev = a.event("statement", "said", [a.name("Lisbon", "city")], rule="statements.verbal.v1")
    ex = a.extraction([a.mention("Portugal", "country"), a.mention("Lisbon", "city")], events=[ev])
    corpus = resolve(ex)
    assert events(corpus) == [("statement", ("Portugal",), None)]
    assert [(c, k) for _, c, k in corpus.speaks_for] == [("lisbon", "portugal")]
    assert events(resolve(ex, without=("events.capital_speaks_for",))) == [("statement", ("Lisbon",), None)]


@pytest.mark.rule("events.post_parties")
def test_the_body_of_the_post_left_takes_part_in_the_resignation():
    a = Art("a1", "Velmora chief Anna Berg resigns. Anna Berg resigned as chief on Monday.", "2021-03-05")
    ms = [a.mention("Velmora", "organization"), a.mention("Anna Berg", "person"), a.mention("Anna Berg", "person", 1)]
    berg, berg_again = a.name("Anna Berg", "person"), a.name("Anna Berg", "person", 1)
    roles = [a.role(berg, "Chief", "Velmora"), a.role(berg_again, "Chief")]
    quit = a.event("resignation", "resigned", [a.name("Anna Berg", "person", 1)], time=a.time("Monday"))
    ex = a.extraction(ms, roles=roles, events=[quit])
    # "as chief" in the clause, and the article calls her chief of Velmora
    assert events(resolve(ex)) == [("resignation", ("Anna Berg", "Velmora"), "2021-03-01")]
    assert events(resolve(ex, without=("events.post_parties",))) == [("resignation", ("Anna Berg",), "2021-03-01")]
    # a post of another sentence says nothing about this clause
    only_headline = a.extraction(ms, roles=roles[:1], events=[quit])
    assert events(resolve(only_headline)) == [("resignation", ("Anna Berg",), "2021-03-01")]


@pytest.mark.rule("dates.continuation")
def test_in_response_keeps_the_time_of_the_sentence_before():
    a = Art("a1", "Berg met Marek on Monday. In response, Roux met Lind.", "2021-03-05")
    ms = [a.mention(n, "person") for n in ("Berg", "Marek", "Roux", "Lind")]
    first = a.event("meeting", "met", [a.name("Berg", "person"), a.name("Marek", "person")], time=a.time("Monday"))
    second = a.event("meeting", "met", [a.name("Roux", "person"), a.name("Lind", "person")], nth=1, inherit_time=True)
    ex = a.extraction(ms, events=[first, second])
    assert events(resolve(ex)) == [
        ("meeting", ("Berg", "Marek"), "2021-03-01"),
        ("meeting", ("Lind", "Roux"), "2021-03-01"),
    ]
    assert events(resolve(ex, without=("dates.continuation",)))[1] == ("meeting", ("Lind", "Roux"), None)


@pytest.mark.rule("dates.reporting_day")
def test_a_statement_without_a_time_of_its_own_is_dated_by_its_report():
    a = Art("a1", "Anna Berg said the talks failed.", "2021-03-05")
    said = a.event("statement", "said", [a.name("Anna Berg", "person")], rule="statements.verbal.v1", reported_now=True)
    ex = a.extraction([a.mention("Anna Berg", "person")], events=[said])
    (ev,) = resolve(ex).events
    assert (ev.date.value, ev.date.basis, ev.date.origin.value) == ("2021-03-05", "report", "given")
    assert resolve(ex, without=("dates.reporting_day",)).events[0].date is None


@pytest.mark.rule("dates.reporting_day")
def test_a_speaker_of_an_event_still_to_come_spoke_on_the_day_of_the_report():
    a = Art("a1", "Anna Berg said she will resign on Friday. Berg met Marek on Monday.", "2021-03-03")
    berg = a.name("Anna Berg", "person")
    said = a.event("statement", "said", [berg], rule="statements.verbal.v5", reported_now=True)
    resign = a.event("resignation", "resign", [berg], time=a.time("Friday", Tense.FUTURE))
    ex = a.extraction([a.mention("Anna Berg", "person")], events=[said, resign])
    assert events(resolve(ex)) == [
        ("statement", ("Anna Berg",), "2021-03-03"),
        ("resignation", ("Anna Berg",), "2021-03-05"),
    ]
    # a speaker who took part in an event of an earlier day may have spoken then
    met = a.event("meeting", "met", [berg, a.name("Marek", "person")], time=a.time("Monday"))
    ms = [a.mention("Anna Berg", "person"), a.mention("Marek", "person")]
    ex = a.extraction(ms, events=[said, met])
    assert ("statement", ("Anna Berg",), None) in events(resolve(ex))


@pytest.mark.rule("dates.stated_article_date")
def test_an_undated_article_takes_the_date_its_dateline_states():
    a = Art("a1", "LISBON, March 3, 2021 (Tarvia Press) - Berg met Marek on Monday.")
    ms = [a.mention("Berg", "person"), a.mention("Marek", "person")]
    ev = a.event("meeting", "met", [a.name("Berg", "person"), a.name("Marek", "person")], time=a.time("Monday"))
    ex = a.extraction(ms, events=[ev])
    corpus = resolve(ex)
    assert (corpus.articles[0].date.isoformat(), corpus.articles[0].date_origin.value) == ("2021-03-03", "stated")
    assert events(corpus) == [("meeting", ("Berg", "Marek"), "2021-03-01")]
    assert events(resolve(ex, without=("dates.stated_article_date",))) == [("meeting", ("Berg", "Marek"), None)]


def _berg_met_marek(a: Art) -> Extraction:
    berg, marek = a.name("Anna Berg", "person"), a.name("Ivo Marek", "person")
    ev = a.event("meeting", "met", [berg, marek], time=a.time("Friday"))
    return a.extraction([a.mention("Anna Berg", "person"), a.mention("Ivo Marek", "person")], events=[ev])


@pytest.mark.rule("dates.article_inference")
def test_an_undated_article_is_dated_by_an_event_a_dated_one_also_reports():
    a1 = Art("a1", "Anna Berg met Ivo Marek on Friday.", "2021-03-05")
    a2 = Art("a2", "Anna Berg and Ivo Marek met on Friday.")
    exs = [_berg_met_marek(a) for a in (a1, a2)]
    corpus = resolve(*exs)
    assert [(x.id, x.date_origin.value) for x in corpus.articles] == [("a1", "given"), ("a2", "inferred")]
    assert events(corpus) == [("meeting", ("Anna Berg", "Ivo Marek"), "2021-03-05")]
    off = resolve(*exs, without=("dates.article_inference",))
    assert [(x.id, x.date_origin.value) for x in off.articles] == [("a1", "given"), ("a2", "unknown")]


@pytest.mark.rule("events.merge_within_article")
def test_the_meeting_told_again_is_the_meeting_told_before():
    a = Art("a1", "Berg met Marek on Friday. The meeting was long.", "2021-03-05")
    ms = [a.mention("Berg", "person"), a.mention("Marek", "person")]
    met = a.event("meeting", "met", [a.name("Berg", "person"), a.name("Marek", "person")], time=a.time("Friday"))
    noun = a.event("meeting", "meeting", [], rule="events.nominal.v1", definite=True)
    ex = a.extraction(ms, events=[met, noun])
    assert events(resolve(ex)) == [("meeting", ("Berg", "Marek"), "2021-03-05")]
    assert events(resolve(ex, without=("events.merge_within_article",))) == [
        ("meeting", ("Berg", "Marek"), "2021-03-05"),
        ("meeting", (), None),
    ]


def test_a_speakers_statements_of_one_day_are_one_occasion():
    a = Art(
        "a1", "Anna Berg said on Friday the talks failed. Anna Berg added on Friday that talks go on.", "2021-03-05"
    )
    first = a.event(
        "statement",
        "said",
        [a.name("Anna Berg", "person")],
        rule="statements.verbal.v1",
        time=a.time("Friday"),
        content="the talks failed",
        agent=a.name("Anna Berg", "person"),
    )
    second = a.event(
        "statement",
        "added",
        [a.name("Anna Berg", "person", 1)],
        rule="statements.verbal.v1",
        time=a.time("Friday", nth=1),
        content="talks go on",
        agent=a.name("Anna Berg", "person", 1),
    )
    ex = a.extraction([a.mention("Anna Berg", "person"), a.mention("Anna Berg", "person", 1)], events=[first, second])
    (ev,) = resolve(ex).events
    assert (ev.content, ev.more_content, len(ev.evidence)) == ("the talks failed", ("talks go on",), 2)


def test_the_leaders_of_two_countries_are_the_people_who_lead_them():
    a = Art("a1", "President Anna Berg and Prime Minister Ivo Marek met. The leaders of Tarvia and Lumo signed.")
    berg, marek = a.name("Anna Berg", "person"), a.name("Ivo Marek", "person")
    leaders = a.ref("The leaders of Tarvia and Lumo", "group", of=("Tarvia", "Lumo"), head="leader")
    ex = a.extraction(
        [
            a.mention("Anna Berg", "person"),
            a.mention("Ivo Marek", "person"),
            a.mention("Tarvia", "country"),
            a.mention("Lumo", "country"),
        ],
        roles=[a.role(berg, "President"), a.role(marek, "Prime Minister")],
        events=[a.event("agreement", "signed", [leaders])],
    )
    assert events(resolve(ex)) == [("agreement", ("Anna Berg", "Ivo Marek"), None)]


@pytest.mark.rule("events.merge_across_articles")
def test_two_articles_reporting_one_meeting_give_one_event():
    text = "Anna Berg met Ivo Marek on Friday."
    exs = [_berg_met_marek(Art("a1", text, "2021-03-05")), _berg_met_marek(Art("a2", text, "2021-03-06"))]
    corpus = resolve(*exs)
    assert events(corpus) == [("meeting", ("Anna Berg", "Ivo Marek"), "2021-03-05")]
    assert [x.article_id for x in corpus.events[0].evidence] == ["a1", "a2"]
    assert events(resolve(*exs, without=("events.merge_across_articles",))) == [
        ("meeting", ("Anna Berg", "Ivo Marek"), "2021-03-05"),
        ("meeting", ("Anna Berg", "Ivo Marek"), "2021-03-05"),
    ]


def test_tense_is_kept_for_future_meetings():
    a = Art("a1", "Berg will meet Marek on Friday.", "2021-03-03")
    ev = a.event(
        "meeting", "meet", [a.name("Berg", "person"), a.name("Marek", "person")], time=a.time("Friday", Tense.FUTURE)
    )
    ex = a.extraction([a.mention("Berg", "person"), a.mention("Marek", "person")], events=[ev])
    assert events(resolve(ex)) == [("meeting", ("Berg", "Marek"), "2021-03-05")]


def _bombing(aid: str, date: str, city: str) -> Extraction:
    a = Art(aid, f"The bombing in {city} on Friday shocked the nation.", date)
    ev = a.event("attack", "bombing", [], time=a.time("Friday"), place=a.name(city, "city"), rule="events.nominal.v5")
    return a.extraction([a.mention(city, "city")], events=[ev])


def _places(corpus: Corpus) -> list[tuple[str, str | None, str | None]]:
    labels = {e.key: e.label for e in corpus.entities}
    return [(ev.kind, labels.get(ev.place), ev.date.value if ev.date else None) for ev in corpus.events]


@pytest.mark.rule("events.merge_across_articles")
def test_an_attack_with_only_a_place_and_a_day_is_kept_and_merged_by_its_place():
    corpus = resolve(
        _bombing("a1", "2021-03-06", "Kandor"),
        _bombing("a2", "2021-03-06", "Kandor"),
        _bombing("a3", "2021-03-06", "Velm"),
    )
    assert sorted(_places(corpus)) == [("attack", "Kandor", "2021-03-05"), ("attack", "Velm", "2021-03-05")]
    assert sorted(len(ev.evidence) for ev in corpus.events) == [1, 2]
    unmerged = resolve(
        _bombing("a1", "2021-03-06", "Kandor"),
        _bombing("a2", "2021-03-06", "Kandor"),
        without=("events.merge_across_articles",),
    )
    assert len(unmerged.events) == 2


def test_a_meeting_with_only_a_place_is_no_event():
    a = Art("a1", "The meeting in Kandor on Friday was short.", "2021-03-06")
    ev = a.event("meeting", "meeting", [], time=a.time("Friday"), place=a.name("Kandor", "city"))
    assert resolve(a.extraction([a.mention("Kandor", "city")], events=[ev])).events == ()


@pytest.mark.rule("entities.model_codes")
def test_a_model_code_with_or_without_the_makers_initial_is_one_model():
    a1, a2 = Art("a1", "A Korvan K310 landed."), Art("a2", "The Korvan 310 landed. A Korvan 410 left.")
    ex1 = a1.extraction([a1.mention("Korvan K310", "product")])
    ex2 = a2.extraction([a2.mention("Korvan 310", "product"), a2.mention("Korvan 410", "product")])
    assert entities(resolve(ex1, ex2)) == [
        ("Korvan 410", "product", ()),
        ("Korvan K310", "product", ("Korvan 310",)),
    ]
    assert len(resolve(ex1, ex2, without=("entities.model_codes",)).entities) == 3


def test_an_event_with_only_a_place_is_labelled_by_its_place():
    from graph.model.rdf import corpus_units

    corpus = resolve(_bombing("a1", "2021-03-06", "Kandor"))
    lines = [line for unit in corpus_units(corpus) for line in unit.lines]
    assert any('"attack in Kandor (2021-03-05)"' in line for line in lines)


def test_a_body_meets_on_its_own_but_talks_need_two_sides():
    a = Art("a1", "The Harbour Board met on Tuesday. Anna Berg will hold talks with Ivo Marek in May.", "2021-03-05")
    board = a.event("meeting", "met", [a.name("Harbour Board", "organization")], time=a.time("Tuesday"))
    talks = a.event("talks", "talks", [a.name("Ivo Marek", "person")], time=a.time("May", Tense.FUTURE))
    kinds = {"Harbour Board": "organization", "Anna Berg": "person", "Ivo Marek": "person"}
    ms = [a.mention(name, kind) for name, kind in kinds.items()]
    ex = a.extraction(ms, events=[board, talks])
    assert events(resolve(ex)) == [("meeting", ("Harbour Board",), "2021-03-02")]


@pytest.mark.rule("events.merge_within_article")
def test_talks_of_other_people_are_not_a_bodys_meeting_told_before():
    a = Art("a1", "The Harbour Board held a meeting on Tuesday. Berg's talks with Marek failed.", "2021-03-05")
    board = a.event(
        "meeting", "meeting", [a.name("Harbour Board", "organization")], time=a.time("Tuesday")
    )
    talks = a.event(
        "talks", "talks", [a.name("Berg", "person"), a.name("Marek", "person")], rule="events.nominal.v1", definite=True
    )
    ms = [a.mention("Harbour Board", "organization"), a.mention("Berg", "person"), a.mention("Marek", "person")]
    ex = a.extraction(ms, events=[board, talks])
    assert events(resolve(ex)) == [("meeting", ("Harbour Board",), "2021-03-02"), ("talks", ("Berg", "Marek"), None)]
    # the talks of two countries' delegates are still the countries' talks told before
    b = Art("b1", "Tarvia and Lumora held talks on Tuesday. The talks with Marek were long.", "2021-03-05")
    held = b.event(
        "talks", "held", [b.name("Tarvia", "country"), b.name("Lumora", "country")], time=b.time("Tuesday")
    )
    told = b.event("talks", "talks", [b.name("Marek", "person")], rule="events.nominal.v1", nth=1, definite=True)
    ms = [b.mention("Tarvia", "country"), b.mention("Lumora", "country"), b.mention("Marek", "person")]
    assert events(resolve(b.extraction(ms, events=[held, told]))) == [
        ("talks", ("Lumora", "Marek", "Tarvia"), "2021-03-02")
    ]


@pytest.mark.rule("dates.reporting_day")
def test_an_event_told_as_under_way_is_dated_by_its_report():
    a = Art("a1", "Minister Ada Voss is heading to Lyon.", "2021-03-05")
    voss, lyon = a.name("Ada Voss", "person"), a.name("Lyon", "city")
    heading = a.event("visit", "heading", [voss], place=lyon, reported_now=True)
    ex = a.extraction([a.mention("Ada Voss", "person"), a.mention("Lyon", "city")], events=[heading])
    (ev,) = resolve(ex).events
    assert (ev.date.value, ev.date.basis) == ("2021-03-05", "report")
    assert resolve(ex, without=("dates.reporting_day",)).events[0].date is None


@pytest.mark.rule("entities.final_s_in_article")
def test_a_bodys_name_with_a_stray_final_s_is_the_same_body():
    a = Art("a1", "Vantairline grew. Vantairlines said so. Ann Roberts and Robert Lind spoke.")
    ms = [
        a.mention("Vantairline", "organization"),
        a.mention("Vantairlines", "person"),  # the model's kind of a one-word name varies
        a.mention("Ann Roberts", "person"),
        a.mention("Robert Lind", "person"),
    ]
    ex = a.extraction(ms)
    (body,) = [e for e in resolve(ex).entities if e.kind != "person"]
    assert sorted((body.label, *body.alt_labels)) == ["Vantairline", "Vantairlines"]
    assert len(entities(resolve(ex))) == 3  # "Roberts" and "Robert" are not in play: no body's names
    assert len(entities(resolve(ex, without=("entities.final_s_in_article",)))) == 4


@pytest.mark.rule("entities.same_flight")
def test_two_codes_of_one_flight_number_are_one_flight_when_both_reports_name_its_carrier():
    a = Art("a1", "Vantair flight VT 9525 crashed. Vantair grieved.")
    b = Art("b1", "The VTR9525 flight crashed, Vantair said. The 9525 bus was late.")
    c = Art("c1", "Norair flight NR 9525 landed.")  # another carrier's flight of that number
    exs = [
        a.extraction([a.mention("Vantair flight VT 9525", "event"), a.mention("Vantair", "organization", 1)]),
        b.extraction([b.mention("VTR9525", "event"), b.mention("Vantair", "organization")]),
        c.extraction([c.mention("Norair flight NR 9525", "event")]),
    ]
    flights = sorted(sorted((e.label, *e.alt_labels)) for e in resolve(*exs).entities if e.kind == "event")
    assert flights == [["Norair flight NR 9525"], ["VTR9525", "Vantair flight VT 9525"]]
    assert len([e for e in resolve(*exs, without=("entities.same_flight",)).entities if e.kind == "event"]) == 3


@pytest.mark.rule("dates.narrative_offsets")
def test_two_days_later_counts_from_the_day_of_the_event_told_before():
    a = Art("a1", "Anna Berg met Ivo Marek on Monday. Two days later, Berg met Paul Roux.", "2021-03-05")
    berg, marek, roux = a.name("Anna Berg", "person"), a.name("Ivo Marek", "person"), a.name("Paul Roux", "person")
    first = a.event("meeting", "met", [berg, marek], time=a.time("Monday"))
    later = a.event("meeting", "met", [a.name("Berg", "person"), roux], nth=1, time=a.time("Two days later"))
    ms = [a.mention(n, "person") for n in ("Anna Berg", "Ivo Marek", "Berg", "Paul Roux")]
    ex = a.extraction(ms, events=[first, later])
    assert events(resolve(ex)) == [
        ("meeting", ("Anna Berg", "Ivo Marek"), "2021-03-01"),
        ("meeting", ("Anna Berg", "Paul Roux"), "2021-03-03"),
    ]
    assert events(resolve(ex, without=("dates.narrative_offsets",)))[1] == ("meeting", ("Anna Berg", "Paul Roux"), None)
    # with no day told before, the words stay words
    alone = a.extraction(ms, events=[later])
    assert events(resolve(alone)) == [("meeting", ("Anna Berg", "Paul Roux"), None)]
