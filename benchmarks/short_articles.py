"""The stages after the parse on many one-sentence articles: resolve, model, store, exports.

    .venv/bin/python benchmarks/short_articles.py --sizes 5000 20000 50000

Each article is one sentence ("Anna Berg met Ivo Marek in Oslo on Monday."),
its names drawn from small pools, so that many articles report the same
event, as wire copy does. ``--distinct`` of them go through spaCy and the
extractors for real; the others are copies of those extractions under new
ids (the same text and date), so the figures are those of the stages after the
parse, which must grow linearly with the corpus (issue 14: the model stage
used to scan every event's reports for each article). Prints seconds per
stage and articles per second; figures, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from graph.engines import extract_articles
from graph.pipeline import BuildReport, Pipeline, Timer, cache_key
from graph.records import Article, DateOrigin, from_json, to_json
from graph.store import Store

FIRST = ["Anna", "Ivo", "Maria", "Jonas", "Lena", "Omar", "Sofia", "Karl", "Ines", "Tomas"]
LAST = ["Berg", "Marek", "Costa", "Lind", "Haas", "Novak", "Ruiz", "Dahl", "Weber", "Kovac"]
CITIES = ["Oslo", "Tokyo", "Paris", "Berlin", "Madrid", "Lima", "Cairo", "Nairobi"]
VERBS = ["met", "spoke with", "visited", "criticized", "called"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def articles(n: int, seed: int = 7) -> list[Article]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        a, b = f"{r.choice(FIRST)} {r.choice(LAST)}", f"{r.choice(FIRST)} {r.choice(LAST)}"
        text = f"{a} {r.choice(VERBS)} {b} in {r.choice(CITIES)} on {r.choice(DAYS)}."
        date = f"2021-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        out.append(Article(f"s{i}", text, date=dt.date.fromisoformat(date), date_origin=DateOrigin.GIVEN,
                           date_evidence=date))
    return out


def measure(size: int, distinct: int, pipeline: Pipeline) -> dict:
    base = articles(distinct)
    parsed = [json.loads(to_json(e)) for e in extract_articles(pipeline.nlp, base)]
    extractions = []
    for i in range(size):
        one = json.dumps(parsed[i % distinct]).replace(f'"s{i % distinct}"', f'"s{i}"')
        extractions.append(from_json(one))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        report = BuildReport()
        timer = Timer(report.timings)
        label = pipeline.model_label()
        with Store(out / "store") as store:
            manifest = {}
            for ex in extractions:
                key = cache_key(ex.article, label, pipeline.settings)
                store.cache(key, ex)
                manifest[ex.article.id] = key
            start = time.perf_counter()
            pipeline._update(store, manifest, extractions, report, timer)
            pipeline._export(store, out, ["turtle", "trig"], report, timer)
            total = time.perf_counter() - start
    return {"articles": size, "events": report.events, "quads": report.triples, "seconds": round(total, 2),
            **{k: round(v, 2) for k, v in report.timings.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    ap.add_argument("--distinct", type=int, default=500)
    args = ap.parse_args()
    pipeline = Pipeline()
    for size in args.sizes:
        row = measure(size, min(args.distinct, size), pipeline)
        row["articles/s"] = round(size / row["seconds"])
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
