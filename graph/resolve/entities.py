"""One node per real-world entity, however many names the articles use.

The mentions of the corpus are joined by passes, each a rule of
``graph/resolve/registry.py``. Within an article: the same full name, a
surname joining the full name it belongs to ("Berg" -> "Anna Berg") whatever
kind the model gave it, the same name, names the text says are one ("known as
A and B", "X, called Y"). Across articles: the same full name under
romanization variants (Dmitry/Dmitri) or family-name-first order, a lone
surname that matches one person of the corpus, the same name whatever kind the
model gave each mention, acronyms of a long form ("G7" / "Group of 7"), a
short organisation name that ends a unique longer one ("Foreign Ministry"), and
demonyms of a country. A person's full name never joins a place or body through
its surname alone.

The kind of an entity is a vote of all its mentions, its titles and what the
text calls it, with the gazetteer's word on places; it is a property of the
entity, not part of its identity: an entity's key (and IRI) is its main name,
and only two different entities of one name are told apart, by kind and, if
need be, by their first mention, which does not depend on the order in which
articles arrive.

>>> entity_keys([(("a1", 0, 5), [], "city", "Barcelona", [], []),
...              (("a2", 3, 9), [], "organization", "Barcelona", [], []),
...              (("a1", 20, 29), [], "person", "Anna Berg", [], [])])
['barcelona-city', 'barcelona-organization', 'anna-berg']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph import gazetteer
from graph.lexicon import EVENT_NAME_WORDS, LANDFORM_NOUNS
from graph.records import Entity, Extraction, Mention
from graph.resolve.names import acronym_of, as_acronym, company_bases, digest, name_key, slug, tokens, translit_key
from graph.rules import DEFAULT, Rule, Settings, active

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
#: Mention kinds that may be a surname the model took for something else.
WEAK_KINDS = frozenset({"organization", "person", "product", "work", "place"})
#: Mention kinds the gazetteer has looked up and found.
KNOWN_PLACE_KINDS = frozenset({"country", "city", "region"})


class UnionFind:
    """Groups of mentions; a group's root is its smallest id (its first mention), whatever the input order.

    Each root keeps its members, so that :meth:`groups` reads them without a walk
    from every mention; it gives the same groups, in the same order, until a union
    changes them.
    """

    def __init__(self) -> None:
        self.parent: dict[MentionId, MentionId] = {}
        self.members: dict[MentionId, list[MentionId]] = {}  # root -> its members, in no order
        self._sorted: dict[MentionId, list[MentionId]] = {}  # root -> its members, sorted (until a union)
        self._groups: dict[MentionId, list[MentionId]] | None = None

    def add(self, x: MentionId) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.members[x] = [x]
            self._groups = None

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
            # the smaller id wins: a group's root is its first mention, whatever the input order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra
            kept, moved = self.members[ra], self.members.pop(rb)
            if len(kept) < len(moved):  # the longer list is extended, so that a member moves O(log n) times
                kept, moved = moved, kept
            kept.extend(moved)
            self.members[ra] = kept
            self._sorted.pop(ra, None)
            self._sorted.pop(rb, None)
            self._groups = None

    def size(self, root: MentionId) -> int:
        """How many mentions the group of this root has (0: not a root)."""
        found = self.members.get(root)
        return len(found) if found is not None else 0

    def groups(self) -> dict[MentionId, list[MentionId]]:
        """Root -> its members, sorted; roots in order. Read it, do not change it: it is shared until a union."""
        if self._groups is None:
            out: dict[MentionId, list[MentionId]] = {}
            for root in sorted(self.members):
                ids = self._sorted.get(root)
                if ids is None:
                    ids = self._sorted[root] = sorted(self.members[root])
                out[root] = ids
            self._groups = out
        return self._groups


class _Votes(defaultdict):
    """Extra votes by mention; reaching one to change it forgets the tally of the mention's group.

    It knows the groups and the tallies, not the resolver: no cycle keeps the resolver alive after it.
    """

    def __init__(self, uf: UnionFind, tally: dict[MentionId, tuple[int, Counter]]) -> None:
        super().__init__(Counter)
        self.uf = uf
        self.tally = tally

    def __getitem__(self, key: MentionId) -> Counter:
        if key in self.uf.parent:
            self.tally.pop(self.uf.find(key), None)
        return super().__getitem__(key)


def mid(m: Mention) -> MentionId:
    return (m.article_id, m.start, m.end)


def is_person(m: Mention) -> bool:
    return m.kind == "person"


def is_demonym(m: Mention) -> bool:
    return m.kind == "nationality"


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
    """The mentions of a corpus, the groups the passes have joined them into, and the votes on kinds."""

    def __init__(self, extractions: list[Extraction], settings: Settings = DEFAULT):
        self.extractions = extractions
        self.settings = settings
        self.mentions: dict[MentionId, Mention] = {}
        self.uf = UnionFind()
        self._tally: dict[MentionId, tuple[int, Counter]] = {}  # root -> (group size, its ranked votes)
        # extra votes on a mention's group; a change forgets the group's tally (see ranked_votes)
        self.votes: dict[MentionId, Counter] = _Votes(self.uf, self._tally)
        self.demonyms: dict[MentionId, str] = {}  # demonym mention -> country name
        self.nominal_heads: dict[str, dict[str, MentionId]] = defaultdict(dict)
        self.by_article: dict[str, list[Mention]] = defaultdict(list)
        self._mention_votes: dict[MentionId, dict[str, int]] = {}
        # one-word names of a body that joined the one longer name of their article they begin
        # ("Orbel" of "Orbel Electronics"): another article's "Orbel" may be another body
        self.dependent: set[MentionId] = set()
        # mentions the text gives a title: a person, whatever kind the model gave them
        self.titled: set[MentionId] = {
            (ex.article.id, r.person.start, r.person.end) for ex in extractions for r in ex.roles
        }

    def full_person_name(self, m: Mention) -> bool:
        """A name of two words or more that is a person's: the model says so, or the text gives it a title."""
        return len(tokens(m.text)) >= 2 and (is_person(m) or mid(m) in self.titled)

    def add(self, m: Mention) -> None:
        self.mentions.setdefault(mid(m), m)
        self.uf.add(mid(m))

    def resolve(self, article_rules: Iterable[Rule], corpus_rules: Iterable[Rule]) -> EntityTable:
        for ex in self.extractions:
            for m in ex.mentions:
                self.add(m)
            self._alias_mentions(ex)
        for m in self.mentions.values():
            self.by_article[m.article_id].append(m)
        article_rules = active(article_rules, self.settings)
        for ex in self.extractions:
            for r in article_rules:
                r.func(self, ex)
        for r in active(corpus_rules, self.settings):
            r.func(self)
        return self._table()

    def _alias_mentions(self, ex: Extraction) -> None:
        """Names found only by an alias statement become mentions."""
        for al in ex.aliases:
            for ref in (*al.names, al.antecedent):
                if ref is not None and ref.kind == "name" and (ex.article.id, ref.start, ref.end) not in self.mentions:
                    self.add(
                        Mention(
                            ex.article.id, ref.sentence, ref.start, ref.end, ref.text, ref.entity_kind or "location"
                        )
                    )

    # -- what the passes ask -----------------------------------------------------------

    def place_key(self, m: Mention) -> str:
        """A mention's name key; a country's names share one key."""
        country = gazetteer.country_name(m.text) if m.kind not in {"person", "nationality"} else None
        return "country:" + name_key(country) if country else name_key(m.text)

    def group_is_person(self, ids: list[MentionId]) -> bool:
        votes = self.ranked_votes(ids)
        return bool(votes) and next(iter(votes)) == "person"  # the first of the ranked votes is the most common

    def weak(self, ids: list[MentionId]) -> bool:
        """Named only with kinds a surname is often mistaken for (a body, or a place the gazetteer does not know)."""
        return all(self.mentions[i].kind in WEAK_KINDS for i in ids)

    def mention_votes(self, i: MentionId) -> dict[str, int]:
        """What one mention says of its entity's kind (the passes' extra votes aside)."""
        found = self._mention_votes.get(i)
        if found is None:
            m = self.mentions[i]
            found = {}
            if not is_demonym(m):
                found[m.kind] = 2 if m.kind in KNOWN_PLACE_KINDS else 1
                words = tokens(m.text)
                if is_person(m) and len(words) >= 2:
                    found["person"] = found.get("person", 0) + 1
                if words and words[-1] in EVENT_NAME_WORDS:
                    found["event"] = found.get("event", 0) + 2
            self._mention_votes[i] = found
        return found

    def ranked_votes(self, ids: list[MentionId]) -> Counter:
        """The votes of these mentions, ranked; a whole group's are kept until it grows or its votes change."""
        root = ids[0] if ids else None
        whole = root is not None and self.uf.size(root) == len(ids)  # a root and as many ids: its whole group
        if whole:
            found = self._tally.get(root)
            if found is not None and found[0] == len(ids):
                return found[1]
        votes: Counter = Counter()
        for i in ids:
            for kind, n in self.mention_votes(i).items():
                votes[kind] += n
            extra = self.votes.get(i)
            if extra and not is_demonym(self.mentions[i]):
                votes.update(extra)
        if not votes:
            votes["country"] += 1  # only demonyms name it
        # ties break by a fixed order
        ranked = sorted(
            votes.items(), key=lambda kv: (-kv[1], KIND_ORDER.index(kv[0]) if kv[0] in KIND_ORDER else len(KIND_ORDER))
        )
        out = Counter(dict(ranked))
        if whole:
            self._tally[root] = (len(ids), out)
        return out

    def kind_votes(self, ids: list[MentionId]) -> Counter:
        return Counter(self.ranked_votes(ids))

    def kind(self, ids: list[MentionId]) -> str:
        votes = self.kind_votes(ids)
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
        names = [self.mentions[i].text for i in ids if not is_demonym(self.mentions[i])]
        hidden = sorted({self.mentions[i].text for i in ids if is_demonym(self.mentions[i])})
        if not names:
            country = next((self.demonyms[i] for i in ids if i in self.demonyms), hidden[0] if hidden else "?")
            return country, [], hidden
        counts = Counter(names)
        label = None
        if kind == "country":
            label = next((gazetteer.country_name(n) for n in names if gazetteer.country_name(n)), None)
        elif kind == "city":  # the gazetteer's name for the city: "LAGOS" and "Bombay" are Lagos, Mumbai
            found = [gazetteer.place(n, gazetteer.SMALL_TOWN) for n in counts]
            label = next((p.name for p in found if p is not None and p.kind == "city"), None)
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
        found: list[tuple[MentionId, list[MentionId], str, str, list[str], list[str]]] = []
        for root, ids in sorted(self.uf.groups().items()):
            real = [i for i in ids if not is_demonym(self.mentions[i]) or i in self.demonyms]
            if not real:
                continue
            kind = self.kind(real)
            label, alts, hidden = self._label(kind, real)
            found.append((root, real, kind, label, alts, hidden))
        for (_root, real, kind, label, alts, hidden), key in zip(found, entity_keys(found), strict=True):
            entity = Entity(
                key=key,
                kind=kind,
                label=label,
                alt_labels=tuple(alts),
                hidden_labels=tuple(hidden),
                mentions=tuple(sorted((self.mentions[i] for i in real), key=lambda m: (m.article_id, m.start))),
                geonames=geonames_id(kind, label),
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


def geonames_id(kind: str, label: str) -> int | None:
    """The GeoNames id of a country or city of this name (the most populous of that name)."""
    if kind not in {"country", "city"}:
        return None
    found = gazetteer.place(label, gazetteer.SMALL_TOWN)
    return found.geonameid if found is not None and found.kind == kind else None


def entity_keys(found: list[tuple]) -> list[str]:
    """Each entity's key: the slug of its main name; entities that share one are told apart by
    kind, then by their first mention (the group's root), so no key depends on input order."""
    base = [slug(label) for _root, _real, _kind, label, _alts, _hidden in found]
    count = Counter(base)
    keys = [b if count[b] == 1 else f"{b}-{kind}" for b, (_r, _m, kind, *_rest) in zip(base, found, strict=True)]
    count = Counter(keys)
    return [k if count[k] == 1 else f"{k}-{digest(*root)}" for k, (root, *_rest) in zip(keys, found, strict=True)]


# -- passes within one article -----------------------------------------------------------------


def same_full_name(res: EntityResolver, ex: Extraction) -> None:
    """A person's full name said twice in an article (spelling variants too) is one person."""
    by_full: dict[str, MentionId] = {}
    for m in res.by_article.get(ex.article.id, []):
        if is_person(m) and len(tokens(m.text)) >= 2:
            k = translit_key(m.text)
            if k in by_full:
                res.uf.union(by_full[k], mid(m))
            else:
                by_full[k] = mid(m)


def surname_in_article(res: EntityResolver, ex: Extraction) -> None:
    """A lone surname or given name joins the one full name of the article it belongs to, whatever its kind."""
    by_full = {translit_key(m.text): mid(m) for m in res.by_article.get(ex.article.id, []) if res.full_person_name(m)}
    for m in res.by_article.get(ex.article.id, []):
        # a place the gazetteer knows is not a surname the model took for a place
        if is_demonym(m) or m.kind in KNOWN_PLACE_KINDS:
            continue
        if len(tokens(m.text)) not in (1, 2):
            continue
        words = translit_key(m.text).split()
        n = len(words)
        # one word, or a surname in two ("Al-Tarek" of "Omar Al-Tarek"), at either end of the full name
        if n == 2 and res.full_person_name(m):
            continue  # a full name of its own
        owners = {
            res.uf.find(v)
            for k, v in by_full.items()
            if len(k.split()) > n and words in (k.split()[-n:], k.split()[:n])
        }
        if len(owners) == 1:
            res.uf.union(owners.pop(), mid(m))


def same_name_in_article(res: EntityResolver, ex: Extraction) -> None:
    """The same name twice in an article is one entity, whatever kind the model gave each mention
    (a person's surname stays with the full name it joined)."""
    ms = res.by_article.get(ex.article.id, [])
    with_full = {res.uf.find(mid(m)) for m in ms if res.full_person_name(m)}
    seen: dict[str, MentionId] = {}
    for m in ms:
        if is_demonym(m) or res.uf.find(mid(m)) in with_full:
            continue
        k = res.place_key(m)
        if k in seen:
            res.uf.union(seen[k], mid(m))
        else:
            seen[k] = mid(m)


def final_s_in_article(res: EntityResolver, ex: Extraction) -> None:
    """A body's name in an article and the same name with a final 's' more or less are one body, the
    other spelling a slip: 'Vantairlines' and 'Vantairline', 'Korvan Mining' and 'Korvan Minings'
    (names of eight letters or more; not a surname of a person named in full)."""
    ms = res.by_article.get(ex.article.id, [])
    with_full = {res.uf.find(mid(m)) for m in ms if res.full_person_name(m)}  # 'Ann Roberts', not a body
    by_key: dict[str, MentionId] = {}
    for m in ms:
        if m.kind in KNOWN_PLACE_KINDS or is_demonym(m) or m.text.isupper() or res.uf.find(mid(m)) in with_full:
            continue
        if m.kind == "organization" or len(tokens(m.text)) == 1:  # the model may call a body a person
            by_key.setdefault(name_key(m.text), mid(m))
    for key, m_id in by_key.items():
        other = by_key.get(key + "s")
        if other is not None and len(key) >= 8:
            res.uf.union(m_id, other)


def short_org_in_article(res: EntityResolver, ex: Extraction) -> None:
    """A one-word name of a body joins the one longer name of the article's bodies it begins, its legal
    form aside: 'Orbel' and 'Orbel Electronics Co.' in an article that names no other 'Orbel ...' body.
    It stays out of the corpus-wide joins by name: another article's 'Orbel' may be the group."""
    ms = res.by_article.get(ex.article.id, [])
    longer: dict[str, set[str]] = defaultdict(set)  # first word -> bases of the longer names
    first_mention: dict[tuple[str, str], MentionId] = {}  # (first word, base) -> a mention of that name
    for m in ms:
        words = tokens(m.text)
        if len(words) < 2 or m.kind != "organization":
            continue
        bases = company_bases(m.text)
        base = name_key(bases[0] if bases and len(tokens(bases[0])) >= 2 else m.text)
        first = name_key(words[0])
        longer[first].add(base)
        first_mention.setdefault((first, base), mid(m))
    with_full = {res.uf.find(mid(m)) for m in ms if res.full_person_name(m)}
    for m in ms:  # the model may call one of them a person: the word is the body's all the same
        if len(tokens(m.text)) != 1 or m.kind in KNOWN_PLACE_KINDS or is_demonym(m):
            continue
        if res.uf.find(mid(m)) in with_full:
            continue  # a surname that joined a person's full name
        if m.text.isupper() or gazetteer.place_kind(m.text) is not None:
            continue  # an acronym is a name of its own ('TSA' of 'TSA Tracking Network')
        key = name_key(m.text)
        bases = longer.get(key, set())
        if len(bases) != 1:
            continue
        res.uf.union(first_mention[(key, next(iter(bases)))], mid(m))
        res.dependent.add(mid(m))


def stated_aliases(res: EntityResolver, ex: Extraction) -> None:
    """Names the text says are one ('known as A and B', 'X, called Y') join; a landform noun they are given
    ('the islands known as ...') votes for a location."""
    aid = ex.article.id
    for al in ex.aliases:
        ids = [(aid, r.start, r.end) for r in al.names if (aid, r.start, r.end) in res.mentions]
        ant = al.antecedent
        if ant is not None and ant.kind == "name" and (aid, ant.start, ant.end) in res.mentions:
            ids.append((aid, ant.start, ant.end))
        elif ant is not None and ant.kind == "nominal" and ant.head:
            known = res.nominal_heads[aid].get(ant.head)
            if known is not None:
                ids.append(known)
            if ids:
                res.nominal_heads[aid].setdefault(ant.head, ids[0])
                if ant.head in LANDFORM_NOUNS:
                    res.votes[ids[0]]["location"] += 3
        for other in ids[1:]:
            res.uf.union(ids[0], other)


def title_votes(res: EntityResolver, ex: Extraction) -> None:
    """A name the text gives a title is a person: three votes."""
    aid = ex.article.id
    for role in ex.roles:
        key = (aid, role.person.start, role.person.end)
        if key in res.mentions:
            res.votes[key]["person"] += 3


# -- passes across articles ---------------------------------------------------------------


def _has_full_person_name(res: EntityResolver, ids: list[MentionId]) -> bool:
    return any(res.full_person_name(res.mentions[i]) for i in ids)


def full_name_variants(res: EntityResolver) -> None:
    """The same person's full name in two articles, under spelling variants or in the other name order."""
    by_key: dict[str, MentionId] = {}
    for root, ids in sorted(res.uf.groups().items()):
        if not res.group_is_person(ids):
            continue
        for i in ids:
            m = res.mentions[i]
            if len(tokens(m.text)) < 2:
                continue
            for k in (translit_key(m.text), " ".join(sorted(translit_key(m.text).split()))):
                if k in by_key:
                    res.uf.union(by_key[k], root)
                else:
                    by_key[k] = root


def lone_surname(res: EntityResolver) -> None:
    """A name of one word, in an article without the full name, joins the one person of the corpus it names:
    the last word of a full name first, else its first word (family name first: 'Yoon' of 'Yoon Suk Yeol')."""
    surname_owners, first_owners = _surname_owners(res)
    for root, ids in sorted(res.uf.groups().items()):
        if any(len(tokens(res.mentions[i].text)) >= 2 for i in ids):
            continue
        words = {translit_key(res.mentions[i].text) for i in ids if not is_demonym(res.mentions[i])}
        if len(words) != 1:
            continue
        word = words.pop()
        owners = {res.uf.find(o) for o in surname_owners.get(word) or first_owners.get(word, set())}
        if len(owners) == 1 and (res.group_is_person(ids) or res.weak(ids)):
            res.uf.union(owners.pop(), root)


def same_name(res: EntityResolver) -> None:
    """The same name in two articles is one entity, whatever kind the model gave each mention.

    A person's full name matches the same full name; a lone word the model called a
    person joins only the name of a body or thing ("Tarvair" typed as a person in
    one article, as a company in another), never another lone word nor a place the
    gazetteer knows: two articles' unplaced "Kim" may be two people.
    """
    index: dict[str, MentionId] = {}
    lone: list[tuple[str, MentionId]] = []
    for root, ids in sorted(res.uf.groups().items()):
        person = res.group_is_person(ids)
        full = _has_full_person_name(res, ids)
        for i in ids:
            m = res.mentions[i]
            if is_demonym(m) or i in res.dependent:
                continue
            k = res.place_key(m)
            if person and len(tokens(m.text)) < 2:
                if not full:
                    lone.append((k, root))
                continue
            if k in index:
                res.uf.union(index[k], root)
            else:
                index[k] = root
    if not lone:
        return
    groups = res.uf.groups()
    for k, root in lone:
        if k not in index:
            continue
        target = res.uf.find(index[k])
        if res.kind(groups[target]) in _THING_KINDS:
            res.uf.union(target, root)


#: Kinds a lone word the model called a person may turn out to be.
_THING_KINDS = frozenset({"organization", "product", "work", "event", "facility", "location"})


def _surname_owners(res: EntityResolver) -> tuple[dict[str, set[MentionId]], dict[str, set[MentionId]]]:
    """Last and first words of the corpus's full person names, and the groups they belong to."""
    last: dict[str, set[MentionId]] = defaultdict(set)
    first: dict[str, set[MentionId]] = defaultdict(set)
    for root, ids in res.uf.groups().items():
        if not res.group_is_person(ids):
            continue
        for i in ids:
            t = translit_key(res.mentions[i].text).split()
            if len(t) >= 2:
                last[t[-1]].add(root)
                first[t[0]].add(root)
    return last, first


def lone_names(res: EntityResolver) -> None:
    """A single word the model took for a person, that the corpus never gives a title nor uses as part
    of a full person name, and that no honorific or 'and' with a person marks as one, is no person
    ('Twitter', 'Xinhua', 'Brexit'): its mentions vote for a body, or for a place the gazetteer knows."""
    last, first = _surname_owners(res)
    groups = res.uf.groups()
    people = {r for r, ids in groups.items() if res.group_is_person(ids) and _has_full_person_name(res, ids)}
    for root, ids in sorted(groups.items()):
        if not res.group_is_person(ids) or _has_full_person_name(res, ids) or any(i in res.titled for i in ids):
            continue
        if any(res.mentions[i].person_cue for i in ids) or _joined_to(res, ids, people):
            continue
        words = {translit_key(res.mentions[i].text) for i in ids if not is_demonym(res.mentions[i])}
        if any(w in last or w in first for w in words):
            continue
        kind = "city" if any(gazetteer.place_kind(res.mentions[i].text) for i in ids) else "organization"
        person = res.kind_votes(ids).get("person", 0)
        res.votes[root]["person"] -= person
        res.votes[root][kind] += 1


def _joined_to(res: EntityResolver, ids: list[MentionId], people: set[MentionId]) -> bool:
    """Some mention is joined by 'and' to a mention of one of these groups ('Scholz and Macron')."""
    for i in ids:
        m = res.mentions[i]
        for start in m.joined_with:
            other = next((x for x in res.by_article.get(m.article_id, []) if x.start == start), None)
            if other is not None and res.uf.find(mid(other)) in people:
                return True
    return False


def legal_suffixes(res: EntityResolver) -> None:
    """A company's name with its legal form is the company: 'Vantix Inc.' / 'Vantix', 'Orbel Electronics
    Co.' / 'Orbel Electronics', 'Orbelmart.com Inc' / 'Orbelmart'; 'Group' or 'Holdings' go too when what is
    left names one body of the corpus."""
    index: dict[str, set[MentionId]] = defaultdict(set)
    groups = res.uf.groups()
    for root, ids in groups.items():
        if res.group_is_person(ids):
            continue
        for i in ids:
            if i not in res.dependent:
                index[name_key(res.mentions[i].text)].add(root)
    for root, ids in sorted(groups.items()):
        if res.group_is_person(ids):
            continue
        for i in ids:
            for base in company_bases(res.mentions[i].text):
                owners = {res.uf.find(o) for o in index.get(name_key(base), set())} - {res.uf.find(root)}
                if len(owners) == 1:
                    res.uf.union(owners.pop(), root)
                    break


def of_inversion(res: EntityResolver) -> None:
    """'A of the B' and 'B A' name one thing: 'Palace of the Revolution' / 'Revolution Palace',
    'Ministry of Defence' / 'Defence Ministry'."""
    index: dict[str, set[MentionId]] = defaultdict(set)
    groups = res.uf.groups()
    for root, ids in groups.items():
        if not res.group_is_person(ids):
            for i in ids:
                index[name_key(res.mentions[i].text)].add(root)
    for root, ids in sorted(groups.items()):
        if res.group_is_person(ids):
            continue
        for i in ids:
            words = name_key(res.mentions[i].text).split()
            if "of" not in words[1:-1]:
                continue
            at = words.index("of")
            rest = [w for w in words[at + 1 :] if w != "the"]
            owners = {res.uf.find(o) for o in index.get(" ".join(rest + words[:at]), set())} - {res.uf.find(root)}
            if len(owners) == 1:
                res.uf.union(owners.pop(), root)


_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")


def initials(res: EntityResolver) -> None:
    """A person named by initials and surname is the one person of the corpus with that surname and a given
    name of that first letter: 'V.K. Tarvo' / 'Vilma Tarvo'."""
    full: dict[tuple[str, str], set[MentionId]] = defaultdict(set)
    short: list[tuple[tuple[str, str], MentionId]] = []
    for root, ids in res.uf.groups().items():
        if not res.group_is_person(ids):
            continue
        for i in ids:
            words = res.mentions[i].text.replace(".", ". ").split()
            if len(words) < 2:
                continue
            surname = translit_key(words[-1])
            if all(_INITIALS.match(w) for w in words[:-1]):
                short.append(((surname, words[0][0].lower()), root))
            elif words[0][:1].isalpha() and not _INITIALS.match(words[0]):
                full[(surname, words[0][0].lower())].add(root)
    for key, root in short:
        owners = {res.uf.find(o) for o in full.get(key, set())} - {res.uf.find(root)}
        if len(owners) == 1:
            res.uf.union(owners.pop(), root)


def _join_by_key(res: EntityResolver, keys_of: Callable[[list[MentionId]], set]) -> None:
    """Join the groups that have the same one key (a group with none, or with two, joins nothing)."""
    seen: dict[object, MentionId] = {}
    for root, ids in sorted(res.uf.groups().items()):
        keys = keys_of(ids)
        if len(keys) != 1:
            continue
        key = keys.pop()
        if key in seen:
            res.uf.union(seen[key], root)
        else:
            seen[key] = root


def same_place(res: EntityResolver) -> None:
    """Two names of one place the gazetteer knows are one entity: 'Bangalore' / 'Bengaluru'."""

    def geonames_ids(ids: list[MentionId]) -> set:
        kind = res.kind(ids)
        if kind not in {"country", "city"}:
            return set()
        return {geonames_id(kind, res.mentions[i].text) for i in ids if not is_demonym(res.mentions[i])} - {None}

    _join_by_key(res, geonames_ids)


_MODEL_CODE = re.compile(r"^(?P<maker>[A-Z][\w-]*) (?P<letter>[A-Z])(?P<number>\d{2,4})$")


def _code_key(name: str) -> str | None:
    """'Korvan K310' and 'Korvan 310' -> 'korvan 310': a maker's model code with the maker's initial
    before its number, or without it; None for other names."""
    m = _MODEL_CODE.match(name.strip())
    if m and m.group("letter") == m.group("maker")[0]:
        return f"{m.group('maker').lower()} {m.group('number')}"
    parts = name.split()
    if len(parts) == 2 and parts[0][:1].isupper() and parts[1].isdigit() and 2 <= len(parts[1]) <= 4:
        return f"{parts[0].lower()} {parts[1]}"
    return None


def model_codes(res: EntityResolver) -> None:
    """One model of one maker, with its code's letter or without: 'Korvan K310' / 'Korvan 310'
    (the letter is the maker's initial)."""
    _join_by_key(
        res,
        lambda ids: set() if res.group_is_person(ids) else {k for i in ids if (k := _code_key(res.mentions[i].text))},
    )


_FLIGHT_CODE = re.compile(r"(?:[A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3})?\s?(\d{3,4})")


def _flight(text: str) -> tuple[str, str] | None:
    """(carrier's name key or '', number) of a flight's name: 'Vantair flight VT 9525' ('vantair',
    '9525'), 'VTR9525' ('', '9525'); None for a name that is no flight's."""
    words = text.split()
    lower = [w.lower() for w in words]
    if "flight" in lower:
        at = lower.index("flight")
        carrier, code = " ".join(words[:at]), " ".join(words[at + 1 :])
    else:
        carrier, code = "", text.strip()
        if not any(c.isalpha() for c in code):
            return None  # a bare number is no flight's name
    found = _FLIGHT_CODE.fullmatch(code)
    return (name_key(carrier), found.group(1)) if found else None


def same_flight(res: EntityResolver) -> None:
    """Two names of one flight number are one flight when one names its carrier and the other's
    article names that carrier too: 'Vantair flight VT 9525' and 'the VTR9525 flight' (the carrier's
    two codes) in reports that both name Vantair."""
    bodies: dict[str, set[str]] = {  # article -> name keys of the names it gives
        aid: {name_key(m.text) for m in ms if m.kind in {"organization", "person"}}
        for aid, ms in res.by_article.items()
    }
    flights: dict[str, list[tuple[MentionId, set[str], set[str]]]] = defaultdict(list)  # number -> groups
    for root, ids in sorted(res.uf.groups().items()):
        if res.kind(ids) != "event":
            continue
        named = {f for i in ids if (f := _flight(res.mentions[i].text)) is not None}
        numbers = {number for _, number in named}
        if len(numbers) != 1:
            continue
        carriers = {carrier for carrier, _ in named if carrier}
        named_there = set().union(*(bodies.get(aid, set()) for aid in {i[0] for i in ids}))
        flights[numbers.pop()].append((root, carriers, named_there))
    for groups in flights.values():
        for k, (root, carriers, named_there) in enumerate(groups):
            for other, other_carriers, other_named in groups[k + 1 :]:
                if carriers & other_named or other_carriers & named_there:
                    res.uf.union(root, other)


def acronyms(res: EntityResolver) -> None:
    """An acronym joins the one long form of the corpus it abbreviates: 'G7' / 'Group of 7', 'UN' / 'United Nations';
    never a body's acronym an event's name ('TCN', an agency, and the 'Tarvia Cup of Nations')."""
    long_forms: dict[str, set[MentionId]] = defaultdict(set)
    names_of: dict[MentionId, set[str]] = {}
    for root, ids in res.uf.groups().items():
        names = {res.mentions[i].text for i in ids if not is_demonym(res.mentions[i])}
        names_of[root] = names
        if res.group_is_person(ids):
            continue
        for n in names:
            a = acronym_of(n) if as_acronym(n) is None else None  # 'G-30' is no long form of itself
            if a:
                long_forms[a].add(root)
    groups = res.uf.groups()
    for root, names in sorted(names_of.items()):
        for n in names:
            a = as_acronym(n)
            if a and len(long_forms.get(a, set())) == 1:
                other = next(iter(long_forms[a]))
                kinds = {res.kind(groups[root]), res.kind(groups[other])}
                if kinds == {"event", "organization"}:
                    continue  # "TCN" credited as an agency is not the "Tarvia Cup of Nations"
                if res.uf.find(other) != res.uf.find(root):
                    res.uf.union(other, root)


def short_org_names(res: EntityResolver) -> None:
    """A short organisation name joins the one longer name of the corpus it ends:
    'Foreign Ministry' -> 'German Foreign Ministry'."""
    groups = res.uf.groups()
    orgs = {
        root: {name_key(res.mentions[i].text) for i in ids}
        for root, ids in groups.items()
        if next(iter(res.ranked_votes(ids))) == "organization"
    }
    endings: dict[str, set[MentionId]] = defaultdict(set)  # the last words of a longer name -> its groups
    for root, names in orgs.items():
        for n in names:
            words = n.split()
            for k in range(1, len(words) - 1):
                endings[" ".join(words[k:])].add(root)
    for root, names in sorted(orgs.items()):
        for n in names:
            if len(n.split()) < 2:
                continue
            owners = endings.get(n, set()) - {root}
            if len(owners) == 1:
                res.uf.union(owners.pop(), root)

def demonyms(res: EntityResolver) -> None:
    """A demonym names its country ('French' -> France), or the one state of the corpus it is the adjective of
    ('Ottoman' -> the 'Ottoman Empire'); a country named only by its demonym is an entity too."""
    groups = res.uf.groups()
    by_country: dict[str, MentionId] = {}
    prefixes: dict[str, set[MentionId]] = defaultdict(set)
    for root, ids in groups.items():
        for i in ids:
            m = res.mentions[i]
            if is_demonym(m):
                continue
            c = gazetteer.country_name(m.text) if m.kind in res.settings.kinds.place_kinds else None
            if c:
                by_country.setdefault(c, root)
            words = name_key(m.text).split() if m.kind in KNOWN_PLACE_KINDS | {"place"} else []
            if words:  # a "name" of punctuation only has no first word
                prefixes[words[0]].add(root)
    for i, m in sorted(res.mentions.items()):
        if not is_demonym(m):
            continue
        country = gazetteer.country_of_demonym(m.text)
        target = by_country.get(country) if country else None
        if target is None and not country:
            owners = prefixes.get(name_key(m.text), set())
            if len(owners) == 1:
                target = next(iter(owners))
        if target is not None:
            res.uf.union(target, i)
            res.demonyms[i] = country or m.text
        elif country:
            res.demonyms[i] = country  # a country only its demonym names: it becomes an entity
            by_country[country] = i  # one entity, however many times (and in how many articles)


def resolve_entities(
    extractions: list[Extraction],
    settings: Settings = DEFAULT,
    article_rules: Iterable[Rule] | None = None,
    corpus_rules: Iterable[Rule] | None = None,
) -> EntityTable:
    from graph.resolve.registry import ARTICLE_ENTITY_RULES, CORPUS_ENTITY_RULES

    return EntityResolver(extractions, settings).resolve(
        ARTICLE_ENTITY_RULES if article_rules is None else article_rules,
        CORPUS_ENTITY_RULES if corpus_rules is None else corpus_rules,
    )
