"""A grounded time expression as plain JSON: what ``kg timex`` prints.

>>> from graph.records import Precision, Tense, TimeExpression, TimeValue
>>> expr = TimeExpression("on Friday", Tense.PAST, 10, 19)
>>> timex_json(expr, TimeValue("on Friday", Precision.DAY, "2021-03-05"))
{'start': 10, 'end': 19, 'text': 'on Friday', 'value': '2021-03-05', 'precision': 'day', 'tense': 'past'}
"""

from __future__ import annotations

from typing import Any

from graph.records import Precision, TimeExpression, TimeValue


def timex_json(
    expr: TimeExpression, value: TimeValue, ends: tuple[tuple[TimeExpression, TimeValue], ...] = ()
) -> dict[str, Any]:
    """Offsets and words of `expr`, and its value; an interval adds its first and last day,
    a span of time written as two ends ("March 24-25") the two ends."""
    out: dict[str, Any] = {
        "start": expr.start,
        "end": expr.end,
        "text": expr.text,
        "value": value.value,
        "precision": value.precision.value,
        "tense": expr.tense.value,
    }
    if value.precision is Precision.INTERVAL:
        out["interval"] = [value.start, value.end]
    if ends:
        out["ends"] = [timex_json(e, v) for e, v in ends]
    return out
