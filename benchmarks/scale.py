"""The scale benchmark: generated news-sized articles, 1,000 and 10,000 of them, end to end.

    nice -n 10 .venv/bin/python benchmarks/scale.py --sizes 1000 10000   # figures to benchmarks/RESULTS.md

For each size, in one run (each step in a process of its own, its peak
memory sampled over the process and its children):

1. spaCy's bare ``nlp.pipe`` over the same texts with the same settings
   (the project's model loading, batch size 16), with 1 and 2 processes;
2. ``kg build`` with ``--jobs 1`` and ``--jobs 2`` (fresh stores), their ratio
   to the bare parse, and the time of each stage from the build report;
3. the unchanged rebuild (the same input again), adding one new article (the
   model already loaded; its own bare parse is given beside it) and removing
   one article;
4. every query of ``queries/``: cold (a fresh process opening the store) and
   warm (best of three), with the process's peak memory;
5. the default ``graph.html`` in Chromium: milliseconds until the page says it
   is interactive (``window.kgReady``).

Figures, not a test. Articles come from benchmarks/newsgen.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
BIND = {"entity": ("name", None)}  # entity.rq: bound to the most mentioned person's name


# ---------------------------------------------------------------- steps (each in its own process)


def step_spacy(n_process: str, articles: str) -> dict:
    from graph.boilerplate import clean_text
    from graph.nlp import load_model
    from graph.read import read_articles

    texts = [clean_text(a.text, a.dropped) for a in read_articles([articles]).articles]
    nlp = load_model()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=int(n_process), batch_size=16):
        pass
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


def _report(report, seconds: float) -> dict:  # noqa: ANN001
    return {
        "seconds": seconds, "timings": report.timings, "articles": report.articles, "parsed": report.parsed,
        "entities": report.entities, "events": report.events, "triples": report.triples,
        "written": report.written, "units": None if report.units is None else vars(report.units),
    }


def step_build(jobs: str, articles: str, out: str) -> dict:
    from graph.pipeline import Pipeline

    pipe = Pipeline(n_process=int(jobs))
    start = time.perf_counter()
    report = pipe.build([articles], out)
    result = _report(report, time.perf_counter() - start)
    result["files"] = {p.name: p.stat().st_size for p in Path(out).glob("graph.*")}
    return result


def step_add(new: str, out: str) -> dict:
    from graph.boilerplate import clean_text
    from graph.pipeline import Pipeline
    from graph.read import read_articles

    pipe = Pipeline()
    article = read_articles([new]).articles[0]
    text = clean_text(article.text, article.dropped)
    list(pipe.nlp.pipe(["A warm-up sentence for the model."]))
    start = time.perf_counter()
    list(pipe.nlp.pipe([text]))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    report = pipe.build([new], out)
    result = _report(report, time.perf_counter() - start)
    result["parse"] = parse
    return result


def step_remove(article_id: str, out: str) -> dict:
    from graph.pipeline import Pipeline

    start = time.perf_counter()
    report = Pipeline().remove([article_id], out)
    return _report(report, time.perf_counter() - start)


def step_query(name: str, out: str, bind: str = "") -> dict:
    import resource

    from rdflib import Literal

    from graph.query import load_query, run_query
    from graph.store import Store

    text = load_query(ROOT / "queries" / f"{name}.rq")
    bindings = {bind.split("=", 1)[0]: Literal(bind.split("=", 1)[1])} if bind else None
    start = time.perf_counter()
    with Store.reader(out) as store:
        rows = len(run_query(store, text, bindings).rows)
        cold = time.perf_counter() - start
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            run_query(store, text, bindings)
            warm.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"cold": cold, "warm": min(warm), "rows": rows, "maxrss_mb": peak}


def step_top_person(out: str) -> dict:
    from graph.query import run_query
    from graph.store import Store

    q = """PREFIX kg: <https://w3id.org/newskg/vocab#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?name (COUNT(?a) AS ?n) WHERE { ?p a kg:Person ; rdfs:label ?name ; kg:mentionedIn ?a }
    GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1"""
    with Store.reader(out) as store:
        return {"name": run_query(store, q).rows[0][0]}


def step_html(path: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(Path(path).as_uri())
        page.wait_for_function("window.kgReady === true", timeout=120_000)
        seconds = time.perf_counter() - start
        nodes = page.evaluate("kgView.counts().entities")
        browser.close()
    return {"seconds": seconds, "nodes": nodes}


STEPS = {"spacy": step_spacy, "build": step_build, "add": step_add, "remove": step_remove,
         "query": step_query, "top_person": step_top_person, "html": step_html}


# ---------------------------------------------------------------- the driver


def run_step(*args: str) -> dict:
    """Run one step in a new process; its result, and the peak memory of it and its children (MB)."""
    import psutil

    proc = subprocess.Popen([sys.executable, __file__, "_step", *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = [0.0]

    def sample() -> None:
        try:
            parent = psutil.Process(proc.pid)
            while proc.poll() is None:
                try:
                    rss = sum(p.memory_info().rss for p in [parent, *parent.children(recursive=True)])
                    peak[0] = max(peak[0], rss / 2**20)
                except psutil.Error:
                    pass
                time.sleep(0.1)
        except psutil.Error:
            pass

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    stdout, _ = proc.communicate()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"step {args} failed ({proc.returncode})")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_mb"] = peak[0]
    return result


def measure(size: int, work: Path) -> dict:
    from benchmarks.newsgen import write_jsonl

    work.mkdir(parents=True, exist_ok=True)
    articles = work / "articles.jsonl"
    new = work / "new.jsonl"
    if not articles.exists():
        write_jsonl(articles, size)
        write_jsonl(new, 1, first=size)
    r: dict = {"size": size}
    for p in (1, 2):
        r[f"spacy{p}"] = run_step("spacy", str(p), str(articles))
        print(f"[{size}] spaCy n_process={p}: {r[f'spacy{p}']['seconds']:.1f} s", file=sys.stderr)
    for jobs in (1, 2):
        out = work / f"out{jobs}"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        r[f"build{jobs}"] = run_step("build", str(jobs), str(articles), str(out))
        print(f"[{size}] build --jobs {jobs}: {r[f'build{jobs}']['seconds']:.1f} s", file=sys.stderr)
    out = str(work / "out2")
    r["rebuild"] = run_step("build", "1", str(articles), out)
    r["add"] = run_step("add", str(new), out)
    r["remove"] = run_step("remove", f"gen-{size:06d}", out)
    print(f"[{size}] rebuild {r['rebuild']['seconds']:.1f} s, add {r['add']['seconds']:.1f} s, "
          f"remove {r['remove']['seconds']:.1f} s", file=sys.stderr)
    person = run_step("top_person", out)["name"]
    r["queries"] = {}
    for q in QUERIES:
        bind = f"name={person}" if q.stem in BIND else ""
        r["queries"][q.stem] = run_step("query", q.stem, out, bind)
        print(f"[{size}] {q.stem}: {r['queries'][q.stem]['warm']:.3f} s warm", file=sys.stderr)
    try:
        r["html"] = run_step("html", str(Path(out) / "graph.html"))
    except SystemExit as exc:
        r["html"] = {"error": str(exc)}
    return r


STAGES = ("read", "parse+extract", "cache", "resolve", "model", "store", "export turtle", "export trig", "export html")


def table(results: list[dict]) -> str:
    cols = [f"{r['size']:,} articles" for r in results]
    rows: list[tuple[str, list[str]]] = []

    def add(label: str, fn) -> None:  # noqa: ANN001
        cells = []
        for r in results:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("")
        rows.append((label, cells))

    add("words", lambda r: f"{r['spacy1']['words']:,}")
    add("entities / events / quads", lambda r: f"{r['build2']['entities']:,} / {r['build2']['events']:,} / "
        f"{r['build2']['triples']:,}")
    for p in (1, 2):
        add(f"spaCy bare nlp.pipe, n_process={p}", lambda r, p=p: f"{r[f'spacy{p}']['seconds']:.1f} s "
            f"({r[f'spacy{p}']['peak_mb']:.0f} MB)")
        add(f"first build, --jobs {p}", lambda r, p=p: f"{r[f'build{p}']['seconds']:.1f} s = "
            f"{r[f'build{p}']['seconds'] / r[f'spacy{p}']['seconds']:.2f}x the parse")
        add(f"peak memory of the build, --jobs {p}", lambda r, p=p: f"{r[f'build{p}']['peak_mb']:.0f} MB")
    for stage in STAGES:
        add(f"  stage {stage} (--jobs 2)", lambda r, s=stage: f"{r['build2']['timings'][s]:.2f} s")
    add("unchanged rebuild", lambda r: f"{r['rebuild']['seconds']:.2f} s")
    add("one new article (its bare parse)", lambda r: f"{r['add']['seconds']:.2f} s ({r['add']['parse']:.2f} s)")
    add("  of which resolve", lambda r: f"{r['add']['timings']['resolve']:.2f} s")
    add("removing one article", lambda r: f"{r['remove']['seconds']:.2f} s")
    add("  of which resolve", lambda r: f"{r['remove']['timings']['resolve']:.2f} s")
    for name in sorted(results[0].get("queries", {})):
        add(f"kg query {name}: cold / warm / peak", lambda r, n=name: f"{r['queries'][n]['cold']:.3f} / "
            f"{r['queries'][n]['warm']:.3f} s / {r['queries'][n]['maxrss_mb']:.0f} MB ({r['queries'][n]['rows']} rows)")
    for f in ("graph.ttl", "graph.trig", "graph.html"):
        add(f, lambda r, f=f: f"{r['build2']['files'][f] / 1e6:.1f} MB")
    add("graph.html interactive in Chromium", lambda r: f"{r['html']['seconds']:.2f} s ({r['html']['nodes']} nodes)")
    head = "| what | " + " | ".join(cols) + " |\n|---|" + "---|" * len(cols) + "\n"
    return head + "".join(f"| {label} | " + " | ".join(cells) + " |\n" for label, cells in rows)


def machine() -> str:
    import psutil

    cpu = platform.processor() or platform.machine()
    info = Path("/proc/cpuinfo")
    lines = info.read_text().splitlines() if info.exists() else []
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), cpu)
    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GB, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the start")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_step":
        print(json.dumps(STEPS[sys.argv[2]](*sys.argv[3:])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--work", type=Path, default=None, help="Where the corpora and stores go (default: a temp dir).")
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args()
    where = machine()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    results = [measure(size, work / str(size)) for size in args.sizes]
    (work / "results.json").write_text(json.dumps(results, indent=1))
    text = (f"\n## {dt.date.today().isoformat()}: {', '.join(f'{s:,}' for s in args.sizes)} articles\n\n"
            f"Machine: {where}.\n\n{table(results)}")
    with args.results.open("a", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
