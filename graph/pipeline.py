"""The pipeline, wired: read -> nlp -> extract -> resolve -> model -> store -> export.

`build` adds articles to a store (creating it if needed) and brings the graph
up to date with every article the store holds. The spaCy stage runs only for
articles whose extraction is not cached yet (the cache key is the article's
content, the model and the extractor version), so adding one article to a
store of a thousand parses one article. Parse and extraction run together,
in this process or in worker processes (graph.engines), and each extraction is
cached as it arrives.

The store is updated unit by unit (graph.store): only the article graphs and
the statements of the corpus graph that changed are written. An export is
written again only when the graph it was written from changed or the file
did; a build that brings nothing new reads the inputs, compares cache keys
and the exports' hashes, and stops there.

`BuildReport.timings` gives the seconds of each stage (read, parse+extract,
resolve, model, store, and each export), for benchmarks and for `--json`.

The extraction cache key changes with the extraction rules that run, not with
the resolution rules (resolution runs on every build that changes the graph):

>>> article = Article("a1", "Anna Berg met Ivo Marek.")
>>> cache_key(article, "m") == cache_key(article, "m", Settings(without_rules=frozenset({"events.verbal"})))
False
>>> cache_key(article, "m") == cache_key(article, "m", Settings(without_rules=frozenset({"entities.acronyms"})))
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.atomic import remove_stale, staged
from graph.errors import InputError, StoreError
from graph.export import DEFAULT_EXPORTS, EXPORTERS, get_exporter
from graph.model.rdf import Unit, corpus_units
from graph.read import Problem, ReadResult, read_articles
from graph.records import Article, Corpus, Extraction, Failure
from graph.resolve import collector_paused, resolve_corpus
from graph.rules import DEFAULT, Settings, check_names, version_key
from graph.store import Store, UpdateStats

if TYPE_CHECKING:
    from graph.engines import Extracted

Progress = Callable[[int, int], None]  # (done, total)
#: Articles longer than this are cut (at a paragraph or sentence end) and said so; --max-article-chars.
MAX_ARTICLE_CHARS = 2_000_000


@dataclass
class BuildReport:
    articles: int = 0  # articles in the store after the build
    added: int = 0  # articles new to the store (or changed)
    parsed: int = 0  # articles that went through spaCy
    entities: int = 0
    events: int = 0
    roles: int = 0
    triples: int = 0  # quads in the store
    problems: list[Problem] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)  # exports written (the others were up to date)
    model: str | None = None
    units: UpdateStats | None = None  # what the store update changed (None: nothing to update)
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    corpus: Corpus | None = field(default=None, repr=False)


class Timer:
    """Seconds per stage, added up; a generator's stage counts only the time spent inside it."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    def items(self, name: str, items: Iterable) -> Iterator:  # noqa: ANN001
        it = iter(items)
        while True:
            with self.stage(name):
                try:
                    item = next(it)
                except StopIteration:
                    return
            yield item


def cache_key(article: Article, model_name: str, settings: Settings = DEFAULT) -> str:
    """What an extraction depends on: the article, the model, the versions of the extraction rules that run."""
    from graph.extract import extractor_version

    return _digest((article.id, *_content(article), model_name, extractor_version(settings)))


def content_digest(article: Article) -> str:
    """What an article says, whatever its id: text, date, title, url, source (for the overwrite check)."""
    return _digest(_content(article))


def _content(article: Article) -> tuple[str, ...]:
    return (
        article.text,
        article.date.isoformat() if article.date else "",
        article.date_origin.value,
        article.title or "",
        article.url or "",
        article.source or "",
    )


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def file_digest(path: Path) -> str:
    """The SHA-256 of a file; of a folder (the neo4j export), of its files' names and contents."""
    h = hashlib.sha256()
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            h.update(file.relative_to(path).as_posix().encode("utf-8") + b"\0")
        with file.open("rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
    return h.hexdigest()


class InputRecord:
    """Which input files a store has read, with their hashes, so that an unchanged file is not read again.

    A file is skipped when its SHA-256 is the one recorded, the extraction cache
    keys are made the same way (``cache_key`` of a fixed probe article is
    unchanged: same model, same extractor, same rules) and every article it gave
    is still in the store with the same key. Files that gave problems are
    always read again, so that the problems are reported again.
    """

    def __init__(self, store: Store, model_label: str, manifest: dict[str, str], settings: Settings = DEFAULT):
        self.store = store
        self.manifest = manifest
        self.probe = cache_key(Article(id="", text=""), model_label, settings)
        found = store.input_record()
        self.files: dict[str, dict] = found.get("files", {}) if found.get("probe") == self.probe else {}
        self.digests: dict[str, str] = {}

    def _digest(self, path: str) -> str:
        if path not in self.digests:
            self.digests[path] = file_digest(Path(path))
        return self.digests[path]

    def unchanged(self, path: Path) -> list[str] | None:
        """The ids of the file's articles when it is as the store read it last; else None (read it)."""
        key = str(path.resolve())
        entry = self.files.get(key)
        if entry is None or entry.get("sha256") != self._digest(key):
            return None
        ids, keys = entry.get("ids", []), entry.get("keys", [])
        if len(ids) != len(keys) or any(self.manifest.get(i) != k for i, k in zip(ids, keys, strict=True)):
            return None
        return list(ids)

    def remember(self, read, keys: dict[str, str], troubled: Iterable[str] = ()) -> None:  # noqa: ANN001
        """Record the files of ``read`` (a graph.read.ReadResult); those with problems are read again."""
        troubled = {str(Path(p).resolve()) for p in [*(p.path for p in read.problems), *troubled]}
        for path, ids in read.files.items():
            if path in troubled:
                self.files.pop(path, None)
                continue
            if all(i in keys for i in ids):
                self.files[path] = {"sha256": self._digest(path), "ids": ids, "keys": [keys[i] for i in ids]}
        self.store.write_input_record({"probe": self.probe, "files": self.files})


class Pipeline:
    """Holds the spaCy model (loaded once, only when something needs parsing) and the settings.

    ``n_process`` worker processes parse and extract (1: this process);
    ``max_article_chars`` bounds an article's text (the rest is left out, said per article);
    ``engine="dask"`` maps the work over a Dask cluster at ``scheduler`` (a
    local one of ``n_process`` workers when None). ``without_rules`` switches
    rules off by name (see `kg rules`); an unknown name is a RegistryError that
    lists the valid ones. ``settings`` gives the whole
    :class:`~graph.rules.Settings` instead (a kinds table of one's own, say).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        n_process: int = 1,
        batch_size: int = 16,
        engine: str = "local",
        scheduler: str | None = None,
        without_rules: Iterable[str] = (),
        settings: Settings | None = None,
        max_article_chars: int = MAX_ARTICLE_CHARS,
    ):
        from graph.engines import check_engine

        self.max_article_chars = max_article_chars
        self.model_name = model
        self.n_process = n_process
        self.batch_size = batch_size
        self.engine = check_engine(engine)
        self.scheduler = scheduler
        settings = settings or DEFAULT
        off = check_names(list(settings.without_rules) + list(without_rules))
        self.settings = Settings(without_rules=off, kinds=settings.kinds)
        self._nlp = None

    @property
    def nlp(self):  # noqa: ANN201 - spacy.Language, imported lazily
        if self._nlp is None:
            from graph.nlp import load_model

            self._nlp = load_model(self.model_name)
        return self._nlp

    def model_label(self) -> str:
        from graph.nlp import default_model

        return self.model_name or default_model()

    def _engine(self, count: int):  # noqa: ANN202 - graph.engines.Engine
        from graph.engines import CHUNK, DaskEngine, LocalEngine, ProcessEngine

        if self.engine == "dask":
            return DaskEngine(self.model_name, self.scheduler, jobs=self.n_process, settings=self.settings)
        if self.n_process > 1 and count >= 4 * CHUNK and self._nlp is None:
            return ProcessEngine(self.model_name, self.n_process, settings=self.settings)
        return LocalEngine(lambda: self.nlp, self.batch_size, settings=self.settings)

    def resolution_key(self) -> str:
        """What the graph depends on besides the extractions: the resolution rules that run, and the kinds."""
        from graph.resolve.registry import RESOLVE_RULES

        return version_key(RESOLVE_RULES, self.settings)

    def extract(self, articles: list[Article], progress: Progress | None = None) -> Iterator[Extracted]:
        """Parse and extract these articles, in their order, as they come (each with its JSON)."""
        if not articles:
            return
        for i, extracted in enumerate(self._engine(len(articles)).extract(articles), start=1):
            yield extracted
            if progress:
                progress(i, len(articles))

    def build(
        self,
        inputs: Iterable[str | Path],
        out: str | Path,
        *,
        exports: Iterable[str] = DEFAULT_EXPORTS,
        progress: Progress | None = None,
        replace: bool = False,
    ) -> BuildReport:
        """Add the articles of `inputs` to the store in `out` and bring the exports there up to date.

        An article whose id the store holds with other content is reported and left out, unless
        ``replace``: then it replaces the stored one. Nothing is committed to the store before the
        whole graph is made; an article that fails in extraction or resolution is reported and left
        out, and the others are built.
        """
        out = Path(out)
        report = BuildReport()
        timer = Timer(report.timings)
        with Store(out / "store") as store:
            self._build(store, list(inputs), out, list(exports), progress, replace, report, timer)
        return report

    def _build(
        self,
        store: Store,
        inputs: list[str | Path],
        out: Path,
        exports: list[str],
        progress: Progress | None,
        replace: bool,
        report: BuildReport,
        timer: Timer,
    ) -> None:
        manifest = store.manifest()
        model_label = self.model_label()
        report.model = model_label
        with timer.stage("read"):
            inputs_seen = InputRecord(store, model_label, manifest, self.settings)
            read = read_articles(inputs, skip=inputs_seen.unchanged)
        report.problems = list(read.problems)

        with timer.stage("read"):
            articles = [self._bounded(a, read, report) for a in read.articles]
            articles = self._not_overwriting(store, manifest, articles, read, report, replace)
            keys = {a.id: cache_key(a, model_label, self.settings) for a in articles}
            todo: list[Article] = []
            for article in articles:
                key = keys[article.id]
                if manifest.get(article.id) != key:
                    report.added += 1
                    if not store.has_cached(key):
                        todo.append(article)
            # articles of the store read with other extraction rules than these are read again
            if manifest and inputs_seen.probe != store.summary().get("probe", inputs_seen.probe):
                for aid, key in sorted(manifest.items()):
                    cached = None if aid in keys else store.cached(key)
                    if cached is not None:
                        keys[aid] = cache_key(cached.article, model_label, self.settings)
                        if not store.has_cached(keys[aid]):
                            todo.append(cached.article)
        resolution = self.resolution_key()
        changed = (
            report.added > 0
            or not store.is_current(manifest)
            or store.summary().get("resolution") != resolution
            or any(manifest.get(aid) != key for aid, key in keys.items())
        )
        fresh: dict[str, Extraction] = {}
        for extraction, text in timer.items("parse+extract", self.extract(todo, progress)):
            if isinstance(extraction, Failure):
                report.problems.append(read.problem(extraction.article_id, f"{extraction.reason}; left out"))
                keys.pop(extraction.article_id, None)
                manifest.pop(extraction.article_id, None)
                continue
            with timer.stage("cache"):
                store.cache_json(keys[extraction.article.id], text)
            fresh[extraction.article.id] = extraction
        report.parsed = len(todo)
        if changed:
            manifest = dict(manifest, **keys)
            with timer.stage("cache"):
                extractions = self._load_cached(store, manifest, fresh)
            del fresh
            self._update(store, manifest, extractions, report, timer, read)
        with timer.stage("read"):
            inputs_seen.remember(read, keys, [p.path for p in report.problems])
        self._export(store, out, exports, report, timer)

    def _bounded(self, article: Article, read: ReadResult, report: BuildReport) -> Article:
        """The article, cut at a paragraph or sentence end at most ``max_article_chars`` long (said so)."""
        limit = self.max_article_chars
        if len(article.text) <= limit:
            return article
        from graph.nlp import cut_point

        end = cut_point(article.text, limit)
        reason = (
            f"article {article.id!r} has {len(article.text):,} characters, more than --max-article-chars "
            f"{limit:,}: the text after character {end:,} is left out"
        )
        report.problems.append(read.problem(article.id, reason, warning=True))
        dropped = tuple((s, min(e, end)) for s, e in article.dropped if s < end)
        return dataclasses.replace(article, text=article.text[:end], dropped=dropped)

    @staticmethod
    def _not_overwriting(
        store: Store,
        manifest: dict[str, str],
        articles: list[Article],
        read: ReadResult,
        report: BuildReport,
        replace: bool,
    ) -> list[Article]:
        """The articles, less those whose id the store holds with other content (unless ``replace``)."""
        if not manifest:
            return articles
        contents = store.contents()
        kept = []
        for article in articles:
            if article.id in manifest:
                known = contents.get(article.id)
                if known is None:
                    cached = store.cached(manifest[article.id])
                    known = content_digest(cached.article) if cached is not None else None
                if known is not None and known != content_digest(article):
                    if not replace:
                        reason = (
                            f"article id {article.id!r} is already in the store with other content: left out "
                            "(give it another id, or build with --replace to update the stored one)"
                        )
                        report.problems.append(read.problem(article.id, reason))
                        continue
                    report.problems.append(read.problem(article.id, "replaces the stored article of this id",
                                                        warning=True))
            kept.append(article)
        return kept

    def remove(
        self, article_ids: Iterable[str], out: str | Path, *, exports: Iterable[str] = DEFAULT_EXPORTS
    ) -> BuildReport:
        """Drop articles from the store; facts that other articles support stay."""
        out = Path(out)
        article_ids = list(dict.fromkeys(article_ids))
        report = BuildReport()
        timer = Timer(report.timings)
        with Store(out / "store", create=False) as store:
            manifest = store.manifest()
            missing = [a for a in article_ids if a not in manifest]
            if missing:
                raise InputError(
                    f"Not in the store: {', '.join(missing)}. "
                    f"Articles in it: {', '.join(sorted(manifest)[:20]) or 'none'}"
                )
            for aid in article_ids:
                del manifest[aid]
            with timer.stage("cache"):
                extractions = self._load_cached(store, manifest)
            self._update(store, manifest, extractions, report, timer)
            self._export(store, out, exports, report, timer)
        return report

    @staticmethod
    def _load_cached(
        store: Store, manifest: dict[str, str], fresh: dict[str, Extraction] | None = None
    ) -> list[Extraction]:
        extractions = []
        with collector_paused():  # many small records, no cycles: a collection would walk them all again
            for aid, key in sorted(manifest.items()):
                cached = (fresh or {}).get(aid) or store.cached(key)
                if cached is None:
                    raise InputError(f"The store lost the extraction of article {aid!r}; add the article again")
                extractions.append(cached)
        return extractions

    def _resolve(self, extractions: list[Extraction], report: BuildReport, read: ReadResult | None) -> Corpus:
        """The resolved corpus; an article whose resolution fails on its own is reported and left out."""
        try:
            return resolve_corpus(extractions, self.settings)
        except Exception as exc:  # one article's records broke a rule: find it, keep the others
            bad = {}
            for ex in extractions:
                try:
                    resolve_corpus([ex], self.settings)
                except Exception as one:  # noqa: BLE001 - reported, with its type
                    bad[ex.article.id] = f"{type(one).__name__}: {one}"
            if not bad:
                raise InputError(f"Resolution failed ({type(exc).__name__}: {exc}); the store is as before") from exc
            for aid, why in sorted(bad.items()):
                reason = f"article {aid!r} could not be resolved ({why}): left out"
                report.problems.append(read.problem(aid, reason) if read else Problem(aid, None, reason))
            return resolve_corpus([ex for ex in extractions if ex.article.id not in bad], self.settings)

    def _update(
        self,
        store: Store,
        manifest: dict[str, str],
        extractions: list[Extraction],
        report: BuildReport,
        timer: Timer,
        read: ReadResult | None = None,
    ) -> None:
        with timer.stage("resolve"):
            corpus = self._resolve(extractions, report, read)
        del extractions
        report.corpus = corpus
        kept = {a.id for a in corpus.articles}
        manifest = {aid: key for aid, key in manifest.items() if aid in kept}
        contents = {ex.article.id: content_digest(ex.article) for ex in corpus.extractions}
        summary = {
            "articles": len(corpus.articles),
            "entities": len(corpus.entities),
            "events": len(corpus.events),
            "roles": len({(r.person, r.title, r.of) for r in corpus.roles}),
            "resolution": self.resolution_key(),
            "probe": cache_key(Article(id="", text=""), self.model_label(), self.settings),
        }
        units: Iterator[Unit] = timer.items("model", corpus_units(corpus, self.settings.kinds))
        with timer.stage("store"), collector_paused():
            report.units = store.update(units, manifest=manifest, summary=summary, contents=contents)
        report.timings["store"] -= report.timings.get("model", 0.0)

    def _export(self, store: Store, out: Path, exports: Iterable[str], report: BuildReport, timer: Timer) -> None:
        """Write each export whose graph or file changed; the others are checked by their hashes.

        The files are written beside their targets and renamed over them only when all are
        written (graph.atomic.staged): a kill or a full disk leaves the old files whole.
        """
        summary = store.summary()
        report.articles = summary.get("articles", 0)
        report.entities = summary.get("entities", 0)
        report.events = summary.get("events", 0)
        report.roles = summary.get("roles", 0)
        report.triples = store.size()
        state = store.state()
        record = store.export_record()
        remove_stale(out, [get_exporter(name).filename for name in EXPORTERS])  # left by a killed build
        todo = []
        for name in exports:
            exporter = get_exporter(name)
            path = out / exporter.filename
            report.outputs[name] = path
            done = record.get(exporter.filename, {})
            if done.get("state") == state and path.exists() and done.get("sha256") == file_digest(path):
                continue
            todo.append((name, exporter, path))
        try:
            with staged([path for _, _, path in todo]) as tmps:
                for name, exporter, path in todo:
                    with timer.stage(f"export {name}"):
                        exporter.write(store, tmps[path])
                        record[exporter.filename] = {"state": state, "sha256": file_digest(tmps[path])}
                        report.written.append(name)
        except OSError as exc:
            raise StoreError(f"Could not write the outputs in {out} ({exc}); the files there are as before") from exc
        store.write_export_record(record)


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    model: str | None = None,
    exports: Iterable[str] = DEFAULT_EXPORTS,
    progress: Progress | None = None,
    without_rules: Iterable[str] = (),
) -> BuildReport:
    """Build (or add to) the knowledge graph in `out` from articles in files and folders.

    `without_rules` names rules to switch off (see `kg rules`).
    """
    return Pipeline(model, without_rules=without_rules).build(inputs, out, exports=exports, progress=progress)
