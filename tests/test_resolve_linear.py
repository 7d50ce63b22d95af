"""Resolution in linear time (issue 13): the indexes that replaced scans of the whole corpus give what the
scans gave. Each test compares an index with the plain scan it replaced, on generated data, and counts
what the corpus-wide reads were (benchmarks/scale.py gives the times)."""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections import defaultdict

from graph.records import Evidence, Precision, TimeValue
from graph.resolve import collector_paused, resolve_corpus
from graph.resolve.entities import EntityResolver, UnionFind
from graph.resolve.events import DatedEvents, DayGroups, WorkingEvent, infer_article_date
from tests.test_generated import extraction


def naive_groups(uf: UnionFind) -> dict:
    out: dict = defaultdict(list)
    for x in sorted(uf.parent):
        out[uf.find(x)].append(x)
    return dict(out)


def test_union_find_keeps_its_groups_as_a_walk_from_every_mention_finds_them():
    rng = random.Random(3)
    uf = UnionFind()
    ids = [(f"a{rng.randrange(40):02d}", rng.randrange(500), 0) for _ in range(600)]
    for x in ids:
        uf.add(x)
    for step in range(400):
        uf.union(rng.choice(ids), rng.choice(ids))
        if step % 50 == 0:
            groups = uf.groups()
            assert groups == naive_groups(uf)
            assert list(groups) == sorted(groups)  # roots in order
            assert all(root == members[0] for root, members in groups.items())  # a root is its first mention
            assert uf.groups() is groups  # no union since: the same groups, not read again
    assert uf.groups() == naive_groups(uf)
    assert sum(uf.size(r) for r in uf.groups()) == len(set(ids))
    assert uf.size(("nowhere", 0, 0)) == 0


def test_a_groups_kind_follows_the_votes_given_after_it_was_first_read():
    """The tally of a group's votes is kept; a vote given later, or a union, is counted all the same."""
    ex = extraction("a1", ["Norland", "Tarvo Linden"], "met")
    res = EntityResolver([ex])
    for m in ex.mentions:
        res.add(m)
    place, person = sorted(res.uf.groups())
    assert res.kind([place]) == "country" and not res.group_is_person([place])
    res.votes[place]["person"] += 5
    assert res.group_is_person([place]) and res.kind([place]) == "person"
    res.votes[place]["person"] -= 5
    assert res.kind([place]) == "country"
    res.uf.union(place, person)
    both = res.uf.groups()[place]
    assert both == [place, person]
    assert res.kind_votes(both) == {"country": 2, "person": 2}  # the union's votes, not the old tally
    changed = res.kind_votes(both)
    changed["country"] += 10  # what kind_votes gives is the caller's own
    assert res.kind_votes(both) == {"country": 2, "person": 2}


def _event(aid: str, family: str, people: list[str], start: int, day: str | None = None) -> WorkingEvent:
    date = TimeValue(day, Precision.DAY, day) if day else None
    return WorkingEvent(kind=family, family=family, frame="transitive", participants=list(people),
                        evidence=[Evidence(aid, 0, start, start + 1, "test")], sentence=0, article_id=aid,
                        date=date)


def _scan_first(groups: list[list[WorkingEvent]], ev: WorkingEvent) -> list[WorkingEvent] | None:
    """The scan DayGroups replaces: a report with no party (and a group of such reports) goes by its place."""
    for g in groups:
        if not (ev.participants or ev.objects) or all(not (e.participants or e.objects) for e in g):
            if ev.place is not None and any(e.place == ev.place for e in g):
                return g
            continue
        if len(set(ev.participants) & {p for e in g for p in e.participants}) >= min(2, len(ev.participants)):
            return g
    return None


def test_the_groups_of_a_day_give_the_first_group_that_shares_two_people_as_a_scan_of_all_of_them_does():
    rng = random.Random(5)
    people = [f"p{i}" for i in range(12)]
    day = DayGroups()
    scanned: list[list[WorkingEvent]] = []
    for i in range(300):
        ev = _event(f"a{i:03d}", "meeting", rng.sample(people, rng.choice([0, 1, 2, 2, 3])), i)
        ev.place = rng.choice([None, "kandor", "velm"])
        ev.objects = ["p0"] if rng.random() < 0.1 else []
        found = _scan_first(scanned, ev)
        assert day.first_sharing(ev) is (found if found is None else day.groups[scanned.index(found)])
        if found is None:
            group = [ev]
            scanned.append(group)
            day.add(group)
        else:
            day.join(day.groups[scanned.index(found)], ev)
            found.append(ev)
    assert [[e.article_id for e in g] for g in day.groups] == [[e.article_id for e in g] for g in scanned]


def test_an_undated_article_reads_only_the_dated_events_that_share_its_people():
    """Its date comes from the events of dated articles with two of its participants; the index gives the
    same inference as the list, and reads none of the other events."""
    from graph.records import Article, DateOrigin, Tense, TimeExpression

    monday = dt.date(2021, 3, 1)
    dated = []
    for i in range(200):  # many dated meetings, of other people
        art = Article(f"d{i:03d}", "x", date=monday, date_origin=DateOrigin.GIVEN)
        dated.append((_event(art.id, "meeting", [f"p{i}", f"q{i}"], 0, monday.isoformat()), art))
    shared = Article("d999", "x", date=monday, date_origin=DateOrigin.GIVEN)
    dated.append((_event(shared.id, "meeting", ["anna", "ivo"], 0, monday.isoformat()), shared))
    undated = _event("u1", "meeting", ["anna", "ivo"], 0)
    undated.time = TimeExpression("on Monday", Tense.PAST, 0, 1)
    index = DatedEvents(dated)
    assert [a.id for _, a in index.sharing(undated)] == ["d999"]
    by_list, by_index = infer_article_date([undated], dated), infer_article_date([undated], index)
    assert by_list == by_index and by_list.date == monday
    assert "d999" in by_list.evidence


def test_the_collector_is_paused_while_resolving_and_as_it_was_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # left off, as it was
    finally:
        gc.enable()
    corpus = resolve_corpus([extraction("a1", ["Norland", "Tarvo Linden"], "met")])
    assert gc.isenabled() and [e.label for e in corpus.entities] == ["Norland", "Tarvo Linden"]


def test_cached_extractions_are_read_with_the_collector_paused_and_it_runs_again_after(tmp_path):
    from graph.pipeline import Pipeline
    from graph.store import Store

    exs = [extraction(f"a{i}", ["Norland", "Tarvo Linden"], "met") for i in range(3)]
    with Store(tmp_path / "store") as store:
        for ex in exs:
            store.cache(f"key{ex.article.id}", ex)
        loaded = Pipeline._load_cached(store, {ex.article.id: f"key{ex.article.id}" for ex in exs})
    assert loaded == exs and gc.isenabled()


def test_a_resolver_is_freed_as_soon_as_it_is_done_with_no_cycle_to_collect():
    """The collector is paused while resolving: what the resolver holds must go without it."""
    import weakref

    from graph.resolve.registry import ARTICLE_ENTITY_RULES, CORPUS_ENTITY_RULES

    res = EntityResolver([extraction("a1", ["Norland", "Tarvo Linden", "Linden"], "met")])
    table = res.resolve(ARTICLE_ENTITY_RULES, CORPUS_ENTITY_RULES)
    res.votes[("a1", 0, 7)]["city"] += 1
    gone = weakref.ref(res)
    with collector_paused():
        del res
        assert gone() is None
    assert sorted(table.entities) == ["linden", "norland", "tarvo-linden"]  # "Linden" typed a country here
