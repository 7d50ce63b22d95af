"""The publication date an article states at its top, and the words that state it."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.timex import article_date, date_from_text, date_from_url

FOUND = [
    (
        "labelled-iso-timestamp",
        "Published: 2021-04-07 14:03\nHarbour pilots walked out on Tuesday.",
        dt.date(2021, 4, 7),
        "Published: 2021-04-07 14:03",
    ),
    (
        "updated-label-alone",
        "Updated May 7, 2021\nThe ferry company said Thursday it would cut routes.",
        dt.date(2021, 5, 7),
        "Updated May 7, 2021",
    ),
    (
        "leading-date-line",
        "June 4, 2021\nFishermen protested Friday outside the ministry.",
        dt.date(2021, 6, 4),
        "June 4, 2021",
    ),
    (
        "date-line-with-weekday-and-time",
        "Friday, June 4, 2021, 10:05 a.m. EDT\nFishermen protested Friday.",
        dt.date(2021, 6, 4),
        "Friday, June 4, 2021, 10:05 a.m. EDT",
    ),
    (
        "dateline-with-year-and-agency",
        "OSLO, March 3, 2021 (NTB) - Fishermen protested on Wednesday.",
        dt.date(2021, 3, 3),
        "OSLO, March 3, 2021 (NTB)",
    ),
    (
        "dateline-without-year-completed-by-nearby-full-date",
        "OSLO, September 21. /NTB/. The talks, which opened on September 20, 2022, ended.",
        dt.date(2022, 9, 21),
        "OSLO, September 21. /NTB/ (year from 'September 20, 2022')",
    ),
    (
        "dateline-year-completed-across-new-year",
        "BERGEN, January 2 (NTB) - The strike that began on December 30, 2021, went on.",
        dt.date(2022, 1, 2),
        "BERGEN, January 2 (NTB) (year from 'December 30, 2021')",
    ),
    (
        "iso-timestamp-under-headline",
        "Storm floods the old port\n2022-01-05T09:30:00Z\nWaves broke over the sea wall.",
        dt.date(2022, 1, 5),
        "2022-01-05T09:30:00Z",
    ),
    (
        "published-wins-over-updated",
        "Published 7 May 2022 | Updated 8 May 2022\nThe council met.",
        dt.date(2022, 5, 7),
        "Published 7 May 2022",
    ),
    (
        "mail-style-timestamp",
        "Sat, 7 May 2022 14:03:00 GMT\nThe council met.",
        dt.date(2022, 5, 7),
        "Sat, 7 May 2022 14:03:00 GMT",
    ),
    (
        "byline-then-date",
        "By Jane Roe | April 4, 2022\nThe council met on Monday.",
        dt.date(2022, 4, 4),
        "April 4, 2022",
    ),
    (
        "date-time-then-credit",
        "Storm floods the port\n\nJune 4, 2021 - 10:24 By NTB\n\nWaves broke over the wall.",
        dt.date(2021, 6, 4),
        "June 4, 2021 - 10:24",
    ),
    (
        "date-and-time-parts-split-by-slashes",
        "June 4, 2021 / 10:12 AM / Updated 2 hours ago\nThe council met.",
        dt.date(2021, 6, 4),
        "June 4, 2021",
    ),
    (
        "labelled-with-weekday-and-time",
        "Published: Friday, June 4, 2021 at 3:30 a.m.\nLast Modified: Thursday, June 3, 2021\nThe council met.",
        dt.date(2021, 6, 4),
        "Published: Friday, June 4, 2021 at 3:30 a.m.",
    ),
    (
        "time-zone-and-numeric-day-first",
        "07.06.2021 14:03 CEST\nThe council met.",
        dt.date(2021, 6, 7),
        "07.06.2021 14:03 CEST",
    ),
    (
        "numeric-slashes-that-read-one-way",
        "25/05/2021 09:30\nThe council met.",
        dt.date(2021, 5, 25),
        "25/05/2021 09:30",
    ),
    (
        "date-line-below-a-photo-caption",
        "Storm floods the port\n\n"
        + "A wave breaks over the old sea wall in the harbour. " * 12
        + "\n\nJune 4, 2021\n\nText.",
        dt.date(2021, 6, 4),
        "June 4, 2021",
    ),
    (
        "agency-dateline-with-two-places-and-colon",
        "Bergen/Oslo, Mar 3, 2021 : Ferry workers struck on Wednesday.",
        dt.date(2021, 3, 3),
        "Bergen/Oslo, Mar 3, 2021",
    ),
    (
        "date-header",
        "date 2020-11-12 The council met on Thursday.",
        dt.date(2020, 11, 12),
        "date 2020-11-12",
    ),
]

NOT_FOUND = [
    ("body-month-is-not-publication-date", "The harbour was closed in December 2016 after a storm."),
    ("body-full-date-is-not-publication-date", "The report, published on June 3, 2016, said the port shut."),
    ("headline-with-date-is-not-a-dateline", "Talks set for June 3, 2021, officials say\nMore text follows."),
    ("dateline-without-year-and-no-evidence", "OSLO, September 21. /NTB/. The talks ended without a deal."),
    (
        "dateline-without-year-and-conflicting-evidence",
        "OSLO, September 21. /NTB/. Talks on September 20, 2022 and on September 25, 2021 were held.",
    ),
    (
        "dateline-without-year-and-only-a-month",
        "OSLO, September 21. /NTB/. The port closed in September 2022.",
    ),
    ("date-below-the-head-is-ignored", "x" * 1600 + "\nPublished: 2021-04-07"),
    ("numeric-date-that-reads-both-ways", "05/07/2021\nThe council met."),
    ("sentence-starting-with-a-date-and-time", "June 4, 2021 at 10 am the council met in the old town hall to vote."),
    ("disagreeing-header-dates", "June 4, 2021\nPublished: 2021-06-05\nThe council met."),
    ("sentence-that-starts-like-a-place", "In Oslo, March 3, 2021 was a cold day."),
    ("no-date-at-all", "The council met on Monday to discuss the budget."),
    ("empty-text", ""),
]


@pytest.mark.parametrize(("text", "day", "evidence"), [pytest.param(*c[1:], id=c[0]) for c in FOUND])
def test_date_from_text_finds_stated_date(text, day, evidence):
    assert date_from_text(text) == (day, evidence)


@pytest.mark.parametrize("text", [pytest.param(c[1], id=c[0]) for c in NOT_FOUND])
def test_date_from_text_is_none_when_unsure(text):
    assert date_from_text(text) is None


def test_date_from_text_evidence_is_in_the_text():
    text = "HAMAR, June 9, 2020 (NTB) - Farmers blocked the road."
    day, evidence = date_from_text(text)
    assert day == dt.date(2020, 6, 9)
    assert evidence in text


@pytest.mark.parametrize(
    ("url", "day", "words"),
    [
        ("https://news.example.org/world/2021/05/07/ferry-strike/", dt.date(2021, 5, 7), "/2021/05/07"),
        ("https://news.example.org/2021/5/7/ferry-strike", dt.date(2021, 5, 7), "/2021/5/7"),
        ("http://example.org/news/2021/May/07/ferry", dt.date(2021, 5, 7), "/2021/May/07"),
        ("http://example.org/news/2021/sept/07/ferry", dt.date(2021, 9, 7), "/2021/sept/07"),
        ("http://example.org/Business/2021/0507/Ferry-strike", dt.date(2021, 5, 7), "/2021/0507"),
        ("http://example.org/article/20210507/NEWS/1234567", dt.date(2021, 5, 7), "20210507"),
        ("https://example.org/ferry-strike-20210507-story.html", dt.date(2021, 5, 7), "20210507"),
        ("https://example.org/view.php?ud=20210507000259", dt.date(2021, 5, 7), "20210507000259"),
    ],
)
def test_date_from_url(url, day, words):
    assert date_from_url(url) == (day, words)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/article/us-ferry-strike-idUSKBN1JZ112",
        "https://example.org/news/1466149/ferry-strike",
        "https://example.org/2021/05/ferry-strike",
        "https://example.org/2021/05/07/a/2021/05/08/b",
        "https://example.org/2021/02/30/ferry",
        "https://example.org/17/05/07/ferry",
    ],
)
def test_date_from_url_is_none_when_unsure(url):
    assert date_from_url(url) is None


HEADER = (dt.date(2021, 3, 6), "date 2021-03-06")


@pytest.mark.parametrize(
    ("text", "url", "header", "expected"),
    [
        (
            "The council met.",
            "https://example.org/2021/06/04/council",
            None,
            (dt.date(2021, 6, 4), "url", "from the url: '/2021/06/04'"),
        ),
        (
            "June 5, 2021\nThe council met.",
            "https://example.org/2021/06/04/council",
            None,
            (
                dt.date(2021, 6, 4),
                "url",
                "from the url: '/2021/06/04'; the text states 'June 5, 2021' (2021-06-05): the url is kept",
            ),
        ),
        ("The council met.", None, HEADER, (dt.date(2021, 3, 6), "header", "date 2021-03-06")),
        ("March 6, 2021\nThe council met.", None, HEADER, (dt.date(2021, 3, 6), "header", "date 2021-03-06")),
        (
            "04 June 2021\nThe council met.",
            None,
            HEADER,
            (
                dt.date(2021, 3, 6),
                "header",
                "date 2021-03-06; the text states '04 June 2021' (2021-06-04): the header is kept",
            ),
        ),
        (
            "2021-06-04 23:01\nThe council met.",
            None,
            HEADER,
            (
                dt.date(2021, 6, 4),
                "text",
                "stated in the text: '2021-06-04 23:01', with its time, over the header 'date 2021-03-06' (2021-03-06)",
            ),
        ),
        (
            "OSLO, June 4 (NTB) - The council met.",
            "https://example.org/2021/06/council",
            None,
            (
                dt.date(2021, 6, 4),
                "text",
                'stated in the text: "OSLO, June 4 (NTB) (year from the url\'s /2021/06/)"',
            ),
        ),
        ("The council met.", None, None, None),
    ],
)
def test_article_date_in_order_of_trust(text, url, header, expected):
    found = article_date(text, url, header)
    assert (found if found is None else tuple(found)) == expected
