"""The HTML exporter: one self-contained interactive page that works offline.

The view itself lives in graph.view (reading, choosing, drawing, the page);
this module is its entry point for the exporters and for callers with an
rdflib Dataset.

>>> import tempfile
>>> from pathlib import Path
>>> page = Path(tempfile.mkdtemp()) / "graph.html"
>>> write_html(Dataset(), page)
ViewStats(nodes=0, edges=0, events=0)
>>> "<script src=" in page.read_text(encoding="utf-8")
False
"""

from __future__ import annotations

from collections.abc import Collection
from os import PathLike

from rdflib import Dataset

from graph.view import ViewStats, write_view
from graph.view.draw import fold_event
from graph.view.read import read_view

__all__ = ["ViewStats", "fold_event", "read_view", "write_html"]


def write_html(
    dataset: Dataset,
    path: str | PathLike[str],
    *,
    around: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Collection[str] | None = None,
    title: str = "News knowledge graph",
) -> ViewStats:
    """Write the graph as one self-contained interactive HTML page to ``path``, and nothing else.

    ``around`` keeps only the entity of that name (main name or alias, any case) and the
    entities within ``hops`` hops of it; ``date_from`` and ``date_to`` (YYYY, YYYY-MM or
    YYYY-MM-DD, inclusive) keep the events whose date overlaps the range, and drop entities
    then left with no event and no other edge; ``types`` keeps entities of those types
    (person, organization, country, city, region, location, facility, event, product, work).
    Returns what the page draws when it opens.
    """
    return write_view(dataset, path, around=around, hops=hops, date_from=date_from, date_to=date_to,
                      types=types, title=title)
