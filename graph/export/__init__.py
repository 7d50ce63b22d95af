"""Exporters: one registry, filled here, that the CLI and plugins use alike.

>>> sorted(EXPORTERS)
['gexf', 'graphml', 'html', 'jsonld', 'neo4j', 'nquads', 'trig', 'turtle']
>>> get_exporter("ttl2")
Traceback (most recent call last):
...
graph.errors.RegistryError: Unknown exporter 'ttl2'. Available: gexf, graphml, html, jsonld, neo4j, nquads, trig, turtle
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from graph.errors import RegistryError
from graph.store import Store


class ExportFunction(Protocol):
    def __call__(self, store: Store, path: Path) -> None: ...


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    filename: str  # default file name in the output folder (a folder for neo4j)
    write: ExportFunction
    description: str


def _html(store: Store, path: Path) -> None:
    from graph.view import write_store_view

    write_store_view(store, path)


def _registry() -> dict[str, Exporter]:
    from graph.export.jsonld import write_jsonld
    from graph.export.neo4j import write_neo4j
    from graph.export.network import write_gexf, write_graphml
    from graph.export.rdf import write_nquads, write_trig, write_turtle

    return {
        "turtle": Exporter("turtle", "graph.ttl", write_turtle, "the merged graph as Turtle"),
        "trig": Exporter("trig", "graph.trig", write_trig, "one named graph per article, with provenance"),
        "html": Exporter("html", "graph.html", _html, "an interactive page that works offline"),
        "nquads": Exporter("nquads", "graph.nq", write_nquads, "every quad, one per line"),
        "jsonld": Exporter("jsonld", "graph.jsonld", write_jsonld, "every graph as JSON-LD, with the shipped context"),
        "graphml": Exporter("graphml", "graph.graphml", write_graphml, "the entity network as GraphML (networkx)"),
        "gexf": Exporter("gexf", "graph.gexf", write_gexf, "the entity network as GEXF, for Gephi (networkx)"),
        "neo4j": Exporter("neo4j", "neo4j", write_neo4j,
                          "the entity network as neo4j-admin import CSVs, with a LOAD CSV script (a folder)"),
    }


EXPORTERS: dict[str, Exporter] = _registry()
DEFAULT_EXPORTS = ("turtle", "trig", "html")


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise RegistryError(f"Unknown exporter {name!r}. Available: {', '.join(sorted(EXPORTERS))}") from None
