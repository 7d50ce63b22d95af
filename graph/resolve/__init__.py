"""The resolve stage: from per-article extractions to one corpus of entities,
roles and events, with every relative date grounded.

Order matters: entities first (so references can be resolved), then each
article's events, then article dates (given, stated, or inferred from events
that dated articles also report), then dates, then merging of events within
and across articles. Nothing here imports spaCy: resolution reads records only.

>>> from graph.records import Article, Extraction, Mention
>>> text = "Anna Berg arrived. Berg spoke."
>>> ms = (Mention("a1", 0, 0, 9, "Anna Berg", "person"), Mention("a1", 1, 19, 23, "Berg", "organization"))
>>> corpus = resolve_corpus([Extraction(Article("a1", text), "-", "-", mentions=ms)])
>>> [(e.key, e.kind, e.label, e.alt_labels) for e in corpus.entities]
[('anna-berg', 'person', 'Anna Berg', ('Berg',))]
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from graph.records import Article, Corpus, DateOrigin, Extraction, ResolvedRole
from graph.resolve.entities import EntityTable, resolve_entities
from graph.resolve.events import (
    DatedEvents,
    finish,
    ground_events,
    infer_article_date,
    merge_across_articles,
    merge_within_article,
    post_parties,
    resolve_article_events,
)
from graph.resolve.refs import ArticleContext, reference_rules
from graph.rules import DEFAULT, Settings
from graph.timex import article_date


def stated_date(article: Article) -> Article:
    """An article's date from its url, or its text (dateline, timestamp), unless given as metadata.

    A `date` header of a text file is weighed against the text
    (:func:`graph.timex.article_date`): a disagreement is said in the evidence.
    """
    header = article.date is not None and (article.path or "").endswith(".txt")
    if article.date is not None and not header:
        return article
    found = article_date(article.text, article.url, (article.date, article.date_evidence or "") if header else None)
    if found is None:
        return article
    origin = DateOrigin.STATED if found.source == "text" else DateOrigin.GIVEN
    return replace(article, date=found.date, date_origin=origin, date_evidence=found.evidence)


def _roles(extractions: list[Extraction], table: EntityTable, settings: Settings) -> list[ResolvedRole]:
    out: list[ResolvedRole] = []
    for ex in extractions:
        aid = ex.article.id
        for role in ex.roles:
            person = table.of_mention.get((aid, role.person.start, role.person.end))
            if person is None or table.entities[person].kind != "person":
                continue
            of = table.lookup(role.of, settings.kinds.place_kinds | {"organization"}) if role.of else None
            out.append(ResolvedRole(person=person, title=role.title, of=of, evidence=role.evidence))
    return out


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while, as it was after.

    Resolution makes hundreds of thousands of small objects that live to the end
    and form no cycles; each collection would walk all of them again, which took
    about half the time of resolving 1,000 news articles. Cycles made meanwhile are
    collected later, as the oldest generation is.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_freeze_count() == 0:
                # what was made meanwhile goes to the oldest generation without a walk: left young,
                # the first collection after would walk all of it at once
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def resolve_corpus(extractions: list[Extraction], settings: Settings = DEFAULT) -> Corpus:
    """One corpus of entities, roles and events from the extractions of its articles."""
    with collector_paused():
        return _resolve_corpus(extractions, settings)


def _resolve_corpus(extractions: list[Extraction], settings: Settings) -> Corpus:
    from graph.resolve.registry import EVENT_PASSES

    on = {r.name for r in EVENT_PASSES if settings.enabled(r)}
    if "dates.stated_article_date" in on:
        extractions = [replace(ex, article=stated_date(ex.article)) for ex in extractions]
    extractions = sorted(extractions, key=lambda ex: ex.article.id)
    table = resolve_entities(extractions, settings)
    roles = _roles(extractions, table, settings)
    corpus_titles: dict[str, set] = defaultdict(set)
    article_titles: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for role in roles:
        corpus_titles[role.person].add((role.title, role.of))
        article_titles[role.evidence.article_id][role.person].add((role.title, role.of))

    ref_rules = reference_rules(settings)
    contexts = {
        ex.article.id: ArticleContext(
            ex, table, article_titles[ex.article.id], corpus_titles, rules=ref_rules, settings=settings
        )
        for ex in extractions
    }
    capital = "events.capital_speaks_for" in on
    continuation = "dates.continuation" in on
    report_day = "dates.reporting_day" in on
    offsets = "dates.narrative_offsets" in on
    working = {aid: resolve_article_events(ctx, capital_rule=capital) for aid, ctx in contexts.items()}
    if "events.post_parties" in on:
        article_roles: dict[str, list[ResolvedRole]] = defaultdict(list)
        for role in roles:
            article_roles[role.evidence.article_id].append(role)
        for aid, evs in working.items():
            post_parties(evs, contexts[aid], article_roles[aid])
    articles = {ex.article.id: ex.article for ex in extractions}
    for aid, evs in working.items():
        ground_events(evs, articles[aid], continuation=continuation, report_day=report_day, offsets=offsets)

    # article dates inferred from events that dated articles also report
    if "dates.article_inference" in on:
        dated = DatedEvents([(ev, articles[aid]) for aid, evs in working.items() if articles[aid].date for ev in evs])
        for aid, evs in sorted(working.items()):
            if articles[aid].date is not None:
                continue
            inferred = infer_article_date(evs, dated)
            if inferred is not None:
                articles[aid] = replace(
                    articles[aid], date=inferred.date, date_origin=DateOrigin.INFERRED, date_evidence=inferred.evidence
                )
                ground_events(evs, articles[aid], continuation=continuation, report_day=report_day, offsets=offsets)

    merged = []
    for aid, evs in sorted(working.items()):
        merged.extend(merge_within_article(evs, contexts[aid]) if "events.merge_within_article" in on else evs)
    groups = merge_across_articles(merged) if "events.merge_across_articles" in on else [[ev] for ev in merged]
    events = [finish(g) for g in groups]
    events.sort(key=lambda e: (e.evidence[0].article_id, e.evidence[0].start, e.kind))
    final_extractions = tuple(replace(ex, article=articles[ex.article.id]) for ex in extractions)
    return Corpus(
        articles=tuple(articles[ex.article.id] for ex in extractions),
        extractions=final_extractions,
        entities=tuple(table.entities[k] for k in sorted(table.entities)),
        roles=tuple(sorted(roles, key=lambda r: (r.evidence.article_id, r.evidence.start, r.person))),
        events=tuple(events),
        speaks_for=tuple(
            sorted((aid, city, country) for aid, ctx in contexts.items() for city, country in ctx.speaks_for)
        ),
        mention_entity=dict(table.of_mention),
    )
