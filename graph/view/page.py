"""The page: one self-contained HTML file that works offline.

The network and data are rendered through ``assets/template.html`` by pyvis.
vis-network comes inline from pyvis's own copy, so the page makes no request:
nothing is fetched from a CDN and nothing is written next to it. Article text
(names, sentences) travels as JSON in ``<script type="application/json">``
blocks, escaped so that no text can close the block, and the page builds every
panel with ``textContent``: a name like ``<script>`` is shown, never run.

>>> print(_json({"name": "</script><script>alert(1)</script>"}))
{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}
"""

from __future__ import annotations

import json
import re
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.view.read import ASSETS

_REMOTE = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script\s*>",
    re.IGNORECASE,
)



def _json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no text can end the element or a JS string."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)  # escaped above for the script-data context



def _physics(count: int) -> dict[str, Any]:
    """vis.js options: fixed seed, bounded stabilization, cheaper physics for big graphs."""
    big = count > 1000
    return {
        "autoResize": True,
        "layout": {"randomSeed": 20240607, "improvedLayout": count <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"theta": 1.0 if big else 0.5, "gravitationalConstant": -60,
                                 "centralGravity": 0.008, "springLength": 110, "springConstant": 0.08,
                                 "damping": 0.5, "avoidOverlap": 0},
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "fit": True, "updateInterval": 10,
                              "iterations": 400 if count <= 300 else max(25, 120_000 // count)},
        },
        "interaction": {"hover": True, "hideEdgesOnDrag": big, "tooltipDelay": 150, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"size": 10, "align": "horizontal", "face": "sans-serif",
                                             "background": "rgba(255,255,255,0.75)", "strokeWidth": 0},
                  "color": {"color": "#8a8a8a", "highlight": "#222222", "hover": "#444444"},
                  "arrows": {"to": {"scaleFactor": 0.5}}, "width": 1.2, "selectionWidth": 2},
    }



def _asset(name: str, closer: str) -> Markup:
    """A CSS or JS asset to inline; it must not hold the tag that would end its element."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    if closer in text.lower():
        raise ValueError(f"asset {name} contains {closer!r}")
    return Markup(text)  # our own file, checked above


def render_html(net: Network, data: dict[str, Any], title: str, note: str = "") -> str:
    """The page as one string, rendered by pyvis through the template in ``assets``.

    ``note`` says on the page which part of the graph it shows, when not all of it.
    """
    environment = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(ASSETS)), FileSystemLoader(net.template_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    environment.filters["script_json"] = _json
    environment.globals.update(
        kg_title=title, kg_note=note, kg_data=_json(data), kg_options=_json(_physics(len(data["entities"]))),
        kg_css=_asset("view.css", "</style"), kg_js=_asset("view.js", "</script"),
    )
    net.templateEnv = environment
    net.path = "template.html"
    html = net.generate_html(name="graph.html")
    return _REMOTE.sub("", html)

