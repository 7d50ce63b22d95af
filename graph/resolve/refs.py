"""Resolve the references of events and roles to entities, within one article.

- a name: the entity its mention belongs to;
- "he", "his": the last person named before it;
- "they", "the two", "both", "the two leaders": the people of the event just
  told, or the last two people named;
- "the two countries": the two countries the article names most;
- "the foreign ministers of France and Germany": the people who hold that title
  in the article (or, failing that, in the corpus and named in the article),
  for those countries when their countries are known;
- "the islands": the thing the article gave that name to ("known as ...").

Each kind of reference is read by a rule (``graph/resolve/registry.py``);
:meth:`ArticleContext.resolve` asks them in order.

>>> [r.name for r in reference_rules()]
['references.name', 'references.pronoun', 'references.group', 'references.nominal']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.lexicon import BODY_DESCRIPTORS, COUNTRY_HEADS, FIRST_PERSON, LEADER_TITLES, TITLE_HEADS
from graph.records import Extraction, Ref
from graph.resolve.entities import EntityTable
from graph.resolve.gender import agrees
from graph.resolve.names import name_key
from graph.rules import DEFAULT, Rule, Settings, active


@dataclass
class ArticleContext:
    extraction: Extraction
    table: EntityTable
    # person titles: entity key -> set of (title, country entity key or None)
    titles: dict[str, set[tuple[str, str | None]]]
    corpus_titles: dict[str, set[tuple[str, str | None]]]
    rules: tuple[Rule, ...] = ()  # the active reference rules, in order
    settings: Settings = DEFAULT
    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, entity key), in text order
    things: list[tuple[int, str]] = field(default_factory=list)  # bodies and countries, in text order
    countries: Counter = field(default_factory=Counter)
    mentioned: set[str] = field(default_factory=set)
    speaks_for: set[tuple[str, str]] = field(default_factory=set)  # (city, country) seen as actor
    subjects: dict[int, set[str]] = field(default_factory=dict)  # sentence -> the people who are its main subject

    def __post_init__(self) -> None:
        aid = self.extraction.article.id
        for m in self.extraction.mentions:
            key = self.table.of_mention.get((aid, m.start, m.end))
            if key is None:
                continue
            self.mentioned.add(key)
            kind = self.table.entities[key].kind
            if kind == "person":
                self.persons.append((m.start, key))
                if m.subject:
                    self.subjects.setdefault(m.sentence, set()).add(key)
            elif kind == "country":
                self.countries[key] += 1
            if kind in {"organization", "country"}:
                self.things.append((m.start, key))
        self.persons.sort()
        self.things.sort()

    def name(self, ref: Ref) -> str | None:
        aid = self.extraction.article.id
        key = self.table.of_mention.get((aid, ref.start, ref.end))
        if key is None:
            key = self.table.lookup(ref.text)
        return key

    def top_countries(self, n: int) -> list[str]:
        ranked = sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))
        return [k for k, _ in ranked[:n]]

    def main_body(self, before: int) -> list[str]:
        """The organisation named most before this offset, when one is named more often than any other."""
        counts = Counter(
            key for start, key in self.things if start < before and self.table.entities[key].kind == "organization"
        )
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return []
        return [ranked[0][0]]

    def last_things(self, before: int) -> list[str]:
        """The last organisation or country named before this offset (within the sentence before, at most)."""
        found = [(start, key) for start, key in self.things if start < before]
        return [found[-1][1]] if found else []

    def previous_subject(self, ref: Ref) -> list[str]:
        """The one person who is the main subject of the sentence before the reference's, if they agree."""
        found = self.subjects.get(ref.sentence - 1, set())
        if len(found) != 1:
            return []
        key = next(iter(found))
        return [key] if agrees(ref.text, self.table.entities[key].label) else []

    def last_persons(self, before: int, n: int, pronoun: str = "") -> list[str]:
        """The last n people named before an offset; for 'he' or 'she', those whose forename agrees."""
        out: list[str] = []
        for _, key in reversed([p for p in self.persons if p[0] < before]):
            if key not in out and (not pronoun or agrees(pronoun, self.table.entities[key].label)):
                out.append(key)
            if len(out) == n:
                break
        return out

    def resolve(self, ref: Ref, previous: list[str] | None = None) -> list[str]:
        """Entity keys for a reference; `previous` are the participants of the event told before."""
        for r in self.rules:
            found = r.func(self, ref, previous)
            if found is not None:
                return found
        return []

    def countries_of(self, ref: Ref) -> list[str]:
        out: list[str] = []
        if ref.of_previous:  # "the two countries'", "their": the two countries the article names most
            out.extend(self.top_countries(2))
        place_kinds = self.settings.kinds.place_kinds
        for name in ref.of:
            key = self.table.lookup(name)
            if key is not None and self.table.entities[key].kind in place_kinds | {"organization"}:
                out.append(key)
        return list(dict.fromkeys(out))



def name_reference(ctx: ArticleContext, ref: Ref, previous: list[str] | None) -> list[str] | None:
    """A name: the entity its mention belongs to (or the one entity of that name)."""
    if ref.kind != "name":
        return None
    key = ctx.name(ref)
    return [key] if key else []


def pronoun_reference(ctx: ArticleContext, ref: Ref, previous: list[str] | None) -> list[str] | None:
    """'he': the subject of the sentence before, when the pronoun opens its own sentence's subject
    ('Kim met Xi. But his trip ...'), else the last person named whose forename a name dictionary
    does not call a woman's (and 'she' a man's); 'they', 'the two', 'both': the people of the event
    just told, or the last two people named."""
    if ref.kind != "pronoun":
        return None
    if ref.text.lower() in FIRST_PERSON:
        return []
    if ref.text.lower() in {"it", "its"}:  # the last body or country named before
        return ctx.last_things(ref.start)
    if ref.count == 1:  # "she": the last person named whose forename is not a man's
        if ref.topical:  # "Kim met Xi. But his trip ...": the sentence before's subject goes on
            found = ctx.previous_subject(ref)
            if found:
                return found
        return ctx.last_persons(ref.start, 1, ref.text)
    if previous and len(previous) >= 2 and (ref.count is None or len(previous) == ref.count):
        return list(previous)
    if ref.count:
        found = ctx.last_persons(ref.start, ref.count)
        return found if len(found) == ref.count else []
    return list(previous or [])


def group_reference(ctx: ArticleContext, ref: Ref, previous: list[str] | None) -> list[str] | None:
    """'the foreign ministers of France and Germany', 'the two leaders': the people who hold those titles
    in the article (or, failing that, in the corpus and named in the article), for those countries."""
    if ref.kind != "group":
        return None
    if not ref.titles and ref.of and ref.head == "leader":  # "the leaders of X and Y"
        return _leaders(ctx, ref)
    if not ref.titles:  # "the two leaders"
        if previous and ref.count and len(previous) == ref.count:
            return list(previous)
        found = ctx.last_persons(ref.start, ref.count or 2)
        return found if len(found) == (ref.count or 2) else []
    wanted = {name_key(t) for t in ref.titles}
    countries = set(ctx.countries_of(ref))

    def holders(titles: dict[str, set[tuple[str, str | None]]], only_mentioned: bool) -> list[str]:
        out = []
        # the corpus's title holders that the article names: read from the article's names, not the corpus's
        people = sorted(p for p in ctx.mentioned if p in titles) if only_mentioned else sorted(titles)
        for person in people:
            for title, country in titles[person]:
                if name_key(title) in wanted and (not countries or country is None or country in countries):
                    out.append(person)
                    break
        return out

    found = holders(ctx.titles, only_mentioned=False)
    need = max(len(countries), ref.count or 0, 2 if ref.text.lower().endswith("s") else 1)
    if len(found) < need:
        for person in holders(ctx.corpus_titles, only_mentioned=True):
            if person not in found:
                found.append(person)
    return found


def _leaders(ctx: ArticleContext, ref: Ref) -> list[str]:
    """The people of the article who lead the countries or bodies named: by the country of their title
    when it is known; else, when exactly as many people hold a leader's title, those people."""
    countries = ctx.countries_of(ref)
    if not countries:
        return []
    holders = {
        person: held
        for person, held in sorted(ctx.titles.items())
        if any(name_key(title) in LEADER_TITLES or name_key(title).split()[-1] in LEADER_TITLES for title, _ in held)
    }
    by_country = [p for p, held in holders.items() if any(of in countries for _, of in held)]
    if len(by_country) == len(countries):
        return by_country
    return list(holders) if len(holders) == len(countries) else []


_NAMED_BY_HEAD = frozenset({"organization", "facility"})


def nominal_reference(ctx: ArticleContext, ref: Ref, previous: list[str] | None) -> list[str] | None:
    """'the two countries': the two the article names most; 'the islands': the thing the article gave that name;
    'the chairman': the one person the article gives that title; 'the court': the one body or building of
    the article with that word in its name; 'the company', 'the club': the organisation the article has
    named most so far, when one has been named more than any other."""
    if ref.kind != "nominal":
        return None
    head = ref.head or ""
    if head in COUNTRY_HEADS:
        return ctx.top_countries(2) if "two" in ref.text.lower() else []
    if head in TITLE_HEADS:  # "the chairman": the one person of the article who holds a chairman's title
        holders = sorted(
            p for p, held in ctx.titles.items() if any(name_key(t).split()[-1:] == [head] for t, _ in held)
        )
        return holders if len(holders) == 1 else []
    key = ctx.table.nominal.get(ctx.extraction.article.id, {}).get(head)  # exact heads only
    if key:
        return [key]
    # "the court", "the ministry": the one body or building the article named with that word in its name
    word = head.casefold()
    named = {
        k
        for k in ctx.mentioned
        if ctx.table.entities[k].kind in _NAMED_BY_HEAD
        and word in ctx.table.entities[k].label.casefold().replace("-", " ").split()
    }
    if len(named) == 1:
        return sorted(named)
    if head in BODY_DESCRIPTORS and ref.text.lower() in {f"the {head}", f"the {head}'s"}:
        return ctx.main_body(ref.start)  # "the company": the body the article is about so far
    return []


def reference_rules(settings: Settings = DEFAULT, rules: Iterable[Rule] | None = None) -> tuple[Rule, ...]:
    from graph.resolve.registry import REFERENCE_RULES

    return active(REFERENCE_RULES if rules is None else rules, settings)
