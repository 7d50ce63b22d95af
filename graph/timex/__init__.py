"""The temporal layer: time expressions grounded against the article's date.

Pure functions, no spaCy: :func:`ground` and :func:`absolute` normalize the
words of a time expression (:mod:`graph.timex.normalize`);
:func:`date_from_text` finds the publication date an article states in its
dateline or timestamp (:mod:`graph.timex.article_date`).
"""

from __future__ import annotations

from graph.timex.article_date import date_from_text
from graph.timex.normalize import absolute, ground

__all__ = ["absolute", "date_from_text", "ground"]
