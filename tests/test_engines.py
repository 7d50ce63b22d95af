"""Parse + extraction give the same records in this process, in worker processes and on a
Dask cluster (a real LocalCluster: scheduler and worker processes on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.engines import LocalEngine, ProcessEngine
from graph.read import read_articles

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_worker_processes_give_the_same_extractions_in_the_same_order(nlp):
    articles = read_articles([SEEDS]).articles * 2
    here = list(LocalEngine(lambda: nlp).extract(articles))
    workers = list(ProcessEngine(None, 2).extract(articles))
    assert [e.article.id for e, _json in workers] == [a.id for a in articles]
    assert workers == here


def test_dask_build_on_a_local_cluster_gives_byte_identical_turtle(tmp_path, seeds_build):
    distributed = pytest.importorskip("distributed")
    from graph.pipeline import Pipeline

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        report = Pipeline(engine="dask", scheduler=cluster.scheduler_address).build([SEEDS], tmp_path / "out")
    assert (report.parsed, report.articles) == (5, 5)
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "out" / name).read_bytes() == (seeds_build / name).read_bytes(), name
