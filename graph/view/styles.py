"""How the view draws each kind of thing, read from the kinds table (graph/lexicon/*_kinds.toml).

``VIEW_STYLES`` gives, for each entity kind, its colour, vis.js shape and
legend label, and for each event kind the relation it draws between its
parties (its direct edge's label, else its own label) and whether that
relation has no direction. The other tables of the view are read from it. An
event of a kind the table does not have is drawn with its kind's name.

>>> VIEW_STYLES["person"].color, VIEW_STYLES["meeting"].relation, VIEW_STYLES["meeting"].symmetric
('#4e79a7', 'met', True)
>>> KIND_RELATIONS["resignation"]
('resignation', False)
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.kinds import KindTable, default_kinds
from graph.model.namespaces import KG, edge_iri


@dataclass(frozen=True, slots=True)
class KindStyle:
    """An entity type's colour, shape and label, or an event kind's relation (and colour as a node)."""

    label: str
    color: str | None = None
    shape: str | None = None
    relation: str | None = None
    symmetric: bool = False


def view_styles(kinds: KindTable) -> dict[str, KindStyle]:
    """Entity kinds (colour, shape, legend label) and event kinds (relation, symmetric), by name."""
    out = {k.name: KindStyle(k.legend or k.label, k.color, k.shape) for k in kinds.entities}
    for k in kinds.events:
        out[k.name] = KindStyle(
            k.label[:1].upper() + k.label[1:],
            color=k.color,
            relation=k.edge_label or k.label,
            symmetric=k.edge_links == "parties",
        )
    return out


def direct_edges(kinds: KindTable) -> dict[str, tuple[str, bool]]:
    """The direct entity-to-entity edges of the vocabulary, by IRI: label and whether symmetric."""
    out = {str(KG.interactedWith): ("interacted with", True), str(KG.speaksFor): ("speaks for", False)}
    for k in kinds.events:
        iri = edge_iri(k)
        if iri is not None:
            out[str(iri)] = (k.edge_label or k.edge or k.name, k.edge_links == "parties")
    return out


VIEW_STYLES: dict[str, KindStyle] = view_styles(default_kinds())
#: Colour, vis.js shape and legend label of each entity type.
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    name: (s.color, s.shape, s.label) for name, s in VIEW_STYLES.items() if s.color and s.shape
}
EVENT_NODE_STYLE = ("#555555", "dot", "Event (shown as node)")
#: The relation an event of each kind draws between its parties, and whether it has no direction.
KIND_RELATIONS: dict[str, tuple[str, bool]] = {
    name: (s.relation, s.symmetric) for name, s in VIEW_STYLES.items() if s.relation
}
#: Direct entity-to-entity edges of the vocabulary: label and whether symmetric.
DIRECT_EDGES: dict[str, tuple[str, bool]] = direct_edges(default_kinds())
