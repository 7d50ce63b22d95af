"""Apache Jena reads what kg build writes, and every query in queries/ answers the same on Jena
(TDB2) as on the embedded store: on the seed build and on the 28 dev articles.

This runs the README's Jena recipe (``scripts/jena riot --validate``, ``scripts/jena
tdb2.tdbloader``, ``scripts/jena tdb2.tdbquery``) through Debian's libapache-jena-java;
where Java or the package is missing, each test skips and says what to install.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal

from graph.bindings import bind_values
from graph.query import load_query, run_query, with_page
from graph.store import Store
from tests.jena import JAVA_OPTS, jena, require_jena, tdb2_load, tdb2_select
from tests.sparql_compare import normal_rows, projection

QUERIES = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
BUILDS = ("seeds_build", "dev_build")
#: All of an answer, past the default page of each query.
EVERY_ROW = 1_000_000

MOST_NAMED = """
PREFIX kg: <https://w3id.org/newskg/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?e a kg:Person ; rdfs:label ?name ; kg:mentionCount ?n } ORDER BY DESC(?n) ?name LIMIT 1
"""

pytestmark = [pytest.mark.slow, pytest.mark.jena]


class Loaded:
    """One build, loaded into TDB2 once: its output folder and the TDB2 database."""

    def __init__(self, name: str, out: Path, tdb: Path, work: Path):
        self.name, self.out, self.tdb, self.work = name, out, tdb, work
        with Store.reader(out) as store:
            (self.person,) = run_query(store, MOST_NAMED).rows[0]


@pytest.fixture(scope="module", params=BUILDS, ids=["seeds", "dev"])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    require_jena()
    name = request.param.removesuffix("_build")
    out = request.getfixturevalue(request.param)
    work = tmp_path_factory.mktemp(f"jena-{name}")
    tdb2_load(work / "tdb2", out)
    return Loaded(name, out, work / "tdb2", work)


def quads(path: Path, rdf_format: pyoxigraph.RdfFormat) -> set[pyoxigraph.Quad]:
    return set(pyoxigraph.parse(path=str(path), format=rdf_format, lenient=False))


def test_riot_validates_the_turtle_and_the_trig(loaded: Loaded) -> None:
    done = jena("riot", "--validate", loaded.out / "graph.ttl", loaded.out / "graph.trig")
    problems = [line for line in done.stderr.splitlines() if " WARN " in line or " ERROR " in line]
    assert problems == []
    assert done.stdout == ""


def test_tdb2_holds_the_named_graphs_of_the_trig_and_the_merged_graph_as_default(loaded: Loaded) -> None:
    dump = loaded.work / "dump.nq"
    dump.write_text(jena("tdb2.tdbdump", "--loc", loaded.tdb).stdout, encoding="utf-8")
    held = quads(dump, pyoxigraph.RdfFormat.N_QUADS)
    trig = quads(loaded.out / "graph.trig", pyoxigraph.RdfFormat.TRIG)
    merged = quads(loaded.out / "graph.ttl", pyoxigraph.RdfFormat.TURTLE)
    named = {q for q in trig if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    assert {q for q in held if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)} == named
    assert {q for q in held if isinstance(q.graph_name, pyoxigraph.DefaultGraph)} == merged
    assert {pyoxigraph.Quad(q.subject, q.predicate, q.object) for q in trig} == merged


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
@pytest.mark.parametrize("page", ["default page", "every row"])
def test_query_answers_the_same_on_jena_and_the_store(loaded: Loaded, query: Path, page: str) -> None:
    """The default page of each query, and every row (on the dev set some answers are longer than a page)."""
    text = load_query(query)
    if page == "every row":
        text = with_page(text, EVERY_ROW)
    bindings = {"name": Literal(loaded.person)} if query.stem == "entity" else None
    with Store.reader(loaded.out) as store:
        local = run_query(store, text, bindings)
    on_jena = loaded.work / f"{query.stem}-{page.replace(' ', '-')}.rq"
    on_jena.write_text(bind_values(text, bindings) if bindings else text, encoding="utf-8")
    variables, rows = tdb2_select(loaded.tdb, on_jena)
    columns = projection(text)
    assert list(variables) == list(local.variables) == columns
    assert local.rows, f"{query.name} gave no rows on the store"
    assert normal_rows(rows, columns) == normal_rows(local.rows, columns)


def readme_recipe() -> list[str]:
    """The README's Jena commands (the indented `scripts/jena ...` lines), without their comments."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("Apache Jena (tested", 1)[1].split("\nGraphDB", 1)[0]
    return [line.split("#", 1)[0].strip() for line in section.splitlines() if line.startswith("    scripts/jena ")]


def test_the_readme_recipe_runs_as_typed(seeds_build: Path, tmp_path: Path) -> None:
    """The README's lines, run by the shell from a folder that holds out/, queries/ and scripts/."""
    require_jena()
    recipe = readme_recipe()
    assert [line.split()[1] for line in recipe] == ["riot", "tdb2.tdbloader", "tdb2.tdbquery"]
    root = Path(__file__).resolve().parent.parent
    for name, target in (("out", seeds_build), ("queries", root / "queries"), ("scripts", root / "scripts")):
        (tmp_path / name).symlink_to(target)
    outputs = []
    for line in recipe:
        done = subprocess.run(
            ["bash", "-c", line], cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
            env={**os.environ, "JAVA_OPTS": JAVA_OPTS},
        )
        assert done.returncode == 0, f"{line}\n{done.stderr[-2000:]}"
        outputs.append(done)
    assert " WARN " not in outputs[0].stderr
    assert (tmp_path / "db").is_dir()
    table = outputs[2].stdout
    kono_lavrov = re.search(r'^\| "Sergey Lavrov" +\| "Taro Kono" +\| "2019-05-31"\^\^<http://www.w3.org/2001/'
                            r'XMLSchema#date> +\| "given inferred" +\| "Tokyo" ', table, re.MULTILINE)
    assert kono_lavrov, table[:2000]
