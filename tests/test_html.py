"""The HTML view without a browser: where it writes, what it links, what it keeps, how it escapes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal

from graph.errors import InputError, RegistryError
from graph.export.html import ViewStats, fold_event, read_view, write_html
from graph.model.namespaces import (
    ID,
    KG,
    VOCAB,
    article_graph_iri,
    article_iri,
    entity_iri,
    event_iri,
    report_iri,
    sentence_iri,
)
from graph.resolve.names import slug

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
QUOTES = "O'Brien \"the\" \\ back\\slash </script> \u2028 end"
SENTENCE = f"{SCRIPT} met {IMG} and said \"\\\"; '</script><!--"


def hostile_dataset() -> Dataset:
    """One article whose names, title and sentence try to break out of the page."""
    ds = Dataset()
    ds.add((article_iri("h1"), RDF.type, KG.Article))
    ds.add((article_iri("h1"), KG.articleId, Literal("h1")))
    ds.add((article_iri("h1"), RDFS.label, Literal(f"Title {SCRIPT}")))
    g = ds.graph(article_graph_iri("h1"))
    people = [entity_iri(slug(name)) for name in (SCRIPT, IMG, QUOTES)]
    for iri, name in zip(people, (SCRIPT, IMG, QUOTES), strict=True):
        g.add((iri, RDF.type, VOCAB.Person))
        g.add((iri, RDFS.label, Literal(name)))
        g.add((iri, SKOS.altLabel, Literal(name + " alias")))
    event = event_iri("meeting", "hostile")
    evidence = article_iri("h1") + "/evidence/0-3-events.verbal"
    g.add((event, RDF.type, KG.Event))
    g.add((event, KG.kind, VOCAB.Meeting))
    for iri in people:
        g.add((event, KG.participant, iri))
    g.add((event, KG.date, Literal("2020-01-02", datatype=XSD.date)))
    dating = ID["dating/hostile"]
    g.add((event, KG.dating, dating))
    g.add((dating, KG.dateText, Literal(QUOTES)))
    report = report_iri("h1", str(event))
    g.add((event, KG.report, report))
    g.add((report, KG.evidence, evidence))
    g.add((evidence, KG.sentence, sentence_iri("h1", 0)))
    g.add((sentence_iri("h1", 0), KG.inArticle, article_iri("h1")))
    g.add((sentence_iri("h1", 0), KG.text, Literal(SENTENCE)))
    return ds


@pytest.fixture(params=["default", "Oxigraph"])
def mini(request: pytest.FixtureRequest, data_dir: Path) -> Dataset:
    ds = Dataset(store=request.param)
    ds.parse(data_dir / "mini.trig", format="trig")
    return ds


class _Elements(HTMLParser):
    """The start tags of a page, and the text of its script elements, as a browser would split them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and self.scripts:
            self.scripts[-1] += data


def json_block(html: str, block: str) -> object:
    match = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


def test_write_html_writes_only_the_given_path(mini: Dataset, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    out = tmp_path / "out"
    cwd.mkdir()
    out.mkdir()
    monkeypatch.chdir(cwd)
    before = sorted(mini.quads((None, None, None, None)))
    write_html(mini, out / "graph.html")
    assert list(cwd.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["graph.html"]
    assert sorted(mini.quads((None, None, None, None))) == before


def test_page_links_nothing_remote(mini: Dataset, tmp_path: Path) -> None:
    write_html(mini, tmp_path / "graph.html")
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", html, re.I)
    for cdn in ("cdn.jsdelivr", "cdnjs", "bootstrap", "unpkg"):
        assert cdn not in html
    assert "vis.Network" in html  # vis-network is inline


def test_same_input_gives_identical_bytes_on_both_stores(data_dir: Path, tmp_path: Path) -> None:
    pages = []
    for i, store in enumerate(["default", "Oxigraph", "Oxigraph"]):
        ds = Dataset(store=store)
        ds.parse(data_dir / "mini.trig", format="trig")
        write_html(ds, tmp_path / f"{i}.html")
        pages.append((tmp_path / f"{i}.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ViewStats(nodes=4, edges=5, events=3)),
        ({"types": ["person"]}, ViewStats(nodes=2, edges=2, events=3)),
        ({"types": ["person", "country"]}, ViewStats(nodes=3, edges=3, events=3)),
        ({"types": ["city"]}, ViewStats(nodes=1, edges=0, events=1)),
        ({"date_from": "2021"}, ViewStats(nodes=4, edges=4, events=1)),
        ({"date_from": "2021-03-06"}, ViewStats(nodes=2, edges=1, events=0)),
        ({"date_to": "2020"}, ViewStats(nodes=3, edges=2, events=1)),
        ({"date_from": "2019-06", "date_to": "2021-03-04"}, ViewStats(nodes=3, edges=2, events=1)),
        ({"date_from": "2019-12-31", "date_to": "2021-03-05"}, ViewStats(nodes=4, edges=5, events=2)),
        ({"around": "Dubois"}, ViewStats(nodes=3, edges=4, events=3)),
        ({"around": "pierre dubois", "hops": 0}, ViewStats(nodes=1, edges=0, events=1)),
        ({"around": "SWEDEN"}, ViewStats(nodes=2, edges=1, events=0)),
        ({"around": "Sweden", "hops": 2}, ViewStats(nodes=4, edges=5, events=3)),
        ({"around": "Berg", "types": ["person"]}, ViewStats(nodes=2, edges=2, events=3)),
        ({"around": "Paris", "date_to": "2020"}, ViewStats(nodes=0, edges=0, events=0)),
    ],
)
def test_filters_keep_exactly_what_was_asked(mini: Dataset, tmp_path: Path, options: dict[str, object],
                                              expected: ViewStats) -> None:
    stats = write_html(mini, tmp_path / "graph.html", **options)  # type: ignore[arg-type]
    assert stats == expected
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    data = json_block(html, "kg-data")
    assert data["stats"] == {"nodes": expected.nodes, "edges": expected.edges, "events": expected.events}
    nodes = json_block(html, "kg-nodes")
    assert len(nodes) == expected.nodes + expected.events  # entity nodes, then event nodes (hidden at first)


def test_meeting_reported_twice_has_both_sources(mini: Dataset) -> None:
    view = read_view(mini)
    event = view.events[str(ID["event/meeting/aaaaaaaaaaaa"])]
    assert event.date == "2021-03-05"
    assert event.origin == ("given", "inferred")
    assert event.precision == ("day",)
    assert [s.article for s in event.sources] == ["a1", "a2"]
    assert event.sources[0].title == "Ministers meet in Paris"
    assert view.entities[str(entity_iri("anna-berg"))].aliases == ("Berg",)


def test_a_title_is_stated_on_the_day_its_article_was_published(mini: Dataset) -> None:
    # the date is the source's (schema:datePublished), not a date on the role: a role is no event
    (role,) = read_view(mini).roles.values()
    assert (role.label, role.stated_on, [s.article for s in role.sources]) == (
        "Foreign Minister of Sweden",
        ("2021-03-05",),
        ["a1"],
    )


def test_events_fold_into_edges_between_their_parties(mini: Dataset) -> None:
    view = read_view(mini)
    anna, pierre, paris = (str(entity_iri(k)) for k in ("anna-berg", "pierre-dubois", "paris"))
    meeting = next(e for e in view.events.values() if e.date == "2021-03-05")
    statement = next(e for e in view.events.values() if e.kind == "statement")
    assert fold_event(meeting) == [
        (anna, pierre, "met", False), (anna, paris, "meeting at", True), (pierre, paris, "meeting at", True)]
    assert fold_event(statement) == []


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"around": "Nobody"}, RegistryError, "No entity named 'Nobody'"),
        ({"around": "Ana Berg"}, RegistryError, "Close names: Anna Berg"),
        ({"types": ["people"]}, RegistryError, "Available: city, country, event"),
        ({"date_from": "2021-13"}, InputError, "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date_to": "21-03-05"}, InputError, "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date_to": "2021-02-30"}, InputError, "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"around": "Berg", "hops": -1}, ValueError, "hops must be 0 or more"),
    ],
)
def test_bad_options_fail_with_a_clear_message(mini: Dataset, tmp_path: Path, options: dict[str, object],
                                               error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        write_html(mini, tmp_path / "graph.html", **options)  # type: ignore[arg-type]
    assert not (tmp_path / "graph.html").exists()


def test_hostile_text_is_escaped_and_round_trips(tmp_path: Path) -> None:
    stats = write_html(hostile_dataset(), tmp_path / "graph.html", title=f"Graph {IMG}")
    assert stats == ViewStats(nodes=3, edges=3, events=1)
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    for raw in (SCRIPT, IMG, QUOTES, SENTENCE, "\u2028", "<!--"):
        assert raw not in html
    elements = _Elements(html)
    assert elements.tags.count("script") == 6  # vis-network, four JSON blocks, the page's own script
    assert "img" not in elements.tags
    assert sum(len(s) for s in elements.scripts) > 400_000  # no script was cut short
    assert "<title>Graph &lt;img src=x onerror=alert(1)&gt;</title>" in html
    data = json_block(html, "kg-data")
    names = sorted(e["name"] for e in data["entities"].values())
    assert names == sorted([SCRIPT, IMG, QUOTES])
    assert [s[1] for s in data["sources"]] == [SENTENCE]
    assert data["articles"] == {"h1": f"Title {SCRIPT}"}
    labels = sorted(n["label"] for n in json_block(html, "kg-nodes") if n["id"].startswith("n"))
    assert labels == names


def test_direct_edges_without_an_event_are_drawn_with_their_direction(tmp_path: Path) -> None:
    ds = Dataset()
    g = ds.graph(article_graph_iri("d1"))
    a, b, c = (entity_iri(slug(n)) for n in ("Aland", "Borduria", "Carpathia"))
    for iri, name in ((a, "Aland"), (b, "Borduria"), (c, "Carpathia")):
        g.add((iri, RDF.type, VOCAB.Country))
        g.add((iri, RDFS.label, Literal(name)))
    g.add((a, VOCAB.met, b))
    g.add((b, VOCAB.met, a))
    g.add((a, VOCAB.seized, c))
    view = read_view(ds)
    assert [(k.kind, k.label, k.directed) for k in view.links] == [
        ("direct", "met", False), ("direct", "seized", True)]
    assert write_html(ds, tmp_path / "graph.html") == ViewStats(nodes=3, edges=2, events=0)
    assert write_html(ds, tmp_path / "graph.html", around="Borduria") == ViewStats(nodes=2, edges=1, events=0)
