"""`read_times`: every time expression of a parsed text, grounded as the builder grounds it.

Texts are written for the tests. The anchor is a Wednesday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.timexpr import DateIndex, clause_time, read_times, tense_at, tense_of
from graph.records import Tense

WED = dt.date(2021, 10, 13)  # Wednesday


def rows(nlp, text: str, anchor: dt.date = WED) -> list[tuple[str, str | None]]:
    return [(r.expression.text, r.value.value) for r in read_times(nlp(text), anchor)]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("year-alone", "The bridge was built in 1995.", [("1995", "1995")]),
        ("year-as-modifier", "A 1996 law tightened the rules.", [("1996", "1996")]),
        ("weekday-with-part-of-day", "Fishermen protested on Sunday night.", [("Sunday night", "2021-10-10")]),
        ("deictic-time-entity", "The strike began this morning.", [("this morning", "2021-10-13")]),
        (
            "weekday-and-date-in-parentheses-are-one",
            "The ferry sank on Tuesday (October 12).",
            [("Tuesday (October 12)", "2021-10-12")],
        ),
        ("tagger-span-cut-to-its-date", "Profit rose in the quarter ended Sept. 30.", [("Sept. 30", "2021-09-30")]),
        ("untagged-weekday", "Late Monday, officials said the ferry had sailed.", [("Late Monday", "2021-10-11")]),
        ("untagged-today", "They planned to apply for visas today at the embassy.", [("today", "2021-10-13")]),
        ("determiner-before-period-noun", "This year's results included a gain.", [("This year", "2021")]),
        ("since-counts-from-the-past", "The index is up since November.", [("November", "2020-11")]),
    ],
)
def test_read_times_finds_and_grounds(nlp, name, text, expected):
    assert rows(nlp, text) == expected


def test_offsets_point_into_the_text(nlp):
    text = "Talks resumed on Monday. They end in 2022."
    for expr in (r.expression for r in read_times(nlp(text), WED)):
        assert text[expr.start : expr.end] == expr.text


def test_span_of_time_has_its_interval_and_its_ends(nlp):
    (reading,) = read_times(nlp("The talks ran from Oct. 4 to Oct. 8."), WED)
    assert (reading.value.start, reading.value.end) == ("2021-10-04", "2021-10-08")
    assert [(e.text, v.value) for e, v in reading.ends] == [("Oct. 4", "2021-10-04"), ("Oct. 8", "2021-10-08")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A board meeting meant for last Wednesday was called off after his Tuesday talks with the mayor.",
            [("last Wednesday", "2021-10-06"), ("Tuesday", None)],
        ),
        (
            "Last Wednesday's vote was followed by Friday's strike.",
            [("Last Wednesday's", "2021-10-06"), ("Friday", "2021-10-08")],
        ),
    ],
)
def test_weekday_that_may_be_in_the_week_of_a_last_weekday_is_left_open(nlp, text, expected):
    assert rows(nlp, text) == expected
    index = DateIndex(nlp(text))
    assert [s.text for s in index.ambiguous] == [w for w, v in expected if v is None]


def test_dateline_is_read_but_not_an_event_time(nlp):
    doc = nlp("OSLO, October 13 (NTB) - Ferry workers went on strike.")
    index = DateIndex(doc)
    assert [s.text for s in index.datelines] == ["October 13"]
    assert index.spans == []
    assert [(r.expression.text, r.value.value) for r in read_times(doc, WED)] == [("October 13", "2021-10-13")]


@pytest.mark.parametrize(
    ("text", "verb", "tense"),
    [
        ("The ministers met on Friday.", "met", Tense.PAST),
        ("The ministers will meet on Friday.", "meet", Tense.FUTURE),
        ("The ministers would meet on Friday, she said.", "meet", Tense.FUTURE),
        ("The ministers would have met on Friday.", "met", Tense.PAST),
        ("The boy must be returned by Friday.", "returned", Tense.FUTURE),
        ("The team planned to leave on Thursday.", "leave", Tense.FUTURE),
        ("The team had planned to leave on Thursday.", "leave", Tense.PAST),
        ("The talks, which are to resume on Monday, stalled.", "resume", Tense.FUTURE),
        ("The group is ready to sail on Tuesday.", "sail", Tense.FUTURE),
        ("Police have been searching since Friday.", "searching", Tense.PAST),
        ("The vote, which is expected in December, was delayed.", "expected", Tense.PRESENT),
        ("The accord signed on Friday ends the dispute.", "signed", Tense.PAST),
        ("The ministers meet on Friday.", "meet", Tense.PRESENT),
        ("The vote is scheduled for Friday.", "scheduled", Tense.FUTURE),
        ("The ministers scheduled talks for Friday.", "scheduled", Tense.FUTURE),
        ("A summit set for April will decide.", "set", Tense.FUTURE),
        ("Terms announced Friday give holders cash.", "announced", Tense.PAST),
        ("Rules to be published in May will apply.", "published", Tense.FUTURE),
        ("Members can take part on Friday.", "take", Tense.PRESENT),
    ],
)
def test_tense_of_the_verb_group(nlp, text, verb, tense):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert tense_of(token) is tense


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Officials said the ferry would sail on Friday.", Tense.FUTURE),
        ("The two leaders meet on Monday.", Tense.FUTURE),
        ("Officials postponed the vote until Tuesday.", Tense.FUTURE),
        ("The ferry could sail as soon as Tuesday.", Tense.FUTURE),
        ("They will appeal Wednesday's ruling.", Tense.PRESENT),
        ("Officials did not plan to move the boy on Thursday morning.", Tense.FUTURE),
        ("Higher costs hurt profits on Friday, the company said.", Tense.PRESENT),
        ("The ministers met on Friday.", Tense.PAST),
    ],
)
def test_tense_at_is_the_tense_of_the_expressions_clause(nlp, text, tense):
    (span,) = DateIndex(nlp(text)).spans
    assert tense_at(span) is tense


def test_weekday_takes_the_part_of_day_after_it(nlp):
    assert rows(nlp, "Officials did not plan to move the boy on Thursday morning.") == [
        ("Thursday morning", "2021-10-14")
    ]


@pytest.mark.parametrize(
    ("text", "verb", "tense"),
    [
        ("The ministers could meet as soon as Tuesday.", "meet", Tense.FUTURE),
        ("The ministers met on Tuesday.", "met", Tense.PAST),
    ],
)
def test_clause_time_takes_the_tense_the_words_impose(nlp, text, verb, tense):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert clause_time(token, DateIndex(doc), Tense.PAST).tense is tense
