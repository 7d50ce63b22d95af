"""Who says "I" in a quotation (graph.extract.quotes), on texts written for the test."""

from __future__ import annotations

import pytest

from graph.extract import extract_article
from graph.extract.quotes import quotation_spans
from graph.records import Article
from graph.rules import Settings

SPEECH = """Mira Osk said: "It is a matter of regret to me. I have tried three times.

"I have worked to make the country fair.

Mira Osk at the lectern outside Lenn Hall. Picture: Tarvia Press

"So I am today announcing that I will resign as leader of the Unity Party on Friday."
"""


def kinds_and_speakers(nlp, text: str, *without: str) -> list[tuple[str, tuple[str, ...]]]:
    article = Article("q1", text)
    ex = extract_article(nlp(text), article, "m", Settings(without_rules=frozenset(without)))
    return [(e.kind, tuple(r.text for r in e.participants)) for e in ex.events]


def test_paragraphs_that_open_with_a_quote_mark_go_on_with_the_quotation():
    spans = quotation_spans(SPEECH)
    assert [SPEECH[s:e][:12] for s, e, _ in spans] == ["It is a matt", "I have worke", "So I am toda"]
    assert [opens for _, _, opens in spans] == [False, True, True]


@pytest.mark.rule("quotes.first_person")
def test_i_in_a_quotation_is_its_speaker_across_paragraphs_and_a_caption(nlp):
    found = kinds_and_speakers(nlp, SPEECH)
    assert ("announcement", ("Mira Osk",)) in found
    assert ("resignation", ("Mira Osk", "Unity Party")) in found
    off = kinds_and_speakers(nlp, SPEECH, "quotes.first_person")
    assert [k for k, _ in off if k in {"announcement", "resignation"}] == []


@pytest.mark.rule("quotes.first_person")
def test_a_quotation_after_a_long_paragraph_of_other_words_has_no_speaker(nlp):
    text = SPEECH.replace(
        "Mira Osk at the lectern outside Lenn Hall. Picture: Tarvia Press",
        "The party has led the country for eleven years, through two recessions, a flood and a long "
        "dispute over fishing rights with its northern neighbour, and polls now put it third.",
    )
    assert [k for k, _ in kinds_and_speakers(nlp, text) if k in {"announcement", "resignation"}] == []
