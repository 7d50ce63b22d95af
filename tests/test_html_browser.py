"""The HTML view in a real headless Chromium (Debian's), driven by Playwright: no mocks.

Runs whenever /usr/bin/chromium exists, and always when ``CI`` is set (then a
missing browser fails). Elsewhere without it the tests skip; install the
Debian packages ``chromium`` and ``chromium-driver``.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Literal

from graph.export.html import ViewStats, write_html
from graph.model.namespaces import (
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

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
Mini = tuple[Path, ViewStats]  # the page of tests/data/mini.trig, and what write_html said it draws
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
QUOTES = "O'Brien \"the\" \\ back\\slash </script> end"
SENTENCE = f"{SCRIPT} met {IMG} and said \"\\\"; '</script><!--"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless; never a downloaded one."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        if os.environ.get("CI"):
            pytest.fail(f"playwright is not installed: {exc}")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install the Debian packages chromium and chromium-driver"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Page:
    """An open page and everything it did: console errors, requests, dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.requests and all(url.startswith("file://") for url in self.requests), self.requests


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_(path: Path, timeout_ms: int = 15_000) -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        context.route("http*://**", lambda route: route.abort())  # nothing may leave, even by accident
        page = context.new_page()
        opened = Page(page)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=timeout_ms)
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def mini_dataset() -> Dataset:
    ds = Dataset(store="Oxigraph")
    ds.parse(ROOT / "tests" / "data" / "mini.trig", format="trig")
    return ds


@pytest.fixture
def mini_page(mini_dataset: Dataset, tmp_path: Path) -> Mini:
    path = tmp_path / "mini.html"
    return path, write_html(mini_dataset, path)


def drawn(page: Page) -> dict[str, int]:
    """What vis-network draws, read from the network object itself, and what the page counts."""
    return page.js("""({nodes: kgNetwork.body.nodeIndices.length, edges: kgNetwork.body.edgeIndices.length,
                        events: kgView.counts().events, entities: kgView.counts().entities})""")


def entity_id(page: Page, name: str) -> str:
    return page.js(f"Object.keys(kgView.data.entities).find(k => kgView.data.entities[k].name === {name!r})")


def click_edge(page: Page, edge_id: str) -> None:
    point = page.js(f"kgView.edgeMidpoint({edge_id!r})")
    box = page.page.locator("#kg-network").bounding_box()
    page.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def meeting_edge(page: Page, names: tuple[str, str], day: str) -> str:
    """The id of the folded event edge between two entities, known by any of their names, on ``day``."""
    return page.js(f"""(() => {{
        const d = kgView.data, wanted = {list(names)!r};
        const known = id => [d.entities[id].name, ...d.entities[id].aliases].some(n => wanted.includes(n));
        return Object.keys(d.edges).find(k => {{
            const e = d.edges[k];
            return e.kind === "event" && d.events[e.event].date === {day!r}
                && e.from !== e.to && known(e.from) && known(e.to);
        }});
    }})()""")


def test_page_opens_offline_and_draws_what_the_graph_holds(mini_page: Mini,
                                                          open_page: Any) -> None:
    path, stats = mini_page
    page = open_page(path)
    assert drawn(page) == {"nodes": stats.nodes, "edges": stats.edges, "events": stats.events,
                           "entities": stats.nodes}
    assert page.js("kgView.counts().nodes") == stats.nodes
    page.page.check("#kg-event-nodes")  # events as their own nodes: 3 event nodes, 6 participant links
    assert drawn(page) == {"nodes": stats.nodes + stats.events, "edges": 7, "events": 3, "entities": 4}
    page.page.uncheck("#kg-event-nodes")
    assert drawn(page)["nodes"] == stats.nodes
    assert page.page.locator("#kg-legend input[data-type]").count() == 3  # person, country, city
    page.assert_clean()


def test_search_finds_any_name_and_selects_one_node(mini_page: Mini, open_page: Any) -> None:
    page = open_page(mini_page[0])
    for query, name in [("berg", "Anna Berg"), ("PIERRE DUBOIS", "Pierre Dubois"), ("dub", "Pierre Dubois")]:
        page.page.fill("#kg-search", query)
        page.page.press("#kg-search", "Enter")
        assert page.js("kgNetwork.getSelectedNodes()") == [entity_id(page, name)]
        assert page.page.inner_text("#kg-details h2") == name
    page.page.fill("#kg-search", "nobody")
    page.page.click("#kg-search-go")
    assert page.page.inner_text("#kg-search-msg") == "No match"
    page.assert_clean()


@pytest.mark.parametrize(
    ("date_from", "date_to", "unchecked", "options"),
    [
        ("2021", "", [], {"date_from": "2021"}),
        ("", "2020", [], {"date_to": "2020"}),
        ("2019-06", "2021-03-04", [], {"date_from": "2019-06", "date_to": "2021-03-04"}),
        ("2021-03-06", "", [], {"date_from": "2021-03-06"}),
        ("", "", ["city"], {"types": ["person", "country"]}),
    ],
)
def test_filters_in_the_page_match_the_python_filters(mini_dataset: Dataset, mini_page: Mini,
                                                      open_page: Any, tmp_path: Path, date_from: str,
                                                      date_to: str, unchecked: list[str],
                                                      options: dict[str, Any]) -> None:
    expected = write_html(mini_dataset, tmp_path / "expected.html", **options)
    page = open_page(mini_page[0])
    page.page.fill("#kg-date-from", date_from)
    page.page.fill("#kg-date-to", date_to)
    page.page.click("#kg-date-apply")
    for name in unchecked:
        page.page.uncheck(f"#kg-legend input[data-type={name}]")
    assert drawn(page) == {"nodes": expected.nodes, "edges": expected.edges, "events": expected.events,
                           "entities": expected.nodes}
    page.page.click("#kg-reset")
    assert drawn(page)["nodes"] == mini_page[1].nodes
    page.assert_clean()


def node_point(page: Page, node: str) -> tuple[float, float]:
    """Where a node is on the screen, from vis-network's public API."""
    point = page.js(f"kgNetwork.canvasToDOM(kgNetwork.getPositions([{node!r}])[{node!r}])")
    box = page.page.locator("#kg-network").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def test_hovering_and_clicking_a_node_shows_names_roles_and_sourced_facts(mini_page: Mini,
                                                                          open_page: Any) -> None:
    page = open_page(mini_page[0])
    anna = entity_id(page, "Anna Berg")
    page.page.mouse.move(*node_point(page, anna))
    page.page.wait_for_function("document.querySelector('#kg-details h2')?.textContent === 'Anna Berg'")
    page.page.mouse.click(*node_point(page, anna))
    assert page.js("kgNetwork.getSelectedNodes()") == [anna]
    rows = dict(zip(page.page.locator("#kg-details dt").all_inner_texts(),
                    page.page.locator("#kg-details dd").all_inner_texts(), strict=True))
    assert rows == {"Type": "person", "Also called": "Berg", "In articles": "a1, a2"}
    details = page.page.inner_text("#kg-details")
    assert "Foreign Minister of Sweden" in details
    assert "meeting \u00b7 2021-03-05 \u00b7 with Pierre Dubois \u00b7 in Paris" in details
    assert "meeting \u00b7 2019 \u00b7 with Pierre Dubois" in details
    assert page.page.locator("#kg-details .kg-article").all_inner_texts() == ["a1", "a1", "a2"]
    box = page.page.locator("#kg-network").bounding_box()
    page.page.mouse.click(box["x"] + 5, box["y"] + 5)  # empty canvas: nothing selected
    assert page.page.inner_text("#kg-details").startswith("Hover or click")
    assert page.js("kgNetwork.getSelectedNodes()") == []
    page.assert_clean()


def test_layout_is_the_same_on_every_load(mini_page: Mini, open_page: Any) -> None:
    script = ("JSON.stringify(Object.entries(kgNetwork.getPositions())"
              ".map(([k, p]) => [k, Math.round(p.x), Math.round(p.y)]))")
    first, second = open_page(mini_page[0]), open_page(mini_page[0])
    assert first.js(script) == second.js(script)
    assert first.js("kgNetwork.physics.options.enabled") is False


def test_date_filter_hides_events_outside_the_range(mini_page: Mini, open_page: Any) -> None:
    page = open_page(mini_page[0])
    page.page.check("#kg-event-nodes")
    page.page.fill("#kg-date-from", "2021-01-01")
    page.page.fill("#kg-date-to", "2021-12-31")
    page.page.press("#kg-date-to", "Enter")
    shown = page.js("kgNetwork.body.nodeIndices.filter(id => kgView.data.events[id])"
                    ".map(id => kgView.data.events[id].date)")
    assert shown == ["2021-03-05"]
    event = page.js("kgNetwork.body.nodeIndices.find(id => kgView.data.events[id])")
    page.page.mouse.click(*node_point(page, event))  # an event node shows the event
    assert page.page.inner_text("#kg-details h2") == "meeting"
    assert "2021-03-05" in page.page.inner_text("#kg-details dl")
    page.page.fill("#kg-date-to", "2019-12")  # an empty range
    page.page.press("#kg-date-to", "Enter")
    assert page.js("kgView.counts().events") == 0
    page.page.fill("#kg-date-from", "not a date")
    page.page.press("#kg-date-from", "Enter")
    assert page.js("document.getElementById('kg-date-from').classList.contains('kg-invalid')")
    page.page.click("#kg-date-clear")
    assert page.js("kgView.counts().events") == 3
    page.assert_clean()


def test_clicking_the_meeting_edge_shows_its_date_and_both_articles(mini_page: Mini,
                                                                   open_page: Any) -> None:
    page = open_page(mini_page[0])
    edge = meeting_edge(page, ("Anna Berg", "Pierre Dubois"), "2021-03-05")
    click_edge(page, edge)
    assert page.js("kgNetwork.getSelectedEdges()") == [edge]
    details = page.page.inner_text("#kg-details")
    rows = dict(zip(page.page.locator("#kg-details dt").all_inner_texts(),
                    page.page.locator("#kg-details dd").all_inner_texts(), strict=True))
    assert rows["Date"] == "2021-03-05"
    assert rows["Date precision"] == "day"
    assert rows["Date origin"] == "given, inferred"
    assert rows["Place"] == "Paris"
    assert rows["Participants"] == "Anna Berg, Pierre Dubois"
    assert "Sources (2 articles)".upper() in details.upper()
    articles = page.page.locator("#kg-details .kg-sources .kg-article").all_inner_texts()
    assert articles == ["a1", "a2"]
    sentences = page.page.locator("#kg-details .kg-sentence").all_inner_texts()
    assert sentences == ["\u201cForeign Minister Anna Berg met Pierre Dubois on Friday in Paris.\u201d",
                         "\u201cThe meeting on Friday with Dubois was long.\u201d"]
    page.assert_clean()


def hostile_dataset() -> Dataset:
    """One article whose names, title and sentence try to break out of the page."""
    ds = Dataset(store="Oxigraph")
    ds.add((article_iri("h1"), RDF.type, KG.Article))
    ds.add((article_iri("h1"), KG.articleId, Literal("h1")))
    ds.add((article_iri("h1"), RDFS.label, Literal(f"Title {SCRIPT}")))
    g = ds.graph(article_graph_iri("h1"))
    names = (SCRIPT, IMG, QUOTES)
    people = [entity_iri(slug(name)) for name in names]
    event, evidence = event_iri("meeting", "hostile"), article_iri("h1") + "/evidence/0-3-events.verbal"
    for iri, name in zip(people, names, strict=True):
        g.add((iri, RDF.type, VOCAB.Person))
        g.add((iri, RDFS.label, Literal(name)))
        g.add((event, KG.participant, iri))
    g.add((event, RDF.type, KG.Event))
    g.add((event, KG.kind, VOCAB.Meeting))
    g.add((event, KG.date, Literal("2020-01-02", datatype=XSD.date)))
    report = report_iri("h1", str(event))
    g.add((event, KG.report, report))
    g.add((report, KG.evidence, evidence))
    g.add((evidence, KG.sentence, sentence_iri("h1", 0)))
    g.add((sentence_iri("h1", 0), KG.inArticle, article_iri("h1")))
    g.add((sentence_iri("h1", 0), KG.text, Literal(SENTENCE)))
    return ds


def test_hostile_names_render_as_text_and_run_nothing(open_page: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    stats = write_html(hostile_dataset(), path, title=f"Graph {IMG}")
    page = open_page(path)
    assert drawn(page)["nodes"] == stats.nodes == 3
    assert page.page.title() == f"Graph {IMG}"
    labels = page.js("kgNetwork.body.data.nodes.get().map(n => n.label).sort()")
    assert labels == sorted([SCRIPT, IMG, QUOTES])
    for name in (SCRIPT, IMG, QUOTES):
        page.page.fill("#kg-search", name)
        page.page.press("#kg-search", "Enter")
        assert page.js("kgNetwork.getSelectedNodes().length") == 1
        assert page.page.inner_text("#kg-details h2") == name
    click_edge(page, meeting_edge(page, (SCRIPT, IMG), "2020-01-02"))
    assert page.page.inner_text("#kg-details .kg-sentence") == f"\u201c{SENTENCE}\u201d"
    assert page.page.inner_text("#kg-details .kg-title").endswith(f"Title {SCRIPT}")
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.querySelectorAll('script').length") == 6
    page.page.wait_for_timeout(200)  # give any injected handler a chance to fire
    page.assert_clean()


def big_nquads(entities: int, events: int, seed: int = 7) -> str:
    """A generated graph: typed, labelled entities and dated two-party meetings with a sentence each."""
    rng = random.Random(seed)
    kinds = [VOCAB.Person, VOCAB.Organization, VOCAB.Country, VOCAB.City, VOCAB.Region, VOCAB.Location, VOCAB.Facility,
             VOCAB.NamedEvent, VOCAB.Product, VOCAB.Work]
    graph = f"<{article_graph_iri('big')}>"
    lines = [f'<{article_iri("big")}> <{KG.articleId}> "big" .']
    for i in range(entities):
        iri = f"<{entity_iri(f'entity-{i}')}>"
        lines += [f"{iri} <{RDF.type}> <{kinds[i % len(kinds)]}> {graph} .",
                  f'{iri} <{RDFS.label}> "Entity {i}" {graph} .']
    for j in range(events):
        a = rng.randrange(entities)
        b = (a + 1 + rng.randrange(entities - 1)) % entities
        event, evidence, sentence = event_iri("meeting", str(j)), f"{article_iri('big')}/evidence/{j}", \
            sentence_iri("big", j)
        day = f"{2000 + rng.randrange(25)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        lines += [
            f"<{event}> <{RDF.type}> <{KG.Event}> {graph} .",
            f"<{event}> <{KG.kind}> <{VOCAB.Meeting}> {graph} .",
            f"<{event}> <{KG.participant}> <{entity_iri(f'entity-{a}')}> {graph} .",
            f"<{event}> <{KG.participant}> <{entity_iri(f'entity-{b}')}> {graph} .",
            f'<{event}> <{KG.date}> "{day}"^^<{XSD.date}> {graph} .',
            f"<{event}> <{KG.report}> <{evidence}/report> {graph} .",
            f"<{evidence}/report> <{KG.evidence}> <{evidence}> {graph} .",
            f"<{evidence}> <{KG.sentence}> <{sentence}> {graph} .",
            f"<{sentence}> <{KG.inArticle}> <{article_iri('big')}> {graph} .",
            f'<{sentence}> <{KG.text}> "Entity {a} met Entity {b}." {graph} .',
        ]
    return "\n".join(lines) + "\n"


def test_5000_node_graph_is_usable_and_its_time_to_settle_is_printed(open_page: Any, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    ds = Dataset(store="Oxigraph")
    ds.parse(data=big_nquads(entities=5000, events=5000), format="nquads")
    path = tmp_path / "big.html"
    stats = write_html(ds, path)
    assert stats.nodes == 5000
    page = open_page(path, timeout_ms=30_000)
    stabilized_ms = page.js("window.kgStabilizedMs")  # from navigation start to physics off
    with capsys.disabled():
        # a figure, not a timed assertion: the goal is 5 s on an idle machine (see benchmarks/RESULTS.md)
        print(f"\n5,000-node graph ({stats.edges} edges): usable after {stabilized_ms / 1000:.2f} s (goal 5 s)")
    assert drawn(page) == {"nodes": 5000, "edges": stats.edges, "events": stats.events, "entities": 5000}
    assert page.js("kgNetwork.physics.options.enabled") is False
    page.page.fill("#kg-search", "entity 4242")
    page.page.press("#kg-search", "Enter")
    assert page.js("kgNetwork.getSelectedNodes().length") == 1
    page.assert_clean()


def test_seed_build_lavrov_and_kono_meeting_of_2019_05_31(request: pytest.FixtureRequest, open_page: Any,
                                                          tmp_path: Path) -> None:
    """On the real seed graph: one Lavrov, and the Kono-Lavrov meeting with its date and two sources."""
    try:
        folder = Path(request.getfixturevalue("seeds_build"))
    except pytest.FixtureLookupError:
        pytest.skip("the seeds_build fixture is not defined yet (tests/conftest.py)")
    trig = next(p for p in (folder / "graph.trig", folder / "out" / "graph.trig") if p.exists())
    ds = Dataset(store="Oxigraph")
    ds.parse(trig, format="trig")
    path = tmp_path / "seeds.html"
    write_html(ds, path)
    page = open_page(path)
    page.page.fill("#kg-search", "Lavrov")
    page.page.press("#kg-search", "Enter")
    assert page.js("kgNetwork.getSelectedNodes().length") == 1
    assert "Lavrov" in page.page.inner_text("#kg-details h2")
    edge = meeting_edge(page, ("Taro Kono", "Sergey Lavrov"), "2019-05-31")
    assert edge, "no event edge between Taro Kono and Sergey Lavrov dated 2019-05-31"
    click_edge(page, edge)
    details = page.page.inner_text("#kg-details")
    assert "2019-05-31" in details
    articles = set(page.page.locator("#kg-details .kg-sources .kg-article").all_inner_texts())
    assert articles == {"000_5deb3ae3fe01fe22", "001_00284636e0d1ceb9"}, articles
    # the README's screenshot: the seed graph with this meeting's details open.
    # The test writes it beside its own files; `make screenshot` asks for a copy in docs/.
    target = tmp_path / "graph.png"
    page.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("KG_SCREENSHOT"):
        Path(os.environ["KG_SCREENSHOT"]).write_bytes(target.read_bytes())
    page.assert_clean()


def test_generated_hostile_names_run_no_script_in_the_page(browser: Any, tmp_path: Path) -> None:
    """A sample of generated names (tests/test_generated.py's strategies) drawn in Chromium: no dialog,
    no request out of the file, no script error, and each name shown as text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from graph.model.rdf import corpus_units
    from graph.resolve import resolve_corpus
    from tests.test_generated import GENERATED, PROFILE, extraction, name

    @settings(PROFILE, max_examples=12)
    @given(st.lists(name, min_size=2, max_size=4, unique=True))
    def check(names: list[str]) -> None:
        GENERATED["pages"] += 1
        corpus = resolve_corpus([extraction("a1", [SCRIPT, *names], "met")])
        nquads = "".join(line[:-2] + ("" if u.graph is None else f" <{u.graph}>") + " .\n"
                         for u in corpus_units(corpus) for line in u.lines)
        ds = Dataset(store="Oxigraph")
        ds.parse(data=nquads, format="nquads")
        path = tmp_path / "generated.html"
        write_html(ds, path)
        context = browser.new_context()
        try:
            context.route("http*://**", lambda route: route.abort())
            page = context.new_page()
            opened = Page(page)
            page.on("pageerror", lambda e: opened.errors.append(str(e)))
            page.on("request", lambda r: opened.requests.append(r.url))
            page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
            page.goto(path.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=15_000)
            shown = set(opened.js("Object.values(kgView.data.entities).map(e => e.name)"))
            opened.assert_clean()
            assert {e.label for e in corpus.entities} <= shown
        finally:
            context.close()

    check()
