"""The `kg` command: every command has help and is in the README; outputs and exit codes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import EXIT_SKIPPED, main
from graph.model.rdf import corpus_units
from graph.store import Store
from tests.records import two_reports_of_one_meeting

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
COMMANDS = sorted(main.commands)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_the_commands_are_the_documented_ones():
    assert COMMANDS == ["build", "export", "push", "query", "remove", "rules", "serve", "timex", "validate", "view",
                        "vocab"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    code, out = run(command, "--help")
    assert code == 0
    assert f"Usage: main {command}" in out or f"Usage: kg {command}" in out
    assert len(main.commands[command].help or "") > 40
    assert re.search(rf"`kg {command}\b", README), f"kg {command} is not documented in the README"


def test_version():
    code, out = run("--version")
    assert code == 0 and re.search(r"\d+\.\d+\.\d+", out)


def test_vocab_prints_the_vocabulary_and_the_shapes():
    code, out = run("vocab")
    assert code == 0 and "kg:Person a owl:Class" in out
    code, out = run("vocab", "--shapes")
    assert code == 0 and "sh:NodeShape" in out


@pytest.mark.slow
def test_query_prints_a_table_csv_and_json(seeds_build):
    code, table = run("query", str(ROOT / "queries" / "meetings.rq"), "--store", str(seeds_build))
    assert code == 0
    assert re.search(r"Sergey Lavrov\s+Taro Kono\s+2019-05-31\s+\S.*Tokyo", table)
    code, text = run("query", str(ROOT / "queries" / "meetings.rq"), "--store", str(seeds_build), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["a"], r["b"], r["place"]) for r in rows if r["date"] == "2019-05-31"] == [
        ("Sergey Lavrov", "Taro Kono", "Tokyo")
    ]
    code, text = run("query", str(ROOT / "queries" / "meetings.rq"), "--store", str(seeds_build), "-f", "json")
    assert any(r["date"] == "2019-05-31" and r["place"] == "Tokyo" for r in json.loads(text))


@pytest.mark.slow
def test_query_binds_a_name(seeds_build):
    code, text = run(
        "query",
        str(ROOT / "queries" / "entity.rq"),
        "--store",
        str(seeds_build),
        "--bind",
        "name=Sergei Lavrov",
        "-f",
        "json",
    )
    assert code == 0
    assert {r["entity"] for r in json.loads(text)} == {"https://w3id.org/newskg/id/entity/sergey-lavrov"}


def test_query_errors_are_one_clear_line(tmp_path):
    code, out = run("query", "nope.rq", "--store", str(tmp_path))
    assert code == 1
    assert out.startswith("Error: No store at") or out.startswith("Error: No query file")
    code, out = run("query", "meetings.rq")
    assert code == 2 and "exactly one of --store DIR or --endpoint URL" in out


@pytest.mark.slow
def test_build_reports_skipped_inputs_with_its_exit_status(tmp_path, monkeypatch, pipeline):
    monkeypatch.setattr("graph.pipeline.Pipeline.nlp", pipeline.nlp)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date 2020-06-02 Chancellor Olaf Scholz met President Emmanuel Macron on Monday in Berlin.\n"
    )
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--json"])
    assert result.exit_code == EXIT_SKIPPED
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1 and summary["skipped"] == 1
    assert "skipped: " in result.stderr and "b.txt" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.slow
def test_view_writes_a_neighbourhood(seeds_build, tmp_path):
    out = tmp_path / "lavrov.html"
    code, text = run("view", "--store", str(seeds_build), "--out", str(out), "--around", "Lavrov", "--hops", "1")
    assert code == 0 and out.exists()
    nodes = int(re.search(r"(\d+) nodes", text).group(1))
    code, text = run("view", "--store", str(seeds_build), "--out", str(tmp_path / "all.html"))
    assert nodes < int(re.search(r"(\d+) nodes", text).group(1))


@pytest.mark.slow
def test_validate_says_the_seed_graph_conforms(seeds_build):
    code, out = run("validate", "--store", str(seeds_build))
    assert (code, out.strip()) == (0, "conforms")


@pytest.mark.slow
def test_remove_unknown_article_lists_what_is_there(seeds_copy):
    code, out = run("remove", "nope", "--store", str(seeds_copy))
    assert code == 1 and "Not in the store: nope" in out and "000_5deb3ae3fe01fe22" in out


@pytest.mark.slow
@pytest.mark.server
def test_push_then_query_the_server_gives_the_store_rows(seeds_build, oxigraph_server):
    code, out = run("push", "--store", str(seeds_build), "--endpoint", oxigraph_server)
    assert (code, out.strip()) == (0, f"pushed 7 graphs to {oxigraph_server}")
    query = str(ROOT / "queries" / "roles.rq")
    code, remote = run("query", query, "--endpoint", oxigraph_server, "-f", "json")
    assert code == 0
    code, local = run("query", query, "--store", str(seeds_build), "-f", "json")
    key = lambda r: (r["person"], r["title"], r["of"] or "")  # noqa: E731
    assert sorted(json.loads(remote), key=key) == sorted(json.loads(local), key=key)
    assert len(json.loads(local)) >= 10


def test_push_to_a_server_that_is_down_fails_with_one_line(tmp_path):
    with Store(tmp_path / "store") as store:
        store.update(corpus_units(two_reports_of_one_meeting()))
    code, out = run("push", "--store", str(tmp_path / "store"), "--endpoint", "http://127.0.0.1:9", "--retries", "0")
    assert code == 1
    assert out.startswith("Error: ") and len(out.strip().splitlines()) == 1


@pytest.mark.slow
def test_query_pages_with_limit_and_offset(seeds_build):
    args = ["query", "timeline", "--store", str(seeds_build), "-f", "json"]
    code, text = run(*args, "--limit", "1000")
    everything = json.loads(text)
    assert code == 0 and len(everything) > 6
    _, first = run(*args, "--limit", "3")
    _, second = run(*args, "--limit", "3", "--offset", "3")
    assert json.loads(first) + json.loads(second) == everything[:6]


@pytest.mark.slow
def test_a_runaway_query_is_stopped_with_a_clear_message(seeds_build, tmp_path):
    endless = tmp_path / "endless.rq"
    endless.write_text("# every triple with every other, twice\n"
                       "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n")
    result = CliRunner().invoke(main, ["query", str(endless), "--store", str(seeds_build), "--timeout", "1"])
    assert result.exit_code == 1
    assert "ran for more than 1 s and was stopped" in result.output


def test_every_shipped_query_has_a_default_limit():
    for path in sorted((ROOT / "queries").glob("*.rq")):
        assert re.search(r"\bLIMIT \d+\s*\Z", path.read_text()), path.name
