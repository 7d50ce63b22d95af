"""The docstring examples of the temporal layer run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "graph.timex.article_date",
    "graph.timex.fixed",
    "graph.timex.normalize",
    "graph.timex.output",
    "graph.timex.parse",
    "graph.timex.patterns",
    "graph.timex.ranges",
    "graph.timex.segment",
    "graph.timex.spans",
]


@pytest.mark.parametrize("name", MODULES)
def test_timex_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
