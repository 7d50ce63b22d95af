"""RDF terms between rdflib and pyoxigraph: the one converter of the project.

rdflib is the API (the store's ``Dataset``, query bindings, what
:func:`graph.client.sparql_select` returns); pyoxigraph is the engine, the
parsers and the serializers. Every term that crosses between them goes
through :func:`to_oxigraph` or :func:`to_rdflib`, so an IRI, a language tag
or a datatype is checked (and a literal written) one way everywhere.

Plain Python values (``str``, ``int``, ``float``, ``bool``, ``date``,
``datetime``) become literals with their XSD datatype, as rdflib makes them.

>>> from rdflib import Literal, URIRef
>>> to_oxigraph(URIRef("urn:x:a"))
<NamedNode value=urn:x:a>
>>> str(to_oxigraph("say \\"hi\\""))
'"say \\\\"hi\\\\""'
>>> str(to_oxigraph(3))
'"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
>>> to_rdflib(to_oxigraph(Literal("Kono", lang="en"))) == Literal("Kono", lang="en")
True
>>> to_oxigraph(URIRef("http://a b"))
Traceback (most recent call last):
...
graph.terms.TermError: not a valid RDF term: 'http://a b' (...)
"""

from __future__ import annotations

from datetime import date, datetime

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

__all__ = ["OxTerm", "PythonValue", "TermError", "to_oxigraph", "to_rdflib"]

OxTerm = ox.NamedNode | ox.Literal | ox.BlankNode
PythonValue = str | int | float | bool | date | datetime
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class TermError(ValueError):
    """A value that is not a valid RDF term (an invalid IRI or language tag, or no term at all).

    Callers say what they were doing: the store raises it as a ``StoreError``,
    query bindings as a ``QueryError``.
    """


def to_oxigraph(value: Identifier | PythonValue) -> OxTerm:
    """The pyoxigraph term of an rdflib term (``URIRef``, ``Literal``, ``BNode``) or of a Python value.

    Raises :class:`TermError` for an invalid IRI or language tag, and for
    anything that is not a term (an rdflib ``Variable``, a graph, ``None``).
    """
    if isinstance(value, Identifier) and not isinstance(value, (URIRef, Literal, BNode)):
        raise TermError(f"not an RDF term: {value!r} ({type(value).__name__})")
    if value is None or (not isinstance(value, Identifier) and not isinstance(value, PythonValue)):
        raise TermError(f"not an RDF term: {value!r} ({type(value).__name__})")
    term = value if isinstance(value, Identifier) else Literal(value)
    try:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if term.language is not None:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    except ValueError as exc:
        raise TermError(f"not a valid RDF term: {str(term)!r} ({exc})") from exc


def to_rdflib(term: OxTerm) -> Identifier:
    """The rdflib term of a pyoxigraph term (a literal keeps its language or datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # a simple literal, as rdflib writes one
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TermError(f"not an RDF term: {term!r} ({type(term).__name__})")
