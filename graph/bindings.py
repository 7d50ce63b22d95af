"""Values into SPARQL queries, never pasted as text.

A value is bound three ways, each written by pyoxigraph (which escapes quotes,
backslashes and line breaks, and rejects an invalid IRI or language tag):

- :func:`bind_values`: one trailing ``VALUES`` clause, for a remote endpoint
  (:func:`graph.client.sparql_select`). A trailing ``VALUES`` clause is joined
  with the solutions of the query's ``WHERE`` clause (after grouping), which
  is what rdflib does with ``initBindings`` too, so a query answers the same
  with ``--store`` and ``--endpoint``;
- :func:`substitutions`: pyoxigraph's ``substitutions`` on the local store,
  for projected variables (bound before evaluation);
- :func:`bind_inline`: the value written in place of the variable in the
  ``WHERE`` clause, for variables the query does not project.

>>> from rdflib import URIRef
>>> print(bind_values("SELECT ?name WHERE { ?e <urn:x:name> ?name }", {"e": URIRef("urn:x:a")}))
SELECT ?name WHERE { ?e <urn:x:name> ?name }
VALUES (?e) { (<urn:x:a>) }
>>> print(bind_values('SELECT * WHERE { ?s ?p ?o }', {"o": 'say "hi"'}).splitlines()[-1])
VALUES (?o) { ("say \\"hi\\"") }
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

import pyoxigraph as ox
from rdflib import BNode
from rdflib.term import Identifier

from graph.errors import QueryError
from graph.terms import PythonValue, TermError, to_oxigraph

__all__ = ["BindingValue", "bind_inline", "bind_values", "bound_term", "projection", "substitutions"]

BindingValue = Identifier | PythonValue
_VARIABLE_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def bound_term(value: BindingValue) -> ox.NamedNode | ox.Literal:
    """The value as a pyoxigraph IRI or literal, whose ``str`` is its N-Triples form."""
    if isinstance(value, BNode):
        raise QueryError(f"cannot bind {value!r}: only IRIs and literals can be bound, not {type(value).__name__}")
    try:
        term = to_oxigraph(value)
    except TermError as exc:
        raise QueryError(f"cannot bind {value!r}: {exc}") from exc
    assert not isinstance(term, ox.BlankNode)
    return term


def _variables_of(query_text: str) -> set[str]:
    """The variables a SELECT query mentions; QueryError if it does not parse, is no
    SELECT, or already ends with a VALUES clause."""
    # Imported here: the SPARQL parser is slow to import and needed only with bindings.
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(query_text)
        query = parsed[1]
        if query.name != "SelectQuery":
            raise QueryError(f"bindings need a SELECT query, not {query.name}")
        if "valuesClause" in query:
            raise QueryError("the query already ends with a VALUES clause; bindings would add a second")
        algebra = translateQuery(parsed).algebra
    except QueryError:
        raise
    except Exception as exc:  # pyparsing and rdflib raise many kinds
        raise QueryError(f"query does not parse: {exc}") from exc
    return {str(variable) for variable in algebra.get("_vars") or ()}


def bind_values(query_text: str, bindings: Mapping[str, BindingValue]) -> str:
    """The query with one trailing VALUES clause that binds each variable to its value."""
    if not bindings:
        return query_text
    known = _variables_of(query_text)
    names: list[str] = []
    terms: list[str] = []
    for raw_name, value in bindings.items():
        name = str(raw_name).removeprefix("?").removeprefix("$")
        if not _VARIABLE_NAME.fullmatch(name):
            raise QueryError(f"{raw_name!r} is not a SPARQL variable name")
        if name not in known:
            raise QueryError(
                f"the query has no variable ?{name}; it has: {', '.join(sorted(known)) or 'none'}"
            )
        names.append(f"?{name}")
        terms.append(str(bound_term(value)))
    return f"{query_text.rstrip()}\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def _no_variable(name: str, query: str) -> QueryError:
    known = sorted(set(re.findall(r"[?$](\w+)", query)))
    return QueryError(f"the query has no variable ?{name}; it has: {', '.join(known) or 'none'}")


def substitutions(query: str, bindings: Mapping[str, BindingValue]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """pyoxigraph ``substitutions`` for these bindings (each name must be a variable of the query)."""
    out = {}
    for raw, value in bindings.items():
        name = str(raw).removeprefix("?").removeprefix("$")
        if not re.search(rf"[?$]{re.escape(name)}\b", query):
            raise _no_variable(name, query)
        out[ox.Variable(name)] = bound_term(value)
    return out


def bind_inline(query: str, bindings: Mapping[str, BindingValue]) -> str:
    """The query with each bound variable of its WHERE clause replaced by its value, written by
    pyoxigraph's serializer (an escaped RDF term, never raw text).

    Used for variables the query does not project (pyoxigraph substitutes only
    projected ones). Unlike a VALUES block, which the engine joins as a whole, a
    value written in each pattern is where every part of a UNION starts.

    >>> print(bind_inline('SELECT ?e WHERE { ?e <urn:x:name> ?name }', {"name": 'say "hi"'}))
    SELECT ?e WHERE { ?e <urn:x:name> "say \\"hi\\"" }
    """
    where = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE)
    if where is None:
        raise QueryError("the query has no WHERE clause to bind values in")
    head, body = query[: where.start()], query[where.start() :]
    for raw, value in bindings.items():
        name = str(raw).removeprefix("?").removeprefix("$")
        pattern = re.compile(rf"[?$]{re.escape(name)}\b")
        if not re.fullmatch(r"\w+", name) or not pattern.search(body):
            raise _no_variable(name, query)
        term = str(bound_term(value))
        body = pattern.sub(lambda _m, term=term: term, body)
    return head + body


def projection(query: str) -> set[str] | None:
    """The variables a SELECT projects (None for SELECT * and for other forms).

    >>> sorted(projection("SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a"))
    ['a', 'n']
    """
    found = re.search(r"\bSELECT\b(.*?)\bWHERE\b", query, re.IGNORECASE | re.DOTALL)
    if not found or "*" in found.group(1):
        return None

    def aliases(m: re.Match) -> str:
        return " ".join("?" + v for v in re.findall(r"AS\s+\?(\w+)", m.group(0)))

    head = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)", aliases, found.group(1))
    return set(re.findall(r"[?$](\w+)", head))
