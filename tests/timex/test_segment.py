"""Cutting a tagger's date span to the time expressions it holds, and spans written as two ends."""

from __future__ import annotations

import pytest

from graph.timex.ranges import range_parts
from graph.timex.segment import segments


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Friday", ["Friday"]),
        ("the quarter ended Sept. 30", ["Sept. 30"]),
        ("the year ending tomorrow", ["tomorrow"]),
        ("the first nine months of 2016", ["2016"]),
        ("an Aug. 10, 2016", ["Aug. 10, 2016"]),
        ("just last month", ["last month"]),
        ("Sometime next year", ["next year"]),
        ("both 2016", ["2016"]),
        ("2014 and 2016", ["2014", "2016"]),
        ("Friday to December's", ["Friday", "December's"]),
        ("between 2014 and 2016", ["between 2014 and 2016"]),
        ("a coup last year", ["last year"]),
        ("more than four years ago", ["more than four years ago"]),
        ("in recent months", ["in recent months"]),
        # a weekday with its date is one expression, whatever year the weekday fits
        ("Friday 7th June", ["Friday 7th June"]),
        ("Tuesday, March 24", ["Tuesday, March 24"]),
    ],
)
def test_segments(words, expected):
    assert [words[a:b] for a, b in segments(words)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("May 3-4", [(0, 5, "May 3"), (6, 7, "May 4")]),
        ("3-4 May", [(0, 1, "3 May"), (2, 7, "4 May")]),
        ("from Aug. 2 to Sept. 20", [(5, 11, "Aug. 2"), (15, 23, "Sept. 20")]),
        ("between Monday and Wednesday", [(8, 14, "Monday"), (19, 28, "Wednesday")]),
        ("2014\u20132016", [(0, 4, "2014"), (5, 9, "2016")]),
    ],
)
def test_range_parts(words, expected):
    assert [tuple(p) for p in range_parts(words)] == expected


@pytest.mark.parametrize("words", ["Friday", "between Monday", "the 2019 to", "a 3-2 win on Sunday"])
def test_not_a_range(words):
    assert range_parts(words) is None
