"""Shared fixtures. Fixture modules of their own are listed in pytest_plugins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["tests.oxigraph_server"]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model, loaded once for the whole run."""
    from graph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp):
    """A Pipeline that reuses the session's model."""
    from graph.pipeline import Pipeline

    p = Pipeline()
    p._nlp = nlp
    return p


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, pipeline) -> Path:
    """The five seed articles built once (as given: only 001 states its date); returns the output folder."""
    out = tmp_path_factory.mktemp("seeds") / "out"
    pipeline.build([SEEDS], out)
    return out


@pytest.fixture
def seeds_copy(tmp_path, seeds_build) -> Path:
    """A private copy of the seed build, for tests that change the store."""
    out = tmp_path / "out"
    shutil.copytree(seeds_build, out)
    return out


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    """The number of inputs the hypothesis tests generated in this run (tests/test_generated.py)."""
    import sys

    module = next((m for name, m in sys.modules.items() if name.rsplit(".", 1)[-1] == "test_generated"), None)
    generated = getattr(module, "GENERATED", None)
    if generated:
        parts = ", ".join(f"{name} {n:,}" for name, n in sorted(generated.items()))
        terminalreporter.write_line(f"generated inputs: {sum(generated.values()):,} ({parts})")
