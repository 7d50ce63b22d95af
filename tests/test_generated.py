"""Generated hostile inputs (issue 14), with hypothesis: texts of mixed scripts, RTL, emoji, zero-width
joiners, control characters, lone surrogates, NUL bytes, CRLF and CR, very long lines; names of quotes,
backslashes, ``<>{}``, ``\"\"\"``, ``#``, ``@``, ``^^``, ``javascript:``, ``</script>`` and newlines; ids with
separators and odd Unicode; dates at the calendar's edges with relative words.

For every input: no crash; every good article is read (and, end to end, in the graph); Turtle, TriG and
N-Quads re-parse strictly; for a sample, the page runs no script in Chromium. The number of inputs each
test generated is added up and printed at the end of the run (``generated inputs: N``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.export.rdf import trig_chunks, turtle_chunks
from graph.model.rdf import corpus_units
from graph.read import read_articles
from graph.records import Article, DateOrigin, EventRecord, Evidence, Extraction, Mention, Ref, Sentence, Tense
from graph.resolve import resolve_corpus
from graph.store import PREFIX_HEADER, unit_turtle
from graph.timex import article_date
from graph.timex.normalize import ground

pytestmark = pytest.mark.slow  # about two minutes: in `make test`, not in `make test-fast`

#: inputs generated in this run, by test (printed by tests/conftest.py's terminal summary)
GENERATED: Counter = Counter()

PROFILE = settings(
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),  # CI: the same inputs every run; elsewhere new ones
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

HOSTILE = ['"', "'", '"""', "\\", "<", ">", "{", "}", "#", "@", "^^", "javascript:", "</script>", "<!--", "\n",
           "\r\n", "\r", "\t", "\x00", "\x07", "\x1b", "\u200b", "\u200d", "\u202e", "\ufeff", "\ud800", "\udfff",
           "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u05e9\u05dc\u05d5\u05dd",
           "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587", "\u0928\u092e\u0938\u094d\u0924\u0947", "\u00e9",
           "e\u0301", "%2F", "/", "..", " ", "?", "&"]
WORDS = ["Anna Berg", "met", "Ivo Marek", "in", "Oslo", "on", "Monday", ".", "said", "tomorrow", "yesterday",
         "next week", "last year", "Published: 9999-12-31", "Paris", "talks", "Maria Rossi", "visited"]

hostile = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), max_size=8).map("".join)
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=12))
texts = st.lists(pieces, min_size=1, max_size=30).map(" ".join)
long_line = st.integers(5_000, 30_000).map(lambda n: "Anna Berg met Ivo Marek. " * (n // 25))
article_texts = st.one_of(texts, texts, texts, texts, texts, texts, texts, texts, long_line)
long_id = st.tuples(hostile, st.integers(1000, 10_000)).map(lambda t: (t[0] + "/x y\n..") * (t[1] // 8 + 1))
ids = st.one_of(st.none(), hostile, st.integers(-10, 10**12), st.text(min_size=1, max_size=40), long_id)
edge_days = st.one_of(
    st.dates(max_value=dt.date.min + dt.timedelta(days=40)),
    st.dates(min_value=dt.date.max - dt.timedelta(days=40)),
    st.dates(),
)
dates = st.one_of(st.none(), edge_days.map(dt.date.isoformat), hostile, st.integers(), st.just("2019-5-3"))
records = st.fixed_dictionaries(
    {"text": st.one_of(article_texts, st.integers(), st.none())},
    optional={"id": ids, "date": dates, "title": st.one_of(hostile, st.integers()), "url": hostile,
              "source": hostile},
)
RELATIVE = ["tomorrow", "yesterday", "today", "next week", "last week", "next month", "last month", "next year",
            "last year", "Monday", "on Friday", "next Friday", "last Sunday", "in two days", "two weeks ago",
            "a year ago", "the end of next month", "early December", "March 24-25", "between Monday and Wednesday",
            "in May", "last August", "April next year", "since 2013", "the day after tomorrow", "later this week",
            "Dec. 31", "January 1", "almost four years ago", "late Tuesday", "this weekend", "next decade"]


def count(name: str) -> None:
    GENERATED[name] += 1


# -- reading ----------------------------------------------------------------------------------


@settings(PROFILE, max_examples=2000)
@given(st.lists(records, min_size=1, max_size=4))
def test_generated_json_lines_are_read_or_reported_never_crash(tmp_path_factory, lines):
    count("json lines")
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    path = folder / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    result = read_articles([path])
    skipped = {p.line: p.reason for p in result.problems if not p.warning}
    assert len(result.articles) + len(skipped) == len(lines)  # every line: an article, or a reason
    assert len({a.id for a in result.articles}) == len(result.articles)
    by_line = {result.origins[a.id][1]: a for a in result.articles}
    for number, record in enumerate(lines, start=1):
        text = record["text"]
        if not isinstance(text, str) or not text.strip():
            assert number in skipped  # no text: said why
        elif number in by_line:  # a good article: read whole, surrogates replaced, line ends normalized
            expected = re.sub("[\ud800-\udfff]", "\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
            assert by_line[number].text == expected
        else:  # a good text is left out only as a duplicate id or as nothing but boilerplate
            assert skipped[number].startswith(("duplicate article id", "no article text")), skipped[number]
    for article in result.articles:
        for value in (article.id, article.text, article.title, article.url, article.source, article.date_evidence):
            if value is not None:
                value.encode("utf-8")  # no lone surrogate left


@settings(PROFILE, max_examples=1500)
@given(st.one_of(edge_days.map(lambda d: f"date {d.isoformat()} "), st.just("date 2019-5-3 "), st.just(""),
                 hostile.map(lambda h: f"date {h} ")),
       article_texts, st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_text_files_are_read_or_reported_never_crash(tmp_path_factory, header, text, newline):
    count("text files")
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    path = folder / "a.txt"
    path.write_bytes((header + text).replace("\n", newline).encode("utf-8", "surrogatepass"))
    result = read_articles([path])
    assert len(result.articles) + len([p for p in result.problems if not p.warning]) == 1
    for article in result.articles:
        assert "\r" not in article.text
        article.text.encode("utf-8")


# -- dates at the calendar's edges --------------------------------------------------------------


@settings(PROFILE, max_examples=5500)
@given(st.sampled_from(RELATIVE), st.sampled_from(list(Tense)), edge_days,
       st.sampled_from([DateOrigin.GIVEN, DateOrigin.STATED]))
def test_relative_dates_at_the_calendars_edges_stay_in_the_calendar(words, tense, anchor, origin):
    count("dates")
    value = ground(words, tense, anchor, origin)
    for day in (value.value, value.start, value.end):
        if day:
            parts = [int(p) for p in day.split("-")] + [1, 1]
            dt.date(*parts[:3])  # a real day of the calendar
    assert value.text == words


@settings(PROFILE, max_examples=300)
@given(edge_days, texts)
def test_stated_dates_at_the_calendars_edges_never_crash(day, text):
    count("stated dates")
    found = article_date(f"Published: {day.isoformat()}\n\n{text}", None, None)
    assert found is None or found.date.year >= 1


# -- names and ids to RDF ---------------------------------------------------------------------


def extraction(aid: str, names: list[str], filler: str) -> Extraction:
    """An article that names each of ``names`` and reports a meeting between the first two."""
    text, mentions = "", []
    for i, name in enumerate(names):
        start = len(text)
        text += name
        mentions.append(Mention(aid, 0, start, len(text), name, "person" if i % 2 else "country"))
        text += f" {filler} " if i < len(names) - 1 else "."
    sentence = Sentence(aid, 0, 0, len(text), text)
    refs = tuple(Ref(m.text, m.start, m.end, "name", entity_kind=m.kind, sentence=0) for m in mentions[:2])
    event = EventRecord("meeting", "met", refs, Evidence(aid, 0, 0, len(text), "events.verbal.v1"))
    article = Article(aid, text, date=dt.date(2021, 3, 5), date_origin=DateOrigin.GIVEN, title=filler)
    return Extraction(article, "en_core_web_sm 3.8.0", "-", sentences=(sentence,), mentions=tuple(mentions),
                      events=(event,))


name = st.lists(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(["Anna", "Berg", "O'Brien"]),
                          st.text(max_size=5)), min_size=1, max_size=6).map("".join).filter(
    lambda s: s.strip() and not any(0xD800 <= ord(c) <= 0xDFFF for c in s))
clean_id = st.one_of(hostile, st.text(min_size=1, max_size=30), long_id).filter(
    lambda s: s.strip() and not any(0xD800 <= ord(c) <= 0xDFFF for c in s))


@settings(PROFILE, max_examples=800)
@given(st.lists(st.tuples(clean_id, st.lists(name, min_size=2, max_size=4), st.sampled_from(["met", "and", "\n"])),
                min_size=1, max_size=3, unique_by=lambda t: t[0]))
def test_generated_names_and_ids_give_turtle_trig_and_nquads_that_parse_strictly(articles):
    count("names and ids")
    corpus = resolve_corpus([extraction(aid, names, filler) for aid, names, filler in articles])
    units = list(corpus_units(corpus))
    nquads = "".join(
        line[:-2] + ("" if u.graph is None else f" <{u.graph}>") + " .\n" for u in units for line in u.lines
    )
    quads = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == sum(len(u.lines) for u in units)

    class Units:  # what graph.export.rdf reads from a store: each unit's Turtle, in export order
        def graphs_turtle(self):  # noqa: ANN202
            for u in sorted(units, key=lambda u: (u.graph is not None, u.graph or "", u.key)):
                yield u.graph, unit_turtle(u)

    turtle = "".join(turtle_chunks(Units()))
    trig = "".join(trig_chunks(Units()))
    assert len(list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))) == len({
        (q.subject, q.predicate, q.object) for q in quads})
    assert len(list(ox.parse(trig.encode("utf-8"), format=ox.RdfFormat.TRIG))) == len(quads)
    ids_in_graph = {q.object.value for q in quads if q.predicate.value.endswith("#articleId")}
    assert ids_in_graph == {aid for aid, _, _ in articles}
    assert PREFIX_HEADER in turtle


# -- end to end, with spaCy ---------------------------------------------------------------------


@pytest.mark.slow
@settings(PROFILE, max_examples=30)
@given(st.lists(st.fixed_dictionaries({"text": texts}, optional={"id": clean_id, "date": dates, "title": hostile}),
                min_size=1, max_size=3))
def test_generated_articles_build_with_every_good_article_in_the_graph(tmp_path_factory, pipeline, lines):
    count("builds")
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    read = read_articles([feed])
    report = pipeline.build([feed], folder / "out", exports=["turtle", "trig", "nquads"])
    assert not [p for p in report.problems if not p.warning and p.line is None]
    graph = {a.id for a in report.corpus.articles} if report.corpus else set()
    assert graph == {a.id for a in read.articles}  # every article read is in the graph
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.trig", ox.RdfFormat.TRIG),
                      ("graph.nq", ox.RdfFormat.N_QUADS)):
        ox.parse(path=str(folder / "out" / name), format=fmt)
