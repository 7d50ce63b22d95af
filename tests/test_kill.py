"""Faults (issue 14): a build killed with SIGKILL while it parses, while the store writes and while it
exports, and a build that meets a full disk. Each runs in a real child process; afterwards the previous
graph is whole and answering, and the next build equals a clean one.

The child is the real `kg build`, with a hook that sends SIGKILL to its own process at one point of the
work (after the first piece of it is done, so the kill lands mid-way). A full disk is RLIMIT_FSIZE set
in the child (writes past the limit fail with EFBIG, as they would with ENOSPC): no root, no loop device.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.query import load_query, run_query
from graph.store import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

CHILD = r'''
import os, resource, signal, sys

point, out, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]

def kill():
    os.kill(os.getpid(), signal.SIGKILL)

def after(owner, name, times=1):
    """Run owner.name, and SIGKILL this process once it has run `times` times."""
    original = getattr(owner, name)
    count = [0]
    def hooked(*args, **kwargs):
        result = original(*args, **kwargs)
        count[0] += 1
        if count[0] >= times:
            kill()
        return result
    setattr(owner, name, hooked)

if point == "parse":
    import graph.nlp
    original = graph.nlp.parse
    def parse(*args, **kwargs):
        for _item in original(*args, **kwargs):
            kill()  # the first article parsed, not yet extracted nor cached
    graph.nlp.parse = parse
elif point == "store":  # mid-way through writing the next generation: old units removed, new ones not yet in
    import graph.store
    after(graph.store.Store, "_remove_units")
elif point == "commit":  # the next generation written whole, its commit not yet made
    import graph.store
    after(graph.store.Store, "_next_meta")
elif point == "export":  # graph.ttl written beside its target, graph.trig half-written
    import graph.export.rdf
    original = graph.export.rdf.trig_chunks
    def chunks(store):
        for i, chunk in enumerate(original(store)):
            if i == 3:
                kill()
            yield chunk
    graph.export.rdf.trig_chunks = chunks
elif point.startswith("disk="):
    limit = int(point[5:])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

from graph.cli import main
sys.argv = ["kg", "build", *inputs, "--out", out]
main()
'''


def child(point: str, out: Path, inputs: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CHILD, point, str(out), *map(str, inputs)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )


def answers(out: Path) -> dict[str, list]:
    """What the store answers (its articles and its meetings), checked whole against its commit record."""
    with Store.reader(out) as store:
        store.verify()
        return {
            "articles": sorted(map(str, run_query(store, load_query(ROOT / "queries" / "article_dates.rq")).rows)),
            "meetings": sorted(map(str, run_query(store, load_query(ROOT / "queries" / "meetings.rq")).rows)),
        }


def files(out: Path) -> dict[str, bytes]:
    """The exports, each checked to parse strictly."""
    ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig", "graph.html")}


@pytest.fixture(scope="module")
def before(tmp_path_factory, pipeline) -> Path:
    """Four seed articles built: the graph a faulty build starts from."""
    out = tmp_path_factory.mktemp("before") / "out"
    pipeline.build(SEEDS[:4], out)
    return out


@pytest.fixture(scope="module")
def clean(tmp_path_factory, pipeline) -> Path:
    """All five seed articles built in one go: what the build after a fault must equal."""
    out = tmp_path_factory.mktemp("clean") / "out"
    pipeline.build(SEEDS, out)
    return out


@pytest.mark.parametrize("point", ["parse", "store", "commit", "export"])
def test_a_killed_build_leaves_the_previous_graph_whole_and_the_next_build_clean(
    point, before, clean, tmp_path, pipeline
):
    out = tmp_path / "out"
    shutil.copytree(before, out, symlinks=True)
    done = child(point, out, SEEDS)
    assert done.returncode == -9, done.stderr[-2000:]
    # the store answers whole: the previous graph, or after its commit (a kill while exporting) the new one
    assert answers(out) == answers(clean if point == "export" else before)
    assert files(out) == files(before)  # no file truncated, none replaced, none mixed
    report = pipeline.build(SEEDS, out)
    assert report.problems == []
    assert files(out) == files(clean)
    assert answers(out) == answers(clean)
    with Store.reader(out) as store:  # the half-written generation is gone
        assert sorted(p.name for p in (out / "store").glob("oxigraph*")) == ["oxigraph", f"oxigraph-{store.generation}"]
    assert not [p for p in out.rglob("*.tmp")]


def test_a_full_disk_fails_with_one_line_and_keeps_the_previous_graph(before, clean, tmp_path, pipeline):
    out = tmp_path / "out"
    shutil.copytree(before, out, symlinks=True)
    expected = answers(before)
    biggest = max(p.stat().st_size for p in out.rglob("*") if p.is_file())
    done = child(f"disk={biggest // 4}", out, SEEDS)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: Could not write the "), done.stderr
    assert "File too large" in lines[0] and "as before" in lines[0]
    assert answers(out) == expected
    assert files(out) == files(before)
    assert pipeline.build(SEEDS, out).problems == []
    assert files(out) == files(clean)
