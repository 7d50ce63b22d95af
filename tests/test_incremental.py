"""A store of 1,000 articles takes one more with the NLP of that one only (benchmarks/incremental.py times it)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from graph.query import load_query, run_query_timed
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

PEOPLE = ["Anna Berg", "Pierre Dubois", "Maria Rossi", "Jan Novak", "Lena Holm", "Tomas Silva", "Ines Costa",
          "Karl Weber", "Sofia Lind", "Marek Zielinski"]
CITIES = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Lisbon", "Warsaw", "Oslo", "Athens"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> dict:
    a, b = PEOPLE[i % 10], PEOPLE[(i * 3 + 1) % 10]
    if a == b:
        b = PEOPLE[(i + 5) % 10]
    return {
        "id": f"a{i:04d}",
        "date": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "text": f"Foreign Minister {a} met {b} on {DAYS[i % 5]} in {CITIES[i % 10]}. "
                f"{a.split()[1]} said the talks were useful.",
    }


def test_one_new_article_in_a_store_of_a_thousand(tmp_path, pipeline):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(article(i)) + "\n" for i in range(1000)))
    out = tmp_path / "out"
    first = pipeline.build([corpus], out, exports=["turtle"])
    assert (first.articles, first.parsed) == (1000, 1000)

    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(article(1000)) + "\n")
    second = pipeline.build([new], out, exports=["turtle"])
    assert (second.articles, second.added, second.parsed) == (1001, 1, 1)

    triples = len(Store.reader(out))
    again = pipeline.build([new], out, exports=["turtle"])
    assert (again.added, again.parsed, again.triples) == (0, 0, triples)

    # issue 14: timeline.rq on 1,000 articles took 24 GB until the kernel killed it; now one page, in bounds
    start = time.monotonic()
    page = run_query_timed(out, load_query(ROOT / "queries" / "timeline.rq"), timeout=30, max_memory=1000)
    assert len(page.rows) >= 100 and time.monotonic() - start < 30


def test_built_in_parts_added_to_and_removed_from_gives_the_clean_build(tmp_path, pipeline):
    """Generated news-sized articles (benchmarks/newsgen.py): the store updated unit by unit holds
    exactly what a clean build of the same articles holds, and writes the same bytes."""
    from benchmarks.newsgen import generate

    articles = list(generate(13, seed=7, people=300))
    def jsonl(name: str, items: list[dict]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(a) + "\n" for a in items))
        return path

    clean = tmp_path / "clean"
    pipeline.build([jsonl("first12.jsonl", articles[:12])], clean, exports=["turtle", "trig"])
    parts = tmp_path / "parts"
    for i, chunk in enumerate((articles[:5], articles[5:9], articles[9:])):
        pipeline.build([jsonl(f"part{i}.jsonl", chunk)], parts, exports=["turtle", "trig"])
    report = pipeline.remove([articles[12]["id"]], parts, exports=["turtle", "trig"])
    assert report.articles == 12 and report.units.removed > 0
    for name in ("graph.ttl", "graph.trig"):
        assert (parts / name).read_bytes() == (clean / name).read_bytes(), name
    with Store.reader(parts) as a, Store.reader(clean) as b:
        assert set(a.quads()) == set(b.quads())
        assert a.state() == b.state()
