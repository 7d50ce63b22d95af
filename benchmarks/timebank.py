"""The time layer on TimeBank + AQUAINT (TempEval-3), beside a dateparser baseline.

    .venv/bin/python benchmarks/timebank.py [--data ../shared/eval/timebank/tbaq.jsonl]
                                            [--out out/timebank.jsonl] [--no-baseline]

Runs :func:`graph.extract.timexpr.read_times` (what ``kg timex`` and the
builder use) over every document, with the document's creation time as its
date, and ``dateparser.search.search_dates`` with the same date as its base,
and prints, in one run, both systems' figures, this project's accuracy by
class, and the speed of each. This project's predictions are written to
``--out`` as JSON lines (one document a line, as ``kg timex --jsonl`` writes).

Definitions (character spans are half-open; two spans match when they overlap):

- The gold base is every DATE TIMEX3 whose value is fixed: ``YYYY``,
  ``YYYY-MM`` or ``YYYY-MM-DD`` (1,044 expressions).
- A prediction's value is the ISO day, month or year it gives. An interval of
  more than seven days counts as the smallest calendar month or year that holds
  it ("early December" is ``1998-12``, as TimeML writes it with ``mod="START"``;
  "late last year" is ``1997``); a shorter interval (a week, a weekend), one
  that no single month or year holds, and an unresolved expression have no
  value. A span of time written as two ends ("from Aug. 26 to Oct. 20") is
  scored as its two ends, as TimeML annotates it.
- Predictions that overlap no fixed-value gold DATE but overlap another gold
  timex (TIME, DURATION, SET, or a DATE such as ``PRESENT_REF`` or ``1998-W32``)
  are set aside: they count neither for nor against.
- Extent precision: predictions overlapping a fixed-value gold DATE, over those
  plus the predictions overlapping no gold timex at all. Extent recall: gold
  expressions overlapped by at least one prediction, over the gold base.
- Value precision: predictions with a value that overlap a fixed-value gold DATE
  and whose value equals the value of a gold expression they overlap, over all
  predictions with a value that overlap a fixed-value gold DATE. Value recall:
  gold expressions overlapped by a prediction with an equal value, over the gold
  base. F1 is the harmonic mean of the two.
- "outside" counts predictions with a value that overlap no gold timex: they
  are in the extent precision, not in the value precision. The stricter
  "val P*" counts them as wrong values too (right over valued + outside).
- Classes (by the gold words; first that applies): "ago", part of period
  ("early", "mid", "late", "end", ...), deictic ("today", "yesterday", "now",
  "tonight"), named period ("this week", "last year"), absolute (a year with a
  month or day), month-day, month name, weekday, year, other. Accuracy by class
  is value recall within the class; "wrong" counts gold expressions overlapped
  only by predictions with another value.
- docs/s: documents a second, one process; for newskg spaCy's parse is
  included (the model is loaded before the clock starts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "timebank" / "tbaq.jsonl"
FIXED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
CLASSES: tuple[tuple[str, re.Pattern], ...] = (
    ("ago", re.compile(r"\bago\b")),
    ("part of period", re.compile(r"\b(?:early|mid|middle|late|end|beginning|start|later|earlier)\b")),
    ("deictic", re.compile(r"\b(?:today|tonight|yesterday|tomorrow|now|currently)\b")),
    ("named period", re.compile(r"\b(?:this|last|next|that|the same|the past|the coming) (?:week|month|year)\b")),
    ("absolute", re.compile(rf"\b{_MONTH}\b.*\b\d{{4}}\b|\b\d{{4}}-\d\d")),
    ("month-day", re.compile(rf"\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}")),
    ("month name", re.compile(rf"\b{_MONTH}\b")),
    ("weekday", re.compile(rf"\b{_WEEKDAY}\b")),
    ("year", re.compile(r"\b\d{4}\b|\b'\d\d\b")),
)


def gold_class(words: str) -> str:
    text = words.lower()
    for name, pattern in CLASSES:
        if pattern.search(text):
            return name
    return "other"


@dataclass(frozen=True, slots=True)
class Prediction:
    start: int
    end: int
    text: str
    value: str | None


def enclosing_value(precision: str, value: str | None, start: str | None, end: str | None) -> str | None:
    """The ISO value of a prediction: its own, or for an interval of more than a week the
    month or year that holds it."""
    if value is not None:
        return value
    if precision != "interval" or not start or not end:
        return None
    if (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days < 7:
        return None  # a week, a weekend, a few days: no month or year says it
    if start[:7] == end[:7]:
        return start[:7]
    if start[:4] == end[:4]:
        return start[:4]
    return None


# -- the two systems --------------------------------------------------------------------


def run_project(docs: list[dict]) -> tuple[dict[str, list[Prediction]], list[dict], float]:
    from graph.extract.timexpr import read_times
    from graph.nlp import load_model
    from graph.timex.output import timex_json

    nlp = load_model()
    nlp("Warm-up on Friday.")
    started = time.perf_counter()
    out: dict[str, list[Prediction]] = {}
    lines: list[dict] = []
    for doc, record in nlp.pipe(((d["text"], d) for d in docs), as_tuples=True, batch_size=16):
        anchor = dt.date.fromisoformat(record["dct"][:10])
        found = read_times(doc, anchor)
        out[record["id"]] = [
            Prediction(e.start, e.end, e.text, enclosing_value(v.precision.value, v.value, v.start, v.end))
            for r in found
            for e, v in (r.ends or [(r.expression, r.value)])
        ]
        timexes = [timex_json(r.expression, r.value, r.ends) for r in found]
        lines.append({"id": record["id"], "date": anchor.isoformat(), "timexes": timexes})
    return out, lines, time.perf_counter() - started


def run_dateparser(docs: list[dict]) -> tuple[dict[str, list[Prediction]], float]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    started = time.perf_counter()
    out: dict[str, list[Prediction]] = {}
    for d in docs:
        base = dt.datetime.fromisoformat(d["dct"][:10])
        settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(d["text"], languages=["en"], settings=settings) or []
        preds, cursor = [], 0
        for words, when in found:
            at = d["text"].find(words, cursor)
            if at < 0:
                at = d["text"].find(words)
            if at < 0:
                continue
            cursor = at + len(words)
            period = DateDataParser(languages=["en"], settings=settings).get_date_data(words).period
            iso = {"year": "%Y", "month": "%Y-%m"}.get(period or "day", "%Y-%m-%d")
            preds.append(Prediction(at, at + len(words), words, when.strftime(iso)))
        out[d["id"]] = preds
    return out, time.perf_counter() - started


# -- scoring ----------------------------------------------------------------------------


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class Score:
    extent_tp: int = 0  # predictions overlapping a fixed gold DATE
    extent_fp: int = 0  # predictions overlapping no gold timex
    set_aside: int = 0
    gold_found: int = 0
    valued: int = 0  # predictions with a value overlapping a fixed gold DATE
    valued_right: int = 0
    valued_outside: int = 0
    gold_right: int = 0
    gold: int = 0

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> tuple[float, ...]:
        ep = self.extent_tp / max(1, self.extent_tp + self.extent_fp)
        er = self.gold_found / max(1, self.gold)
        vp = self.valued_right / max(1, self.valued)
        vr = self.gold_right / max(1, self.gold)
        strict = self.valued_right / max(1, self.valued + self.valued_outside)
        return ep, er, self.f1(ep, er), vp, vr, self.f1(vp, vr), strict


def score(docs: list[dict], predictions: dict[str, list[Prediction]], by_class: Counter | None = None) -> Score:
    s = Score()
    for d in docs:
        gold = [t for t in d["timexes"] if t["type"] == "DATE" and FIXED.match(t["value"] or "")]
        other = [t for t in d["timexes"] if t not in gold]
        s.gold += len(gold)
        preds = predictions.get(d["id"], [])
        for p in preds:
            hit = [g for g in gold if overlaps(p.start, p.end, g["start"], g["end"])]
            if hit:
                s.extent_tp += 1
                if p.value is not None:
                    s.valued += 1
                    s.valued_right += any(g["value"] == p.value for g in hit)
            elif any(overlaps(p.start, p.end, t["start"], t["end"]) for t in other):
                s.set_aside += 1
            else:
                s.extent_fp += 1
                s.valued_outside += p.value is not None
        for g in gold:
            hit = [p for p in preds if overlaps(p.start, p.end, g["start"], g["end"])]
            right = any(p.value == g["value"] for p in hit)
            s.gold_found += bool(hit)
            s.gold_right += right
            if by_class is not None:
                name = gold_class(g["text"])
                by_class[name, "n"] += 1
                by_class[name, "right"] += right
                by_class[name, "wrong"] += not right and any(p.value is not None for p in hit)
    return s


def misses(docs: list[dict], predictions: dict[str, list[Prediction]]) -> list[dict]:
    """Every fixed gold DATE not valued right, with what was predicted over it."""
    out = []
    for d in docs:
        preds = predictions.get(d["id"], [])
        for g in d["timexes"]:
            if g["type"] != "DATE" or not FIXED.match(g["value"] or ""):
                continue
            hit = [p for p in preds if overlaps(p.start, p.end, g["start"], g["end"])]
            if any(p.value == g["value"] for p in hit):
                continue
            context = d["text"][max(0, g["start"] - 60) : g["end"] + 40].replace("\n", " ")
            out.append(
                {
                    "id": d["id"],
                    "dct": d["dct"][:10],
                    "class": gold_class(g["text"]),
                    "gold": [g["text"], g["value"]],
                    "predicted": [[p.text, p.value] for p in hit],
                    "context": context,
                }
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "timebank.jsonl", help="this project's predictions")
    ap.add_argument("--misses", type=Path, help="also write every gold expression not valued right (JSON lines)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the (slow) dateparser baseline")
    args = ap.parse_args()
    docs = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]

    ours, lines, ours_secs = run_project(docs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    rows = [("newskg (read_times)", score(docs, ours, by := Counter()), ours_secs)]
    if not args.no_baseline:
        theirs, theirs_secs = run_dateparser(docs)
        rows.append(("dateparser search_dates", score(docs, theirs), theirs_secs))

    gold = rows[0][1].gold
    print(f"TimeBank + AQUAINT: {len(docs)} documents, {gold} DATE expressions with a fixed value")
    print()
    header = ("ext P", "ext R", "ext F1", "val P", "val R", "val F1", "val P*")
    print(f"{'system':<26} " + " ".join(f"{h:>6}" for h in header) + "  docs/s")
    for name, s, secs in rows:
        cells = " ".join(f"{x:6.3f}" for x in s.row())
        print(f"{name:<26} {cells}  {len(docs) / secs:6.1f}")
    print()
    print(f"{'counts':<26} {'ext TP':>7} {'ext FP':>7} {'aside':>7} {'valued':>7} {'right':>7} {'outside':>8}")
    for name, s, _ in rows:
        print(
            f"{name:<26} {s.extent_tp:7d} {s.extent_fp:7d} {s.set_aside:7d} {s.valued:7d} {s.valued_right:7d}"
            f" {s.valued_outside:8d}"
        )
    print()
    print("newskg value accuracy by class (gold expressions):")
    print(f"  {'class':<16} {'n':>5} {'right':>6} {'wrong':>6} {'missed':>7} {'accuracy':>9}")
    names = sorted({k[0] for k in by}, key=lambda k: -by[k, "n"])
    for name in names:
        n, right, wrong = by[name, "n"], by[name, "right"], by[name, "wrong"]
        print(f"  {name:<16} {n:5d} {right:6d} {wrong:6d} {n - right - wrong:7d} {right / n:9.3f}")
    print()
    print(f"predictions: {args.out}")
    if args.misses:
        args.misses.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses(docs, ours)))
        print(f"misses: {args.misses}")


if __name__ == "__main__":
    main()
