"""Shared fixtures. Fixture modules of their own are listed in pytest_plugins."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["tests.oxigraph_server"]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
#: The shared evaluation data beside the project (``../shared/eval``): 28 dev articles and their gold facts.
DEV = ROOT.parent / "shared" / "eval" / "dev"


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


def dated_dev_articles(path: Path) -> Path:
    """The dev texts as JSON lines with the gold publication dates (as ../shared/eval/dated_jsonl.py writes)."""
    if not (DEV / "gold.json").is_file() or not any((DEV / "texts").glob("*.txt")):
        pytest.skip(f"the dev set is not at {DEV} (../shared/eval/dev beside the project)")
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    dates = {a["id"]: a.get("doc_date") for a in (gold["articles"] if isinstance(gold, dict) else gold)}
    lines = []
    for text_path in sorted((DEV / "texts").glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text_path.read_text(encoding="utf-8"))
        record = {"id": text_path.stem, "text": text}
        if dates.get(text_path.stem):
            record["date"] = dates[text_path.stem]
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory, pipeline) -> Path:
    """The 28 dev articles, dated by their gold publication dates, built once; returns the output folder."""
    work = tmp_path_factory.mktemp("dev")
    pipeline.build([dated_dev_articles(work / "articles.jsonl")], work / "out")
    return work / "out"


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    """The number of inputs the hypothesis tests generated in this run (tests/test_generated.py)."""
    import sys

    module = next((m for name, m in sys.modules.items() if name.rsplit(".", 1)[-1] == "test_generated"), None)
    generated = getattr(module, "GENERATED", None)
    if generated:
        parts = ", ".join(f"{name} {n:,}" for name, n in sorted(generated.items()))
        terminalreporter.write_line(f"generated inputs: {sum(generated.values()):,} ({parts})")
