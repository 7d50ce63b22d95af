"""End to end on the seed articles, and the store's incremental behaviour."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, SKOS

from graph.model.namespaces import KG
from graph.query import load_query, run_query
from graph.store import Store

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))


def meetings(out: Path) -> list[dict]:
    return run_query(Store.reader(out), load_query(QUERIES[0].parent / "meetings.rq")).as_dicts()


def test_build_writes_every_output(seeds_build):
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (seeds_build / name).stat().st_size > 1000
    assert (seeds_build / "store" / "oxigraph").is_dir()
    manifest = json.loads((seeds_build / "store" / "manifest.json").read_text())
    assert sorted(manifest) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_meetings_query_has_kono_and_lavrov_on_2019_05_31_in_tokyo(seeds_build):
    rows = [r for r in meetings(seeds_build) if r["date"] == "2019-05-31"]
    assert [(r["a"], r["b"], r["place"]) for r in rows] == [("Sergey Lavrov", "Taro Kono", "Tokyo")]
    assert sorted(rows[0]["articles"].split()) == ["000_5deb3ae3fe01fe22", "001_00284636e0d1ceb9"]
    assert set(rows[0]["origins"].split()) == {"given", "inferred"}


def test_meeting_cites_the_sentences_that_say_so(seeds_build):
    store = Store.reader(seeds_build)
    q = """PREFIX kg: <https://w3id.org/newskg/vocab#>
    SELECT ?article ?text WHERE {
      ?e a kg:Event ; kg:date "2019-05-31"^^<http://www.w3.org/2001/XMLSchema#date> ; kg:kind kg:Meeting ;
         kg:report/kg:evidence/kg:sentence ?s .
      ?s kg:text ?text ; kg:inArticle/kg:articleId ?article .
    } ORDER BY ?article ?text"""
    rows = run_query(store, q).rows
    assert {r[0] for r in rows} == {"000_5deb3ae3fe01fe22", "001_00284636e0d1ceb9"}
    assert any("On Friday Kono and Lavrov will meet again in Tokyo" in r[1] for r in rows)


def test_sergey_and_sergei_lavrov_are_one_node(seeds_build):
    g = Graph().parse(seeds_build / "graph.ttl")
    nodes = {s for s, p, o in g if p in (RDFS.label, SKOS.altLabel) and str(o) in {"Sergey Lavrov", "Sergei Lavrov"}}
    assert len(nodes) == 1
    labels = {str(o) for o in g.objects(next(iter(nodes)), RDFS.label)}
    assert labels == {"Sergey Lavrov"}


def test_every_event_has_a_source_sentence(seeds_build):
    g = Graph().parse(seeds_build / "graph.ttl")
    events = set(g.subjects(None, KG.Event))
    assert len(events) > 20
    for e in events:
        sentences = [
            s for r in g.objects(e, KG.report) for ev in g.objects(r, KG.evidence) for s in g.objects(ev, KG.sentence)
        ]
        assert sentences, e
        assert all(list(g.objects(s, KG.text)) for s in sentences)


def test_undated_article_gets_its_date_inferred_with_evidence(seeds_build):
    rows = run_query(Store.reader(seeds_build), load_query(QUERIES[0].parent / "article_dates.rq")).as_dicts()
    by_id = {r["article"]: r for r in rows}
    assert by_id["000_5deb3ae3fe01fe22"]["date"] == "2019-05-31"
    assert by_id["000_5deb3ae3fe01fe22"]["origin"] == "inferred"
    assert "001_00284636e0d1ceb9" in by_id["000_5deb3ae3fe01fe22"]["evidence"]
    assert by_id["001_00284636e0d1ceb9"]["origin"] == "given"
    assert {by_id[a]["origin"] for a in by_id} - {"given", "inferred"} == {"unknown"}


def test_turtle_reparses_into_an_isomorphic_graph(seeds_build):
    g = Graph().parse(seeds_build / "graph.ttl")
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, again)
    assert len(g) == len(again)


def test_turtle_is_the_union_of_the_trig_graphs(seeds_build):
    ttl = Graph().parse(seeds_build / "graph.ttl")
    ds = Dataset()
    ds.parse(seeds_build / "graph.trig", format="trig")
    union = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(ttl, union)


def test_outputs_parse_strictly_in_pyoxigraph(seeds_build):
    triples = list(ox.parse(path=str(seeds_build / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    quads = list(ox.parse(path=str(seeds_build / "graph.trig"), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name for q in quads}
    assert len(graphs) == 7  # five articles, the corpus graph and the default graph
    assert len(triples) == len({ox.Triple(q.subject, q.predicate, q.object) for q in quads})


def test_every_statement_is_in_one_graph_only(seeds_build):
    quads = list(ox.parse(path=str(seeds_build / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert len(quads) == len({ox.Triple(q.subject, q.predicate, q.object) for q in quads})


def test_an_entity_is_typed_and_named_once_in_the_corpus_graph(seeds_build):
    ds = Dataset()
    ds.parse(seeds_build / "graph.trig", format="trig")
    lavrov = URIRef("https://w3id.org/newskg/id/entity/sergey-lavrov")
    graphs = {str(g) for _s, _p, _o, g in ds.quads((lavrov, RDFS.label, None, None))}
    assert graphs == {"https://w3id.org/newskg/id/corpus"}
    mentioned = {str(g) for _s, _p, _o, g in ds.quads((lavrov, KG.mentionedIn, None, None))}
    assert len(mentioned) >= 2 and "https://w3id.org/newskg/id/corpus" not in mentioned


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_every_query_file_parses_and_runs(seeds_build, query):
    text = query.read_text()
    assert text.startswith("#"), "each query starts with a comment saying what it answers"
    bindings = {"name": Literal("Lavrov")} if query.stem == "entity" else None
    result = run_query(Store.reader(seeds_build), text, bindings)
    assert result.rows, f"{query.name} returned nothing on the seeds"


def test_entity_query_finds_lavrov_by_any_name(seeds_build):
    store = Store.reader(seeds_build)
    text = load_query(QUERIES[0].parent / "entity.rq")
    by_short = run_query(store, text, {"name": Literal("Lavrov")}).rows
    by_variant = run_query(store, text, {"name": Literal("Sergei Lavrov")}).rows
    assert by_short == by_variant
    assert {r[0] for r in by_short} == {"https://w3id.org/newskg/id/entity/sergey-lavrov"}


# -- determinism and incremental builds ---------------------------------------------------


def test_same_input_gives_byte_identical_outputs(tmp_path, pipeline, seeds_build):
    out = tmp_path / "again"
    pipeline.build([SEEDS], out)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (out / name).read_bytes() == (seeds_build / name).read_bytes(), name


def test_articles_in_another_order_give_the_same_graph(tmp_path, pipeline, seeds_build):
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    out = tmp_path / "reversed"
    for f in files:  # one at a time, newest first
        pipeline.build([f], out, exports=["turtle"])
    assert (out / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()


DEV_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev" / "texts"


@pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="the shared dev set is not beside the checkout")
def test_the_dev_set_in_other_orders_gives_byte_identical_turtle(tmp_path, pipeline):
    """28 real articles: all at once, or in two halves that arrive the other way round."""
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in sorted(DEV_TEXTS.glob("*.txt"))]
    files = {}
    for name, part in (("all", lines), ("first", lines[: len(lines) // 2]), ("second", lines[len(lines) // 2 :])):
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text("\n".join(part) + "\n", encoding="utf-8")
    pipeline.build([files["all"]], tmp_path / "at-once", exports=["turtle"])
    pipeline.build([files["second"]], tmp_path / "halves", exports=["turtle"])
    pipeline.build([files["first"]], tmp_path / "halves", exports=["turtle"])
    assert (tmp_path / "halves" / "graph.ttl").read_bytes() == (tmp_path / "at-once" / "graph.ttl").read_bytes()


def test_adding_an_article_already_in_changes_nothing(seeds_copy, pipeline):
    before = len(Store.reader(seeds_copy))
    ttl = (seeds_copy / "graph.ttl").read_bytes()
    report = pipeline.build([SEEDS / "002_d779c5e52be50800.txt"], seeds_copy)
    assert (report.added, report.parsed, report.units, report.written) == (0, 0, None, [])
    assert report.triples == before
    assert len(Store.reader(seeds_copy)) == before
    assert (seeds_copy / "graph.ttl").read_bytes() == ttl


def test_a_new_article_is_the_only_one_parsed(seeds_copy, pipeline, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("date 2021-03-05 Foreign Minister Anna Berg met Pierre Dubois on Friday in Paris.\n")
    report = pipeline.build([new], seeds_copy)
    assert (report.added, report.parsed, report.articles) == (1, 1, 6)
    # its graph, its entry in the default graph, and the corpus statements of its people, place and event
    assert report.units.changed == 0 and report.units.removed == 0
    assert 4 < report.units.added < 15 and report.units.kept > 100


def test_an_export_changed_by_hand_is_written_again(seeds_copy, pipeline):
    ttl = (seeds_copy / "graph.ttl").read_bytes()
    (seeds_copy / "graph.ttl").write_text("changed")
    report = pipeline.build([], seeds_copy)
    assert report.written == ["turtle"]
    assert (seeds_copy / "graph.ttl").read_bytes() == ttl


def test_build_report_times_every_stage(seeds_copy, pipeline, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text("Foreign Minister Anna Berg met Pierre Dubois in Paris.\n")
    report = pipeline.build([new], seeds_copy)
    stages = {"read", "parse+extract", "resolve", "model", "store", "export turtle", "export trig", "export html"}
    assert stages <= set(report.timings)
    assert all(seconds >= 0 for seconds in report.timings.values())


def test_removing_an_article_keeps_what_others_support(seeds_copy, pipeline):
    report = pipeline.remove(["000_5deb3ae3fe01fe22"], seeds_copy)
    assert report.articles == 4
    rows = [r for r in meetings(seeds_copy) if r["date"] == "2019-05-31"]
    assert [(r["a"], r["b"], r["articles"]) for r in rows] == [("Sergey Lavrov", "Taro Kono", "001_00284636e0d1ceb9")]
    g = Graph().parse(seeds_copy / "graph.ttl")
    assert "000_5deb3ae3fe01fe22" not in (seeds_copy / "graph.ttl").read_text()
    assert list(g.subjects(RDFS.label, Literal("Takeshi Iwaya")))  # 001 names him too
    # the Group of 20 is named only by 000 ("Group of 20") and 001 ("G20")
    assert list(g.subjects(SKOS.altLabel, Literal("Group of 20"))) + list(
        g.subjects(RDFS.label, Literal("Group of 20"))) == []


def test_removing_then_adding_back_restores_the_graph(seeds_copy, pipeline, seeds_build):
    pipeline.remove(["003_b120c9ce50133b42"], seeds_copy)
    pipeline.build([SEEDS / "003_b120c9ce50133b42.txt"], seeds_copy)
    assert (seeds_copy / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()


def test_bad_inputs_are_skipped_and_reported(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_00284636e0d1ceb9.txt", folder)
    (folder / "empty.txt").write_text("")
    (folder / "bad.jsonl").write_text('{"id": "x", "text": "Ok."}\nnot json\n')
    report = pipeline.build([folder], tmp_path / "out", exports=["turtle"])
    assert report.articles == 2
    assert sorted(str(p) for p in report.problems) == sorted([
        f"{folder / 'bad.jsonl'}:2: not valid JSON: Expecting value (column 1)",
        f"{folder / 'empty.txt'}: empty file",
    ])


def test_a_dateline_gives_the_article_its_stated_date(tmp_path, pipeline):
    path = tmp_path / "dateline.txt"
    path.write_text("BERLIN, March 4, 2021 (Reuters) - Chancellor Angela Merkel met French President "
                    "Emmanuel Macron on Tuesday in Berlin, her spokesman said.\n")
    report = pipeline.build([path], tmp_path / "out", exports=["turtle"])
    article = report.corpus.articles[0]
    assert (article.date.isoformat(), article.date_origin.value) == ("2021-03-04", "stated")
    assert "March 4, 2021" in article.date_evidence
    meeting = next(e for e in report.corpus.events if e.kind == "meeting")
    assert (meeting.date.value, meeting.date.origin.value) == ("2021-03-02", "stated")


def test_an_unchanged_input_file_is_not_read_again(seeds_copy, pipeline, tmp_path):
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "text": "Anna Berg met Pierre Dubois in Paris."}) + "\n")
    first = pipeline.build([corpus], seeds_copy, exports=["turtle"])
    assert (first.added, first.parsed) == (1, 1)
    again = pipeline.build([corpus, SEEDS], seeds_copy, exports=["turtle"])
    assert (again.added, again.parsed, again.units, again.articles) == (0, 0, None, 6)
    corpus.write_text(corpus.read_text() + json.dumps({"id": "x2", "text": "Maria Rossi visited Rome."}) + "\n")
    changed = pipeline.build([corpus], seeds_copy, exports=["turtle"])
    assert (changed.added, changed.parsed, changed.articles) == (1, 1, 7)


def test_a_patch_changes_only_the_units_it_names(seeds_copy):
    from graph.model.rdf import CORPUS_GRAPH, Unit

    store = Store(seeds_copy / "store")
    before = store.state()
    subject = "<https://w3id.org/newskg/id/entity/sergey-lavrov>"
    note = Unit(CORPUS_GRAPH, "<urn:x:note>", ('<urn:x:note> <urn:x:says> "hello" .',))
    stats = store.update([note], complete=False)
    assert (stats.added, stats.removed, stats.kept) == (1, 0, 0)
    assert store.size() == len(store)
    stats = store.update([], complete=False, remove=[(CORPUS_GRAPH, "<urn:x:note>"), (CORPUS_GRAPH, "<urn:x:none>")])
    assert stats.removed == 1 and store.state() == before
    assert any(True for _ in store.ox.quads_for_pattern(ox.NamedNode(subject[1:-1]), None, None, None))
    store.close()
