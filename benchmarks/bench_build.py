"""Build speed on the seed articles repeated N times (each copy a new article id).

    .venv/bin/python benchmarks/bench_build.py --copies 40 --jobs 2

Prints words per second for the NLP stage (parse + extract), and the time of
resolution, of writing the store and of each export. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from graph.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    texts = [(p.stem, p.read_text()) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w") as f:
            for i in range(args.copies):
                for stem, text in texts:
                    f.write(json.dumps({"id": f"{stem}-{i}", "text": text}) + "\n")
        words = sum(len(t.split()) for _, t in texts) * args.copies
        pipe = Pipeline(n_process=args.jobs)
        pipe.nlp  # noqa: B018 - load the model outside the timings
        t0 = time.perf_counter()
        report = pipe.build([corpus], Path(tmp) / "out", exports=[])
        t1 = time.perf_counter()
        rebuild = pipe.build([], Path(tmp) / "out", exports=["turtle", "trig", "html"])
        t2 = time.perf_counter()
        print(f"{report.articles} articles, {words} words, {report.triples} quads, jobs={args.jobs}")
        print(f"first build (NLP + resolve + store): {t1 - t0:.1f} s = {words / (t1 - t0):.0f} words/s")
        print(f"rebuild from cache + Turtle, TriG, HTML: {t2 - t1:.1f} s ({rebuild.events} events)")


if __name__ == "__main__":
    main()
