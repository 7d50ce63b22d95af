"""Reading .txt and .jsonl files and folders: articles, dates, offsets and problems."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graph.boilerplate import clean_text
from graph.errors import InputError
from graph.read import Problem, ReadResult, content_id, read_articles
from graph.records import DateOrigin

HARBOR = "The harbor of Varna reopened on Monday after a week of repairs.\n"
FERRY = "Ferry operators in the Baltic resumed crossings on Tuesday.\n"


def where(result: ReadResult) -> list[tuple[str, int | None]]:
    return [(problem.path, problem.line) for problem in result.problems]


def jsonl(*lines: object) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(" date 2021-03-04 " + HARBOR, encoding="utf-8")
    (folder / "b.txt").write_text(FERRY, encoding="utf-8")
    (folder / "c.txt").write_text("", encoding="utf-8")
    (folder / "d.txt").write_bytes("The café in Liège closed on Friday.\n".encode("latin-1"))
    (folder / "e.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "notes.md").write_text("Not an article.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(HARBOR, encoding="utf-8")
    (folder / "sub" / "feed.jsonl").write_text(
        jsonl(
            {
                "id": "x1",
                "text": "The port strike ended on Wednesday.",
                "date": "2021-03-05T22:30:00Z",
                "url": "https://example.org/strike",
                "title": "Port strike ends",
                "source": "Example Wire",
            },
            '{"id": "x2", "text": "unterminated',
            {"id": "x3", "title": "A title without text"},
            "",
            {"id": "x1", "text": "A second article claims the same id."},
            {"text": "Dock workers voted to accept the new contract.", "date": "2021-03-06"},
            {"id": "x7", "text": "The vote was close.", "date": "March 6"},
            [1, 2],
            {"id": "x9", "text": "   \n "},
        ),
        encoding="utf-8",
    )
    return folder


def test_mixed_folder_reads_the_good_articles(mixed_folder: Path) -> None:
    result = read_articles([mixed_folder])
    assert [(a.id, a.date, a.date_origin) for a in result.articles] == [
        ("a", dt.date(2021, 3, 4), DateOrigin.GIVEN),
        ("b", None, DateOrigin.UNKNOWN),
        ("x1", dt.date(2021, 3, 5), DateOrigin.GIVEN),
        (content_id(Path("feed.jsonl"), "Dock workers voted to accept the new contract."), dt.date(2021, 3, 6),
         DateOrigin.GIVEN),
        ("x7", None, DateOrigin.UNKNOWN),  # a bad date costs the date, not the article
    ]
    assert [a.path for a in result.articles] == [
        str(mixed_folder / "a.txt"),
        str(mixed_folder / "b.txt"),
        str(mixed_folder / "sub" / "feed.jsonl"),
        str(mixed_folder / "sub" / "feed.jsonl"),
        str(mixed_folder / "sub" / "feed.jsonl"),
    ]


def test_mixed_folder_reports_each_bad_file_and_line(mixed_folder: Path) -> None:
    result = read_articles([mixed_folder])
    feed = str(mixed_folder / "sub" / "feed.jsonl")
    assert where(result) == [
        (str(mixed_folder / "c.txt"), None),
        (str(mixed_folder / "d.txt"), None),
        (str(mixed_folder / "e.txt"), None),
        (feed, 2),
        (feed, 3),
        (feed, 5),
        (feed, 7),
        (feed, 8),
        (feed, 9),
    ]
    reasons = [problem.reason for problem in result.problems]
    assert reasons[0] == "empty file"
    assert reasons[1].startswith("not UTF-8 text")
    assert reasons[2].startswith("binary file")
    assert reasons[3].startswith("not valid JSON")
    assert reasons[4] == "no 'text' field"
    assert reasons[5] == f"duplicate article id 'x1' (first read from {feed}:1)"
    assert reasons[6] == "'date' is not an ISO date: 'March 6': the article is read without it"
    assert [p.warning for p in result.problems] == [False] * 6 + [True] + [False] * 2
    assert reasons[7] == "not a JSON object but list"
    assert reasons[8] == "empty 'text'"


def test_jsonl_fields_are_kept(mixed_folder: Path) -> None:
    article = read_articles([mixed_folder / "sub" / "feed.jsonl"]).articles[0]
    assert article.text == "The port strike ended on Wednesday."
    assert article.url == "https://example.org/strike"
    assert article.title == "Port strike ends"
    assert article.source == "Example Wire"
    assert article.date_evidence == "2021-03-05T22:30:00Z"


def test_date_header_on_the_line_of_the_first_sentence_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "oslo.txt"
    path.write_text("  date 2020-11-17 The ministers met in Oslo on Tuesday.\n\nThey agreed on quotas.\n")
    article = read_articles([path]).articles[0]
    assert article.id == "oslo"
    assert article.date == dt.date(2020, 11, 17)
    assert article.date_origin is DateOrigin.GIVEN
    assert article.date_evidence == "date 2020-11-17"
    assert article.text == "The ministers met in Oslo on Tuesday.\n\nThey agreed on quotas.\n"
    assert article.text[21:25] == "Oslo"


def test_date_header_on_a_line_of_its_own_is_removed_with_the_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "oslo.txt"
    path.write_text("date 2020-11-17\n\nThe ministers met in Oslo.\n")
    article = read_articles([path]).articles[0]
    assert (article.date, article.text) == (dt.date(2020, 11, 17), "The ministers met in Oslo.\n")


def test_a_date_later_in_the_text_is_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "oslo.txt"
    path.write_text("The ministers met in Oslo.\ndate 2020-11-17\n")
    article = read_articles([path]).articles[0]
    assert (article.date, article.date_origin) == (None, DateOrigin.UNKNOWN)
    assert article.text == "The ministers met in Oslo.\ndate 2020-11-17\n"


def test_date_header_with_an_impossible_date_costs_the_date_not_the_article(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("date 2020-02-30 The ministers met in Oslo.\n")
    result = read_articles([path])
    assert [(a.id, a.date, a.date_evidence, a.text) for a in result.articles] == [
        ("bad", None, None, "The ministers met in Oslo.\n")
    ]
    assert [(p.path, p.line, p.warning, p.reason) for p in result.problems] == [
        (str(path), None, True,
         "date header 'date 2020-02-30' is not a date (YYYY-MM-DD): the article is read without it")
    ]


def test_date_header_with_one_digit_month_and_day_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "loose.txt"
    path.write_text("date 2019-5-3 The ministers met in Oslo.\n")
    result = read_articles([path])
    assert [(a.date, a.date_evidence, a.text) for a in result.articles] == [
        (dt.date(2019, 5, 3), "date 2019-5-3", "The ministers met in Oslo.\n")
    ]
    assert [str(p) for p in result.problems] == [
        f"{path}: date header 'date 2019-5-3' is not ISO (YYYY-MM-DD): read as 2019-05-03"
    ]


def test_offsets_after_cleaning_point_at_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "date 2022-08-01\nprint PRINT\n\nWORLD > Europe\n\n"
        "Talks on fishing quotas resumed in Bergen on Monday.\n\nSubscribe now for full access.\n"
    )
    article = read_articles([path]).articles[0]
    assert [article.text[start:end] for start, end in article.dropped] == [
        "print PRINT",
        "WORLD > Europe",
        "Subscribe now for full access.",
    ]
    cleaned = clean_text(article.text, article.dropped)
    start = article.text.index("Bergen")
    assert cleaned[start : start + len("Bergen")] == "Bergen"
    assert cleaned.strip() == "Talks on fishing quotas resumed in Bergen on Monday."


def test_text_that_is_only_boilerplate_is_a_problem(tmp_path: Path) -> None:
    txt = tmp_path / "buttons.txt"
    txt.write_text("print PRINT\nShare this article\n")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl({"id": "s1", "text": "Sign up for our newsletter"}))
    result = read_articles([txt, feed])
    assert result.articles == []
    assert where(result) == [(str(txt), None), (str(feed), 1)]
    assert {problem.reason for problem in result.problems} == {"no article text (only boilerplate)"}


def test_header_without_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text("date 2020-11-17\n\n")
    result = read_articles([path])
    assert (result.articles, where(result)) == ([], [(str(path), None)])


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    txt = tmp_path / "blank.txt"
    txt.write_text(" \n\n\t\n")
    feed = tmp_path / "blank.jsonl"
    feed.write_text("\n\n")
    result = read_articles([txt, feed])
    assert [str(problem) for problem in result.problems] == [f"{txt}: empty file", f"{feed}: empty file"]


def test_jsonl_line_that_is_not_utf8_is_a_problem_of_that_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"id": "k1", "text": "Caf\xe9 owners protested."}\n{"id": "k2", "text": "The port reopened."}\n'
    )
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["k2"]
    assert where(result) == [(str(path), 1)]


def test_jsonl_fields_of_the_wrong_type_cost_the_field(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        jsonl(
            {"id": 7, "text": "Numeric ids are read as strings."},
            {"id": "t2", "text": 42},
            {"id": "t3", "text": "The date is a number.", "date": 20210305},
            {"id": "t4", "text": "The title is a list.", "title": ["a"]},
            {"id": "", "text": "The id is empty."},
        )
    )
    result = read_articles([path])
    made = content_id(path, "The id is empty.")
    assert [(a.id, a.date, a.title) for a in result.articles] == [("7", None, None), ("t3", None, None),
                                                                 ("t4", None, None), (made, None, None)]
    assert [(p.line, p.warning, p.reason) for p in result.problems] == [
        (2, False, "'text' must be a string, not int"),
        (3, True, "'date' must be an ISO date string, not 20210305: the article is read without it"),
        (4, True, "'title' must be a string, not list: left out"),
        (5, True, f"'id' must be a non-empty string, not '': the article gets the id {made!r}"),
    ]


def test_duplicate_id_across_files_reports_the_later_one(tmp_path: Path) -> None:
    first = tmp_path / "a" / "story.txt"
    second = tmp_path / "b" / "story.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(HARBOR)
    second.write_text(FERRY)
    result = read_articles([tmp_path])
    assert [(a.id, a.path) for a in result.articles] == [("story", str(first))]
    assert [str(problem) for problem in result.problems] == [
        f"{second}: duplicate article id 'story' (first read from {first})"
    ]


def test_explicit_files_missing_paths_and_other_types(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(HARBOR)
    other = tmp_path / "notes.md"
    other.write_text(FERRY)
    missing = tmp_path / "missing.txt"
    result = read_articles([str(missing), other, good])
    assert [a.id for a in result.articles] == ["good"]
    assert [str(problem) for problem in result.problems] == [
        f"{missing}: no such file or folder",
        f"{other}: unsupported file type '.md'; expected one of: .txt, .jsonl",
    ]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(HARBOR)
    result = read_articles([good, tmp_path, str(good)])
    assert ([a.id for a in result.articles], result.problems) == (["good"], [])


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b/z.txt", "a/y.txt", "c.txt", "a/b/x.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Story {path.stem} was filed on Monday.\n")
    result = read_articles([tmp_path])
    assert [a.id for a in result.articles] == ["x", "y", "z", "c"]


def test_windows_line_ends_and_byte_order_mark_are_normalized(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffdate 2020-01-02\r\nThe ferry left.\r\nIt returned.\r\n".encode())
    article = read_articles([path]).articles[0]
    assert (article.date, article.text) == (dt.date(2020, 1, 2), "The ferry left.\nIt returned.\n")


def test_problem_str_with_and_without_line() -> None:
    assert str(Problem("feed.jsonl", 2, "not valid JSON")) == "feed.jsonl:2: not valid JSON"
    assert str(Problem("c.txt", None, "empty file")) == "c.txt: empty file"


@pytest.mark.parametrize("single", ["news", Path("news")])
def test_a_single_path_instead_of_a_list_is_misuse(single: str | Path) -> None:
    with pytest.raises(InputError, match="iterable of paths"):
        read_articles(single)  # type: ignore[arg-type]


def test_something_that_is_not_a_path_is_misuse() -> None:
    with pytest.raises(InputError, match="expected a path"):
        read_articles([42])  # type: ignore[list-item]


# -- the seed articles -----------------------------------------------------------

SEED_BOILERPLATE = [
    "print PRINT",
    "INTERNATIONAL > East Asia & Pacific",
    "By subscribing, you can help us get the story right.",
    "  • Ambassador",
    "  • Ukraine",
    "  • COVID-19",
    "  • Trending Japan",
]
SEED_FIRST_SENTENCES = [
    "A breakthrough in the long-standing territorial dispute",
    "The foreign and defense ministers of Japan and Russia met Thursday",
    "The deputy foreign ministers of Japan and Russia met Friday",
    "The top diplomats of Japan and Russia said Friday",
    "Japan and Russia held a round of vice ministerial-level talks Tuesday",
]
SEED_HEADLINES = [
    "Russia-Japan talks on disputed isles go nowhere, 'significant differences' remain",
    "Japan, Russia make scant progress in latest isles talks",
]


def line_span(text: str, words: str) -> tuple[int, int]:
    """The span of the whole line of ``text`` that holds ``words``."""
    at = text.index(words)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end == -1 else end


@pytest.fixture(scope="module")
def seed_result() -> ReadResult:
    return read_articles([Path(__file__).parents[1] / "seeds"])


def test_seed_folder_reads_five_articles_without_problems(seed_result: ReadResult) -> None:
    assert seed_result.problems == []
    assert len(seed_result.articles) == 5
    dated = [a for a in seed_result.articles if a.date is not None]
    assert [(a.date, a.date_origin) for a in dated] == [(dt.date(2019, 5, 30), DateOrigin.GIVEN)]
    assert dated[0].text.startswith("The foreign and defense ministers")


@pytest.mark.parametrize("line", SEED_BOILERPLATE)
def test_seed_boilerplate_line_is_dropped(seed_result: ReadResult, line: str) -> None:
    holders = [a for a in seed_result.articles if line in a.text]
    assert holders
    for article in holders:
        start, end = line_span(article.text, line)
        assert any(s <= start and end <= e for s, e in article.dropped)


@pytest.mark.parametrize("words", SEED_FIRST_SENTENCES + SEED_HEADLINES)
def test_seed_first_sentence_and_headline_are_kept(seed_result: ReadResult, words: str) -> None:
    holders = [a for a in seed_result.articles if words in a.text]
    assert len(holders) == 1
    article = holders[0]
    start, end = line_span(article.text, words)
    assert all(e <= start or end <= s for s, e in article.dropped)
