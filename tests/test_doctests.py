"""The examples in the package's docstrings run, and every module has some."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(m.name for m in pkgutil.walk_packages(graph.__path__, "graph."))

@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no docstring example"
