"""`kg timex`: time expressions of a text, or of JSON lines of documents, as JSON lines."""

from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import main


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_plain_text_prints_one_line_per_expression(tmp_path):
    text = "The ministers met on Friday and will meet again in 2022."
    path = tmp_path / "a.txt"
    path.write_text(text)
    code, out = run("timex", str(path), "--date", "2021-03-10")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["text"], x["value"], x["precision"], x["tense"]) for x in lines] == [
        ("Friday", "2021-03-05", "day", "past"),
        ("2022", "2022", "year", "future"),
    ]
    assert all(text[x["start"] : x["end"]] == x["text"] for x in lines)


def test_standard_input_without_a_date_leaves_relative_words_unresolved():
    code, out = run("timex", "-", stdin="The ministers met on Friday.")
    assert code == 0
    assert [(x["text"], x["value"], x["precision"]) for x in map(json.loads, out.splitlines())] == [
        ("Friday", None, "unresolved")
    ]


def test_jsonl_prints_one_line_per_document(tmp_path):
    path = tmp_path / "docs.jsonl"
    docs = [
        {"id": "x1", "text": "Talks resumed on Monday.", "date": "2021-03-10"},
        {"id": "x2", "text": "Nothing happened.", "dct": "2021-03-10T09:00:00"},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    code, out = run("timex", "--jsonl", str(path))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["id"], x["date"], [t["value"] for t in x["timexes"]]) for x in lines] == [
        ("x1", "2021-03-10", ["2021-03-08"]),
        ("x2", "2021-03-10", []),
    ]


def test_interval_has_its_first_and_last_day():
    code, out = run("timex", "-", "--date", "2021-03-10", stdin="The vote is due at the end of next month.")
    (line,) = map(json.loads, out.splitlines())
    assert (line["precision"], line["interval"]) == ("interval", ["2021-04-21", "2021-04-30"])


def test_bad_date_and_bad_line_are_one_clear_error(tmp_path):
    code, out = run("timex", "-", "--date", "10/03/2021", stdin="x")
    assert code == 1 and "not an ISO date" in out
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n')
    code, out = run("timex", "--jsonl", str(path))
    assert code == 1 and "bad.jsonl:1: no 'text'" in out


def test_needs_a_file_or_jsonl():
    code, out = run("timex")
    assert code == 2 and "--jsonl" in out
