"""The exceptions of the package, one tree::

    KGError                      anything this package raises on purpose
    ├── InputError               an article or input file cannot be read
    ├── ModelError               the spaCy model cannot be loaded
    ├── InvalidIRIError          an IRI that would not be valid RDF
    ├── StoreError               the RDF store cannot be opened or written
    ├── QueryError               a SPARQL query is missing, does not parse or fails
    ├── EndpointError            a remote SPARQL endpoint refused or failed a request
    └── RegistryError            a lookup by name (exporter, query, rule, kind) found nothing

Every error says what went wrong in one line; a lookup that fails lists what is available:

>>> from graph.export import get_exporter
>>> try:
...     get_exporter("ttl")
... except KGError as exc:
...     print(type(exc).__name__, exc)
RegistryError Unknown exporter 'ttl'. Available: gexf, graphml, html, jsonld, neo4j, nquads, trig, turtle
"""


class KGError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(KGError):
    """An article or input file cannot be read."""


class ModelError(KGError):
    """The spaCy model cannot be loaded."""


class InvalidIRIError(KGError, ValueError):
    """An IRI that would not be valid RDF."""


class StoreError(KGError):
    """The RDF store cannot be opened or written."""


class QueryError(KGError):
    """A SPARQL query is missing, does not parse or fails."""


class EndpointError(KGError):
    """A remote SPARQL endpoint refused or failed a request."""


class RegistryError(KGError, KeyError):
    """A lookup by name found nothing; the message lists what is available."""

    def __str__(self) -> str:  # KeyError quotes its message; we don't
        return str(self.args[0]) if self.args else ""
