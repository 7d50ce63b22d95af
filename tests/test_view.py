"""The view of a store: small graphs whole, large ones through a chosen part that the page names."""

from __future__ import annotations

import json
import re

import pytest

from graph.store import Store
from graph.view import write_store_view
from graph.view.read import IndexedEvent
from graph.view.select import around_index, central, central_recent

pytestmark = pytest.mark.slow


def page_data(path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))


def note(path) -> str | None:
    found = re.search(r'<p id="kg-note">([^<]*)</p>', path.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def test_a_small_store_is_shown_whole_with_no_note(seeds_build, tmp_path):
    with Store.reader(seeds_build) as store:
        stats = write_store_view(store, tmp_path / "all.html")
    assert stats.nodes == 41 and note(tmp_path / "all.html") is None


def test_a_large_store_shows_the_most_connected_entities_and_says_so(seeds_build, tmp_path):
    with Store.reader(seeds_build) as store:
        stats = write_store_view(store, tmp_path / "top.html", limit=8)
    assert 0 < stats.nodes <= 8
    assert note(tmp_path / "top.html").startswith("The 8 entities with the most events of any date, or none")
    names = {e["name"] for e in page_data(tmp_path / "top.html")["entities"].values()}
    assert "Sergey Lavrov" in names


def test_around_a_name_on_a_large_store_keeps_that_entity(seeds_build, tmp_path):
    with Store.reader(seeds_build) as store:
        write_store_view(store, tmp_path / "lavrov.html", around="Lavrov", hops=1, limit=6)
    data = page_data(tmp_path / "lavrov.html")
    assert "Sergey Lavrov" in {e["name"] for e in data["entities"].values()}
    assert len(data["entities"]) <= 6
    assert "within 1 hop" in note(tmp_path / "lavrov.html")


def test_everything_ignores_the_limit(seeds_build, tmp_path):
    with Store.reader(seeds_build) as store:
        stats = write_store_view(store, tmp_path / "all.html", everything=True, limit=3)
    assert stats.nodes == 41


INDEX = {
    "e1": IndexedEvent("2024-05-02", "2024-05-02", frozenset({"a", "b"})),
    "e2": IndexedEvent("2024-05-20", "2024-05-20", frozenset({"a", "c"})),
    "e3": IndexedEvent("2024-01-01", "2024-12-31", frozenset({"d", "a"})),  # a year: in no month
    "e4": IndexedEvent("2023-01-05", "2023-01-05", frozenset({"d", "e"})),
    "e5": IndexedEvent(None, None, frozenset({"c", "e"})),
}


def test_central_counts_events_that_lie_in_the_window():
    choice = central(INDEX, "2024-05-01", "2024-05-31", limit=2)
    assert (sorted(choice.entities), sorted(choice.events)) == (["a", "b"], ["e1", "e2"])


def test_central_recent_widens_the_window_until_it_has_enough():
    assert sorted(central_recent(INDEX, "2024-05-31", limit=3).entities) == ["a", "b", "c"]
    assert sorted(central_recent(INDEX, "2024-05-31", limit=4).entities) == ["a", "c", "d", "e"]  # by degree
    everything = central_recent(INDEX, "2024-05-31", limit=5)
    assert sorted(everything.events) == ["e1", "e2", "e3", "e4", "e5"]


def test_around_index_goes_hop_by_hop_nearest_first():
    assert sorted(around_index(INDEX, ["b"], 1, limit=10).entities) == ["a", "b"]
    assert sorted(around_index(INDEX, ["b"], 2, limit=10).entities) == ["a", "b", "c", "d"]
    assert sorted(around_index(INDEX, ["b"], 2, limit=3).entities)[:2] == ["a", "b"]
