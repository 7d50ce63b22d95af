"""How the view draws each kind of thing: one table, so the vocabulary can feed it later.

``VIEW_STYLES`` gives, for each entity type, its colour (Tableau 10), vis.js
shape and legend label, and for each event kind the relation it draws
between its parties and whether that relation has no direction. The other
tables of the view are read from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model.namespaces import KG


@dataclass(frozen=True, slots=True)
class KindStyle:
    """An entity type's colour, shape and label, or an event kind's relation."""

    label: str
    color: str | None = None
    shape: str | None = None
    relation: str | None = None
    symmetric: bool = False


#: Entity types (colour, shape, legend label) and event kinds (relation, symmetric), by the extractor's name.
VIEW_STYLES: dict[str, KindStyle] = {
    "person": KindStyle("Person", "#4e79a7", "dot"),
    "organization": KindStyle("Organization", "#f28e2b", "square"),
    "country": KindStyle("Country", "#e15759", "diamond"),
    "city": KindStyle("City", "#76b7b2", "triangle"),
    "region": KindStyle("Region", "#59a14f", "triangleDown"),
    "location": KindStyle("Location", "#edc948", "hexagon"),
    "facility": KindStyle("Facility", "#b07aa1", "square"),
    "event": KindStyle("Named event", "#ff9da7", "star"),
    "product": KindStyle("Product", "#9c755f", "triangle"),
    "work": KindStyle("Work or law", "#bab0ac", "hexagon"),
    "meeting": KindStyle("Meeting", relation="met", symmetric=True),
    "talks": KindStyle("Talks", relation="held talks with", symmetric=True),
    "agreement": KindStyle("Agreement", relation="agreed with", symmetric=True),
    "visit": KindStyle("Visit", relation="visited"),
    "statement": KindStyle("Statement", relation="statement"),
    "seizure": KindStyle("Seizure", relation="seized"),
    "deployment": KindStyle("Deployment", relation="deployed to"),
    "attack": KindStyle("Attack", relation="attacked"),
    "sanction": KindStyle("Sanction", relation="sanctioned"),
    "election": KindStyle("Election", relation="election"),
}

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
DIRECT_EDGES: dict[str, tuple[str, bool]] = {
    str(KG.interactedWith): ("interacted with", True),
    str(KG.met): ("met", True),
    str(KG.heldTalksWith): ("held talks with", True),
    str(KG.agreedWith): ("agreed with", True),
    str(KG.visited): ("visited", False),
    str(KG.seized): ("seized", False),
    str(KG.deployedTo): ("deployed to", False),
    str(KG.attacked): ("attacked", False),
    str(KG.sanctioned): ("sanctioned", False),
    str(KG.speaksFor): ("speaks for", False),
}
