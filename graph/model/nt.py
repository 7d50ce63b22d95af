"""RDF terms as N-Triples text: what the model stage writes, fast and without rdflib.

The model stage turns a corpus into millions of statements; as strings they
hash, sort, compare and go into Oxigraph's parser with no per-term objects.
Each function gives one term in the N-Triples syntax (which is also valid
Turtle, TriG and SPARQL).

>>> iri("https://example.org/a")
'<https://example.org/a>'
>>> text('He said "no"\\n')
'"He said \\\\"no\\\\"\\\\n"'
>>> integer(3)
'"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
>>> statement("<s>", "<p>", '"o"')
'<s> <p> "o" .'
"""

from __future__ import annotations

XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    """An IRI already checked where it was made (graph.model.namespaces)."""
    return f"<{value}>"


def text(value: str) -> str:
    """A plain string literal (xsd:string)."""
    return f'"{value.translate(_ESCAPES)}"'


def typed(value: str, datatype: str) -> str:
    """A literal of an XSD datatype given by local name ("date", "gYear") or full IRI."""
    full = datatype if "://" in datatype else XSD + datatype
    return f'"{value.translate(_ESCAPES)}"^^<{full}>'


def integer(value: int) -> str:
    return typed(str(int(value)), "integer")


def boolean(value: bool) -> str:
    return typed("true" if value else "false", "boolean")


def statement(subject: str, predicate: str, obj: str) -> str:
    """One N-Triples line (without its newline)."""
    return f"{subject} {predicate} {obj} ."
