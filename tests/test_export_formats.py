"""The exports for other ecosystems, each read back by the tool of its ecosystem: GraphML and GEXF by
networkx, the Neo4j import CSVs by the csv module against the neo4j-admin layout, JSON-LD by rdflib
and pyoxigraph; on the small store of tests/test_export.py and on the seed and dev builds."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from graph.atomic import staged
from graph.cli import main
from graph.export import get_exporter
from graph.export.jsonld import context
from graph.export.neo4j import NODE_HEADER, RELATIONSHIP_HEADER
from graph.export.network import entity_network
from graph.model.namespaces import PREFIXES
from graph.model.rdf import corpus_units
from graph.store import Store
from tests.records import two_reports_of_one_meeting

ID = "https://w3id.org/newskg/id/"
KONO, LAVROV = f"{ID}entity/taro-kono", f"{ID}entity/sergey-lavrov"
BUILDS = ["seeds_build", "dev_build"]


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "store")
    s.update(corpus_units(two_reports_of_one_meeting()))
    yield s
    s.close()


@pytest.fixture(params=BUILDS, ids=["seeds", "dev"])
def built(request: pytest.FixtureRequest):
    """A real build's store, read-only."""
    with Store.reader(request.getfixturevalue(request.param)) as s:
        yield s


def write(name: str, store: Store, folder: Path) -> Path:
    path = folder / get_exporter(name).filename
    get_exporter(name).write(store, path)
    return path


def edges(graph: nx.DiGraph, drop: tuple[str, ...] = ()) -> list[tuple]:
    """Every edge with its key and attributes. A GEXF file without parallel edges reads back as a
    DiGraph without keys: the key is then made as the exporter makes it, from relation and event."""
    if not graph.is_multigraph():
        triples = [(a, b, f"{d['relation']} {d['event']}".strip(), d) for a, b, d in graph.edges(data=True)]
    else:
        triples = list(graph.edges(keys=True, data=True))
    return sorted((a, b, k, tuple(sorted((n, v) for n, v in d.items() if n not in drop))) for a, b, k, d in triples)


# ---------------------------------------------------------------- the entity network


def test_the_network_of_two_reports_is_one_meeting_edge_with_both_articles(store: Store):
    network = entity_network(store)
    assert sorted(network.nodes(data="type")) == [
        (f"{ID}entity/anna-berg", "person"), (f"{ID}entity/lisbon", "city"), (f"{ID}entity/pierre-dubois", "person")]
    met = [(a, b, d) for a, b, d in network.edges(data=True) if d["relation"] == "met"]
    assert len(met) == 1
    a, b, d = met[0]
    assert (a, b) == (f"{ID}entity/anna-berg", f"{ID}entity/pierre-dubois")  # one edge for a symmetric relation
    assert (d["kind"], d["date"], d["precision"], d["articles"], d["symmetric"]) == (
        "meeting", "2021-03-05", "day", "a1 a2", True)
    assert d["event"].startswith(f"{ID}event/meeting/")


@pytest.mark.slow
def test_the_seed_network_has_the_kono_lavrov_meeting_and_tokyo(seeds_build: Path):
    with Store.reader(seeds_build) as s:
        network = entity_network(s)
    meetings = {d["date"]: d["articles"] for a, b, d in network.edges(data=True)
                if {a, b} == {KONO, LAVROV} and d["relation"] == "met"}
    assert meetings["2019-05-31"] == "000_5deb3ae3fe01fe22 001_00284636e0d1ceb9"
    tokyo = network.nodes[f"{ID}entity/tokyo"]
    assert (tokyo["label"], tokyo["type"], tokyo["geonames"]) == ("Tokyo", "city", "1850147")
    assert network.nodes[LAVROV]["type"] == "person" and "Lavrov" in network.nodes[LAVROV]["aliases"].split("; ")


# ---------------------------------------------------------------- GraphML and GEXF


@pytest.mark.exporter("graphml")
def test_graphml_reads_back_in_networkx_as_the_network(store: Store, tmp_path: Path):
    path = write("graphml", store, tmp_path)
    read = nx.read_graphml(path, force_multigraph=True)
    network = entity_network(store)
    assert isinstance(read, nx.MultiDiGraph)
    assert dict(read.nodes(data=True)) == dict(network.nodes(data=True))
    assert edges(read) == edges(network) != []
    text = path.read_text(encoding="utf-8")
    assert re.search(r'<key id="d\d+" for="node" attr.name="mentions" attr.type="long"', text)  # typed
    assert re.search(r'<key id="d\d+" for="edge" attr.name="symmetric" attr.type="boolean"', text)


@pytest.mark.slow
@pytest.mark.exporter("graphml")
def test_graphml_of_a_real_build_reads_back(built: Store, tmp_path: Path):
    read = nx.read_graphml(write("graphml", built, tmp_path), force_multigraph=True)
    network = entity_network(built)
    assert read.number_of_nodes() == network.number_of_nodes() > 30
    assert dict(read.nodes(data=True)) == dict(network.nodes(data=True))
    assert edges(read) == edges(network)


@pytest.mark.exporter("gexf")
def test_gexf_reads_back_in_networkx_as_the_network(store: Store, tmp_path: Path):
    path = write("gexf", store, tmp_path)
    read = nx.read_gexf(path)
    network = entity_network(store)
    assert dict(read.nodes(data=True)) == dict(network.nodes(data=True))
    assert edges(read, drop=("id",)) == edges(network) != []  # networkx adds the GEXF edge id
    assert 'lastmodifieddate="2021-03-06"' in path.read_text(encoding="utf-8")  # the newest article's day


@pytest.mark.slow
@pytest.mark.exporter("gexf")
def test_gexf_of_a_real_build_reads_back(built: Store, tmp_path: Path):
    read = nx.read_gexf(write("gexf", built, tmp_path))
    network = entity_network(built)
    assert dict(read.nodes(data=True)) == dict(network.nodes(data=True))
    assert edges(read, drop=("id",)) == edges(network)


# ---------------------------------------------------------------- Neo4j


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def check_neo4j(folder: Path, network: nx.MultiDiGraph) -> None:
    """The neo4j-admin import layout: typed headers, IDs, labels, types; every relationship's ends exist."""
    ids: dict[str, str] = {}
    for path in sorted(folder.glob("nodes_*.csv")):
        header, rows = read_csv(path)
        assert tuple(header) == NODE_HEADER, path.name
        labels = path.stem.removeprefix("nodes_").split("_")
        for row in rows:
            assert row[":LABEL"].split(";") == ["Entity", *labels]
            assert row["iri:ID(Entity)"] not in ids
            ids[row["iri:ID(Entity)"]] = row["name"]
            assert int(row["mentions:int"]) >= 0
            assert row["geonames"] == "" or row["geonames"].isdigit()
    assert ids == {iri: d["label"] for iri, d in network.nodes(data=True)}
    relationships = 0
    for path in sorted(folder.glob("relationships_*.csv")):
        header, rows = read_csv(path)
        assert tuple(header) == RELATIONSHIP_HEADER, path.name
        kind = path.stem.removeprefix("relationships_")
        assert re.fullmatch(r"[A-Z]+(_[A-Z]+)*", kind)
        for row in rows:
            assert row[":START_ID(Entity)"] in ids and row[":END_ID(Entity)"] in ids
            assert row[":TYPE"] == kind
            assert row["symmetric:boolean"] in ("true", "false")
            if row["day:date"]:
                assert dt.date.fromisoformat(row["day:date"]).isoformat() == row["date"]
                assert row["precision"] == "day"
            if row["event"]:
                assert row["event"].startswith(f"{ID}event/") and row["articles:string[]"]
            relationships += 1
    assert relationships == network.number_of_edges() > 0
    script = (folder / "load.cypher").read_text(encoding="utf-8")
    command = (folder / "import.sh").read_text(encoding="utf-8")
    for path in folder.glob("*.csv"):
        assert f"'file:///{path.name}'" in script
        assert f"--{path.stem.split('_')[0]}={path.name}" in command
    for column in NODE_HEADER[:-1] + RELATIONSHIP_HEADER[3:]:
        assert f"row.`{column}`" in script or f"row.{column}" in script, column


@pytest.mark.exporter("neo4j")
def test_neo4j_csvs_have_the_admin_import_headers_and_every_end_exists(store: Store, tmp_path: Path):
    folder = write("neo4j", store, tmp_path)
    check_neo4j(folder, entity_network(store))
    _, rows = read_csv(folder / "relationships_MET.csv")
    assert [(r["date"], r["day:date"], r["articles:string[]"]) for r in rows] == [("2021-03-05", "2021-03-05", "a1;a2")]
    assert sorted(p.name for p in folder.glob("nodes_*.csv")) == ["nodes_City_Place.csv", "nodes_Person.csv"]


@pytest.mark.slow
@pytest.mark.exporter("neo4j")
def test_neo4j_csvs_of_a_real_build(built: Store, tmp_path: Path):
    check_neo4j(write("neo4j", built, tmp_path), entity_network(built))


# ---------------------------------------------------------------- JSON-LD


def trig_quads(store: Store, folder: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(write("trig", store, folder)), format=ox.RdfFormat.TRIG, lenient=False))


def check_jsonld(path: Path, expected: set[ox.Quad]) -> None:
    assert set(ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD, lenient=False)) == expected
    dataset = rdflib.Dataset()
    dataset.parse(source=str(path), format="json-ld")
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    assert set(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)) == expected
    assert json.loads(path.read_text(encoding="utf-8"))["@context"] == context()


@pytest.mark.exporter("jsonld")
def test_jsonld_parses_in_rdflib_and_pyoxigraph_to_the_quads_of_the_trig(store: Store, tmp_path: Path):
    path = write("jsonld", store, tmp_path)
    check_jsonld(path, trig_quads(store, tmp_path))
    assert '"kg:date": {"@type": "xsd:date", "@value": "2021-03-05"}' in path.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.exporter("jsonld")
def test_jsonld_of_a_real_build_has_the_quads_of_its_trig(built: Store, tmp_path: Path):
    expected = trig_quads(built, tmp_path)
    assert len(expected) > 2000
    check_jsonld(write("jsonld", built, tmp_path), expected)


def test_the_shipped_context_is_the_prefixes_of_the_turtle_files():
    assert context() == PREFIXES


def test_the_new_exports_write_the_same_bytes_twice(store: Store, tmp_path: Path):
    for name in ("jsonld", "graphml", "gexf"):
        first, second = tmp_path / f"1-{name}", tmp_path / f"2-{name}"
        get_exporter(name).write(store, first)
        get_exporter(name).write(store, second)
        assert first.read_bytes() == second.read_bytes(), name
    get_exporter("neo4j").write(store, tmp_path / "n1")
    get_exporter("neo4j").write(store, tmp_path / "n2")
    assert {p.name: p.read_bytes() for p in (tmp_path / "n1").iterdir()} == {
        p.name: p.read_bytes() for p in (tmp_path / "n2").iterdir()}


def test_a_staged_neo4j_folder_replaces_the_old_one_whole_or_not_at_all(store: Store, tmp_path: Path):
    """graph.atomic.staged with a folder export (issue 14's atomic exports): the new folder is renamed over
    the old one; a failure in any staged export leaves the old folder as it was and no temporary files."""
    target, other = tmp_path / "neo4j", tmp_path / "graph.graphml"
    target.mkdir()
    (target / "old.csv").write_text("old\n")
    with staged([target, other]) as tmps:
        get_exporter("neo4j").write(store, tmps[target])
        get_exporter("graphml").write(store, tmps[other])
    assert (target / "load.cypher").is_file() and not (target / "old.csv").exists() and other.is_file()
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    with pytest.raises(OSError, match="disk full"), staged([target, other]) as tmps:
        get_exporter("neo4j").write(store, tmps[target])
        raise OSError("disk full")
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "neo4j", "store"]


# ---------------------------------------------------------------- kg export and kg build --export


@pytest.mark.slow
def test_kg_export_writes_each_format(seeds_copy: Path, tmp_path: Path):
    for name in ("graphml", "gexf", "neo4j", "jsonld"):
        out = tmp_path / f"x-{name}"
        result = CliRunner().invoke(main, ["export", name, "--store", str(seeds_copy), "--out", str(out)])
        assert result.exit_code == 0 and result.output == f"{name}: {out}\n", result.output
        assert out.exists()
    default = CliRunner().invoke(main, ["export", "graphml", "--store", str(seeds_copy)])
    assert default.exit_code == 0 and (seeds_copy / "graph.graphml").is_file()
    wrong = CliRunner().invoke(main, ["export", "graphm", "--store", str(seeds_copy)])
    assert wrong.exit_code == 1 and "Unknown exporter 'graphm'. Available: gexf, graphml" in wrong.output


@pytest.mark.slow
def test_kg_build_export_writes_them_once(seeds_copy: Path):
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    args = ["build", str(seeds), "--out", str(seeds_copy), "--json",
            "--export", "graphml,gexf", "--export", "neo4j,jsonld"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    written = json.loads(first.output)["written"]
    assert sorted(written) == ["gexf", "graphml", "jsonld", "neo4j"]  # the others were there already
    for name in written:
        assert (seeds_copy / get_exporter(name).filename).exists()
    again = CliRunner().invoke(main, args)
    assert json.loads(again.output)["written"] == []
    bad = CliRunner().invoke(main, ["build", str(seeds), "--out", str(seeds_copy), "--export", "graphml,csv"])
    assert bad.exit_code == 1 and "Unknown exporter 'csv'" in bad.output
