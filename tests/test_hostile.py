"""Hostile and careless input (issue 14): no article stops or poisons a build, no id overwrites another
silently, text at the edges costs only what is wrong, and every such error is one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import EXIT_SKIPPED, main
from graph.errors import StoreError
from graph.query import run_query
from graph.read import content_id
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = """PREFIX kg: <https://w3id.org/newskg/vocab#>
SELECT ?id ?hash WHERE { ?a a kg:Article ; kg:articleId ?id ; kg:contentHash ?hash } ORDER BY ?id"""
EVENT_DATES = """PREFIX kg: <https://w3id.org/newskg/vocab#>
SELECT DISTINCT ?words ?date WHERE { ?e a kg:Event ; kg:dating ?t . ?t kg:dateText ?words .
  OPTIONAL { { ?e kg:date ?date } UNION { ?t kg:date ?date } } } ORDER BY ?words"""


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ids(out: Path) -> list[str]:
    with Store.reader(out) as store:
        return [row[0] for row in run_query(store, ARTICLES).rows]


def cli(pipeline, monkeypatch, *args: str):  # noqa: ANN001, ANN201 - the CLI in this process, with the session's model
    monkeypatch.setattr("graph.pipeline.Pipeline.nlp", pipeline.nlp)
    return CliRunner().invoke(main, list(args))


def strict_parse(out: Path) -> None:
    ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)


# -- an article at the calendar's edge ------------------------------------------------------------


@pytest.mark.slow
def test_an_article_at_the_calendars_edge_that_says_tomorrow_leaves_the_store_buildable(
    tmp_path, pipeline, monkeypatch
):
    edge = jsonl(
        tmp_path / "edge.jsonl",
        {"id": "far", "date": "9999-12-31", "text": "Anna Berg met Ivo Marek in Oslo. They will meet again tomorrow."},
        {"id": "early", "date": "0001-01-01", "text": "Anna Berg met Ivo Marek yesterday in Oslo."},
    )
    stated = tmp_path / "stated.txt"
    stated.write_text("Published: 9999-12-31\n\nMaria Rossi will visit Rome tomorrow.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli(pipeline, monkeypatch, "build", str(edge), str(stated), "--out", str(out))
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "warning: " in result.stderr and "edge of the calendar" in result.stderr
    assert ids(out) == ["early", "far", "stated"]
    with Store.reader(out) as store:
        dates = dict(run_query(store, EVENT_DATES).rows)
    assert dates["tomorrow"] is None  # the day after 9999-12-31: the words stay, no date
    assert dates["yesterday"] is None  # the day before 0001-01-01
    # the store is not poisoned: the next build of other articles works and keeps these
    more = jsonl(tmp_path / "more.jsonl", {"id": "next", "text": "Olaf Scholz met Emmanuel Macron in Berlin."})
    assert pipeline.build([more], out).problems == []
    assert ids(out) == ["early", "far", "next", "stated"]


# -- ids ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_id_reused_with_other_content_is_left_out_unless_replace(tmp_path, pipeline, monkeypatch):
    out = tmp_path / "out"
    first = jsonl(tmp_path / "day1.jsonl", {"id": "x", "text": "Anna Berg met Ivo Marek in Oslo."})
    pipeline.build([first], out, exports=["turtle"])
    with Store.reader(out) as store:
        (old_hash,) = [h for _, h in run_query(store, ARTICLES).rows]
    second = jsonl(tmp_path / "day2.jsonl", {"id": "x", "text": "Maria Rossi visited Rome."})
    result = cli(pipeline, monkeypatch, "build", str(second), "--out", str(out), "--no-html")
    assert result.exit_code == EXIT_SKIPPED
    assert (
        f"skipped: {second}:1: article id 'x' is already in the store with other content: left out "
        "(give it another id, or build with --replace to update the stored one)"
    ) in result.stderr
    with Store.reader(out) as store:
        assert [h for _, h in run_query(store, ARTICLES).rows] == [old_hash]
    again = cli(pipeline, monkeypatch, "build", str(second), "--out", str(out), "--no-html", "--replace")
    assert again.exit_code == EXIT_SKIPPED  # said, as a warning
    assert f"warning: {second}:1: replaces the stored article of this id" in again.stderr
    with Store.reader(out) as store:
        (new_hash,) = [h for _, h in run_query(store, ARTICLES).rows]
    assert new_hash != old_hash
    # the same content again is no conflict
    assert pipeline.build([second], out, exports=["turtle"]).problems == []


@pytest.mark.slow
def test_a_feed_without_ids_read_each_day_keeps_every_days_articles(tmp_path, pipeline):
    out = tmp_path / "out"
    day1 = ["Anna Berg met Ivo Marek in Oslo.", "Maria Rossi visited Rome."]
    day2 = ["Olaf Scholz met Emmanuel Macron in Berlin.", "Taro Kono visited Tokyo."]
    feed = tmp_path / "feed.jsonl"
    for texts in (day1, day2):
        jsonl(feed, *({"text": t} for t in texts))
        report = pipeline.build([feed], out, exports=["turtle"])
        assert report.problems == []
    assert ids(out) == sorted(content_id(feed, t) for t in day1 + day2)


# -- text at the edges ----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_lone_surrogate_in_any_field_is_replaced_and_said(tmp_path, pipeline, monkeypatch):
    feed = tmp_path / "cut.jsonl"
    line = (
        '{"id": "cut\\ud83d", "title": "Smile \\ud83d", "source": "\\udc00Wire", "url": "https://example.org/a",'
        ' "text": "Anna Berg met Ivo Marek in Oslo \\ud83d and smiled."}\n'
    )
    feed.write_text(line, encoding="utf-8")
    out = tmp_path / "out"
    result = cli(pipeline, monkeypatch, "build", str(feed), "--out", str(out))
    assert result.exit_code == EXIT_SKIPPED, result.output
    warnings = [w for w in result.stderr.splitlines() if w.startswith("warning: ")]
    assert len(warnings) == 4 and all("lone surrogate" in w and "replaced by U+FFFD" in w for w in warnings)
    assert ids(out) == ["cut\ufffd"]
    strict_parse(out)
    assert "Oslo \ufffd and smiled" in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_bad_date_url_or_title_costs_only_that_field(tmp_path, pipeline):
    feed = jsonl(
        tmp_path / "bad.jsonl",
        {"id": "d", "date": "2019-13-45", "text": "Anna Berg met Ivo Marek in Oslo."},
        {"id": "u", "url": "javascript:alert(1)", "text": "Maria Rossi visited Rome."},
        {"id": "t", "title": {"x": 1}, "text": "Taro Kono visited Tokyo."},
    )
    report = pipeline.build([feed], tmp_path / "out", exports=["turtle"])
    assert [(p.line, p.warning) for p in report.problems] == [(1, True), (2, True), (3, True)]
    assert ids(tmp_path / "out") == ["d", "t", "u"]
    by_id = {a.id: a for a in report.corpus.articles}
    assert (by_id["d"].date, by_id["u"].url, by_id["t"].title) == (None, None, None)


def test_an_unreadable_folder_is_reported(tmp_path):
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.txt").write_text("Anna Berg met Ivo Marek in Oslo.\n", encoding="utf-8")
    (folder / "locked" / "hidden.txt").write_text("Maria Rossi visited Rome.\n", encoding="utf-8")
    os.chmod(folder / "locked", 0)
    tmp_path.chmod(0o755)
    try:
        # root reads every folder: read in a child process without the capabilities that let it
        code = (
            "import json, sys; from graph.read import read_articles; r = read_articles([sys.argv[1]]);"
            "print(json.dumps([[a.id for a in r.articles], [str(p) for p in r.problems]]))"
        )
        caps = "-dac_override,-dac_read_search"
        drop = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"] if os.geteuid() == 0 else []
        found = subprocess.run(
            [*drop, sys.executable, "-c", code, str(folder)], capture_output=True, text=True, cwd=ROOT, check=True
        )
    finally:
        os.chmod(folder / "locked", 0o755)
    articles, problems = json.loads(found.stdout)
    assert articles == ["ok"]
    assert problems == [f"{folder / 'locked'}: cannot read folder: Permission denied"]


# -- one-line errors ------------------------------------------------------------------------------


@pytest.mark.slow
def test_remove_of_the_same_id_twice_removes_it_once(seeds_copy, pipeline, monkeypatch):
    result = cli(pipeline, monkeypatch, "remove", "002_d779c5e52be50800", "002_d779c5e52be50800",
                 "--store", str(seeds_copy))
    assert result.exit_code == 0, result.output
    assert "002_d779c5e52be50800" not in ids(seeds_copy)


@pytest.mark.slow
def test_a_manifest_that_is_not_an_object_is_one_line(seeds_copy):
    store = seeds_copy / "store"
    db = __import__("sqlite3").connect(store / "units.sqlite")
    db.execute("UPDATE meta SET value = '[1, 2]' WHERE name = 'manifest'")
    db.commit()
    db.close()
    result = CliRunner().invoke(main, ["remove", "x", "--store", str(seeds_copy)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {store / 'units.sqlite'}: the manifest is not an object of article ids and cache keys: "
        "build the store again into a new --out folder"
    ]
    # a store of an older kg: no commit record, and a manifest.json that is a list
    db = __import__("sqlite3").connect(store / "units.sqlite")
    db.execute("DELETE FROM meta")
    db.commit()
    db.close()
    (store / "manifest.json").write_text("[1, 2]")
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(seeds_copy)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {store / 'manifest.json'}: the manifest is not an object of article ids and cache keys: "
        "build the store again into a new --out folder"
    )


def test_a_binary_query_file_is_one_line(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    (tmp_path / "store").mkdir()
    result = CliRunner().invoke(main, ["query", str(rq), "--store", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {rq}: not a SPARQL query (not UTF-8 text: byte 0)"


def test_a_store_without_a_commit_record_is_refused_by_every_reader(tmp_path):
    store = Store(tmp_path / "out" / "store")  # made, never committed: as an interrupted first build leaves it
    store.close()
    message = (
        f"The store at {tmp_path / 'out' / 'store'} is not whole (it has no commit record): build it again with "
        f"`kg build ARTICLES --out {tmp_path / 'out'}` (an interrupted build left it, or an older kg made it)"
    )
    with pytest.raises(StoreError) as caught:
        Store.reader(tmp_path / "out")
    assert str(caught.value) == message
    for args in (["query", "timeline", "--store"], ["validate", "--store"], ["push", "-e", "http://127.0.0.1:9", "-s"],
                 ["view", "--out", str(tmp_path / "v.html"), "--store"], ["serve", "--port", "0", "--store"],
                 ["export", "graphml", "--store"]):
        result = CliRunner().invoke(main, [*args, str(tmp_path / "out")])
        assert (result.exit_code, result.output.strip()) == (1, f"Error: {message}"), args


# -- long articles --------------------------------------------------------------------------------


@pytest.fixture
def short_model(pipeline):  # noqa: ANN001, ANN201
    """The session's model with spaCy's length limit (E088) at 5,000 characters instead of a million."""
    before = pipeline.nlp.max_length
    pipeline.nlp.max_length = 5000
    yield pipeline
    pipeline.nlp.max_length = before


@pytest.mark.slow
def test_an_article_past_the_models_length_limit_is_parsed_in_pieces_with_offsets_kept(tmp_path, short_model):
    paragraph = "Anna Berg met Ivo Marek in Oslo on Monday. They talked about fishing quotas.\n\n"
    tail = "On Friday Maria Rossi visited Rome and met Olaf Scholz there.\n"
    text = paragraph * 160 + tail  # 12,000 characters: three pieces at the limit
    (tmp_path / "long.txt").write_text("date 2021-03-10 " + text, encoding="utf-8")
    out = tmp_path / "out"
    report = short_model.build([ROOT / "seeds", tmp_path / "long.txt"], out, exports=["turtle", "trig"])
    assert report.problems == []
    assert ids(out) == sorted([p.stem for p in (ROOT / "seeds").glob("*.txt")] + ["long"])
    query = """PREFIX kg: <https://w3id.org/newskg/vocab#>
    SELECT ?start ?end ?text WHERE { ?s a kg:Sentence ; kg:inArticle/kg:articleId "long" ;
      kg:start ?start ; kg:end ?end ; kg:text ?text } ORDER BY DESC(?start) LIMIT 1"""
    with Store.reader(out) as store:
        ((start, end, sentence),) = run_query(store, query).rows
    assert sentence == tail.strip() and text[int(start) : int(end)].strip() == sentence
    strict_parse(out)


@pytest.mark.slow
def test_max_article_chars_cuts_an_article_and_says_so(tmp_path, pipeline, monkeypatch):
    emoji = "Anna Berg met Ivo Marek in Oslo. " + "\U0001f600\u200d\U0001f3a8 " * 6000 + "\n"
    feed = jsonl(tmp_path / "emoji.jsonl", {"id": "emoji", "text": emoji})
    out = tmp_path / "out"
    result = cli(pipeline, monkeypatch, "build", str(feed), "--out", str(out), "--max-article-chars", "5000")
    assert result.exit_code == EXIT_SKIPPED, result.output
    (warning,) = [w for w in result.stderr.splitlines() if w.startswith("warning: ")]
    assert warning.startswith(f"warning: {feed}:1: article 'emoji' has 24,034 characters, more than "
                              "--max-article-chars 5,000: the text after character ")
    assert ids(out) == ["emoji"]
    with Store.reader(out) as store:
        ((length,),) = run_query(store, """PREFIX kg: <https://w3id.org/newskg/vocab#>
            SELECT (MAX(?end) AS ?n) WHERE { ?s a kg:Sentence ; kg:end ?end }""").rows
    assert int(length) <= 5000


@pytest.mark.slow
def test_the_seeds_and_one_article_of_one_and_a_half_megabytes_build_with_every_article(tmp_path):
    """Issue 14: one article over spaCy's million characters killed the whole build (E088), and a long one
    under it took past 12 GB. The real `kg build`, in a child process: exit 0 or 3, every article in the
    graph, the long one's last sentence too, and the memory of a few pieces, not of the whole text."""
    import resource

    news = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "seeds").glob("*.txt")))
    folder = tmp_path / "news"
    shutil.copytree(ROOT / "seeds", folder)
    text = ((news + "\n\n") * (1_500_000 // len(news) + 1))[:1_490_000]
    text = text[: text.rindex("\n\n")] + "\n\nOn Friday Maria Rossi visited Rome and met Olaf Scholz there.\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    assert len(text.encode("utf-8")) > 1_500_000
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(folder), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # MB (Linux: KB)
    assert done.returncode in (0, EXIT_SKIPPED), done.stderr[-2000:]
    assert ids(out) == sorted([p.stem for p in (ROOT / "seeds").glob("*.txt")] + ["long"])
    query = """PREFIX kg: <https://w3id.org/newskg/vocab#>
    SELECT ?text WHERE { ?s a kg:Sentence ; kg:inArticle/kg:articleId "long" ; kg:start ?start ; kg:text ?text }
    ORDER BY DESC(?start) LIMIT 1"""
    with Store.reader(out) as store:
        assert run_query(store, query).rows == (("On Friday Maria Rossi visited Rome and met Olaf Scholz there.",),)
    strict_parse(out)
    assert peak < 4000, f"{peak:,} MB"
    print(f"1.5 MB article: exit {done.returncode}, peak {peak:,} MB")
