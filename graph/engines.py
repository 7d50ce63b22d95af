"""Where parse + extraction run: in this process, in worker processes, or on a Dask cluster.

Extraction is a pure function from an article to its records
(:func:`extract_articles`), so it runs next to the parse wherever the parse
runs, and only plain records come back: each
:class:`~graph.records.Extraction` with its JSON for the cache, made in the
worker too, so that the main process only writes files. Each engine yields
the extractions in the order of the articles it was given, so the result does
not depend on the engine or on the number of processes.

- ``local``: this process (``--jobs 1``);
- ``processes``: ``--jobs N`` worker processes, each with its own copy of the
  model, given chunks of articles in turn;
- ``dask``: the chunks are mapped over a Dask distributed cluster
  (``--engine dask --scheduler ADDRESS``; without an address, a local cluster
  of ``--jobs`` worker processes on 127.0.0.1). Results are taken as they
  arrive, in order.

A worker loads the model once and keeps it for the chunks that follow
(:func:`_worker_model`): one model per process, never shared.

>>> [len(c) for c in chunks(range(40))]
[16, 16, 8]
>>> check_engine("spark")
Traceback (most recent call last):
...
graph.errors.RegistryError: Unknown engine 'spark'. Available: local, processes, dask
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from graph.errors import RegistryError
from graph.records import Article, Extraction, Failure
from graph.rules import DEFAULT, Settings

CHUNK = 16  # articles per task: enough to keep nlp.pipe's batches full, small enough to stream

def _worker_model(model_name: str | None):  # noqa: ANN202 - spacy.Language
    """This process's model (a worker's own copy, loaded once: graph.nlp.load_model keeps it)."""
    from graph.nlp import load_model

    return load_model(model_name)


def extract_articles(  # noqa: ANN001
    nlp, articles: list[Article], batch_size: int = CHUNK, settings: Settings = DEFAULT
) -> list[Extraction | Failure]:
    """Parse these articles with ``nlp`` and read their records: the one place extraction is called.

    An article that the model or a rule fails on becomes a :class:`~graph.records.Failure` (its id and
    why), in its place; the others are read as if it were not there.
    """
    from graph.boilerplate import clean_text
    from graph.extract import extract_article
    from graph.nlp import model_info, parse

    info = str(model_info(nlp))

    def one(doc, article: Article) -> Extraction | Failure:  # noqa: ANN001 - spacy Doc
        try:
            return extract_article(doc, article, info, settings)
        except Exception as exc:  # noqa: BLE001 - a rule failed on this article only
            return Failure(article.id, f"extraction failed ({type(exc).__name__}: {exc})")

    items = [(clean_text(a.text, a.dropped), a) for a in articles]
    try:
        return [one(doc, article) for doc, article in parse(nlp, items, batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - the model failed on one of the batch: read them one by one
        out: list[Extraction | Failure] = []
        for item in items:
            try:
                out.extend(one(doc, article) for doc, article in parse(nlp, [item], batch_size=1))
            except Exception as exc:  # noqa: BLE001
                out.append(Failure(item[1].id, f"the model could not parse it ({type(exc).__name__}: {exc})"))
        return out


#: An extraction and its JSON (graph.records.to_json), as the engines give them; a Failure has "".
Extracted = tuple[Extraction | Failure, str]


def _with_json(extractions: list[Extraction | Failure]) -> list[Extracted]:
    from graph.records import to_json

    return [(e, "" if isinstance(e, Failure) else to_json(e)) for e in extractions]


def extract_chunk(model_name: str | None, settings: Settings, articles: list[Article]) -> list[Extracted]:
    """A task of the worker engines: parse and extract one chunk with this process's model."""
    return _with_json(extract_articles(_worker_model(model_name), articles, CHUNK, settings))


def chunks(articles: Iterable[Article], size: int = CHUNK) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


class Engine(Protocol):
    def extract(self, articles: Iterable[Article]) -> Iterator[Extracted]: ...


@dataclass
class LocalEngine:
    """Parse and extract in this process, with the pipeline's model."""

    nlp_factory: Callable[[], object]
    batch_size: int = CHUNK
    settings: Settings = DEFAULT

    def extract(self, articles: Iterable[Article]) -> Iterator[Extracted]:
        nlp = self.nlp_factory()
        for chunk in chunks(articles, self.batch_size):
            yield from _with_json(extract_articles(nlp, chunk, self.batch_size, self.settings))


@dataclass
class ProcessEngine:
    """``jobs`` worker processes; each parses and extracts whole chunks."""

    model_name: str | None
    jobs: int
    settings: Settings = DEFAULT

    def extract(self, articles: Iterable[Article]) -> Iterator[Extracted]:
        import multiprocessing
        from functools import partial

        context = multiprocessing.get_context("spawn")
        with context.Pool(self.jobs) as pool:
            task = partial(extract_chunk, self.model_name, self.settings)
            for result in pool.imap(task, chunks(articles), chunksize=1):
                yield from result


@dataclass
class DaskEngine:
    """Chunks mapped over a Dask distributed cluster; results taken in order as they arrive."""

    model_name: str | None
    scheduler: str | None = None
    jobs: int = 2
    window: int = 64  # chunks in flight at once: bounds memory on both sides
    settings: Settings = DEFAULT

    def extract(self, articles: Iterable[Article]) -> Iterator[Extracted]:
        from distributed import Client, LocalCluster

        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=40,
            )
        client = Client(self.scheduler or cluster)
        try:
            pending = []
            for chunk in chunks(articles):
                pending.append(client.submit(extract_chunk, self.model_name, self.settings, chunk, pure=False))
                if len(pending) >= self.window:
                    yield from pending.pop(0).result()
            for future in pending:
                yield from future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


ENGINES = ("local", "processes", "dask")


def check_engine(name: str) -> str:
    if name not in ENGINES:
        raise RegistryError(f"Unknown engine {name!r}. Available: {', '.join(ENGINES)}")
    return name
