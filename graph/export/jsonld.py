"""JSON-LD of the whole dataset, with the shipped context (graph/model/context.jsonld).

The file holds the same quads as ``graph.trig``: the default graph's nodes at
the top of ``@graph``, then one ``{"@id": GRAPH, "@graph": [...]}`` object per
named graph (the corpus graph, then each article's). Terms are compacted
with the context the package ships, ``graph/model/context.jsonld`` (the
prefixes of the Turtle files: ``kg:``, ``rdfs:``, ``schema:`` ...), which is
written into the file, so it reads offline; other documents can point at the
same context.

Each graph is compacted by rdflib's JSON-LD converter from the stored Turtle
of its units (graph.store), one graph at a time, so writing never holds more
than one graph in memory; nodes are sorted by ``@id``, one a line. Literals
other than strings keep their datatype (``{"@value": "false", "@type":
"xsd:boolean"}``), never a native JSON value, so every lexical form reads
back as written.

>>> import tempfile
>>> from graph.model.rdf import Unit
>>> folder = Path(tempfile.mkdtemp())
>>> store = Store(folder / "store")
>>> line = '<https://w3id.org/newskg/id/entity/anna-berg> <http://www.w3.org/2000/01/rdf-schema#label> "Anna Berg" .'
>>> _ = store.update([Unit("https://w3id.org/newskg/id/corpus", "<x>", (line,))])
>>> write_jsonld(store, folder / "graph.jsonld")
>>> document = json.loads((folder / "graph.jsonld").read_text(encoding="utf-8"))
>>> document["@graph"][0]["@graph"]
[{'@id': 'https://w3id.org/newskg/id/entity/anna-berg', 'rdfs:label': 'Anna Berg'}]
>>> store.close()
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import groupby
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.serializers.jsonld import Converter
from rdflib.plugins.shared.jsonld.context import Context

from graph.store import PREFIX_HEADER, Store

__all__ = ["context", "write_jsonld"]


@cache
def context() -> dict[str, str]:
    """The shipped context's ``@context`` object."""
    text = resources.files("graph.model").joinpath("context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def _nodes(turtle: str) -> list[dict]:
    """The node objects of one graph (given as Turtle without prefixes), compacted with the context."""
    graph = Graph()
    graph.parse(data=PREFIX_HEADER + turtle, format="turtle")
    converter = Converter(Context(context()), use_native_types=False, use_rdf_type=False)
    # rdflib turns on native JSON values whenever a context is active; they lose lexical forms and,
    # for a node with both `false` and `true`, a value. Typed literals keep every quad as it is.
    converter.use_native_types = False
    result = converter.convert(graph)
    nodes = result if isinstance(result, list) else result.get("@graph", [result])
    return sorted((node for node in nodes if len(node) > 1 or "@id" not in node), key=lambda n: n.get("@id", ""))


def _chunks(store: Store) -> Iterator[str]:
    yield '{"@context": ' + json.dumps(context(), indent=1) + ',\n"@graph": ['
    first = True
    for graph, units in groupby(store.graphs_turtle(), key=lambda pair: pair[0]):
        nodes = _nodes("".join(turtle for _graph, turtle in units))
        if not nodes:
            continue
        items = nodes if graph is None else [{"@id": graph, "@graph": nodes}]
        for item in items:
            if graph is None:
                yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False, sort_keys=True)
            else:
                head = json.dumps({"@id": graph}, ensure_ascii=False)[:-1]
                yield ("\n" if first else ",\n") + head + ', "@graph": [\n'
                yield ",\n".join(json.dumps(n, ensure_ascii=False, sort_keys=True) for n in item["@graph"])
                yield "\n]}"
            first = False
    yield "\n]}\n"


def write_jsonld(store: Store, path: Path) -> None:
    """The default graph, the corpus graph and every article's graph as one JSON-LD document."""
    tmp = Path(path).with_name(Path(path).name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        for chunk in _chunks(store):
            f.write(chunk)
    tmp.replace(path)
