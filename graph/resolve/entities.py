"""One node per real-world entity, however many names the articles use.

Within an article: a surname joins the full name it belongs to ("Berg" ->
"Anna Berg") whatever label the model gave it, a demonym points to its
country ("French" -> France), and names the text says are one ("known as A
and B", "X, called Y") join. Across articles: the same normalized name,
romanization variants (Dmitry/Dmitri), family-name-first forms, acronyms of a
long form ("G7" / "Group of 7"), a short organisation name that ends a
unique longer one ("Foreign Ministry"), and a lone surname that matches one
person of the corpus. Person names never join place or organisation names.
The type of an entity is a vote of all its mentions, its titles and what the
text calls it, with the gazetteer's word on places.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph import gazetteer
from graph.extract.lexicon import LANDFORM_NOUNS
from graph.model.namespaces import slug
from graph.records import Entity, Extraction, Mention
from graph.resolve.names import acronym_of, as_acronym, name_key, tokens, translit_key

MentionId = tuple[str, int, int]  # article id, start, end

KIND_ORDER = (
    "person",
    "country",
    "city",
    "region",
    "location",
    "organization",
    "facility",
    "event",
    "product",
    "work",
    "place",
)
PLACE_KINDS = frozenset({"country", "city", "region", "location", "place", "facility"})
_EVENT_WORDS = frozenset(
    {
        "olympics",
        "games",
        "war",
        "summit",
        "cup",
        "championship",
        "championships",
        "expo",
        "festival",
        "crisis",
        "revolution",
    }
)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[MentionId, MentionId] = {}

    def add(self, x: MentionId) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: MentionId) -> MentionId:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: MentionId, b: MentionId) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller id wins: the result does not depend on the order of the input
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self) -> dict[MentionId, list[MentionId]]:
        out: dict[MentionId, list[MentionId]] = defaultdict(list)
        for x in sorted(self.parent):
            out[self.find(x)].append(x)
        return out


def mid(m: Mention) -> MentionId:
    return (m.article_id, m.start, m.end)


def is_person(m: Mention) -> bool:
    return m.label == "PERSON" and m.kind == "person"


@dataclass
class EntityTable:
    """The result: entities, and which entity each mention names."""

    entities: dict[str, Entity] = field(default_factory=dict)
    of_mention: dict[MentionId, str] = field(default_factory=dict)
    # article id -> head noun ("island") -> entity key, from "the islands ... known as ..."
    nominal: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)  # name key -> entity keys

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> str | None:
        """The entity a name stands for, when exactly one does."""
        keys = self.by_name.get(name_key(name), [])
        if kinds is not None:
            wanted = set(kinds)
            keys = [k for k in keys if self.entities[k].kind in wanted]
        return keys[0] if len(keys) == 1 else None


class EntityResolver:
    def __init__(self, extractions: list[Extraction]):
        self.extractions = extractions
        self.mentions: dict[MentionId, Mention] = {}
        self.uf = UnionFind()
        self.votes: dict[MentionId, Counter] = defaultdict(Counter)  # extra votes on a mention's group
        self.demonyms: dict[MentionId, str] = {}  # NORP mention -> country name
        self.nominal_heads: dict[str, dict[str, MentionId]] = defaultdict(dict)

    # -- building ---------------------------------------------------------------------

    def _add(self, m: Mention) -> None:
        self.mentions.setdefault(mid(m), m)
        self.uf.add(mid(m))

    def resolve(self) -> EntityTable:
        for ex in self.extractions:
            for m in ex.mentions:
                self._add(m)
            self._alias_mentions(ex)
        self.by_article: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions.values():
            self.by_article[m.article_id].append(m)
        for ex in self.extractions:
            self._within_article(ex)
        self._across_articles()
        self._demonyms()
        return self._table()

    def _alias_mentions(self, ex: Extraction) -> None:
        """Names found only by an alias statement become mentions."""
        for al in ex.aliases:
            for ref in (*al.names, al.antecedent):
                if ref is not None and ref.kind == "name" and (ex.article.id, ref.start, ref.end) not in self.mentions:
                    self._add(
                        Mention(
                            ex.article.id,
                            ref.sentence,
                            ref.start,
                            ref.end,
                            ref.text,
                            ref.label or "LOC",
                            "location" if (ref.label or "LOC") == "LOC" else "organization",
                        )
                    )

    def _within_article(self, ex: Extraction) -> None:
        aid = ex.article.id
        ms = self.by_article.get(aid, [])
        full = [m for m in ms if is_person(m) and len(tokens(m.text)) >= 2]
        by_full: dict[str, MentionId] = {}
        for m in full:
            k = translit_key(m.text)
            if k in by_full:
                self.uf.union(by_full[k], mid(m))
            else:
                by_full[k] = mid(m)
        # surnames (and given names) join the one full name they belong to
        for m in ms:
            # a GPE the gazetteer does not know may be a surname the model took for a place ("Scholz")
            if m.label == "NORP" or (m.label == "GPE" and gazetteer.place_kind(m.text)):
                continue
            if len(tokens(m.text)) != 1 or m in full:
                continue
            word = translit_key(m.text)
            owners = {self.uf.find(v) for k, v in by_full.items() if word in (k.split()[-1], k.split()[0])}
            if len(owners) == 1:
                self.uf.union(owners.pop(), mid(m))
        # same name, same article, not a person name: one entity
        seen: dict[str, MentionId] = {}
        for m in ms:
            if m.label == "NORP" or is_person(m):
                continue
            k = self._place_key(m)
            if k in seen:
                self.uf.union(seen[k], mid(m))
            else:
                seen[k] = mid(m)
        # names the text says are one
        for al in ex.aliases:
            ids = [(aid, r.start, r.end) for r in al.names if (aid, r.start, r.end) in self.mentions]
            ant = al.antecedent
            if ant is not None and ant.kind == "name" and (aid, ant.start, ant.end) in self.mentions:
                ids.append((aid, ant.start, ant.end))
            elif ant is not None and ant.kind == "nominal" and ant.head:
                known = self.nominal_heads[aid].get(ant.head)
                if known is not None:
                    ids.append(known)
                if ids:
                    self.nominal_heads[aid].setdefault(ant.head, ids[0])
                    if ant.head in LANDFORM_NOUNS or ant.head + "s" in LANDFORM_NOUNS:
                        self.votes[ids[0]]["location"] += 3
            for other in ids[1:]:
                self.uf.union(ids[0], other)
        # titles make persons
        for role in ex.roles:
            key = (aid, role.person.start, role.person.end)
            if key in self.mentions:
                self.votes[key]["person"] += 3

    def _place_key(self, m: Mention) -> str:
        country = gazetteer.country_name(m.text) if m.label in {"GPE", "LOC", "ORG"} else None
        return "country:" + name_key(country) if country else name_key(m.text)

    def _across_articles(self) -> None:
        groups = self.uf.groups()
        person_groups = {root: ids for root, ids in groups.items() if self._group_is_person(ids)}
        # full names: the same person under variant spellings or name order
        by_key: dict[str, MentionId] = {}
        for root, ids in sorted(person_groups.items()):
            for i in ids:
                m = self.mentions[i]
                if len(tokens(m.text)) < 2:
                    continue
                for k in (translit_key(m.text), " ".join(sorted(translit_key(m.text).split()))):
                    if k in by_key:
                        self.uf.union(by_key[k], root)
                    else:
                        by_key[k] = root
        # lone surnames: the one person of the corpus they name; the last word of a full name
        # first, else its first word (family name first: "Yoon" of "Yoon Suk Yeol")
        surname_owners: dict[str, set[MentionId]] = defaultdict(set)
        first_owners: dict[str, set[MentionId]] = defaultdict(set)
        for root, ids in self.uf.groups().items():
            if not self._group_is_person(ids):
                continue
            for i in ids:
                t = translit_key(self.mentions[i].text).split()
                if len(t) >= 2:
                    surname_owners[t[-1]].add(root)
                    first_owners[t[0]].add(root)
        for root, ids in sorted(self.uf.groups().items()):
            if any(len(tokens(self.mentions[i].text)) >= 2 for i in ids):
                continue
            words = {translit_key(self.mentions[i].text) for i in ids if self.mentions[i].label != "NORP"}
            if len(words) != 1:
                continue
            word = words.pop()
            owners = {self.uf.find(o) for o in surname_owners.get(word) or first_owners.get(word, set())}
            if len(owners) == 1 and (self._group_is_person(ids) or self._weak_label(ids)):
                self.uf.union(owners.pop(), root)
        # other names: the same name (or country) is one entity
        seen: dict[str, MentionId] = {}
        for root, ids in sorted(self.uf.groups().items()):
            if self._group_is_person(ids):
                continue
            for i in ids:
                m = self.mentions[i]
                if m.label == "NORP":
                    continue
                k = self._place_key(m)
                if k in seen:
                    self.uf.union(seen[k], root)
                else:
                    seen[k] = root
        self._acronyms_and_short_forms()

    def _weak_label(self, ids: list[MentionId]) -> bool:
        """A name the model typed as an organisation or nothing in particular, or as a place the
        gazetteer does not know (the model often takes a surname for one: 'Scholz')."""
        return all(
            self.mentions[i].label in {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"}
            or (self.mentions[i].label == "GPE" and not gazetteer.place_kind(self.mentions[i].text))
            for i in ids
        )

    def _acronyms_and_short_forms(self) -> None:
        groups = self.uf.groups()
        long_forms: dict[str, set[MentionId]] = defaultdict(set)
        names_of: dict[MentionId, set[str]] = {}
        for root, ids in groups.items():
            names = {self.mentions[i].text for i in ids if self.mentions[i].label != "NORP"}
            names_of[root] = names
            if self._group_is_person(ids):
                continue
            for n in names:
                a = acronym_of(n)
                if a:
                    long_forms[a].add(root)
        for root, names in sorted(names_of.items()):
            for n in names:
                a = as_acronym(n)
                if a and len(long_forms.get(a, set())) == 1:
                    other = next(iter(long_forms[a]))
                    if self.uf.find(other) != self.uf.find(root):
                        self.uf.union(other, root)
        # "Foreign Ministry" -> the one "German Foreign Ministry" of the corpus
        groups = self.uf.groups()
        orgs = {
            root: {name_key(self.mentions[i].text) for i in ids}
            for root, ids in groups.items()
            if self._kind_votes(ids).most_common(1)[0][0] == "organization"
        }
        for root, names in sorted(orgs.items()):
            for n in names:
                if len(n.split()) < 2:
                    continue
                owners = {
                    r
                    for r, other in orgs.items()
                    if r != root and any(o.endswith(" " + n) and len(o.split()) > len(n.split()) for o in other)
                }
                if len(owners) == 1:
                    self.uf.union(owners.pop(), root)

    def _demonyms(self) -> None:
        """'French' -> France; 'Ottoman' -> the 'Ottoman Empire' of the corpus."""
        groups = self.uf.groups()
        by_country: dict[str, MentionId] = {}
        prefixes: dict[str, set[MentionId]] = defaultdict(set)
        for root, ids in groups.items():
            for i in ids:
                m = self.mentions[i]
                if m.label == "NORP":
                    continue
                c = gazetteer.country_name(m.text) if m.label in {"GPE", "LOC"} else None
                if c:
                    by_country.setdefault(c, root)
                if m.label == "GPE":
                    prefixes[name_key(m.text).split()[0]].add(root)
        for i, m in sorted(self.mentions.items()):
            if m.label != "NORP":
                continue
            country = gazetteer.country_of_demonym(m.text)
            target = by_country.get(country) if country else None
            if target is None and not country:
                owners = prefixes.get(name_key(m.text), set())
                if len(owners) == 1:
                    target = next(iter(owners))
            if target is not None:
                self.uf.union(target, i)
                self.demonyms[i] = country or m.text
            elif country:
                self.demonyms[i] = country  # a country only its demonym names: it becomes an entity
                by_country[country] = i  # one entity, however many times (and in how many articles)

    # -- votes and labels ----------------------------------------------------------------

    def _group_is_person(self, ids: list[MentionId]) -> bool:
        votes = self._kind_votes(ids)
        return bool(votes) and votes.most_common(1)[0][0] == "person"

    def _kind_votes(self, ids: list[MentionId]) -> Counter:
        votes: Counter = Counter()
        for i in ids:
            m = self.mentions[i]
            if m.label == "NORP":
                continue
            votes[m.kind] += 1
            if m.kind in {"country", "city", "region"}:
                votes[m.kind] += 1
            if is_person(m) and len(tokens(m.text)) >= 2:
                votes["person"] += 1
            words = tokens(m.text)
            if words and words[-1] in _EVENT_WORDS:
                votes["event"] += 2
            votes.update(self.votes.get(i, Counter()))
        if not votes:
            votes["country"] += 1  # only demonyms name it
        # ties break by a fixed order
        ranked = sorted(
            votes.items(), key=lambda kv: (-kv[1], KIND_ORDER.index(kv[0]) if kv[0] in KIND_ORDER else len(KIND_ORDER))
        )
        return Counter(dict(ranked))

    def _kind(self, ids: list[MentionId]) -> str:
        votes = self._kind_votes(ids)
        if "place" in votes:  # a place the gazetteer does not know: what else the text says, else a town
            specific = {k: v for k, v in votes.items() if k in {"location", "region", "city", "country"}}
            votes["city" if not specific else max(specific, key=lambda k: (specific[k], -KIND_ORDER.index(k)))] += (
                votes.pop("place")
            )
        best = max(votes.values())
        for kind in KIND_ORDER:
            if votes.get(kind) == best:
                return kind
        return "city"

    def _label(self, kind: str, ids: list[MentionId]) -> tuple[str, list[str], list[str]]:
        names = [self.mentions[i].text for i in ids if self.mentions[i].label != "NORP"]
        hidden = sorted({self.mentions[i].text for i in ids if self.mentions[i].label == "NORP"})
        if not names:
            country = next((self.demonyms[i] for i in ids if i in self.demonyms), hidden[0] if hidden else "?")
            return country, [], hidden
        counts = Counter(names)
        label = None
        if kind == "country":
            label = next((gazetteer.country_name(n) for n in names if gazetteer.country_name(n)), None)
        if label is None:
            pool = (
                [n for n in counts if len(tokens(n)) >= 2]
                if kind == "person"
                else [n for n in counts if not as_acronym(n)]
            )
            pool = pool or list(counts)
            label = sorted(pool, key=lambda n: (-counts[n], -len(n), n))[0]
        alts = sorted({n for n in names if n != label})
        return label, alts, [h for h in hidden if h != label]

    def _table(self) -> EntityTable:
        table = EntityTable()
        for ex in self.extractions:
            table.nominal[ex.article.id] = {}
        used: dict[str, int] = {}
        for _root, ids in sorted(self.uf.groups().items()):
            real = [i for i in ids if self.mentions[i].label != "NORP" or i in self.demonyms]
            if not real:
                continue
            kind = self._kind(real)
            label, alts, hidden = self._label(kind, real)
            key = f"{kind}/{slug(label)}"
            if key in used:  # two entities, one name: keep them apart
                used[key] += 1
                key = f"{key}-{used[key]}"
            else:
                used[key] = 1
            entity = Entity(
                key=key,
                kind=kind,
                label=label,
                alt_labels=tuple(alts),
                hidden_labels=tuple(hidden),
                mentions=tuple(sorted((self.mentions[i] for i in real), key=lambda m: (m.article_id, m.start))),
            )
            table.entities[key] = entity
            for i in real:
                table.of_mention[i] = key
            for n in {label, *alts, *hidden}:
                table.by_name.setdefault(name_key(n), []).append(key)
        for aid, heads in self.nominal_heads.items():
            for head, i in heads.items():
                if i in table.of_mention:
                    table.nominal[aid][head] = table.of_mention[i]
        return table


def resolve_entities(extractions: list[Extraction]) -> EntityTable:
    return EntityResolver(extractions).resolve()
