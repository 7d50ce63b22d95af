"""The SHACL shapes (graph/model/shapes.ttl) and graph.validate on hand-made graphs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from graph.model.namespaces import ENTITY_CLASSES, EVENT_KINDS, ID, KG, PRECISIONS
from graph.validate import ValidationReport, merged_graph, shapes_graph, validate, vocabulary_graph

A1 = URIRef(ID["graph/a1"])
A2 = URIRef(ID["graph/a2"])
ANNA = URIRef(ID["entity/anna-berg"])
ROLE = URIRef(ID["role/1a2b3c4d5e6f"])
MEETING = URIRef(ID["event/meeting/aaaaaaaaaaaa"])
OLD_MEETING = URIRef(ID["event/meeting/bbbbbbbbbbbb"])
STATEMENT = URIRef(ID["event/statement/cccccccccccc"])
EVIDENCE = URIRef(ID["article/a1/evidence/40-43-events.verbal"])
SENTENCE = URIRef(ID["article/a2/sentence/1"])
ARTICLE = URIRef(ID["article/a2"])
PARIS = URIRef(ID["entity/paris"])
SOMEWHERE = URIRef(ID["place/somewhere"])
SOON = URIRef(ID["dating/soon"])
OLD_REPORT = URIRef(ID["article/a1/report/bbbbbbbbbbbb"])


@pytest.fixture
def mini(data_dir: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(source=str(data_dir / "mini.trig"), format="trig")
    return dataset


def _replace(graph: Graph, subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> None:
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, value))


def event_without_kind(ds: Dataset) -> None:
    ds.graph(A1).remove((OLD_MEETING, KG.kind, None))


def event_kind_not_a_kind(ds: Dataset) -> None:
    _replace(ds.graph(A1), OLD_MEETING, KG.kind, KG.Day)


def event_date_as_xsd_string(ds: Dataset) -> None:
    _replace(ds.graph(A1), OLD_MEETING, KG.date, Literal("2019", datatype=XSD.string))


def event_date_ill_formed(ds: Dataset) -> None:
    _replace(ds.graph(A1), OLD_MEETING, KG.date, Literal("2019-02-30", datatype=XSD.date))


def event_two_dates_in_two_articles(ds: Dataset) -> None:
    _replace(ds.graph(A2), MEETING, KG.date, Literal("2021-03-04", datatype=XSD.date))


def dating_without_date_precision(ds: Dataset) -> None:
    ds.graph(A1).remove((SOON, KG.datePrecision, None))


def event_without_dating(ds: Dataset) -> None:
    ds.graph(A1).remove((STATEMENT, KG.dating, None))


def event_participant_not_an_entity(ds: Dataset) -> None:
    ds.graph(A1).add((OLD_MEETING, KG.participant, URIRef(ID["thing/unknown"])))


def event_without_report(ds: Dataset) -> None:
    ds.graph(A1).remove((OLD_MEETING, KG.report, None))


def report_without_evidence(ds: Dataset) -> None:
    ds.graph(A1).remove((OLD_REPORT, KG.evidence, None))


def statement_without_agent(ds: Dataset) -> None:
    ds.graph(A1).remove((STATEMENT, KG.agent, None))


def statement_content_not_a_string(ds: Dataset) -> None:
    ds.graph(A1).add((STATEMENT, KG.content, Literal(42)))


def role_without_title(ds: Dataset) -> None:
    ds.graph(A1).remove((ROLE, KG.title, None))


def role_without_holder(ds: Dataset) -> None:
    ds.graph(A1).remove((ANNA, KG.holdsRole, ROLE))


def evidence_start_after_end(ds: Dataset) -> None:
    _replace(ds.graph(A1), EVIDENCE, KG.start, Literal(50))


def evidence_without_sentence(ds: Dataset) -> None:
    ds.graph(A1).remove((EVIDENCE, KG.sentence, None))


def sentence_without_article(ds: Dataset) -> None:
    ds.graph(A2).remove((SENTENCE, KG.inArticle, None))


def article_without_id(ds: Dataset) -> None:
    ds.default_graph.remove((ARTICLE, KG.articleId, None))


def entity_with_two_labels(ds: Dataset) -> None:
    ds.graph(A2).add((ANNA, RDFS.label, Literal("Anna K. Berg")))


def entity_label_with_language(ds: Dataset) -> None:
    _replace(ds.graph(A1), PARIS, RDFS.label, Literal("Paris", lang="fr"))


def entity_typed_only_as_place(ds: Dataset) -> None:
    ds.graph(A1).add((SOMEWHERE, RDF.type, KG.Place))
    ds.graph(A1).add((SOMEWHERE, RDFS.label, Literal("Somewhere")))


Case = tuple[Callable[[Dataset], None], URIRef, str, str]

# (how to break mini.trig, focus node, result path as printed, constraint component)
ONE_VIOLATION: list[Case] = [
    (event_without_kind, OLD_MEETING, "kg:kind", "MinCountConstraintComponent"),
    (event_kind_not_a_kind, OLD_MEETING, "kg:kind", "ClassConstraintComponent"),
    (event_date_as_xsd_string, OLD_MEETING, "kg:date", "OrConstraintComponent"),
    (event_date_ill_formed, OLD_MEETING, "kg:date", "OrConstraintComponent"),
    (event_two_dates_in_two_articles, MEETING, "kg:date", "MaxCountConstraintComponent"),
    (dating_without_date_precision, SOON, "kg:datePrecision", "MinCountConstraintComponent"),
    (event_without_dating, STATEMENT, "kg:dating", "MinCountConstraintComponent"),
    (event_participant_not_an_entity, OLD_MEETING, "kg:participant", "ClassConstraintComponent"),
    (event_without_report, OLD_MEETING, "kg:report", "MinCountConstraintComponent"),
    (report_without_evidence, OLD_REPORT, "kg:evidence", "MinCountConstraintComponent"),
    (statement_without_agent, STATEMENT, "kg:agent", "MinCountConstraintComponent"),
    (statement_content_not_a_string, STATEMENT, "kg:content", "DatatypeConstraintComponent"),
    (role_without_title, ROLE, "kg:title", "MinCountConstraintComponent"),
    (role_without_holder, ROLE, "[ sh:inversePath kg:holdsRole ]", "MinCountConstraintComponent"),
    (evidence_start_after_end, EVIDENCE, "kg:start", "LessThanOrEqualsConstraintComponent"),
    (evidence_without_sentence, EVIDENCE, "kg:sentence", "MinCountConstraintComponent"),
    (sentence_without_article, SENTENCE, "kg:inArticle", "MinCountConstraintComponent"),
    (article_without_id, ARTICLE, "kg:articleId", "MinCountConstraintComponent"),
    (entity_with_two_labels, ANNA, "rdfs:label", "MaxCountConstraintComponent"),
    (entity_label_with_language, PARIS, "rdfs:label", "DatatypeConstraintComponent"),
    (entity_typed_only_as_place, SOMEWHERE, "rdf:type", "QualifiedValueShapeConstraintComponent"),
]


def _messages(shapes: Graph) -> set[str]:
    return {str(message) for message in shapes.objects(None, SH.message)}


def test_mini_trig_conforms(mini: Dataset) -> None:
    report = validate(mini)
    assert report == ValidationReport(conforms=True, text=report.text, violations=0)
    assert "Conforms: True" in report.text


def test_merged_turtle_of_mini_conforms(mini: Dataset) -> None:
    merged = Graph()
    merged.parse(data=merged_graph(mini).serialize(format="turtle"), format="turtle")
    assert validate(merged).conforms


def test_one_article_alone_does_not_conform_because_its_article_is_described_elsewhere(
    mini: Dataset,
) -> None:
    report = validate(mini.graph(A2))
    # its sentence and its report of the meeting belong to an article this graph does not describe
    assert (report.conforms, report.violations) == (False, 2)
    assert f"Focus Node: <{SENTENCE}>" in report.text
    assert f"Focus Node: <{ID['article/a2/report/aaaaaaaaaaaa']}>" in report.text
    assert report.text.count("Result Path: kg:inArticle") == 2


@pytest.mark.parametrize(
    ("break_graph", "focus", "path", "component"),
    ONE_VIOLATION,
    ids=[case[0].__name__ for case in ONE_VIOLATION],
)
def test_broken_record_gives_one_readable_violation(
    mini: Dataset, break_graph: Callable[[Dataset], None], focus: URIRef, path: str, component: str
) -> None:
    break_graph(mini)
    report = validate(mini)
    assert (report.conforms, report.violations) == (False, 1), report.text
    assert f"Constraint Violation in {component}" in report.text
    assert f"Focus Node: <{focus}>" in report.text
    assert f"Result Path: {path}" in report.text
    assert any(f"Message: {message}" in report.text for message in _messages(shapes_graph()))


def test_the_five_classic_breakages_give_five_violations(mini: Dataset) -> None:
    for break_graph in (
        event_without_kind,
        event_date_as_xsd_string,
        role_without_title,
        evidence_start_after_end,
        entity_with_two_labels,
    ):
        break_graph(mini)
    report = validate(mini)
    assert (report.conforms, report.violations) == (False, 5)
    assert report.text.count("Focus Node:") == 5


def test_validate_leaves_its_input_unchanged(mini: Dataset) -> None:
    before = set(mini.quads((None, None, None, None)))
    validate(mini)
    assert set(mini.quads((None, None, None, None))) == before


def test_every_shape_has_a_label_and_every_constraint_a_message() -> None:
    shapes = shapes_graph()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) == 10
    assert all(shapes.value(shape, RDFS.label) is not None for shape in node_shapes)
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(property_shapes) == 35
    unexplained = [shape for shape in property_shapes if shapes.value(shape, SH.message) is None]
    assert unexplained == []


def test_shapes_name_only_classes_and_individuals_of_the_vocabulary() -> None:
    shapes, vocab = shapes_graph(), vocabulary_graph()
    named = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH["class"]))
    assert named <= set(vocab.subjects(RDF.type, None))
    assert set(vocab.subjects(RDF.type, KG.EntityClass)) == set(ENTITY_CLASSES.values())
    assert set(vocab.subjects(RDF.type, KG.EventKind)) == set(EVENT_KINDS.values())
    assert set(vocab.subjects(RDF.type, KG.Precision)) == set(PRECISIONS.values())
