"""The examples in the package's docstrings run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(m.name for m in pkgutil.walk_packages(graph.__path__, "graph.") if m.name != "graph.cli")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
