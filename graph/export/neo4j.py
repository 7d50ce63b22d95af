"""The entity network (graph.export.network) as CSV files for Neo4j, and a Cypher script to load them.

A folder (``out/neo4j/``) with:

``nodes_<Labels>.csv``
    one file per set of labels (``nodes_Person.csv``, ``nodes_City_Place.csv``):
    ``iri:ID(Entity),name,aliases:string[],type,geonames,mentions:int,:LABEL``;
    every node also has the label ``Entity``;
``relationships_<TYPE>.csv``
    one file per relationship type (``relationships_MET.csv``):
    ``:START_ID(Entity),:END_ID(Entity),:TYPE,label,kind,event,date,day:date,precision,``
    ``articles:string[],symmetric:boolean``;
    ``date`` is the event's date at its precision (``2019-05``), ``day`` the
    same as a Neo4j date where it is a day;
``import.sh``
    the ``neo4j-admin database import full`` command for an empty database
    (the layout it reads: headers with ``:ID``, ``:LABEL``, ``:TYPE`` and
    typed properties; arrays split on ``;``);
``load.cypher``
    ``LOAD CSV`` statements that MERGE the same nodes and relationships into
    a running server (copy the CSV files to its ``import/`` folder first),
    for ``cypher-shell -f load.cypher``.

The files are written with Python's csv module (RFC 4180 quoting, which both
readers take); a ``;`` inside a name or an article id, which would split an
array, is written as ``,``.

>>> relationship_type("heldTalksWith"), file_labels(("City", "Place"))
('HELD_TALKS_WITH', 'City_Place')
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import networkx as nx

from graph.export.network import entity_network
from graph.kinds import default_kinds
from graph.store import Store

__all__ = ["NODE_HEADER", "RELATIONSHIP_HEADER", "file_labels", "relationship_type", "write_neo4j"]

NODE_HEADER = ("iri:ID(Entity)", "name", "aliases:string[]", "type", "geonames", "mentions:int", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "label", "kind", "event", "date",
                       "day:date", "precision", "articles:string[]", "symmetric:boolean")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLASS = {k.name: k.class_name for k in default_kinds().entities}
_PLACES = {k.name for k in default_kinds().entities if k.place}


def relationship_type(relation: str) -> str:
    """A relation's local name as a Neo4j relationship type: ``speaksFor`` -> ``SPEAKS_FOR``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def file_labels(labels: tuple[str, ...]) -> str:
    return "_".join(labels)


def _labels(types: str) -> tuple[str, ...]:
    """The node labels of an entity (its types' class names, e.g. City and Place), without Entity."""
    names = [_CLASS.get(t, t.title()) for t in types.split()]
    if any(t in _PLACES for t in types.split()):
        names.append("Place")
    return tuple(dict.fromkeys(names))


def _array(text: str, separator: str) -> str:
    return ";".join(item.replace(";", ",") for item in text.split(separator) if item)


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _files(network: nx.MultiDiGraph) -> tuple[dict[str, list[tuple]], dict[str, list[tuple]]]:
    nodes: dict[str, list[tuple]] = {}
    for iri, d in sorted(network.nodes(data=True)):
        labels = _labels(d["types"])
        nodes.setdefault(file_labels(labels), []).append(
            (iri, d["label"], _array(d["aliases"], "; "), d["type"], d["geonames"], d["mentions"],
             ";".join(("Entity", *labels))))
    relationships: dict[str, list[tuple]] = {}
    for a, b, d in sorted(network.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"], e[2]["event"])):
        kind = relationship_type(d["relation"])
        relationships.setdefault(kind, []).append(
            (a, b, kind, d["label"], d["kind"], d["event"], d["date"], d["date"] if _DAY.match(d["date"]) else "",
             d["precision"], _array(d["articles"], " "), "true" if d["symmetric"] else "false"))
    return nodes, relationships


def _import_command(nodes: list[str], relationships: list[str]) -> str:
    args = [f"--nodes={name}" for name in nodes] + [f"--relationships={name}" for name in relationships]
    lines = " \\\n    ".join(["neo4j-admin database import full", *args, "--array-delimiter=';' neo4j"])
    return ("#!/bin/sh\n# Into an empty database (stop the server first); run from this folder.\n"
            "# Neo4j 5: neo4j-admin database import full; Neo4j 4: neo4j-admin import --database=neo4j.\n"
            f"set -e\ncd \"$(dirname \"$0\")\"\n{lines}\n")


def _cypher(nodes: dict[str, list[tuple]], relationships: dict[str, list[tuple]]) -> str:
    out = ["// Load the CSV files of this folder into a running Neo4j (5.x): copy them to its import/ folder first.\n"
           "// cypher-shell -f load.cypher   (MERGE: running it twice changes nothing)\n"
           "CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (e:Entity) REQUIRE e.iri IS UNIQUE;"]
    for name in nodes:
        labels = ":".join(name.split("_"))
        out.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///nodes_{name}.csv' AS row\n"
            "MERGE (e:Entity {iri: row.`iri:ID(Entity)`})\n"
            f"SET e:{labels}, e.name = row.name, e.type = row.type,\n"
            "    e.aliases = CASE row.`aliases:string[]` WHEN '' THEN []\n"
            "                ELSE split(row.`aliases:string[]`, ';') END,\n"
            "    e.geonames = CASE row.geonames WHEN '' THEN null ELSE row.geonames END,\n"
            "    e.mentions = toInteger(row.`mentions:int`);")
    for kind in relationships:
        out.append(
            f"LOAD CSV WITH HEADERS FROM 'file:///relationships_{kind}.csv' AS row\n"
            "MATCH (a:Entity {iri: row.`:START_ID(Entity)`}), (b:Entity {iri: row.`:END_ID(Entity)`})\n"
            f"MERGE (a)-[r:{kind} {{event: coalesce(row.event, '')}}]->(b)\n"
            "SET r.label = row.label, r.kind = row.kind, r.date = row.date, r.precision = row.precision,\n"
            "    r.day = CASE row.`day:date` WHEN '' THEN null ELSE date(row.`day:date`) END,\n"
            "    r.articles = CASE row.`articles:string[]` WHEN '' THEN []\n"
            "                 ELSE split(row.`articles:string[]`, ';') END,\n"
            "    r.symmetric = row.`symmetric:boolean` = 'true';")
    return "\n\n".join(out) + "\n"


def write_neo4j(store: Store, folder: Path) -> None:
    """Write the folder (replacing a folder or file that was there, such as the empty file
    graph.atomic.staged gives): node and relationship CSVs, import.sh, load.cypher."""
    nodes, relationships = _files(entity_network(store))
    nodes, relationships = dict(sorted(nodes.items())), dict(sorted(relationships.items()))
    folder = Path(folder)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, rows in nodes.items():
        _write_csv(tmp / f"nodes_{name}.csv", NODE_HEADER, rows)
    for kind, rows in relationships.items():
        _write_csv(tmp / f"relationships_{kind}.csv", RELATIONSHIP_HEADER, rows)
    script = tmp / "import.sh"
    script.write_text(_import_command([f"nodes_{n}.csv" for n in nodes],
                                      [f"relationships_{k}.csv" for k in relationships]), encoding="utf-8")
    script.chmod(0o755)
    (tmp / "load.cypher").write_text(_cypher(nodes, relationships), encoding="utf-8")
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
    tmp.rename(folder)
