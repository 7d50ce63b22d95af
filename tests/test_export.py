"""Each registered exporter on a small store of two hand-written articles: what it writes reads
back as the store's content."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.export import get_exporter
from graph.model.rdf import corpus_units
from graph.store import Store
from tests.records import two_reports_of_one_meeting


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store")
    s.update(corpus_units(two_reports_of_one_meeting()))
    yield s
    s.close()


def quads_of(path: Path, fmt: ox.RdfFormat) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=fmt))


@pytest.mark.exporter("turtle")
def test_turtle_is_the_merged_graph(store: Store, tmp_path: Path):
    path = tmp_path / get_exporter("turtle").filename
    get_exporter("turtle").write(store, path)
    merged = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads_of(path, ox.RdfFormat.TURTLE)} == merged
    assert len(merged) == len(store.quads())  # every statement is in exactly one graph


@pytest.mark.exporter("trig")
def test_trig_keeps_every_named_graph(store: Store, tmp_path: Path):
    path = tmp_path / "graph.trig"
    get_exporter("trig").write(store, path)
    assert quads_of(path, ox.RdfFormat.TRIG) == set(store.quads())


@pytest.mark.exporter("nquads")
def test_nquads_has_every_quad_once_a_line(store: Store, tmp_path: Path):
    path = tmp_path / "graph.nq"
    get_exporter("nquads").write(store, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(store.quads()) == len(set(lines))
    assert quads_of(path, ox.RdfFormat.N_QUADS) == set(store.quads())


@pytest.mark.exporter("html")
def test_html_is_one_offline_page_with_the_entities(store: Store, tmp_path: Path):
    path = tmp_path / "graph.html"
    get_exporter("html").write(store, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Anna Berg" in page and "Pierre Dubois" in page
    assert "https://cdn" not in page and "<script src=" not in page


def test_exporters_write_the_same_bytes_twice(store: Store, tmp_path: Path):
    for name in ("turtle", "trig", "nquads", "html"):
        first, second = tmp_path / f"1-{name}", tmp_path / f"2-{name}"
        get_exporter(name).write(store, first)
        get_exporter(name).write(store, second)
        assert first.read_bytes() == second.read_bytes(), name
