"""The model stage is linear in the corpus (issue 14): 50,000 one-sentence articles used to take more than
half an hour, as each article's graph scanned every report of each of its events. Here the reports and
the evidence of an event told by many articles are counted as the model reads them: once in all, not once
per article. (benchmarks/short_articles.py gives the times.)"""

from __future__ import annotations

import dataclasses

from graph.model.rdf import CorpusModel
from graph.resolve import resolve_corpus
from tests.test_generated import extraction


class Counted(tuple):
    """A tuple that counts how often it is read through."""

    reads = 0

    def __iter__(self):  # noqa: ANN204
        Counted.reads += 1
        return super().__iter__()


def test_an_event_told_by_many_articles_is_read_once_not_once_per_article():
    articles = 400
    corpus = resolve_corpus([extraction(f"a{i}", ["Anna Berg", "Ivo Marek"], "met") for i in range(articles)])
    (event,) = [e for e in corpus.events if e.kind == "meeting"]
    assert len({x.article_id for x in event.evidence}) == articles  # one event, told 400 times
    counted = dataclasses.replace(event, reported=Counted(event.reported), evidence=Counted(event.evidence))
    corpus = dataclasses.replace(corpus, events=(counted,))
    Counted.reads = 0
    units = list(CorpusModel(corpus).units())
    assert Counted.reads <= 3  # was about 2 x 400: each article's graph scanned the event's reports and evidence
    graphs = {u.graph for u in units if u.graph and "/graph/" in u.graph}
    assert len(graphs) == articles
    assert sum(1 for u in units for line in u.lines if "/vocab#report>" in line) == articles
