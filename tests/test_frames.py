"""Query results as pandas DataFrames: typed columns (dates as dates) from the store and from an
endpoint (a real ``kg serve``), and a clear error without pandas."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.query import QueryResult, load_query, run_query, run_query_timed, run_remote
from graph.store import Store
from tests.kg_serve import start_kg_serve, stop

QUERIES = Path(__file__).resolve().parent.parent / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_DATES = """PREFIX kg: <https://w3id.org/newskg/vocab#>
SELECT ?e ?date ?precision WHERE { ?e kg:date ?date ; kg:dating/kg:datePrecision ?precision } ORDER BY ?e"""
COUNTS = """PREFIX kg: <https://w3id.org/newskg/vocab#>
SELECT ?kind (COUNT(DISTINCT ?e) AS ?events) (AVG(?n) AS ?mean) WHERE { ?e kg:kind ?kind ; kg:sortKey ?n }
GROUP BY ?kind ORDER BY ?kind"""


def literal(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


def frame_of(columns: tuple[str, ...], *rows: tuple[ox.Literal | ox.NamedNode | None, ...]) -> pd.DataFrame:
    texts = tuple(tuple(None if t is None else t.value for t in row) for row in rows)
    return QueryResult(columns, texts, tuple(rows)).to_dataframe()


def test_each_datatype_gives_its_column_type():
    frame = frame_of(
        ("iri", "text", "n", "x", "yes", "day", "at"),
        (ox.NamedNode("urn:x:a"), ox.Literal("Kono"), literal("7", "integer"), literal("1.5", "decimal"),
         literal("true", "boolean"), literal("2019-05-31", "date"), literal("2019-05-31T10:00:00Z", "dateTime")),
        (None, None, None, None, literal("false", "boolean"), None, None),
    )
    assert [str(t) for t in frame.dtypes] == [
        "string", "string", "Int64", "Float64", "boolean", "datetime64[us]", "datetime64[us, UTC]"]
    assert frame.loc[0].tolist()[:5] == ["urn:x:a", "Kono", 7, 1.5, True]
    assert frame.loc[0, "day"] == pd.Timestamp("2019-05-31")
    assert frame.loc[0, "at"] == pd.Timestamp("2019-05-31T10:00:00", tz="UTC")
    assert frame["yes"].tolist() == [True, False]
    assert frame.loc[1, ["iri", "text", "n", "x"]].isna().all() and pd.isna(frame.loc[1, "day"])


def test_dates_of_mixed_precision_become_periods_at_their_own_precision():
    frame = frame_of(("date",), (literal("2019-05-31", "date"),), (literal("2019-05", "gYearMonth"),),
                     (literal("2019", "gYear"),), (None,))
    assert frame["date"].dtype == object
    assert [p.freqstr if p is not None else None for p in frame["date"]] == ["D", "M", "Y-DEC", None]
    assert [str(p) for p in frame["date"][:3]] == ["2019-05-31", "2019-05", "2019"]


def test_a_column_of_mixed_kinds_is_text():
    frame = frame_of(("value",), (ox.NamedNode("urn:x:a"),), (literal("3", "integer"),), (ox.Literal("Kono"),))
    assert str(frame["value"].dtype) == "string" and frame["value"].tolist() == ["urn:x:a", "3", "Kono"]


def test_an_empty_answer_has_its_columns():
    frame = QueryResult(("a", "b"), (), ()).to_dataframe()
    assert list(frame.columns) == ["a", "b"] and len(frame) == 0


def test_without_pandas_it_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(QueryError, match=r"pip install 'newskg\[pandas\]'"):
        QueryResult(("a",), (("x",),), ((ox.Literal("x"),),)).to_dataframe()


# ---------------------------------------------------------------- on the seed build


@pytest.mark.slow
def test_meetings_of_the_seeds_as_a_dataframe(seeds_build):
    with Store.reader(seeds_build) as store:
        result = run_query(store, load_query(QUERIES / "meetings.rq"))
    frame = result.to_dataframe()
    assert list(frame.columns) == list(result.variables)
    assert str(frame["date"].dtype) == "datetime64[us]" and str(frame["a"].dtype) == "string"
    kono = frame[(frame.a == "Sergey Lavrov") & (frame.b == "Taro Kono") & (frame.date == "2019-05-31")]
    assert kono[["place", "kind"]].values.tolist() == [["Tokyo", "meeting"]]
    assert frame["date"].isna().sum() == sum(row["date"] is None for row in result.as_dicts()) > 0
    assert frame["date"].dropna().dt.strftime("%Y-%m-%d").tolist() == [
        row["date"] for row in result.as_dicts() if row["date"] is not None]


@pytest.mark.slow
def test_counts_are_integers_and_statements_say_quote_as_a_boolean(seeds_build):
    with Store.reader(seeds_build) as store:
        counts = run_query(store, COUNTS).to_dataframe()
        statements = run_query(store, load_query(QUERIES / "statements.rq")).to_dataframe()
    assert str(counts["events"].dtype) == "Int64" and counts["events"].sum() > 40
    assert str(counts["mean"].dtype) == "Float64"
    assert str(statements["quote"].dtype) == "boolean" and statements["quote"].any()


@pytest.mark.slow
def test_event_dates_of_the_seeds_keep_their_precision(seeds_build):
    frame = run_query_timed(seeds_build / "store", EVENT_DATES).to_dataframe()  # through the child process
    assert frame["date"].dtype == object
    precision = {"https://w3id.org/newskg/vocab#Day": "D", "https://w3id.org/newskg/vocab#Month": "M",
                 "https://w3id.org/newskg/vocab#Year": "Y-DEC"}
    assert [p.freqstr for p in frame["date"]] == [precision[p] for p in frame["precision"]]
    assert {"D", "M"} <= {p.freqstr for p in frame["date"]}


@pytest.fixture(scope="module")
def served(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, url = start_kg_serve(seeds_build, tmp_path_factory.mktemp("frames-serve"))
    try:
        yield url
    finally:
        stop(process)


@pytest.mark.slow
@pytest.mark.parametrize("text", [load_query(QUERIES / "meetings.rq"), EVENT_DATES, COUNTS],
                         ids=["meetings", "event-dates", "counts"])
def test_an_endpoint_gives_the_same_dataframe_as_the_store(seeds_build, served, text):
    with Store.reader(seeds_build) as store:
        local = run_query(store, text).to_dataframe()
    pd.testing.assert_frame_equal(run_remote(served, text).to_dataframe(), local)
