"""The walkthrough notebook runs top to bottom (through nbclient, in the venv's python3 kernel)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
WALKTHROUGH = NOTEBOOKS / "walkthrough.ipynb"


def _output_text(nb) -> str:  # nb: an nbformat NotebookNode
    parts: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                parts.append(output.get("text", ""))
            for mime in ("text/plain", "text/html"):
                value = output.get("data", {}).get(mime)
                if value:
                    parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client/jupyter_core deprecations, if any
def test_walkthrough_runs_and_shows_the_kono_lavrov_meeting():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")

    nb = nbformat.read(WALKTHROUGH, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        "commit the notebook with its outputs cleared"
    )
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = _output_text(nb)
    assert "Sergey Lavrov met Taro Kono on 2019-05-31 in Tokyo" in text
    assert "2019-05-31" in text and "Tokyo" in text
    # the meetings as a DataFrame: dates as dates, grouped by month, shown as a table
    assert re.search(r"^date +datetime64\[us\]$", text, re.MULTILINE)
    assert re.search(r"^2019-05 +\d+$", text, re.MULTILINE)
    assert "<table" in text and "<td>2019-05-31</td>" in text
    assert "Warning" not in "".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"
    )
    assert not any(NOTEBOOKS.glob("*.html")), "the notebook must not write next to itself"
