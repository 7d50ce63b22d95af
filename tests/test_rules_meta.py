"""Meta-tests that keep the extension points honest: every registered rule and
every exporter has a test of its own, `kg rules` lists the rules, an unknown
rule is an error that says what exists, and a new event kind is one table
entry that flows to the RDF, the vocabulary and the shapes.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, Dataset, URIRef

from graph.cli import main
from graph.errors import RegistryError
from graph.export import EXPORTERS
from graph.extract import extract_article
from graph.extract.handmade import parse
from graph.kinds import EventKind, default_kinds
from graph.model.namespaces import KG, VOCAB, entity_iri
from graph.model.rdf import corpus_units
from graph.model.vocabulary import vocabulary_graph
from graph.pipeline import Pipeline
from graph.records import Article, DateOrigin
from graph.resolve import resolve_corpus
from graph.rules import Settings, all_rules
from graph.validate import validate

TESTS = Path(__file__).resolve().parent


def marked(marker: str) -> set[str]:
    """The names given to ``@pytest.mark.<marker>("name")`` anywhere in tests/."""
    found = set()
    for path in TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == marker
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "mark"
            ):
                found |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return found


def test_every_registered_rule_has_a_test_of_its_own():
    missing = sorted({r.name for r in all_rules()} - marked("rule"))
    assert missing == []


def test_rule_markers_name_registered_rules():
    assert sorted(marked("rule") - {r.name for r in all_rules()}) == []


def test_every_exporter_has_a_test_of_its_own():
    assert sorted(set(EXPORTERS) - marked("exporter")) == []


def test_rule_names_are_unique_and_ids_carry_the_version():
    rules = all_rules()
    assert len({r.name for r in rules}) == len(rules)
    assert all(r.id == f"{r.name}.v{r.version}" and r.description for r in rules)


def test_kg_rules_lists_every_rule_in_order():
    result = CliRunner().invoke(main, ["rules", "--json"])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == [r.id for r in all_rules()]


def test_an_unknown_rule_is_an_error_that_lists_the_valid_ones():
    with pytest.raises(RegistryError, match=r"Unknown rule 'events\.verbl'\. Available: .*events\.verbal"):
        Pipeline(without_rules=["events.verbl"])
    result = CliRunner().invoke(main, ["build", "x.txt", "--without-rule", "events.verbl"])
    assert result.exit_code == 1 and "Available:" in result.output


def test_a_rule_is_switched_off_by_name_or_by_id():
    assert Pipeline(without_rules=["events.verbal"]).settings.without_rules == {"events.verbal"}
    assert Pipeline(without_rules=["events.verbal.v5"]).settings.without_rules == {"events.verbal.v5"}


def test_the_extraction_cache_key_changes_with_the_rules_that_run():
    from graph.pipeline import cache_key

    article = Article("a1", "Anna Berg met Ivo Marek.")
    on = cache_key(article, "model", Settings())
    off = cache_key(article, "model", Settings(without_rules=frozenset({"events.verbal"})))
    resolve_only = cache_key(article, "model", Settings(without_rules=frozenset({"entities.acronyms"})))
    assert on != off
    assert on == resolve_only  # resolution runs on every build; its rules do not key the cache


# -- a new event kind is one table entry ------------------------------------------------------------

EVICTION = EventKind(
    name="eviction",
    class_name="Eviction",
    label="eviction",
    comment="A party evicts another from where it stays.",
    frame="transitive",
    verbs=frozenset({"evict"}),
    nouns=frozenset({"eviction"}),
    edge="evicted",
    edge_label="evicted",
    edge_links="objects",
    cameo="1663",
)

PORTUGAL_EVICTED_TARVIA = """
    Portugal PROPN NNP nsubj 2
    evicted  VERB  VBD ROOT  0 evict
    Tarvia   PROPN NNP dobj  2
    on       ADP   IN  prep  2
    Monday   PROPN NNP pobj  4
    .        PUNCT .   punct 2
"""


def test_a_new_event_kind_flows_to_rdf_vocabulary_and_shapes():
    kinds = default_kinds().with_event_kind(EVICTION)
    settings = Settings(kinds=kinds)
    doc = parse(PORTUGAL_EVICTED_TARVIA, ents=[(1, 1, "GPE"), (3, 3, "GPE"), (5, 5, "DATE")])
    article = Article("a1", doc.text, date=dt.date(2021, 3, 5), date_origin=DateOrigin.GIVEN)
    corpus = resolve_corpus([extract_article(doc, article, "hand-made", settings)], settings)
    assert [(e.kind, e.agent, e.objects, e.date.value) for e in corpus.events] == [
        ("eviction", "portugal", ("tarvia",), "2021-03-01")
    ]
    ds = Dataset(default_union=True)
    for unit in corpus_units(corpus, kinds):
        graph = ds.graph(URIRef(unit.graph)) if unit.graph else ds.default_context
        graph.parse(data="\n".join(unit.lines), format="nt")
    event = next(ds.subjects(KG.kind, VOCAB.Eviction))
    assert (event, KG.agent, entity_iri("portugal")) in ds
    assert (entity_iri("portugal"), VOCAB.evicted, entity_iri("tarvia")) in ds
    vocab = vocabulary_graph(kinds)
    assert (VOCAB.Eviction, RDF.type, KG.EventKind) in vocab
    assert (VOCAB.evicted, RDF.type, OWL.ObjectProperty) in vocab
    assert validate(ds, kinds).conforms
    # with the built-in table the same clause is only a relation, and the vocabulary has no such kind
    plain = resolve_corpus([extract_article(doc, article, "hand-made")])
    assert [(e.kind, e.relation, e.agent, e.objects) for e in plain.events] == [
        ("relation", "evict", "portugal", ("tarvia",))
    ]
    assert (VOCAB.Eviction, RDF.type, KG.EventKind) not in vocabulary_graph()
    assert isinstance(VOCAB.Eviction, URIRef)
