"""Adding one article to a store of N short generated articles: figures, not a test.

    .venv/bin/python benchmarks/incremental.py --articles 1000

Prints the first build, one more article, and the same article again (a no-op).
tests/test_incremental.py checks the counts (one article parsed); this measures the time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from graph.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_incremental import article  # noqa: E402 - the same generated articles as the test


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    pipe = Pipeline()
    pipe.nlp  # noqa: B018 - load the model outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        corpus, new, out = Path(tmp) / "corpus.jsonl", Path(tmp) / "new.jsonl", Path(tmp) / "out"
        corpus.write_text("".join(json.dumps(article(i)) + "\n" for i in range(args.articles)))
        new.write_text(json.dumps(article(args.articles)) + "\n")
        timings = []
        for inputs in ([corpus], [new], [new]):
            start = time.perf_counter()
            report = pipe.build(inputs, out, exports=["turtle"])
            timings.append((time.perf_counter() - start, report))
        (first, r1), (one, r2), (again, r3) = timings
        print(f"{args.articles} articles: first build {first:.1f} s ({r1.triples} quads)")
        print(f"one more article: {one:.1f} s ({r2.parsed} parsed)")
        print(f"the same article again: {again:.1f} s ({r3.parsed} parsed, {r3.added} added)")


if __name__ == "__main__":
    main()
