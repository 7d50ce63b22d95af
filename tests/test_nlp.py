"""What graph.nlp adds to the spaCy model: sentences that end at line breaks, bars and datelines,
and tokens that keep a year apart from the word glued to it. Run on the real model."""

from __future__ import annotations

import pytest

from graph.nlp import dateline_end, hard_wrapped, load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_headline_and_a_caption_without_full_stops_are_sentences_of_their_own(nlp) -> None:
    text = (
        "Tarvian leaders agree to reopen border\n\n"
        "Mira Osk and Juno Wel at the Lakeside Hall in Veldmar\n\n"
        "Mira Osk and Juno Wel agreed on Sunday to reopen the border."
    )
    assert sentences(nlp, text) == [
        "Tarvian leaders agree to reopen border",
        "Mira Osk and Juno Wel at the Lakeside Hall in Veldmar",
        "Mira Osk and Juno Wel agreed on Sunday to reopen the border.",
    ]


def test_a_single_line_break_ends_a_sentence_unless_the_text_is_hard_wrapped(nlp) -> None:
    lines = "Ferry strike ends\nThe ferry workers returned to work on Monday."
    assert sentences(nlp, lines) == ["Ferry strike ends", "The ferry workers returned to work on Monday."]
    wrapped = (
        "The ferry workers of the northern port returned to\n"
        "work on Monday after the union and the operator\n"
        "signed a wage deal.\n\n"
        "Talks had lasted a week."
    )
    assert hard_wrapped(wrapped)
    assert sentences(nlp, wrapped) == [
        "The ferry workers of the northern port returned to\n"
        "work on Monday after the union and the operator\n"
        "signed a wage deal.",
        "Talks had lasted a week.",
    ]


def test_a_bar_separates_credits_from_a_caption(nlp) -> None:
    text = "Ole Brandt, AFP | Mira Osk and Juno Wel during talks in Veldmar"
    assert sentences(nlp, text) == ["Ole Brandt, AFP |", "Mira Osk and Juno Wel during talks in Veldmar"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("VELDMAR (Wire) - The two ministers signed the treaty.", "VELDMAR (Wire) -"),
        ("NEW OSK: Mira Osk won the vote.", "NEW OSK:"),
        ("Veldmar/Osk, Mar 3 : Tarvia closed the border on Tuesday.", "Veldmar/Osk, Mar 3 :"),
        ("Veldmar \u2013 Juno Wel has resigned as mayor.", "Veldmar \u2013"),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(nlp, text: str, dateline: str) -> None:
    found = sentences(nlp, text)
    assert found == [dateline, text[len(dateline) :].strip()]


@pytest.mark.parametrize(
    "text",
    [
        "Mira Osk - the mayor - said no.",  # a dash inside a sentence
        "Osk vs. Wel: the final is set.",  # a headline's colon, after words that are no dateline
    ],
)
def test_no_dateline_without_names_then_a_capitalised_sentence(nlp, text: str) -> None:
    assert dateline_end(nlp(text), 0) is None


def test_a_year_run_into_the_next_word_stays_a_year(nlp) -> None:
    doc = nlp("The talks in Veldmar on Mar 3, 2021.PHOTO: WIRE")
    assert [t.text for t in doc][-5:] == ["2021", ".", "PHOTO", ":", "WIRE"]
    assert [t.text for t in nlp("It grew 3.5 percent.")][:3] == ["It", "grew", "3.5"]
