"""The temporal layer: time expressions grounded against the article's date.

Pure functions, no spaCy: :func:`ground` and :func:`absolute` normalize the
words of a time expression (:mod:`graph.timex.normalize`);
:func:`article_date` finds an article's date in its url, its header or its
text, :func:`date_from_text` the one its dateline or timestamp states
(:mod:`graph.timex.article_date`).

>>> import datetime as dt
>>> from graph.records import Tense
>>> ground("next Friday", Tense.FUTURE, dt.date(2021, 3, 10)).value, absolute("May 31, 2021").value
('2021-03-12', '2021-05-31')
"""

from __future__ import annotations

from graph.timex.article_date import article_date, date_from_text, date_from_url
from graph.timex.normalize import absolute, ground

__all__ = ["absolute", "article_date", "date_from_text", "date_from_url", "ground"]
