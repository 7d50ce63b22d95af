"""`stated_date`: an article's date from its url, its header against its text, or its text."""

from __future__ import annotations

import datetime as dt

from graph.records import Article, DateOrigin
from graph.resolve import stated_date


def test_metadata_date_is_kept_whatever_the_text_says():
    article = Article("a1", "June 5, 2021\nThe council met.", dt.date(2021, 6, 4), DateOrigin.GIVEN, "2021-06-04")
    assert stated_date(article) is article


def test_url_date_is_given():
    article = Article("a1", "The council met.", url="https://example.org/2021/06/04/council")
    found = stated_date(article)
    assert (found.date, found.date_origin, found.date_evidence) == (
        dt.date(2021, 6, 4),
        DateOrigin.GIVEN,
        "from the url: '/2021/06/04'",
    )


def test_header_that_the_text_contradicts_says_so():
    article = Article(
        "a1", "04 June 2021\nThe council met.", dt.date(2021, 3, 6), DateOrigin.GIVEN, "date 2021-03-06", path="a1.txt"
    )
    found = stated_date(article)
    assert (found.date, found.date_origin) == (dt.date(2021, 3, 6), DateOrigin.GIVEN)
    assert "the text states '04 June 2021'" in found.date_evidence


def test_timestamp_is_more_precise_than_a_header():
    article = Article(
        "a1",
        "2021-06-04 23:01\nThe council met.",
        dt.date(2021, 3, 6),
        DateOrigin.GIVEN,
        "date 2021-03-06",
        path="a1.txt",
    )
    found = stated_date(article)
    assert (found.date, found.date_origin) == (dt.date(2021, 6, 4), DateOrigin.STATED)
    assert "over the header 'date 2021-03-06'" in found.date_evidence


def test_text_statement_dates_an_undated_article():
    found = stated_date(Article("a1", "Published: 2021-06-04 14:03\nThe council met."))
    assert (found.date, found.date_origin) == (dt.date(2021, 6, 4), DateOrigin.STATED)
    assert found.date_evidence == "stated in the text: 'Published: 2021-06-04 14:03'"
