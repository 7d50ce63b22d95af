"""The pipeline, wired: read -> nlp -> extract -> resolve -> model -> store -> export.

`build` adds articles to a store (creating it if needed) and rebuilds the
graph from every article the store holds. The spaCy stage runs only for
articles whose extraction is not cached yet (the cache key is the article's
content, the model and the extractor version), so adding one article to a
store of a thousand parses one article. Re-adding an article that is already
in changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.boilerplate import clean_text
from graph.errors import InputError
from graph.export import DEFAULT_EXPORTS, get_exporter
from graph.model.rdf import corpus_quads
from graph.read import Problem, read_articles
from graph.records import Article, Corpus, Extraction
from graph.resolve import resolve_corpus
from graph.rules import DEFAULT, Settings, check_names
from graph.store import Store

Progress = Callable[[int, int], None]  # (done, total)


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
    model: str | None = None
    corpus: Corpus | None = field(default=None, repr=False)


def cache_key(article: Article, model_name: str, settings: Settings = DEFAULT) -> str:
    """What an extraction depends on: the article, the model, the versions of the extraction rules that run."""
    from graph.extract import extractor_version

    h = hashlib.sha256()
    for part in (
        article.id,
        article.text,
        article.date.isoformat() if article.date else "",
        article.date_origin.value,
        article.title or "",
        article.url or "",
        article.source or "",
        model_name,
        extractor_version(settings),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


class Pipeline:
    """Holds the spaCy model (loaded once, only when something needs parsing) and the settings.

    `without_rules` switches rules off by name (see `kg rules`); an unknown name is
    a RegistryError that lists the valid ones. `settings` gives the whole
    :class:`~graph.rules.Settings` instead (a kinds table of one's own, say).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        n_process: int = 1,
        batch_size: int = 16,
        without_rules: Iterable[str] = (),
        settings: Settings | None = None,
    ):
        self.model_name = model
        self.n_process = n_process
        self.batch_size = batch_size
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

    def extract(self, articles: list[Article], progress: Progress | None = None) -> list[Extraction]:
        """Parse and extract these articles (spaCy streams them with nlp.pipe)."""
        from graph.extract import extract_article
        from graph.nlp import model_info, parse

        if not articles:
            return []
        info = str(model_info(self.nlp))
        items = ((clean_text(a.text, a.dropped), a) for a in articles)
        out = []
        for i, (doc, article) in enumerate(
            parse(self.nlp, items, n_process=self.n_process, batch_size=self.batch_size), start=1
        ):
            out.append(extract_article(doc, article, info, self.settings))
            if progress:
                progress(i, len(articles))
        return out

    def build(
        self,
        inputs: Iterable[str | Path],
        out: str | Path,
        *,
        exports: Iterable[str] = DEFAULT_EXPORTS,
        progress: Progress | None = None,
    ) -> BuildReport:
        """Add the articles of `inputs` to the store in `out` and write the exports there."""
        out = Path(out)
        read = read_articles(list(inputs))
        report = BuildReport(problems=list(read.problems))
        store = Store(out / "store")
        manifest = store.manifest()
        model_label = self.model_label()
        report.model = model_label

        keys = {a.id: cache_key(a, model_label, self.settings) for a in read.articles}
        extractions: dict[str, Extraction] = {}
        todo: list[Article] = []
        for aid, key in manifest.items():
            if aid in keys:
                continue  # given again: read below
            cached = store.cached(key)
            if cached is None:
                raise InputError(f"The store lost the extraction of article {aid!r}; add the article again")
            fresh = cache_key(cached.article, model_label, self.settings)
            if fresh == key:
                extractions[aid] = cached
            elif (again := store.cached(fresh)) is not None:
                extractions[aid] = again
                keys[aid] = fresh
            else:  # other rules run now than when it was read: read it again
                todo.append(cached.article)
                keys[aid] = fresh
        for article in read.articles:
            key = keys[article.id]
            cached = store.cached(key)
            if cached is not None:
                extractions[article.id] = cached
            else:
                todo.append(article)
            if manifest.get(article.id) != key:
                report.added += 1
        for extraction in self.extract(todo, progress):
            store.cache(keys[extraction.article.id], extraction)
            extractions[extraction.article.id] = extraction
        report.parsed = len(todo)
        manifest.update(keys)
        store.write_manifest(manifest)
        self._rebuild(store, list(extractions.values()), out, exports, report)
        return report

    def remove(
        self, article_ids: Iterable[str], out: str | Path, *, exports: Iterable[str] = DEFAULT_EXPORTS
    ) -> BuildReport:
        """Drop articles from the store; facts that other articles support stay."""
        out = Path(out)
        store = Store(out / "store", create=False)
        manifest = store.manifest()
        missing = [a for a in article_ids if a not in manifest]
        if missing:
            raise InputError(
                f"Not in the store: {', '.join(missing)}. Articles in it: {', '.join(sorted(manifest)[:20]) or 'none'}"
            )
        for aid in article_ids:
            del manifest[aid]
        store.write_manifest(manifest)
        extractions = [store.cached(key) for key in manifest.values()]
        report = BuildReport()
        self._rebuild(store, [e for e in extractions if e is not None], out, exports, report)
        return report

    def _rebuild(
        self, store: Store, extractions: list[Extraction], out: Path, exports: Iterable[str], report: BuildReport
    ) -> None:
        corpus = resolve_corpus(extractions, self.settings)
        report.corpus = corpus
        report.triples = store.replace(corpus_quads(corpus, self.settings.kinds))
        report.articles = len(corpus.articles)
        report.entities = len(corpus.entities)
        report.events = len(corpus.events)
        report.roles = len({(r.person, r.title, r.of) for r in corpus.roles})
        for name in exports:
            exporter = get_exporter(name)
            path = out / exporter.filename
            exporter.write(store, path)
            report.outputs[name] = path
        store.close()


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
