"""Query results as pandas DataFrames, one typed column per variable.

``run_query(...).to_dataframe()`` (graph.query.QueryResult) gives each
column the dtype its values' RDF datatypes say, when every bound value of the
column agrees:

========================================== =====================================
values                                     column
========================================== =====================================
``xsd:date`` (days)                        ``datetime64`` (``kg:date``, ``schema:datePublished``)
``xsd:dateTime``                           ``datetime64`` (UTC when any has a zone)
days mixed with ``xsd:gYearMonth``,        ``object`` of ``pandas.Period`` at each value's own
``xsd:gYear`` (dates of honest precision)  precision (D, M, Y): ``2019-05`` is never
                                           passed off as 2019-05-01
``xsd:integer`` and its kinds              ``Int64``
``xsd:decimal``, ``xsd:double``,           ``Float64``
``xsd:float``
``xsd:boolean``                            ``boolean``
IRIs, strings, anything else, or a mix     ``string`` (the IRI, or the literal's lexical form)
========================================== =====================================

Unbound values are ``<NA>`` (``NaT`` in date columns). pandas is an optional
dependency: ``pip install 'newskg[pandas]'``.

>>> from graph.query import QueryResult
>>> day = ox.Literal("2019-05-31", datatype=ox.NamedNode(XSD + "date"))
>>> two = ox.Literal("2", datatype=ox.NamedNode(XSD + "integer"))
>>> frame = to_dataframe(QueryResult(("who", "date", "n"), (("Kono", "2019-05-31", "2"),),
...                                  ((ox.Literal("Kono"), day, two),)))
>>> [str(t) for t in frame.dtypes]
['string', 'datetime64[us]', 'Int64']
>>> frame.loc[0, "date"].date()
datetime.date(2019, 5, 31)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import QueryError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from graph.query import QueryResult

__all__ = ["to_dataframe"]

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
                              "unsignedShort", "unsignedByte")}
FLOATS = {XSD + t for t in ("decimal", "double", "float")}
DAY, MONTH, YEAR, DATETIME, BOOLEAN = (XSD + t for t in ("date", "gYearMonth", "gYear", "dateTime", "boolean"))
_PERIOD_FREQUENCY = {DAY: "D", MONTH: "M", YEAR: "Y"}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise QueryError("to_dataframe needs pandas: pip install 'newskg[pandas]'") from exc
    return pandas


def _datatype(term: object) -> str | None:
    """The datatype IRI of a literal; None for an IRI or a blank node."""
    return term.datatype.value if isinstance(term, ox.Literal) else None


def _column(pd: Any, name: str, terms: list[object | None], texts: list[str | None]) -> pd.Series:
    kinds = {_datatype(t) if isinstance(t, ox.Literal) else "iri" for t in terms if t is not None}
    if kinds and kinds <= INTEGERS:
        return pd.Series([None if v is None else int(v) for v in texts], name=name, dtype="Int64")
    if kinds and kinds <= FLOATS:
        return pd.Series([None if v is None else float(v) for v in texts], name=name, dtype="Float64")
    if kinds == {BOOLEAN}:
        return pd.Series([None if v is None else v in ("true", "1") for v in texts], name=name, dtype="boolean")
    if kinds == {DAY}:
        return pd.Series(pd.to_datetime(texts, format="%Y-%m-%d"), name=name)
    if kinds == {DATETIME}:
        return pd.Series(pd.to_datetime(texts, format="ISO8601", utc=any(_zoned(v) for v in texts if v)), name=name)
    if kinds and kinds <= {DAY, MONTH, YEAR}:
        periods = [None if t is None else pd.Period(v, freq=_PERIOD_FREQUENCY[_datatype(t) or DAY])
                   for t, v in zip(terms, texts, strict=True)]
        return pd.Series(periods, name=name, dtype=object)
    return pd.Series(texts, name=name, dtype="string")


def _zoned(text: str) -> bool:
    return text.endswith("Z") or (len(text) > 19 and text[19:].lstrip("0123456789.")[:1] in ("+", "-"))


def to_dataframe(result: QueryResult) -> pd.DataFrame:
    """The result as a DataFrame: one row per solution, one typed column per variable (see above)."""
    pd = _pandas()
    if result.terms is None:
        raise QueryError("this result has no RDF terms to type its columns by (it was made from text only)")
    columns = {}
    for index, name in enumerate(result.variables):
        terms = [row[index] for row in result.terms]
        texts = [row[index] for row in result.rows]
        columns[name] = _column(pd, name, terms, texts)
    return pd.DataFrame(columns, columns=list(result.variables))
