"""Boilerplate rules: each with lines it must drop and news lines it must keep."""

from __future__ import annotations

import pytest

from graph.boilerplate import clean_text, find_boilerplate
from graph.errors import InputError


def between_news(line: str) -> str:
    return f"The harbor reopened on Monday after repairs.\n\n{line}\n\nShips returned to port within hours."


def dropped_lines(text: str) -> list[str]:
    return [text[start:end] for start, end in find_boilerplate(text)]


@pytest.mark.parametrize(
    "line",
    [
        # appeals
        "Subscribe now for full access to our coverage of the region.",
        "Sign up for our newsletter",
        "Sign up for the daily newsletter",
        "Support quality journalism and become a member today.",
        "By subscribing, you can help us keep reporters in the field.",
        "Donate now to keep this site free for everyone.",
        "Already a subscriber? Log in here.",
        "Get our newsletter in your inbox every morning.",
        # buttons
        "print PRINT",
        "Share this article",
        "Tweet",
        "Share on Facebook | Email",
        "E-mail  Print  Share",
        # breadcrumbs
        "WORLD > Europe",
        "Business / Markets",
        "News » Asia » Japan",
        "INTERNATIONAL > Middle East & Africa",
        "Sport | Football",
        # see also
        "Read more: Fishing quota talks stall in Oslo",
        "Related: Port strike enters second week",
        "READ MORE",
        "Trending",
        "See also - Harbor workers vote on contract",
        # cookie notices
        "We use cookies to improve your experience on our site.",
        "This website uses cookies. By continuing to browse, you agree to their use.",
        # copyright
        "© 2024 Northwind News Agency",
        "Copyright 2023 Northwind Media. All rights reserved.",
        "All rights reserved.",
        "(c) 2022 Harbor Press",
    ],
)
def test_boilerplate_line_is_dropped(line: str) -> None:
    text = between_news(line)
    assert dropped_lines(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        # near appeals
        "Subscribers to the streaming service rose 8% in the quarter, the company said.",
        "The broadcaster lost 40,000 subscribers after it raised prices in March.",
        "“Sign up for our newsletter,” the mayor joked as the meeting closed.",
        "The charity said donations had doubled since the flood.",
        "Independent journalism is under pressure across the region, a press group warned.",
        # near buttons
        "Twitter shares fell 3% on Tuesday.",
        "Print newspapers lost readers again last year.",
        "Share prices in Tokyo rose for a third day.",
        # near breadcrumbs
        "Prices rose 3% / year in the capital.",
        "Japan > Russia in talks on fishing rights",
        "Ministers agree to resume fishing talks",
        "Exports to Asia and Europe grew",
        # near see-also lines
        "Related talks will follow in the spring.",
        "Read more about the plan in the full report, officials urged.",
        "Trending topics included the election and the storm.",
        # near cookie notices
        "The bakery sold 2,000 cookies at the fair on Saturday.",
        "The cookie maker will accept the takeover offer, the board said.",
        # near copyright
        "Copyright law was changed in 2019 after a long debate.",
        "The court ruled that the photographer holds copyright over the image.",
        # a credit is part of the story
        "Information from Reuters added",
        "Additional reporting by Ana Ruiz",
    ],
)
def test_news_line_is_kept(line: str) -> None:
    text = between_news(line)
    assert dropped_lines(text) == []


def test_headline_at_the_top_is_kept() -> None:
    text = "Ministers agree to resume fishing talks\n\nThe ministers of both countries met on Monday in Oslo."
    assert find_boilerplate(text) == ()


def test_journalism_line_in_the_paragraph_of_an_appeal_is_dropped() -> None:
    text = (
        "The talks ended without a deal on Friday.\n\n"
        "Trustworthy journalism matters more than ever.\n"
        "By subscribing, you can help us report the story."
    )
    assert dropped_lines(text) == [
        "Trustworthy journalism matters more than ever.",
        "By subscribing, you can help us report the story.",
    ]


def test_journalism_line_in_another_paragraph_than_the_appeal_is_kept() -> None:
    text = (
        "Local journalism has lost half its reporters in a decade.\n\n"
        "By subscribing, you can help us report the story."
    )
    assert dropped_lines(text) == ["By subscribing, you can help us report the story."]


def test_trailing_run_of_short_bullets_is_dropped() -> None:
    text = (
        "The ministers met on Monday.\n\n"
        "They agreed to meet again in June.\n\n\n"
        "  • Harbor\n"
        "  • Elections\n"
        "  • COVID-19\n"
        "  • Trending Europe"
    )
    assert dropped_lines(text) == ["  • Harbor", "  • Elections", "  • COVID-19", "  • Trending Europe"]


def test_trailing_bullets_after_a_heading_and_before_a_copyright_line_are_dropped() -> None:
    text = "The ministers met on Monday.\n\nMost read:\n- Harbor strike\n- Port fees\n\n© 2024 Harbor Press"
    assert dropped_lines(text) == ["Most read:", "- Harbor strike", "- Port fees", "© 2024 Harbor Press"]


@pytest.mark.parametrize(
    "text",
    [
        # a list in the middle of the story
        "The plan covers:\n\n• Ports\n• Fuel\n\nThe ministers will meet again in June.",
        # a list at the end introduced by the story
        "The plan has three parts:\n- New ports\n- Cheaper fuel\n- More ferries",
        # a single bullet
        "The ministers met on Monday.\n\n• Harbor",
        # bullets that are sentences
        "The ministers met on Monday.\n\n• The talks lasted six hours.\n• A deal is expected in June.",
        # bullets in lower case are items of the story
        "The ministers met on Monday and discussed\n• fishing quotas\n• ferry routes",
    ],
)
def test_bullets_that_are_part_of_the_story_are_kept(text: str) -> None:
    assert find_boilerplate(text) == ()


def test_ranges_are_sorted_lines_without_newlines() -> None:
    text = "print PRINT\nWORLD > Europe\nThe ministers met on Monday.\nShare this article"
    assert find_boilerplate(text) == ((0, 11), (12, 26), (56, 74))


def test_clean_text_keeps_length_newlines_and_offsets() -> None:
    text = "print PRINT\n\nWORLD > Europe\n\nThe ministers met in Oslo.\n\nShare this article\n"
    dropped = find_boilerplate(text)
    cleaned = clean_text(text, dropped)
    assert len(cleaned) == len(text)
    assert cleaned == " " * 11 + "\n\n" + " " * 14 + "\n\nThe ministers met in Oslo.\n\n" + " " * 18 + "\n"
    start = text.index("Oslo")
    assert cleaned[start : start + 4] == "Oslo"
    assert cleaned.strip() == "The ministers met in Oslo."


def test_clean_text_blanks_a_range_spanning_lines() -> None:
    assert clean_text("ab\ncd\nef", [(1, 5)]) == "a \n  \nef"


def test_clean_text_without_ranges_is_the_text() -> None:
    assert clean_text("The ministers met.", ()) == "The ministers met."


@pytest.mark.parametrize("bad_range", [(-1, 3), (3, 2), (0, 99)])
def test_clean_text_rejects_a_range_outside_the_text(bad_range: tuple[int, int]) -> None:
    with pytest.raises(InputError, match="does not fit"):
        clean_text("The ministers met.", [bad_range])
